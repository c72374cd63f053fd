-- serve_indicator_values: the indicator_values view over its served copy, with the mart's columns
-- only (docs/marts.md); reads that filter on the series key name serving.indicator_values itself.
-- Parameters: none.
CREATE VIEW indicator_values AS SELECT * EXCLUDE (series_key) FROM serving.indicator_values
