#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <iostream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "extract/extract.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij ingest [--db PATH] [INPUT...]
       nasij ingest [--db PATH] --triples FILE.jsonl

Extracts documents and stores their sentences, entities and triples.
Inputs are read as by 'nasij extract'. Each document is stored atomically;
ingesting a document id again with the same text changes nothing, and with
new text replaces what that document said.

--triples FILE loads triples another tool produced, one JSON object a line
in the record contract of 'nasij extract' (only "subject", "relation" and
"object" are required; "doc" groups them into documents, else the file is
one document).

  --db PATH      the store (default: $NASIJ_DB, else ./nasij.db)
  --triples FILE load pre-extracted triples instead of extracting text
)";

// Triples from another tool, grouped into one extraction per "doc" and
// stored as one atomic load. Lines are parsed on every core.
int LoadTriples(Store& store, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Fail(path + " is a directory");
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  if (in) buffer << in.rdbuf();  // an empty file leaves `buffer` failed, and empty
  if (!in || in.bad()) return Fail(path + ": cannot be read");
  const std::string content = std::move(buffer).str();

  std::vector<std::string_view> lines;

  for (size_t at = 0; at < content.size();) {
    size_t end = content.find('\n', at);
    if (end == std::string::npos) end = content.size();
    lines.emplace_back(content.data() + at, end - at);
    at = end + 1;
  }

  // Parsed in chunks, so that each chunk's memory is freed, and reused, as
  // soon as its triples are grouped.
  constexpr size_t kChunk = 1024;
  struct Parsed {
    std::vector<Result<TripleWithDoc>> records;
    std::vector<size_t> hashes;
  };
  std::vector<Parsed> chunks((lines.size() + kChunk - 1) / kChunk);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t c; (c = next.fetch_add(1)) < chunks.size();) {
      for (size_t k = c * kChunk; k < std::min(lines.size(), (c + 1) * kChunk); ++k) {
        chunks[c].hashes.push_back(std::hash<std::string_view>()(lines[k]));
        if (lines[k].find_first_not_of(" \t\r") == std::string::npos) {
          chunks[c].records.push_back(Status::Error("blank"));
          continue;
        }
        Result<TripleWithDoc> r = ParseTripleRecord(lines[k]);
        if (r.ok()) {
          for (Argument* a : {&r.value().triple.subject, &r.value().triple.object}) {
            if (a->entity.empty()) a->entity = NormalizeForMatch(a->text);
            if (a->kind.empty()) a->kind = "CONCEPT";
          }
        }
        chunks[c].records.push_back(std::move(r));
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  std::unordered_map<std::string, size_t> index;  // doc id → position in docs
  std::vector<Extraction> docs;
  std::vector<uint64_t> content_hashes;  // of each document's lines, in order
  size_t skipped = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    Result<TripleWithDoc>& parsed = chunks[i / kChunk].records[i % kChunk];
    if (!parsed.ok()) {
      if (parsed.status().message() != "blank") {
        std::cerr << "nasij: " << path << ":" << i + 1 << ": " << parsed.status().message() << " (skipped)\n";
        ++skipped;
      }
    } else {
      TripleWithDoc& r = parsed.value();
      if (r.doc.empty()) r.doc = path;
      // Lines of one document usually come together: check the last one first.
      size_t at = docs.size() - 1;
      if (docs.empty() || docs[at].document.id != r.doc) {
        auto [it, fresh] = index.emplace(r.doc, docs.size());
        if (fresh) {
          docs.emplace_back();
          docs.back().document.id = r.doc;
          content_hashes.push_back(1469598103934665603ull);
        }
        at = it->second;
      }
      content_hashes[at] = (content_hashes[at] ^ chunks[i / kChunk].hashes[i % kChunk]) * 1099511628211ull;
      docs[at].triples.push_back(std::move(r.triple));
    }
    if ((i + 1) % kChunk == 0 || i + 1 == lines.size()) chunks[i / kChunk] = Parsed();
  }
  // A document's text is what the store hashes to tell a changed document
  // from the same one: here, the digest of its lines.
  for (size_t d = 0; d < docs.size(); ++d) {
    docs[d].document.text = std::to_string(content_hashes[d]) + ":" + std::to_string(docs[d].triples.size());
  }
  size_t changed = 0;
  const size_t document_count = docs.size();
  Status s = store.IngestAll(std::move(docs), &changed);
  if (!s.ok()) return Fail("storing " + path + ": " + s.message());
  std::cerr << "nasij: loaded " << document_count << " documents of triples from " << path << " (" << changed
            << " new or changed)\n";
  return skipped ? kExitError : kExitOk;
}

}  // namespace

int Ingest(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"triples"}}, &error)) return Usage("ingest", error);
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (args.Has("triples") && !args.positional().empty()) return Usage("ingest", "--triples takes no other inputs");
  auto store = Store::Open(DatabasePath(args), Store::Mode::kReadWrite);
  if (!store.ok()) return Fail(store.status().message());
  if (args.Has("triples")) return LoadTriples(**store, args.Get("triples"));

  auto extractor = Extractor::Create();
  if (!extractor.ok()) return Fail(extractor.status().message());
  Progress progress("documents ingested");
  size_t changed_docs = 0, triples = 0;
  Status failure;
  PipelineResult r = RunExtraction(**extractor, args.positional(), [&](const Extraction& e) {
    bool changed;
    failure = (*store)->Ingest(e, &changed);
    if (!failure.ok()) {
      failure = Status::Error("storing " + e.document.id + ": " + failure.message());
      return false;
    }
    changed_docs += changed;
    triples += e.triples.size();
    progress.Update(changed_docs);
    return true;
  });
  if (!failure.ok()) return Fail(failure.message());
  std::cerr << "nasij: ingested " << r.documents << " documents (" << changed_docs << " new or changed, "
            << triples << " triples)\n";
  return r.skipped ? kExitError : kExitOk;
}

}  // namespace nasij::cli
