#include <atomic>
#include <fstream>
#include <thread>
#include <iostream>
#include <map>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "extract/extract.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij ingest [--db PATH] [INPUT...]
       nasij ingest [--db PATH] --triples FILE.jsonl

Extracts documents and stores their sentences, entities and triples.
Inputs are read as by 'nasij extract'. Each document is stored atomically;
ingesting a document id again with the same text changes nothing, and with
new text replaces what that document said.

--triples FILE loads triples another tool produced, one JSON object a line
in the record contract of 'nasij extract' (only "subject", "relation" and
"object" are required; "doc" groups them into documents, else the file is
one document).

  --db PATH      the store (default: $NASIJ_DB, else ./nasij.db)
  --triples FILE load pre-extracted triples instead of extracting text
)";

// Triples from another tool, grouped into one extraction per "doc" and
// stored as one atomic load. Lines are parsed on every core.
int LoadTriples(Store& store, const std::string& path) {
  std::ifstream in(path);
  if (!in) return Fail(path + ": cannot be read");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));

  std::vector<Result<TripleWithDoc>> parsed(lines.size(), Status::Error("blank"));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1024)) < lines.size();) {
      for (size_t k = i; k < std::min(lines.size(), i + 1024); ++k) {
        if (lines[k].find_first_not_of(" \t\r") != std::string::npos) parsed[k] = ParseTripleRecord(lines[k]);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  std::map<std::string, size_t> index;  // doc id → position in docs
  std::vector<Extraction> docs;
  size_t skipped = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!parsed[i].ok()) {
      if (parsed[i].status().message() != "blank") {
        std::cerr << "nasij: " << path << ":" << i + 1 << ": " << parsed[i].status().message() << " (skipped)\n";
        ++skipped;
      }
      continue;
    }
    TripleWithDoc& r = parsed[i].value();
    if (r.doc.empty()) r.doc = path;
    auto [it, fresh] = index.emplace(r.doc, docs.size());
    if (fresh) {
      docs.emplace_back();
      docs.back().document.id = r.doc;
    }
    Extraction& e = docs[it->second];
    e.document.text += lines[i] + "\n";  // the content hash covers the triples
    for (Argument* a : {&r.triple.subject, &r.triple.object}) {
      if (a->entity.empty()) a->entity = NormalizeForMatch(a->text);
      if (a->kind.empty()) a->kind = "CONCEPT";
    }
    e.triples.push_back(std::move(r.triple));
  }
  size_t changed = 0;
  Status s = store.IngestAll(docs, &changed);
  if (!s.ok()) return Fail("storing " + path + ": " + s.message());
  std::cerr << "nasij: loaded " << docs.size() << " documents of triples from " << path << " (" << changed
            << " new or changed)\n";
  return skipped ? kExitError : kExitOk;
}

}  // namespace

int Ingest(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"triples"}}, &error)) return Usage("ingest", error);
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (args.Has("triples") && !args.positional().empty()) return Usage("ingest", "--triples takes no other inputs");
  auto store = Store::Open(DatabasePath(args), Store::Mode::kReadWrite);
  if (!store.ok()) return Fail(store.status().message());
  if (args.Has("triples")) return LoadTriples(**store, args.Get("triples"));

  auto extractor = Extractor::Create();
  if (!extractor.ok()) return Fail(extractor.status().message());
  Progress progress("documents ingested");
  size_t changed_docs = 0, triples = 0;
  Status failure;
  PipelineResult r = RunExtraction(**extractor, args.positional(), [&](const Extraction& e) {
    bool changed;
    failure = (*store)->Ingest(e, &changed);
    if (!failure.ok()) {
      failure = Status::Error("storing " + e.document.id + ": " + failure.message());
      return false;
    }
    changed_docs += changed;
    triples += e.triples.size();
    progress.Update(changed_docs);
    return true;
  });
  if (!failure.ok()) return Fail(failure.message());
  std::cerr << "nasij: ingested " << r.documents << " documents (" << changed_docs << " new or changed, "
            << triples << " triples)\n";
  return r.skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
