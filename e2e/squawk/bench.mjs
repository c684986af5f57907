#!/usr/bin/env node
// Wall-time comparison over 1,000 migration files: squawk vs `java -jar strata-server.jar check --format json`
// (without --url, so catalog-free rules only; the Strata time includes JVM start-up).
//
//   node bench.mjs [--files 1000] [--runs 3] [--corpus DIR] [--keep]
//
// Environment: STRATA_JAR (default ../../server/target/strata-server.jar), SQUAWK, JAVA — as in compare.mjs.
// Always exits 0; it is a report.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const CORPUS = path.resolve(option('--corpus', path.join(HERE, '../../tools/src/test/resources/dev/strata/migration/corpus')));
const COUNT = Number(option('--files', '1000'));
const RUNS = Math.max(1, Number(option('--runs', '1')));
const STRATA_JAR = path.resolve(HERE, process.env.STRATA_JAR || '../../server/target/strata-server.jar');
const SQUAWK = process.env.SQUAWK || path.join(HERE, 'node_modules/.bin/squawk');
const JAVA = process.env.JAVA || 'java';
const SQUAWK_FLAGS = ['--reporter', 'json', '--pg-version', '15'];
// STRATA_CDS=1 adds the class-data-sharing flags the README's launch snippets use (archive built by mvn package).
// STRATA_JAVA_FLAGS adds JVM flags, e.g. "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" (no optimising compiler).
const JAVA_FLAGS = [...(process.env.STRATA_CDS ? [`-XX:SharedArchiveFile=${path.join(path.dirname(STRATA_JAR), 'strata.jsa')}`,
  '-Xlog:disable', '-Xlog:all=warning:stderr'] : []), ...(process.env.STRATA_JAVA_FLAGS || '').split(/\s+/).filter(Boolean)];

function sources() {
  const out = [];
  for (const dir of ['hazardous', 'safe']) {
    const full = path.join(CORPUS, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full).filter((n) => n.endsWith('.sql')).sort()) out.push({ dir, name, file: path.join(full, name) });
  }
  return out;
}

function time(cmd, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 1_800_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, error: r.error ? String(r.error) : null, stdout: r.stdout || '', stderr: r.stderr || '' };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

function main() {
  const src = sources();
  if (!src.length) { console.log(`No corpus under ${CORPUS}`); return; }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-bench-'));
  const files = [];
  for (let i = 0; i < COUNT; i++) {
    const s = src[i % src.length];
    const dest = path.join(tmp, `${String(i + 1).padStart(4, '0')}-${s.dir}-${s.name}`);
    fs.copyFileSync(s.file, dest);
    files.push(dest);
  }
  console.log(`# Bench: ${COUNT} migration files (${src.length} corpus files, cycled) in ${tmp}`);
  console.log();

  const rows = [];
  // squawk
  const v = spawnSync(SQUAWK, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) rows.push(['squawk', 'not runnable (npm ci in e2e/squawk)', '']);
  else {
    const times = [];
    let last;
    for (let i = 0; i < RUNS; i++) { last = time(SQUAWK, [...SQUAWK_FLAGS, ...files]); times.push(last.ms); }
    let detail = `exit ${last.status}`;
    try { const hits = JSON.parse(last.stdout); detail += `, ${hits.length} violations in ${new Set(hits.map((h) => h.file)).size} files`; } catch { detail += ', output not JSON'; }
    rows.push([`${v.stdout.trim()} ${SQUAWK_FLAGS.join(' ')}`, times.map(fmt).join(' / '), detail]);
  }
  // Strata
  if (!fs.existsSync(STRATA_JAR)) rows.push(['strata check', `not run: no jar at ${STRATA_JAR}`, '']);
  else {
    const times = [];
    let last;
    for (let i = 0; i < RUNS; i++) { last = time(JAVA, [...JAVA_FLAGS, '-jar', STRATA_JAR, 'check', '--format', 'json', '--independent', ...files]); times.push(last.ms); }
    let detail = `exit ${last.status}`;
    if (/unknown command/i.test(last.stderr)) detail = `this jar has no 'check' command yet (${last.stderr.trim().split('\n')[0]})`;
    else {
      try {
        const j = JSON.parse(last.stdout);
        const n = (j.files || []).reduce((a, f) => a + (f.findings || []).length, 0);
        detail += `, ${n} findings in ${(j.files || []).length} files`;
      } catch { detail += `, output not JSON: ${(last.stderr || last.stdout).slice(0, 160)}`; }
    }
    rows.push([`java ${JAVA_FLAGS.join(' ')} -jar ${path.basename(STRATA_JAR)} check --format json (no --url, JVM start included)`.replace('java  -jar', 'java -jar'), times.map(fmt).join(' / '), detail]);
  }

  console.log('| tool | wall time per run | result |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log();
  console.log(`(${os.cpus().length} CPUs, node ${process.version})`);

  if (!args.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
}

try { main(); } catch (e) { console.log(`bench.mjs failed: ${e && e.stack ? e.stack : e}`); }
process.exitCode = 0;
