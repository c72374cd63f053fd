-- view_columns (test): the columns of a warehouse view as DuckDB types them.
-- Substituted: {table} an allow-listed identifier. Parameters: none.
-- Columns: column_name VARCHAR, column_type VARCHAR
SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {table})
