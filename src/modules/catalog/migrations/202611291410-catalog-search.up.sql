-- Search over the catalogue (owned by catalog-search.*): a weighted full-text vector per offer,
-- trigram indexes for typo tolerance and autocomplete, a vocabulary for "did you mean" expansion,
-- and the indexes facets and distance use. See docs/catalog-search.md.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Each text is stemmed with its own language's configuration; labels in the language they are
-- written in (ESCO skills: English; occupations: Dutch and English); provider names unstemmed.
-- Weights: title A, summary B, skills / occupations / provider C, description D. A slash becomes a
-- space first: the parser would keep "MIG/MAG-lassen" as one file-path token and lose "lassen".
ALTER TABLE catalog_offer ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('dutch', translate(coalesce(title ->> 'nl', ''), '/', ' ')), 'A') ||
  setweight(to_tsvector('french', translate(coalesce(title ->> 'fr', ''), '/', ' ')), 'A') ||
  setweight(to_tsvector('english', translate(coalesce(title ->> 'en', ''), '/', ' ')), 'A') ||
  setweight(to_tsvector('dutch', translate(coalesce(summary ->> 'nl', ''), '/', ' ')), 'B') ||
  setweight(to_tsvector('french', translate(coalesce(summary ->> 'fr', ''), '/', ' ')), 'B') ||
  setweight(to_tsvector('english', translate(coalesce(summary ->> 'en', ''), '/', ' ')), 'B') ||
  setweight(to_tsvector('english', translate(skill_labels, '/', ' ')), 'C') ||
  setweight(to_tsvector('dutch', translate(occupation_labels, '/', ' ')), 'C') ||
  setweight(to_tsvector('english', translate(occupation_labels, '/', ' ')), 'C') ||
  setweight(to_tsvector('simple', translate(provider_name, '/', ' ')), 'C') ||
  setweight(to_tsvector('dutch', translate(coalesce(description ->> 'nl', ''), '/', ' ')), 'D') ||
  setweight(to_tsvector('french', translate(coalesce(description ->> 'fr', ''), '/', ' ')), 'D') ||
  setweight(to_tsvector('english', translate(coalesce(description ->> 'en', ''), '/', ' ')), 'D')
) STORED;
CREATE INDEX catalog_offer_search_tsv ON catalog_offer USING gin (search_tsv);

-- Lower-cased titles in every language, for autocomplete (prefix and word prefix) and typo matching.
ALTER TABLE catalog_offer ADD COLUMN title_text text GENERATED ALWAYS AS (
  -- (concat_ws is only stable: a generated column needs immutable operators)
  lower(coalesce(title ->> 'nl', '') || ' | ' || coalesce(title ->> 'fr', '') || ' | ' || coalesce(title ->> 'en', ''))
) STORED;
CREATE INDEX catalog_offer_title_trgm ON catalog_offer USING gin (title_text gin_trgm_ops);
CREATE INDEX catalog_offer_occupation_labels_trgm ON catalog_offer USING gin (occupation_labels gin_trgm_ops);
CREATE INDEX catalog_offer_title_prefix_nl ON catalog_offer (lower(title ->> 'nl') text_pattern_ops);
CREATE INDEX catalog_offer_title_prefix_fr ON catalog_offer (lower(title ->> 'fr') text_pattern_ops);
CREATE INDEX catalog_offer_title_prefix_en ON catalog_offer (lower(title ->> 'en') text_pattern_ops);

-- ESCO synonyms match offers by occupation URI.
CREATE INDEX catalog_offer_occupations ON catalog_offer USING gin (occupations);
-- Listing without text: published offers by start date, price; facets read these columns.
-- Covering: a search without words reads this index only (index-only scan once the table is
-- vacuumed), not the wide rows with their texts and vectors (170 MB at 100,000 offers).
CREATE INDEX catalog_offer_published_facets ON catalog_offer (next_start, id)
  INCLUDE (provider_id, format, level_eqf, language, schedules, price_eur, provider_kind, shortage, vouchers, training_credit,
           incentive_db_id, incentive_db_valid_from, incentive_db_valid_until)
  WHERE status = 'published';
CREATE INDEX catalog_offer_location_province ON catalog_offer_location (province, offer_id);
CREATE INDEX catalog_offer_location_region ON catalog_offer_location (region, offer_id);
CREATE INDEX catalog_place_name ON catalog_place (lower(name));

-- The words of published offers' titles, summaries and labels (unstemmed, lower case): a query
-- word that is not among them is expanded to its nearest words by trigram similarity ("lasen" →
-- "lassen"). Kept by statement triggers; words of offers later removed stay (harmless: they only
-- widen a query with a term that then matches nothing).
CREATE TABLE catalog_search_word (word text PRIMARY KEY);
CREATE INDEX catalog_search_word_trgm ON catalog_search_word USING gin (word gin_trgm_ops);

CREATE FUNCTION catalog_search_words(t text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  -- the 'simple' parser splits words in any script (also under the C locale); ASCII punctuation
  -- becomes a space first so that "soudage/lassen" or "e-mail" are not kept as one token
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', regexp_replace(t, '[[:punct:]]', ' ', 'g')))) w
  WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
$$;

CREATE FUNCTION catalog_search_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_search_word (word)
  SELECT DISTINCT w FROM catalog_search_new_rows n,
    catalog_search_words(concat_ws(' ', n.title ->> 'nl', n.title ->> 'fr', n.title ->> 'en', n.summary ->> 'nl', n.summary ->> 'fr', n.summary ->> 'en', n.skill_labels, n.occupation_labels)) w
  WHERE n.status = 'published'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER catalog_search_words_insert AFTER INSERT ON catalog_offer
  REFERENCING NEW TABLE AS catalog_search_new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_words_add();
CREATE TRIGGER catalog_search_words_update AFTER UPDATE ON catalog_offer
  REFERENCING NEW TABLE AS catalog_search_new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_words_add();

INSERT INTO catalog_search_word (word)
SELECT DISTINCT w FROM catalog_offer o,
  catalog_search_words(concat_ws(' ', o.title ->> 'nl', o.title ->> 'fr', o.title ->> 'en', o.summary ->> 'nl', o.summary ->> 'fr', o.summary ->> 'en', o.skill_labels, o.occupation_labels)) w
WHERE o.status = 'published'
ON CONFLICT DO NOTHING;
