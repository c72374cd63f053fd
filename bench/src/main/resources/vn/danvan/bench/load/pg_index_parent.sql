-- pg_index_parent: the drill-down of pg_region_children.sql, as a DBA would index it.
CREATE INDEX mart_regions_parent ON mart_regions (boundaries, parent_code)
