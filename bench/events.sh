#!/usr/bin/env bash
# The PostgreSQL event history under a million rows: how long the queries Paastis runs take.
# Starts a throwaway PostgreSQL (Debian's, initdb as the postgres user), creates the schema from
# the migration in the jar, inserts 1,000,000 events (1,000 apps x 1,000 events, one a minute),
# then runs each query of the store with pgbench for DURATION and prints its mean latency:
#   (1) one app's newest page (the admin API's and the CLI's usual question),
#   (2) one app's page within a day (--since/--until),
#   (3) the next page of one app (the cursor),
#   (4) every app's newest page (the dashboard's feed, GET /events).
# Usage: bench/events.sh   (ROWS=1000000 DURATION=10 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
DURATION=${DURATION:-10}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PG_BIN" ]; then
  echo "installing postgresql from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
[ -f target/paastis.jar ] || ./mvnw -q -B package -DskipTests

WORK=$(mktemp -d)
chown postgres "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { runuser -u postgres -- "$@"; }
cleanup() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres -A trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1" -l "$WORK/pg.log" -w start >/dev/null
PSQL=("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

unzip -p target/paastis.jar db/paastis/V1__events.sql | "${PSQL[@]}"
"${PSQL[@]}" <<SQL
INSERT INTO paastis_events (type, app, provider, occurred_at, details)
SELECT (ARRAY['APP_STARTING','APP_STARTED','APP_STOPPED'])[1 + i % 3],
       'app-' || (i % 1000), 'heroku',
       timestamptz '2026-12-01 00:00:00+00' - (i / 1000) * interval '1 minute',
       jsonb_build_object('durationMs', i % 5000)
FROM generate_series(1, $ROWS) AS i;
ANALYZE paastis_events;
SQL

cat > "$WORK/one-app.sql" <<'SQL'
\set app random(0, 999)
SELECT id, type, app, provider, occurred_at, details FROM paastis_events
WHERE app = 'app-' || :app ORDER BY occurred_at DESC, id DESC LIMIT 101;
SQL
cat > "$WORK/one-app-day.sql" <<'SQL'
\set app random(0, 999)
SELECT id, type, app, provider, occurred_at, details FROM paastis_events
WHERE app = 'app-' || :app AND occurred_at >= timestamptz '2026-11-30 00:00:00+00'
  AND occurred_at < timestamptz '2026-11-30 12:00:00+00'
ORDER BY occurred_at DESC, id DESC LIMIT 101;
SQL
cat > "$WORK/next-page.sql" <<'SQL'
\set app random(0, 999)
SELECT id, type, app, provider, occurred_at, details FROM paastis_events
WHERE app = 'app-' || :app AND (occurred_at, id) < (timestamptz '2026-11-30 18:00:00+00', 1000000000)
ORDER BY occurred_at DESC, id DESC LIMIT 101;
SQL
cat > "$WORK/all-apps.sql" <<'SQL'
SELECT id, type, app, provider, occurred_at, details FROM paastis_events
ORDER BY occurred_at DESC, id DESC LIMIT 101;
SQL

echo "## Event queries on $ROWS rows (pgbench, 1 client, ${DURATION}s each)"
echo
echo '| query | mean latency | queries/s |'
echo '|---|---|---|'
for q in one-app one-app-day next-page all-apps; do
  as_pg "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PORT" -U postgres -c 1 -T "$DURATION" -f "$WORK/$q.sql" postgres 2>/dev/null |
    awk -v q="$q" '/latency average/ {lat=$4" "$5} /^tps/ {tps=$3} END {printf "| %s | %s | %.0f |\n", q, lat, tps}'
done
echo
echo "Plan of (1):"
"${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, type, app, provider, occurred_at, details FROM paastis_events WHERE app = 'app-42' ORDER BY occurred_at DESC, id DESC LIMIT 101" | sed 's/^/    /'
echo "Machine: $(nproc) cores, $("$PG_BIN/postgres" --version)"
