// End-to-end test of the Strata MCP server driven by a client nobody on the
// team wrote: the official MCP TypeScript SDK (@modelcontextprotocol/sdk),
// used from plain Node.js ESM, talking to the real jar over stdio.
//
//   cd e2e/node && npm ci && node client.test.mjs
//
// By default the server is started as `java -jar <jar> demo` (embedded
// PostgreSQL + demo database). Set STRATA_TEST_URL=postgres://... to serve an
// existing database instead (`--url`), STRATA_JAR to use another jar, JAVA to
// use another java binary, STRATA_E2E_VERBOSE=1 to echo the server's stderr.
//
// All tests share one client connection and run in file order.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const JAR = process.env.STRATA_JAR || resolve(HERE, '../../server/target/strata-server.jar');
const JAVA = process.env.JAVA || 'java';
const DB_URL = process.env.STRATA_TEST_URL || '';
const VERBOSE = !!process.env.STRATA_E2E_VERBOSE;

// Demo start can take ~30 s on a loaded 2-core machine.
const CONNECT_TIMEOUT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 60_000;
const REQ = { timeout: REQUEST_TIMEOUT_MS };

const EXPECTED_TOOLS = ['describe_table', 'explain_query', 'find_join_path', 'get_relationships', 'list_tables', 'profile_column', 'profile_table', 'review_migration', 'run_query', 'schema_diff', 'schema_report', 'search_schema', 'validate_sql'];

// ---------------------------------------------------------------- plumbing

let serverLog = ''; // tail of the server's stderr, shown on failure
const clientErrors = []; // transport/protocol errors (e.g. non-JSON on stdout)
let anyFailed = false;
let transport;
let client;
let serverProcess; // the java child process (private field of the transport)
let connecting;

function rememberLog(chunk) {
  const text = chunk.toString();
  if (VERBOSE) process.stderr.write(text);
  serverLog = (serverLog + text).slice(-20_000);
}

async function connect() {
  if (!existsSync(JAR)) {
    throw new Error(`server jar not found at ${JAR}: build it first (mvn -q package) or set STRATA_JAR`);
  }
  const args = DB_URL ? ['-jar', JAR, '--url', DB_URL] : ['-jar', JAR, 'demo'];
  transport = new StdioClientTransport({
    command: JAVA,
    args,
    // The SDK passes only HOME/PATH/... by default; give java the full env (JAVA_HOME, proxies, ...).
    env: { ...process.env },
    stderr: 'pipe', // must be drained, see rememberLog
  });
  transport.stderr.on('data', rememberLog);

  client = new Client({ name: 'strata-e2e-node', version: '0.0.0' });
  client.onerror = (err) => clientErrors.push(err);

  const started = Date.now();
  await client.connect(transport, { timeout: CONNECT_TIMEOUT_MS });
  serverProcess = transport._process;
  // tools/list once up front: the SDK client caches each tool's outputSchema and,
  // from then on, validates every callTool result's structuredContent against it
  // (ajv) and throws McpError if it does not match.
  await client.listTools(undefined, REQ);
  return { client, connectMs: Date.now() - started };
}

function connected() {
  connecting ??= connect();
  return connecting;
}

// A test that records failure so the server's stderr can be shown at the end.
function mcpTest(name, timeoutMs, fn) {
  test(name, { timeout: timeoutMs }, async (t) => {
    try {
      await fn(t);
    } catch (err) {
      anyFailed = true;
      throw err;
    }
  });
}

function textOf(result) {
  assert.ok(Array.isArray(result.content) && result.content.length > 0, 'result has content');
  assert.equal(result.content[0].type, 'text');
  return result.content[0].text;
}

// Calls a tool and insists the server answers with a result (never a JSON-RPC error).
async function callTool(name, args) {
  try {
    return await client.callTool({ name, arguments: args }, undefined, REQ);
  } catch (err) {
    if (err instanceof McpError) {
      assert.fail(`${name}(${JSON.stringify(args)}) threw a protocol error instead of returning a tool result: ${err.message}`);
    }
    throw err;
  }
}

after(async () => {
  try {
    if (client) await client.close();
  } finally {
    if (serverProcess && serverProcess.exitCode === null && serverProcess.signalCode === null) {
      serverProcess.kill('SIGKILL');
    }
    if (anyFailed && !VERBOSE && serverLog) {
      process.stderr.write(`\n--- tail of the server's stderr ---\n${serverLog.trimEnd()}\n---\n`);
    }
  }
});

// ---------------------------------------------------------------- tests

mcpTest('1. initialize: serverInfo.name is strata', CONNECT_TIMEOUT_MS + 30_000, async (t) => {
  const { connectMs } = await connected();
  t.diagnostic(`server (${DB_URL ? '--url' : 'demo'}) connected in ${(connectMs / 1000).toFixed(1)} s`);
  const info = client.getServerVersion();
  assert.equal(info?.name, 'strata');
  assert.ok(info.version, 'serverInfo.version is set');
  const caps = client.getServerCapabilities();
  assert.ok(caps?.tools, 'server declares the tools capability');
  assert.ok(caps?.resources, 'server declares the resources capability');
});

mcpTest('2. tools/list: exactly the thirteen tools, each with outputSchema and read-only annotations, < 24 KB', REQUEST_TIMEOUT_MS + 10_000, async (t) => {
  await connected();
  const result = await client.listTools(undefined, REQ);
  const names = result.tools.map((tool) => tool.name).sort();
  assert.deepEqual(names, EXPECTED_TOOLS);
  for (const tool of result.tools) {
    assert.equal(tool.inputSchema?.type, 'object', `${tool.name} inputSchema`);
    assert.equal(typeof tool.outputSchema, 'object', `${tool.name} has outputSchema`);
    assert.equal(tool.outputSchema.type, 'object', `${tool.name} outputSchema.type`);
    assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name} readOnlyHint`);
    assert.equal(tool.annotations?.destructiveHint, false, `${tool.name} destructiveHint`);
  }
  const size = JSON.stringify(result).length;
  t.diagnostic(`tools/list JSON size: ${size} bytes`);
  assert.ok(size < 24 * 1024, `tools/list is ${size} bytes, budget is 24 KB`);
});

mcpTest('3. describe_table orders: structuredContent and text', REQUEST_TIMEOUT_MS + 10_000, async () => {
  await connected();
  // The SDK has already validated structuredContent against the tool's outputSchema here.
  const result = await callTool('describe_table', { table: 'orders' });
  assert.notEqual(result.isError, true, `isError: ${JSON.stringify(result.content)}`);
  const sc = result.structuredContent;
  assert.ok(sc, 'structuredContent present');
  assert.equal(sc.name, 'orders');
  assert.equal(sc.schema, 'public');
  const columns = sc.columns.map((c) => c.name);
  assert.ok(columns.includes('state'), `columns include state: ${columns}`);
  assert.ok(columns.includes('status'), `columns include status: ${columns}`);
  assert.match(textOf(result), /orders/);
});

mcpTest('4. errors: unknown table and missing argument come back as isError results', REQUEST_TIMEOUT_MS * 2 + 10_000, async () => {
  await connected();
  const unknown = await callTool('describe_table', { table: 'ordrs' });
  assert.equal(unknown.isError, true, 'unknown table gives isError: true');
  assert.ok(textOf(unknown).includes('public.orders'), `suggests public.orders: ${textOf(unknown)}`);

  // The SDK client does not validate arguments against inputSchema; the server must answer.
  const missing = await callTool('describe_table', {});
  assert.equal(missing.isError, true, 'missing required argument gives isError: true');
  assert.match(textOf(missing), /table/);
});

mcpTest('5. find_join_path order_items -> accounts goes through orders', REQUEST_TIMEOUT_MS + 10_000, async () => {
  await connected();
  const result = await callTool('find_join_path', { from: 'order_items', to: 'accounts' });
  assert.notEqual(result.isError, true, `isError: ${JSON.stringify(result.content)}`);
  const paths = result.structuredContent?.paths;
  assert.ok(Array.isArray(paths) && paths.length > 0, 'at least one path');
  assert.ok(paths[0].sql.includes('JOIN orders'), `paths[0].sql: ${paths[0].sql}`);
  assert.equal(textOf(result).length > 0, true);
});

mcpTest('5b. review_migration: catalog-aware findings, an index on a new table passes', REQUEST_TIMEOUT_MS + 10_000, async () => {
  await connected();
  const sql = [
    "CREATE INDEX orders_user_idx ON orders (user_id);",
    "CREATE TABLE shipments (shipment_id bigint PRIMARY KEY, order_id bigint);",
    "CREATE INDEX shipments_order_idx ON shipments (order_id);",
  ].join('\n');
  const result = await client.callTool({ name: 'review_migration', arguments: { sql } }, undefined, REQ);
  assert.notEqual(result.isError, true);
  const content = result.structuredContent;
  assert.equal(content.ok, false);
  assert.equal(content.statements.length, 3);
  assert.equal(content.statements[0].lock, 'SHARE');
  const rules = content.findings.map((f) => `${f.rule}@${f.line}`);
  assert.ok(rules.includes('create-index-not-concurrently@1'), rules.join(', '));
  assert.ok(!rules.includes('create-index-not-concurrently@3'), rules.join(', '));
});

mcpTest('5c. profile_column accounts.plan: top values, variant spellings, sources', REQUEST_TIMEOUT_MS + 10_000, async () => {
  await connected();
  // The SDK validates structuredContent against profile_column's outputSchema.
  const result = await callTool('profile_column', { table: 'accounts', column: 'plan' });
  assert.notEqual(result.isError, true, `isError: ${JSON.stringify(result.content)}`);
  const sc = result.structuredContent;
  assert.equal(sc.source, 'exact');
  assert.deepEqual(sc.top_values.map((v) => v.value).sort(), ['Enterprise', 'PRO', 'enterprise', 'free', 'pro']);
  assert.ok(sc.detectors.variants, `variants detector: ${JSON.stringify(sc.detectors)}`);
  assert.match(textOf(result), /variants/);
});

mcpTest('6. resources: strata://tables, the table template, and reading strata://table/billing/invoices', REQUEST_TIMEOUT_MS * 3 + 10_000, async () => {
  await connected();
  const { resources } = await client.listResources(undefined, REQ);
  assert.ok(resources.some((r) => r.uri === 'strata://tables'), `resources: ${JSON.stringify(resources)}`);
  const { resourceTemplates } = await client.listResourceTemplates(undefined, REQ);
  assert.ok(
    resourceTemplates.some((r) => r.uriTemplate === 'strata://table/{schema}/{name}'),
    `templates: ${JSON.stringify(resourceTemplates)}`,
  );

  const uri = 'strata://table/billing/invoices';
  const read = await client.readResource({ uri }, REQ);
  assert.ok(read.contents.length > 0, 'resource has contents');
  const item = read.contents[0];
  assert.equal(item.uri, uri);
  assert.equal(typeof item.text, 'string');
  assert.ok(item.text.includes('invoices'), 'text mentions invoices');
  const json = JSON.parse(item.text); // must be JSON
  assert.equal(json.name, 'invoices');
  assert.equal(json.schema, 'billing');
});

mcpTest('7. shutdown: stdout carried only JSON-RPC, and the server exits by itself when stdin closes', 45_000, async (t) => {
  await connected();
  assert.deepEqual(clientErrors.map(String), [], 'no transport/protocol errors (e.g. non-JSON lines on stdout)');
  assert.ok(serverProcess, 'server process handle');
  const started = Date.now();
  const exited = new Promise((resolve) => {
    if (serverProcess.exitCode !== null || serverProcess.signalCode !== null) {
      resolve({ code: serverProcess.exitCode, signal: serverProcess.signalCode });
    } else {
      serverProcess.once('exit', (code, signal) => resolve({ code, signal }));
    }
  });
  // Close stdin ourselves (the SDK's close() would SIGTERM after 2 s).
  serverProcess.stdin.end();
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 30_000).unref());
  const outcome = await Promise.race([exited, timeout]);
  assert.ok(outcome, 'server did not exit within 30 s of stdin closing');
  t.diagnostic(`server exited ${JSON.stringify(outcome)} ${Date.now() - started} ms after stdin closed`);
  assert.equal(outcome.signal, null, 'exited on its own, not by a signal');
  assert.equal(outcome.code, 0, 'exit code 0');
  await client.close();
  client = undefined;
});
