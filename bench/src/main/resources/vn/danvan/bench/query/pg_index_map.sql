-- pg_index_map: serves pg_map.sql as one contiguous index-only range per indicator, level and year.
CREATE INDEX indicator_values_map ON indicator_values
  (boundaries, grain, indicator, level, year, region_code) INCLUDE (value, source, exact, method)
