-- create_serving_view: the view a mart is read through, over its copy in the serving database, so
-- that queries name the same views whether a table is served from Parquet or from memory.
-- Substituted: {table} the view name and {source} the serving table, both quoted identifiers from
-- the LakeTable allow-list.
CREATE VIEW {table} AS SELECT * FROM serving.{source}
