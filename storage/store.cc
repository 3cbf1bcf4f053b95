#include "storage/store.h"

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/file_system.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include <absl/container/flat_hash_set.h>

#include "common/numbers.h"
#include "storage/rocks_store.h"
#include "storage/short_forms.h"
#include "storage/variant_joins.h"

namespace nasij {

const char* const kFamilyNames[kFamilyCount] = {"default", "term_to_id", "id_to_term", "spo",      "pos",       "osp",
                                                "triples", "extractions", "entities",  "aliases", "documents", "sentences"};

namespace {

namespace fs = std::filesystem;

// 3: entities may be unresolved references, triples carry a time.
// 4: names keyed as written, their spellings indexed and joined by the store.
constexpr int kFormatVersion = 4;
// Opens a reader tries while a writer's changes make it fail (Store::Open):
// 20 tries wait up to about 3 s in all.
constexpr int kReadOnlyRetries = 20;

void FillRow(const codec::TripleRecord& t, TripleRow* row) {
  row->relation = t.relation;
  row->sources = t.sources;
  row->confidence = t.confidence;
  row->negated = t.negated;
  row->modality = t.modality;
  row->first_doc = t.first_doc;
  row->first_sentence = t.first_sentence;
  row->time = t.time;
}

TripleRow RowOf(const codec::TripleRecord& t) {
  TripleRow row;
  FillRow(t, &row);
  return row;
}

// Two stored triples that a join shows as one (a short form's and its
// person's), folded by the rules ingest folds two extractions by, so that
// the order they are read in does not matter; the first document is the
// least id of the two.
void FoldTriple(const TripleRow& part, TripleRow* into) {
  if (std::tie(part.relation.text, part.relation.label_en) < std::tie(into->relation.text, into->relation.label_en)) {
    into->relation = part.relation;
  }
  if (!part.time.empty() && (into->time.empty() || part.time < into->time)) into->time = part.time;
  if (std::tie(part.first_doc, part.first_sentence) < std::tie(into->first_doc, into->first_sentence)) {
    into->first_doc = part.first_doc;
    into->first_sentence = part.first_sentence;
  }
  into->sources += part.sources;
  into->confidence = std::max(into->confidence, part.confidence);
  into->negated = into->negated && part.negated;
  into->modality = std::min(into->modality, part.modality);
}

}  // namespace

Status FromRocksDb(const rocksdb::Status& s) {
  if (s.ok()) return Status::OK();
  // Without RocksDB's text: an absent key is common (every new term) and
  // its message says nothing.
  if (s.IsNotFound()) return Status::NotFound("not found");
  if (s.IsCorruption()) return Status::Corruption(s.ToString());
  if (s.IsInvalidArgument()) return Status::InvalidArgument(s.ToString());
  if (s.IsBusy() || s.IsTryAgain()) return Status::Busy(s.ToString());
  return Status::IOError(s.ToString());
}

RocksStore::RocksStore(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles, std::string path,
                       bool read_only, int lock_fd)
    : db_(db),
      cf_(std::move(handles)),
      path_(std::move(path)),
      read_only_(read_only),
      lock_fd_(lock_fd) {}

// A writer that must know whether its close succeeded calls Close() first
// (Store::Close); here, with no one to tell, its result can only be dropped.
RocksStore::~RocksStore() { static_cast<void>(Close()); }

Status RocksStore::Close() {
  if (!db_) return Status::OK();
  for (auto* h : cf_) db_->DestroyColumnFamilyHandle(h);
  cf_.clear();
  rocksdb::Status closed = db_->Close();
  delete db_;
  db_ = nullptr;
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
  return Read(closed);
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
  return Read(it->status());
}

Status RocksStore::Init() {
  std::string value;
  Status s = Get(kMeta, "format", &value);
  if (s.IsNotFound()) {
    // The column families are nasij's own (a foreign database fails to open
    // with them), so this store was killed right after it was created:
    // it is empty.
    if (read_only_) return Status::OK();
    return FromRocksDb(db_->Put(rocksdb::WriteOptions(), cf_[kMeta], "format", std::to_string(kFormatVersion)))
        .Prefixed(path_);
  }
  if (!s.ok()) return s;
  if (value != std::to_string(kFormatVersion)) {
    return Status::InvalidArgument(path_ + " has store format " + value + "; this nasij reads format " +
                                   std::to_string(kFormatVersion) +
                                   ": build it again by ingesting its sources into a new --db");
  }
  return Status::OK();
}

Status RocksStore::Joins() {
  std::call_once(joins_read_, [this] { joins_status_ = LoadJoins(); });
  return joins_status_;
}

Status RocksStore::LoadJoins() {
  joined_to_.clear();
  joined_from_.clear();
  short_form_joins_.clear();
  variant_joins_.clear();
  for (auto [key, joins] : {std::pair{short_forms::kJoinsKey, &short_form_joins_},
                            {variant_joins::kJoinsKey, &variant_joins_}}) {
    std::string bytes;
    Status s = Get(kMeta, key, &bytes);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    if (!short_forms::DecodeJoins(bytes, joins)) return Damaged(std::string("the ") + key + " are not pairs of ids");
  }
  // A spelling shows as the spelling named most, a short form as its
  // person, and that person as its own spelling named most.
  auto spelled = [&](uint32_t id) {
    auto it = variant_joins_.find(id);
    return it == variant_joins_.end() ? id : it->second;
  };
  std::set<uint32_t> ids;
  for (const short_forms::Joins* joins : {&short_form_joins_, &variant_joins_}) {
    for (const auto& [id, to] : *joins) ids.insert(id);
  }
  for (uint32_t id : ids) {  // in order: each list of short forms sorted
    uint32_t shown = spelled(id);
    if (auto person = short_form_joins_.find(shown); person != short_form_joins_.end()) shown = spelled(person->second);
    if (shown == id) continue;
    joined_to_[id] = shown;
    joined_from_[shown].push_back(id);
  }
  return Status::OK();
}

Status RocksStore::NamesJoinedBy(const std::vector<std::string>& join_keys, std::vector<std::vector<uint32_t>>* ids) {
  ids->assign(join_keys.size(), {});
  rocksdb::ReadOptions options;
  options.fill_cache = false;  // each block is read once, in key order: keep the cache for point reads
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, cf_[kAliases]));
  for (size_t k = 0; k < join_keys.size(); ++k) {
    const std::string prefix = variant_joins::IndexPrefix(join_keys[k]);
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      if (it->key().size() == prefix.size() + 4) (*ids)[k].push_back(codec::ReadId(it->key().ToStringView(), prefix.size()));
    }
  }
  return Read(it->status());
}

Status RocksStore::PersonsNamed(char part, const std::string& word, std::vector<uint32_t>* persons) {
  const std::string prefix = short_forms::NamePrefix(part, word);
  return Scan(kAliases, prefix, [&](std::string_view key, std::string_view) {
    if (key.size() == prefix.size() + 4) persons->push_back(codec::ReadId(key, prefix.size()));
    return true;
  });
}

uint32_t RocksStore::Shown(uint32_t id) const {
  auto it = joined_to_.find(id);
  return it == joined_to_.end() ? id : it->second;
}

std::vector<uint32_t> RocksStore::StoredAs(uint32_t shown) const {
  std::vector<uint32_t> ids{shown};
  if (auto it = joined_from_.find(shown); it != joined_from_.end()) {
    ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  return ids;
}

Status RocksStore::FoldJoined(uint32_t shown, EntityRow* e) {
  auto it = joined_from_.find(shown);
  if (it == joined_from_.end()) return Status::OK();
  for (uint32_t id : it->second) {
    EntityRow joined;
    Status s = LoadEntity(id, &joined);
    if (s.IsNotFound()) return Damaged("entity " + std::to_string(id) + " is joined to another entity but missing");
    if (!s.ok()) return s;
    e->mentions += joined.mentions;
    e->triples += joined.triples;
    for (std::string& alias : joined.aliases) {
      auto at = std::lower_bound(e->aliases.begin(), e->aliases.end(), alias);
      if (at == e->aliases.end() || *at != alias) e->aliases.insert(at, std::move(alias));
    }
  }
  return Status::OK();
}

Status RocksStore::ShownTriple(const Edge& shown, TripleRow* row) {
  bool found = false;
  std::string v;
  for (uint32_t subject : StoredAs(shown.subject)) {
    for (uint32_t object : StoredAs(shown.object)) {
      Status s = Get(kTriples, codec::Key3(subject, shown.relation, object), &v);
      if (s.IsNotFound()) continue;
      codec::TripleRecord record;
      if (s.ok()) s = DecodedTriple(v, &record);
      if (!s.ok()) return s;
      if (found) {
        FoldTriple(RowOf(record), row);
      } else {
        FillRow(record, row);
        found = true;
      }
    }
  }
  row->ids = shown;
  return found ? Status::OK() : Status::NotFound("no such triple");
}

Status RocksStore::Damaged(const std::string& what) const {
  return Status::Corruption(path_ + " is damaged: " + what);
}

Status RocksStore::Read(const rocksdb::Status& s) const {
  Status read = FromRocksDb(s);
  return read.IsNotFound() ? read : read.Prefixed(path_);
}

Status RocksStore::Get(Family f, const std::string& key, std::string* value) {
  return Read(db_->Get(rocksdb::ReadOptions(), cf_[f], key, value));
}

Result<int64_t> RocksStore::Counter(const std::string& name) {
  std::string v;
  Status s = Get(kMeta, "count/" + name, &v);
  if (s.IsNotFound()) return int64_t{0};
  if (!s.ok()) return s;
  int64_t n = 0;
  if (!ParseWhole(v, 0, INT64_MAX, &n)) return Damaged("count/" + name + " is not a count");
  return n;
}

Result<uint32_t> RocksStore::IdCounter(const std::string& name, Family issued) {
  auto n = Counter(name);
  if (!n.ok()) return n.status();
  if (*n > int64_t{UINT32_MAX} - 1) return Damaged("count/" + name + " is out of range");
  if (*n == 0) {
    bool any = false;
    Status s = Scan(issued, "", [&](std::string_view, std::string_view) { return !(any = true); });
    if (!s.ok()) return s;
    if (any) return Damaged("count/" + name + " is missing while ids are in use");
  }
  return static_cast<uint32_t>(*n);
}

Status RocksStore::TermOf(uint32_t id, std::string* term) {
  Status s = Get(kIdToTerm, codec::Id(id), term);
  if (s.IsNotFound()) return Damaged("id " + std::to_string(id) + " has no term");
  return s;
}

Status RocksStore::IdOf(std::string_view term, uint32_t* id) {
  rocksdb::PinnableSlice v;
  Status s = Read(db_->Get(rocksdb::ReadOptions(), cf_[kTermToId], rocksdb::Slice(term.data(), term.size()), &v));
  if (!s.ok()) return s;
  if (v.size() != 4) return Damaged("the id of a term is not 4 bytes");
  *id = codec::ReadId(v.ToStringView(), 0);
  return Status::OK();
}

// Under 7/8 of 2^19, the most a table of 2^19 slots (40 bytes each) holds
// before it doubles: about 30 MB of names at most, where 500,000 made
// the table 2^20 slots and 62 MB.
constexpr size_t kCommittedTermsKept = 450000;

const uint32_t* RocksStore::CommittedTermId(std::string_view term) const {
  auto it = committed_terms_.find(absl::string_view(term.data(), term.size()));
  return it == committed_terms_.end() ? nullptr : &it->second;
}

// Rows of about 300 bytes: 45 MB at most. A load of 1M triples names 95,000
// entities.
constexpr size_t kCommittedEntitiesKept = 150000;

bool RocksStore::TakeCommittedEntity(uint32_t id, EntityRow* e) {
  auto it = committed_entities_.find(id);
  if (it == committed_entities_.end()) return false;
  *e = std::move(it->second);
  committed_entities_.erase(it);
  return true;
}

void RocksStore::RememberEntity(uint32_t id, EntityRow&& e, bool stored) {
  if (!stored) {
    committed_entities_.erase(id);
  } else if (committed_entities_.size() < kCommittedEntitiesKept) {
    committed_entities_.insert_or_assign(id, std::move(e));
  }
}

void RocksStore::NoteStoreBeforeWriting(bool store_was_empty) {
  if (!empty_before_writing_) empty_before_writing_ = store_was_empty;
}

bool RocksStore::SurelyNotStored(std::string_view key) const {
  return empty_before_writing_.value_or(false) && !committed_keys_.MayContain(key);
}

void RocksStore::RememberCommitted(absl::flat_hash_map<std::string, uint32_t>&& terms,
                                   const std::vector<std::string>& keys) {
  for (const auto& [term, id] : terms) committed_keys_.Add(term);
  for (const std::string& key : keys) committed_keys_.Add(key);
  if (committed_terms_.size() + terms.size() > kCommittedTermsKept) committed_terms_.clear();
  // Moved, not copied: the terms a group wrote are tens of thousands of strings.
  if (terms.size() <= kCommittedTermsKept) committed_terms_.merge(terms);
}

std::array<uint64_t, KeyFilter::kProbes> KeyFilter::Probes(std::string_view key) {
  const uint64_t h = std::hash<std::string_view>()(key);
  const uint64_t block = (h % (kBits / kBlockBits)) * kBlockBits;
  uint64_t rest = h * 0x9e3779b97f4a7c15ull;  // bits independent of the block's
  std::array<uint64_t, kProbes> probes;
  for (uint64_t& probe : probes) {
    probe = block + (rest >> 55);  // the top 9 bits: a bit of the block
    rest <<= 9;
  }
  return probes;
}

void KeyFilter::Add(std::string_view key) {
  if (bits_.empty()) bits_.resize(kBits / 64);
  for (const uint64_t bit : Probes(key)) bits_[bit / 64] |= uint64_t(1) << (bit % 64);
}

bool KeyFilter::MayContain(std::string_view key) const {
  if (bits_.empty()) return false;
  for (const uint64_t bit : Probes(key)) {
    if (!(bits_[bit / 64] & (uint64_t(1) << (bit % 64)))) return false;
  }
  return true;
}

Status RocksStore::LoadEntity(uint32_t id, EntityRow* e) {
  rocksdb::PinnableSlice v;
  Status s = Read(db_->Get(rocksdb::ReadOptions(), cf_[kEntities], codec::Id(id), &v));
  if (!s.ok()) return s;
  return codec::DecodeEntity(v.ToStringView(), e).Prefixed(path_ + ": entity " + std::to_string(id));
}

Status RocksStore::ReferencedEntity(uint32_t id, std::unordered_map<uint32_t, EntityRow>* seen, EntityRow* e) {
  auto it = seen->find(id);
  if (it == seen->end()) {
    EntityRow loaded;
    if (Status s = ReferencedEntity(id, &loaded); !s.ok()) return s;
    it = seen->emplace(id, std::move(loaded)).first;
  }
  *e = it->second;
  return Status::OK();
}

Status RocksStore::ReferencedEntity(uint32_t id, EntityRow* e) {
  const uint32_t shown = Shown(id);
  Status s = LoadEntity(shown, e);
  if (s.IsNotFound()) return Damaged("entity " + std::to_string(shown) + " is named by a triple but missing");
  if (!s.ok()) return s;
  return FoldJoined(shown, e);
}

Status RocksStore::DecodedTriple(std::string_view value, codec::TripleRecord* record) const {
  return codec::DecodeTriple(value, record).Prefixed(path_);
}

Result<StoreStats> RocksStore::Stats() {
  if (Status joins = Joins(); !joins.ok()) return joins;
  StoreStats st;
  for (auto [name, count] : {std::pair{"documents", &st.documents}, {"sentences", &st.sentences},
                             {"triples", &st.triples}, {"extractions", &st.extractions}, {"entities", &st.entities}}) {
    auto n = Counter(name);
    if (!n.ok()) return n.status();
    *count = *n;
  }
  st.entities -= static_cast<int64_t>(joined_to_.size());  // shown as their persons
  // The store's files are all at its top level (a bulk load's scratch
  // directory is not the store's, and may vanish while it is walked). A file
  // that a compaction deletes while it is counted takes no space.
  std::error_code ec;
  for (fs::directory_iterator it(path_, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code file;
    const uintmax_t size = it->is_regular_file(file) ? it->file_size(file) : 0;
    if (!file) {
      st.bytes_on_disk += size;
    } else if (file != std::errc::no_such_file_or_directory) {
      return Status::IOError(path_ + ": " + file.message());
    }
  }
  if (ec) return Status::IOError(path_ + ": " + ec.message());
  return st;
}

Result<std::vector<uint32_t>> RocksStore::ResolveIds(const std::string& name, char type) {
  std::vector<uint32_t> ids;
  uint32_t id;
  Status s = IdOf(std::string(1, type) + name, &id);
  if (s.ok()) {
    ids.push_back(id);
  } else if (!s.IsNotFound()) {
    return s;
  }
  const std::string normalized = NormalizeForMatch(name);
  const std::string prefix = codec::AliasKey(type, normalized, 0).substr(0, 2 + normalized.size());
  s = Scan(kAliases, prefix, [&](std::string_view key, std::string_view) {
    if (key.size() == prefix.size() + 4) {
      id = codec::ReadId(key, prefix.size());
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return true;
  });
  if (!s.ok()) return s;
  if (joined_to_.empty()) return ids;
  // A joined short form is found as its person, in the order found.
  std::vector<uint32_t> shown;
  for (uint32_t found : ids) {
    if (std::find(shown.begin(), shown.end(), Shown(found)) == shown.end()) shown.push_back(Shown(found));
  }
  return shown;
}

Result<std::vector<std::string>> RocksStore::ResolveEntity(const std::string& name) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  auto ids = ResolveIds(name, 'e');
  if (!ids.ok()) return ids.status();
  std::vector<std::string> keys;
  std::string term;
  for (uint32_t id : *ids) {
    Status s = TermOf(id, &term);
    if (!s.ok()) return s;
    keys.push_back(term.substr(1));
  }
  return keys;
}

Status RocksStore::RowFromExtraction(std::string_view key, std::string_view value,
                                     std::unordered_map<uint32_t, EntityRow>* entities, ExtractionRow* row) {
  Status s = codec::DecodeExtraction(value, &row->triple).Prefixed(path_);
  if (!s.ok()) return s;
  const uint32_t doc_number = codec::ReadId(key, 12);
  s = Get(kMeta, "docnum/" + codec::Id(doc_number), &row->doc);
  if (s.IsNotFound()) return Damaged("document number " + std::to_string(doc_number) + " has no id");
  if (!s.ok()) return s;
  // Triples loaded with `ingest --triples` have no sentences.
  s = Get(kSentences, codec::SentenceKey(doc_number, row->triple.sentence), &row->sentence_text);
  if (!s.ok() && !s.IsNotFound()) return s;
  for (auto [slot, offset] : {std::pair{&row->triple.subject, 0}, {&row->triple.object, 8}}) {
    EntityRow e;
    s = ReferencedEntity(codec::ReadId(key, offset), entities, &e);
    if (!s.ok()) return s;
    slot->entity = e.key;
    slot->kind = e.kind;
    slot->label_en = e.label_en;
    slot->unresolved = e.unresolved;
  }
  return Status::OK();
}

Status RocksStore::Query(const Pattern& p, const std::function<bool(const ExtractionRow&)>& visit) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  // Each bound slot becomes a set of ids; the most selective index order
  // for the bound slots is scanned by prefix.
  std::vector<uint32_t> subjects, relations, objects, either;
  Status bound;
  auto bind = [&](const std::string& name, char type, std::vector<uint32_t>* ids) {
    if (name.empty()) return true;
    auto found = ResolveIds(name, type);
    if (!found.ok()) {
      bound = found.status();
      return false;
    }
    // The ids an entity is stored under: its own and its short forms'.
    for (uint32_t id : *found) {
      for (uint32_t stored : StoredAs(id)) ids->push_back(stored);
    }
    return !ids->empty();
  };
  if (!bind(p.subject, 'e', &subjects) || !bind(p.relation, 'r', &relations) || !bind(p.object, 'e', &objects) ||
      !bind(p.entity, 'e', &either)) {
    return bound;  // OK when a name nothing has: no results
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
  // Each row names the entity looked up, and most name one of a few others.
  // Forgotten all at once past a few thousand: a query of the whole store
  // meets every entity.
  constexpr size_t kEntitiesKept = 4096;
  std::unordered_map<uint32_t, EntityRow> entities;
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
      Status read;
      inner = Scan(kExtractions, spo, [&](std::string_view key, std::string_view value) {
        ExtractionRow row;
        if (entities.size() > kEntitiesKept) entities.clear();
        read = RowFromExtraction(key, value, &entities, &row);
        if (!read.ok()) return false;
        if (!p.doc.empty() && row.doc != p.doc) return true;
        if (!p.lang.empty() && row.triple.lang != p.lang) return true;
        if (row.triple.confidence < p.min_confidence) return true;
        if (row.triple.negated && !p.include_negated) return true;
        if (!p.include_unresolved && (row.triple.subject.unresolved || row.triple.object.unresolved)) return true;
        more = visit(row);
        return more;
      });
      if (inner.ok()) inner = read;
      return more && inner.ok();
    });
    if (!status.ok()) return status;
    if (!inner.ok() || !more) return inner;
  }
  return Status::OK();
}

Result<DocumentMeta> RocksStore::DocumentOf(const std::string& doc_id) {
  std::string value;
  Status s = Get(kDocuments, doc_id, &value);
  if (s.IsNotFound()) return Status::NotFound("no document has the id " + doc_id);
  if (!s.ok()) return s;
  codec::DocumentRecord record;
  s = codec::DecodeDocument(value, &record);
  if (!s.ok()) return s.Prefixed(path_ + ": document " + doc_id);
  DocumentMeta meta;
  for (auto [name, field] : {std::pair{"id", &meta.id}, {"lang", &meta.lang}, {"title", &meta.title},
                             {"url", &meta.url}, {"published", &meta.published}, {"source", &meta.source},
                             {"author", &meta.author}}) {
    auto it = record.meta.find(name);
    if (it == record.meta.end()) continue;  // a store written before the field was kept
    if (!it->is_string()) return Damaged("the " + std::string(name) + " of document " + doc_id + " is not text");
    *field = it->get<std::string>();
  }
  return meta;
}

Status RocksStore::ForEachTriple(const std::function<bool(const TripleRow&)>& visit) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  std::unordered_map<uint32_t, EntityRow> entities;
  Status read;
  auto entity = [&](uint32_t id, EntityRow* row) { return (read = ReferencedEntity(id, &entities, row)).ok(); };
  // A triple of a joined short form or of its person may be shown as the
  // same triple as another: those few are folded and visited at the end.
  auto joined = [&](uint32_t id) { return joined_to_.contains(id) || joined_from_.contains(id); };
  std::map<std::string, std::pair<Edge, TripleRow>> folded;  // by the shown s·r·o
  // One row reused: in key order the subject stays the same for many triples.
  TripleRow row;
  uint32_t subject = 0, object = 0;
  bool more = true;
  Status s = Scan(kTriples, "", [&](std::string_view k, std::string_view v) {
    codec::TripleRecord record;
    read = DecodedTriple(v, &record);
    if (!read.ok()) return false;
    const uint32_t subject_id = codec::ReadId(k, 0), object_id = codec::ReadId(k, 8);
    if (!joined_to_.empty() && (joined(subject_id) || joined(object_id))) {
      const Edge shown{Shown(subject_id), codec::ReadId(k, 4), Shown(object_id)};
      auto [at, fresh] = folded.try_emplace(codec::Key3(shown.subject, shown.relation, shown.object));
      if (fresh) {
        at->second = {shown, RowOf(record)};
        at->second.second.ids = shown;
      } else {
        FoldTriple(RowOf(record), &at->second.second);
      }
      return true;
    }
    FillRow(record, &row);
    row.ids = {subject_id, codec::ReadId(k, 4), object_id};
    if (subject_id != subject && !entity(subject = subject_id, &row.subject)) return false;
    if (object_id != object && !entity(object = object_id, &row.object)) return false;
    return more = visit(row);
  });
  if (!s.ok() || !read.ok() || !more) return s.ok() ? read : s;
  for (auto& [key, edge_and_row] : folded) {
    auto& [edge, shown_row] = edge_and_row;
    if (!entity(edge.subject, &shown_row.subject) || !entity(edge.object, &shown_row.object)) return read;
    if (!visit(shown_row)) break;
  }
  return Status::OK();
}

Result<uint32_t> RocksStore::EntityId(const std::string& key) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  uint32_t id;
  Status s = IdOf("e" + key, &id);
  if (s.IsNotFound()) return uint32_t{0};
  if (!s.ok()) return s;
  return Shown(id);
}

Result<std::vector<uint32_t>> RocksStore::UnresolvedIds() {
  std::vector<uint32_t> ids;
  Status s = Scan(kTermToId, "u", [&](std::string_view, std::string_view value) {
    ids.push_back(codec::ReadId(value, 0));
    return true;
  });
  if (!s.ok()) return s;
  return ids;
}

Status RocksStore::EdgesOf(uint32_t id, const std::function<bool(const Edge&)>& visit) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  if (id == 0) return Status::OK();
  if (!joined_to_.empty()) return ShownEdgesOf(id, visit);
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

Status RocksStore::ShownEdgesOf(uint32_t id, const std::function<bool(const Edge&)>& visit) {
  // The edges of every id the entity is stored under, each shown once: a
  // short form's edge and its person's may be one, and only such an edge
  // is remembered.
  absl::flat_hash_set<std::string> seen;
  bool more = true;
  auto show = [&](uint32_t subject, uint32_t relation, uint32_t object) {
    const Edge shown{Shown(subject), relation, Shown(object)};
    const bool joined = joined_from_.contains(shown.subject) || joined_from_.contains(shown.object);
    if (joined && !seen.insert(codec::Key3(shown.subject, shown.relation, shown.object)).second) return true;
    return more = visit(shown);
  };
  for (uint32_t stored : StoredAs(Shown(id))) {
    Status s = Scan(kSpo, codec::Id(stored), [&](std::string_view k, std::string_view) {
      return show(stored, codec::ReadId(k, 4), codec::ReadId(k, 8));
    });
    if (!s.ok() || !more) return s;
    s = Scan(kOsp, codec::Id(stored), [&](std::string_view k, std::string_view) {
      const uint32_t subject = codec::ReadId(k, 4);
      return subject == stored || show(subject, codec::ReadId(k, 8), stored);  // a self-loop met in spo
    });
    if (!s.ok() || !more) return s;
  }
  return Status::OK();
}

Result<std::vector<TripleRow>> RocksStore::TripleRows(const std::vector<Edge>& edges) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  std::unordered_map<uint32_t, EntityRow> entities;
  std::vector<TripleRow> rows(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    Status s = ShownTriple(edges[i], &rows[i]);
    if (s.ok()) s = ReferencedEntity(edges[i].subject, &entities, &rows[i].subject);
    if (s.ok()) s = ReferencedEntity(edges[i].object, &entities, &rows[i].object);
    if (!s.ok()) return s;
  }
  return rows;
}

Status RocksStore::ExtractionsOf(const Edge& edge, const std::function<bool(const ExtractionRow&)>& visit) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  // Every triple stored under the edge's entities (their short forms'
  // too), subjects as Query binds them, objects in key order as its scan
  // of `spo` meets them.
  std::vector<uint32_t> objects = StoredAs(edge.object);
  std::sort(objects.begin(), objects.end());
  std::unordered_map<uint32_t, EntityRow> entities;
  bool more = true;
  Status read;
  for (uint32_t subject : StoredAs(edge.subject)) {
    for (uint32_t object : objects) {
      Status s = Scan(kExtractions, codec::Key3(subject, edge.relation, object),
                      [&](std::string_view key, std::string_view value) {
                        ExtractionRow row;
                        read = RowFromExtraction(key, value, &entities, &row);
                        return read.ok() && (more = visit(row));
                      });
      if (!s.ok()) return s;
      if (!read.ok() || !more) return read;
    }
  }
  return Status::OK();
}

Status RocksStore::TriplesOf(const std::string& key, const std::function<bool(const TripleRow&)>& visit) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  auto id = EntityId(key);
  if (!id.ok()) return id.status();
  std::unordered_map<uint32_t, EntityRow> entities;
  Status read;
  auto entity = [&](uint32_t id, EntityRow* row) { return (read = ReferencedEntity(id, &entities, row)).ok(); };
  Status s = EdgesOf(*id, [&](const Edge& edge) {
    TripleRow row;
    read = ShownTriple(edge, &row);
    if (read.IsNotFound()) read = Damaged("an indexed triple has no record");
    if (!read.ok()) return false;
    if (!entity(edge.subject, &row.subject) || !entity(edge.object, &row.object)) return false;
    return visit(row);
  });
  return s.ok() ? read : s;
}

Status RocksStore::ForEachEntity(const std::function<bool(const EntityRow&)>& visit) {
  if (Status joins = Joins(); !joins.ok()) return joins;
  Status read;
  Status s = Scan(kEntities, "", [&](std::string_view k, std::string_view v) {
    const uint32_t id = codec::ReadId(k, 0);
    if (joined_to_.contains(id)) return true;  // shown as its person
    EntityRow e;
    read = codec::DecodeEntity(v, &e).Prefixed(path_);
    if (read.ok()) read = FoldJoined(id, &e);
    return read.ok() && visit(e);
  });
  return s.ok() ? read : s;
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

// A table file as a reader opens it. RocksDB reads a table's tail (footer,
// properties, top of the index) as a readahead hint and four reads when the
// file can prefetch, and as one read into a buffer when it cannot. A reader
// opens every table file, and on the virtual machines nasij is measured on
// each system call costs about 5 µs: this saves 4 of each file's 10.
class TailInOneRead : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  using FSRandomAccessFileOwnerWrapper::FSRandomAccessFileOwnerWrapper;
  rocksdb::IOStatus Prefetch(uint64_t, size_t, const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::NotSupported("a reader reads a table's tail in one read");
  }
};

class ReaderFileSystem : public rocksdb::FileSystemWrapper {
 public:
  ReaderFileSystem() : FileSystemWrapper(rocksdb::FileSystem::Default()) {}
  const char* Name() const override { return "NasijReaderFileSystem"; }
  rocksdb::IOStatus NewRandomAccessFile(const std::string& name, const rocksdb::FileOptions& options,
                                        std::unique_ptr<rocksdb::FSRandomAccessFile>* file,
                                        rocksdb::IODebugContext* debug) override {
    std::unique_ptr<rocksdb::FSRandomAccessFile> opened;
    rocksdb::IOStatus s = target()->NewRandomAccessFile(name, options, &opened, debug);
    if (s.ok()) *file = std::make_unique<TailInOneRead>(std::move(opened));
    return s;
  }
};

// A reader never flushes or compacts, yet every open starts the flush and
// compaction threads of the environment it is given, and the process joins
// them at exit: 1.5 ms of a query process. A reader's environment starts none,
// and reads its files through ReaderFileSystem.
class ReaderEnv : public rocksdb::EnvWrapper {
 public:
  explicit ReaderEnv(rocksdb::Env* files) : EnvWrapper(files) {}
  const char* Name() const override { return "NasijReaderEnv"; }
  void IncBackgroundThreadsIfNeeded(int, Priority) override {}
};

rocksdb::Env* ReaderEnvironment() {
  static const std::unique_ptr<rocksdb::Env> files = rocksdb::NewCompositeEnv(std::make_shared<ReaderFileSystem>());
  static ReaderEnv env(files.get());
  return &env;
}

// RocksDB's own options for an open in `mode`.
rocksdb::DBOptions DatabaseOptions(Store::Mode mode) {
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_open_files = 256;
  // The caller's thread opens the table files. RocksDB's default starts 16
  // threads for each of the 12 families at every open, even of a store
  // without files, and joins them: a new store's ingest started 204 threads
  // before its first document (now 9), and a writer's open of an empty
  // store took 73 ms of CPU instead of 31 (medians of 30, load 9). A query
  // process is done before they would have started.
  options.max_file_opening_threads = 1;
  if (mode == Store::Mode::kReadOnly) {
    // A reader opens every table file at once, so that a writer compacting
    // meanwhile cannot delete one from under it: an open file outlives its
    // name. The descriptors come from the process's limit, which a library
    // leaves alone: the nasij command raises it (cli/main.cc).
    options.max_open_files = -1;
    options.env = ReaderEnvironment();
    // What a reader need not do for each table file as it opens them all
    // (a system call each, about 5 µs here): tell the kernel its reads
    // will be random, mark it close-on-exec, check its size apart (its
    // footer is read at the size the manifest gives, so a file cut short
    // still fails the open), and read its properties again for compaction
    // statistics.
    options.advise_random_on_open = false;
    options.is_fd_close_on_exec = false;  // two fcntl calls a file; nasij runs no other program
    options.skip_checking_sst_file_sizes_on_db_open = true;
    options.skip_stats_update_on_db_open = true;
  }
  options.info_log = std::make_shared<NoInfoLog>();
  // Replaying the write-ahead log at open tolerates a torn last record (a
  // kill or power loss mid-write: that batch is dropped whole) but fails on
  // damage before it. RocksDB's default stops at the first bad record and
  // opens with the rest of the log silently gone.
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  return options;
}

// One block cache for all families and stores of a process: as large as
// a reader that answers many queries (nasij serve) wants, and smaller once
// a writer opens a store (kWriterCacheBytes).
const std::shared_ptr<rocksdb::Cache>& BlockCache() {
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(128 << 20);
  return cache;
}

// A writer's reads are a load's lookups of what its earlier groups stored,
// each read once or twice: with 128 MB the cache filled to a quarter of a
// 2M-triple load's memory (445 MB at the peak, 379 MB with 8 MB).
constexpr size_t kWriterCacheBytes = 16 << 20;

}  // namespace

rocksdb::ColumnFamilyOptions FamilyOptions(Family family) {
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = BlockCache();
  // A table's index is read when a lookup first needs it, not when the
  // store opens: a reader opens every table (DatabaseOptions), and a query
  // process reads a few of them.
  table.cache_index_and_filter_blocks = true;
  // In two levels: a lookup reads the small top level, then the one 4 KB
  // partition it needs. A whole index (100 KB for 250,000 extractions) was
  // read and decompressed for each table a query process touched, 3 of the
  // ~30 ms of `nasij query` on 1M triples. Tables written before keep their
  // one-level index and are read as they are.
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  // Index partitions are stored uncompressed: Zstandard's fixed cost per
  // block (~70,000 instructions for 4 KB) was 5% of a one-line query.
  table.enable_index_compression = false;
  if (family == kTriples) {
    // A load in groups looks up each triple it meets again among those of
    // earlier groups, whose files overlap: without a filter a lookup read
    // and decompressed a block of every one of them. Partitioned like the
    // index, so that a lookup reads one 4 KB piece of it.
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    table.partition_filters = true;
  }

  rocksdb::ColumnFamilyOptions cf;
  // Zstandard rather than LZ4: 1M generated triples take 93 MB on disk
  // instead of 130 MB, for 7% more loading time; reads come from the block
  // cache, which holds blocks uncompressed.
  cf.compression = rocksdb::kZSTD;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cf;
}

namespace {

// A creation killed before its rename left `target`.creating-PID beside it.
// Those whose process is gone are removed; a PID that is alive, perhaps
// reused, keeps its directory.
Status RemoveAbandonedCreations(const fs::path& target) {
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = target.filename().string() + ".creating-";
  std::error_code ec;
  std::vector<fs::path> abandoned;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    int64_t pid = 0;
    if (name.starts_with(prefix) && ParseWhole(std::string_view(name).substr(prefix.size()), 1, INT32_MAX, &pid) &&
        ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      abandoned.push_back(it->path());
    }
  }
  for (const fs::path& dir : abandoned) {
    if (!ec) fs::remove_all(dir, ec);
  }
  if (ec) return Status::IOError(target.string() + ": cannot remove what a killed creation left: " + ec.message());
  return Status::OK();
}

// Makes a new store beside `path` and renames it into place once its column
// families and format marker are written, so that a process killed while
// creating it leaves no half-made store behind.
Status Create(const std::string& path) {
  fs::path target(path);
  if (!target.has_filename()) target = target.parent_path();  // "db/" → "db"
  Status cleaned = RemoveAbandonedCreations(target);
  if (!cleaned.ok()) return cleaned;
  const std::string partial = target.string() + ".creating-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(partial, ec);
  const rocksdb::DBOptions options = DatabaseOptions(Store::Mode::kReadWrite);
  // The other families are made in one call after the open: RocksDB
  // rewrites its OPTIONS file for every family it creates, and an open that
  // made the eleven one by one wrote 78 families' options (0.13 G
  // instructions, 1% of a text ingest of the real-news sample); one call
  // writes them once.
  std::vector<rocksdb::ColumnFamilyDescriptor> meta{{kFamilyNames[kMeta], FamilyOptions(kMeta)}};
  std::vector<rocksdb::ColumnFamilyDescriptor> others;
  for (int f = kMeta + 1; f < kFamilyCount; ++f) others.emplace_back(kFamilyNames[f], FamilyOptions(static_cast<Family>(f)));
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, partial, meta, &handles, &db);
  if (s.ok()) {
    std::vector<rocksdb::ColumnFamilyHandle*> created;  // those it made, should it fail partway
    s = db->CreateColumnFamilies(others, &created);
    rocksdb::WriteOptions sync;
    sync.sync = true;
    if (s.ok()) s = db->Put(sync, handles[kMeta], "format", std::to_string(kFormatVersion));
    for (auto* h : created) db->DestroyColumnFamilyHandle(h);
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  if (s.ok()) fs::rename(partial, target, ec);
  if (!s.ok() || ec) {
    std::error_code cleanup;  // not `ec`: its error is the one to report
    fs::remove_all(partial, cleanup);
    return Status::IOError(path + ": cannot create the store: " + (s.ok() ? ec.message() : s.ToString()));
  }
  return Status::OK();
}

// The writer's lock: an flock on the store's directory, held until the store
// is closed. RocksDB's own lock tells a store in use only by the text of an
// I/O error; this one by its errno. It is not taken on RocksDB's LOCK file,
// because closing any descriptor of that file would drop the fcntl lock
// RocksDB holds on it in this process. Returns the descriptor, or -1 where
// the file system cannot lock a directory (RocksDB's lock still guards the
// store there).
Result<int> LockForWriting(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
  const int error = errno;
  ::close(fd);
  if (error == EWOULDBLOCK) return Status::Busy(path + " is in use by another nasij process");
  return -1;
}

// A writer killed while it wrote a bulk load's table files left them in
// bulk-<pid>/ (IngestBatch::Commit); the writer that opens the store next,
// alone in it, removes them.
Status RemoveBulkLeftovers(const std::string& path) {
  std::error_code ec;
  std::vector<fs::path> leftovers;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().starts_with("bulk-")) leftovers.push_back(it->path());
  }
  for (const fs::path& dir : leftovers) {
    if (!ec) fs::remove_all(dir, ec);
  }
  return ec ? Status::IOError(path + ": cannot remove what a killed load left: " + ec.message()) : Status::OK();
}

// Whether a writer holds the store now (LockForWriting): a shared lock on its
// directory is refused while one does. Taken and dropped at once, so that it
// never keeps a writer out.
bool WriterActive(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return held;
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
  if (exists && !fs::is_directory(path, ec)) return Status::InvalidArgument(path + " is not a directory");
  if (exists && !fs::is_empty(path, ec) && !fs::exists(fs::path(path) / "CURRENT", ec) && !OnlyRocksDbFiles(path)) {
    return Status::InvalidArgument(path + " is not a nasij store (no RocksDB files in it); refusing to touch it");
  }
  if (!exists && mode == Mode::kReadOnly) return Status::NotFound(path + ": no such store");
  int lock_fd = -1;
  if (mode == Mode::kReadWrite) {
    if (!exists || fs::is_empty(path, ec)) {
      Status created = Create(path);
      if (!created.ok()) return created;
    }
    auto lock = LockForWriting(path);
    if (!lock.ok()) return lock.status();
    lock_fd = *lock;
  }

  const rocksdb::DBOptions options = DatabaseOptions(mode);
  if (mode == Mode::kReadWrite) BlockCache()->SetCapacity(kWriterCacheBytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (int f = 0; f < kFamilyCount; ++f) families.emplace_back(kFamilyNames[f], FamilyOptions(static_cast<Family>(f)));
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  // A reader reads the list of files, then opens each; a writer that
  // compacts or loads meanwhile deletes some, and the open fails ("Can't
  // access 000182.sst"). When a writer held the store before or after the
  // attempt, such a failure is taken for that race and the open tried again;
  // damage fails every time.
  bool writer_seen = mode == Mode::kReadOnly && WriterActive(path);
  rocksdb::Status s = mode == Mode::kReadOnly
                          ? rocksdb::DB::OpenForReadOnly(options, path, families, &handles, &db)
                          : rocksdb::DB::Open(options, path, families, &handles, &db);
  for (int attempt = 0; !s.ok() && mode == Mode::kReadOnly && attempt < kReadOnlyRetries; ++attempt) {
    writer_seen = writer_seen || WriterActive(path);
    if (!writer_seen) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10 << std::min(attempt, 4)));
    handles.clear();
    s = rocksdb::DB::OpenForReadOnly(options, path, families, &handles, &db);
  }
  if (!s.ok()) {
    if (lock_fd >= 0) ::close(lock_fd);
    if (s.IsInvalidArgument() && s.ToString().find("Column famil") != std::string::npos) {
      return Status::InvalidArgument(path + " is a RocksDB database but not a nasij store");
    }
    return FromRocksDb(s).Prefixed(path);
  }
  auto store = std::make_unique<RocksStore>(db, std::move(handles), path, mode == Mode::kReadOnly, lock_fd);
  Status init = store->Init();
  if (!init.ok()) return init;
  if (mode == Mode::kReadWrite) {
    Status cleaned = RemoveBulkLeftovers(path);
    if (!cleaned.ok()) return cleaned;
  }
  return std::unique_ptr<Store>(std::move(store));
}

namespace {

// The files whose change means a writer has changed the store: the log it
// appends each document to, and the manifest and CURRENT that name its
// table files. Names, sizes and modification times, in directory order.
std::string StoreFiles(const std::string& path) {
  std::string seen;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != "CURRENT" && name.rfind("MANIFEST-", 0) != 0 && !name.ends_with(".log")) continue;
    std::error_code stat_ec;
    const auto size = entry.file_size(stat_ec);
    const auto time = entry.last_write_time(stat_ec);
    seen += name + ' ' + std::to_string(size) + ' ' + std::to_string(time.time_since_epoch().count()) + '\n';
  }
  return seen;
}

}  // namespace

Result<std::unique_ptr<StoreReader>> StoreReader::Open(const std::string& path, std::chrono::milliseconds recheck) {
  std::unique_ptr<StoreReader> reader(new StoreReader(path, recheck));
  reader->files_seen_ = StoreFiles(path);
  auto store = Store::Open(path, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  reader->current_ = std::move(*store);
  reader->last_check_ = std::chrono::steady_clock::now();
  return reader;
}

Result<std::shared_ptr<Store>> StoreReader::Current() {
  std::unique_lock<std::mutex> lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (reopening_ || now - last_check_ < recheck_) return current_;
  last_check_ = now;
  // Read before the open: a write during it makes the next check differ.
  const std::string files = StoreFiles(path_);
  if (files == files_seen_) return current_;
  reopening_ = true;
  lock.unlock();
  auto fresh = Store::Open(path_, Store::Mode::kReadOnly);
  lock.lock();
  reopening_ = false;
  if (!fresh.ok()) return fresh.status();
  current_ = std::move(*fresh);
  files_seen_ = files;
  return current_;
}

}  // namespace nasij
