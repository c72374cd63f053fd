-- attach_serving: an in-memory, compressed database that holds the marts this DuckDB serves, copied
-- from the snapshot's Parquet files when the snapshot is opened (the dashboard's reads are many
-- small ones; scanning Parquet footers and row groups for each would cost tens of milliseconds).
-- Parameters: none.
ATTACH ':memory:' AS serving (COMPRESS)
