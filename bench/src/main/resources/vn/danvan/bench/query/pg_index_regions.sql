-- pg_index_regions: the join of pg_map.sql from a mart row to its region's name.
CREATE INDEX mart_regions_code ON mart_regions (boundaries, level, region_code) INCLUDE (name)
