// The RocksDB store: documents, sentences, entities, triples and the
// extractions (provenance) that support them. Layout: docs/storage.md.
#ifndef NASIJ_STORAGE_STORE_H_
#define NASIJ_STORAGE_STORE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/extract.h"

namespace nasij {

struct EntityRow {
  std::string key, kind;
  // The gazetteer's label, else the best of the texts it was named by (a
  // name before a phrase that runs past one, the longer name, the least in
  // byte order), so that it does not depend on the order documents arrive in.
  std::string label, label_en;
  std::vector<std::string> aliases;
  int64_t mentions = 0, triples = 0;
  // Its mentions by the kind the tagger gave each (ORG 11, MISC 16, PER 9):
  // its kind is the one given most, so that a few slips do not make a
  // militia a person.
  std::map<std::string, int64_t> mention_kinds;
  // A pronoun that stands for no entity found (Argument::unresolved): its
  // own node, apart from any concept spelled alike.
  bool unresolved = false;
};

// One extraction with its provenance.
struct ExtractionRow {
  std::string doc;
  std::string sentence_text;
  Triple triple;  // slots carry text as written, entity key, kind, label_en
};

// A triple as term ids, for walking the graph without reading records.
struct Edge {
  uint32_t subject, relation, object;
};

// A distinct subject–relation–object edge with what supports it.
struct TripleRow {
  Edge ids{};  // as a walk meets it (Store::EdgesOf)
  EntityRow subject, object;
  Relation relation;
  int64_t sources = 0;  // extractions that support it
  double confidence = 0;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::string first_doc;
  int first_sentence = 0;
  // A time its extractions give, if any: the least in byte order, so that
  // it does not depend on the order documents arrive in.
  std::string time;
};

struct Pattern {
  std::string subject, relation, object;  // alias, key, or relation lemma/gloss
  std::string entity;                     // either side
  std::string doc;
  std::string lang;  // "ar" or "en", or empty for both
  double min_confidence = 0;
  bool include_negated = true;
  bool include_unresolved = false;  // triples with an unresolved pronoun (EntityRow::unresolved)
};

// What a document was stored with, apart from its text: empty where the
// input gave nothing.
struct DocumentMeta {
  std::string id, lang, title, url, published;
  std::string source, author;  // given, or found in a byline
};

struct StoreStats {
  int64_t documents = 0, sentences = 0, triples = 0, extractions = 0, entities = 0;
  uint64_t bytes_on_disk = 0;
};

// Every read shows a surname said alone that the store joined to the one
// person of that surname (docs/storage.md, "Short forms") as that person:
// its key, triples, edges and names are the person's.
//
// Every call that can fail returns a Status: Busy when another process
// writes the store, IOError when RocksDB cannot read it, Corruption (naming
// the store) when a record, index or counter is damaged; a damaged record is
// never served as an absent one.
class Store {
 public:
  enum class Mode { kReadWrite, kReadOnly };
  // Opens or (read-write only) creates the store at `path`. Refuses a
  // directory that is not a nasij store, and one of another format version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, Mode mode);
  virtual ~Store() = default;

  // Stores a document's extraction atomically. The same id with the same
  // text changes nothing; new text replaces what the document said before.
  // `*changed` tells which happened. An argument or mention without an
  // entity key (a name that normalizes to nothing) is refused
  // (InvalidArgument). A record or counter of the store that cannot be read
  // stops the write (Corruption, IOError).
  virtual Status Ingest(const Extraction& extraction, bool* changed) = 0;
  // Stores many documents as one atomic unit, taking them from `next` one at
  // a time (it returns false when there are no more, an error to abandon the
  // whole unit), so that they can be made while earlier ones are staged. A
  // large load of new documents is written as sorted files rather than key
  // by key. `*changed` counts the documents that were new or changed.
  using DocumentSource = std::function<Result<bool>(Extraction* next)>;
  virtual Status IngestAll(const DocumentSource& next, size_t* changed) = 0;
  // How the table files of a large IngestAll are compressed from now on:
  // kSmallest (Zstandard, the default) where bytes on disk count most, as
  // for a bulk load; kFastest (LZ4) where the writes compete with other
  // work for the cores, as text ingest's with extraction (Zstandard's cost
  // for each 4 KB block was 40% of its storing CPU; the store is a third
  // larger). Reads take either. A later compaction of a family writes its
  // own compression, Zstandard. kSmallestOnceCompacted is for a load in
  // several IngestAll calls that ends with Compact(): the families Compact
  // rewrites are written with LZ4 until then, since it compresses them
  // again, and the others with Zstandard.
  enum class TableCompression { kSmallest, kFastest, kSmallestOnceCompacted };
  virtual void SetTableCompression(TableCompression compression) = 0;
  // Moves what the write-ahead log holds into table files, so that a reader
  // opening the store next need not replay the log. A writer calls it when
  // a run of writes ends; IngestAll does so itself.
  virtual Status Flush() = 0;
  // Closes the database and releases the store's lock; nothing but the
  // destructor may be called after it. A writer's close can fail (a file it
  // cannot sync), which a destructor could not report.
  virtual Status Close() = 0;
  // Rewrites the tables into sorted levels that do not overlap. Writes in
  // groups leave a table file of each group overlapping the others, and
  // every lookup then searches each of them.
  virtual Status Compact() = 0;

  virtual Result<StoreStats> Stats() = 0;
  // Calls `visit` for each extraction matching `pattern` until it returns false.
  virtual Status Query(const Pattern& pattern, const std::function<bool(const ExtractionRow&)>& visit) = 0;
  // The metadata of the document with this id; NotFound when there is none.
  virtual Result<DocumentMeta> DocumentOf(const std::string& doc_id) = 0;
  // Every distinct triple.
  virtual Status ForEachTriple(const std::function<bool(const TripleRow&)>& visit) = 0;
  virtual Status ForEachEntity(const std::function<bool(const EntityRow&)>& visit) = 0;
  // The distinct triples with this entity key on either side.
  virtual Status TriplesOf(const std::string& entity_key, const std::function<bool(const TripleRow&)>& visit) = 0;

  // For walking the graph by ids. The id of the entity with this canonical
  // key, or 0 when there is none.
  virtual Result<uint32_t> EntityId(const std::string& entity_key) = 0;
  // The distinct triples touching an entity, as ids: a scan of two indexes,
  // no record read.
  virtual Status EdgesOf(uint32_t entity_id, const std::function<bool(const Edge&)>& visit) = 0;
  // The records of these edges, in their order, with both entities: each
  // entity read once, however many of the edges it is on.
  virtual Result<std::vector<TripleRow>> TripleRows(const std::vector<Edge>& edges) = 0;
  // The extractions of one edge, in the order Query gives them for its
  // subject, relation and object, found by its ids rather than its names.
  virtual Status ExtractionsOf(const Edge& edge, const std::function<bool(const ExtractionRow&)>& visit) = 0;

  // Canonical keys of the entities with this alias or key (any script,
  // with or without diacritics).
  virtual Result<std::vector<std::string>> ResolveEntity(const std::string& name) = 0;
  // The ids of the entities that are unresolved pronouns (EntityRow::
  // unresolved), for walks by id that step around them: a few dozen words.
  virtual Result<std::vector<uint32_t>> UnresolvedIds() = 0;
};

// Whether the store takes this extraction: InvalidArgument when an
// argument or mention has no entity key (a name that normalizes to nothing).
// Ingest and IngestAll check each document so; a caller storing documents
// in groups checks first, so that it can store those before a bad one.
Status CheckStorable(const Extraction& extraction);

// A partition result (docs/scale-out.md): the extractions of one part of a
// larger input, made by a worker anywhere and folded into a store later by
// IngestAll, in order. Entities are named by their keys, never by ids, so
// results made apart agree; ids and counts are made by the one store that
// takes them. The file is a RocksDB table file, checksummed and compressed.
constexpr char kPartitionExtension[] = ".nasijpart";
class PartitionWriter {
 public:
  // Nothing is at `path` until Finish succeeds; a failed or abandoned
  // writer leaves nothing behind.
  static Result<std::unique_ptr<PartitionWriter>> Create(const std::string& path);
  virtual ~PartitionWriter() = default;
  virtual Status Add(const Extraction& extraction) = 0;
  // Writes the file whole and durably, then moves it to `path`.
  virtual Status Finish() = 0;
};

// Reads a partition result's extractions in the order they were added. A
// file that is not a partition result, or is damaged, is Corruption.
class PartitionReader {
 public:
  static Result<std::unique_ptr<PartitionReader>> Open(const std::string& path);
  virtual ~PartitionReader() = default;
  // The next extraction into `*next`, or false after the last.
  virtual Result<bool> Next(Extraction* next) = 0;
};

// One long-lived read-only view of a store, for a process that answers
// many reads (nasij serve): opened once, and opened again when a writer has
// changed the store's files since, looked at no more than once per
// `recheck`. Each view is whole and consistent (whole documents only), and
// stays valid for as long as a reader holds it after a newer one replaces it.
class StoreReader {
 public:
  static Result<std::unique_ptr<StoreReader>> Open(const std::string& path, std::chrono::milliseconds recheck);

  // The latest view. An error (the store damaged or gone since) is returned
  // to this caller; the next call tries again.
  Result<std::shared_ptr<Store>> Current();

 private:
  StoreReader(std::string path, std::chrono::milliseconds recheck) : path_(std::move(path)), recheck_(recheck) {}

  const std::string path_;
  const std::chrono::milliseconds recheck_;
  std::mutex mu_;
  std::shared_ptr<Store> current_;       // guarded by mu_
  std::string files_seen_;               // the files current_ was opened on
  std::chrono::steady_clock::time_point last_check_;
  bool reopening_ = false;               // one reopen at a time; others keep current_
};

}  // namespace nasij

#endif  // NASIJ_STORAGE_STORE_H_
