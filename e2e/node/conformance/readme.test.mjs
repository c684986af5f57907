// The README's first-ten-minutes commands, run as written (paths and port substituted): the MCP Inspector CLI
// against `demo --http`. Run by run.sh with STRATA_HTTP_URL set to the demo server it started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const HTTP_URL = process.env.STRATA_HTTP_URL;

function readmeCommands(prefix) {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Once `demo` runs'), readme.indexOf('## Serving your database'));
  return section.split('\n').filter((l) => l.startsWith(prefix));
}

// A shell-free split is enough: the README's commands quote nothing.
function run(command) {
  const line = command.replaceAll('http://127.0.0.1:8808/mcp', HTTP_URL).replaceAll('/path/to/strata', ROOT);
  const [cmd, ...args] = line.split(/\s+/);
  return execFileSync(cmd, args, { cwd: HERE, encoding: 'utf8', timeout: 120_000, env: process.env });
}

test('the README names the Inspector and Claude Code commands', () => {
  assert.equal(readmeCommands('npx @modelcontextprotocol/inspector').length, 2);
  assert.ok(readmeCommands('claude mcp add').length >= 2);
});

test('README: Inspector lists the tools of demo --http', { skip: !HTTP_URL && 'STRATA_HTTP_URL not set' }, () => {
  const out = JSON.parse(run(readmeCommands('npx @modelcontextprotocol/inspector')[0]));
  const names = out.tools.map((t) => t.name);
  assert.ok(names.includes('describe_table') && names.includes('find_join_path'), names.join(','));
});

test('README: Inspector calls describe_table on demo --http', { skip: !HTTP_URL && 'STRATA_HTTP_URL not set' }, () => {
  const out = JSON.parse(run(readmeCommands('npx @modelcontextprotocol/inspector')[1]));
  assert.equal(out.isError ?? false, false);
  assert.equal(out.structuredContent.name, 'orders');
});
