// End-to-end test of the Strata MCP server driven by the MCP Inspector's CLI
// mode (what `npx @modelcontextprotocol/inspector --cli <server> --method ...`
// runs), over stdio and over streamable HTTP.
//
//   cd e2e/node && npm ci && node inspector.test.mjs
//
// Why @modelcontextprotocol/inspector-cli and not @modelcontextprotocol/inspector:
// every umbrella release since 0.16 requires Node >= 22.7.5 (2.x: >= 22.19 and
// pulls in vite/react/native keyring); the CLI mode lives in the separately
// published inspector-cli package, whose build/cli.js is the same launcher and
// whose `--cli` path spawns the same build/index.js. It runs on Node 20.
//
// To avoid paying the embedded-PostgreSQL start per CLI call, one
// `java -jar <jar> demo --http --port <free>` is started for the whole file;
// the stdio calls then spawn `java -jar <jar> --url <its database>` and the
// HTTP calls go to its /mcp endpoint. With STRATA_TEST_URL set, no demo is
// started and the HTTP cases are skipped (unless STRATA_TEST_HTTP_URL is set).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
const JAR = process.env.STRATA_JAR || resolve(HERE, '../../server/target/strata-server.jar');
const JAVA = process.env.JAVA || 'java';
const VERBOSE = !!process.env.STRATA_E2E_VERBOSE;
const DEMO_TIMEOUT_MS = 120_000;
const CLI_TIMEOUT_MS = 90_000; // the CLI itself uses the SDK's 60 s request timeout

const require = createRequire(import.meta.url);
const CLI_PKG_DIR = dirname(require.resolve('@modelcontextprotocol/inspector-cli/package.json'));
const CLI_JS = resolve(CLI_PKG_DIR, 'build/cli.js');

let dbUrl = process.env.STRATA_TEST_URL || '';
let httpUrl = process.env.STRATA_TEST_HTTP_URL || '';
let demo; // the background demo server, when this file started one
let demoLog = ''; // the demo's stderr (tail)

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

// Starts `demo --http` and resolves once it prints both the database URL and the HTTP URL.
async function startDemo() {
  if (!existsSync(JAR)) {
    throw new Error(`server jar not found at ${JAR}: build it first (mvn -q package) or set STRATA_JAR`);
  }
  const port = await freePort();
  demo = spawn(JAVA, ['-jar', JAR, 'demo', '--http', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolveDemo, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo not ready within ${DEMO_TIMEOUT_MS} ms:\n${demoLog}`)), DEMO_TIMEOUT_MS);
    demo.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`demo exited early (${code ?? signal}):\n${demoLog}`));
    });
    demo.stderr.setEncoding('utf8');
    demo.stderr.on('data', (chunk) => {
      if (VERBOSE) process.stderr.write(chunk);
      // Accumulate raw text: a line can arrive split over several chunks.
      demoLog = (demoLog + chunk).slice(-20_000);
      const all = demoLog;
      const db = all.match(/demo database ready in .* at (postgres:\/\/\S+)\r?\n/); // whole line only
      const http = all.match(/ on (http:\/\/\S+\/mcp)\r?\n/);
      if (db && http) {
        dbUrl = db[1];
        httpUrl = http[1];
        clearTimeout(timer);
        demo.removeAllListeners('exit');
        resolveDemo();
      }
    });
  });
}

// Runs the Inspector CLI (`cli.js --cli <target...> <options...>`) and parses its stdout as JSON.
// cwd is the package's build/ dir: inspector-cli 1.0.3 locates its own package.json with
// fs.existsSync('../package.json'), i.e. relative to the *working directory*, and fails
// ("Cannot find module .../@modelcontextprotocol/package.json") from anywhere else.
function inspector(target, options) {
  const args = [CLI_JS, '--cli', ...target, ...options];
  return new Promise((resolveRun, reject) => {
    execFile(process.execPath, args, {
      cwd: resolve(CLI_PKG_DIR, 'build'),
      env: process.env,
      timeout: CLI_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`inspector ${options.join(' ')} failed (${err.code ?? err.signal}):\n${stderr}\n${stdout}`));
        return;
      }
      try {
        resolveRun(JSON.parse(stdout));
      } catch (parseErr) {
        reject(new Error(`inspector printed non-JSON (${parseErr.message}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

const stdioTarget = () => [JAVA, '-jar', JAR, '--url', dbUrl];
const httpTarget = () => [httpUrl];

before(async () => {
  if (!dbUrl) await startDemo();
}, { timeout: DEMO_TIMEOUT_MS + 10_000 });

after(async () => {
  if (!demo || demo.exitCode !== null || demo.signalCode !== null) return;
  const exited = new Promise((r) => demo.once('exit', r));
  demo.kill('SIGTERM');
  const t = setTimeout(() => demo.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(t);
});

test('inspector --cli (stdio) tools/list: the thirteen tools, read-only, with outputSchema', { timeout: CLI_TIMEOUT_MS + 10_000 }, async () => {
  const result = await inspector(stdioTarget(), ['--method', 'tools/list']);
  const names = result.tools.map((t) => t.name).sort();
  assert.deepEqual(names, ['describe_table', 'explain_query', 'find_join_path', 'get_relationships', 'list_tables', 'profile_column', 'profile_table', 'review_migration', 'run_query', 'schema_diff', 'schema_report', 'search_schema', 'validate_sql']);
  for (const tool of result.tools) {
    assert.equal(typeof tool.outputSchema, 'object', `${tool.name} outputSchema`);
    assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name} readOnlyHint`);
  }
});

test('inspector --cli (stdio) tools/call describe_table ordrs: isError naming public.orders', { timeout: CLI_TIMEOUT_MS + 10_000 }, async () => {
  const result = await inspector(stdioTarget(), ['--method', 'tools/call', '--tool-name', 'describe_table', '--tool-arg', 'table=ordrs']);
  assert.equal(result.isError, true);
  assert.ok(result.content[0].text.includes('public.orders'), result.content[0].text);
});

test('inspector --cli (http) tools/call find_join_path order_items -> accounts', { timeout: CLI_TIMEOUT_MS + 10_000 }, async (t) => {
  if (!httpUrl) return t.skip('no HTTP server (STRATA_TEST_URL set without STRATA_TEST_HTTP_URL)');
  const result = await inspector(httpTarget(), ['--method', 'tools/call', '--tool-name', 'find_join_path', '--tool-arg', 'from=order_items', 'to=accounts']);
  assert.notEqual(result.isError, true);
  assert.ok(result.structuredContent.paths[0].sql.includes('JOIN orders'), result.structuredContent.paths[0].sql);
});

test('inspector --cli (http) resources/read strata://table/billing/invoices', { timeout: CLI_TIMEOUT_MS + 10_000 }, async (t) => {
  if (!httpUrl) return t.skip('no HTTP server (STRATA_TEST_URL set without STRATA_TEST_HTTP_URL)');
  const result = await inspector(httpTarget(), ['--method', 'resources/read', '--uri', 'strata://table/billing/invoices']);
  const item = result.contents[0];
  assert.equal(item.mimeType, 'application/json');
  assert.equal(JSON.parse(item.text).name, 'invoices');
});
