-- pg_index_scan: serves pg_scan.sql as an index-only scan of one activity type's entries, already
-- grouped by year; the heap is never read.
CREATE INDEX activities_type_year ON activities (activity_type, year) INCLUDE (participants)
