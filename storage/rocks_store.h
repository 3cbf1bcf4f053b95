// The RocksDB-backed Store, shared by the read side (store.cc) and the
// write side (ingest.cc). Internal to storage/.
#ifndef NASIJ_STORAGE_ROCKS_STORE_H_
#define NASIJ_STORAGE_ROCKS_STORE_H_

#include <rocksdb/db.h>

#include <cstdint>
#include <string>
#include <vector>

#include "storage/codec.h"
#include "storage/store.h"

namespace nasij {

// Column families; docs/storage.md describes each.
enum Family {
  kMeta, kTermToId, kIdToTerm, kSpo, kPos, kOsp, kTriples, kExtractions, kEntities, kAliases, kDocuments, kSentences,
  kFamilyCount
};
extern const char* const kFamilyNames[kFamilyCount];

class RocksStore : public Store {
 public:
  RocksStore(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles, rocksdb::ColumnFamilyOptions options,
             std::string path, bool read_only);
  ~RocksStore() override;

  Status Init();

  Status Ingest(const Extraction& ex, bool* changed) override;
  Status IngestAll(const DocumentSource& next, size_t* changed) override;
  Result<StoreStats> Stats() override;
  Status Query(const Pattern& pattern, const std::function<bool(const ExtractionRow&)>& visit) override;
  Status ForEachTriple(const std::function<bool(const TripleRow&)>& visit) override;
  Status ForEachEntity(const std::function<bool(const EntityRow&)>& visit) override;
  Status TriplesOf(const std::string& entity_key, const std::function<bool(const TripleRow&)>& visit) override;
  uint32_t EntityId(const std::string& entity_key) override;
  Status EdgesOf(uint32_t entity_id, const std::function<bool(const Edge&)>& visit) override;
  Result<TripleRow> TripleOf(const Edge& edge) override;
  Result<std::vector<std::string>> ResolveEntity(const std::string& name) override;

  // For the write side.
  static Status Check(const rocksdb::Status& s) { return s.ok() ? Status::OK() : Status::Error(s.ToString()); }
  bool Get(Family f, const std::string& key, std::string* value);
  int64_t Counter(const std::string& name);
  bool IdOf(std::string_view term, uint32_t* id);
  EntityRow LoadEntity(uint32_t id);
  rocksdb::DB* db() { return db_; }
  const std::vector<rocksdb::ColumnFamilyHandle*>& families() { return cf_; }
  const rocksdb::ColumnFamilyOptions& family_options() { return family_options_; }
  const std::string& path() { return path_; }

 private:
  std::string TermOf(uint32_t id);
  std::vector<uint32_t> ResolveIds(const std::string& name, char type);
  void RowFromExtraction(std::string_view key, std::string_view value, ExtractionRow* row);

  // Scans `family` for keys starting with `prefix`.
  template <typename Visit>
  Status Scan(Family family, const std::string& prefix, Visit visit);

  rocksdb::DB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cf_;
  rocksdb::ColumnFamilyOptions family_options_;
  std::string path_;
  bool read_only_;
};

}  // namespace nasij

#endif  // NASIJ_STORAGE_ROCKS_STORE_H_
