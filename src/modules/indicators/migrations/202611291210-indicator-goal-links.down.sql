ALTER TABLE indicator DROP COLUMN goals_assigned_by;
