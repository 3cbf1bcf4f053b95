#include "storage/store.h"

#include <rocksdb/db.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include <rocksdb/sst_file_writer.h>

#include "storage/codec.h"

namespace nasij {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr int kFormatVersion = 1;

// Column families; docs/storage.md describes each.
enum Family { kMeta, kTermToId, kIdToTerm, kSpo, kPos, kOsp, kTriples, kExtractions, kEntities, kAliases,
              kDocuments, kSentences, kFamilyCount };
const char* const kFamilyNames[] = {"default", "term_to_id", "id_to_term", "spo", "pos", "osp", "triples",
                                    "extractions", "entities", "aliases", "documents", "sentences"};

std::string ContentHash(const std::string& text) {
  // FNV-1a 64: enough to tell a changed document from the same one.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return std::to_string(h) + ":" + std::to_string(text.size());
}

class IngestBatch;

class RocksStore : public Store {
 public:
  RocksStore(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles, rocksdb::ColumnFamilyOptions options,
             std::string path, bool read_only)
      : db_(db), cf_(std::move(handles)), family_options_(options), path_(std::move(path)), read_only_(read_only) {}

  ~RocksStore() override {
    for (auto* h : cf_) db_->DestroyColumnFamilyHandle(h);
    delete db_;
  }

  Status Init() {
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf_[kMeta], "format", &value);
    if (s.IsNotFound()) {
      // The column families are nasij's own (a foreign database fails to open
      // with them), so this store was killed right after it was created:
      // it is empty.
      if (read_only_) return Status::OK();
      rocksdb::WriteBatch batch;
      batch.Put(cf_[kMeta], "format", std::to_string(kFormatVersion));
      return Check(db_->Write(rocksdb::WriteOptions(), &batch));
    }
    if (!s.ok()) return Status::Error(s.ToString());
    if (value != std::to_string(kFormatVersion)) {
      return Status::Error(path_ + " has store format " + value + "; this nasij reads format " +
                           std::to_string(kFormatVersion));
    }
    return Status::OK();
  }

  Status Ingest(const Extraction& ex, bool* changed) override;
  Status IngestAll(const std::vector<Extraction>& docs, size_t* changed) override;
  Result<StoreStats> Stats() override;
  Status Query(const Pattern& pattern, const std::function<bool(const ExtractionRow&)>& visit) override;
  Status ForEachTriple(const std::function<bool(const TripleRow&)>& visit) override;
  Status ForEachEntity(const std::function<bool(const EntityRow&)>& visit) override;
  Status TriplesOf(const std::string& entity_key, const std::function<bool(const TripleRow&)>& visit) override;
  Result<std::vector<std::string>> ResolveEntity(const std::string& name) override;

 private:
  static Status Check(const rocksdb::Status& s) { return s.ok() ? Status::OK() : Status::Error(s.ToString()); }

  bool Get(Family f, const std::string& key, std::string* value) {
    return db_->Get(rocksdb::ReadOptions(), cf_[f], key, value).ok();
  }

  int64_t Counter(const std::string& name) {
    std::string v;
    return Get(kMeta, "count/" + name, &v) ? std::stoll(v) : 0;
  }

  std::string TermOf(uint32_t id) {
    std::string v;
    Get(kIdToTerm, codec::Id(id), &v);
    return v;
  }

  bool IdOf(const std::string& term, uint32_t* id) {
    std::string v;
    if (!Get(kTermToId, term, &v)) return false;
    *id = codec::ReadId(v, 0);
    return true;
  }

  EntityRow LoadEntity(uint32_t id) {
    std::string v;
    EntityRow e;
    if (Get(kEntities, codec::Id(id), &v)) codec::DecodeEntity(v, &e);
    return e;
  }

  std::vector<uint32_t> ResolveIds(const std::string& name, char type);
  bool Stage(IngestBatch& batch, const Extraction& ex);
  void RowFromExtraction(const std::string& key, const std::string& value, ExtractionRow* row);

  rocksdb::DB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cf_;
  rocksdb::ColumnFamilyOptions family_options_;
  std::string path_;
  bool read_only_;
  friend class IngestBatch;
};

// The changes of one or many documents, gathered in memory and written
// atomically: as one WriteBatch, or for a bulk load of new documents as
// sorted SST files, one per column family, ingested together.
class IngestBatch {
 public:
  // A store that has never handed out an id holds no terms, entities or
  // triples yet, so a load into it need not look any up.
  explicit IngestBatch(RocksStore* store) : s_(*store), fresh_(store->Counter("next_id") == 0) {}

  void Reserve(size_t writes) { writes_.reserve(writes); }

  void Put(Family f, std::string key, std::string value) { writes_.push_back({f, std::move(key), std::move(value), false}); }
  void Delete(Family f, std::string key) {
    writes_.push_back({f, std::move(key), "", true});
    has_deletes_ = true;
  }

  uint32_t Term(const std::string& term) {
    auto it = new_terms_.find(term);
    if (it != new_terms_.end()) return it->second;
    uint32_t id;
    if (!fresh_ && s_.IdOf(term, &id)) return id;
    if (next_id_ == 0) next_id_ = static_cast<uint32_t>(s_.Counter("next_id")) + 1;
    id = next_id_++;
    new_terms_[term] = id;
    Put(kTermToId, term, codec::Id(id));
    Put(kIdToTerm, codec::Id(id), term);
    return id;
  }

  EntityRow& Entity(uint32_t id) {
    auto it = entities_.find(id);
    if (it == entities_.end()) it = entities_.emplace(id, fresh_ ? EntityRow() : s_.LoadEntity(id)).first;
    return it->second;
  }

  // The stored triple record, or an empty one with sources == 0.
  TripleRow& TripleAt(const std::string& spo) {
    auto it = triples_.find(spo);
    if (it == triples_.end()) {
      TripleRow row;
      std::string v;
      if (!fresh_ && s_.Get(kTriples, spo, &v)) codec::DecodeTriple(v, &row);
      it = triples_.emplace(spo, row).first;
      existed_[spo] = row.sources > 0;
    }
    return it->second;
  }

  uint32_t EntityId(const Argument& a) {
    // The same name again in this batch: nothing new to record.
    std::string seen_key = a.entity + '\x1f' + a.text;
    auto seen = seen_names_.find(seen_key);
    if (seen != seen_names_.end()) return seen->second;
    uint32_t id = Term("e" + a.entity);
    seen_names_.emplace(std::move(seen_key), id);
    EntityRow& e = Entity(id);
    if (e.key.empty()) {
      e.key = a.entity;
      e.kind = a.kind;
      e.label = a.text;
      ++delta_["entities"];
      // A known entity is findable by every name the gazetteer has for it.
      auto known = known_ ? known_->find(a.entity) : decltype(known_->end())();
      if (known_ && known != known_->end()) {
        if (!known->second.label_ar.empty()) e.label = known->second.label_ar;
        for (const std::string& name : known->second.aliases) AddAlias(id, name, e);
      }
    }
    if (e.kind == "CONCEPT" && a.kind != "CONCEPT") e.kind = a.kind;
    if (e.label_en.empty()) e.label_en = a.label_en;
    AddAlias(id, a.text, e);
    return id;
  }

  void AddAlias(uint32_t id, const std::string& text, EntityRow& e) {
    if (std::find(e.aliases.begin(), e.aliases.end(), text) == e.aliases.end()) e.aliases.push_back(text);
    for (const std::string& name : {text, e.key, e.label_en}) {
      if (!name.empty()) PutAlias(codec::AliasKey('e', NormalizeForMatch(name), id));
    }
  }

  void PutAlias(std::string key) {
    if (aliases_.insert(key).second) Put(kAliases, std::move(key), "");
  }

  uint32_t RelationId(const Relation& r) {
    const std::string lemma = r.lemma.empty() ? NormalizeForMatch(r.text) : r.lemma;
    uint32_t id = Term("r" + lemma);
    if (relation_texts_.insert(r.text + '\x1f' + lemma).second) {
      for (const std::string& name : {r.text, lemma, r.label_en}) {
        if (!name.empty()) PutAlias(codec::AliasKey('r', NormalizeForMatch(name), id));
      }
    }
    return id;
  }

  void RemoveDocument(const std::string& doc_key, const codec::DocumentRecord& old) {
    for (const std::string& key : old.extractions) {
      std::string spo = key.substr(0, 12);
      TripleRow& t = TripleAt(spo);
      --t.sources;
      Delete(kExtractions, key);
      --delta_["extractions"];
    }
    for (const auto& [id, n] : old.mentions) Entity(id).mentions -= n;
    for (const auto& [id, n] : old.triple_entities) Entity(id).triples -= n;
    for (int i = 0; i < old.sentences; ++i) Delete(kSentences, codec::SentenceKey(old.number, i));
    delta_["sentences"] -= old.sentences;
  }

  void AddDocument(const Extraction& ex, codec::DocumentRecord* rec) {
    known_ = &ex.known;
    for (size_t i = 0; i < ex.sentences.size(); ++i) {
      Put(kSentences, codec::SentenceKey(rec->number, i), ex.sentences[i].text);
    }
    rec->sentences = ex.sentences.size();
    delta_["sentences"] += rec->sentences;
    std::map<uint32_t, int64_t> mentions, triple_entities;
    for (const Mention& m : ex.mentions) {
      uint32_t id = EntityId(m.entity);
      ++Entity(id).mentions;
      ++mentions[id];
    }
    uint32_t seq = 0;
    for (const Triple& t : ex.triples) {
      const uint32_t s = EntityId(t.subject), r = RelationId(t.relation), o = EntityId(t.object);
      const std::string spo = codec::Key3(s, r, o);
      TripleRow& row = TripleAt(spo);
      if (row.sources <= 0) {
        row = TripleRow();
        row.relation = t.relation;
        row.confidence = t.confidence;
        row.negated = t.negated;
        row.modality = t.modality;
        row.first_doc = ex.document.id;
        row.first_sentence = t.sentence;
      }
      ++row.sources;
      row.confidence = std::max(row.confidence, t.confidence);
      ++Entity(s).triples;
      ++Entity(o).triples;
      ++triple_entities[s];
      ++triple_entities[o];
      const std::string key = spo + codec::Id(rec->number) + codec::Id(seq++);
      Put(kExtractions, key, codec::EncodeExtraction(t));
      rec->extractions.push_back(key);
      ++delta_["extractions"];
    }
    rec->mentions.assign(mentions.begin(), mentions.end());
    rec->triple_entities.assign(triple_entities.begin(), triple_entities.end());
  }

  Status Commit() {
    for (auto& [spo, row] : triples_) {
      const uint32_t s = codec::ReadId(spo, 0), r = codec::ReadId(spo, 4), o = codec::ReadId(spo, 8);
      const bool now = row.sources > 0;
      if (now) {
        Put(kTriples, spo, codec::EncodeTriple(row));
      } else {
        Delete(kTriples, spo);
      }
      if (now != existed_[spo]) {
        // Index entries exist exactly while some extraction supports the triple.
        for (auto [family, key] : {std::pair{kSpo, codec::Key3(s, r, o)}, {kPos, codec::Key3(r, o, s)},
                                   {kOsp, codec::Key3(o, s, r)}}) {
          if (now) Put(family, key, ""); else Delete(family, key);
        }
        delta_["triples"] += now ? 1 : -1;
      }
    }
    for (auto& [id, e] : entities_) {
      if (e.mentions <= 0 && e.triples <= 0) {
        if (!e.key.empty() && s_.LoadEntity(id).key.size()) --delta_["entities"];
        Delete(kEntities, codec::Id(id));
      } else {
        Put(kEntities, codec::Id(id), codec::EncodeEntity(e));
      }
    }
    if (next_id_) Put(kMeta, "count/next_id", std::to_string(next_id_ - 1));
    if (next_doc_) Put(kMeta, "count/next_doc", std::to_string(next_doc_));
    for (auto& [name, d] : delta_) {
      if (d) Put(kMeta, "count/" + name, std::to_string(s_.Counter(name) + d));
    }
    // Large loads of new documents go in as files: far fewer writes than
    // the memtable path, and still all-or-nothing.
    if (!has_deletes_ && writes_.size() >= kFileThreshold) return WriteFiles();
    rocksdb::WriteBatch batch;
    for (const Write& w : writes_) {
      if (w.del) {
        batch.Delete(s_.cf_[w.family], w.key);
      } else {
        batch.Put(s_.cf_[w.family], w.key, w.value);
      }
    }
    rocksdb::WriteOptions options;
    options.sync = false;  // the WAL still makes each batch all-or-nothing
    return RocksStore::Check(s_.db_->Write(options, &batch));
  }

  std::map<std::string, int64_t>& delta() { return delta_; }

  uint32_t NextDocumentNumber() {
    if (next_doc_ == 0) next_doc_ = static_cast<uint32_t>(s_.Counter("next_doc"));
    ++next_doc_;
    return next_doc_;
  }

 private:
  static constexpr size_t kFileThreshold = 100000;

  struct Write {
    Family family;
    std::string key, value;
    bool del;
  };

  // Sorts the writes of each family into an SST file (two families at a
  // time, one per core) and ingests all files in one atomic step.
  Status WriteFiles() {
    std::vector<std::vector<Write*>> by_family(kFamilyCount);
    for (Write& w : writes_) by_family[w.family].push_back(&w);
    const std::string dir = s_.path_ + "/bulk-" + std::to_string(::getpid());
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::vector<rocksdb::IngestExternalFileArg> args(kFamilyCount);
    std::vector<Status> results(kFamilyCount);
    auto write_family = [&](int f) {
      auto& ws = by_family[f];
      if (ws.empty()) return;
      // Stable, so that of two writes to one key the later one is kept.
      std::stable_sort(ws.begin(), ws.end(), [](const Write* a, const Write* b) { return a->key < b->key; });
      rocksdb::Options options(rocksdb::DBOptions(), s_.family_options_);
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, s_.cf_[f]);
      const std::string file = dir + "/" + kFamilyNames[f] + ".sst";
      rocksdb::Status st = writer.Open(file);
      for (size_t i = 0; st.ok() && i < ws.size(); ++i) {
        if (i + 1 < ws.size() && ws[i + 1]->key == ws[i]->key) continue;
        st = writer.Put(ws[i]->key, ws[i]->value);
      }
      if (st.ok()) st = writer.Finish();
      results[f] = RocksStore::Check(st);
      args[f].column_family = s_.cf_[f];
      args[f].external_files = {file};
      args[f].options.move_files = true;
    };
    std::thread other([&] {
      for (int f = 1; f < kFamilyCount; f += 2) write_family(f);
    });
    for (int f = 0; f < kFamilyCount; f += 2) write_family(f);
    other.join();
    std::vector<rocksdb::IngestExternalFileArg> nonempty;
    for (int f = 0; f < kFamilyCount; ++f) {
      if (!results[f].ok()) {
        std::filesystem::remove_all(dir, ec);
        return results[f];
      }
      if (!by_family[f].empty()) nonempty.push_back(args[f]);
    }
    Status s = RocksStore::Check(s_.db_->IngestExternalFiles(nonempty));
    std::filesystem::remove_all(dir, ec);
    return s;
  }

  RocksStore& s_;
  const bool fresh_;
  std::vector<Write> writes_;
  bool has_deletes_ = false;
  std::unordered_map<std::string, uint32_t> new_terms_;
  uint32_t next_id_ = 0, next_doc_ = 0;
  std::unordered_map<uint32_t, EntityRow> entities_;
  std::unordered_map<std::string, TripleRow> triples_;
  std::unordered_map<std::string, bool> existed_;
  std::unordered_set<std::string> aliases_, relation_texts_;
  std::unordered_map<std::string, uint32_t> seen_names_;  // entity key + text → id
  std::map<std::string, int64_t> delta_;
  const std::map<std::string, KnownEntity>* known_ = nullptr;
};

// Adds one document to `batch`, replacing an older version; false when the
// store already holds this very text under this id.
bool RocksStore::Stage(IngestBatch& batch, const Extraction& ex) {
  const std::string hash = ContentHash(ex.document.text);
  codec::DocumentRecord old, rec;
  std::string v;
  const bool existed = Get(kDocuments, ex.document.id, &v);
  if (existed) {
    codec::DecodeDocument(v, &old);
    if (old.hash == hash) return false;
    batch.RemoveDocument(ex.document.id, old);
    rec.number = old.number;
  } else {
    rec.number = batch.NextDocumentNumber();
    ++batch.delta()["documents"];
  }
  rec.hash = hash;
  rec.meta = {{"id", ex.document.id},       {"lang", ex.document.lang},     {"title", ex.document.title},
              {"url", ex.document.url},     {"published", ex.document.published},
              {"source", ex.document.source}, {"author", ex.document.author}};
  batch.AddDocument(ex, &rec);
  batch.Put(kDocuments, ex.document.id, codec::EncodeDocument(rec));
  batch.Put(kMeta, "docnum/" + codec::Id(rec.number), ex.document.id);
  return true;
}

Status RocksStore::Ingest(const Extraction& ex, bool* changed) {
  if (read_only_) return Status::Error("the store is open read-only");
  IngestBatch batch(this);
  *changed = Stage(batch, ex);
  if (!*changed) return Status::OK();
  Status s = batch.Commit();
  *changed = s.ok();
  return s;
}

Status RocksStore::IngestAll(const std::vector<Extraction>& docs, size_t* changed) {
  if (read_only_) return Status::Error("the store is open read-only");
  IngestBatch batch(this);
  size_t triples = 0;
  for (const Extraction& ex : docs) triples += ex.triples.size() + ex.mentions.size();
  batch.Reserve(triples * 6);
  *changed = 0;
  std::set<std::string> ids;
  for (const Extraction& ex : docs) {
    if (!ids.insert(ex.document.id).second) return Status::Error("document id " + ex.document.id + " given twice");
    *changed += Stage(batch, ex);
  }
  if (*changed == 0) return Status::OK();
  Status s = batch.Commit();
  if (!s.ok()) *changed = 0;
  return s;
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
  const std::string prefix = codec::AliasKey(type, NormalizeForMatch(name), 0).substr(0, 2 + NormalizeForMatch(name).size());
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf_[kAliases]));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (it->key().size() != prefix.size() + 4) continue;
    id = codec::ReadId(it->key().ToString(), prefix.size());
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

Result<std::vector<std::string>> RocksStore::ResolveEntity(const std::string& name) {
  std::vector<std::string> keys;
  for (uint32_t id : ResolveIds(name, 'e')) keys.push_back(TermOf(id).substr(1));
  return keys;
}

void RocksStore::RowFromExtraction(const std::string& key, const std::string& value, ExtractionRow* row) {
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
  struct Scan {
    Family family;
    std::string prefix;
  };
  std::vector<Scan> scans;
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
  for (const Scan& scan : scans) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf_[scan.family]));
    for (it->Seek(scan.prefix); it->Valid() && it->key().starts_with(scan.prefix); it->Next()) {
      const std::string k = it->key().ToString();
      uint32_t a = codec::ReadId(k, 0), b = codec::ReadId(k, 4), c = codec::ReadId(k, 8);
      uint32_t s = a, r = b, o = c;
      if (scan.family == kPos) s = c, r = a, o = b;
      if (scan.family == kOsp) s = b, r = c, o = a;
      if (!contains(subjects, s) || !contains(relations, r) || !contains(objects, o)) continue;
      const std::string spo = codec::Key3(s, r, o);
      if (!seen.insert(spo).second) continue;
      std::unique_ptr<rocksdb::Iterator> ex(db_->NewIterator(rocksdb::ReadOptions(), cf_[kExtractions]));
      for (ex->Seek(spo); ex->Valid() && ex->key().starts_with(spo); ex->Next()) {
        ExtractionRow row;
        RowFromExtraction(ex->key().ToString(), ex->value().ToString(), &row);
        if (!p.doc.empty() && row.doc != p.doc) continue;
        if (!p.lang.empty() && row.triple.lang != p.lang) continue;
        if (row.triple.confidence < p.min_confidence) continue;
        if (row.triple.negated && !p.include_negated) continue;
        if (!visit(row)) return Status::OK();
      }
    }
  }
  return Status::OK();
}

Status RocksStore::ForEachTriple(const std::function<bool(const TripleRow&)>& visit) {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf_[kTriples]));
  std::map<uint32_t, EntityRow> cache;
  auto entity = [&](uint32_t id) -> const EntityRow& {
    auto e = cache.find(id);
    if (e == cache.end()) e = cache.emplace(id, LoadEntity(id)).first;
    return e->second;
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const std::string k = it->key().ToString();
    TripleRow row;
    codec::DecodeTriple(it->value().ToString(), &row);
    row.subject = entity(codec::ReadId(k, 0));
    row.object = entity(codec::ReadId(k, 8));
    if (!visit(row)) break;
  }
  return Check(it->status());
}

Status RocksStore::TriplesOf(const std::string& key, const std::function<bool(const TripleRow&)>& visit) {
  uint32_t id;
  if (!IdOf("e" + key, &id)) return Status::OK();
  std::unordered_map<uint32_t, EntityRow> entities;
  auto entity = [&](uint32_t e) -> const EntityRow& {
    auto it = entities.find(e);
    if (it == entities.end()) it = entities.emplace(e, LoadEntity(e)).first;
    return it->second;
  };
  // Outgoing edges from spo, incoming from osp; a self-loop only once.
  for (Family family : {kSpo, kOsp}) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf_[family]));
    const std::string prefix = codec::Id(id);
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      const std::string k = it->key().ToString();
      const uint32_t s = family == kSpo ? id : codec::ReadId(k, 4), o = family == kSpo ? codec::ReadId(k, 8) : id;
      const uint32_t r = family == kSpo ? codec::ReadId(k, 4) : codec::ReadId(k, 8);
      if (family == kOsp && s == o) continue;
      std::string v;
      TripleRow row;
      if (!Get(kTriples, codec::Key3(s, r, o), &v)) continue;
      codec::DecodeTriple(v, &row);
      row.subject = entity(s);
      row.object = entity(o);
      if (!visit(row)) return Status::OK();
    }
    if (!it->status().ok()) return Check(it->status());
  }
  return Status::OK();
}

Status RocksStore::ForEachEntity(const std::function<bool(const EntityRow&)>& visit) {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf_[kEntities]));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    EntityRow e;
    codec::DecodeEntity(it->value().ToString(), &e);
    if (!visit(e)) break;
  }
  return Check(it->status());
}

rocksdb::ColumnFamilyOptions FamilyOptions() {
  rocksdb::ColumnFamilyOptions cf;
  cf.compression = rocksdb::kLZ4Compression;
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
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
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

  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_open_files = 256;
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
