DROP TRIGGER IF EXISTS catalog_search_version_notify ON catalog_search_version;
DROP FUNCTION IF EXISTS catalog_search_notify();
