-- Accounts, sessions, login throttling, audit log, and the portal's region and data sources.
CREATE TABLE koers_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'analyst', 'provider')),
  organisation_id text,
  provider_id text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- an editor speaks for one stakeholder organisation, a provider account for one training provider
  CONSTRAINT koers_user_editor_has_organisation CHECK (role <> 'editor' OR organisation_id IS NOT NULL),
  CONSTRAINT koers_user_provider_has_provider CHECK (role <> 'provider' OR provider_id IS NOT NULL)
);
CREATE UNIQUE INDEX koers_user_email_key ON koers_user (lower(email));

CREATE TABLE auth_session (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES koers_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX auth_session_user_idx ON auth_session (user_id);

CREATE TABLE login_attempt (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempt_email_idx ON login_attempt (email, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_email text,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'cli', 'seed', 'system')),
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (lower(actor_email));

CREATE TABLE region (
  id text PRIMARY KEY,
  name jsonb NOT NULL,
  plan_title jsonb NOT NULL,
  period_from integer NOT NULL,
  period_to integer NOT NULL,
  default_locale text NOT NULL,
  source_url text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE data_source (
  id text PRIMARY KEY,
  region_id text NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  name text NOT NULL,
  publisher text NOT NULL,
  url text NOT NULL,
  licence text NOT NULL,
  licence_url text,
  attribution text,
  applies_from date,
  retrieved_on date,
  synthetic boolean NOT NULL DEFAULT false,
  used_for jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
