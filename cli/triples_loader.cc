#include "cli/triples_loader.h"

#include <malloc.h>

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

#include "cli/args.h"
#include "cli/pipeline.h"
#include "common/printable.h"

namespace nasij::cli {

namespace {

constexpr size_t kBlockBytes = 128 << 10;  // whole lines read and worked on as one unit (about 1,000)
constexpr size_t kLookahead = 16;          // blocks worked on ahead of the consumer at most
// Documents go to the store in groups of about this many triples, each one
// atomic IngestAll: memory holds one group, whatever the size of the file.
constexpr size_t kGroupTriples = 250000;

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

// Where each document's lines are, from a first reading of the file, so
// that a document goes to the store as soon as its last line is read.
struct DocumentLines {
  size_t last_line = 0;
  size_t lines = 0;  // blank and refused ones too: no fewer than its triples
  uint64_t content_hash = 1469598103934665603ull;  // FNV-1a over its lines' hashes, in order
};
using DocumentIndex = std::unordered_map<std::string, DocumentLines>;

struct LineDocuments {
  std::vector<std::string> docs;
  std::vector<uint64_t> hashes;
};

bool IndexDocuments(const std::string& path, DocumentIndex* index) {
  std::ifstream in(path, std::ios::binary);
  OrderedBlocks<LineDocuments> blocks(in, [&](std::string_view lines) {
    LineDocuments d;
    ForEachLine(lines, [&](std::string_view line) {
      d.docs.push_back(DocumentOfLine(line, path));
      d.hashes.push_back(std::hash<std::string_view>()(line));
    });
    return d;
  });
  size_t line = 0;
  for (LineDocuments d; blocks.Next(&d);) {
    for (size_t i = 0; i < d.docs.size(); ++i, ++line) {
      DocumentLines& doc = (*index)[d.docs[i]];
      doc.last_line = line;
      ++doc.lines;
      doc.content_hash = (doc.content_hash ^ d.hashes[i]) * 1099511628211ull;
    }
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
  std::string doc;
  Result<TripleWithDoc> record = Status::NotFound("a blank line");  // no record, and no error to report
};

std::vector<ParsedLine> ParseBlock(std::string_view lines, const std::string& path) {
  std::vector<ParsedLine> parsed;
  ForEachLine(lines, [&](std::string_view line) {
    ParsedLine& p = parsed.emplace_back();
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      p.doc = path;
      return;
    }
    Result<TripleWithDoc> r = ParseTripleRecord(line);
    // A record read whole names its document as DocumentOfLine would; only
    // a line refused is read again for it.
    p.doc = !r.ok() ? DocumentOfLine(line, path) : r->doc.empty() ? path : r->doc;
    p.record = r.ok() ? WithEntityKeys(std::move(r.value())) : std::move(r);
  });
  return parsed;
}

}  // namespace

int LoadTriples(Store& store, const std::string& path) {
  // Each group's buffers (about 250 MB) are freed and taken again by the
  // next: kept in the heap rather than given back to the kernel, they are
  // not faulted in page by page again (1M triples: 175,000 page faults →
  // 85,000, 1.1 s less of system time).
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Fail(path + " is a directory");
  DocumentIndex index;
  if (!std::ifstream(path) || !IndexDocuments(path, &index)) return Fail(path + ": cannot be read");
  size_t total_lines = 0;
  for (const auto& [doc, at] : index) total_lines += at.lines;
  // A load of several groups ends by compacting, which compresses what it
  // merges again: until then those tables are written fast.
  const bool in_groups = total_lines > kGroupTriples;
  if (in_groups) store.SetTableCompression(Store::TableCompression::kSmallestOnceCompacted);

  std::ifstream in(path, std::ios::binary);
  OrderedBlocks<std::vector<ParsedLine>> blocks(in, [&](std::string_view lines) { return ParseBlock(lines, path); });
  std::unordered_map<std::string, Extraction> pending;  // documents whose last line is still ahead
  std::vector<ParsedLine> block;
  size_t in_block = 0, line = 0, skipped = 0, documents = 0, group_triples = 0;
  bool exhausted = false;
  Progress progress("triples");
  // The second reading found lines the first did not.
  auto changed_meanwhile = [&] { return Status::IOError(path + " changed while it was being loaded"); };
  // Documents in the order their last lines come, until the group is full.
  auto next = [&](Extraction* out) -> Result<bool> {
    while (group_triples < kGroupTriples) {
      if (in_block == block.size()) {
        in_block = 0;
        if (!blocks.Next(&block)) {
          block.clear();
          if (blocks.read_failed()) return Status::IOError(path + ": cannot be read past line " + std::to_string(line));
          if (!pending.empty()) return changed_meanwhile();
          exhausted = true;
          return false;
        }
      }
      ParsedLine& p = block[in_block++];
      const size_t this_line = line++;
      if (this_line % 65536 == 0) progress.Update(this_line);
      auto indexed = index.find(p.doc);
      if (indexed == index.end()) return changed_meanwhile();
      const DocumentLines& lines = indexed->second;
      if (!p.record.ok()) {
        if (!p.record.status().IsNotFound()) {
          std::cerr << "nasij: " << Printable(path) << ":" << this_line + 1 << ": " << p.record.status().message()
                    << " (skipped)\n";
          ++skipped;
        }
      } else {
        std::vector<Triple>& triples = pending[p.doc].triples;
        if (triples.empty()) triples.reserve(lines.lines);  // moved once, not at every doubling
        triples.push_back(std::move(p.record.value().triple));
      }
      if (this_line != lines.last_line) continue;
      auto done = pending.find(p.doc);
      if (done == pending.end()) continue;  // none of its lines held a triple
      *out = std::move(done->second);
      pending.erase(done);
      out->document.id = p.doc;
      // What the store hashes to tell a changed document from the same one.
      out->document.text = std::to_string(lines.content_hash) + ":" + std::to_string(out->triples.size());
      group_triples += out->triples.size();
      ++documents;
      return true;
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
