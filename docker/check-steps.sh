#!/usr/bin/env bash
# Runs the Dockerfile's runtime-stage steps and the compose file's database init outside Docker (no Docker engine
# runs on the build machines), against the jar `mvn package` built:
#   1. the class-data-sharing training run, exactly as the Dockerfile's RUN line;
#   2. the ENTRYPOINT with that archive: --version, and `check` on a migration (classes come from the archive);
#   3. the compose `db` service's init: psql -f demo.sql into a fresh database (as docker-entrypoint-initdb.d does),
#      on the embedded PostgreSQL 17 that `strata demo` starts.
# Usage: bash docker/check-steps.sh   (from the repository root, after mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
app=$(mktemp -d)
trap 'rm -rf "$app"; [ -n "${demo_pid:-}" ] && kill "$demo_pid" 2>/dev/null || true' EXIT

cp server/target/strata-server.jar "$app/"
cp -r server/target/lib "$app/lib"
java -XX:ArchiveClassesAtExit="$app/strata.jsa" -Xlog:disable -Xlog:all=error:stderr \
  -jar "$app/strata-server.jar" cds-training
chmod 444 "$app/strata.jsa"
entry=(java "-XX:SharedArchiveFile=$app/strata.jsa" -Xlog:disable -Xlog:all=warning:stderr -jar "$app/strata-server.jar")
"${entry[@]}" --version
status=0
"${entry[@]}" check tools/src/test/resources/dev/strata/migration/corpus/safe/001-create-index-concurrently.sql || status=$?
[ "$status" -eq 0 ] || { echo "check-steps: ENTRYPOINT check failed ($status)"; exit 1; }
echo "check-steps: Dockerfile runtime steps OK (archive $(du -h "$app/strata.jsa" | cut -f1))"

if ! command -v psql >/dev/null 2>&1; then
  echo "check-steps: psql not installed, compose init step skipped"
  exit 0
fi
log=$(mktemp)
java -jar server/target/strata-server.jar demo --http --port 0 --poll-interval 0 2>"$log" &
demo_pid=$!
for _ in $(seq 1 180); do grep -q "demo database ready" "$log" && break; sleep 1; done
url=$(grep -o "postgres://[^ ]*" "$log" | head -1)
[ -n "$url" ] || { cat "$log"; echo "check-steps: demo did not start"; exit 1; }
base=${url%/*}
psql "$base/postgres" -qc "DROP DATABASE IF EXISTS compose_check" -c "CREATE DATABASE compose_check"
psql "$base/compose_check" -q -v ON_ERROR_STOP=1 -f tools/src/main/resources/dev/strata/demo/demo.sql >/dev/null
rows=$(psql "$base/compose_check" -tAc "SELECT count(*) FROM public.orders")
echo "check-steps: compose init (psql -f demo.sql) OK, public.orders has $rows rows"
