// Writers for the formats users load elsewhere. Each writes the nodes, then
// streams the edges from the store to an ostream, so that memory does not
// grow with the edges' text; docs/exports.md says which tool reads each and
// how that was checked.
#ifndef NASIJ_EXPORT_EXPORT_H_
#define NASIJ_EXPORT_EXPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/graph.h"

namespace nasij {

enum class ExportFormat { kGraphML, kGexf, kCytoscapeJson, kNodeLinkJson, kDot, kNTriples, kTurtle, kCsv, kHtml };
// "graphml", "gexf", "json", "node-link", "dot", "ntriples", "turtle", "csv", "html".
bool ParseExportFormat(std::string_view name, ExportFormat* format);

// GraphML that networkx, igraph, Gephi and Cytoscape read with every
// attribute: typed keys, true/false booleans, full-precision doubles, text
// stripped of characters XML forbids.
Status WriteGraphML(SelectedGraph& graph, std::ostream& out);

// GEXF 1.3 for Gephi: the edge's lemma is its kind, so Gephi keeps two
// relations between one pair apart; the weight is the number of sources.
Status WriteGexf(SelectedGraph& graph, std::ostream& out);

// Cytoscape.js elements: {"elements": {"nodes": [{"data": …}], "edges": […]}}.
Status WriteCytoscapeJson(SelectedGraph& graph, std::ostream& out);

// The most central part of a graph, for a first look at a large one: up to
// `nodes` entities by PageRank, named entities before concepts, and the
// `edges` strongest links among them (most sources first), as Cytoscape.js
// elements, with "total": {"nodes", "edges"} of the whole graph.
struct OverviewLimits {
  size_t nodes = 200, edges = 600;
};
Status WriteOverviewJson(SelectedGraph& graph, const OverviewLimits& limits, std::ostream& out);

// The node-link JSON of D3 and networkx (networkx.node_link_graph).
Status WriteNodeLinkJson(SelectedGraph& graph, std::ostream& out);

// Graphviz DOT.
Status WriteDot(SelectedGraph& graph, std::ostream& out);

// RDF with IRIs under `base`, as N-Triples or (turtle) Turtle.
Status WriteRdf(SelectedGraph& graph, const std::string& base, bool turtle, std::ostream& out);
// Whether `base` can stand before "entity/KEY" in an IRI that RDF readers
// take: a scheme ("https:"), none of the characters an IRI may not hold
// raw (spaces, controls, <>"{}|^`\), and a last character '/' or '#'.
bool IsIriBase(std::string_view base);

// The node and relationship files of `neo4j-admin database import`.
Status WriteNeo4jNodes(SelectedGraph& graph, std::ostream& out);
Status WriteNeo4jRelationships(SelectedGraph& graph, std::ostream& out);

// One self-contained page drawing the graph with sigma.js (inlined).
Status WriteHtml(SelectedGraph& graph, std::ostream& out);

struct ExportOptions {
  std::string base = "https://nasij.example/";  // for RDF
};

// Any format but csv, which writes two files (WriteNeo4jNodes, WriteNeo4jRelationships).
Status WriteGraph(SelectedGraph& graph, ExportFormat format, const ExportOptions& options, std::ostream& out);

}  // namespace nasij

#endif  // NASIJ_EXPORT_EXPORT_H_
