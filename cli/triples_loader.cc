#include "cli/triples_loader.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

#include <absl/container/flat_hash_map.h>

#include "cli/args.h"
#include "cli/pipeline.h"
#include "common/printable.h"

namespace nasij::cli {

namespace {

constexpr size_t kBlockBytes = 128 << 10;  // whole lines read and worked on as one unit (about 1,000)
constexpr size_t kLookahead = 16;          // blocks worked on ahead of the consumer at most
// Documents go to the store in groups of about this many triples, each one
// atomic IngestAll: memory holds one group, whatever the size of the file.
// Groups of 250,000 peaked at 432 MB on 4M triples, these at 365 MB, in the
// same time.
constexpr size_t kGroupTriples = 200000;

// Calls `visit` for each line of `text` (whole lines), without its '\n'.
template <typename Visit>
void ForEachLine(std::string_view text, Visit visit) {
  while (!text.empty()) {
    const size_t end = text.find('\n');
    visit(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

// Reads a file in blocks of whole lines on worker threads (the reading
// itself one block at a time, in order, and in large reads: a line at a
// time under the lock kept every other core waiting on it), applies `work`
// to each block on every core, at most kLookahead blocks ahead of the
// consumer, and hands the results back in order.
template <typename Result>
class OrderedBlocks {
 public:
  using Work = std::function<Result(std::string_view lines)>;

  OrderedBlocks(std::istream& in, Work work) : in_(in), work_(std::move(work)) {
    for (unsigned t = 0; t < std::max(1u, std::thread::hardware_concurrency()); ++t) {
      workers_.emplace_back([this] { Serve(); });
    }
  }
  ~OrderedBlocks() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& t : workers_) t.join();
  }

  // The next block's result, or false after the last block.
  bool Next(Result* out) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return (!done_.empty() && done_.front().ready) || (at_end_ && done_.empty()); });
    if (done_.empty()) return false;
    *out = std::move(done_.front().result);
    done_.pop_front();
    changed_.notify_all();
    return true;
  }
  // After Next returned false: whether reading the file failed.
  bool read_failed() const { return in_.bad(); }

 private:
  struct Slot {
    bool ready = false;
    Result result;
  };

  // The next block of whole lines into `*block` (the last one may lack its
  // '\n'); false at the end of the file. Called under the lock.
  bool ReadBlock(std::string* block) {
    block->swap(rest_);
    rest_.clear();
    for (;;) {
      const size_t searched = block->size();
      block->resize(searched + kBlockBytes);
      in_.read(block->data() + searched, kBlockBytes);
      block->resize(searched + in_.gcount());
      if (in_.gcount() == 0) return !block->empty();
      const size_t last_newline = block->rfind('\n');
      if (last_newline != std::string::npos && last_newline >= searched) {
        rest_.assign(*block, last_newline + 1);
        block->resize(last_newline + 1);
        return true;
      }
    }
  }

  void Serve() {
    std::string block;
    for (;;) {
      Slot* slot;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || at_end_ || done_.size() < kLookahead; });
        if (stop_ || at_end_) return;
        if (!ReadBlock(&block)) {
          at_end_ = true;
          changed_.notify_all();
          return;
        }
        slot = &done_.emplace_back();  // a deque: later slots move no earlier one
      }
      Result result = work_(block);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        slot->result = std::move(result);
        slot->ready = true;
      }
      changed_.notify_all();
    }
  }

  std::istream& in_;
  const Work work_;
  std::string rest_;       // read past the last whole line of the block before
  std::deque<Slot> done_;  // blocks being worked on or done, in file order
  bool at_end_ = false, stop_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::thread> workers_;
};

// The document a line belongs to: its "doc", else the file's.
std::string DocumentOfLine(std::string_view line, const std::string& path) {
  std::string doc = TripleRecordDocument(line);
  return doc.empty() ? path : doc;
}

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

uint64_t DocumentKey(std::string_view doc) { return std::hash<std::string_view>()(doc); }

constexpr uint64_t kFnvBasis = 1469598103934665603ull, kFnvPrime = 1099511628211ull;
uint64_t FnvStep(uint64_t hash, uint64_t value) { return (hash ^ value) * kFnvPrime; }

// What a first reading of the file tells the second. A document is done
// when its run of lines ends, unless it has more runs ahead: those few are
// the only documents memory holds anything for. The file's documents are
// counted, not kept: a table of them all (about 90 bytes each) was the one part
// of a load's memory that grew with the file.
struct DocumentRuns {
  size_t lines = 0;                                  // blank ones too
  uint64_t sequence = kFnvBasis;                     // over each non-blank line's document key, in order
  absl::flat_hash_map<uint64_t, uint32_t> scattered;  // key → runs, of the documents in more than one
};

// The keys of the documents of a block's non-blank lines, in order.
struct BlockDocuments {
  size_t lines = 0;
  std::vector<uint64_t> docs;
};

// The first reading. Each run of lines costs 8 bytes until the reading
// ends, when the runs of one key are counted by sorting (10M documents:
// 80 MB, freed before anything is stored). Two ids of one key would look
// like one document in two runs, and the first would never be done: the
// load fails ("changed while it was being loaded") rather than store it
// wrong.
bool ReadRuns(const std::string& path, DocumentRuns* runs) {
  std::ifstream in(path, std::ios::binary);
  OrderedBlocks<BlockDocuments> blocks(in, [&](std::string_view lines) {
    BlockDocuments d;
    ForEachLine(lines, [&](std::string_view line) {
      ++d.lines;
      if (!IsBlank(line)) d.docs.push_back(DocumentKey(DocumentOfLine(line, path)));
    });
    return d;
  });
  std::vector<uint64_t> run_keys;
  for (BlockDocuments d; blocks.Next(&d);) {
    runs->lines += d.lines;
    for (uint64_t doc : d.docs) {
      if (run_keys.empty() || run_keys.back() != doc) run_keys.push_back(doc);
      runs->sequence = FnvStep(runs->sequence, doc);
    }
  }
  std::sort(run_keys.begin(), run_keys.end());
  for (size_t i = 0; i < run_keys.size();) {
    size_t j = i + 1;
    while (j < run_keys.size() && run_keys[j] == run_keys[i]) ++j;
    if (j - i > 1) runs->scattered[run_keys[i]] = static_cast<uint32_t>(j - i);
    i = j;
  }
  return !blocks.read_failed();
}

// A record's arguments with the keys and kinds it left out. A name with
// nothing to key it by (tatweels, a lone zero-width joiner) is refused
// here, with its line, rather than failing the whole load in the store.
Result<TripleWithDoc> WithEntityKeys(TripleWithDoc r) {
  for (auto [slot, a] : {std::pair{"subject", &r.triple.subject}, {"object", &r.triple.object}}) {
    if (a->entity.empty()) a->entity = NormalizeForMatch(a->text);
    if (a->entity.empty()) return Status::InvalidArgument(std::string("\"") + slot + "\" has no letters to name an entity by");
    if (a->kind.empty()) a->kind = "CONCEPT";
  }
  return r;
}

struct ParsedLine {
  std::string doc;  // empty for a blank line, which belongs to no document
  uint64_t doc_key = 0;  // DocumentKey(doc), hashed here rather than on the thread that stages
  uint64_t hash = 0;
  Result<TripleWithDoc> record = Status::NotFound("a blank line");  // no record, and no error to report
};

std::vector<ParsedLine> ParseBlock(std::string_view lines, const std::string& path) {
  std::vector<ParsedLine> parsed;
  ForEachLine(lines, [&](std::string_view line) {
    ParsedLine& p = parsed.emplace_back();
    if (IsBlank(line)) return;
    p.hash = std::hash<std::string_view>()(line);
    Result<TripleWithDoc> r = ParseTripleRecord(line);
    // A record read whole names its document as DocumentOfLine would; only
    // a line refused is read again for it.
    p.doc = !r.ok() ? DocumentOfLine(line, path) : r->doc.empty() ? path : r->doc;
    p.doc_key = DocumentKey(p.doc);
    p.record = r.ok() ? WithEntityKeys(std::move(r.value())) : std::move(r);
  });
  return parsed;
}

}  // namespace

int LoadTriples(Store& store, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Fail(path + " is a directory");
  DocumentRuns runs;
  if (!std::ifstream(path) || !ReadRuns(path, &runs)) return Fail(path + ": cannot be read");
  // A load of several groups ends by compacting, which compresses what it
  // merges again: until then those tables are written fast.
  const bool in_groups = runs.lines > kGroupTriples;
  if (in_groups) store.SetTableCompression(Store::TableCompression::kSmallestOnceCompacted);

  std::ifstream in(path, std::ios::binary);
  OrderedBlocks<std::vector<ParsedLine>> blocks(in, [&](std::string_view lines) { return ParseBlock(lines, path); });
  struct Pending {
    Extraction extraction;
    uint64_t content_hash = kFnvBasis;  // over its lines' hashes, in order: what tells a changed document
  };
  std::unordered_map<std::string, Pending> pending;  // the document of the current run, and scattered ones
  std::string run_doc;                               // whose run of lines is being read; empty before the first
  uint64_t run_key = 0;                              // its DocumentKey
  Pending* run_pending = nullptr;                    // its entry in `pending`
  uint64_t sequence = kFnvBasis;
  std::vector<ParsedLine> block;
  size_t in_block = 0, line = 0, skipped = 0, documents = 0, group_triples = 0;
  bool exhausted = false;
  Progress progress("triples");
  // The second reading found other lines than the first.
  auto changed_meanwhile = [&] { return Status::IOError(path + " changed while it was being loaded"); };
  // Ends the run of `run_doc`; true with its document in `*out` if that
  // was its last run and a line of it held a triple.
  auto end_run = [&](Extraction* out) {
    const std::string doc = std::exchange(run_doc, "");
    auto runs_left = runs.scattered.find(run_key);
    if (runs_left != runs.scattered.end() && --runs_left->second > 0) return false;
    auto done = pending.find(doc);
    if (done == pending.end()) return false;
    Pending finished = std::move(done->second);
    pending.erase(done);
    if (finished.extraction.triples.empty()) return false;
    *out = std::move(finished.extraction);
    out->document.id = doc;
    // What the store hashes to tell a changed document from the same one.
    out->document.text = std::to_string(finished.content_hash) + ":" + std::to_string(out->triples.size());
    group_triples += out->triples.size();
    ++documents;
    return true;
  };
  // Documents in the order their runs end, until the group is full.
  auto next = [&](Extraction* out) -> Result<bool> {
    while (group_triples < kGroupTriples) {
      if (in_block == block.size()) {
        in_block = 0;
        if (!blocks.Next(&block)) {
          block.clear();
          if (blocks.read_failed()) return Status::IOError(path + ": cannot be read past line " + std::to_string(line));
          if (!run_doc.empty() && end_run(out)) return true;
          if (!pending.empty() || line != runs.lines || sequence != runs.sequence) return changed_meanwhile();
          exhausted = true;
          return false;
        }
      }
      ParsedLine& p = block[in_block++];
      const size_t this_line = line++;
      if (this_line % 65536 == 0) progress.Update(this_line);
      if (p.doc.empty()) continue;
      sequence = FnvStep(sequence, p.doc_key);
      bool run_ended = false;
      if (p.doc != run_doc) {
        // A line of another document ends the run before it, whose document
        // is handed on once this line is taken.
        run_ended = !run_doc.empty() && end_run(out);
        run_doc = p.doc;
        run_key = p.doc_key;
        run_pending = &pending[p.doc];  // a node: no later insertion moves it
      }
      Pending& doc = *run_pending;
      doc.content_hash = FnvStep(doc.content_hash, p.hash);
      if (!p.record.ok()) {
        if (!p.record.status().IsNotFound()) {
          std::cerr << "nasij: " << Printable(path) << ":" << this_line + 1 << ": " << p.record.status().message()
                    << " (skipped)\n";
          ++skipped;
        }
      } else {
        doc.extraction.triples.push_back(std::move(p.record.value().triple));
      }
      if (run_ended) return true;
    }
    return false;
  };
  size_t changed = 0;
  while (!exhausted) {
    const size_t group_start = line;
    group_triples = 0;
    size_t group_changed = 0;
    Status s = store.IngestAll(next, &group_changed);
    if (!s.ok()) {
      return Fail("storing " + path + ": " + s.message() + " (documents whose last line comes before line " +
                  std::to_string(group_start + 1) + " are stored; loading the file again adds the rest)");
    }
    changed += group_changed;
  }
  if (in_groups) {
    if (Status s = store.Compact(); !s.ok()) return Fail("storing " + path + ": " + s.message());
  }
  std::cerr << "nasij: loaded " << documents << " documents of triples from " << path << " (" << changed
            << " new or changed)\n";
  return skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
