#!/usr/bin/env bash
# Builds the benchmarks and runs them: redis-benchmark as the yardstick, then the end-to-end program on the Redis and
# the memory broker. Usage: benchmarks/run.sh [tasks] [redis-port]
# Use a Redis of its own (a second redis-server on another port) so that INFO commandstats counts only Celerity.
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS="${1:-50000}"
PORT="${2:-6379}"
./mvnw -o -q -pl task-core,task-spring-boot-autoconfigure,benchmarks package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/target/celerity-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)"
echo "== redis-benchmark: SET one client (the ceiling of one-call-at-a-time), 50 clients, 50 clients with -P 16"
redis-benchmark -p "$PORT" -q -n 50000 -c 1 -t set 2>/dev/null | tr '\r' '\n' | grep "per second"
redis-benchmark -p "$PORT" -q -n 200000 -t set,get 2>/dev/null | tr '\r' '\n' | grep "per second"
redis-benchmark -p "$PORT" -q -n 2000000 -t set,get -P 16 2>/dev/null | tr '\r' '\n' | grep "per second"
echo "== Celerity on Redis"
java ${JAVA_OPTS:-} -cp "$CP" dev.celerity.benchmarks.EndToEndBenchmark redis "$TASKS" "redis://127.0.0.1:$PORT" | grep -v '^\s*$' | tail -7
echo "== Celerity on the memory broker"
java -cp "$CP" dev.celerity.benchmarks.EndToEndBenchmark memory "$TASKS" | grep -v '^\s*$' | tail -6
if [[ "${JMH:-0}" == "1" ]]; then
  echo "== JMH: message building, routing, codec"
  java -cp "$CP" org.openjdk.jmh.Main RoutingBenchmark
fi
