-- One database per service, owned by a login role that may use logical replication (the outbox relays need it).
CREATE ROLE postventa LOGIN REPLICATION PASSWORD 'postventa';
CREATE DATABASE returns OWNER postventa;
CREATE DATABASE tracking OWNER postventa;
CREATE DATABASE refunds OWNER postventa;
CREATE DATABASE notifications OWNER postventa;
