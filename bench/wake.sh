#!/usr/bin/env bash
# Wake latency (issue 17, item 3): from the moment a sleeping app can answer to the response at
# the waiting client, on every provider, with the provider API calls each wake spends.
#   heroku, scalingo, clever-cloud: the fake API and the fake router of each provider (from the
#     test sources), the app's boot delay known (--boot-ms, 1000 by default);
#   local: the demo app of the jar (dev.paastis.demo.DemoApp), as bench/run.sh section (d) runs it.
# Paastis runs in process (Paastis.create with the provider), the app stopped; each wake is one
# request; the app is stopped through Paastis between wakes. See WakeLatencyBench for the details.
# Usage: bench/wake.sh [--providers heroku,scalingo,clever-cloud,local] [--wakes 7] [--boot-ms 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -f target/paastis.jar ] || ./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" \
  -Dmdep.includeScope=test

# Paastis's own log goes to a file, so that the tables stand alone on stdout
cat > "$WORK/logback.xml" <<XML
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>${WAKE_LOG:-$WORK/paastis.log}</file>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
XML

echo "Machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
echo "Command: bench/wake.sh $*"
"$JAVA" -Dlogback.configurationFile="$WORK/logback.xml" \
  -cp "target/test-classes:target/classes:$(cat "$WORK/classpath")" \
  dev.paastis.bench.WakeLatencyBench --jar target/paastis.jar "$@"
