#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "extract/extract.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij extract [--max-document-mb N] [--threads N] [--partition FILE] [INPUT...]

Prints the entity mentions and triples of each document as JSON lines
(schemas/record.schema.json); stores nothing.

--partition FILE writes the whole extraction of each document (text,
sentences, mentions, triples) to FILE instead, as a partition result that
'nasij ingest --merge' folds into a store: a part of a larger input
extracted on any machine (docs/scale-out.md). FILE appears only once
complete.

An INPUT is a .txt file (one document; its id is the path), a .jsonl file
(one document a line: "id", "text", optional "lang", "title", "url",
"published"), a directory (its .txt and .jsonl files, recursively), or "-"
for standard input; no INPUT reads standard input. Standard input is JSON
lines when its first non-blank character is '{', else one plain-text document.
A text longer than --max-document-mb (default 10) is split at paragraph,
line, sentence or word breaks into documents ID#1, ID#2, …; a longer JSON
line is skipped. Documents are extracted on --threads cores (default: all).

Exit status: 0, or 1 when an input was skipped (a line on stderr says why).
)";

}  // namespace

int Extract(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"max-document-mb"}, {"threads"}, {"partition"}}, &error)) {
    return Usage("extract", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  PipelineOptions pipeline;
  if (!ParsePipelineOptions(args, &pipeline, &error)) return Usage("extract", error);
  auto extractor = Extractor::Create();
  if (!extractor.ok()) return Fail(extractor.status().message());
  PipelineResult r;
  if (args.Has("partition")) {
    auto partition = PartitionWriter::Create(args.Get("partition"));
    if (!partition.ok()) return Fail(partition.status().message());
    Status written;
    r = RunExtraction(**extractor, args.positional(), pipeline, [&](Extraction&& e) {
      written = (*partition)->Add(e);
      return written.ok();
    });
    if (written.ok()) written = (*partition)->Finish();
    if (!written.ok()) return Fail(written.message());
  } else {
    r = RunExtraction(**extractor, args.positional(), pipeline, [](Extraction&& e) {
      for (const Mention& m : e.mentions) std::cout << MentionRecord(e.document.id, m) << '\n';
      for (const Triple& t : e.triples) std::cout << TripleRecord(e.document.id, t) << '\n';
      return static_cast<bool>(std::cout);
    });
    std::cout.flush();
    if (!std::cout) return Fail("cannot write to standard output");
  }
  return r.skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
