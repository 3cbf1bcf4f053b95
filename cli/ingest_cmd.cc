#include <algorithm>
#include <filesystem>
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

const char kHelp[] = R"(usage: nasij ingest [--db PATH] [--max-document-mb N] [--threads N] [INPUT...]
       nasij ingest [--db PATH] --triples FILE.jsonl
       nasij ingest [--db PATH] --merge PARTITION...

Extracts documents and stores their sentences, entities and triples.
Inputs are read as by 'nasij extract'. Each document is stored atomically;
ingesting a document id again with the same text changes nothing, and with
new text replaces what that document said.

--triples FILE loads triples another tool produced, one JSON object a line
in the record contract of 'nasij extract' (only "subject", "relation" and
"object" are required; "doc" groups them into documents, else the file is
one document).

--merge folds partition results ('nasij extract --partition') into the store
as one atomic unit, in the order given; a directory gives its *.nasijpart
files in name order. Merging the same partitions again changes nothing.

  --db PATH            the store (default: $NASIJ_DB, else ./nasij.db)
  --max-document-mb N  split longer texts, skip longer JSON lines (default 10)
  --threads N          extract on N cores (default: all)
  --triples FILE       load pre-extracted triples instead of extracting text
  --merge              the inputs are partition results to fold in
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

  // False once a group failed or the store refused a document: `failure()`
  // says why. The documents before a refused one are stored.
  bool Add(Extraction&& e) {
    if (Status refused = CheckStorable(e); !refused.ok()) {
      if (Finish()) failure_ = refused.Prefixed("storing " + e.document.id);
      return false;
    }
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
    storing_ = std::async(std::launch::async,
                          [this, group = std::move(group_)]() mutable { return StoreGroup(std::move(group)); });
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
  std::pair<Status, size_t> StoreGroup(std::vector<Extraction> group) {
    size_t changed = 0, next = 0;
    Status s = store_.IngestAll([&](Extraction* e) {
      if (next == group.size()) return false;
      *e = std::move(group[next++]);
      return true;
    }, &changed);
    return {s, changed};
  }

  Store& store_;
  std::vector<Extraction> group_;
  std::set<std::string> ids_;
  size_t group_text_bytes_ = 0;
  std::future<std::pair<Status, size_t>> storing_;
  Status failure_;
  size_t changed_ = 0;
};

// The partition results `inputs` name, in merge order.
Result<std::vector<std::string>> PartitionFiles(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (fs::directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == kPartitionExtension) found.push_back(it->path().string());
    }
    if (ec) return Status::IOError(input + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// Every partition is opened before anything is staged, so that a missing
// or foreign file is refused at once; a damaged entry met later abandons
// the whole merge.
int MergePartitions(Store& store, const std::vector<std::string>& inputs) {
  auto files = PartitionFiles(inputs);
  if (!files.ok()) return Fail(files.status().message());
  if (files->empty()) return Fail("no partition results (*" + std::string(kPartitionExtension) + ") in " + inputs[0]);
  std::vector<std::unique_ptr<PartitionReader>> partitions;
  for (const std::string& file : *files) {
    auto reader = PartitionReader::Open(file);
    if (!reader.ok()) return Fail(reader.status().message());
    partitions.push_back(std::move(*reader));
  }
  Progress progress("documents merged");
  size_t part = 0, documents = 0, changed = 0;
  Status s = store.IngestAll([&](Extraction* next) -> Result<bool> {
    for (; part < partitions.size(); ++part) {
      Result<bool> more = partitions[part]->Next(next);
      if (!more.ok() || *more) {
        if (more.ok()) progress.Update(++documents);
        return more;
      }
    }
    return false;
  }, &changed);
  if (!s.ok()) return Fail("merging: " + s.message());
  std::cerr << "nasij: merged " << documents << " documents from " << partitions.size() << " partition results ("
            << changed << " new or changed)\n";
  return kExitOk;
}

}  // namespace

int Ingest(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"triples"}, {"merge", false},
                                     {"max-document-mb"}, {"threads"}}, &error)) {
    return Usage("ingest", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (args.Has("triples") && !args.positional().empty()) return Usage("ingest", "--triples takes no other inputs");
  if (args.Has("triples") && args.Has("merge")) return Usage("ingest", "--triples and --merge are two different inputs");
  if (args.Has("merge") && args.positional().empty()) return Usage("ingest", "--merge needs partition results to fold in");
  PipelineOptions pipeline;
  if (!ParsePipelineOptions(args, &pipeline, &error)) return Usage("ingest", error);
  if (args.Has("triples") || args.Has("merge")) {
    auto store = Store::Open(DatabasePath(args), Store::Mode::kReadWrite);
    if (!store.ok()) return Fail(store.status().message());
    return args.Has("triples") ? LoadTriples(**store, args.Get("triples"))
                               : MergePartitions(**store, args.positional());
  }

  // The store opens while the extractor loads its lexicons: opening, and
  // creating a new store, is mostly waiting for the disk (about 50 fsync
  // calls), 0.4-0.7 s of an ingest's start on a loaded machine. A store
  // that cannot be opened is still reported before the extractor's errors.
  auto opening = std::async(std::launch::async,
                            [path = DatabasePath(args)] { return Store::Open(path, Store::Mode::kReadWrite); });
  auto extractor = Extractor::Create();
  auto store = opening.get();
  if (!store.ok()) return Fail(store.status().message());
  if (!extractor.ok()) return Fail(extractor.status().message());
  Progress progress("documents extracted");
  size_t extracted = 0, triples = 0;
  GroupedWriter writer(**store);
  PipelineResult r = RunExtraction(**extractor, args.positional(), pipeline, [&](Extraction&& e) {
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
