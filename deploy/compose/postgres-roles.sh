#!/bin/sh
# PostgreSQL's first start (compose.yaml mounts this into /docker-entrypoint-initdb.d): the
# access log's roles and schema, as docs/operations.md ("PostgreSQL") describes them, and the
# applications' role and database (docs/production.md, "Applications engine").
# - city_graph_writer: the subgraphs (AUDIT_DATABASE_URL). Its password is the secret file
#   postgres-writer-password. It owns the schema access_log because the subgraphs create the
#   log's tables when they start; docs/operations.md gives the grants that make the log
#   append-only once the tables are owned by another role.
# - city_graph_auditor: reading only, for `npm run audit:verify` and `audit:export`.
# - city_graph_applications: the applications engine and the platform subgraph
#   (APPLICATIONS_DATABASE_URL). Its password is the secret file postgres-applications-password.
#   It owns the database applications, where the engine makes its schemas (applications and
#   DBOS's applications_engine) when it starts; it cannot connect to the access log's database.
set -eu
writer_password="$(cat /run/secrets/postgres-writer-password)"
applications_password="$(cat /run/secrets/postgres-applications-password)"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v writer_password="$writer_password" -v applications_password="$applications_password" <<'SQL'
CREATE ROLE city_graph_writer LOGIN PASSWORD :'writer_password';
CREATE ROLE city_graph_auditor NOLOGIN;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA access_log AUTHORIZATION city_graph_writer;
ALTER ROLE city_graph_writer SET search_path = access_log;
ALTER ROLE city_graph_auditor SET search_path = access_log;
GRANT USAGE ON SCHEMA access_log TO city_graph_auditor;
ALTER DEFAULT PRIVILEGES FOR ROLE city_graph_writer IN SCHEMA access_log GRANT SELECT ON TABLES TO city_graph_auditor;
-- The applications: a database of their own, which only its owner (and the administrator) may reach.
CREATE ROLE city_graph_applications LOGIN PASSWORD :'applications_password';
CREATE DATABASE applications OWNER city_graph_applications;
REVOKE ALL ON DATABASE applications FROM PUBLIC;
REVOKE CONNECT ON DATABASE city_graph FROM PUBLIC;
GRANT CONNECT ON DATABASE city_graph TO city_graph_writer, city_graph_auditor;
\connect applications
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
