-- The indicator dashboard: indicators with their targets, the geographies they are observed in,
-- and observations (one value per indicator, geo, period and breakdown; re-imports update).
CREATE TABLE indicator (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  position integer NOT NULL DEFAULT 0,
  name jsonb NOT NULL,
  short_name jsonb NOT NULL,
  definition jsonb NOT NULL,
  methodology jsonb NOT NULL DEFAULT '{}',
  notes jsonb NOT NULL DEFAULT '[]',
  unit text NOT NULL CHECK (unit IN ('percent', 'number')),
  direction text NOT NULL CHECK (direction IN ('higher-is-better', 'lower-is-better')),
  reference_period text NOT NULL CHECK (reference_period IN ('4-weeks', '12-months')),
  population text NOT NULL,
  source_name text NOT NULL,
  source_url text NOT NULL,
  dataset_code text,
  breakdowns text[] NOT NULL DEFAULT '{}',
  goal_codes text[] NOT NULL DEFAULT '{}',
  home_geo text NOT NULL,
  default_geos text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A target belongs to the indicator it is defined on (never drawn on another series).
CREATE TABLE indicator_target (
  id serial PRIMARY KEY,
  indicator_id text NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('target', 'benchmark')),
  value numeric NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  label jsonb NOT NULL,
  applies_to text,
  source_name text NOT NULL,
  source_url text NOT NULL,
  UNIQUE (indicator_id, kind, year, value)
);

CREATE TABLE indicator_geo (
  code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
  name text,
  level integer CHECK (level BETWEEN 0 AND 3),
  country text,
  source text
);

CREATE TABLE indicator_observation (
  indicator_id text NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  geo text NOT NULL,
  period integer NOT NULL CHECK (period BETWEEN 1900 AND 2100),
  -- canonical "dim=value;dim=value" of `breakdown`, sorted by dimension: part of the key
  breakdown_key text NOT NULL,
  breakdown jsonb NOT NULL,
  value numeric,
  flags text NOT NULL DEFAULT '' CHECK (flags ~ '^[bcdeinprsuz]*$'),
  source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, breakdown_key, geo, period),
  CHECK (value IS NOT NULL OR flags <> '')
);
CREATE INDEX indicator_observation_ranking ON indicator_observation (indicator_id, breakdown_key, period);

-- Bulk files already loaded (by content hash), so a restart does not re-import them.
CREATE TABLE indicator_import (
  sha256 text PRIMARY KEY,
  file_name text NOT NULL,
  format text NOT NULL,
  observations integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
