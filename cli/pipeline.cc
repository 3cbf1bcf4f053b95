#include "cli/pipeline.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "common/printable.h"

namespace nasij::cli {

namespace {

constexpr size_t kBatch = 64;

// Extracts a batch on all cores.
std::vector<Extraction> ExtractBatch(const Extractor& extractor, const std::vector<Document>& docs) {
  std::vector<Extraction> out(docs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < docs.size();) out[i] = extractor.Extract(docs[i]);
  };
  const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), docs.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return out;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

PipelineResult RunExtraction(const Extractor& extractor, const std::vector<std::string>& inputs,
                             const std::function<bool(const Extraction&)>& sink) {
  PipelineResult result;
  std::vector<Document> batch;
  bool stopped = false;
  auto flush = [&] {
    if (batch.empty() || stopped) return;
    for (const Extraction& e : ExtractBatch(extractor, batch)) {
      if (!sink(e)) {
        stopped = true;
        break;
      }
      ++result.documents;
    }
    batch.clear();
  };
  InputCallbacks callbacks;
  callbacks.document = [&](Document d) {
    batch.push_back(std::move(d));
    if (batch.size() >= kBatch) flush();
  };
  callbacks.skip = [&](const std::string& message) {
    std::cerr << "nasij: " << Printable(message) << " (skipped)\n";
    ++result.skipped;
  };
  ReadDocuments(inputs, callbacks);
  flush();
  return result;
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
