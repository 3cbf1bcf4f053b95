#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "export/export.h"
#include "graph/graph.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij export [--db PATH] --format FORMAT [selection] [--base IRI] [-o FILE]

Writes the store's graph: one node per entity, one edge per distinct
triple, with degree, PageRank and connected component on every node.

formats:
  graphml    GraphML for Gephi, Cytoscape, yEd, networkx and igraph
  gexf       GEXF 1.3 for Gephi, keeping two relations between one pair
             apart on import
  json       Cytoscape.js elements
  node-link  node-link JSON for D3 and networkx
  dot        Graphviz (dot -Tsvg)
  ntriples   RDF N-Triples, IRIs under --base
  turtle     RDF Turtle, IRIs under --base
  csv        neo4j-admin import files: -o PREFIX writes PREFIX-nodes.csv and
             PREFIX-relationships.csv
  html       one self-contained page drawing the graph (sigma.js inlined)

selection (every condition given must hold):
  --entity NAME        the triples within --hops (default 1) of this entity
  --hops N
  --relation R         a relation's lemma, text or English gloss
  --doc ID             triples this document supports
  --kind K             both ends of kind K (PER LOC ORG MISC CONCEPT)
  --min-confidence C
  --include-unresolved also triples with a pronoun that names no entity
                       found (he, هو): left out by default, since such a
                       node joins unrelated people

  --base IRI           base of RDF IRIs (default https://nasij.example/)
  -o, --output FILE    write to FILE (replaced only once complete); default stdout
)";

// Writes `path` through `write`, beside it first and renamed once complete,
// so that a failure leaves no half file.
int WriteFile(const std::string& path, const std::function<Status(std::ostream&)>& write) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    if (!out) return Fail(path + ": cannot be written");
    Status s = write(out);
    out.close();
    if (!s.ok() || !out) {
      std::remove(partial.c_str());
      return Fail(path + ": " + (s.ok() ? "write failed" : s.message()));
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return Fail(path + ": cannot be written");
  }
  return kExitOk;
}

}  // namespace

int Export(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv,
                  {{"help", false}, {"db"}, {"format"}, {"output"}, {"min-confidence"}, {"entity"}, {"hops"},
                   {"relation"}, {"doc"}, {"kind"}, {"base"}, {"include-unresolved", false}},
                  &error)) {
    return Usage("export", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  ExportFormat format;
  if (!args.Has("format")) return Usage("export", "--format is required");
  if (!ParseExportFormat(args.Get("format"), &format)) {
    return Usage("export", "--format must be graphml, gexf, json, node-link, dot, ntriples, turtle, csv or html");
  }
  GraphSelection selection;
  int64_t hops = selection.hops;
  if (!FractionFlag(args, "min-confidence", &selection.min_confidence, &error) ||
      !WholeFlag(args, "hops", 1, INT32_MAX, &hops, &error)) {
    return Usage("export", error);
  }
  selection.hops = static_cast<int>(hops);
  selection.entity = args.Get("entity");
  selection.relation = args.Get("relation");
  selection.doc = args.Get("doc");
  selection.kind = args.Get("kind");
  selection.include_unresolved = args.Has("include-unresolved");
  ExportOptions options;
  if (args.Has("base")) options.base = args.Get("base");
  if (!IsIriBase(options.base)) {
    return Usage("export", "--base must be an absolute IRI ending in / or #, such as https://example.org/kb/");
  }
  const bool to_stdout = !args.Has("output") || args.Get("output") == "-";
  if (format == ExportFormat::kCsv && to_stdout) return Usage("export", "--format csv needs -o PREFIX");

  auto store = OpenToRead(args);
  if (!store.ok()) return Fail(store.status().message());
  auto built = SelectedGraph::Build(**store, selection);
  if (!built.ok()) return Fail(built.status().message());
  SelectedGraph& graph = **built;

  if (format == ExportFormat::kCsv) {
    const std::string prefix = args.Get("output");
    const int status = WriteFile(prefix + "-nodes.csv", [&](std::ostream& out) { return WriteNeo4jNodes(graph, out); });
    if (status != kExitOk) return status;
    return WriteFile(prefix + "-relationships.csv",
                     [&](std::ostream& out) { return WriteNeo4jRelationships(graph, out); });
  }
  if (to_stdout) {
    Status s = WriteGraph(graph, format, options, std::cout);
    return s.ok() ? kExitOk : Fail("writing standard output: " + s.message());
  }
  return WriteFile(args.Get("output"), [&](std::ostream& out) { return WriteGraph(graph, format, options, out); });
}

}  // namespace nasij::cli
