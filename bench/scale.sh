#!/usr/bin/env bash
# Paastis with a large account: the real jar (`paastis.jar serve`) in front of the fake Heroku
# Platform API (src/test/.../bench/FakeHerokuServer.java, a process of its own) listing APPS running
# apps, paged as Heroku pages GET /apps (Range / Next-Range, 206, 200 by default, 1000 at most);
# every app's web_url is one fast local upstream answering `200 ok`. For 0, 1 and APPS apps it
# measures:
#   - heap used after a full GC (jcmd GC.run, then GC.heap_info) and resident memory (ps -o rss),
#     once the apps are tracked (checked through the system API's is_monitored, not just listed);
#   - the first tick (discovery) and one later tick: their time (paastis_scheduler_tick_seconds) and
#     the Heroku API calls they spent (GET /account/rate-limits, free, before and after);
#   - proxy throughput to one app among them, wrk -tTHREADS -cCONNECTIONS -dDURATION after a WARMUP.
# Usage: bench/scale.sh   (APPS=10000 DURATION=10s WARMUP=10s CONNECTIONS=50 THREADS=2 to change;
#                          CRON is the ticks' cron, '* * * * *' as by default in Paastis)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
APPS=${APPS:-10000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
CRON=${CRON:-* * * * *}
BUDGET=100000000 # the fake's rate-limit pool: large, so that it counts calls without refusing any
TOKEN=bench-heroku-token
ADMIN_TOKEN=bench-admin-token
SYSTEM_TOKEN=bench-system-token

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f target/paastis.jar ] || ./mvnw -q -B package -DskipTests
JAR=$ROOT/target/paastis.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd

WORK=$(mktemp -d)
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CLASSPATH_OF_FAKE="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }
wait_for() { # $1 = seconds, then a command that succeeds once the wait is over
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || { echo "gave up waiting for: $*" >&2; return 1; }
    sleep 0.2
  done
}

start_fake() { # $1 = number of apps; sets FAKE_PID, HEROKU_PORT, UPSTREAM_PORT
  "$JAVA" -Xmx1g -XX:+UseParallelGC -cp "$CLASSPATH_OF_FAKE" dev.paastis.bench.FakeHerokuServer \
    "$1" "$BUDGET" "$TOKEN" >"$WORK/fake.out" 2>"$WORK/fake.err" &
  FAKE_PID=$!
  PIDS+=("$FAKE_PID")
  wait_for 120 grep -q '^upstream ' "$WORK/fake.out"
  HEROKU_PORT=$(awk '$1 == "heroku" {print $2}' "$WORK/fake.out")
  UPSTREAM_PORT=$(awk '$1 == "upstream" {print $2}' "$WORK/fake.out")
}

start_paastis() { # $1 = log file; sets PAASTIS_PID, PAASTIS_PORT, ADMIN_PORT
  PAASTIS_PORT=$(free_port); ADMIN_PORT=$(free_port)
  (cd "$WORK" && exec env PORT="$PAASTIS_PORT" HOST=127.0.0.1 LOG_FORMAT=pretty \
    PROVIDER_NAME=heroku PROVIDER_HEROKU_API_URL="http://127.0.0.1:$HEROKU_PORT" \
    PROVIDER_HEROKU_API_TOKEN="$TOKEN" START_AND_STOP_MAX_IDLE_TIME=1h \
    START_AND_STOP_CHECKING_INTERVAL_CRON="$CRON" \
    ADMIN_ENABLED=true ADMIN_PORT="$ADMIN_PORT" ADMIN_API_TOKEN="$ADMIN_TOKEN" \
    ROUTING_SYSTEM_API_ENABLED=true ROUTING_SYSTEM_API_TOKEN="$SYSTEM_TOKEN" \
    "$JAVA" ${PAASTIS_JAVA_OPTS:-} -jar "$JAR" serve >"$1" 2>&1) &
  PAASTIS_PID=$!
  PIDS+=("$PAASTIS_PID")
  wait_port "$PAASTIS_PORT"
}
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

calls_left() {
  curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Accept: application/vnd.heroku+json; version=3' \
    "http://127.0.0.1:$HEROKU_PORT/account/rate-limits" | python3 -c 'import json,sys; print(json.load(sys.stdin)["remaining"])'
}
metric() { # $1 = a series name, exactly as /metrics writes it
  curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:$ADMIN_PORT/metrics" |
    awk -v name="$1" '$1 == name {print $2}'
}
ticks_done() { metric paastis_scheduler_tick_seconds_count | cut -d. -f1; }
ticks_past() { [ "$(ticks_done)" -ge "$1" ]; }
tracked_apps() { # the apps Paastis tracks, from the system API (is_monitored), not just those listed
  curl -fsS -H 'PaastisProxyTarget: system' -H "PaastisProxySystemApiToken: $SYSTEM_TOKEN" \
    "http://127.0.0.1:$PAASTIS_PORT/apps" |
    python3 -c 'import json,sys; print(sum(1 for app in json.load(sys.stdin) if app["is_monitored"]))'
}
heap_after_gc_kib() {
  "$JCMD" "$PAASTIS_PID" GC.run >/dev/null
  "$JCMD" "$PAASTIS_PID" GC.heap_info | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+'
}
rss_kib() { ps -o rss= -p "$PAASTIS_PID" | tr -d ' '; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
run_wrk() { # $1 = Host; prints "req/s p50 p99"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Host: $1" "http://127.0.0.1:$PAASTIS_PORT/" |
    awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print rps, p50, p99}'
}

ROWS=()
measure() { # $1 = number of apps in the account
  local apps=$1 host
  start_fake "$apps"
  start_paastis "$WORK/paastis-$apps.log"
  wait_for 600 ticks_past 1 # the first tick, discovery, is part of Paastis's start
  local first_tick left first_calls
  first_tick=$(metric paastis_scheduler_tick_seconds_sum)
  left=$(calls_left)
  first_calls=$((BUDGET - left))
  local tracked
  tracked=$(tracked_apps)
  [ "$tracked" -eq "$apps" ] || { echo "only $tracked of $apps apps tracked" >&2; exit 1; }
  # the next tick: listing again, nothing new to discover
  wait_for 120 ticks_past 2
  local tick tick_calls
  tick=$(awk -v a="$first_tick" -v b="$(metric paastis_scheduler_tick_seconds_sum)" 'BEGIN {printf "%.3f", b - a}')
  tick_calls=$((left - $(calls_left)))
  local heap rss
  heap=$(heap_after_gc_kib); rss=$(rss_kib)
  local rps="-" p50="-" p99="-" rss_after="-"
  if [ "$apps" -gt 0 ]; then
    host="app-$(printf '%05d' $((apps / 2))).localhost"
    curl -fsS -o /dev/null -H "Host: $host" "http://127.0.0.1:$PAASTIS_PORT/"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Host: $host" "http://127.0.0.1:$PAASTIS_PORT/" >/dev/null
    read -r rps p50 p99 < <(run_wrk "$host")
    rss_after=$(mib "$(rss_kib)")
  fi
  ROWS+=("| $apps | $tracked | $(mib "$heap") | $(mib "$rss") | $rss_after | $(printf '%.3f' "$first_tick") | $first_calls | $tick | $tick_calls | $rps | $p50 | $p99 |")
  stop_pid "$PAASTIS_PID"
  stop_pid "$FAKE_PID"
}

for apps in 0 1 "$APPS"; do
  measure "$apps"
done

echo "## Scale of the registry: Paastis tracking many Heroku apps"
echo
echo "Ticks on '$CRON'; throughput: wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up, to one app."
echo
echo '| apps listed | tracked | heap after full GC (MiB) | RSS (MiB) | RSS after wrk (MiB) | first tick (s) | its API calls | later tick (s) | its API calls | requests/s | p50 | p99 |'
echo '|---|---|---|---|---|---|---|---|---|---|---|---|'
printf '%s\n' "${ROWS[@]}"
echo
echo "Machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MiB, $("$JAVA" -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
