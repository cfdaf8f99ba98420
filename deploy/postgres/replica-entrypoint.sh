#!/bin/bash
# postgres-replica entry point. First start (empty data directory): clone the primary with
# pg_basebackup; -R writes standby.signal and primary_conninfo, -S binds it to the slot replica_1
# created by init-primary.sh. Then hand over to the image's own entry point, which finds an
# existing cluster and starts it as a hot standby.
set -euo pipefail

PGDATA="${PGDATA:-/var/lib/postgresql/data}"
: "${PRIMARY_HOST:?}" "${REPLICATION_PASSWORD:?}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    export PGPASSWORD="$REPLICATION_PASSWORD"
    until gosu postgres pg_isready -q -h "$PRIMARY_HOST" -p 5432 -U replicator -d postgres; do
        echo "replica: waiting for $PRIMARY_HOST"
        sleep 2
    done
    gosu postgres pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U replicator -D "$PGDATA" \
        -X stream -S replica_1 -R --checkpoint=fast --progress
    unset PGPASSWORD
fi

exec docker-entrypoint.sh "$@"
