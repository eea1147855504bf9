#!/usr/bin/env bash
# Runs query benchmarks from the built tree: benchmarks/run.sh [queries|all] [rows] [parallelism] [runs]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/weir-benchmarks-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ ! -d "$here/target/lib" ]; then
  (cd "$here/.." && mvn -q -B -DskipTests install)
fi
exec java -Xmx2g -cp "$jar:$here/target/lib/*" io.weir.bench.QueryBenchmark "$@"
