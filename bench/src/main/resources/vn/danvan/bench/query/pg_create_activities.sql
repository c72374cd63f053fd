-- pg_create_activities: the activities columns the raw trend scan needs.
-- Parameters: none.
CREATE TABLE activities (
  year smallint NOT NULL,
  activity_type text NOT NULL,
  participants bigint
)
