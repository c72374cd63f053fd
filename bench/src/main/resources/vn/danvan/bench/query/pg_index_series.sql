-- pg_index_series: serves pg_series.sql as an index-only scan: equality on the leading three
-- columns, one descent per region code, the years in key order, the figure carried in the leaf.
CREATE INDEX indicator_values_series ON indicator_values
  (boundaries, grain, indicator, region_code, year) INCLUDE (period, value, source, exact, method)
