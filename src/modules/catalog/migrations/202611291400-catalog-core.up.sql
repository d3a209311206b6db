-- The training catalogue: Belgian postal places (for distance), providers, offers with their
-- locations and sessions. Offers keep denormalised search text (skill and occupation labels come
-- from the esco module's service at write time; this module never reads ESCO's tables).
CREATE TABLE catalog_place (
  id serial PRIMARY KEY,
  postal_code text NOT NULL CHECK (postal_code ~ '^[1-9][0-9]{3}$'),
  name text NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN 49.4 AND 51.6),
  lng double precision NOT NULL CHECK (lng BETWEEN 2.5 AND 6.5),
  province text,
  region text NOT NULL CHECK (region IN ('flanders', 'wallonia', 'brussels')),
  UNIQUE (postal_code, name)
);
CREATE INDEX catalog_place_postal ON catalog_place (postal_code);

CREATE TABLE catalog_provider (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('adult-education-centre', 'syntra', 'university-college', 'university', 'public-employment-service', 'sector-fund', 'private', 'other')),
  enterprise_number text UNIQUE CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  quality_registered boolean NOT NULL DEFAULT false,
  quality_registered_on date,
  kmo_registered boolean NOT NULL DEFAULT false, -- registered service provider for the KMO-portefeuille
  contact jsonb NOT NULL DEFAULT '{}',
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog_offer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id text NOT NULL REFERENCES catalog_provider (id) ON DELETE CASCADE,
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 100), -- the provider's own id: imports upsert by it
  title jsonb NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  description jsonb NOT NULL DEFAULT '{}',
  kind text NOT NULL CHECK (kind IN ('course', 'programme', 'degree', 'micro-credential')),
  level_eqf integer CHECK (level_eqf BETWEEN 1 AND 8),
  language text NOT NULL CHECK (language IN ('nl', 'fr', 'en', 'de')),
  format text NOT NULL CHECK (format IN ('in-person', 'online', 'blended')),
  contact_hours numeric CHECK (contact_hours >= 0),
  study_credits numeric CHECK (study_credits >= 0),
  price_eur numeric CHECK (price_eur >= 0),
  price_includes text,
  incentive_db_id text,          -- id in the Flemish incentives database (Opleidingsdatabank)
  incentive_db_valid_from date,
  incentive_db_valid_until date,
  vouchers boolean NOT NULL DEFAULT false,          -- opleidingscheques accepted
  training_credit boolean NOT NULL DEFAULT false,   -- Vlaamse aanmoedigingspremie opleidingskrediet
  skills text[] NOT NULL DEFAULT '{}',              -- ESCO skill URIs taught
  occupations text[] NOT NULL DEFAULT '{}',         -- ESCO occupation URIs it prepares for
  shortage boolean NOT NULL DEFAULT false,          -- prepares for a shortage occupation (data/…/catalog/shortage-occupations)
  accessibility text,
  url text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  synthetic boolean NOT NULL DEFAULT false,
  -- denormalised for search and facets, written with the offer
  provider_name text NOT NULL,
  provider_kind text NOT NULL,
  skill_labels text NOT NULL DEFAULT '',
  occupation_labels text NOT NULL DEFAULT '',
  next_start date,                                   -- earliest session start (any, past or future)
  schedules text[] NOT NULL DEFAULT '{}',            -- day / evening / weekend over its sessions
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider_id, external_id)
);
CREATE INDEX catalog_offer_status ON catalog_offer (status);

CREATE TABLE catalog_offer_location (
  offer_id uuid NOT NULL REFERENCES catalog_offer (id) ON DELETE CASCADE,
  place_id integer NOT NULL REFERENCES catalog_place (id),
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  province text,
  region text NOT NULL,
  PRIMARY KEY (offer_id, place_id)
);
CREATE INDEX catalog_offer_location_geo ON catalog_offer_location (lat, lng);

CREATE TABLE catalog_session (
  id serial PRIMARY KEY,
  offer_id uuid NOT NULL REFERENCES catalog_offer (id) ON DELETE CASCADE,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  schedule text NOT NULL CHECK (schedule IN ('day', 'evening', 'weekend')),
  seats_left integer CHECK (seats_left >= 0),
  place_id integer REFERENCES catalog_place (id)
);
CREATE INDEX catalog_session_offer ON catalog_session (offer_id, starts_on);
