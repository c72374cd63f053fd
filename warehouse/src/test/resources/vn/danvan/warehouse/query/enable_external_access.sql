-- enable_external_access (test): tries to undo the hardening; the locked configuration must refuse it.
SET enable_external_access = true
