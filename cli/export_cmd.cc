#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "export/export.h"
#include "graph/graph.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij export [--db PATH] --format graphml|json [--min-confidence C] [-o FILE]

Writes the store's graph: one node per entity, one edge per distinct
triple, with degree, PageRank and connected component on every node.

  --format graphml  GraphML for Gephi, Cytoscape, yEd, networkx and igraph
  --format json     Cytoscape.js elements
  -o, --output FILE write to FILE (replaced only once complete); default stdout
)";

}  // namespace

int Export(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"format"}, {"output"}, {"min-confidence"}}, &error)) {
    return Usage("export", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  ExportFormat format;
  if (!args.Has("format")) return Usage("export", "--format is required");
  if (!ParseExportFormat(args.Get("format"), &format)) return Usage("export", "--format must be graphml or json");
  GraphSelection selection;
  try {
    selection.min_confidence = std::stod(args.Get("min-confidence", "0"));
  } catch (const std::exception&) {
    return Usage("export", "--min-confidence takes a number");
  }
  auto store = Store::Open(DatabasePath(args), Store::Mode::kReadOnly);
  if (!store.ok()) return Fail(store.status().message());
  auto graph = BuildGraph(**store, selection);
  if (!graph.ok()) return Fail(graph.status().message());

  if (!args.Has("output") || args.Get("output") == "-") {
    Status s = WriteGraph(*graph, format, std::cout);
    return s.ok() ? kExitOk : Fail("writing standard output: " + s.message());
  }
  // Written beside the target and renamed, so a failure leaves no half file.
  const std::string path = args.Get("output"), partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    if (!out) return Fail(path + ": cannot be written");
    Status s = WriteGraph(*graph, format, out);
    out.close();
    if (!s.ok() || !out) {
      std::remove(partial.c_str());
      return Fail(path + ": write failed");
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return Fail(path + ": cannot be written");
  }
  return kExitOk;
}

}  // namespace nasij::cli
