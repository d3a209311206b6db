DROP TABLE catalog_session;
DROP TABLE catalog_offer_location;
DROP TABLE catalog_offer;
DROP TABLE catalog_provider;
DROP TABLE catalog_place;
