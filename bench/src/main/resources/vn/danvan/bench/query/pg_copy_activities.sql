-- pg_copy_activities: bulk load from the client (see pg_copy_indicator_values.sql).
COPY activities (year, activity_type, participants) FROM STDIN WITH (FORMAT csv, FREEZE true)
