DROP TABLE indicator_import;
DROP TABLE indicator_observation;
DROP TABLE indicator_geo;
DROP TABLE indicator_target;
DROP TABLE indicator;
