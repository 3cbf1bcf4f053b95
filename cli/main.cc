// nasij: builds a knowledge graph from news articles.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"

namespace {

const char kHelp[] = R"(nasij — a knowledge graph of who did what to whom, from Arabic and English news

usage: nasij COMMAND [OPTIONS]

commands:
  extract   print the triples and entity mentions of documents as JSON lines
  ingest    extract documents (or load triples) into the store
  query     find stored triples by subject, relation, object or entity
  entities  list the store's entities
  neighbors the triples around an entity, with their sentences
  path      a shortest chain of triples linking two entities
  export    write the graph for Gephi, Cytoscape, Neo4j, RDF stores, Graphviz or a web page
  serve     browse the graph in a web page, with a JSON API
  stats     count documents, sentences, triples, extractions and entities

'nasij COMMAND --help' describes a command. The store is --db PATH, else
$NASIJ_DB, else ./nasij.db.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace nasij::cli;
  // A store opened read-only keeps every table file open (storage/store.cc),
  // so the command takes all the descriptors its hard limit allows; the
  // store itself never changes the process's limits.
  rlimit files;
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::cout << kHelp;
    return argc < 2 ? kExitUsage : kExitOk;
  }
  const std::string command = argv[1];
  // `ends_fast`: the command has closed any store it opened when it returns
  // (one that only reads, or ingest, which closes its own). Such a process
  // then ends without running the static destructors (RocksDB's option and
  // statistics tables: 5% of a one-line query's instructions, 0.05 s after
  // an ingest); its output is flushed first.
  struct {
    const char* name;
    int (*run)(int, char**);
    bool ends_fast;
  } const kCommands[] = {{"extract", Extract, true},     {"ingest", Ingest, true},  {"query", Query, true},
                         {"entities", Entities, true},   {"neighbors", Neighbors, true},
                         {"path", Path, true},           {"serve", Serve, false},
                         {"export", Export, true},       {"stats", Stats, true}};
  for (const auto& c : kCommands) {
    if (command != c.name) continue;
    const int status = c.run(argc - 2, argv + 2);
    if (!c.ends_fast) return status;
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    ::_exit(status);
  }
  std::cerr << "nasij: unknown command '" << command << "' (see 'nasij --help')\n";
  return kExitUsage;
}
