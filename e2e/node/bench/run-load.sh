#!/usr/bin/env bash
# HTTP load with a PostgreSQL restart in the middle (BENCHMARKS.md, "HTTP under load"); not run in CI:
#   bash e2e/node/bench/run-load.sh [sessions] [calls]      (defaults 50 × 200)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"
[ -f server/target/strata-server.jar ] || mvn -B -q package -DskipTests
mvn -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/server/target/bench.classpath"
java -cp "server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)" \
  -Dstrata.target=server/target -Dbench.sessions="${1:-50}" -Dbench.calls="${2:-200}" ${BENCH_OPTS:-} \
  dev.strata.server.bench.HttpLoadBenchmark
