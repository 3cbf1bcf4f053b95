#include "cli/triples_loader.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "cli/args.h"
#include "cli/pipeline.h"
#include "common/printable.h"

namespace nasij::cli {

namespace {

constexpr size_t kChunk = 1024;  // lines parsed as one unit of work
constexpr size_t kLookahead = 16;  // chunks parsed ahead of the store at most

// The lines of a file, and for each its document: which one, and the last
// line of each, so that a document goes to the store as soon as it is whole.
struct Layout {
  std::vector<std::string_view> lines;
  std::vector<uint32_t> doc_of_line;
  std::vector<std::string> doc_ids;
  std::vector<size_t> last_line;
  std::vector<uint32_t> line_count;
  std::vector<uint64_t> content_hash;  // of each document's lines, in order
};

template <typename Work>
void OnEveryCore(Work work) {
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

Layout LayOut(const std::string& content, const std::string& path) {
  Layout l;
  for (size_t at = 0; at < content.size();) {
    size_t end = content.find('\n', at);
    if (end == std::string::npos) end = content.size();
    l.lines.emplace_back(content.data() + at, end - at);
    at = end + 1;
  }
  std::vector<std::string> ids(l.lines.size());
  std::vector<uint64_t> hashes(l.lines.size());
  std::atomic<size_t> next{0};
  OnEveryCore([&] {
    for (size_t c; (c = next.fetch_add(kChunk)) < l.lines.size();) {
      for (size_t i = c; i < std::min(l.lines.size(), c + kChunk); ++i) {
        ids[i] = TripleRecordDocument(l.lines[i]);
        if (ids[i].empty()) ids[i] = path;
        hashes[i] = std::hash<std::string_view>()(l.lines[i]);
      }
    }
  });
  std::unordered_map<std::string, uint32_t> index;
  l.doc_of_line.resize(l.lines.size());
  for (size_t i = 0; i < l.lines.size(); ++i) {
    uint32_t d;
    if (i > 0 && ids[i] == l.doc_ids[l.doc_of_line[i - 1]]) {
      d = l.doc_of_line[i - 1];  // a document's lines usually come together
    } else {
      auto [it, fresh] = index.try_emplace(ids[i], l.doc_ids.size());
      if (fresh) {
        l.doc_ids.push_back(std::move(ids[i]));
        l.last_line.push_back(0);
        l.line_count.push_back(0);
        l.content_hash.push_back(1469598103934665603ull);
      }
      d = it->second;
    }
    l.doc_of_line[i] = d;
    l.last_line[d] = i;
    ++l.line_count[d];
    l.content_hash[d] = (l.content_hash[d] ^ hashes[i]) * 1099511628211ull;
  }
  return l;
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

// Parses chunks of lines on worker threads, in order, at most kLookahead
// chunks ahead of the consumer, and hands each line's record out in order.
class ParsedLines {
 public:
  explicit ParsedLines(const std::vector<std::string_view>& lines)
      : lines_(lines), chunks_((lines.size() + kChunk - 1) / kChunk), ready_(chunks_.size()) {
    for (unsigned t = 0; t < std::max(1u, std::thread::hardware_concurrency()); ++t) workers_.emplace_back([this] { Work(); });
  }
  ~ParsedLines() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& t : workers_) t.join();
  }

  // The record of line `i`; lines are taken in order, each once.
  Result<TripleWithDoc>& Take(size_t i) {
    const size_t c = i / kChunk;
    if (i % kChunk == 0) {
      std::unique_lock<std::mutex> lock(mutex_);
      if (c > 0) {
        chunks_[c - 1] = {};  // consumed: its memory serves what comes next
        consumed_ = c;
        changed_.notify_all();
      }
      changed_.wait(lock, [&] { return ready_[c]; });
    }
    return chunks_[c][i % kChunk];
  }

 private:
  void Work() {
    for (;;) {
      size_t c;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || next_ >= chunks_.size() || next_ < consumed_ + kLookahead; });
        if (stop_ || next_ >= chunks_.size()) return;
        c = next_++;
      }
      std::vector<Result<TripleWithDoc>> records;
      records.reserve(kChunk);
      for (size_t i = c * kChunk; i < std::min(lines_.size(), (c + 1) * kChunk); ++i) {
        if (lines_[i].find_first_not_of(" \t\r") == std::string::npos) {
          records.push_back(Status::NotFound("a blank line"));  // no record, and no error to report
          continue;
        }
        Result<TripleWithDoc> r = ParseTripleRecord(lines_[i]);
        records.push_back(r.ok() ? WithEntityKeys(std::move(r.value())) : std::move(r));
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        chunks_[c] = std::move(records);
        ready_[c] = true;
      }
      changed_.notify_all();
    }
  }

  const std::vector<std::string_view>& lines_;
  std::vector<std::vector<Result<TripleWithDoc>>> chunks_;
  std::vector<bool> ready_;
  size_t next_ = 0, consumed_ = 0;
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::thread> workers_;
};

}  // namespace

int LoadTriples(Store& store, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Fail(path + " is a directory");
  std::ifstream in(path, std::ios::binary);
  std::string content;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec) content.reserve(size);  // one allocation, no copy at every doubling
  char piece[1 << 16];
  while (in.read(piece, sizeof piece) || in.gcount() > 0) content.append(piece, in.gcount());
  if (!in.eof() || in.bad()) return Fail(path + ": cannot be read");

  const Layout layout = LayOut(content, path);
  ParsedLines parsed(layout.lines);
  std::vector<Extraction> pending(layout.doc_ids.size());
  size_t line = 0, skipped = 0, documents = 0;
  Progress progress("triples");
  // Documents go to the store as their last line is read.
  auto next = [&](Extraction* out) {
    for (; line < layout.lines.size(); ++line) {
      if (line % 65536 == 0) progress.Update(line);
      Result<TripleWithDoc>& r = parsed.Take(line);
      const uint32_t d = layout.doc_of_line[line];
      if (!r.ok()) {
        if (!r.status().IsNotFound()) {
          std::cerr << "nasij: " << Printable(path) << ":" << line + 1 << ": " << r.status().message() << " (skipped)\n";
          ++skipped;
        }
      } else {
        if (pending[d].triples.empty()) pending[d].triples.reserve(layout.line_count[d]);
        pending[d].triples.push_back(std::move(r.value().triple));
      }
      if (line == layout.last_line[d] && !pending[d].triples.empty()) {
        *out = std::move(pending[d]);
        out->document.id = layout.doc_ids[d];
        // What the store hashes to tell a changed document from the same one.
        out->document.text = std::to_string(layout.content_hash[d]) + ":" + std::to_string(out->triples.size());
        ++documents;
        ++line;
        return true;
      }
    }
    return false;
  };
  size_t changed = 0;
  Status s = store.IngestAll(next, &changed);
  if (!s.ok()) return Fail("storing " + path + ": " + s.message());
  std::cerr << "nasij: loaded " << documents << " documents of triples from " << path << " (" << changed
            << " new or changed)\n";
  return skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
