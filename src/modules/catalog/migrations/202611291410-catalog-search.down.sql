DROP TRIGGER IF EXISTS catalog_search_words_update ON catalog_offer;
DROP TRIGGER IF EXISTS catalog_search_words_insert ON catalog_offer;
DROP FUNCTION IF EXISTS catalog_search_words_add();
DROP FUNCTION IF EXISTS catalog_search_words(text);
DROP TABLE IF EXISTS catalog_search_word;
DROP INDEX IF EXISTS catalog_place_name;
DROP INDEX IF EXISTS catalog_offer_location_region;
DROP INDEX IF EXISTS catalog_offer_location_province;
DROP INDEX IF EXISTS catalog_offer_published_facets;
DROP INDEX IF EXISTS catalog_offer_occupations;
DROP INDEX IF EXISTS catalog_offer_title_prefix_en;
DROP INDEX IF EXISTS catalog_offer_title_prefix_fr;
DROP INDEX IF EXISTS catalog_offer_title_prefix_nl;
DROP INDEX IF EXISTS catalog_offer_occupation_labels_trgm;
DROP INDEX IF EXISTS catalog_offer_title_trgm;
ALTER TABLE catalog_offer DROP COLUMN IF EXISTS title_text;
ALTER TABLE catalog_offer DROP COLUMN IF EXISTS search_tsv;
-- pg_trgm stays: the esco module's indexes use it too.
