#!/usr/bin/env bash
# Paastis benchmark, one run on loopback:
#   (a) the upstream app directly, (b) nginx proxy_pass to it, (c) Paastis with the app awake:
#       requests/s and p50/p99 latency with wrk;
#   (d) the wake overhead: time from the app being ready (the demo app prints the epoch
#       milliseconds at which it answered its first request, Paastis's readiness probe) to the
#       first proxied response reaching the client;
#   (e) the cost of metrics: Paastis with the admin listener off, then on (Micrometer counting
#       every request), restarted and warmed up for each round;
#   (f) the cost of a shared registry: Paastis in memory, then on Redis (a local redis-server),
#       restarted and warmed up for each round.
# Usage: bench/run.sh   (DURATION=10s WARMUP=10s ROUNDS=3 CONNECTIONS=50 THREADS=2 WAKES=5 to change;
#                        SECTIONS=abcdef by default, SECTIONS=f runs the registry section alone)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
WAKES=${WAKES:-5}
ROUNDS=${ROUNDS:-3}
SECTIONS=${SECTIONS:-abcdef}
section() { [[ $SECTIONS == *"$1"* ]]; }

install_missing() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
install_missing
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

[ -f target/paastis.jar ] || ./mvnw -q -B package -DskipTests
JAR=$ROOT/target/paastis.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }

APP_PORT=$(free_port); NGINX_PORT=$(free_port); PAASTIS_PORT=$(free_port)
cat > "$WORK/paastis.yml" <<YML
local:
  apps:
    - name: bench
      command: "exec $JAVA -Xmx256m -XX:+UseParallelGC -cp $JAR dev.paastis.demo.DemoApp --name bench --port $APP_PORT"
      port: $APP_PORT
      health_path: /health
YML

start_paastis() { # $1 = max idle time, $2 = cron, $3 = log file, $4 = ADMIN_ENABLED (default false),
                  # $5 = REGISTRY_TYPE (default in-memory)
  (cd "$WORK" && exec env PORT=$PAASTIS_PORT HOST=127.0.0.1 START_AND_STOP_MAX_IDLE_TIME="$1" \
    START_AND_STOP_CHECKING_INTERVAL_CRON="$2" LOG_FORMAT=pretty \
    ADMIN_ENABLED="${4:-false}" ADMIN_PORT=0 ADMIN_API_TOKEN=bench-token \
    REGISTRY_TYPE="${5:-in-memory}" REDIS_URL="redis://127.0.0.1:${REDIS_PORT:-6379}" \
    "$JAVA" ${PAASTIS_JAVA_OPTS:-} -jar "$JAR" serve >"$3" 2>&1) &
  PAASTIS_PID=$!
  PIDS+=("$PAASTIS_PID")
  wait_port "$PAASTIS_PORT"
}
stop_paastis() { kill "$PAASTIS_PID"; wait "$PAASTIS_PID" 2>/dev/null || true; }

cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream app { server 127.0.0.1:$APP_PORT; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF

run_wrk() { # $1 = port; prints "req/s p50 p99"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Host: bench.localhost' "http://127.0.0.1:$1/" |
    awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print rps, p50, p99}'
}
median_row() { # $1 = label, $2 = file of "req/s p50 p99" lines: the round with the median req/s
  sort -n "$2" | awk -v label="$1" '{rows[NR]=$0} END {split(rows[int((NR+1)/2)], f, " "); printf "| %s | %s | %s | %s |\n", label, f[1], f[2], f[3]}'
}

if section a || section b || section c; then
echo "## Throughput ($THREADS threads, $CONNECTIONS connections, $DURATION, GET / of the demo app)"
start_paastis 1h '* * * * *' "$WORK/paastis-throughput.log"
curl -fsS -o /dev/null -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/"   # wakes the app
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>/dev/null
wait_port "$NGINX_PORT"
echo
for port in "$APP_PORT" "$NGINX_PORT" "$PAASTIS_PORT"; do   # warm up every target (JIT)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-10s}" -H 'Host: bench.localhost' "http://127.0.0.1:$port/" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do   # interleaved rounds, so that drift hits every target alike
  run_wrk "$APP_PORT" >>"$WORK/a.txt"
  run_wrk "$NGINX_PORT" >>"$WORK/b.txt"
  run_wrk "$PAASTIS_PORT" >>"$WORK/c.txt"
done
echo "Median of $ROUNDS interleaved rounds:"
echo
echo '| target | requests/s | p50 | p99 |'
echo '|---|---|---|---|'
median_row "(a) upstream directly" "$WORK/a.txt"
median_row "(b) nginx proxy_pass" "$WORK/b.txt"
median_row "(c) Paastis, app awake" "$WORK/c.txt"
PAASTIS_RSS=$(ps -o rss= -p "$(pgrep -f -n "paastis.jar serve")" | tr -d ' ')
echo
echo "Paastis resident memory after the runs: $((PAASTIS_RSS / 1024)) MiB"
stop_paastis
fi
if section d; then
echo
echo "## Wake overhead ($WAKES wakes): app ready (first answer) → first proxied response at the client"
start_paastis 1s '* * * * * *' "$WORK/paastis-wake.log"
echo
echo '| wake | app ready after (ms) | whole wake seen by the client (ms) | overhead (ms) |'
echo '|---|---|---|---|'
for i in $(seq 1 "$WAKES"); do
  # wait until the app is asleep (its port closed)
  for _ in $(seq 1 200); do (exec 3<>/dev/tcp/127.0.0.1/"$APP_PORT") 2>/dev/null || break; sleep 0.1; done
  before=$(grep -c 'answered its first request' "$WORK/paastis-wake.log" || true)
  sent=$(date +%s%3N)
  curl -fsS -o /dev/null -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/"
  received=$(date +%s%3N)
  ready=$(grep 'answered its first request' "$WORK/paastis-wake.log" | sed -n "$((before + 1))p" | sed -E 's/.* at ([0-9]+).*/\1/')
  printf '| %d | %d | %d | %d |\n' "$i" $((ready - sent)) $((received - sent)) $((received - ready))
done
stop_paastis
fi
if section e; then
echo
echo "## Metrics cost: Paastis with the admin listener (and so Micrometer) off, then on"
echo
for round in $(seq 1 "$ROUNDS"); do
  for admin in false true; do
    start_paastis 1h '* * * * *' "$WORK/paastis-metrics-$admin.log" "$admin"
    curl -fsS -o /dev/null -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-10s}" -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/" >/dev/null
    run_wrk "$PAASTIS_PORT" >>"$WORK/metrics-$admin.txt"
    stop_paastis
  done
done
echo "Median of $ROUNDS rounds, each on a fresh, warmed-up Paastis:"
echo
echo '| target | requests/s | p50 | p99 |'
echo '|---|---|---|---|'
median_row "(e) Paastis, metrics off" "$WORK/metrics-false.txt"
median_row "(e) Paastis, metrics on" "$WORK/metrics-true.txt"
fi
if section f; then
echo
echo "## Registry cost: Paastis in memory, then on Redis (redis-server on loopback)"
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
wait_port "$REDIS_PORT"
echo
for round in $(seq 1 "$ROUNDS"); do
  for registry in in-memory redis; do
    start_paastis 1h '* * * * *' "$WORK/paastis-registry-$registry.log" false "$registry"
    curl -fsS -o /dev/null -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-10s}" -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/" >/dev/null
    run_wrk "$PAASTIS_PORT" >>"$WORK/registry-$registry.txt"
    stop_paastis
  done
done
kill "$(cat "$WORK/redis.pid")"
echo "Median of $ROUNDS rounds, each on a fresh, warmed-up Paastis:"
echo
echo '| target | requests/s | p50 | p99 |'
echo '|---|---|---|---|'
median_row "(f) Paastis, registry in memory" "$WORK/registry-in-memory.txt"
median_row "(f) Paastis, registry on Redis" "$WORK/registry-redis.txt"
fi
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$JAVA" -version 2>&1 | head -1), $("$NGINX" -v 2>&1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
