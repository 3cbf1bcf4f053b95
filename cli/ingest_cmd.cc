#include <pthread.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>
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
// group is written as sorted files rather than key by key. One thread
// stores while the others extract, and stages each document soon after it
// is extracted, so that when extraction ends only the last group's commit
// is left to wait for, not the staging of its thousand documents too (1.1
// of the 2.3 s after extraction, at load 13).
constexpr size_t kGroupDocuments = 1000;
// A group of this much text is stored before anything more is extracted:
// memory then holds one long document's extraction, not three.
constexpr size_t kGroupTextBytes = 4 << 20;

class GroupedWriter {
 public:
  explicit GroupedWriter(Store& store) : store_(store), thread_([this] { Run(); }) {}
  ~GroupedWriter() { Stop(); }

  // False once a group failed or the store refused a document: `failure()`
  // says why. The documents before a refused one are stored.
  bool Add(Extraction&& e) {
    if (Status refused = CheckStorable(e); !refused.ok()) {
      if (Finish()) failure_ = refused.Prefixed("storing " + e.document.id);
      return false;
    }
    // A group holds an id once: a later version starts the next group.
    if (group_documents_ == kGroupDocuments || ids_.count(e.document.id)) EndGroup();
    ids_.insert(e.document.id);
    group_text_bytes_ += e.document.text.size();
    ++group_documents_;
    if (!Queue(Item{std::move(e), false})) return false;
    return group_text_bytes_ < kGroupTextBytes || (EndGroup() && WaitStored());
  }
  // Stores what is left and waits for it.
  bool Finish() {
    EndGroup();
    Stop();
    return failure_.ok();
  }

  // Once finished.
  const Status& failure() const { return failure_; }
  size_t changed() const { return changed_; }

 private:
  // An extraction to store, or (`end`) the end of a group.
  struct Item {
    Extraction extraction;
    bool end = false;
  };

  // Waits while a group's worth is queued, so that a commit never stops
  // extraction: memory holds the group being staged and at most one more.
  bool Queue(Item item) {
    std::unique_lock<std::mutex> lock(mu_);
    taken_.wait(lock, [&] { return queue_.size() < kGroupDocuments || !failure_.ok(); });
    if (!failure_.ok()) return false;
    queue_.push_back(std::move(item));
    // Only an empty queue can have the storing thread waiting: waking it
    // for every document cost a context switch each.
    if (queue_.size() == 1) queued_.notify_one();
    return true;
  }
  bool EndGroup() {
    ids_.clear();
    group_text_bytes_ = 0;
    if (group_documents_ == 0) return true;
    group_documents_ = 0;
    ++groups_ended_;
    return Queue(Item{Extraction(), true});
  }
  // Until every group ended is stored.
  bool WaitStored() {
    std::unique_lock<std::mutex> lock(mu_);
    taken_.wait(lock, [&] { return groups_stored_ >= groups_ended_ || !failure_.ok(); });
    return failure_.ok();
  }
  // Ends the storing thread once it has stored every group ended.
  void Stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      input_done_ = true;
    }
    queued_.notify_one();
    thread_.join();
  }

  // The storing thread: one IngestAll a group, fed from the queue, taking
  // all that is queued at each wake-up.
  void Run() {
    // The threads this one starts (table files, records) take its name, so
    // that a profile adds up storing's CPU by name (scripts/bench-ingest).
    pthread_setname_np(pthread_self(), "nasij-store");
    std::deque<Item> taken;
    bool input_done = false;
    while (!input_done || !taken.empty()) {
      size_t changed = 0, staged = 0;
      Status s = store_.IngestAll([&](Extraction* next) -> Result<bool> {
        if (taken.empty()) {
          std::unique_lock<std::mutex> lock(mu_);
          queued_.wait(lock, [&] { return !queue_.empty() || input_done_; });
          input_done = queue_.empty();
          taken.swap(queue_);
          lock.unlock();
          taken_.notify_all();
          if (input_done) return false;
        }
        Item item = std::move(taken.front());
        taken.pop_front();
        if (item.end) return false;
        *next = std::move(item.extraction);
        ++staged;
        return true;
      }, &changed);
      std::lock_guard<std::mutex> lock(mu_);
      changed_ += changed;
      if (staged) ++groups_stored_;
      if (!s.ok()) {
        failure_ = s;
        taken_.notify_all();
        return;
      }
      taken_.notify_all();
    }
  }

  Store& store_;
  // The adding thread's: the group being queued.
  std::set<std::string> ids_;
  size_t group_documents_ = 0, group_text_bytes_ = 0;
  // Shared, under mu_.
  std::mutex mu_;
  std::condition_variable queued_, taken_;
  std::deque<Item> queue_;
  size_t groups_ended_ = 0, groups_stored_ = 0;
  bool input_done_ = false;
  Status failure_;
  size_t changed_ = 0;
  std::thread thread_;  // last: it starts once the members it uses are made
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
    const int loaded = args.Has("triples") ? LoadTriples(**store, args.Get("triples"))
                                           : MergePartitions(**store, args.positional());
    if (Status closed = (*store)->Close(); !closed.ok()) return Fail(closed.message());
    return loaded;
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
  (*store)->SetTableCompression(Store::TableCompression::kFastest);
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
  if (Status closed = (*store)->Close(); !closed.ok()) return Fail(closed.message());
  // What the writer keeps of what it committed (62,000 entity rows for
  // 3,000 articles) is left to the process's end rather than freed piece
  // by piece: 0.1-0.15 s after the last write. main ends an ingest without
  // destructors.
  store->release();
  std::cerr << "nasij: ingested " << r.documents << " documents (" << writer.changed() << " new or changed, "
            << triples << " triples)\n";
  return r.skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
