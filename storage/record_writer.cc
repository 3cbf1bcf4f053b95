#include "storage/record_writer.h"

#include "storage/codec.h"
#include "storage/rocks_store.h"

namespace nasij {

namespace {

constexpr size_t kMaxQueued = 64;  // documents; with as many being written, bounds the memory held
// The writing thread is woken when this many documents wait (or at the end):
// woken for the first, it wrote one short document and slept again, a
// context switch for each of a bulk load's 100,000 documents.
constexpr size_t kWakeAt = kMaxQueued / 2;

}  // namespace

RecordWriter::RecordWriter() : log_(kFamilyCount), thread_([this] { Run(); }) {}

RecordWriter::~RecordWriter() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RecordWriter::Add(DocumentWrites writes) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < kMaxQueued; });
  queue_.push_back(std::move(writes));
  if (queue_.size() == kWakeAt) changed_.notify_all();
}

void RecordWriter::Finish(WriteLog* log) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  changed_.notify_all();
  thread_.join();
  log->TakeFamily(kDocuments, &log_);
  log->TakeFamily(kSentences, &log_);
  log->TakeFamily(kExtractions, &log_);
}

void RecordWriter::Run() {
  for (std::deque<DocumentWrites> taken;; taken.clear()) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return done_ || !queue_.empty(); });
      if (queue_.empty()) return;
      taken.swap(queue_);  // all that is queued, in one wake-up
    }
    changed_.notify_all();
    for (DocumentWrites& w : taken) Write(w);
  }
}

void RecordWriter::Write(DocumentWrites& w) {
  const Document& d = w.added.document;
  w.record.meta = {{"id", d.id},           {"lang", d.lang},     {"title", d.title},  {"url", d.url},
                   {"published", d.published}, {"source", d.source}, {"author", d.author}};
  log_.Put(kDocuments, d.id, codec::EncodeDocument(w.record));

  // Key of an extraction: s · r · o · document number · sequence.
  const uint32_t number = w.record.number;
  char key[20];
  codec::PutId(number, key + 12);
  for (size_t i = 0; i < w.removed_triples.size() / 12; ++i) {
    w.removed_triples.copy(key, 12, 12 * i);
    codec::PutId(i, key + 16);
    log_.Delete(kExtractions, std::string_view(key, sizeof key));
  }
  for (int i = 0; i < w.removed_sentences; ++i) log_.Delete(kSentences, codec::SentenceKey(number, i));

  for (size_t i = 0; i < w.added.sentences.size(); ++i) {
    log_.Put(kSentences, codec::SentenceKey(number, i), w.added.sentences[i].text);
  }
  std::string value;
  for (size_t i = 0; i < w.added.triples.size(); ++i) {
    w.record.extraction_triples.copy(key, 12, 12 * i);
    codec::PutId(i, key + 16);
    value.clear();
    codec::EncodeExtraction(w.added.triples[i], &value);
    log_.Put(kExtractions, std::string_view(key, sizeof key), value);
  }
}

}  // namespace nasij
