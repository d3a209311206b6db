DROP TABLE IF EXISTS esco_label;
DROP TABLE IF EXISTS esco_skill_broader;
DROP TABLE IF EXISTS esco_skill_group;
DROP TABLE IF EXISTS esco_occupation_skill;
DROP TABLE IF EXISTS esco_skill;
DROP TABLE IF EXISTS esco_occupation;
DROP TABLE IF EXISTS esco_isco_group;
DROP TABLE IF EXISTS esco_version;
-- pg_trgm stays: the catalogue's search indexes use it too, and an extension is not this module's to remove.
