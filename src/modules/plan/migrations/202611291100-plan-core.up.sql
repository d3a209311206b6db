-- The action plan: compass goals, flagships, target groups, themes, statuses, stakeholders,
-- actions with their yearly reports (kept with history), obstacles, milestones, and the official
-- aggregate counts that are published without per-action detail.
CREATE TABLE plan_source (
  id text PRIMARY KEY,
  title text NOT NULL,
  publisher text,
  url text NOT NULL,
  published_on date,
  note text
);

CREATE TABLE plan_meta (
  id boolean PRIMARY KEY DEFAULT true CHECK (id), -- one row: the region's plan
  announced_action_count integer NOT NULL CHECK (announced_action_count > 0),
  adopted date,
  partnership jsonb,
  sources jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE plan_goal (
  code text PRIMARY KEY,
  position integer NOT NULL,
  title jsonb NOT NULL,
  sources jsonb NOT NULL DEFAULT '[]',
  note text
);

CREATE TABLE plan_flagship (
  code text PRIMARY KEY,
  position integer NOT NULL,
  title jsonb NOT NULL,
  sources jsonb NOT NULL DEFAULT '[]',
  note text
);

CREATE TABLE plan_target_group (
  code text PRIMARY KEY,
  position integer NOT NULL,
  title jsonb NOT NULL,
  sources jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE plan_theme (
  code text PRIMARY KEY,
  position integer NOT NULL,
  title jsonb NOT NULL
);

CREATE TABLE plan_status (
  key text PRIMARY KEY,
  position integer NOT NULL,
  name jsonb NOT NULL,
  default_progress integer CHECK (default_progress BETWEEN 0 AND 100)
);

CREATE TABLE plan_stakeholder (
  id text PRIMARY KEY,
  name text NOT NULL,
  abbreviation text,
  kind text NOT NULL,
  sources jsonb NOT NULL DEFAULT '[]',
  note text
);

CREATE TABLE plan_action (
  reference text PRIMARY KEY,
  flagship_code text REFERENCES plan_flagship (code),
  -- who placed the action under its flagship: the source itself, or Koers editors (shown in the UI)
  flagship_assigned_by text CHECK (flagship_assigned_by IN ('source', 'koers-editors')),
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  starts_on date,
  ends_on date,
  weight numeric NOT NULL DEFAULT 1 CHECK (weight >= 0),
  first_reported_year integer,
  links jsonb NOT NULL DEFAULT '[]',
  sources jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((flagship_code IS NULL) = (flagship_assigned_by IS NULL))
);

CREATE TABLE plan_action_goal (
  reference text NOT NULL REFERENCES plan_action (reference) ON DELETE CASCADE ON UPDATE CASCADE,
  goal_code text NOT NULL REFERENCES plan_goal (code),
  PRIMARY KEY (reference, goal_code)
);

CREATE TABLE plan_action_target_group (
  reference text NOT NULL REFERENCES plan_action (reference) ON DELETE CASCADE ON UPDATE CASCADE,
  target_group_code text NOT NULL REFERENCES plan_target_group (code),
  PRIMARY KEY (reference, target_group_code)
);

CREATE TABLE plan_action_theme (
  reference text NOT NULL REFERENCES plan_action (reference) ON DELETE CASCADE ON UPDATE CASCADE,
  theme_code text NOT NULL REFERENCES plan_theme (code),
  PRIMARY KEY (reference, theme_code)
);

CREATE TABLE plan_action_stakeholder (
  reference text NOT NULL REFERENCES plan_action (reference) ON DELETE CASCADE ON UPDATE CASCADE,
  stakeholder_id text NOT NULL REFERENCES plan_stakeholder (id),
  role text NOT NULL CHECK (role IN ('lead', 'partner', 'funder')),
  PRIMARY KEY (reference, stakeholder_id)
);
CREATE INDEX plan_action_stakeholder_org_idx ON plan_action_stakeholder (stakeholder_id);

CREATE TABLE plan_report (
  reference text NOT NULL REFERENCES plan_action (reference) ON DELETE CASCADE ON UPDATE CASCADE,
  year integer NOT NULL,
  status_key text REFERENCES plan_status (key),
  progress integer CHECK (progress BETWEEN 0 AND 100),
  narrative jsonb NOT NULL DEFAULT '{}',
  evidence_links jsonb NOT NULL DEFAULT '[]',
  sources jsonb NOT NULL DEFAULT '[]',
  submitted_by uuid,
  submitted_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reference, year)
);
CREATE INDEX plan_report_year_idx ON plan_report (year, status_key);

-- Every saved version of a yearly report, for the public change history.
CREATE TABLE plan_report_version (
  id bigserial PRIMARY KEY,
  reference text NOT NULL,
  year integer NOT NULL,
  version integer NOT NULL,
  snapshot jsonb NOT NULL,
  changed_by uuid,
  changed_by_label text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reference, year, version)
);

CREATE TABLE plan_obstacle (
  id bigserial PRIMARY KEY,
  reference text NOT NULL,
  year integer NOT NULL,
  position integer NOT NULL,
  text text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  owner text,
  resolved boolean NOT NULL DEFAULT false,
  FOREIGN KEY (reference, year) REFERENCES plan_report (reference, year) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE plan_milestone (
  id bigserial PRIMARY KEY,
  reference text NOT NULL REFERENCES plan_action (reference) ON DELETE CASCADE ON UPDATE CASCADE,
  occurred_on date NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  link text
);

CREATE TABLE plan_official_count (
  year integer NOT NULL,
  status_key text NOT NULL REFERENCES plan_status (key),
  count integer NOT NULL CHECK (count >= 0),
  total integer,
  sources jsonb NOT NULL DEFAULT '[]',
  verification text,
  note text,
  PRIMARY KEY (year, status_key)
);
