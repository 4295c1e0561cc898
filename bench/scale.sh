#!/usr/bin/env bash
# Paastis with a large account: the real jar (`paastis.jar serve`) in front of the fake Heroku
# Platform API (src/test/.../bench/FakeHerokuServer.java, a process of its own) listing APPS running
# apps, paged as Heroku pages GET /apps (Range / Next-Range, 206, 200 by default, 1000 at most);
# every app's web_url is one fast local upstream answering `200 ok`. For 0, 1 and APPS apps it
# measures:
#   - heap used after a full GC (jcmd GC.run, then GC.heap_info) and resident memory (ps -o rss),
#     once the apps are tracked (checked through the system API's is_monitored, not just listed);
#   - the first tick (discovery), the second and TICKS later ones: their time
#     (paastis_scheduler_tick_seconds) and the Heroku API calls they spent (GET /account/rate-limits,
#     free, before and after);
#   - the idle sweep: every app of APPS idle at once (30 s of idle time), the ticks that stop them,
#     their time and calls;
#   - proxy throughput to one app among 1 and among APPS, wrk -tTHREADS -cCONNECTIONS -dDURATION
#     after a WARMUP, median of ROUNDS rounds interleaved between the two.
# Usage: bench/scale.sh   (APPS=10000 DURATION=10s WARMUP=10s ROUNDS=2 CONNECTIONS=50 THREADS=2 to change;
#                          CRON='*/10 * * * * *' is the ticks' cron, every 10 s so that TICKS=5
#                          later ticks, JIT-warm, come quickly; Paastis's default is a minute;
#                          SECTIONS=mzpts: m 1 and APPS apps, z the empty account, p Heroku's
#                          pool, t throughput (with m's instances), s the idle sweep (every app
#                          idle at once))
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
APPS=${APPS:-10000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-50}
ROUNDS=${ROUNDS:-2}
THREADS=${THREADS:-2}
CRON=${CRON:-*/10 * * * * *}
TICKS=${TICKS:-5}
SECTIONS=${SECTIONS:-mzpts}
MAX_IDLE=1h
section() { [[ $SECTIONS == *"$1"* ]]; }
BUDGET=100000000 # the fake's rate-limit pool: large, so that it counts calls without refusing any
POOL=4500        # Heroku's pool per account (PROVIDERS.md): the last run has only that
TOKEN=bench-heroku-token
ADMIN_TOKEN=bench-admin-token
SYSTEM_TOKEN=bench-system-token

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f target/paastis.jar ] || ./mvnw -q -B package -DskipTests
JAR=${JAR:-$ROOT/target/paastis.jar} # another build's jar, to compare before and after a change
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd

WORK=$(mktemp -d)
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CLASSPATH_OF_FAKE="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$status" -eq 0 ]; then rm -rf "$WORK"; else echo "failed: the logs are in $WORK" >&2; fi
}
trap cleanup EXIT

. bench/common.sh
wait_for() { # $1 = seconds, then a command that succeeds once the wait is over
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || { echo "gave up waiting for: $*" >&2; return 1; }
    sleep 0.2
  done
}

start_fake() { # $1 = number of apps, $2 = rate-limit pool; sets FAKE_PID, HEROKU_PORT, UPSTREAM_PORT
  "$JAVA" -Xmx1g -XX:+UseParallelGC -cp "$CLASSPATH_OF_FAKE" dev.paastis.bench.FakeHerokuServer \
    "$1" "$2" "$TOKEN" >"$WORK/fake.out" 2>"$WORK/fake.err" &
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
    PROVIDER_HEROKU_API_TOKEN="$TOKEN" START_AND_STOP_MAX_IDLE_TIME="$MAX_IDLE" \
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
heap_after_gc_kib() { # two full GCs: what a tick just left behind (log lines, pages) is gone
  "$JCMD" "$PAASTIS_PID" GC.run >/dev/null
  "$JCMD" "$PAASTIS_PID" GC.run >/dev/null
  # every generation's "used": G1 prints one line for the heap, ParallelGC one per generation
  # (the young one first, nearly empty after a full GC); metaspace is not heap
  "$JCMD" "$PAASTIS_PID" GC.heap_info | grep -vE 'Metaspace|class space' | grep -oE 'used [0-9]+K' \
    | grep -oE '[0-9]+' | awk '{ sum += $1 } END { print sum }'
}
rss_kib() { ps -o rss= -p "$PAASTIS_PID" | tr -d ' '; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
host_of() { echo "app-$(printf '%05d' $(($1 / 2))).localhost"; } # one app in the middle of the account
run_wrk() { # $1 = Host; prints "req/s p50 p99"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Host: $1" "http://127.0.0.1:$PAASTIS_PORT/" |
    awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print rps, p50, p99}'
}

# One account and its Paastis per size, remembered by the number of apps.
declare -A FAKE_PIDS PAASTIS_PIDS PAASTIS_PORTS ADMIN_PORTS HEROKU_PORTS ROW
use() { # $1 = a row key, or a number of apps with the large pool
  local key=$1
  [[ $key == *" "* ]] || key="$1 $BUDGET"
  PAASTIS_PID=${PAASTIS_PIDS[$key]}; PAASTIS_PORT=${PAASTIS_PORTS[$key]}; ADMIN_PORT=${ADMIN_PORTS[$key]}; HEROKU_PORT=${HEROKU_PORTS[$key]}
}

setup() { # $1 = number of apps, $2 = the account's rate-limit pool (BUDGET by default): starts
          # the account and its Paastis, measures memory and ticks; the row's key is "$1 $2"
  local apps=$1 pool=${2:-$BUDGET}
  local key="$apps $pool"
  start_fake "$apps" "$pool"
  start_paastis "$WORK/paastis-$apps-$pool.log"
  FAKE_PIDS[$key]=$FAKE_PID; PAASTIS_PIDS[$key]=$PAASTIS_PID; PAASTIS_PORTS[$key]=$PAASTIS_PORT
  ADMIN_PORTS[$key]=$ADMIN_PORT; HEROKU_PORTS[$key]=$HEROKU_PORT
  wait_for 900 ticks_past 1 # the first tick, discovery, is part of Paastis's start
  local first_tick left first_calls tracked
  first_tick=$(metric paastis_scheduler_tick_seconds_sum)
  left=$(calls_left)
  first_calls=$((pool - left))
  tracked=$(tracked_apps)
  if [ "$pool" = "$BUDGET" ] && [ "$tracked" -ne "$apps" ]; then
    echo "only $tracked of $apps apps tracked" >&2
    exit 1
  fi
  # the second tick: listing again, nothing new to discover (code still cold)
  wait_for 120 ticks_past 2
  local second second_calls sum
  sum=$(metric paastis_scheduler_tick_seconds_sum)
  second=$(awk -v a="$first_tick" -v b="$sum" 'BEGIN {printf "%.3f", b - a}')
  local left2
  left2=$(calls_left)
  second_calls=$((left - left2))
  # TICKS later ticks: their mean time and calls
  wait_for $((TICKS * 30 + 60)) ticks_past $((2 + TICKS))
  local count later later_calls
  count=$(ticks_done)
  later=$(awk -v a="$sum" -v b="$(metric paastis_scheduler_tick_seconds_sum)" -v n=$((count - 2)) 'BEGIN {printf "%.3f", (b - a) / n}')
  later_calls=$(awk -v a="$left2" -v b="$(calls_left)" -v n=$((count - 2)) 'BEGIN {printf "%.1f", (a - b) / n}')
  local heap rss
  heap=$(heap_after_gc_kib); rss=$(rss_kib)
  ROW[$key]="| $apps | $tracked | $(tracked_apps) | $(mib "$heap") | $(mib "$rss") | $(printf '%.3f' "$first_tick") | $first_calls | $second | $second_calls | $later | $later_calls |"
}
teardown() { use "$1"; stop_pid "$PAASTIS_PID"; stop_pid "${FAKE_PIDS[$1]}"; }

if section z; then
  setup 0
  teardown "0 $BUDGET"
fi
if section m || section t; then
  setup 1
  setup "$APPS"
fi
if section t; then
  for apps in 1 "$APPS"; do # warm up both (JIT), then interleaved rounds: drift hits both alike
    use "$apps"
    curl -fsS -o /dev/null -H "Host: $(host_of "$apps")" "http://127.0.0.1:$PAASTIS_PORT/"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Host: $(host_of "$apps")" "http://127.0.0.1:$PAASTIS_PORT/" >/dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    for apps in 1 "$APPS"; do
      use "$apps"
      run_wrk "$(host_of "$apps")" >>"$WORK/wrk-$apps.txt"
    done
  done
fi
THROUGHPUT=()
if section m || section t; then
  for apps in 1 "$APPS"; do
    use "$apps"
    if section t; then
      THROUGHPUT+=("| $apps | $(sort -n "$WORK/wrk-$apps.txt" | awk '{rows[NR]=$0} END {split(rows[int((NR+1)/2)], f, " "); printf "%s | %s | %s", f[1], f[2], f[3]}') | $(mib "$(rss_kib)") |")
    fi
    teardown "$apps $BUDGET"
  done
fi
if section p; then
  setup "$APPS" "$POOL" # the same account with Heroku's pool: what the first ticks spend and track
  teardown "$APPS $POOL"
fi
stopped_apps() { # the apps Paastis reports stopped, from the system API
  curl -fsS -H 'PaastisProxyTarget: system' -H "PaastisProxySystemApiToken: $SYSTEM_TOKEN" \
    "http://127.0.0.1:$PAASTIS_PORT/apps" |
    python3 -c 'import json,sys; print(sum(1 for app in json.load(sys.stdin) if app["state"] == "STOPPED"))'
}
all_stopped() { [ "$(stopped_apps)" -ge "$APPS" ]; }
SWEEP=""
if section s; then # every app idle at once: the ticks that stop them all
  MAX_IDLE=30s
  start_fake "$APPS" "$BUDGET"
  start_paastis "$WORK/paastis-sweep.log"
  wait_for 900 ticks_past 1
  wait_for 120 ticks_past 2 # registered at the end of the first tick: not idle yet
  count=$(ticks_done); sum=$(metric paastis_scheduler_tick_seconds_sum); left=$(calls_left)
  wait_for 1800 all_stopped
  ticks=$(( $(ticks_done) - count ))
  SWEEP="| $APPS | $(stopped_apps) | $ticks | $(awk -v a="$sum" -v b="$(metric paastis_scheduler_tick_seconds_sum)" 'BEGIN {printf "%.1f", b - a}') | $((left - $(calls_left))) |"
  stop_pid "$PAASTIS_PID"
  stop_pid "$FAKE_PID"
  MAX_IDLE=1h
fi

echo "## Scale of the registry: Paastis tracking many Heroku apps"
echo
echo "Ticks on '$CRON'. Heap used after two full GCs and RSS, taken after the later ticks. The"
echo "account's rate-limit pool is $BUDGET tokens (counting calls, refusing none), then Heroku's $POOL"
echo "(never refilled by the fake, where Heroku refills about 75 a minute)."
echo
echo "| apps listed | tracked after the first tick | after the last | heap after full GC (MiB) | RSS (MiB) | first tick (s) | its API calls | second tick (s) | its API calls | $TICKS later ticks, mean (s) | API calls per tick |"
echo '|---|---|---|---|---|---|---|---|---|---|---|'
for key in "0 $BUDGET" "1 $BUDGET" "$APPS $BUDGET" "$APPS $POOL"; do
  [ -z "${ROW[$key]:-}" ] || echo "${ROW[$key]}"
done
if section t; then
  echo
  echo "Proxy throughput to one app: wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up, median of $ROUNDS interleaved rounds."
  echo
  echo '| apps tracked | requests/s | p50 | p99 | RSS after (MiB) |'
  echo '|---|---|---|---|---|'
  printf '%s\n' "${THROUGHPUT[@]}"
fi
echo
if section s; then
  echo
  echo "Idle sweep: $APPS apps idle at once (START_AND_STOP_MAX_IDLE_TIME=30s), from the last tick"
  echo "before it until every app is stopped (the ticks in between included)."
  echo
  echo '| apps idle | stopped | ticks | their time (s) | API calls |'
  echo '|---|---|---|---|---|'
  echo "$SWEEP"
fi
echo
echo "Machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MiB, $("$JAVA" -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
