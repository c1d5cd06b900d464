#!/usr/bin/env bash
# The reliability suite: builds the benchmarks offline, then runs each scenario against a redis-server of its own
# (started on the port, 6395 unless given, and stopped at the end) with worker JVMs of its own, and prints one line per
# scenario: scenario | load | fault | lost | duplicated in flight at the fault / otherwise | recovered by itself.
# Usage: benchmarks/reliability.sh [sigkill|sigterm|fuzz|client-kill|redis-restart|soak ...] [port]
# Loads: JAVA_OPTS="-Dreliability.sigkill.executions=50000 -Dreliability.soak.tasks=1000000". Files of the run (execution
# logs, worker consoles, Redis data) stay under benchmarks/target/reliability; the table is in results.md there.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -pl task-core,task-spring-boot-autoconfigure,benchmarks package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/target/celerity-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)"
rm -rf benchmarks/target/reliability
echo "load before: $(uptime)"
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${JAVA_OPTS:-} -cp "$CP" dev.celerity.benchmarks.reliability.ReliabilitySuite "$@"
echo "load after: $(uptime)"
