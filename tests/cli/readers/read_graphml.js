// Reads a GraphML file the way Gephi Lite imports one (graphology-graphml)
// and prints what it got as JSON, for tests/cli/test_cli.py to check.
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const graphml = require("graphology-graphml");

const graph = graphml.parse(Graph, fs.readFileSync(process.argv[2], "utf8"));
const typesOf = (attributes) =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, typeof value]));
const nodeTypes = {};
graph.forEachNode((_, attributes) => Object.assign(nodeTypes, typesOf(attributes)));
const edgeTypes = {};
graph.forEachEdge((_, attributes) => Object.assign(edgeTypes, typesOf(attributes)));
const nodes = {};
graph.forEachNode((id, attributes) => { nodes[id] = attributes; });
const edges = [];
graph.forEachEdge((_, attributes, source, target) => edges.push({ source, target, ...attributes }));
process.stdout.write(JSON.stringify({
  type: graph.type, multi: graph.multi, nodeTypes, edgeTypes, nodes, edges,
}));
