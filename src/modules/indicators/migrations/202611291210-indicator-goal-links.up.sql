-- Who linked an indicator to the plan's goals: a source, or Koers editors (shown on screen).
ALTER TABLE indicator ADD COLUMN goals_assigned_by text NOT NULL DEFAULT 'koers-editors' CHECK (goals_assigned_by IN ('source', 'koers-editors'));
