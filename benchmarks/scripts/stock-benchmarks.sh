#!/usr/bin/env bash
# Runs the stock benchmarks of issue #4 against a running Millflow app and its embedded PostgreSQL.
#
#   benchmarks/scripts/stock-benchmarks.sh <step>...        (from the repository root)
#
# Steps, in the order "all" runs them:
#   master-data   load sites, warehouses, 8,000 bins and 100,000 items with SQL (stock-master-data.sql)
#   receipt       StockReceiptSimulation: 1 warm-up + 5 goods receipts of 5,000 lines, each timed
#   load          StockDataLoadSimulation: 200 documents x 5,000 lines = 1,000,000 moves through the API
#   integrity     GET /api/v1/stock/integrity as ADMIN: counts and differences (must be none)
#   explain       EXPLAIN ANALYZE of the stock query's SQL for each filter (stock-query-explain.sql)
#   query         StockQuerySimulation: GET /api/v1/stock by item, location subtree, text and site
#   throughput    StockPostingThroughputSimulation: 16 users posting small documents for 60 s
#   pgbench       pgbench TPC-B on the same PostgreSQL server (database "pgbench", scale PGBENCH_SCALE)
#
# Environment: BASE_URL (default http://localhost:8282), PGPORT (the embedded server's port; default: read from
# APP_LOG, the app's log, line "Embedded PostgreSQL on 127.0.0.1:<port>"), PGBENCH_SCALE (default 1),
# PGBENCH_SECONDS (default 60), MVN (default "mvn -o"), extra Maven arguments in MVN_ARGS (e.g. -Dusers=4).
# Every step prints `uptime` before and after; output goes to benchmarks/target/stock-benchmarks/ too.
set -euo pipefail

cd "$(dirname "$0")/../.."
BASE_URL=${BASE_URL:-http://localhost:8282}
MVN=${MVN:-mvn -o}
MVN_ARGS=${MVN_ARGS:-}
OUT=benchmarks/target/stock-benchmarks
mkdir -p "$OUT"
SCRIPTS=benchmarks/scripts

pgport() {
  if [[ -n "${PGPORT:-}" ]]; then
    echo "$PGPORT"
  elif [[ -n "${APP_LOG:-}" ]]; then
    grep -o 'Embedded PostgreSQL on 127.0.0.1:[0-9]*' "$APP_LOG" | tail -1 | cut -d: -f2
  else
    echo "set PGPORT or APP_LOG" >&2
    exit 2
  fi
}

psql_app() {
  psql -h 127.0.0.1 -p "$(pgport)" -U postgres -v ON_ERROR_STOP=1 "$@"
}

gatling() {
  # shellcheck disable=SC2086
  $MVN -Pbenchmarks -pl benchmarks gatling:test -Dgatling.simulationClass="io.millflow.benchmarks.stock.$1" \
    -DbaseUrl="$BASE_URL" $MVN_ARGS
}

step() {
  local name=$1
  local log
  log="$OUT/$(date +%Y%m%d-%H%M%S)-$name.log"
  {
    echo "== $name $(date -Is)"
    echo "uptime before: $(uptime)"
    "run_$name"
    echo "uptime after:  $(uptime)"
  } 2>&1 | tee "$log"
}

run_master-data() { psql_app -f "$SCRIPTS/stock-master-data.sql" postgres; }
run_receipt() { gatling StockReceiptSimulation; }
run_load() { gatling StockDataLoadSimulation; }
run_query() { gatling StockQuerySimulation; }
run_throughput() { gatling StockPostingThroughputSimulation; }
run_explain() {
  psql_app -c "analyze" postgres
  psql_app -f "$SCRIPTS/stock-query-explain.sql" postgres
}
run_integrity() {
  local token
  token=$(curl -sf -u ops-cli:ops-cli-secret -d grant_type=client_credentials "$BASE_URL/oauth2/token" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
  curl -sf -H "Authorization: Bearer $token" "$BASE_URL/api/v1/stock/integrity" | python3 -c '
import sys, json
r = json.load(sys.stdin)
print("moves %d, quants %d, valuations %d, differences %d" % (r["moves"], r["quants"], r["valuations"], len(r["differences"])))
for d in r["differences"][:20]: print(d)
sys.exit(1 if r["differences"] else 0)'
  psql_app -Atc "select 'stock_document', count(*) from stock_document union all select 'stock_move', count(*) from stock_move
    union all select 'quant', count(*) from quant union all select 'quant with stock', count(*) from quant where quantity > 0
    union all select 'stock_valuation', count(*) from stock_valuation" postgres
}
run_pgbench() {
  local scale=${PGBENCH_SCALE:-1} seconds=${PGBENCH_SECONDS:-60}
  psql_app -c "drop database if exists pgbench" -c "create database pgbench" postgres
  pgbench -h 127.0.0.1 -p "$(pgport)" -U postgres -i -s "$scale" -q pgbench
  echo "uptime before the measured pgbench run: $(uptime)"
  pgbench -h 127.0.0.1 -p "$(pgport)" -U postgres -c 16 -j 2 -T "$seconds" pgbench
  psql_app -c "drop database pgbench" postgres
}

steps=("$@")
if [[ ${#steps[@]} -eq 0 ]]; then
  sed -n '2,22p' "$0"
  exit 2
fi
if [[ ${steps[0]} == all ]]; then
  steps=(master-data receipt load integrity explain query receipt throughput pgbench)
fi
for s in "${steps[@]}"; do
  step "$s"
done
