// Oxigraph beside nasij (run by run.js; prints one JSON object).
//   node oxigraph.js NQUADS PROBES
// Oxigraph's JavaScript store lives in memory only, so one process loads
// the quads and then times 1-hop quad matches: bytes on disk do not apply.
// A triple is a quad whose graph is its document (the provenance a quad can
// carry; sentence and confidence have no place in it).
'use strict';
const fs = require('fs');
const oxigraph = require('oxigraph');

// Reads the file in pieces so the load streams, as a bulk load would.
function* chunks(file) {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  for (let n; (n = fs.readSync(fd, buffer)) > 0;) yield new Uint8Array(buffer.subarray(0, n));  // a copy: buffer is reused
  fs.closeSync(fd);
}

const [nquads, probesFile] = process.argv.slice(2);
if (!probesFile) {
  console.error('usage: node oxigraph.js NQUADS PROBES');
  process.exit(2);
}
let start = process.hrtime.bigint();
const cpu = process.cpuUsage();
const store = new oxigraph.Store();
// no_transaction: the bulk path, as nasij's and Kuzu's loads are.
store.load(chunks(nquads), {format: 'application/n-quads', no_transaction: true});
const loadSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const loadCpu = process.cpuUsage(cpu);

const probes = fs.readFileSync(probesFile, 'utf8').split('\n').filter(Boolean);
const entity = (name) => oxigraph.namedNode('urn:nasij:entity:' + encodeURIComponent(name));
// A full row: every term's text read out of the store.
const read = (quad) => quad.subject.value.length + quad.predicate.value.length + quad.object.value.length +
    quad.graph.value.length;
const micros = [];
let rows = 0;
for (let pass = 0; pass < 2; ++pass) {
  for (const name of probes) {
    start = process.hrtime.bigint();
    const term = entity(name);
    const found = store.match(term, null, null, null).concat(
        store.match(null, null, term, null).filter((q) => !q.subject.equals(term)));
    found.forEach(read);
    if (pass === 0) continue;
    micros.push(Number(process.hrtime.bigint() - start) / 1e3);
    rows += found.length;
  }
}
micros.sort((a, b) => a - b);
console.log(JSON.stringify({load_s: loadSeconds, load_cpu_s: (loadCpu.user + loadCpu.system) / 1e6, quads: store.size, rows_us: micros[micros.length >> 1], rows}));
