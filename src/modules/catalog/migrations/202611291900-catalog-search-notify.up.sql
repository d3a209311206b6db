-- Every change of the catalogue's search version is announced on the channel catalog_search_version
-- (delivered when the writing transaction commits). The embedded database delivers it to listeners
-- in this process before the write returns, so a search there knows the version without reading it
-- (see catalog-search.service.ts); on a server, searches keep reading the version row.
CREATE FUNCTION catalog_search_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('catalog_search_version', '');
  RETURN NULL;
END $$;
CREATE TRIGGER catalog_search_version_notify AFTER UPDATE ON catalog_search_version
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_notify();
