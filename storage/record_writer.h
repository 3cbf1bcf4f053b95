// The writes of an ingest that need no term ids — each document's record,
// sentences and extraction records — encoded on another core while the next
// document is staged. Internal to storage/.
#ifndef NASIJ_STORAGE_RECORD_WRITER_H_
#define NASIJ_STORAGE_RECORD_WRITER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "extract/extract.h"
#include "storage/codec.h"
#include "storage/write_log.h"

namespace nasij {

// What one staged document changes in the `documents`, `sentences` and
// `extractions` families.
struct DocumentWrites {
  // The version replaced: the s·r·o (12 bytes) of each extraction, and its
  // sentence count.
  std::string removed_triples;
  int removed_sentences = 0;
  // The new version, and its record but for the metadata, which the writer
  // takes from `added.document`.
  Extraction added;
  codec::DocumentRecord record;
};

class RecordWriter {
 public:
  RecordWriter();
  ~RecordWriter();

  // Queued in order; waits while too many are queued.
  void Add(DocumentWrites writes);
  // Waits for all writes and moves them to `log`, which has none to the
  // `documents`, `sentences` and `extractions` families.
  void Finish(WriteLog* log);

 private:
  void Run();
  void Write(DocumentWrites& w);

  WriteLog log_;
  std::deque<DocumentWrites> queue_;
  bool done_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread thread_;
};

}  // namespace nasij

#endif  // NASIJ_STORAGE_RECORD_WRITER_H_
