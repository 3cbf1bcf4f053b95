// Kuzu beside nasij (run by run.js; prints one JSON object).
//   node kuzu.js load DB ENTITIES_CSV SAID_CSV   bulk load with COPY, then close
//   node kuzu.js lookups DB PROBES               1-hop full rows, median µs
// Entities are nodes keyed by name; each triple is a Said edge carrying its
// relation and provenance (doc, sentence, confidence).
'use strict';
const fs = require('fs');
const kuzu = require('kuzu');

function seconds(since) {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function load(dbPath, entitiesCsv, saidCsv) {
  const start = process.hrtime.bigint(), cpu = process.cpuUsage();
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  conn.querySync('CREATE NODE TABLE Entity(name STRING, PRIMARY KEY(name))');
  conn.querySync(
    'CREATE REL TABLE Said(FROM Entity TO Entity, relation STRING, doc STRING, sentence INT64, confidence DOUBLE)');
  conn.querySync(`COPY Entity FROM '${entitiesCsv}' (HEADER=false)`);
  conn.querySync(`COPY Said FROM '${saidCsv}' (HEADER=false)`);
  conn.closeSync();
  db.closeSync();
  const used = process.cpuUsage(cpu);  // every thread of the process
  return {load_s: seconds(start), load_cpu_s: (used.user + used.system) / 1e6};
}

function lookups(dbPath, probesFile) {
  const probes = fs.readFileSync(probesFile, 'utf8').split('\n').filter(Boolean);
  const db = new kuzu.Database(dbPath, 0, true, /* readOnly */ true);
  const conn = new kuzu.Connection(db);
  // Two statements, one a direction: a UNION of both costs Kuzu more than
  // the two together. The second leaves out self-loops the first found.
  const columns = 'RETURN s.name, r.relation, o.name, r.doc, r.sentence, r.confidence';
  const statements = [
    conn.prepareSync(`MATCH (s:Entity)-[r:Said]->(o:Entity) WHERE s.name = $name ${columns}`),
    conn.prepareSync(`MATCH (s:Entity)-[r:Said]->(o:Entity) WHERE o.name = $name AND s.name <> $name ${columns}`),
  ];
  for (const statement of statements) {
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
  }
  // The first pass warms the buffer pool; the second is timed.
  const micros = [];
  let rows = 0;
  for (let pass = 0; pass < 2; ++pass) {
    for (const name of probes) {
      const start = process.hrtime.bigint();
      let found = 0;
      for (const statement of statements) {
        const result = conn.executeSync(statement, {name});
        found += result.getAllSync().length;
        result.close();
      }
      if (pass === 0) continue;
      micros.push(Number(process.hrtime.bigint() - start) / 1e3);
      rows += found;
    }
  }
  conn.closeSync();
  db.closeSync();
  micros.sort((a, b) => a - b);
  return {rows_us: micros[micros.length >> 1], rows};
}

const [mode, ...args] = process.argv.slice(2);
const result = mode === 'load' ? load(...args) : mode === 'lookups' ? lookups(...args) : null;
if (!result) {
  console.error('usage: node kuzu.js load DB ENTITIES_CSV SAID_CSV | lookups DB PROBES');
  process.exit(2);
}
console.log(JSON.stringify(result));
