// `make bench-peers` (issue #16): nasij beside the embedded stores a user
// would pick instead (SQLite through its CLI, Kuzu and Oxigraph from npm), on
// the same synthetic triples, in one run, so every ratio compares figures
// taken under the same load on this machine.
//   BENCH_TRIPLES   triples to generate (default 1,000,000; 100k entities)
//   BENCH_PER_DOC   triples to a document (default 10, as in news)
//   BENCH_RUNS      process runs per wall-time figure (default 9)
//   BENCH_DIR       scratch directory (default $TMPDIR/nasij-bench-peers)
//   BUILD           nasij's build directory (default build)
//   BENCH_BASELINE  an older nasij binary whose bulk load is timed beside
//                   this build's, right after it, on the same file
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const {spawnSync} = require('child_process');

const root = path.resolve(__dirname, '../..');
const build = path.resolve(root, process.env.BUILD || 'build');
const nasij = path.join(build, 'nasij');
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;
const peersBench = path.join(build, 'bench/peers/peers_bench');
const triples = Number(process.env.BENCH_TRIPLES || 1000000);
const perDoc = Number(process.env.BENCH_PER_DOC || 10);
const runs = Number(process.env.BENCH_RUNS || 9);
const dir = path.resolve(process.env.BENCH_DIR || path.join(os.tmpdir(), 'nasij-bench-peers'));
const file = (name) => path.join(dir, name);

function seconds(since) {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

// Runs argv under /usr/bin/time for its peak resident memory and CPU time;
// returns the wall seconds start to exit, the CPU seconds (user + system,
// every thread), the peak in MB and what it printed.
function measured(argv, input) {
  const rssFile = file('maxrss');
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, ...argv],
                        {input, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['pipe', 'pipe', 'inherit']});
  const wall = seconds(start);
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${run.status})`);
  const [peakKiB, user, system] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return {seconds: wall, cpu: user + system, peakMB: peakKiB * 1024 / 1e6, stdout: run.stdout};
}

function output(argv) {
  const run = spawnSync(argv[0], argv.slice(1), {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${run.status})`);
  return run.stdout;
}

// Bytes on disk of a store: a directory's files, or a file with the
// journal files an engine keeps beside it.
function bytesOf(store) {
  if (fs.statSync(store).isDirectory()) {
    return fs.readdirSync(store).reduce((sum, name) => sum + bytesOf(path.join(store, name)), 0);
  }
  return ['', '-wal', '-shm', '.wal', '.shm'].reduce(
      (sum, suffix) => sum + (fs.existsSync(store + suffix) ? fs.statSync(store + suffix).size : 0), 0);
}

// The peers' bulk formats, written from the same JSON lines before any
// clock starts: Kuzu COPYs CSV, Oxigraph loads N-Quads.
async function convert() {
  const csv = (s) => '"' + s.replace(/"/g, '""') + '"';
  const iri = (kind, s) => `<urn:nasij:${kind}:${encodeURIComponent(s)}>`;
  const said = fs.openSync(file('said.csv'), 'w'), quads = fs.openSync(file('triples.nq'), 'w');
  const entities = new Set();
  let saidLines = [], quadLines = [];
  const flush = () => {
    fs.writeSync(said, saidLines.join(''));
    fs.writeSync(quads, quadLines.join(''));
    saidLines = [];
    quadLines = [];
  };
  const lines = readline.createInterface({input: fs.createReadStream(file('triples.jsonl')), crlfDelay: Infinity});
  for await (const line of lines) {
    const t = JSON.parse(line);
    entities.add(t.subject).add(t.object);
    saidLines.push([csv(t.subject), csv(t.object), csv(t.relation), csv(t.doc), t.sentence, t.confidence].join(',') +
                   '\n');
    quadLines.push(`${iri('entity', t.subject)} ${iri('relation', t.relation)} ${iri('entity', t.object)} ` +
                   `${iri('doc', t.doc)} .\n`);
    if (saidLines.length === 10000) flush();
  }
  flush();
  fs.closeSync(said);
  fs.closeSync(quads);
  fs.writeFileSync(file('entities.csv'), [...entities].map((e) => csv(e) + '\n').join(''));
}

// SQLite's CLI reads the JSON lines itself (each line one text value) and
// builds the terms table, the triples table and the SPO/POS/OSP indexes in
// one transaction, then checkpoints its log so the file holds everything.
function sqliteScript() {
  return `PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
CREATE TEMP TABLE line(j TEXT);
.mode ascii
.separator "\\037" "\\n"
.import --schema temp "${file('triples.jsonl')}" line
BEGIN;
CREATE TABLE terms(id INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL);
CREATE TABLE triples(s INTEGER, r INTEGER, o INTEGER, doc TEXT, sentence INTEGER, confidence REAL);
CREATE TEMP TABLE parsed AS SELECT 'e' || (j ->> 'subject') AS s, 'r' || (j ->> 'relation') AS r,
  'e' || (j ->> 'object') AS o, j ->> 'doc' AS doc, j ->> 'sentence' AS sentence, j ->> 'confidence' AS confidence
  FROM temp.line;
INSERT OR IGNORE INTO terms(term) SELECT s FROM parsed UNION ALL SELECT r FROM parsed UNION ALL SELECT o FROM parsed;
INSERT INTO triples SELECT ts.id, tr.id, tob.id, p.doc, p.sentence, p.confidence FROM parsed p
  JOIN terms ts ON ts.term = p.s JOIN terms tr ON tr.term = p.r JOIN terms tob ON tob.term = p.o;
CREATE INDEX spo ON triples(s, r, o);
CREATE INDEX pos ON triples(r, o, s);
CREATE INDEX osp ON triples(o, s, r);
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
`;
}

// One row of the table: each engine's figure and its ratio to nasij's
// (every row is lower-is-better, so a ratio above 1 means nasij does better).
function row(label, figures, format) {
  const cells = ['nasij', 'sqlite', 'oxigraph', 'kuzu'].map((engine) => {
    const value = figures[engine];
    if (value === undefined) return '–';
    const ratio = engine !== 'nasij' && figures.nasij ? ` (${(value / figures.nasij).toFixed(2)}x)` : '';
    return format(value) + ratio;
  });
  console.log(label.padEnd(44) + cells.map((c) => c.padEnd(20)).join(''));
}

async function main() {
  for (const binary of [nasij, peersBench]) {
    if (!fs.existsSync(binary)) throw new Error(`${binary} is missing: run 'make bench-peers'`);
  }
  fs.rmSync(dir, {recursive: true, force: true});
  fs.mkdirSync(dir, {recursive: true});
  const entities = Number(output([peersBench, 'write', dir, String(triples), String(perDoc)]));
  const probes = fs.readFileSync(file('probes.txt'), 'utf8').split('\n').filter(Boolean).length;
  let start = process.hrtime.bigint();
  await convert();
  const convertSeconds = seconds(start);
  console.log(`bench-peers: ${triples} triples, ${entities} entities, 500 relations, ${perDoc} triples a document ` +
              `(${(bytesOf(file('triples.jsonl')) / 1e6).toFixed(1)} MB of JSON lines)`);
  console.log(`${new Date().toISOString()}, ${os.cpus().length} cores, load average ` +
              `${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; sqlite3 ` +
              `${output(['sqlite3', '--version']).split(' ')[0]}, kuzu ${require('kuzu').VERSION}, oxigraph ` +
              `${require('oxigraph/package.json').version}, node ${process.version}`);
  console.log(`(CSV and N-Quads for Kuzu and Oxigraph written beforehand in ${convertSeconds.toFixed(1)} s, not counted)`);

  if (baseline) console.log('loading: nasij baseline');
  const baselineLoad = baseline &&
      measured([baseline, 'ingest', '--db', file('baseline.db'), '--triples', file('triples.jsonl')]);
  const baselineBytes = baseline && bytesOf(file('baseline.db')) / 1e6;
  console.log('loading: nasij');
  const nasijLoad = measured([nasij, 'ingest', '--db', file('nasij.db'), '--triples', file('triples.jsonl')]);
  console.log('loading: sqlite');
  const sqliteLoad = measured(['sqlite3', '-bail', file('sqlite.db')], sqliteScript());
  console.log('loading: kuzu');
  const kuzuLoad = measured(
      [process.execPath, path.join(__dirname, 'kuzu.js'), 'load', file('kuzu.db'), file('entities.csv'), file('said.csv')]);
  const kuzuLoaded = JSON.parse(kuzuLoad.stdout);
  console.log('loading and looking up: oxigraph (in memory)');
  const oxigraphRun = measured([process.execPath, path.join(__dirname, 'oxigraph.js'), file('triples.nq'), file('probes.txt')]);
  const oxigraph = JSON.parse(oxigraphRun.stdout);
  if (oxigraph.quads !== triples) console.log(`note: oxigraph holds ${oxigraph.quads} quads (duplicates merge)`);

  console.log('looking up: nasij and sqlite');
  const native = JSON.parse(output([peersBench, 'lookups', file('nasij.db'), file('sqlite.db'), file('probes.txt')]));
  // The baseline's store read by this build's lookups: what its layout costs.
  const baselineLookups = baseline &&
      JSON.parse(output([peersBench, 'lookups', file('baseline.db'), file('sqlite.db'), file('probes.txt')]));
  console.log('looking up: kuzu');
  const kuzu = JSON.parse(output([process.execPath, path.join(__dirname, 'kuzu.js'), 'lookups', file('kuzu.db'),
                                  file('probes.txt')]));

  // A mid-ranked entity (about 30 triples at 1M) and one that is not stored.
  const present = `entity ${Math.floor(entities / 20)}`, absent = 'entity absent';
  const wall = (...args) => Number(output([peersBench, 'wall', String(runs), nasij, ...args]));
  console.log('timing nasij processes');
  const processes = [
    [`nasij query --entity '${present}'`, wall('query', '--db', file('nasij.db'), '--entity', present)],
    [`nasij query --entity '${absent}'`, wall('query', '--db', file('nasij.db'), '--entity', absent)],
    [`nasij neighbors '${present}'`, wall('neighbors', '--db', file('nasij.db'), present)],
    [`nasij neighbors '${absent}'`, wall('neighbors', '--db', file('nasij.db'), absent)],
    ['nasij query --help', wall('query', '--help')],
  ];

  const s = (v) => v.toFixed(2) + ' s', mb = (v) => v.toFixed(0) + ' MB', us = (v) => v.toFixed(1) + ' µs';
  console.log();
  console.log('Ratios are engine ÷ nasij; every row is lower-is-better, so above 1x nasij does better.');
  console.log(''.padEnd(44) + ['nasij', 'SQLite', 'Oxigraph', 'Kuzu'].map((c) => c.padEnd(20)).join(''));
  row('bulk load, s', {nasij: nasijLoad.seconds, sqlite: sqliteLoad.seconds, oxigraph: oxigraph.load_s,
                       kuzu: kuzuLoaded.load_s}, s);
  // CPU time moves less than wall time when other work shares the cores.
  row('bulk load, CPU s (user + system)', {nasij: nasijLoad.cpu, sqlite: sqliteLoad.cpu,
                                           oxigraph: oxigraph.load_cpu_s, kuzu: kuzuLoaded.load_cpu_s}, s);
  row('peak memory while loading', {nasij: nasijLoad.peakMB, sqlite: sqliteLoad.peakMB,
                                    oxigraph: oxigraphRun.peakMB, kuzu: kuzuLoad.peakMB}, mb);
  row('bytes on disk, closed', {nasij: bytesOf(file('nasij.db')) / 1e6, sqlite: bytesOf(file('sqlite.db')) / 1e6,
                                kuzu: bytesOf(file('kuzu.db')) / 1e6}, (v) => v.toFixed(1) + ' MB');
  const nasijFiles = fs.readdirSync(file('nasij.db'));
  const nasijBytes = (suffix) => nasijFiles.filter((f) => f.endsWith(suffix))
                                     .reduce((sum, f) => sum + bytesOf(path.join(file('nasij.db'), f)), 0) / 1e6;
  console.log(`${''.padEnd(44)}(nasij: ${nasijBytes('.sst').toFixed(1)} MB in table files, ` +
              `${nasijBytes('.log').toFixed(1)} MB in write-ahead logs)`);
  if (baseline) {
    console.log(`${''.padEnd(44)}(baseline ${baseline}: bulk load ${baselineLoad.seconds.toFixed(2)} s, ` +
                `${baselineLoad.cpu.toFixed(2)} s CPU, peak ${baselineLoad.peakMB.toFixed(0)} MB, ` +
                `${baselineBytes.toFixed(1)} MB on disk; its store's 1-hop lookups ids only ` +
                `${baselineLookups.nasij_ids_us.toFixed(1)} µs, full rows ${baselineLookups.nasij_rows_us.toFixed(1)} µs)`);
  }
  row('1-hop lookup, ids only, median', {nasij: native.nasij_ids_us, sqlite: native.sqlite_ids_us}, us);
  row('1-hop lookup, full rows, median', {nasij: native.nasij_rows_us, sqlite: native.sqlite_rows_us,
                                          oxigraph: oxigraph.rows_us, kuzu: kuzu.rows_us}, us);
  console.log(`rows read over ${probes} probes: ids nasij ${native.nasij_ids_rows}, sqlite ` +
              `${native.sqlite_ids_rows}; full nasij ${native.nasij_rows_rows} (one per distinct triple), sqlite ` +
              `${native.sqlite_rows_rows}, oxigraph ${oxigraph.rows}, kuzu ${kuzu.rows} (one per extraction)`);
  console.log(`\nnasij as a process, start to exit, median of ${runs} runs (after one warm-up):`);
  for (const [command, ms] of processes) console.log('  ' + command.padEnd(42) + ms.toFixed(1) + ' ms');
  console.log('\nHow each was measured: load = nasij ingest --triples and the sqlite3 CLI as processes, ' +
              'Kuzu (COPY from CSV, open to close) and Oxigraph (N-Quads, no_transaction) inside node ' +
              '(their CPU time from process.cpuUsage()); ' +
              'peak memory = /usr/bin/time %M of that process (node itself included for Kuzu and Oxigraph, ' +
              'and for Oxigraph its lookups too); lookups in-process, the second of two passes over the same probes.');
  fs.rmSync(dir, {recursive: true, force: true});
}

main().catch((error) => {
  console.error('bench-peers: ' + error.message);
  process.exit(1);
});
