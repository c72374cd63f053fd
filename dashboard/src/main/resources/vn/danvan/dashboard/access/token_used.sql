-- token_used: records a token's use, unless it was recorded since the cut-off (once a minute).
-- Parameters: last_used, token_hash, cut-off.
UPDATE tokens SET last_used = ?
WHERE token_hash = ? AND (last_used IS NULL OR last_used < ?)
