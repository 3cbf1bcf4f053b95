// The RocksDB-backed Store, shared by the read side (store.cc) and the
// write side (ingest.cc). Internal to storage/.
#ifndef NASIJ_STORAGE_ROCKS_STORE_H_
#define NASIJ_STORAGE_ROCKS_STORE_H_

#include <absl/container/flat_hash_map.h>
#include <absl/container/node_hash_map.h>
#include <array>
#include <optional>
#include <vector>
#include <rocksdb/db.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/codec.h"
#include "storage/rocks_status.h"
#include "storage/short_forms.h"
#include "storage/store.h"

namespace nasij {

// Column families; docs/storage.md describes each.
enum Family {
  kMeta, kTermToId, kIdToTerm, kSpo, kPos, kOsp, kTriples, kExtractions, kEntities, kAliases, kDocuments, kSentences,
  kFamilyCount
};
extern const char* const kFamilyNames[kFamilyCount];

// How a family's tables are written and read, whoever writes them: RocksDB,
// or a load's own table files (WriteLog::ApplyAsFiles).
rocksdb::ColumnFamilyOptions FamilyOptions(Family family);

// A Bloom filter of fixed size (4 MB, taken at the first key, so that a
// reader never pays for it) over byte strings: "surely absent" or "maybe
// present". Past a few million keys it says "maybe" more often, which costs
// reads, never answers. A key's bits lie in one 64-byte block, so that
// each key is hashed once and a lookup reads one cache line.
class KeyFilter {
 public:
  void Add(std::string_view key);
  bool MayContain(std::string_view key) const;

 private:
  static constexpr uint64_t kBits = uint64_t(1) << 25;
  static constexpr int kProbes = 4;
  static constexpr uint64_t kBlockBits = 512;
  // The bits of `key`'s probes.
  static std::array<uint64_t, kProbes> Probes(std::string_view key);
  std::vector<uint64_t> bits_;
};

class RocksStore : public Store {
 public:
  // `lock_fd` holds the writer's lock on the store (-1 for a reader) and is
  // closed after the database.
  RocksStore(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles, std::string path, bool read_only,
             int lock_fd);
  ~RocksStore() override;

  Status Init();

  Status Ingest(const Extraction& ex, bool* changed) override;
  Status IngestAll(const DocumentSource& next, size_t* changed) override;
  void SetTableCompression(TableCompression compression) override { table_compression_ = compression; }
  Status Flush() override;
  Status Close() override;
  Status Compact() override;
  Result<StoreStats> Stats() override;
  Status Query(const Pattern& pattern, const std::function<bool(const ExtractionRow&)>& visit) override;
  Result<DocumentMeta> DocumentOf(const std::string& doc_id) override;
  Status ForEachTriple(const std::function<bool(const TripleRow&)>& visit) override;
  Status ForEachEntity(const std::function<bool(const EntityRow&)>& visit) override;
  Status TriplesOf(const std::string& entity_key, const std::function<bool(const TripleRow&)>& visit) override;
  Result<uint32_t> EntityId(const std::string& entity_key) override;
  Status EdgesOf(uint32_t entity_id, const std::function<bool(const Edge&)>& visit) override;
  Result<std::vector<TripleRow>> TripleRows(const std::vector<Edge>& edges) override;
  Status ExtractionsOf(const Edge& edge, const std::function<bool(const ExtractionRow&)>& visit) override;
  Result<std::vector<std::string>> ResolveEntity(const std::string& name) override;
  Result<std::vector<uint32_t>> UnresolvedIds() override;

  // For the write side. Each read returns NotFound when the key is absent,
  // and Corruption, naming the store, when its value cannot be decoded.
  Status Get(Family f, const std::string& key, std::string* value);
  // The count kept under "count/NAME"; 0 when absent.
  Result<int64_t> Counter(const std::string& name);
  // The last id handed out under "count/NAME"; 0 when none was. An absent
  // counter while `issued` (the family holding what it numbers) has keys is
  // damage: reading it as 0 would hand the same ids out again.
  Result<uint32_t> IdCounter(const std::string& name, Family issued);
  Status IdOf(std::string_view term, uint32_t* id);
  // What this writer has committed, so that a writer storing in groups
  // reads the store only for what may be there:
  // - the terms and ids its writes used, so that it looks each name up once,
  //   not once a group (terms are never deleted and this is the only
  //   writer, so what is kept stays true; forgotten all at once when full);
  // - when the store held nothing before this writer's first write, which
  //   triple keys and document ids it wrote since: one that is surely not
  //   among them is not in the store;
  // - the rows of the entities its writes left, up to a bound, so that a
  //   later group takes an entity's row from here rather than reading and
  //   decoding it. A batch takes the rows it changes out (TakeCommittedEntity)
  //   and its commit gives them back, so that what is kept is what is stored.
  const uint32_t* CommittedTermId(std::string_view term) const;
  // Moves the kept row of entity `id` to `*e`; false when none is kept.
  bool TakeCommittedEntity(uint32_t id, EntityRow* e);
  // After a commit: the row it left for entity `id`; a row of an entity it
  // removed (`stored` false) is dropped.
  void RememberEntity(uint32_t id, EntityRow&& e, bool stored);
  // Called with `store_was_empty` before this writer's first commit.
  void NoteStoreBeforeWriting(bool store_was_empty);
  bool SurelyNotStored(std::string_view key) const;
  // After a commit: the terms it used (moved out of `terms`), and the triple
  // keys and document ids it wrote.
  void RememberCommitted(absl::flat_hash_map<std::string, uint32_t>&& terms,
                         const std::vector<std::string>& keys);
  Status LoadEntity(uint32_t id, EntityRow* e);
  // Short forms (short_forms.h). The persons the store holds with this
  // `word` as given name or surname (`part`), from its index.
  Status PersonsNamed(char part, const std::string& word, std::vector<uint32_t>* persons);
  // Variant spellings (variant_joins.h): the names the store holds under
  // each of these join keys (sorted), from its index, with one iterator.
  Status NamesJoinedBy(const std::vector<std::string>& join_keys, std::vector<std::vector<uint32_t>>* ids);
  // Reads the joins at the first call, so that opening the store reads
  // nothing but its format, and damage is reported by the read it hurts.
  Status Joins();
  // The joins read, after Joins(): of short forms, and of variant spellings.
  const short_forms::Joins& JoinsNow() const { return short_form_joins_; }
  const short_forms::Joins& VariantJoinsNow() const { return variant_joins_; }
  // Reads them again, after a write that may have changed them.
  Status LoadJoins();
  TableCompression table_compression() const { return table_compression_; }
  // Corruption naming the store: `what` is damaged.
  Status Damaged(const std::string& what) const;
  rocksdb::DB* db() { return db_; }
  const std::vector<rocksdb::ColumnFamilyHandle*>& families() { return cf_; }
  const std::string& path() { return path_; }

 private:
  Status TermOf(uint32_t id, std::string* term);
  Result<std::vector<uint32_t>> ResolveIds(const std::string& name, char type);
  // `entities` keeps the entities read, for the rows after.
  Status RowFromExtraction(std::string_view key, std::string_view value,
                           std::unordered_map<uint32_t, EntityRow>* entities, ExtractionRow* row);
  // An entity that a triple or an extraction names: absent, it is damage.
  Status ReferencedEntity(uint32_t id, EntityRow* e);
  // The same, read once per walk: `seen` keeps what was read.
  Status ReferencedEntity(uint32_t id, std::unordered_map<uint32_t, EntityRow>* seen, EntityRow* e);
  Status DecodedTriple(std::string_view value, codec::TripleRecord* record) const;
  // Every read sees a joined entity (a short form, a spelling) as the one
  // it is joined to: an id as a read shows it, the ids stored under the
  // entity that `id` shows, and the entity's row with the aliases and
  // counts of those joined to it folded in.
  uint32_t Shown(uint32_t id) const;
  std::vector<uint32_t> StoredAs(uint32_t shown) const;
  Status FoldJoined(uint32_t shown, EntityRow* e);
  // The record of a triple as reads show it: those of its stored triples
  // folded into one. NotFound when none is stored.
  Status ShownTriple(const Edge& shown, TripleRow* row);
  // EdgesOf while some entity is joined.
  Status ShownEdgesOf(uint32_t id, const std::function<bool(const Edge&)>& visit);
  // RocksDB's answer to a read; an error names the store.
  Status Read(const rocksdb::Status& s) const;

  // Scans `family` for keys starting with `prefix`.
  template <typename Visit>
  Status Scan(Family family, const std::string& prefix, Visit visit);

  rocksdb::DB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cf_;
  std::string path_;
  bool read_only_;
  int lock_fd_;
  TableCompression table_compression_ = TableCompression::kSmallest;
  absl::flat_hash_map<std::string, uint32_t> committed_terms_;
  // Node-based: a flat table's slots hold whole rows, and each doubling of it
  // touched tens of megabytes of fresh pages (an ingest of 3,000 articles:
  // 14,600 of its page faults).
  absl::node_hash_map<uint32_t, EntityRow> committed_entities_;
  std::optional<bool> empty_before_writing_;
  KeyFilter committed_keys_;
  std::once_flag joins_read_;
  Status joins_status_;
  // As stored: short form id → person id; spelling id → the spelling shown.
  short_forms::Joins short_form_joins_, variant_joins_;
  // Both composed: an id → the id reads show it as, and that id → the ids
  // shown as it (sorted).
  absl::flat_hash_map<uint32_t, uint32_t> joined_to_;
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> joined_from_;
};

}  // namespace nasij

#endif  // NASIJ_STORAGE_ROCKS_STORE_H_
