// `nasij neighbors` and `nasij path`: walks over the store's graph, each edge
// shown with the sentences that support it.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/printable.h"
#include "graph/graph.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kNeighborsHelp[] = R"(usage: nasij neighbors [--db PATH] [--hops N] [--sentences K] ENTITY

Lists the triples within N steps (default 1) of ENTITY, in either direction,
each with up to K (default 2) of the sentences that support it. ENTITY is
any alias or key, Arabic or English.
)";

const char kPathHelp[] = R"(usage: nasij path [--db PATH] [--max-hops N] [--sentences K] FROM TO

Finds a shortest chain of triples linking two entities (at most N steps,
default 4; edges followed in either direction), each edge with up to K
(default 2) supporting sentences.
)";

// The canonical key for a name the user typed.
Result<std::string> ResolveOne(Store& store, const std::string& name) {
  auto keys = store.ResolveEntity(name);
  if (!keys.ok()) return keys.status();
  if (keys->empty()) return Status::NotFound("no entity named '" + name + "'");
  return keys->front();
}

Status PrintEdge(Store& store, const TripleRow& t, int sentences) {
  auto label = [](const EntityRow& e) {
    return Printable(e.label) + (e.label_en.empty() ? "" : " (" + Printable(e.label_en) + ")");
  };
  std::cout << label(t.subject) << " | " << Printable(t.relation.text)
            << (t.relation.label_en.empty() ? "" : " (" + Printable(t.relation.label_en) + ")") << " | "
            << label(t.object) << "   ["
            << t.sources << (t.sources == 1 ? " source" : " sources") << "]\n";
  int shown = 0;
  if (sentences == 0) return Status::OK();
  return store.ExtractionsOf(t.ids, [&](const ExtractionRow& row) {
    if (row.triple.subject.unresolved || row.triple.object.unresolved) return true;  // as `query` leaves them out
    std::cout << "    " << Printable(row.doc) << " #" << row.triple.sentence << ": " << Printable(row.sentence_text)
              << "\n";
    return ++shown < sentences;
  });
}

// Each edge with its sentences; stops at the first that cannot be read.
int PrintEdges(Store& store, const std::vector<TripleRow>& edges, int sentences) {
  for (const TripleRow& t : edges) {
    Status s = PrintEdge(store, t, sentences);
    if (!s.ok()) return Fail(s.message());
  }
  return kExitOk;
}

}  // namespace

int Neighbors(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"hops"}, {"sentences"}}, &error)) {
    return Usage("neighbors", error);
  }
  if (args.Has("help")) {
    std::cout << kNeighborsHelp;
    return kExitOk;
  }
  int64_t hops = 1, sentences = 2;
  if (!WholeFlag(args, "hops", 0, INT32_MAX, &hops, &error) ||
      !WholeFlag(args, "sentences", 0, INT32_MAX, &sentences, &error)) {
    return Usage("neighbors", error);
  }
  if (args.positional().size() != 1) return Usage("neighbors", "give one ENTITY");
  auto store = OpenToRead(args);
  if (!store.ok()) return Fail(store.status().message());
  auto key = ResolveOne(**store, args.positional()[0]);
  if (!key.ok()) return Fail(key.status().message());
  auto edges = Neighborhood(**store, *key, static_cast<int>(hops));
  if (!edges.ok()) return Fail(edges.status().message());
  return PrintEdges(**store, *edges, static_cast<int>(sentences));
}

int Path(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"max-hops"}, {"sentences"}}, &error)) {
    return Usage("path", error);
  }
  if (args.Has("help")) {
    std::cout << kPathHelp;
    return kExitOk;
  }
  int64_t max_hops = 4, sentences = 2;
  if (!WholeFlag(args, "max-hops", 0, INT32_MAX, &max_hops, &error) ||
      !WholeFlag(args, "sentences", 0, INT32_MAX, &sentences, &error)) {
    return Usage("path", error);
  }
  if (args.positional().size() != 2) return Usage("path", "give FROM and TO");
  auto store = OpenToRead(args);
  if (!store.ok()) return Fail(store.status().message());
  auto from = ResolveOne(**store, args.positional()[0]);
  if (!from.ok()) return Fail(from.status().message());
  auto to = ResolveOne(**store, args.positional()[1]);
  if (!to.ok()) return Fail(to.status().message());
  auto path = ShortestPath(**store, *from, *to, static_cast<int>(max_hops));
  if (!path.ok()) return Fail(path.status().message());
  if (!path->has_value()) {
    std::cout << "no path within " << max_hops << " steps\n";
    return kExitOk;
  }
  if ((*path)->empty()) {
    std::cout << "a path of 0 steps: both name " << Printable(*from) << "\n";
    return kExitOk;
  }
  return PrintEdges(**store, **path, static_cast<int>(sentences));
}

}  // namespace nasij::cli
