#!/usr/bin/env bash
# Profiles Paastis's proxy path: Paastis (the jar, run as the README says) in front of the fast
# upstream of bench/run.sh (nginx answering `return 200`, run by Paastis as a local app), loaded by
# `wrk -t2 -c50` while async-profiler (from Maven Central) samples it. Writes flame graphs to
# bench/profiles/: cpu.html (where the CPU goes) and alloc.html (what the proxy path allocates),
# from the measured window only (after the warm-up).
# Usage: bench/profile.sh   (DURATION=20s WARMUP=15s CONNECTIONS=50 PAASTIS_JAVA_OPTS=... to change)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-50}
AP_VERSION=4.2
# the JVM options the README gives for a long-running Paastis; set it empty for the JVM defaults
PAASTIS_JAVA_OPTS=${PAASTIS_JAVA_OPTS--XX:+UseParallelGC -Xmx256m}
command -v wrk >/dev/null && { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f target/paastis.jar ] || ./mvnw -q -B package -DskipTests
JAR=$ROOT/target/paastis.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

AP_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/paastis-bench/async-profiler-$AP_VERSION
AP_LIB=$AP_DIR/linux-x64/libasyncProfiler.so
if [ ! -f "$AP_LIB" ]; then
  mkdir -p "$AP_DIR"
  curl -fsSL -o "$AP_DIR/ap.jar" \
    "https://repo1.maven.org/maven2/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
  (cd "$AP_DIR" && unzip -oq ap.jar 'linux-x64/*')
fi
CONVERTER=$AP_DIR/jfr-converter.jar
[ -f "$CONVERTER" ] || curl -fsSL -o "$CONVERTER" \
  "https://repo1.maven.org/maven2/tools/profiler/jfr-converter/$AP_VERSION/jfr-converter-$AP_VERSION.jar"

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
. bench/common.sh

FAST_PORT=$(free_port); PAASTIS_PORT=$(free_port)
write_fast_upstream_conf "$WORK" "$FAST_PORT"
cat > "$WORK/paastis.yml" <<YML
local:
  apps:
    - name: fast
      command: "exec $NGINX -c $WORK/fast.conf -p $WORK"
      port: $FAST_PORT
      health_path: /
YML

mkdir -p bench/profiles
JFR=$WORK/profile.jfr
(cd "$WORK" && exec env PORT=$PAASTIS_PORT HOST=127.0.0.1 START_AND_STOP_MAX_IDLE_TIME=1h LOG_FORMAT=pretty \
  "$JAVA" -agentpath:"$AP_LIB"=start,event=cpu,interval=1ms,alloc=256k,file="$JFR" $PAASTIS_JAVA_OPTS \
  -jar "$JAR" serve >"$WORK/paastis.log" 2>&1) &
PAASTIS_PID=$!
PIDS+=("$PAASTIS_PID")
began=$(date +%s%3N)
wait_port "$PAASTIS_PORT"
curl -fsS -o /dev/null -H 'Host: fast.localhost' "http://127.0.0.1:$PAASTIS_PORT/"   # wakes the app
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H 'Host: fast.localhost' "http://127.0.0.1:$PAASTIS_PORT/" >/dev/null
from=$(( $(date +%s%3N) - began ))
echo "$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H 'Host: fast.localhost' "http://127.0.0.1:$PAASTIS_PORT/" | awk '/Requests\/sec/ {print $2}') req/s while profiled"
to=$(( $(date +%s%3N) - began ))
kill "$PAASTIS_PID"; wait "$PAASTIS_PID" 2>/dev/null || true   # the profiler writes its recording at exit
# only the measured window, so that the graphs show the compiled steady state, not the warm-up
"$JAVA" -jar "$CONVERTER" --cpu --from "$from" --to "$to" --simple --title "Paastis CPU, wrk -c$CONNECTIONS, fast upstream" "$JFR" bench/profiles/cpu.html
"$JAVA" -jar "$CONVERTER" --alloc --from "$from" --to "$to" --simple --title "Paastis allocations, wrk -c$CONNECTIONS, fast upstream" "$JFR" bench/profiles/alloc.html
echo "flame graphs: bench/profiles/cpu.html, bench/profiles/alloc.html"
