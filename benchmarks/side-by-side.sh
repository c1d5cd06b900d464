#!/usr/bin/env bash
# Celerity and BullMQ side by side on the same Redis, one after the other in one run: redis-benchmark as the
# yardstick, Celerity's EndToEndBenchmark with default settings, then benchmarks/bullmq/end-to-end.js (the same phases
# and printed lines) once per Worker concurrency; prints the machine load and a table with Celerity ÷ BullMQ per row:
# medians of ROUNDS rounds, so that a load that changes during the run favours neither program.
# Usage: benchmarks/side-by-side.sh [tasks] [redis-port]
#   BULLMQ_CONCURRENCY  the BullMQ Worker concurrencies to run, "default" for BullMQ's own (1); default "default 50"
#   CELERITY_OPTS       JVM options of the Celerity run; default -Dbench.defaults=true (Celerity's default settings)
#   ROUNDS              how many times to run the whole sequence; the table shows the medians over the rounds (1)
# Use a Redis of its own (a second redis-server on another port) so that INFO commandstats counts only the program
# being measured. Needs Node.js 20+ and npm; benchmarks/bullmq's dependencies are installed once with npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS="${1:-20000}"
PORT="${2:-6379}"
CONCURRENCIES="${BULLMQ_CONCURRENCY:-default 50}"
CELERITY_OPTS="${CELERITY_OPTS:--Dbench.defaults=true}"
ROUNDS="${ROUNDS:-1}"
OUT=benchmarks/target/side-by-side # the programs' whole output, kept for reading

./mvnw -o -q -pl task-core,task-spring-boot-autoconfigure,benchmarks package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/target/celerity-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)"
mkdir -p "$OUT"
if [[ ! benchmarks/bullmq/node_modules/.package-lock.json -nt benchmarks/bullmq/package-lock.json ]]; then
  (cd benchmarks/bullmq && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
fi
BULLMQ_VERSION="$(node -p 'require("./benchmarks/bullmq/node_modules/bullmq/package.json").version')"

yardstick() {
  redis-benchmark -p "$PORT" -q "$@" -t set 2>/dev/null | tr '\r' '\n' | grep "per second" | tail -1 |
    grep -oE '[0-9.]+ requests per second' | cut -d' ' -f1
}
RUNS=(celerity)
for c in $CONCURRENCIES; do RUNS+=("bullmq-$c"); done
echo "== load before: $(uptime)"
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS: redis-benchmark SET, 1 client / 50 clients / 50 clients with -P 16"
  printf 'SET, 1 client: %s/s\nSET, 50 clients: %s/s\nSET, P16: %s/s\n' "$(yardstick -n 50000 -c 1)" \
    "$(yardstick -n 200000 -c 50)" "$(yardstick -n 2000000 -c 50 -P 16)" | tee "$OUT/yardstick-$round.txt"

  echo "== Celerity on Redis ($CELERITY_OPTS)"
  # shellcheck disable=SC2086
  java $CELERITY_OPTS -cp "$CP" dev.celerity.benchmarks.EndToEndBenchmark redis "$TASKS" "redis://127.0.0.1:$PORT" \
    > "$OUT/celerity-$round.txt" 2> "$OUT/celerity-$round.log" || { cat "$OUT/celerity-$round.log"; exit 1; }
  grep -v '^\s*$' "$OUT/celerity-$round.txt" | grep -A6 '^Celerity end-to-end'
  # the pickup phase runs at Celerity's rate, so that both are measured alike
  PICKUP_RATE="$(grep -oE '^pickup latency at [0-9]+/s' "$OUT/celerity-$round.txt" | grep -oE '[0-9]+')"

  for c in $CONCURRENCIES; do
    echo "== BullMQ $BULLMQ_VERSION on Redis, Worker concurrency $c"
    if [[ "$c" == "default" ]]; then unset BENCH_CONCURRENCY; else export BENCH_CONCURRENCY="$c"; fi
    BENCH_PICKUP_RATE="$PICKUP_RATE" node benchmarks/bullmq/end-to-end.js "$TASKS" "redis://127.0.0.1:$PORT" \
      > "$OUT/bullmq-$c-$round.txt"
    grep -v '^\s*$' "$OUT/bullmq-$c-$round.txt"
  done
done
echo "== load after: $(uptime)"

# value RUN LINE-START N: the median over the rounds of the Nth number after the colon of the line that starts so
value() {
  local round
  for round in $(seq 1 "$ROUNDS"); do
    grep -m1 "^$2" "$OUT/$1-$round.txt" | cut -d: -f2- | tr -d , | grep -oE '[0-9]+(\.[0-9]+)?' | sed -n "$3p"
  done | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
human() { awk -v v="$1" 'BEGIN { if (v >= 1e6) printf "%.2fM", v / 1e6; else if (v >= 1e4) printf "%.1fk", v / 1e3;
  else if (v >= 1e3) printf "%.2fk", v / 1e3; else printf "%s", v }'; }
row() { # label, yardstick, line start, number index, unit
  local line="| $1 | $2 |" c b
  c="$(value celerity "$3" "$4")"
  line+=" $(human "$c")$5 |"
  for run in "${RUNS[@]:1}"; do
    b="$(value "$run" "$3" "$4")"
    line+=" $(human "$b")$5 | $(ratio "$c" "$b") |"
  done
  echo "$line"
}
echo
SET_1="$(value yardstick "SET, 1 client" 1)"
SET_50="$(value yardstick "SET, 50 clients" 1)"
SET_P16="$(value yardstick "SET, P16" 1)"
echo "$TASKS no-op tasks, results stored; Celerity $CELERITY_OPTS; BullMQ $BULLMQ_VERSION; same Redis, one after the" \
  "other; medians of $ROUNDS round(s)"
header="| | redis-benchmark | Celerity |"
rule="|---|---|---|"
for c in $CONCURRENCIES; do
  header+=" BullMQ, concurrency $c | Celerity ÷ BullMQ |"
  rule+="---|---|"
done
echo "$header"
echo "$rule"
row "enqueue, one call at a time (tasks/s)" "SET, 1 client: $(human "$SET_1")/s" "enqueue, one call" 1 ""
row "enqueue, batches of 1000 (tasks/s)" "SET -P 16, 50 clients: $(human "$SET_P16")/s" "enqueue, batch" 1 ""
row "end to end, single-enqueued (tasks/s)" "SET, 50 clients: $(human "$SET_50")/s" "end to end" 1 ""
row "end to end, batch-enqueued (tasks/s)" "" "end to end" 2 ""
row "pickup at $PICKUP_RATE/s, p50 (lower is better)" "" "pickup latency" 2 " ms"
row "pickup at $PICKUP_RATE/s, p99 (lower is better)" "" "pickup latency" 4 " ms"
row "Redis commands per task, single (lower is better)" "" "Redis commands" 1 ""
row "Redis commands per task, batch (lower is better)" "" "Redis commands" 2 ""
