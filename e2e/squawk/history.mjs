#!/usr/bin/env node
// Strata's `check` and squawk over a real migration history (default: ../../../shared/corpora/migrations/lemmy, in
// the order of its manifest.tsv): the share of files each tool fails at its default level, the rules behind the
// failures, and a per-file TSV for hand-checking a sample.
//
//   node history.mjs [--dir DIR] [--tsv FILE] [--ordered] [--pg-version 17]
//
// Both tools run without a database, the way a CI job without one runs them, and both are told that each file runs
// inside a transaction (diesel, Flyway and most migration tools do that): squawk --assume-in-transaction, Strata
// --assume-in-transaction. Strata reviews each file on its own (--independent), as squawk does; --ordered reviews
// the history as one ordered run instead (tables created by an earlier file are new to later ones).
// A file fails Strata at its default --fail-on (a warning or an error); it fails squawk when squawk reports anything.
// Environment: STRATA_JAR, SQUAWK, JAVA as in compare.mjs. Always exits 0: it is a report.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const DIR = path.resolve(option('--dir', path.join(HERE, '../../../shared/corpora/migrations/lemmy')));
const TSV = option('--tsv', null);
const PG = option('--pg-version', '17');
const ORDERED = args.includes('--ordered');
const STRATA_JAR = path.resolve(HERE, process.env.STRATA_JAR || '../../server/target/strata-server.jar');
const SQUAWK = process.env.SQUAWK || path.join(HERE, 'node_modules/.bin/squawk');
const JAVA = process.env.JAVA || 'java';

function files() {
  const manifest = path.join(DIR, 'manifest.tsv');
  if (fs.existsSync(manifest)) {
    return fs.readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => path.join(DIR, l.split('\t')[1]));
  }
  return fs.readdirSync(DIR).filter((n) => n.endsWith('.sql')).sort().map((n) => path.join(DIR, n));
}

function strata(list) {
  const argv = ['-jar', STRATA_JAR, 'check', '--format', 'json', '--assume-in-transaction', '--pg-version', PG,
    '--fail-on', 'never', ...(ORDERED ? [] : ['--independent']), ...list];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(JAVA, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`strata check exited ${r.status}: ${(r.stderr || '').slice(0, 400)}`);
  const out = new Map();
  for (const f of JSON.parse(r.stdout).files) {
    const findings = f.findings || [];
    const failing = findings.filter((x) => x.severity !== 'info');
    out.set(path.resolve(f.file), { failing, rules: [...new Set(failing.map((x) => x.rule))].sort(), all: findings });
  }
  return { out, ms };
}

function squawk(file) {
  const r = spawnSync(SQUAWK, ['--reporter', 'json', '--pg-version', PG, '--assume-in-transaction', file],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  let hits = [];
  try { hits = JSON.parse(r.stdout || '[]'); } catch { return { error: (r.stderr || r.stdout).slice(0, 200), rules: [] }; }
  return { hits, rules: [...new Set(hits.map((h) => h.rule_name))].sort() };
}

const list = files();
console.log(`history: ${DIR} (${list.length} files), PostgreSQL ${PG}, both tools assume each file runs in a transaction`);
const { out: st, ms } = strata(list);
const t0 = process.hrtime.bigint();
const sq = new Map(list.map((f) => [f, squawk(f)]));
const sqMs = Number(process.hrtime.bigint() - t0) / 1e6;

let strataFail = 0;
let squawkFail = 0;
let squawkParse = 0;
const strataRules = {};
const squawkRules = {};
const onlyRule = {};
const rows = ['file\tstrata_failing_rules\tsquawk_rules'];
for (const f of list) {
  const s = st.get(path.resolve(f)) || { rules: [], failing: [] };
  const q = sq.get(f);
  if (s.rules.length) strataFail++;
  if (q.rules.length) squawkFail++;
  if (q.rules.includes('syntax-error')) squawkParse++;
  for (const r of s.rules) strataRules[r] = (strataRules[r] || 0) + 1;
  for (const r of q.rules) squawkRules[r] = (squawkRules[r] || 0) + 1;
  if (s.rules.length === 1) onlyRule[s.rules[0]] = (onlyRule[s.rules[0]] || 0) + 1;
  rows.push(`${path.basename(f)}\t${s.failing.map((x) => `${x.rule}@${x.line}`).join(',')}\t${q.rules.join(',')}`);
}
const pct = (n) => `${(100 * n / list.length).toFixed(1)} %`;
const top = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`strata (${ORDERED ? 'ordered run' : '--independent'}): ${strataFail}/${list.length} files fail at --fail-on warning (${pct(strataFail)}); one JVM, ${(ms / 1000).toFixed(2)} s`);
console.log(`squawk 2.66.0: ${squawkFail}/${list.length} files with at least one finding (${pct(squawkFail)}); ${squawkParse} could not be parsed; ${(sqMs / 1000).toFixed(2)} s for ${list.length} processes`);
console.log(`strata rules on failing files (files): ${top(strataRules)}`);
console.log(`strata files failing on one rule only: ${top(onlyRule)}`);
console.log(`squawk rules (files): ${top(squawkRules)}`);
if (TSV) {
  fs.writeFileSync(TSV, rows.join('\n') + '\n');
  console.log(`per-file rules written to ${TSV}`);
}
