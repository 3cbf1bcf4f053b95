#include <future>
#include <iostream>
#include <set>
#include <utility>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/triples_loader.h"
#include "extract/extract.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij ingest [--db PATH] [--max-document-mb N] [INPUT...]
       nasij ingest [--db PATH] --triples FILE.jsonl

Extracts documents and stores their sentences, entities and triples.
Inputs are read as by 'nasij extract'. Each document is stored atomically;
ingesting a document id again with the same text changes nothing, and with
new text replaces what that document said.

--triples FILE loads triples another tool produced, one JSON object a line
in the record contract of 'nasij extract' (only "subject", "relation" and
"object" are required; "doc" groups them into documents, else the file is
one document).

  --db PATH            the store (default: $NASIJ_DB, else ./nasij.db)
  --max-document-mb N  split longer texts, skip longer JSON lines (default 10)
  --triples FILE       load pre-extracted triples instead of extracting text
)";

// Documents go to the store in groups, each one atomic IngestAll: a large
// group is written as sorted files rather than key by key, and one group is
// stored on a thread of its own while the next is extracted.
constexpr size_t kGroupDocuments = 1000;
// A group of this much text is stored before anything more is extracted:
// memory then holds one long document's extraction, not three.
constexpr size_t kGroupTextBytes = 4 << 20;

class GroupedWriter {
 public:
  explicit GroupedWriter(Store& store) : store_(store) {}
  ~GroupedWriter() { Wait(); }

  // False once a group failed: `failure()` says why.
  bool Add(Extraction&& e) {
    // A group holds an id once: a later version starts the next group.
    if (group_.size() == kGroupDocuments || ids_.count(e.document.id)) {
      if (!Hand()) return false;
    }
    ids_.insert(e.document.id);
    group_text_bytes_ += e.document.text.size();
    group_.push_back(std::move(e));
    return group_text_bytes_ < kGroupTextBytes || (Hand() && Wait());
  }
  // Stores what is left and waits for it.
  bool Finish() { return Hand() && Wait(); }

  const Status& failure() const { return failure_; }
  size_t changed() const { return changed_; }

 private:
  // Waits for the group being stored, then starts storing this one.
  bool Hand() {
    if (!Wait()) return false;
    storing_ = std::async(std::launch::async, [this, group = std::move(group_)] { return StoreGroup(group); });
    group_.clear();
    ids_.clear();
    group_text_bytes_ = 0;
    return true;
  }
  bool Wait() {
    if (storing_.valid()) {
      auto [status, changed] = storing_.get();
      changed_ += changed;
      if (!status.ok() && failure_.ok()) failure_ = status;
    }
    return failure_.ok();
  }
  // A group refused as a whole is stored again document by document, so
  // that the documents before the bad one are kept and the error names it.
  std::pair<Status, size_t> StoreGroup(const std::vector<Extraction>& group) {
    size_t changed = 0, next = 0;
    Status s = store_.IngestAll([&](Extraction* e) {
      if (next == group.size()) return false;
      *e = group[next++];
      return true;
    }, &changed);
    if (!s.IsInvalidArgument()) return {s, changed};
    changed = 0;
    for (const Extraction& e : group) {
      bool one_changed;
      s = store_.Ingest(e, &one_changed);
      if (!s.ok()) return {s.Prefixed("storing " + e.document.id), changed};
      changed += one_changed;
    }
    return {Status::OK(), changed};
  }

  Store& store_;
  std::vector<Extraction> group_;
  std::set<std::string> ids_;
  size_t group_text_bytes_ = 0;
  std::future<std::pair<Status, size_t>> storing_;
  Status failure_;
  size_t changed_ = 0;
};

}  // namespace

int Ingest(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"triples"}, {"max-document-mb"}}, &error)) {
    return Usage("ingest", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (args.Has("triples") && !args.positional().empty()) return Usage("ingest", "--triples takes no other inputs");
  size_t max_document_bytes;
  if (!MaxDocumentBytes(args, &max_document_bytes, &error)) return Usage("ingest", error);
  auto store = Store::Open(DatabasePath(args), Store::Mode::kReadWrite);
  if (!store.ok()) return Fail(store.status().message());
  if (args.Has("triples")) return LoadTriples(**store, args.Get("triples"));

  auto extractor = Extractor::Create();
  if (!extractor.ok()) return Fail(extractor.status().message());
  Progress progress("documents extracted");
  size_t extracted = 0, triples = 0;
  GroupedWriter writer(**store);
  PipelineResult r = RunExtraction(**extractor, args.positional(), max_document_bytes, [&](Extraction&& e) {
    triples += e.triples.size();
    progress.Update(++extracted);
    return writer.Add(std::move(e));
  });
  if (!writer.Finish()) return Fail(writer.failure().message());
  if (Status flushed = (*store)->Flush(); !flushed.ok()) return Fail(flushed.message());
  std::cerr << "nasij: ingested " << r.documents << " documents (" << writer.changed() << " new or changed, "
            << triples << " triples)\n";
  return r.skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
