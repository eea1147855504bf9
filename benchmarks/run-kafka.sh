#!/usr/bin/env bash
# Runs the Kafka benchmarks from the built tree, against a broker of their own (./weir kafka, in its
# own process, deleted afterwards):
#   benchmarks/run-kafka.sh [records] [queries] [parallelisms] [runs]
# records to preload (default 2000000, into 2 partitions); queries: filter,tumble; parallelisms:
# 1,2; runs per query and parallelism (default 2, each in a new JVM). KAFKA_BENCH_PORT (default
# 19092) is the broker's port; JAVA_OPTS are passed to the benchmark's java.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/weir-benchmarks-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ ! -d "$here/target/lib" ] || [ -n "$(find "$here/src" -newer "$jar" -type f | head -1)" ]; then
  (cd "$here/.." && mvn -q -B -DskipTests install)
fi
records="${1:-2000000}"
IFS=, read -r -a queries <<<"${2:-filter,tumble}"
IFS=, read -r -a parallelisms <<<"${3:-1,2}"
runs="${4:-2}"
port="${KAFKA_BENCH_PORT:-19092}"
bootstrap="127.0.0.1:$port"

log="$(mktemp)"
"$here/../weir" kafka --port "$port" >"$log" 2>&1 &
broker=$! # ./weir execs java: this is the broker's JVM
trap 'kill "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 240); do
  grep -q "Press Ctrl-C" "$log" && break
  kill -0 "$broker" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
grep -q "Press Ctrl-C" "$log" || { echo "the broker did not start:" >&2; cat "$log" >&2; exit 1; }

bench() { java -Xmx2g -Dslf4j.internal.verbosity=ERROR ${JAVA_OPTS:-} -cp "$jar:$here/target/lib/*" io.weir.bench.KafkaBenchmark "$@"; }
echo "broker: ./weir kafka on $bootstrap (pid $broker); $records records, $runs runs per query and parallelism"
bench preload "$bootstrap" bench-input "$records" 2
for query in "${queries[@]}"; do
  for parallelism in "${parallelisms[@]}"; do
    for run in $(seq 1 "$runs"); do
      bench run "$bootstrap" bench-input "$records" "$query" "$parallelism" "$broker"
    done
  done
done
