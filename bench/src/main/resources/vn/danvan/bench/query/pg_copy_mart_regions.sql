-- pg_copy_mart_regions: bulk load from the client (see pg_copy_indicator_values.sql).
COPY mart_regions (boundaries, level, region_code, name, parent_code, valid_from, valid_to)
  FROM STDIN WITH (FORMAT csv, FREEZE true)
