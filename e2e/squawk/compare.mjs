#!/usr/bin/env node
// Side-by-side comparison of Strata's migration review (`strata check`) with squawk over the migration corpus.
//
//   node compare.mjs [--no-strata] [--no-catalog] [--corpus DIR] [--json FILE]
//
// Environment:
//   STRATA_JAR   the server jar (default ../../server/target/strata-server.jar, relative to this script)
//   STRATA_URL   demo database URL for the catalog-aware rules. When unset (and --no-catalog is not given) the
//                script starts `java -jar $STRATA_JAR demo --http --port $STRATA_DEMO_PORT` itself, waits for
//                "strata: demo database ready in … s at postgres://…" on stderr, and stops it at the end.
//   STRATA_DEMO_PORT  port for that demo server (default 18808)
//   SQUAWK       the squawk binary (default node_modules/.bin/squawk)
//   JAVA         the java binary (default java)
//
// The output is a report: a markdown table on stdout and a summary. The exit code is always 0.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};

const CORPUS = path.resolve(option('--corpus', path.join(HERE, '../../tools/src/test/resources/dev/strata/migration/corpus')));
const STRATA_JAR = path.resolve(HERE, process.env.STRATA_JAR || '../../server/target/strata-server.jar');
const SQUAWK = process.env.SQUAWK || path.join(HERE, 'node_modules/.bin/squawk');
const JAVA = process.env.JAVA || 'java';
const DEMO_PORT = process.env.STRATA_DEMO_PORT || '18808';
// Default squawk flags. No --assume-in-transaction: the corpus files carry their own BEGIN/COMMIT (psql style)
// and run CONCURRENTLY statements outside any transaction, which that flag would wrongly flag.
export const SQUAWK_FLAGS = ['--reporter', 'json', '--pg-version', '15'];

// ---------------------------------------------------------------------------------------------------------------
// squawk rule -> Strata rule ids, and whether a squawk hit of that rule points at a real hazard ("hazard") or is
// style / operational advice ("style") that Strata deliberately does not raise as a migration hazard.
// A squawk hit counts as "right" when its class is hazard AND one of its Strata ids is expected for the file.
// Full rule list of squawk 2.66.0 (from the binary's rule table); ids Strata has no rule for map to [].
// ---------------------------------------------------------------------------------------------------------------
export const SQUAWK_RULES = {
  'require-concurrent-index-creation': { strata: ['create-index-not-concurrently'], cls: 'hazard',
    note: 'real on existing tables; wrong on a table created in the same file (empty)' },
  'require-concurrent-index-deletion': { strata: ['drop-index-not-concurrently'], cls: 'hazard' },
  'ban-concurrent-index-creation-in-transaction': { strata: ['concurrent-index-in-transaction'], cls: 'hazard' },
  'constraint-missing-not-valid': { strata: ['add-foreign-key-without-not-valid', 'add-check-without-not-valid', 'add-unique-constraint', 'add-primary-key'], cls: 'hazard',
    note: 'also fires on UNIQUE/PRIMARY KEY, which cannot be NOT VALID: the hazard there is the index build' },
  'adding-foreign-key-constraint': { strata: ['add-foreign-key-without-not-valid'], cls: 'hazard' },
  'adding-field-with-default': { strata: ['add-column-volatile-default'], cls: 'hazard' },
  'changing-column-type': { strata: ['change-column-type'], cls: 'hazard',
    note: 'also fires on varchar widening and varchar->text, which are catalog-only since PG 9.2' },
  'adding-not-nullable-field': { strata: ['set-not-null'], cls: 'hazard' },
  'adding-serial-primary-key-field': { strata: ['add-primary-key'], cls: 'hazard' },
  'adding-required-field': { strata: ['add-not-null-column'], cls: 'hazard',
    note: 'fires without knowing whether the table has rows' },
  'renaming-column': { strata: ['rename-column'], cls: 'hazard' },
  'renaming-table': { strata: ['rename-table'], cls: 'hazard' },
  'disallowed-unique-constraint': { strata: ['add-unique-constraint'], cls: 'hazard' },
  'ban-drop-column': { strata: ['drop-column'], cls: 'hazard' },
  'ban-drop-table': { strata: ['drop-table'], cls: 'hazard' },
  'ban-drop-database': { strata: [], cls: 'hazard', note: 'no Strata rule (never in a migration corpus)' },
  'ban-truncate-cascade': { strata: ['truncate', 'dependent-objects'], cls: 'hazard' },
  'prefer-repack': { strata: ['table-rewrite'], cls: 'hazard' },
  'require-concurrent-reindex': { strata: ['table-rewrite'], cls: 'hazard', note: 'Strata reports plain REINDEX as table-rewrite (ACCESS EXCLUSIVE on each index)' },
  'require-concurrent-partition-detach': { strata: [], cls: 'hazard', note: 'no Strata rule for DETACH PARTITION' },
  'require-lock-timeout': { strata: ['missing-lock-timeout'], cls: 'hazard',
    note: 'squawk fires once per file for any lock, also SHARE UPDATE EXCLUSIVE and new tables; Strata once per script where a lock blocking writes or reads on an existing table is taken (a warning only on big or busy tables)' },
  'require-timeout-settings': { strata: ['missing-lock-timeout'], cls: 'hazard', note: 'older combined rule' },
  'prefer-timestamp-tz': { strata: ['timestamp-without-time-zone'], cls: 'hazard', note: 'schema advice, but Strata has the same rule' },
  'prefer-timestamptz': { strata: ['timestamp-without-time-zone'], cls: 'hazard' },
  'require-statement-timeout': { strata: ['missing-statement-timeout'], cls: 'style', note: 'operational advice; Strata gives it as info, once per script, before long-running statements' },
  'prefer-robust-stmts': { strata: [], cls: 'style', note: 'idempotency (IF NOT EXISTS), not a lock or data hazard' },
  'prefer-bigint-over-int': { strata: [], cls: 'style' },
  'prefer-bigint-over-smallint': { strata: [], cls: 'style' },
  'prefer-identity': { strata: [], cls: 'style' },
  'prefer-text-field': { strata: [], cls: 'style' },
  'ban-char-field': { strata: [], cls: 'style' },
  'ban-drop-not-null': { strata: [], cls: 'style', note: 'compatibility advice for old app versions' },
  'transaction-nesting': { strata: [], cls: 'style', note: 'tooling: BEGIN inside a runner-managed transaction' },
  'ban-uncommitted-transaction': { strata: [], cls: 'style', note: 'tooling: BEGIN without COMMIT' },
  'ban-create-domain-with-constraint': { strata: [], cls: 'style' },
  'ban-alter-domain-with-add-constraint': { strata: [], cls: 'style' },
  'require-enum-value-ordering': { strata: [], cls: 'style' },
  'require-table-schema': { strata: [], cls: 'style', note: 'opt-in' },
  'identifier-too-long': { strata: ['identifier-too-long'], cls: 'hazard' },
  'unused-ignore': { strata: [], cls: 'style' },
  'syntax-error': { strata: [], cls: 'parse', note: 'squawk could not parse the file (psql meta-commands)' },
};

// Strata rules whose finding needs the live catalog/data (skipped without --url).
const CATALOG_RULES = new Set(['dependent-objects', 'existing-rows-violate', 'naming-convention-drift', 'wide-table',
  'missing-comment', 'add-not-null-column']);

// ---------------------------------------------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------------------------------------------
function readCorpus() {
  const files = [];
  for (const dir of ['hazardous', 'safe']) {
    const full = path.join(CORPUS, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full).filter((n) => n.endsWith('.sql')).sort()) {
      const file = path.join(full, name);
      const text = fs.readFileSync(file, 'utf8');
      const header = {};
      for (const line of text.split('\n')) {
        const m = /^--\s*(expect|absent|needs|why):\s*(.*)$/.exec(line);
        if (m) header[m[1]] = m[2].trim();
        else if (line.trim() === '') break;
      }
      const ids = (s) => (s || '').split(',').map((x) => x.trim()).filter((x) => x && x !== 'none');
      files.push({ dir, name, id: `${dir}/${name}`, file, text, expect: ids(header.expect), absent: ids(header.absent),
        catalog: (header.needs || '').includes('catalog'), why: header.why || '' });
    }
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// squawk
// ---------------------------------------------------------------------------------------------------------------
function squawkVersion() {
  const r = spawnSync(SQUAWK, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function runSquawkText(file, input) {
  const argv = input === undefined ? [...SQUAWK_FLAGS, file] : [...SQUAWK_FLAGS, '--stdin-filepath', file];
  const r = spawnSync(SQUAWK, argv, { encoding: 'utf8', input, maxBuffer: 64 << 20 });
  if (r.error) return { error: String(r.error), hits: [] };
  let hits = [];
  try { hits = JSON.parse(r.stdout || '[]'); } catch { return { error: `unparseable output (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 200)}`, hits: [] }; }
  return { hits };
}

function runSquawk(f) {
  let res = runSquawkText(f.file);
  res.parseError = res.hits.some((h) => h.rule_name === 'syntax-error');
  // squawk does not understand psql meta-commands (\set, \echo): lint again with those lines blanked
  // (line numbers are kept) so the rule comparison stays meaningful, and say so in the table.
  if (res.parseError && /^\s*\\/m.test(f.text)) {
    const blanked = f.text.split('\n').map((l) => (/^\s*\\/.test(l) ? '' : l)).join('\n');
    const again = runSquawkText(f.file, blanked);
    if (!again.error) { res = { ...again, rawParseError: true, parseError: again.hits.some((h) => h.rule_name === 'syntax-error') }; }
  }
  res.rules = [...new Set(res.hits.map((h) => h.rule_name))].sort();
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// Strata
// ---------------------------------------------------------------------------------------------------------------
function startDemo() {
  return new Promise((resolve) => {
    const child = spawn(JAVA, ['-jar', STRATA_JAR, 'demo', '--http', '--port', DEMO_PORT], { stdio: ['ignore', 'ignore', 'pipe'] });
    let buf = '';
    let done = false;
    const finish = (url, why) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!url) { try { child.kill('SIGTERM'); } catch { /* gone */ } }
      resolve({ url, child: url ? child : null, why });
    };
    const timer = setTimeout(() => finish(null, 'demo database not ready after 240 s'), 240_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      buf += d;
      const m = /demo database ready in [^\n]*? at ((?:postgres(?:ql)?|jdbc:postgresql):\/\/\S+)/.exec(buf);
      if (m) finish(m[1], null);
      if (buf.length > 1 << 20) buf = buf.slice(-4096);
    });
    child.on('exit', (code) => finish(null, `demo exited with code ${code}: ${buf.trim().split('\n').slice(-3).join(' | ')}`));
    child.on('error', (e) => finish(null, String(e)));
  });
}

function runStrataOnce(files, url) {
  // --independent: the corpus files are separate migrations, not one ordered history
  const argv = ['-jar', STRATA_JAR, 'check', '--format', 'json', '--independent'];
  if (url) argv.push('--url', url);
  argv.push(...files);
  const r = spawnSync(JAVA, argv, { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 600_000 });
  if (r.error) return { error: String(r.error) };
  const stderr = (r.stderr || '').trim();
  if (r.status === 2 || /unknown command/i.test(stderr)) {
    let parsed = null;
    try { parsed = JSON.parse(r.stdout); } catch { /* usage error */ }
    if (!parsed) return { error: `exit ${r.status}: ${stderr.split('\n').slice(0, 3).join(' | ') || r.stdout.slice(0, 300)}`, unknownCommand: /unknown command/i.test(stderr) };
  }
  try { return { json: JSON.parse(r.stdout) }; } catch {
    return { error: `unparseable JSON (exit ${r.status}): ${(stderr || r.stdout).slice(0, 300)}` };
  }
}

function runStrata(corpus, url) {
  const byFile = new Map();
  const out = { byFile, skipped: [], error: null };
  const all = runStrataOnce(corpus.map((f) => f.file), url);
  const take = (json) => {
    for (const skip of json.skipped_rules || []) if (!out.skipped.includes(skip)) out.skipped.push(skip);
    for (const fr of json.files || []) byFile.set(path.resolve(fr.file), fr);
  };
  if (all.json) { take(all.json); return out; }
  if (all.unknownCommand) { out.error = `this strata jar has no 'check' command yet (${all.error})`; return out; }
  // One bad file must not hide the others: retry file by file.
  let failures = 0;
  for (const f of corpus) {
    const one = runStrataOnce([f.file], url);
    if (one.json) take(one.json);
    else { failures++; byFile.set(path.resolve(f.file), { error: one.error }); }
  }
  if (failures === corpus.length) out.error = `strata check failed on every file: ${all.error}`;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------------
const SEVERE = (s) => s === 'warning' || s === 'error';

function judge(f, sq, st, strataRan, skipped) {
  const row = { f, sq, st };
  // squawk
  const mapped = new Set();
  row.sqRight = [];
  row.sqWrong = [];
  for (const rule of sq.rules) {
    const m = SQUAWK_RULES[rule] || { strata: [], cls: 'unknown' };
    m.strata.forEach((x) => mapped.add(x));
    if (m.cls !== 'hazard') continue;
    if (f.dir === 'hazardous' && m.strata.some((x) => f.expect.includes(x))) row.sqRight.push(rule);
    else row.sqWrong.push(rule);
  }
  row.sqCaught = f.expect.filter((x) => mapped.has(x) && row.sqRight.some((r) => SQUAWK_RULES[r].strata.includes(x)));
  // Strata
  if (!strataRan || !st || st.error) return row;
  const findings = st.findings || [];
  row.stAll = [...new Set(findings.map((x) => x.rule))].sort();
  row.stSevere = [...new Set(findings.filter((x) => SEVERE(x.severity)).map((x) => x.rule))].sort();
  row.missing = f.expect.filter((x) => !row.stAll.includes(x) && !skipped.includes(x));
  row.skippedExpect = f.expect.filter((x) => !row.stAll.includes(x) && skipped.includes(x));
  row.absentHit = f.absent.filter((x) => row.stAll.includes(x));
  row.fp = f.dir === 'safe' ? row.stSevere : [];
  return row;
}

function verdict(row, strataRan) {
  const { f } = row;
  const parts = [];
  if (strataRan && row.st && !row.st.error && row.stAll) {
    if (f.dir === 'hazardous') {
      if (row.missing.length) parts.push(`**Strata misses** ${row.missing.join(', ')}`);
      if (row.absentHit.length) parts.push(`**Strata fires absent** ${row.absentHit.join(', ')}`);
      if (row.skippedExpect.length) parts.push(`skipped (no catalog): ${row.skippedExpect.join(', ')}`);
      if (!row.missing.length && !row.absentHit.length) parts.push('Strata OK');
    } else {
      if (row.fp.length) parts.push(`**Strata FP** ${row.fp.join(', ')}`);
      if (row.absentHit.length) parts.push(`**Strata fires absent** ${row.absentHit.join(', ')}`);
      if (!row.fp.length && !row.absentHit.length) parts.push('Strata quiet');
    }
  } else if (strataRan && row.st && row.st.error) parts.push(`Strata error: ${row.st.error.slice(0, 80)}`);
  if (f.dir === 'hazardous') {
    const missedBySquawk = f.expect.filter((x) => !row.sqCaught.includes(x));
    if (row.sq.parseError) parts.push('squawk parse error');
    else if (!row.sqRight.length) parts.push('squawk misses all');
    else if (missedBySquawk.length) parts.push(`squawk misses ${missedBySquawk.join(', ')}`);
    else parts.push('squawk catches all');
  } else {
    if (row.sqWrong.length) parts.push(`squawk warns (${row.sqWrong.join(', ')})`);
    else parts.push('squawk quiet (hazard rules)');
  }
  if (row.sq.rawParseError) parts.push('squawk needed psql lines blanked');
  return parts.join('; ');
}

const esc = (s) => String(s).replace(/\|/g, '\\|');

async function main() {
  const corpus = readCorpus();
  if (!corpus.length) { console.log(`No corpus files under ${CORPUS}`); return; }
  const version = squawkVersion();
  console.log('# Strata vs squawk — migration corpus');
  console.log();
  console.log(`- corpus: ${CORPUS} (${corpus.filter((f) => f.dir === 'hazardous').length} hazardous, ${corpus.filter((f) => f.dir === 'safe').length} safe)`);
  console.log(`- squawk: ${version || `NOT RUNNABLE at ${SQUAWK} (run npm ci in e2e/squawk)`} — flags: ${SQUAWK_FLAGS.join(' ')}`);

  // squawk side: one run over every file (the npm wrapper costs a node start per call), then per-file re-runs
  // only where squawk hit a parse error caused by psql meta-commands.
  const sq = new Map();
  if (!version) for (const f of corpus) sq.set(f.id, { rules: [], hits: [], error: 'squawk not runnable' });
  else {
    const r = spawnSync(SQUAWK, [...SQUAWK_FLAGS, ...corpus.map((f) => f.file)], { encoding: 'utf8', maxBuffer: 256 << 20 });
    let all = null;
    try { all = JSON.parse(r.stdout || '[]'); } catch { /* fall back to one run per file */ }
    for (const f of corpus) {
      if (!all) { sq.set(f.id, runSquawk(f)); continue; }
      const hits = all.filter((h) => path.resolve(h.file) === f.file);
      const parseError = hits.some((h) => h.rule_name === 'syntax-error');
      if (parseError && /^\s*\\/m.test(f.text)) sq.set(f.id, runSquawk(f));
      else sq.set(f.id, { hits, parseError, rules: [...new Set(hits.map((h) => h.rule_name))].sort() });
    }
  }

  // Strata side
  let strataRan = false;
  let strata = { byFile: new Map(), skipped: [] };
  let demo = null;
  let url = process.env.STRATA_URL || null;
  let strataNote = '';
  if (flag('--no-strata')) strataNote = 'not run (--no-strata)';
  else if (!fs.existsSync(STRATA_JAR)) strataNote = `not run: no jar at ${STRATA_JAR} (build with mvn -q package or set STRATA_JAR)`;
  else {
    const probe = runStrataOnce([corpus[0].file], null);
    if (probe.unknownCommand) strataNote = `not run: ${STRATA_JAR} has no 'check' command yet (${probe.error})`;
    else {
      if (!url && !flag('--no-catalog')) {
        process.stderr.write(`compare: starting the demo database (java -jar ${path.basename(STRATA_JAR)} demo --http --port ${DEMO_PORT}) …\n`);
        demo = await startDemo();
        if (demo.url) url = demo.url;
        else strataNote = `demo database unavailable (${demo.why}); catalog-aware rules skipped. `;
      }
      try {
        strata = runStrata(corpus, url);
      } finally {
        if (demo && demo.child) { try { demo.child.kill('SIGTERM'); } catch { /* already gone */ } }
      }
      if (strata.error) strataNote += `failed: ${strata.error}`;
      else {
        strataRan = true;
        strataNote += url ? `run with --url ${url.replace(/\/\/[^@/]*@/, '//***@')}` : 'run without --url (catalog-aware rules skipped)';
      }
    }
  }
  console.log(`- strata: ${strataNote}`);
  if (strataRan && strata.skipped.length) console.log(`- strata skipped rules: ${strata.skipped.join(', ')}`);
  console.log();

  const rows = corpus.map((f) => judge(f, sq.get(f.id), strata.byFile.get(path.resolve(f.file)), strataRan, strata.skipped));

  console.log('| file | expected (Strata ids) | squawk flags | Strata flags (warning/error) | verdict |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const exp = r.f.dir === 'safe' ? 'none' : r.f.expect.join(', ') + (r.f.catalog ? ' (catalog)' : '');
    const sqCell = r.sq.error ? `error: ${r.sq.error}` : r.sq.rules.join(', ') || '—';
    let stCell = 'n/a';
    if (strataRan) stCell = r.st ? (r.st.error ? `error: ${r.st.error.slice(0, 60)}` : (r.stSevere.join(', ') || '—')) : 'not in output';
    console.log(`| ${esc(r.f.id)} | ${esc(exp)} | ${esc(sqCell)} | ${esc(stCell)} | ${esc(verdict(r, strataRan))} |`);
  }
  console.log();

  // Summary
  const haz = rows.filter((r) => r.f.dir === 'hazardous');
  const safe = rows.filter((r) => r.f.dir === 'safe');
  const list = (xs) => (xs.length ? xs.map((x) => `  - ${x}`).join('\n') : '  - (none)');
  console.log('## Summary');
  console.log();
  console.log(`### ${version || 'squawk'}`);
  const sqFlagged = haz.filter((r) => r.sqRight.length);
  const sqAny = haz.filter((r) => r.sq.rules.length && !r.sq.parseError);
  console.log(`- hazardous files with at least one right squawk hit: ${sqFlagged.length}/${haz.length} (any squawk output at all: ${sqAny.length}/${haz.length})`);
  console.log(`- hazardous files where squawk catches every expected id: ${haz.filter((r) => r.f.expect.every((x) => r.sqCaught.includes(x))).length}/${haz.length}`);
  console.log(`- squawk could not parse (psql meta-commands; linted again with those lines blanked): ${rows.filter((r) => r.sq.rawParseError).map((r) => r.f.id).join(', ') || 'none'}`);
  console.log('- hazardous files where squawk has no right hit:');
  console.log(list(haz.filter((r) => !r.sqRight.length).map((r) => `${r.f.id} (expect ${r.f.expect.join(', ')}; squawk: ${r.sq.rules.join(', ') || 'nothing'})`)));
  console.log('- safe files where squawk warns with a hazard-class rule:');
  console.log(list(safe.filter((r) => r.sqWrong.length).map((r) => `${r.f.id}: ${r.sqWrong.join(', ')}`)));
  console.log('- squawk hazard-class hits that point at no expected hazard (hazardous files):');
  console.log(list(haz.filter((r) => r.sqWrong.length).map((r) => `${r.f.id}: ${r.sqWrong.join(', ')}`)));
  const perRule = {};
  for (const r of rows) for (const rule of r.sq.rules) perRule[rule] = (perRule[rule] || 0) + 1;
  console.log(`- squawk rule frequency (files): ${Object.entries(perRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log();

  console.log('### Strata vs squawk');
  if (!strataRan) {
    console.log(`- Strata was not run: ${strataNote}`);
    console.log('- Only squawk\'s side is reported above.');
  } else {
    const sqRightStrataMiss = [];
    for (const r of haz) {
      if (!r.stAll) continue;
      for (const rule of r.sqRight) {
        const ids = SQUAWK_RULES[rule].strata.filter((x) => r.f.expect.includes(x));
        if (!ids.some((x) => r.stAll.includes(x))) sqRightStrataMiss.push(`${r.f.id}: squawk ${rule} → Strata has none of ${ids.join(', ')}`);
      }
    }
    console.log(`- files squawk flags rightly that Strata misses (target 0): ${sqRightStrataMiss.length}`);
    console.log(list(sqRightStrataMiss));
    const onlyStrata = [];
    for (const r of haz) {
      if (!r.stAll) continue;
      const ids = r.f.expect.filter((x) => r.stAll.includes(x) && !r.sqCaught.includes(x));
      const cat = ids.filter((x) => CATALOG_RULES.has(x) || r.f.catalog);
      if (r.f.catalog && cat.length) onlyStrata.push(`${r.f.id}: ${cat.join(', ')}`);
    }
    console.log(`- catalog/data-aware cases only Strata catches: ${onlyStrata.length}`);
    console.log(list(onlyStrata));
    const onlyStrataFree = haz.filter((r) => r.stAll && !r.f.catalog)
      .map((r) => [r, r.f.expect.filter((x) => r.stAll.includes(x) && !r.sqCaught.includes(x))])
      .filter(([, ids]) => ids.length).map(([r, ids]) => `${r.f.id}: ${ids.join(', ')}`);
    console.log(`- catalog-free hazards only Strata catches: ${onlyStrataFree.length}`);
    console.log(list(onlyStrataFree));
    const sqWarnStQuiet = safe.filter((r) => r.stAll && r.sqWrong.length && !r.fp.length);
    console.log(`- safe files where squawk warns and Strata is quiet: ${sqWarnStQuiet.length}`);
    console.log(list(sqWarnStQuiet.map((r) => `${r.f.id}: squawk ${r.sqWrong.join(', ')}`)));
    const fps = safe.filter((r) => r.stAll && (r.fp.length || r.absentHit.length));
    console.log(`- Strata false positives on safe files (warning/error): ${fps.length}`);
    console.log(list(fps.map((r) => `${r.f.id}: ${[...new Set([...r.fp, ...r.absentHit])].join(', ')}`)));
    const misses = haz.filter((r) => r.stAll && (r.missing.length || r.absentHit.length));
    console.log(`- Strata misses against expect (or absent rules that fired): ${misses.length}`);
    console.log(list(misses.map((r) => `${r.f.id}: ${r.missing.length ? 'missing ' + r.missing.join(', ') : ''}${r.absentHit.length ? ' fired absent ' + r.absentHit.join(', ') : ''}`)));
    const notInOutput = rows.filter((r) => !r.st || r.st.error);
    if (notInOutput.length) {
      console.log(`- files Strata did not report on: ${notInOutput.length}`);
      console.log(list(notInOutput.map((r) => `${r.f.id}${r.st && r.st.error ? ': ' + r.st.error.slice(0, 120) : ''}`)));
    }
    const skippedCat = haz.filter((r) => r.skippedExpect && r.skippedExpect.length);
    if (skippedCat.length) console.log(`- expected ids skipped for lack of a catalog: ${skippedCat.length} files (set STRATA_URL or let the script start the demo)`);
  }

  const jsonOut = option('--json', null);
  if (jsonOut) {
    fs.writeFileSync(jsonOut, JSON.stringify(rows.map((r) => ({ file: r.f.id, expect: r.f.expect, absent: r.f.absent, catalog: r.f.catalog,
      squawk: r.sq.rules, squawk_right: r.sqRight, strata: r.stAll || null, strata_severe: r.stSevere || null, verdict: verdict(r, strataRan) })), null, 2));
    console.log(`\n(JSON rows written to ${jsonOut})`);
  }
}

main().catch((e) => {
  console.log(`compare.mjs failed: ${e && e.stack ? e.stack : e}`);
}).finally(() => { process.exitCode = 0; });
