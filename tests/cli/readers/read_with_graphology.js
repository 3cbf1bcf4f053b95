// Reads a GraphML or GEXF file the way Gephi Lite imports one (with
// graphology-graphml or graphology-gexf) and prints what it got as JSON,
// for tests/cli/test_cli.py to check. Usage: read_with_graphology.js graphml|gexf FILE
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const parsers = { graphml: require("graphology-graphml"), gexf: require("graphology-gexf") };

const graph = parsers[process.argv[2]].parse(Graph, fs.readFileSync(process.argv[3], "utf8"));
const typesOf = (attributes) =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, typeof value]));
const nodes = {}, nodeTypes = {}, edgeTypes = {}, edges = [];
graph.forEachNode((id, attributes) => {
  nodes[id] = attributes;
  Object.assign(nodeTypes, typesOf(attributes));
});
graph.forEachEdge((_, attributes, source, target) => {
  edges.push({ source, target, ...attributes });
  Object.assign(edgeTypes, typesOf(attributes));
});
process.stdout.write(JSON.stringify({ type: graph.type, multi: graph.multi, nodeTypes, edgeTypes, nodes, edges }));
