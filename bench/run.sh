#!/usr/bin/env bash
# Paastis benchmark, one run on loopback:
#   (a) the upstream app directly, (b) nginx proxy_pass to it, (c) Paastis with the app awake:
#       requests/s and p50/p99 latency with wrk, for two upstreams: the demo app of the jar, and a
#       fast one (nginx answering `return 200`, several times faster than either proxy, so that the
#       figures measure the proxies rather than the app), at each connection count of CONNECTIONS;
#       then Paastis/nginx and the latency each proxy adds over the app reached directly; beside
#       them (n), the floor of a JVM proxy (bench/floor/: Netty's HTTP codecs and a connection
#       pool, nothing else), to tell what the JVM and Netty cost from what Paastis adds;
#   (d) the wake overhead: time from the app being ready (the demo app prints the epoch
#       milliseconds at which it answered its first request, Paastis's readiness probe) to the
#       first proxied response reaching the client;
#   (e) the cost of metrics: Paastis with the admin listener off, then on (Micrometer counting
#       every request), restarted and warmed up for each round;
#   (f) the cost of a shared registry: Paastis in memory, then on Redis (a local redis-server),
#       restarted and warmed up for each round.
# Usage: bench/run.sh   (DURATION=10s WARMUP=70s RESTART_WARMUP=10s (sections e, f) ROUNDS=3 CONNECTIONS="32 50" THREADS=2 WAKES=5 to change;
#                        SECTIONS=abcdef by default, SECTIONS=f runs the registry section alone;
#                        UPSTREAMS="demo fast" by default, the upstreams of sections a-c;
#                        TRANSPORTS=auto by default, Paastis's TRANSPORT in sections a-c; several
#                        ("io_uring epoll") run one Paastis each, each with its own upstreams, side by side;
#                        PAASTIS_JAVA_OPTS="-XX:+UseParallelGC -Xmx256m" by default, as the README says)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32 50}
LOAD_CONNECTIONS=${CONNECTIONS##* }   # sections d-f use the last count
THREADS=${THREADS:-2}
WAKES=${WAKES:-5}
ROUNDS=${ROUNDS:-3}
SECTIONS=${SECTIONS:-abcdef}
UPSTREAMS=${UPSTREAMS:-demo fast}
TRANSPORTS=${TRANSPORTS:-auto}
# the JVM options the README gives for a long-running Paastis
PAASTIS_JAVA_OPTS=${PAASTIS_JAVA_OPTS--XX:+UseParallelGC -Xmx256m}   # set it empty for the JVM defaults
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

. bench/common.sh

APP_PORT=$(free_port); FAST_PORT=$(free_port); NGINX_PORT=$(free_port); NGINX_FAST_PORT=$(free_port)
PAASTIS_PORT=$(free_port)
write_paastis_dir() { # $1 = directory, $2 = the demo app's port, $3 = the fast upstream's port
  # The fast upstream: nginx answering 200 from its configuration, run by Paastis as a local app.
  write_fast_upstream_conf "$1" "$3"
  cat > "$1/paastis.yml" <<YML
local:
  apps:
    - name: bench
      command: "exec $JAVA -Xmx256m -XX:+UseParallelGC -cp $JAR dev.paastis.demo.DemoApp --name bench --port $2"
      port: $2
      health_path: /health
    - name: fast
      command: "exec $NGINX -c $1/fast.conf -p $1"
      port: $3
      health_path: /
YML
}
write_paastis_dir "$WORK" "$APP_PORT" "$FAST_PORT"

start_paastis() { # $1 = max idle time, $2 = cron, $3 = log file, $4 = ADMIN_ENABLED (default false),
                  # $5 = REGISTRY_TYPE (default in-memory); PAASTIS_DIR, TRANSPORT and PAASTIS_PORT
                  # when set say where it runs, on which transport and port
  (cd "${PAASTIS_DIR:-$WORK}" && exec env PORT=$PAASTIS_PORT HOST=127.0.0.1 START_AND_STOP_MAX_IDLE_TIME="$1" \
    START_AND_STOP_CHECKING_INTERVAL_CRON="$2" LOG_FORMAT=pretty TRANSPORT="${TRANSPORT:-auto}" \
    ADMIN_ENABLED="${4:-false}" ADMIN_PORT=0 ADMIN_API_TOKEN=bench-token \
    REGISTRY_TYPE="${5:-in-memory}" REDIS_URL="redis://127.0.0.1:${REDIS_PORT:-6379}" \
    "$JAVA" $PAASTIS_JAVA_OPTS -jar "$JAR" serve >"$3" 2>&1) &
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
  upstream app { server 127.0.0.1:$APP_PORT; keepalive 128; keepalive_requests 1000000; }
  upstream fast { server 127.0.0.1:$FAST_PORT; keepalive 128; keepalive_requests 1000000; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://app; }
  }
  server {
    listen 127.0.0.1:$NGINX_FAST_PORT;
    location / { proxy_pass http://fast; }
  }
}
CONF

cpu_ticks() { # $@ = pids: their CPU time (user + system, all threads and children reaped) in clock ticks
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
run_wrk() { # $1 = port, $2 = Host, $3 = connections, $4.. = pids whose CPU to count
  # prints "req/s p50 p99 cpu" (latencies in ms, cpu in microseconds of CPU per request, 0 if no pid)
  local port=$1 host=$2 connections=$3 before after out
  shift 3
  before=$(cpu_ticks "$@")
  out=$(wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency -H "Host: $host" "http://127.0.0.1:$port/")
  after=$(cpu_ticks "$@")
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /requests in/ {n=$1} /Requests\/sec/ {rps=$2} $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
    END {printf "%.0f %.3f %.3f %.1f\n", rps, p50, p99, (n > 0 ? ticks * 1e6 / hz / n : 0)}'
}
warm_up() { # $1 = port, $2 = Host, $3 = how long (WARMUP by default)
  # past Paastis's first scheduler tick (a minute after start): its provider calls go through the
  # proxy's Netty classes with other types, and the JIT recompiles their hot methods once (RESULTS.md)
  wrk -t"$THREADS" -c"$LOAD_CONNECTIONS" -d"${3:-${WARMUP:-70s}}" -H "Host: $2" "http://127.0.0.1:$1/" >/dev/null
}
median_of() { # $1 = file of "req/s p50 p99" lines: the round with the median req/s
  sort -n "$1" | awk '{rows[NR]=$0} END {print rows[int((NR+1)/2)]}'
}
median_p99() { # $1 = file of "req/s p50 p99" lines: the median of the rounds' p99, which one round's
               # stall of the shared machine moves less than the p99 of the median round
  awk '{print $3}' "$1" | sort -n | awk '{v[NR]=$0} END {print v[int((NR+1)/2)]}'
}
median_row() { # $1 = label, $2 = file of "req/s p50 p99 cpu" lines
  median_of "$2" | awk -v label="$1" '{printf "| %s | %s | %s ms | %s ms | %s |\n", label, $1, $2, $3, ($4 > 0 ? $4 " µs" : "")}'
}

if section a || section b || section c; then
echo "## Throughput ($THREADS threads, $DURATION per round, GET /)"
# one Paastis per transport of TRANSPORTS; the first runs the upstreams nginx and the floor proxy
# to, the others each their own copies of them (a local app belongs to one Paastis)
INSTANCES=()   # "transport port pid directory"
first=1
for transport in $TRANSPORTS; do
  if [ $first = 1 ]; then
    dir=$WORK; port=$PAASTIS_PORT
  else
    dir=$WORK/paastis-$transport; port=$(free_port); mkdir -p "$dir"
    write_paastis_dir "$dir" "$(free_port)" "$(free_port)"
  fi
  PAASTIS_DIR=$dir TRANSPORT=$transport PAASTIS_PORT=$port \
    start_paastis 1h '* * * * *' "$dir/paastis-throughput.log"
  curl -fsS -o /dev/null -H 'Host: bench.localhost' "http://127.0.0.1:$port/"   # wakes the apps
  curl -fsS -o /dev/null -H 'Host: fast.localhost' "http://127.0.0.1:$port/"
  INSTANCES+=("$transport $port $PAASTIS_PID $dir")
  first=0
done
# "TRANSPORT=auto (io_uring)": what the instance's log says it runs on
transport_label() { # $1 = TRANSPORT, $2 = the directory of its Paastis's log
  local ran
  ran=$(grep -o '([a-z_]* transport)' "$2/paastis-throughput.log" | head -1 | tr -d '()' | sed 's/ transport//')
  echo "TRANSPORT=$1${ran:+: $ran}"
}
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>/dev/null
wait_port "$NGINX_PORT"
NGINX_PIDS="$(cat "$WORK/nginx.pid") $(pgrep -P "$(cat "$WORK/nginx.pid")" | tr '\n' ' ')"
# (n) the floor of a JVM proxy: Netty's codecs and a pool, nothing else (bench/floor/)
FLOOR_PORT=$(free_port); FLOOR_FAST_PORT=$(free_port)
"$JAVA" -cp "$JAR" bench/floor/NettyProxyFloor.java "$FLOOR_PORT" "$APP_PORT" >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!; PIDS+=("$FLOOR_PID")
"$JAVA" -cp "$JAR" bench/floor/NettyProxyFloor.java "$FLOOR_FAST_PORT" "$FAST_PORT" >"$WORK/floor-fast.log" 2>&1 &
FLOOR_FAST_PID=$!; PIDS+=("$FLOOR_FAST_PID")
wait_port "$FLOOR_PORT"; wait_port "$FLOOR_FAST_PORT"
# upstream name, its own port, nginx's port for it, the Host that names it to Paastis
TARGETS=()
[[ $UPSTREAMS == *demo* ]] && TARGETS+=("demo $APP_PORT $NGINX_PORT bench.localhost $FLOOR_PORT $FLOOR_PID")
[[ $UPSTREAMS == *fast* ]] && TARGETS+=("fast $FAST_PORT $NGINX_FAST_PORT fast.localhost $FLOOR_FAST_PORT $FLOOR_FAST_PID")
for target in "${TARGETS[@]}"; do   # warm up every target (JIT)
  read -r name direct viaNginx host viaFloor floorPid <<<"$target"
  for port in "$direct" "$viaNginx" "$viaFloor"; do warm_up "$port" "$host"; done
  for instance in "${INSTANCES[@]}"; do
    read -r transport port pid dir <<<"$instance"
    warm_up "$port" "$host"
  done
done
for round in $(seq 1 "$ROUNDS"); do   # interleaved rounds, so that drift hits every target alike
  for connections in $CONNECTIONS; do
    for target in "${TARGETS[@]}"; do
      read -r name direct viaNginx host viaFloor floorPid <<<"$target"
      run_wrk "$direct" "$host" "$connections" >>"$WORK/$name-$connections-a.txt"
      run_wrk "$viaNginx" "$host" "$connections" $NGINX_PIDS >>"$WORK/$name-$connections-b.txt"
      for instance in "${INSTANCES[@]}"; do
        read -r transport port pid dir <<<"$instance"
        run_wrk "$port" "$host" "$connections" "$pid" >>"$WORK/$name-$connections-c-$transport.txt"
      done
      run_wrk "$viaFloor" "$host" "$connections" "$floorPid" >>"$WORK/$name-$connections-n.txt"
    done
  done
done
echo
echo "Median of $ROUNDS interleaved rounds (the round with the median requests/s of each target)."
echo "Proxy CPU per request: the CPU time (user + system, every thread) the proxy's processes spent"
echo "in the round divided by the requests served, which the other processes on the machine disturb"
echo "far less than requests/s."
for target in "${TARGETS[@]}"; do
  read -r name direct viaNginx host viaFloor floorPid <<<"$target"
  for connections in $CONNECTIONS; do
    echo
    echo "### Upstream: $name, wrk -t$THREADS -c$connections"
    echo
    echo '| target | requests/s | p50 | p99 | proxy CPU per request |'
    echo '|---|---|---|---|---|'
    median_row "(a) $name upstream directly" "$WORK/$name-$connections-a.txt"
    median_row "(b) nginx proxy_pass" "$WORK/$name-$connections-b.txt"
    for instance in "${INSTANCES[@]}"; do
      read -r transport port pid dir <<<"$instance"
      median_row "(c) Paastis, app awake, $(transport_label "$transport" "$dir")" "$WORK/$name-$connections-c-$transport.txt"
    done
    median_row "(n) JVM floor: Netty codecs and a pool only" "$WORK/$name-$connections-n.txt"
    read -r a_rps a_p50 a_p99 <<<"$(median_of "$WORK/$name-$connections-a.txt")"
    read -r b_rps b_p50 b_p99 <<<"$(median_of "$WORK/$name-$connections-b.txt")"
    for instance in "${INSTANCES[@]}"; do
      read -r transport port pid dir <<<"$instance"
      read -r c_rps c_p50 c_p99 <<<"$(median_of "$WORK/$name-$connections-c-$transport.txt")"
      echo
      awk -v t="TRANSPORT=$transport" -v a50="$a_p50" -v a99="$a_p99" -v b="$b_rps" -v b50="$b_p50" -v b99="$b_p99" \
          -v c="$c_rps" -v c50="$c_p50" -v c99="$c_p99" \
          -v bm99="$(median_p99 "$WORK/$name-$connections-b.txt")" \
          -v cm99="$(median_p99 "$WORK/$name-$connections-c-$transport.txt")" 'BEGIN {
        printf "Paastis (%s)/nginx: %.2f. Added over direct: nginx p50 %+.3f ms, p99 %+.3f ms; Paastis p50 %+.3f ms, p99 %+.3f ms (Paastis p99 - nginx p99: %+.3f ms; median p99 of the rounds: %+.3f ms)\n",
          t, c / b, b50 - a50, b99 - a99, c50 - a50, c99 - a99, c99 - b99, cm99 - bm99 }'
    done
  done
done
echo
for instance in "${INSTANCES[@]}"; do
  read -r transport port pid dir <<<"$instance"
  echo "Paastis (TRANSPORT=$transport) resident memory after the runs: $(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 )) MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
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
    warm_up "$PAASTIS_PORT" bench.localhost "${RESTART_WARMUP:-10s}"
    run_wrk "$PAASTIS_PORT" bench.localhost "$LOAD_CONNECTIONS" "$PAASTIS_PID" >>"$WORK/metrics-$admin.txt"
    stop_paastis
  done
done
echo "Median of $ROUNDS rounds, each on a fresh, warmed-up Paastis:"
echo
echo "| target | requests/s | p50 | p99 | Paastis CPU per request |"
echo "|---|---|---|---|---|"
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
    warm_up "$PAASTIS_PORT" bench.localhost "${RESTART_WARMUP:-10s}"
    run_wrk "$PAASTIS_PORT" bench.localhost "$LOAD_CONNECTIONS" "$PAASTIS_PID" >>"$WORK/registry-$registry.txt"
    stop_paastis
  done
done
kill "$(cat "$WORK/redis.pid")"
echo "Median of $ROUNDS rounds, each on a fresh, warmed-up Paastis:"
echo
echo "| target | requests/s | p50 | p99 | Paastis CPU per request |"
echo "|---|---|---|---|---|"
median_row "(f) Paastis, registry in memory" "$WORK/registry-in-memory.txt"
median_row "(f) Paastis, registry on Redis" "$WORK/registry-redis.txt"
fi
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$JAVA" -version 2>&1 | head -1), $("$NGINX" -v 2>&1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
