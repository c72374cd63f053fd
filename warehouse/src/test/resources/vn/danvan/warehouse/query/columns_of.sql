-- columns_of (test): the column names of a view, in order.
-- Substituted: {table} an allow-listed identifier. Columns: column_name
SELECT column_name FROM (DESCRIBE SELECT * FROM {table})
