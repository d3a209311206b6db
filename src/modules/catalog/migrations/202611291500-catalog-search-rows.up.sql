-- A narrow search row per published offer (owned by catalog-search.*): every facet value that does
-- not depend on the date packed into one bigint, so that a search filters and counts facets with
-- integer operations over ~100 bytes a row instead of the wide offer rows joined to their
-- locations and sessions. Kept by statement triggers in the writing transaction, whatever writes
-- (service, import, generator, plain SQL). See docs/catalog-search.md.
--
-- Bits of `mask` (the search code in catalog-search.repository.ts uses the same numbers):
--   0-2 format in-person, online, blended        3-10 EQF level 1-8      11-14 language nl, fr, en, de
--   15-17 schedule day, evening, weekend          18-23 price free, lt-100, 100-500, 500-1000, gte-1000, unknown
--   24-26 vouchers, training-credit, kmo          27-34 provider kind (schema order)
--   35-36 shortage true, false                    37-39 a location in flanders, wallonia, brussels
-- (In SQL `|` and `<<` bind equally, left to right: every shifted term is in parentheses.)
-- Date-dependent facets keep their dates: vov (registration window), startWithin (session starts).
CREATE TABLE catalog_offer_search (
  offer_id uuid PRIMARY KEY REFERENCES catalog_offer (id) ON DELETE CASCADE,
  mask bigint NOT NULL,
  provinces text[] NOT NULL,        -- distinct provinces of its locations
  next_start date,                  -- the offer's next_start
  starts date[] NOT NULL,           -- its sessions' start dates, ascending
  vov boolean NOT NULL,             -- registered in the incentives database (see vov_from / vov_until)
  vov_from date,
  vov_until date,
  price_eur numeric
);

-- Bumped in every transaction that changes what a search can answer (offers, their locations and
-- sessions, providers, places): the search service keeps answers per version (see the docs).
CREATE TABLE catalog_search_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO catalog_search_version VALUES (1, 1);
CREATE FUNCTION catalog_search_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_search_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER catalog_search_version_place AFTER INSERT OR UPDATE OR DELETE ON catalog_place FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_bump();

CREATE FUNCTION catalog_search_bit(v text, vs text[], first int) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce((1::bigint << (first + array_position(vs, v) - 1)), 0)
$$;

-- The rows of some offers afresh. Every table is read by primary key or index through `= ANY (ids)`
-- (a bulk load calls this per statement, before the planner has statistics of the growing tables: a
-- join form let it scan the whole offer table for each batch); locations and sessions grouped by offer.
CREATE FUNCTION catalog_search_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_search_version SET version = version + 1 WHERE id = 1;
  DELETE FROM catalog_offer_search WHERE offer_id = ANY (ids);
  INSERT INTO catalog_offer_search (offer_id, mask, provinces, next_start, starts, vov, vov_from, vov_until, price_eur)
  SELECT o.id,
    catalog_search_bit(o.format, '{in-person,online,blended}', 0)
    | CASE WHEN o.level_eqf BETWEEN 1 AND 8 THEN 1::bigint << (2 + o.level_eqf) ELSE 0 END
    | catalog_search_bit(o.language, '{nl,fr,en,de}', 11)
    | CASE WHEN 'day' = ANY (o.schedules) THEN 1::bigint << 15 ELSE 0 END
    | CASE WHEN 'evening' = ANY (o.schedules) THEN 1::bigint << 16 ELSE 0 END
    | CASE WHEN 'weekend' = ANY (o.schedules) THEN 1::bigint << 17 ELSE 0 END
    | (1::bigint << CASE WHEN o.price_eur IS NULL THEN 23 WHEN o.price_eur = 0 THEN 18 WHEN o.price_eur < 100 THEN 19
        WHEN o.price_eur < 500 THEN 20 WHEN o.price_eur < 1000 THEN 21 ELSE 22 END)
    | CASE WHEN o.vouchers THEN 1::bigint << 24 ELSE 0 END
    | CASE WHEN o.training_credit THEN 1::bigint << 25 ELSE 0 END
    | CASE WHEN p.kmo_registered THEN 1::bigint << 26 ELSE 0 END
    | catalog_search_bit(o.provider_kind, '{adult-education-centre,syntra,university-college,university,public-employment-service,sector-fund,private,other}', 27)
    | (CASE WHEN o.shortage THEN 1::bigint << 35 ELSE 1::bigint << 36 END)
    | coalesce(l.regions, 0),
    coalesce(l.provinces, '{}'),
    o.next_start,
    coalesce(s.starts, '{}'),
    o.incentive_db_id IS NOT NULL, o.incentive_db_valid_from, o.incentive_db_valid_until,
    o.price_eur
  FROM catalog_offer o
  JOIN catalog_provider p ON p.id = o.provider_id
  LEFT JOIN (
    SELECT l.offer_id, bit_or(catalog_search_bit(l.region, '{flanders,wallonia,brussels}', 37)) AS regions,
      array_agg(DISTINCT l.province ORDER BY l.province) FILTER (WHERE l.province IS NOT NULL) AS provinces
    FROM catalog_offer_location l WHERE l.offer_id = ANY (ids) GROUP BY l.offer_id
  ) l ON l.offer_id = o.id
  LEFT JOIN (
    SELECT s.offer_id, array_agg(s.starts_on ORDER BY s.starts_on) AS starts
    FROM catalog_session s WHERE s.offer_id = ANY (ids) GROUP BY s.offer_id
  ) s ON s.offer_id = o.id
  WHERE o.id = ANY (ids) AND o.status = 'published';
END $$;

-- One function per transition-table shape: offers, their locations and sessions (by offer_id), providers.
CREATE FUNCTION catalog_search_rows_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_search_refresh(ARRAY(SELECT id FROM catalog_search_changed));
  RETURN NULL;
END $$;
CREATE FUNCTION catalog_search_rows_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_search_refresh(ARRAY(SELECT DISTINCT offer_id FROM catalog_search_changed));
  RETURN NULL;
END $$;
CREATE FUNCTION catalog_search_rows_providers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_search_refresh(ARRAY(SELECT o.id FROM catalog_offer o WHERE o.provider_id IN (SELECT id FROM catalog_search_changed)));
  RETURN NULL;
END $$;

CREATE TRIGGER catalog_search_rows_insert AFTER INSERT ON catalog_offer
  REFERENCING NEW TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_offers();
CREATE TRIGGER catalog_search_rows_update AFTER UPDATE ON catalog_offer
  REFERENCING NEW TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_offers();
CREATE TRIGGER catalog_search_rows_location_insert AFTER INSERT ON catalog_offer_location
  REFERENCING NEW TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_children();
CREATE TRIGGER catalog_search_rows_location_update AFTER UPDATE ON catalog_offer_location
  REFERENCING NEW TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_children();
CREATE TRIGGER catalog_search_rows_location_delete AFTER DELETE ON catalog_offer_location
  REFERENCING OLD TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_children();
CREATE TRIGGER catalog_search_rows_session_insert AFTER INSERT ON catalog_session
  REFERENCING NEW TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_children();
CREATE TRIGGER catalog_search_rows_session_update AFTER UPDATE ON catalog_session
  REFERENCING NEW TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_children();
CREATE TRIGGER catalog_search_rows_session_delete AFTER DELETE ON catalog_session
  REFERENCING OLD TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_children();
CREATE TRIGGER catalog_search_version_offer_delete AFTER DELETE ON catalog_offer FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_bump();
CREATE TRIGGER catalog_search_rows_provider_update AFTER UPDATE ON catalog_provider
  REFERENCING NEW TABLE AS catalog_search_changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_rows_providers();

SELECT catalog_search_refresh(ARRAY(SELECT id FROM catalog_offer WHERE status = 'published'));
