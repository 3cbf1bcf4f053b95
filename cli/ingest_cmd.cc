#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/triples_loader.h"
#include "extract/extract.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij ingest [--db PATH] [--max-document-mb N] [INPUT...]
       nasij ingest [--db PATH] --triples FILE.jsonl

Extracts documents and stores their sentences, entities and triples.
Inputs are read as by 'nasij extract'. Each document is stored atomically;
ingesting a document id again with the same text changes nothing, and with
new text replaces what that document said.

--triples FILE loads triples another tool produced, one JSON object a line
in the record contract of 'nasij extract' (only "subject", "relation" and
"object" are required; "doc" groups them into documents, else the file is
one document).

  --db PATH            the store (default: $NASIJ_DB, else ./nasij.db)
  --max-document-mb N  split longer texts, skip longer JSON lines (default 10)
  --triples FILE       load pre-extracted triples instead of extracting text
)";

}  // namespace

int Ingest(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"triples"}, {"max-document-mb"}}, &error)) {
    return Usage("ingest", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (args.Has("triples") && !args.positional().empty()) return Usage("ingest", "--triples takes no other inputs");
  size_t max_document_bytes;
  if (!MaxDocumentBytes(args, &max_document_bytes, &error)) return Usage("ingest", error);
  auto store = Store::Open(DatabasePath(args), Store::Mode::kReadWrite);
  if (!store.ok()) return Fail(store.status().message());
  if (args.Has("triples")) return LoadTriples(**store, args.Get("triples"));

  auto extractor = Extractor::Create();
  if (!extractor.ok()) return Fail(extractor.status().message());
  Progress progress("documents ingested");
  size_t changed_docs = 0, triples = 0;
  Status failure;
  PipelineResult r = RunExtraction(**extractor, args.positional(), max_document_bytes, [&](const Extraction& e) {
    bool changed;
    failure = (*store)->Ingest(e, &changed);
    if (!failure.ok()) {
      failure = failure.Prefixed("storing " + e.document.id);
      return false;
    }
    changed_docs += changed;
    triples += e.triples.size();
    progress.Update(changed_docs);
    return true;
  });
  if (!failure.ok()) return Fail(failure.message());
  if (Status flushed = (*store)->Flush(); !flushed.ok()) return Fail(flushed.message());
  std::cerr << "nasij: ingested " << r.documents << " documents (" << changed_docs << " new or changed, "
            << triples << " triples)\n";
  return r.skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
