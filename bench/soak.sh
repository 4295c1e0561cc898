#!/usr/bin/env bash
# Paastis soak run on loopback: a million keep-alive requests (h2load --h1) through Paastis to
# the demo app, with the heap after a full GC and the resident memory (RSS) read before and
# after, to show that nothing grows with the number of requests served.
# Usage: bench/soak.sh   (REQUESTS=1000000 CONNECTIONS=50 THREADS=2 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REQUESTS=${REQUESTS:-1000000}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v h2load >/dev/null || missing+=(nghttp2-client)   # h2load sends an exact count
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f target/paastis.jar ] || ./mvnw -q -B package -DskipTests
JAR=$ROOT/target/paastis.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd

WORK=$(mktemp -d)
PAASTIS_PID=
cleanup() { [ -n "$PAASTIS_PID" ] && kill "$PAASTIS_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

. bench/common.sh

APP_PORT=$(free_port); PAASTIS_PORT=$(free_port)
cat > "$WORK/paastis.yml" <<YML
local:
  apps:
    - name: bench
      command: "exec $JAVA -Xmx256m -XX:+UseParallelGC -cp $JAR dev.paastis.demo.DemoApp --name bench --port $APP_PORT"
      port: $APP_PORT
      health_path: /health
YML

(cd "$WORK" && exec env PORT=$PAASTIS_PORT HOST=127.0.0.1 START_AND_STOP_MAX_IDLE_TIME=1h \
  LOG_FORMAT=pretty "$JAVA" ${PAASTIS_JAVA_OPTS:-} -jar "$JAR" serve >"$WORK/paastis.log" 2>&1) &
PAASTIS_PID=$!
wait_port "$PAASTIS_PORT"
curl -fsS -o /dev/null -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/"   # wakes the app

measure() { # prints "heap-used-after-GC-KiB rss-KiB"
  "$JCMD" "$PAASTIS_PID" GC.run >/dev/null
  sleep 1
  local heap rss
  heap=$("$JCMD" "$PAASTIS_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss=$(ps -o rss= -p "$PAASTIS_PID" | tr -d ' ')
  echo "$heap $rss"
}

# warm-up: JIT and pools reach their working size before the first reading
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H 'Host: bench.localhost' "http://127.0.0.1:$PAASTIS_PORT/" >/dev/null
read -r HEAP_BEFORE RSS_BEFORE < <(measure)
START=$(date +%s)
h2load --h1 -n "$REQUESTS" -c "$CONNECTIONS" -t "$THREADS" -H ':authority: bench.localhost' \
  "http://127.0.0.1:$PAASTIS_PORT/" >"$WORK/h2load.txt"
SECONDS_TAKEN=$(( $(date +%s) - START ))
read -r HEAP_AFTER RSS_AFTER < <(measure)
SERVED=$(awk '/^requests:/ {print $8}' "$WORK/h2load.txt")
ERRORS=$(grep -E '^(requests|status codes):' "$WORK/h2load.txt" | tr '\n' ' ')

echo "## Soak: $SERVED keep-alive requests ($THREADS threads, $CONNECTIONS connections) in ${SECONDS_TAKEN}s"
echo
echo '| reading | heap used after a full GC | resident memory (RSS) |'
echo '|---|---|---|'
printf '| before (after a 10 s warm-up) | %d MiB | %d MiB |\n' $((HEAP_BEFORE / 1024)) $((RSS_BEFORE / 1024))
printf '| after %s requests | %d MiB | %d MiB |\n' "$SERVED" $((HEAP_AFTER / 1024)) $((RSS_AFTER / 1024))
echo
echo "h2load: $ERRORS"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
