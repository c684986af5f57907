#!/usr/bin/env bash
# Start-up benchmark, Strata beside DBHub, in one run (BENCHMARKS.md, "Start-up as users launch it"):
#   bash e2e/node/bench/run-startup.sh [starts]        (from anywhere; builds the jar if it is missing)
# Installs DBHub and Node.js 22 here from the npm registry, then runs
# server/src/test/java/dev/strata/server/bench/StartupBenchmark.java against the embedded demo database.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
starts=${1:-9}
(cd "$here" && npm install --no-audit --no-fund --silent)
cd "$root"
[ -f server/target/strata-server.jar ] || mvn -B -q package -DskipTests
mvn -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/server/target/bench.classpath"
java -cp "server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)" \
  -Dstrata.target=server/target -Dbench.starts="$starts" -Dbench.dbhub="$here" ${BENCH_OPTS:-} \
  dev.strata.server.bench.StartupBenchmark
