#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance, server scenarios) against the packaged
# jar over streamable HTTP and over stateless HTTP, both serving the embedded demo database. Fails on any
# scenario outside the expected-failures files (each says why its scenarios cannot pass) and on any of those
# that starts passing. Usage: bash e2e/node/conformance/run.sh (after mvn package).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
jar="$root/server/target/strata-server.jar"
cd "$here"
# npm install, not npm ci: npm 11 leaves an optional dependency of vite for other platforms out of the lock
# file and then refuses `npm ci`; install keeps the locked versions all the same.
npm install --no-audit --no-fund --silent
export PATH="$here/node_modules/node/bin:$PATH"
node --version

log=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_for() { for _ in $(seq 1 240); do grep -q "$2" "$1" && return 0; sleep 0.5; done; cat "$1"; return 1; }

streamable=$(free_port)
java -jar "$jar" demo --http --port "$streamable" --poll-interval 0 2>"$log/streamable.err" &
pids+=($!)
wait_for "$log/streamable.err" "serving"
url=$(grep -o 'postgres://[^ ]*' "$log/streamable.err" | head -1)
stateless=$(free_port)
java -jar "$jar" --url "$url" --http --stateless --port "$stateless" --poll-interval 0 2>"$log/stateless.err" &
pids+=($!)
wait_for "$log/stateless.err" "serving"

status=0
echo "conformance: streamable HTTP"
npx conformance server --url "http://127.0.0.1:$streamable/mcp" \
  --expected-failures "$here/expected-failures-streamable.yml" || status=1
echo "conformance: stateless HTTP"
npx conformance server --url "http://127.0.0.1:$stateless/mcp" \
  --expected-failures "$here/expected-failures-stateless.yml" || status=1
echo "README: first-ten-minutes commands"
STRATA_HTTP_URL="http://127.0.0.1:$streamable/mcp" node --test readme.test.mjs || status=1
exit $status
