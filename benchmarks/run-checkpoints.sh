#!/usr/bin/env bash
# Runs the state and checkpoint benchmarks from the built tree:
#   benchmarks/run-checkpoints.sh state      [heap,rocksdb] [keys] [ops] [workloads] [runs]
#   benchmarks/run-checkpoints.sh growth     [backends] [rows-per-second] [seconds]
#   benchmarks/run-checkpoints.sh throughput [modes] [rows] [keys] [runs]
#   benchmarks/run-checkpoints.sh recovery   [backends] [sizes]
# JAVA_OPTS are passed to java, e.g. JAVA_OPTS=-Dstate.backend.rocksdb.block-cache-size=512mb (RocksDB options).
# backends: heap, rocksdb-full, rocksdb-incremental (comma-separated; 'all' for every one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/weir-benchmarks-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ ! -d "$here/target/lib" ] || [ -n "$(find "$here/src" -newer "$jar" -type f | head -1)" ]; then
  (cd "$here/.." && mvn -q -B -DskipTests install)
fi
what="${1:-}"
case "$what" in
  state) main=io.weir.bench.StateBenchmark; shift ;;
  growth|throughput) main=io.weir.bench.CheckpointBenchmark ;;
  recovery) main=io.weir.bench.RecoveryBenchmark; shift ;;
  *) echo "usage: $0 state|growth|throughput|recovery [arguments]" >&2; exit 2 ;;
esac
exec java -Xmx2g ${JAVA_OPTS:-} -cp "$jar:$here/target/lib/*" "$main" "$@"
