DROP TABLE data_source;
DROP TABLE region;
DROP TABLE audit_log;
DROP TABLE login_attempt;
DROP TABLE auth_session;
DROP TABLE koers_user;
