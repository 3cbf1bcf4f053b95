#include "cli/pipeline.h"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <iostream>
#include <thread>

#include "common/printable.h"

namespace nasij::cli {

namespace {

// A batch is extracted once it holds this many documents or bytes of text:
// a few long documents make a batch of their own, so memory follows the
// longest document, not the batch.
constexpr size_t kBatchDocuments = 64;
constexpr size_t kBatchBytes = 4 << 20;

// Extracts batches on `threads` cores with one set of threads for the whole run,
// so that the extractor's per-thread caches (word analyses, the entity
// tagger's word scores) last from batch to batch.
class BatchExtractor {
 public:
  BatchExtractor(const Extractor& extractor, unsigned threads) : extractor_(extractor) {
    for (unsigned t = 1; t < threads; ++t) {  // and the caller's
      threads_.emplace_back([this] { Serve(); });
    }
  }
  ~BatchExtractor() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    start_.notify_all();
    for (auto& t : threads_) t.join();
  }

  std::vector<Extraction> Run(const std::vector<Document>& docs) {
    std::vector<Extraction> out(docs.size());
    {
      std::lock_guard<std::mutex> lock(mu_);
      docs_ = &docs;
      out_ = &out;
      next_ = 0;
      busy_ = threads_.size();
      ++batch_;
    }
    start_.notify_all();
    Drain();
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [&] { return busy_ == 0; });
    return out;
  }

 private:
  void Drain() {
    for (size_t i; (i = next_++) < docs_->size();) (*out_)[i] = extractor_.Extract((*docs_)[i]);
  }
  void Serve() {
    // Named, so that a profile tells extraction from storing by thread
    // (scripts/bench-ingest): the caller's thread extracts too, as "nasij".
    pthread_setname_np(pthread_self(), "nasij-extract");
    size_t seen = 0;
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      start_.wait(lock, [&] { return stop_ || batch_ != seen; });
      if (stop_) return;
      seen = batch_;
      lock.unlock();
      Drain();
      lock.lock();
      if (--busy_ == 0) done_.notify_all();
    }
  }

  const Extractor& extractor_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable start_, done_;
  const std::vector<Document>* docs_ = nullptr;
  std::vector<Extraction>* out_ = nullptr;
  std::atomic<size_t> next_{0};
  size_t batch_ = 0, busy_ = 0;
  bool stop_ = false;
};

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

PipelineResult RunExtraction(const Extractor& extractor, const std::vector<std::string>& inputs,
                             const PipelineOptions& options, const std::function<bool(Extraction&&)>& sink) {
  std::ios::sync_with_stdio(false);  // standard input is read a byte at a time
  PipelineResult result;
  BatchExtractor extractors(extractor, options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency()));
  std::vector<Document> batch;
  size_t batch_bytes = 0;
  bool stopped = false;
  auto flush = [&] {
    if (batch.empty() || stopped) return;
    for (Extraction& e : extractors.Run(batch)) {
      if (!sink(std::move(e))) {
        stopped = true;
        break;
      }
      ++result.documents;
    }
    batch.clear();
    batch_bytes = 0;
  };
  InputCallbacks callbacks;
  callbacks.document = [&](Document d) {
    batch_bytes += d.text.size();
    batch.push_back(std::move(d));
    if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) flush();
  };
  callbacks.skip = [&](const std::string& message) {
    std::cerr << "nasij: " << Printable(message) << " (skipped)\n";
    ++result.skipped;
  };
  callbacks.note = [](const std::string& message) { std::cerr << "nasij: " << Printable(message) << "\n"; };
  callbacks.max_document_bytes = options.max_document_bytes;
  ReadDocuments(inputs, callbacks);
  flush();
  return result;
}

bool ParsePipelineOptions(const Args& args, PipelineOptions* options, std::string* error) {
  int64_t megabytes = kDefaultMaxDocumentBytes >> 20, threads = 0;
  if (!WholeFlag(args, "max-document-mb", 1, 4096, &megabytes, error) ||
      !WholeFlag(args, "threads", 1, 1024, &threads, error)) {
    return false;
  }
  options->max_document_bytes = static_cast<size_t>(megabytes) << 20;
  options->threads = static_cast<unsigned>(threads);
  return true;
}

Progress::Progress(std::string what) : what_(std::move(what)), active_(isatty(STDERR_FILENO)) {}

Progress::~Progress() {
  if (active_ && last_ > 0) std::cerr << "\n";
}

void Progress::Update(size_t done) {
  if (!active_) return;
  double now = Now();
  if (now - last_ < 0.25) return;
  last_ = now;
  std::cerr << "\r" << what_ << ": " << done << std::flush;
}

}  // namespace nasij::cli
