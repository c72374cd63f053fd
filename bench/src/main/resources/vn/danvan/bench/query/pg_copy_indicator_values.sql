-- pg_copy_indicator_values: bulk load from the client; FREEZE (same transaction as the CREATE)
-- writes the rows already frozen and all-visible, as a VACUUM would leave them.
COPY indicator_values (indicator, boundaries, level, region_code, grain, period, year, value, source,
  exact, method) FROM STDIN WITH (FORMAT csv, FREEZE true)
