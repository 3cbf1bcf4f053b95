// Reads documents and extracts them on every core, handing results back in
// input order. Shared by `extract` and `ingest`.
#ifndef NASIJ_CLI_PIPELINE_H_
#define NASIJ_CLI_PIPELINE_H_

#include <functional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "extract/extract.h"

namespace nasij::cli {

struct PipelineResult {
  size_t documents = 0;
  size_t skipped = 0;
};

// How documents are read and extracted: --max-document-mb (default 10) and
// --threads (default: every core).
struct PipelineOptions {
  size_t max_document_bytes = kDefaultMaxDocumentBytes;
  unsigned threads = 0;  // 0: one per core
};
// False with `error` set when a flag is malformed.
bool ParsePipelineOptions(const Args& args, PipelineOptions* options, std::string* error);

// Hands each extraction to `sink`, in input order, to keep or drop; stops
// early when it returns false. A text longer than the options allow is
// split (ReadDocuments); skipped inputs and split texts are reported on
// stderr.
PipelineResult RunExtraction(const Extractor& extractor, const std::vector<std::string>& inputs,
                             const PipelineOptions& options, const std::function<bool(Extraction&&)>& sink);

// A progress line on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::string what);
  ~Progress();
  void Update(size_t done);

 private:
  std::string what_;
  bool active_;
  double last_ = 0;
};

}  // namespace nasij::cli

#endif  // NASIJ_CLI_PIPELINE_H_
