#!/bin/bash
# postgres-primary, first start only (empty data directory): run by the image's entry point from
# /docker-entrypoint-initdb.d as the postgres user. Creates the application and Keycloak databases,
# the replication role and the physical slot the replica streams from.
# Passwords changed later must be changed with ALTER ROLE as well: this script does not run again.
set -eo pipefail

: "${MILLFLOW_DB_PASSWORD:?}" "${KEYCLOAK_DB_PASSWORD:?}" "${REPLICATION_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set app_pw="$MILLFLOW_DB_PASSWORD" \
    --set kc_pw="$KEYCLOAK_DB_PASSWORD" \
    --set repl_pw="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE millflow LOGIN PASSWORD :'app_pw';
CREATE DATABASE millflow OWNER millflow;
REVOKE CONNECT ON DATABASE millflow FROM PUBLIC;

CREATE ROLE keycloak LOGIN PASSWORD :'kc_pw';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE CONNECT ON DATABASE keycloak FROM PUBLIC;

CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'repl_pw';
SELECT pg_create_physical_replication_slot('replica_1');
SQL

# "all" in the database column does not match replication connections.
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
