-- ESCO (European Skills, Competences, Qualifications and Occupations), loaded from data/esco/ by
-- esco-load.service.ts. The loader replaces every row in one transaction; nothing else writes here.
-- pg_trgm serves label search with typos (PGlite loads it in src/platform/db/database.ts; on
-- PostgreSQL it is a trusted contrib extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The loaded release: one row. `files` holds each source file's SHA-256, so a reload of the same
-- files is recognised without parsing them.
CREATE TABLE esco_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  files jsonb NOT NULL,
  counts jsonb NOT NULL
);

CREATE TABLE esco_isco_group (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{1,4}$'),
  uri text NOT NULL UNIQUE,
  label_en text NOT NULL,
  parent_code text REFERENCES esco_isco_group (code),
  description_en text
);

CREATE TABLE esco_occupation (
  uri text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  isco_group text NOT NULL REFERENCES esco_isco_group (code),
  label_en text NOT NULL,
  label_nl text,
  alt_labels_en text[] NOT NULL DEFAULT '{}',
  alt_labels_nl text[] NOT NULL DEFAULT '{}',
  hidden_labels_en text[] NOT NULL DEFAULT '{}',
  hidden_labels_nl text[] NOT NULL DEFAULT '{}',
  description_en text,
  description_nl text
);
CREATE INDEX esco_occupation_isco_group ON esco_occupation (isco_group);

CREATE TABLE esco_skill (
  uri text PRIMARY KEY,
  label_en text NOT NULL,
  alt_labels_en text[] NOT NULL DEFAULT '{}',
  hidden_labels_en text[] NOT NULL DEFAULT '{}',
  skill_type text CHECK (skill_type IN ('skill/competence', 'knowledge')),
  reuse_level text CHECK (reuse_level IN ('transversal', 'cross-sector', 'sector-specific', 'occupation-specific')),
  description_en text
);

-- No foreign key to esco_occupation: ESCO v1.1.1 relates 67 skills to an occupation that its
-- occupations file does not list (see data/esco/v1.1.1/SOURCE.md); the relations are kept as published.
CREATE TABLE esco_occupation_skill (
  occupation_uri text NOT NULL,
  skill_uri text NOT NULL REFERENCES esco_skill (uri),
  relation text NOT NULL CHECK (relation IN ('essential', 'optional')),
  skill_type text CHECK (skill_type IN ('skill/competence', 'knowledge')),
  PRIMARY KEY (occupation_uri, skill_uri)
);
CREATE INDEX esco_occupation_skill_skill ON esco_occupation_skill (skill_uri);

-- The skills hierarchy (levels 0–3: skills, knowledge, transversal, language groups).
CREATE TABLE esco_skill_group (
  uri text PRIMARY KEY,
  code text,
  label_en text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
  parent_uri text REFERENCES esco_skill_group (uri),
  description_en text,
  scope_note_en text
);

-- Broader relations of the skills pillar: a skill or group and the skill or group above it.
CREATE TABLE esco_skill_broader (
  uri text NOT NULL,
  broader_uri text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('skill', 'group')),
  broader_kind text NOT NULL CHECK (broader_kind IN ('skill', 'group')),
  PRIMARY KEY (uri, broader_uri)
);
CREATE INDEX esco_skill_broader_broader ON esco_skill_broader (broader_uri);

-- Every label of every occupation and skill, one row each, for search: preferred, alternative
-- and hidden (ESCO's search-only variants). Derived from the tables above at load time, one row
-- per distinct (concept, uri, lang, label); no key, as nothing looks a label row up by it.
CREATE TABLE esco_label (
  uri text NOT NULL,
  concept text NOT NULL CHECK (concept IN ('occupation', 'skill')),
  lang text NOT NULL CHECK (lang IN ('en', 'nl')),
  label text NOT NULL,
  label_kind text NOT NULL CHECK (label_kind IN ('preferred', 'alternative', 'hidden'))
);
-- One trigram index serves substring and prefix (ILIKE) and typo-tolerant (<%) label search.
CREATE INDEX esco_label_trgm ON esco_label USING gin (label gin_trgm_ops);
