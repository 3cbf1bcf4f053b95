#include "storage/store.h"

#include <absl/container/flat_hash_map.h>
#include <rocksdb/db.h>
#include <rocksdb/table.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "storage/rocks_store.h"

namespace nasij {

const char* const kFamilyNames[kFamilyCount] = {"default", "term_to_id", "id_to_term", "spo",      "pos",       "osp",
                                                "triples", "extractions", "entities",  "aliases", "documents", "sentences"};

namespace {

namespace fs = std::filesystem;

constexpr int kFormatVersion = 2;

void FillRow(const codec::TripleRecord& t, TripleRow* row) {
  row->relation = t.relation;
  row->sources = t.sources;
  row->confidence = t.confidence;
  row->negated = t.negated;
  row->modality = t.modality;
  row->first_doc = t.first_doc;
  row->first_sentence = t.first_sentence;
}

TripleRow RowOf(const codec::TripleRecord& t) {
  TripleRow row;
  FillRow(t, &row);
  return row;
}

}  // namespace

RocksStore::RocksStore(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles,
                       rocksdb::ColumnFamilyOptions options, std::string path, bool read_only)
    : db_(db), cf_(std::move(handles)), family_options_(options), path_(std::move(path)), read_only_(read_only) {}

RocksStore::~RocksStore() {
  for (auto* h : cf_) db_->DestroyColumnFamilyHandle(h);
  delete db_;
}

Status RocksStore::Init() {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf_[kMeta], "format", &value);
  if (s.IsNotFound()) {
    // The column families are nasij's own (a foreign database fails to open
    // with them), so this store was killed right after it was created:
    // it is empty.
    if (read_only_) return Status::OK();
    return Check(db_->Put(rocksdb::WriteOptions(), cf_[kMeta], "format", std::to_string(kFormatVersion)));
  }
  if (!s.ok()) return Status::Error(s.ToString());
  if (value != std::to_string(kFormatVersion)) {
    return Status::Error(path_ + " has store format " + value + "; this nasij reads format " +
                         std::to_string(kFormatVersion));
  }
  return Status::OK();
}

bool RocksStore::Get(Family f, const std::string& key, std::string* value) {
  return db_->Get(rocksdb::ReadOptions(), cf_[f], key, value).ok();
}

int64_t RocksStore::Counter(const std::string& name) {
  std::string v;
  return Get(kMeta, "count/" + name, &v) ? std::stoll(v) : 0;
}

std::string RocksStore::TermOf(uint32_t id) {
  std::string v;
  Get(kIdToTerm, codec::Id(id), &v);
  return v;
}

bool RocksStore::IdOf(std::string_view term, uint32_t* id) {
  rocksdb::PinnableSlice v;
  if (!db_->Get(rocksdb::ReadOptions(), cf_[kTermToId], rocksdb::Slice(term.data(), term.size()), &v).ok()) {
    return false;
  }
  *id = codec::ReadId(v.ToStringView(), 0);
  return true;
}

EntityRow RocksStore::LoadEntity(uint32_t id) {
  rocksdb::PinnableSlice v;
  EntityRow e;
  if (db_->Get(rocksdb::ReadOptions(), cf_[kEntities], codec::Id(id), &v).ok()) {
    codec::DecodeEntity(v.ToStringView(), &e);
  }
  return e;
}

template <typename Visit>
Status RocksStore::Scan(Family family, const std::string& prefix, Visit visit) {
  rocksdb::ReadOptions options;
  // A whole-family scan reads each block once: keeping them would only push
  // out the blocks that point lookups reuse.
  options.fill_cache = !prefix.empty();
  std::string upper = prefix;
  // The first key after every key with this prefix; none for an empty or all-0xff prefix.
  while (!upper.empty() && uint8_t(upper.back()) == 0xff) upper.pop_back();
  rocksdb::Slice upper_slice;
  if (!upper.empty()) {
    upper.back() = char(uint8_t(upper.back()) + 1);
    upper_slice = upper;
    options.iterate_upper_bound = &upper_slice;
  }
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, cf_[family]));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    if (!visit(it->key().ToStringView(), it->value().ToStringView())) break;
  }
  return Check(it->status());
}

Result<StoreStats> RocksStore::Stats() {
  StoreStats st;
  st.documents = Counter("documents");
  st.sentences = Counter("sentences");
  st.triples = Counter("triples");
  st.extractions = Counter("extractions");
  st.entities = Counter("entities");
  std::error_code ec;
  for (const auto& f : fs::recursive_directory_iterator(path_, ec)) {
    if (f.is_regular_file(ec)) st.bytes_on_disk += f.file_size(ec);
  }
  return st;
}

std::vector<uint32_t> RocksStore::ResolveIds(const std::string& name, char type) {
  std::vector<uint32_t> ids;
  uint32_t id;
  if (IdOf(std::string(1, type) + name, &id)) ids.push_back(id);
  const std::string normalized = NormalizeForMatch(name);
  const std::string prefix = codec::AliasKey(type, normalized, 0).substr(0, 2 + normalized.size());
  Scan(kAliases, prefix, [&](std::string_view key, std::string_view) {
    if (key.size() == prefix.size() + 4) {
      id = codec::ReadId(key, prefix.size());
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return true;
  });
  return ids;
}

Result<std::vector<std::string>> RocksStore::ResolveEntity(const std::string& name) {
  std::vector<std::string> keys;
  for (uint32_t id : ResolveIds(name, 'e')) keys.push_back(TermOf(id).substr(1));
  return keys;
}

void RocksStore::RowFromExtraction(std::string_view key, std::string_view value, ExtractionRow* row) {
  codec::DecodeExtraction(value, &row->triple);
  const uint32_t doc_number = codec::ReadId(key, 12);
  Get(kMeta, "docnum/" + codec::Id(doc_number), &row->doc);
  Get(kSentences, codec::SentenceKey(doc_number, row->triple.sentence), &row->sentence_text);
  for (auto [slot, offset] : {std::pair{&row->triple.subject, 0}, {&row->triple.object, 8}}) {
    EntityRow e = LoadEntity(codec::ReadId(key, offset));
    slot->entity = e.key;
    slot->kind = e.kind;
    slot->label_en = e.label_en;
  }
}

Status RocksStore::Query(const Pattern& p, const std::function<bool(const ExtractionRow&)>& visit) {
  // Each bound slot becomes a set of ids; the most selective index order
  // for the bound slots is scanned by prefix.
  std::vector<uint32_t> subjects, relations, objects, either;
  auto bind = [&](const std::string& name, char type, std::vector<uint32_t>* ids) {
    if (name.empty()) return true;
    *ids = ResolveIds(name, type);
    return !ids->empty();
  };
  if (!bind(p.subject, 'e', &subjects) || !bind(p.relation, 'r', &relations) || !bind(p.object, 'e', &objects) ||
      !bind(p.entity, 'e', &either)) {
    return Status::OK();  // a name nothing has: no results
  }
  std::vector<std::pair<Family, std::string>> scans;
  auto one = [](const std::vector<uint32_t>& v) { return v.empty() ? std::vector<uint32_t>{0} : v; };
  if (!either.empty()) {
    for (uint32_t e : either) {
      scans.push_back({kSpo, codec::Id(e)});
      scans.push_back({kOsp, codec::Id(e)});
    }
  } else if (!subjects.empty()) {
    for (uint32_t s : subjects) {
      for (uint32_t r : one(relations)) scans.push_back({kSpo, codec::Id(s) + (r ? codec::Id(r) : "")});
    }
  } else if (!relations.empty()) {
    for (uint32_t r : relations) {
      for (uint32_t o : one(objects)) scans.push_back({kPos, codec::Id(r) + (o ? codec::Id(o) : "")});
    }
  } else if (!objects.empty()) {
    for (uint32_t o : objects) scans.push_back({kOsp, codec::Id(o)});
  } else {
    scans.push_back({kSpo, ""});
  }
  auto contains = [](const std::vector<uint32_t>& v, uint32_t id) {
    return v.empty() || std::find(v.begin(), v.end(), id) != v.end();
  };
  std::set<std::string> seen;
  bool more = true;
  Status inner;
  for (const auto& scan : scans) {
    const Family family = scan.first;
    Status status = Scan(family, scan.second, [&](std::string_view k, std::string_view) {

      const uint32_t a = codec::ReadId(k, 0), b = codec::ReadId(k, 4), c = codec::ReadId(k, 8);
      uint32_t s = a, r = b, o = c;
      if (family == kPos) s = c, r = a, o = b;
      if (family == kOsp) s = b, r = c, o = a;
      if (!contains(subjects, s) || !contains(relations, r) || !contains(objects, o)) return true;
      const std::string spo = codec::Key3(s, r, o);
      if (scans.size() > 1 && !seen.insert(spo).second) return true;  // one scan meets each triple once
      inner = Scan(kExtractions, spo, [&](std::string_view key, std::string_view value) {
        ExtractionRow row;
        RowFromExtraction(key, value, &row);
        if (!p.doc.empty() && row.doc != p.doc) return true;
        if (!p.lang.empty() && row.triple.lang != p.lang) return true;
        if (row.triple.confidence < p.min_confidence) return true;
        if (row.triple.negated && !p.include_negated) return true;
        more = visit(row);
        return more;
      });
      return more && inner.ok();
    });
    if (!status.ok()) return status;
    if (!inner.ok() || !more) return inner;
  }
  return Status::OK();
}

Status RocksStore::ForEachTriple(const std::function<bool(const TripleRow&)>& visit) {
  absl::flat_hash_map<uint32_t, EntityRow> entities;
  auto entity = [&](uint32_t id) -> const EntityRow& {
    auto e = entities.find(id);
    if (e == entities.end()) e = entities.emplace(id, LoadEntity(id)).first;
    return e->second;
  };
  // One row reused: in key order the subject stays the same for many triples.
  TripleRow row;
  uint32_t subject = 0, object = 0;
  return Scan(kTriples, "", [&](std::string_view k, std::string_view v) {
    codec::TripleRecord record;
    codec::DecodeTriple(v, &record);
    FillRow(record, &row);
    if (const uint32_t id = codec::ReadId(k, 0); id != subject) row.subject = entity(subject = id);
    if (const uint32_t id = codec::ReadId(k, 8); id != object) row.object = entity(object = id);
    return visit(row);
  });
}

uint32_t RocksStore::EntityId(const std::string& key) {
  uint32_t id;
  return IdOf("e" + key, &id) ? id : 0;
}

Status RocksStore::EdgesOf(uint32_t id, const std::function<bool(const Edge&)>& visit) {
  if (id == 0) return Status::OK();
  // Outgoing edges from spo, incoming from osp; a self-loop only once.
  bool more = true;
  Status s = Scan(kSpo, codec::Id(id), [&](std::string_view k, std::string_view) {
    return more = visit({id, codec::ReadId(k, 4), codec::ReadId(k, 8)});
  });
  if (!s.ok() || !more) return s;
  return Scan(kOsp, codec::Id(id), [&](std::string_view k, std::string_view) {
    const uint32_t subject = codec::ReadId(k, 4);
    return subject == id || visit({subject, codec::ReadId(k, 8), id});
  });
}

Result<TripleRow> RocksStore::TripleOf(const Edge& edge) {
  std::string v;
  if (!Get(kTriples, codec::Key3(edge.subject, edge.relation, edge.object), &v)) {
    return Status::Error("no such triple");
  }
  codec::TripleRecord record;
  codec::DecodeTriple(v, &record);
  TripleRow row = RowOf(record);
  row.subject = LoadEntity(edge.subject);
  row.object = edge.object == edge.subject ? row.subject : LoadEntity(edge.object);
  return row;
}

Status RocksStore::TriplesOf(const std::string& key, const std::function<bool(const TripleRow&)>& visit) {
  std::unordered_map<uint32_t, EntityRow> entities;
  auto entity = [&](uint32_t e) -> const EntityRow& {
    auto it = entities.find(e);
    if (it == entities.end()) it = entities.emplace(e, LoadEntity(e)).first;
    return it->second;
  };
  std::string v;
  return EdgesOf(EntityId(key), [&](const Edge& edge) {
    if (!Get(kTriples, codec::Key3(edge.subject, edge.relation, edge.object), &v)) return true;
    codec::TripleRecord record;
    codec::DecodeTriple(v, &record);
    TripleRow row = RowOf(record);
    row.subject = entity(edge.subject);
    row.object = entity(edge.object);
    return visit(row);
  });
}

Status RocksStore::ForEachEntity(const std::function<bool(const EntityRow&)>& visit) {
  return Scan(kEntities, "", [&](std::string_view, std::string_view v) {
    EntityRow e;
    codec::DecodeEntity(v, &e);
    return visit(e);
  });
}

namespace {

// RocksDB's info log is not kept. Its writer aborts the process when it is
// written again after a full disk made it fail (Debian's RocksDB 7.8 keeps
// its assertions), and nasij reports the errors that matter itself.
class NoInfoLog : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

// RocksDB's own options for an open in `mode`.
rocksdb::DBOptions DatabaseOptions(Store::Mode mode) {
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_open_files = 256;
  if (mode == Store::Mode::kReadOnly) {
    // A reader opens every table file at once, so that a writer compacting
    // meanwhile cannot delete one from under it: an open file outlives its
    // name. The descriptors come from the process's hard limit.
    options.max_open_files = -1;
    rlimit files;
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
      files.rlim_cur = files.rlim_max;
      setrlimit(RLIMIT_NOFILE, &files);
    }
  }
  options.info_log = std::make_shared<NoInfoLog>();
  return options;
}

rocksdb::ColumnFamilyOptions FamilyOptions() {
  // One block cache for all families.
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(128 << 20);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;

  rocksdb::ColumnFamilyOptions cf;
  cf.compression = rocksdb::kLZ4Compression;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cf;
}


// Makes a new store beside `path` and renames it into place once its column
// families and format marker are written, so that a process killed while
// creating it leaves no half-made store behind.
Status Create(const std::string& path) {
  fs::path target(path);
  if (!target.has_filename()) target = target.parent_path();  // "db/" → "db"
  const std::string partial = target.string() + ".creating-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(partial, ec);
  const rocksdb::DBOptions options = DatabaseOptions(Store::Mode::kReadWrite);
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : kFamilyNames) families.emplace_back(name, FamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, partial, families, &handles, &db);
  if (s.ok()) {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    s = db->Put(sync, handles[kMeta], "format", std::to_string(kFormatVersion));
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  if (s.ok()) fs::rename(partial, target, ec);
  if (!s.ok() || ec) {
    fs::remove_all(partial, ec);
    return Status::Error(path + ": cannot create the store: " + (s.ok() ? ec.message() : s.ToString()));
  }
  return Status::OK();
}

// A store killed while RocksDB was creating it holds only RocksDB's own
// files, without CURRENT; it may be opened and finished.
bool OnlyRocksDbFiles(const std::string& path) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    const bool rocksdb = name == "LOCK" || name == "IDENTITY" || name.rfind("LOG", 0) == 0 ||
                         name.rfind("MANIFEST-", 0) == 0 || name.rfind("OPTIONS-", 0) == 0 || name.ends_with(".log") ||
                         name.ends_with(".sst") || name.ends_with(".dbtmp");
    if (!rocksdb) return false;
  }
  return !ec;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Mode mode) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (exists && !fs::is_directory(path, ec)) return Status::Error(path + " is not a directory");
  if (exists && !fs::is_empty(path, ec) && !fs::exists(fs::path(path) / "CURRENT", ec) && !OnlyRocksDbFiles(path)) {
    return Status::Error(path + " is not a nasij store (no RocksDB files in it); refusing to touch it");
  }
  if (!exists && mode == Mode::kReadOnly) return Status::Error(path + ": no such store");
  if (mode == Mode::kReadWrite && (!exists || fs::is_empty(path, ec))) {
    Status created = Create(path);
    if (!created.ok()) return created;
  }

  const rocksdb::DBOptions options = DatabaseOptions(mode);
  const rocksdb::ColumnFamilyOptions cf = FamilyOptions();
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : kFamilyNames) families.emplace_back(name, cf);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = mode == Mode::kReadOnly
                          ? rocksdb::DB::OpenForReadOnly(options, path, families, &handles, &db)
                          : rocksdb::DB::Open(options, path, families, &handles, &db);
  if (!s.ok()) {
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return Status::Error(path + " is in use by another nasij process");
    }
    if (s.IsInvalidArgument() && s.ToString().find("Column famil") != std::string::npos) {
      return Status::Error(path + " is a RocksDB database but not a nasij store");
    }
    return Status::Error(path + ": " + s.ToString());
  }
  auto store = std::make_unique<RocksStore>(db, std::move(handles), cf, path, mode == Mode::kReadOnly);
  Status init = store->Init();
  if (!init.ok()) return init;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace nasij
