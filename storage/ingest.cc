// The write side of the store: documents are staged in memory (terms,
// entities, triples and their support) and written all-or-nothing.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <deque>
#include <map>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/container/node_hash_map.h>

#include "storage/record_writer.h"
#include "storage/rocks_store.h"
#include "storage/short_forms.h"
#include "storage/variant_joins.h"
#include "storage/write_log.h"

namespace nasij {

namespace {

std::string ContentHash(const std::string& text) {
  // FNV-1a 64: enough to tell a changed document from the same one.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return std::to_string(h) + ":" + std::to_string(text.size());
}

struct TripleKey {
  uint32_t s, r, o;
  bool operator==(const TripleKey&) const = default;
  std::string Bytes() const { return codec::Key3(s, r, o); }
};
template <typename H>
H AbslHashValue(H h, const TripleKey& k) {
  return H::combine(std::move(h), k.s, k.r, k.o);
}

enum Counter { kDocumentCount, kSentenceCount, kTripleCount, kExtractionCount, kEntityCount, kCounterCount };
const char* const kCounterNames[] = {"documents", "sentences", "triples", "extractions", "entities"};

// A large load of new documents goes in as files rather than key by key.
constexpr size_t kFileThreshold = 100000;

// The families Compact() merges: those lookups scan, which meet every
// overlapping file of a family.
constexpr std::array<Family, 5> kCompactedFamilies = {kSpo, kPos, kOsp, kTermToId, kAliases};
bool IsCompacted(Family f) {
  return std::find(kCompactedFamilies.begin(), kCompactedFamilies.end(), f) != kCompactedFamilies.end();
}

}  // namespace

// Every argument and mention names an entity by a key: an empty key would
// never be found again, and would be counted anew at every load.
Status CheckStorable(const Extraction& ex) {
  auto refuse = [&](const char* what, const Argument& a) {
    return Status::InvalidArgument("document " + ex.document.id + ": the " + what + " '" + a.text +
                                   "' has no entity key (its name normalizes to nothing)");
  };
  for (const Mention& m : ex.mentions) {
    if (m.entity.entity.empty()) return refuse("mention", m.entity);
  }
  for (const Triple& t : ex.triples) {
    if (t.subject.entity.empty()) return refuse("subject", t.subject);
    if (t.object.entity.empty()) return refuse("object", t.object);
  }
  return Status::OK();
}

// The changes of one or many documents, gathered in memory and written
// atomically (WriteLog).
class IngestBatch {
 public:
  explicit IngestBatch(RocksStore& store) : s_(store), log_(kFamilyCount) {}

  // Reads the id counters; the batch is used only when this succeeds.
  Status Start() {
    auto last_id = s_.IdCounter("next_id", kIdToTerm);
    if (!last_id.ok()) return last_id.status();
    auto last_doc = s_.IdCounter("next_doc", kDocuments);
    if (!last_doc.ok()) return last_doc.status();
    last_id_ = *last_id;
    last_doc_ = *last_doc;
    // A store that has never handed out an id holds no terms, entities or
    // triples yet, so a load into it need not look any up.
    fresh_ = last_id_ == 0;
    s_.NoteStoreBeforeWriting(last_id_ == 0 && last_doc_ == 0);
    return Status::OK();
  }

  // Adds one document, replacing an older version; false when the store
  // already holds this very text under this id. After an error the batch
  // must not be committed.
  Result<bool> Stage(Extraction ex) {
    Status valid = CheckStorable(ex);
    if (!valid.ok()) return valid;
    const std::string hash = ContentHash(ex.document.text);
    codec::DocumentRecord old, rec;
    DocumentWrites writes;
    std::string v;
    Status found = s_.SurelyNotStored(ex.document.id) ? Status::NotFound("") : s_.Get(kDocuments, ex.document.id, &v);
    if (found.ok()) {
      found = codec::DecodeDocument(v, &old).Prefixed(s_.path() + ": document " + ex.document.id);
      if (!found.ok()) return found;
      if (old.hash == hash) return false;
      RemoveDocument(old);
      writes.removed_triples = std::move(old.extraction_triples);
      writes.removed_sentences = old.sentences;
      rec.number = old.number;
    } else if (found.IsNotFound()) {
      rec.number = NextDocumentNumber();
      ++delta_[kDocumentCount];
    } else {
      return found;
    }
    rec.hash = hash;
    AddDocument(ex, &rec);
    if (!error_.ok()) return error_;
    log_.Put(kMeta, "docnum/" + codec::Id(rec.number), ex.document.id);
    writes.added = std::move(ex);
    writes.record = std::move(rec);
    records_.Add(std::move(writes));
    return true;
  }

  Status Commit() {
    records_.Finish(&log_);
    // Entities, triples and index entries are encoded on another core, into
    // a log of their own, while this one makes the joins, which read the
    // store: after the last group, nothing else is left to overlap them
    // with. Both only read the batch's entities and triples.
    WriteLog side_log(kFamilyCount);
    int64_t entity_delta = 0, triple_delta = 0;
    std::thread side([&] {
      entity_delta = EncodeEntities(&side_log);
      EncodeTriples(&side_log);
      triple_delta = EncodeIndexes({kSpo, kPos, kOsp}, &side_log);
    });
    EncodeShortForms();
    EncodeVariantJoins();
    side.join();
    if (!error_.ok()) return error_;
    for (Family f : {kEntities, kTriples, kSpo, kPos, kOsp}) log_.TakeFamily(f, &side_log);
    delta_[kEntityCount] += entity_delta;
    delta_[kTripleCount] += triple_delta;
    if (next_id_) log_.Put(kMeta, "count/next_id", std::to_string(next_id_ - 1));
    if (next_doc_) log_.Put(kMeta, "count/next_doc", std::to_string(next_doc_));
    for (int c = 0; c < kCounterCount; ++c) {
      if (!delta_[c]) continue;
      auto count = s_.Counter(kCounterNames[c]);
      if (!count.ok()) return count.status();
      log_.Put(kMeta, std::string("count/") + kCounterNames[c], std::to_string(*count + delta_[c]));
    }
    Status applied;
    if (!log_.has_deletes() && log_.size() >= kFileThreshold) {
      using Compression = Store::TableCompression;
      const Compression compression = s_.table_compression();
      std::vector<rocksdb::Options> options;  // by family
      for (int f = 0; f < kFamilyCount; ++f) {
        const Family family = static_cast<Family>(f);
        rocksdb::Options& written = options.emplace_back(rocksdb::DBOptions(), FamilyOptions(family));
        if (compression == Compression::kFastest ||
            (compression == Compression::kSmallestOnceCompacted && IsCompacted(family))) {
          written.compression = rocksdb::kLZ4Compression;
        } else {
          // Zstandard's fastest level: on 1M triples the store is 81.03 MB
          // against 80.99 at its default (3), for about 4% less CPU.
          written.compression_opts.level = 1;
        }
      }
      applied = log_.ApplyAsFiles(s_.db(), s_.families(), options, s_.path() + "/bulk-" + std::to_string(::getpid()));
    } else {
      applied = log_.ApplyAsBatch(s_.db(), s_.families());
    }
    if (applied.ok()) {
      std::vector<std::string> written(document_ids_);
      for (const TripleState& t : triples_) written.push_back(t.key.Bytes());
      s_.RememberCommitted(std::move(terms_), written);
      for (auto& [id, e] : entities_) {
        const bool stored = Alive(e.row);
        s_.RememberEntity(id, std::move(e.row), stored);
      }
      applied = s_.LoadJoins();
    }
    return applied;
  }

 private:
  // Keeps the name indexes to the persons this batch touched, and makes the
  // join of each word whose persons or short form it touched again, from
  // the store as the batch leaves it. A join is so a function of the set of
  // entities the store holds, whatever the order they came in.
  void EncodeShortForms() {
    Note(s_.Joins());
    short_forms::Joins joins = s_.JoinsNow();
    std::set<std::string> words;
    // Of the persons this batch touched and leaves named: by surname, and
    // their given names.
    std::map<std::string, std::vector<uint32_t>> by_surname;
    std::set<std::string> given_names;
    for (const auto& [id, e] : entities_) {
      const short_forms::PersonName name = short_forms::PersonNameOf(e.row);
      if (name.given.empty()) {
        // Also a short form joined before that its kind now keeps from joining.
        if (short_forms::MayBeShortForm(e.row) || joins.contains(id)) words.insert(e.row.key);
        continue;
      }
      for (auto [part, word] : {std::pair{short_forms::kGivenName, &name.given}, {short_forms::kSurname, &name.surname}}) {
        if (word->empty()) continue;
        const std::string key = short_forms::NameKey(part, *word, id);
        if (Alive(e.row)) {
          log_.Put(kAliases, key, "");  // also for a person it names who was of another kind
        } else if (e.existed) {
          log_.Delete(kAliases, key);
        }
        words.insert(*word);
      }
      if (!Alive(e.row)) continue;
      given_names.insert(name.given);
      if (!name.surname.empty()) by_surname[name.surname].push_back(id);
    }
    for (const std::string& word : words) {
      auto persons = by_surname.find(word);
      Join(word, persons == by_surname.end() ? std::vector<uint32_t>{} : persons->second, given_names.contains(word),
           &joins);
    }
    if (joins != s_.JoinsNow()) log_.Put(kMeta, short_forms::kJoinsKey, short_forms::EncodeJoins(joins));
  }

  // Keeps the index of names by join key, and makes the joins of each join
  // key this batch touched again, from the names the store holds as the
  // batch leaves it (variant_joins.h).
  void EncodeVariantJoins() {
    const VariantSpellings* spellings = variant_joins::Spellings();
    if (!spellings) return Note(Status::Corruption("the variant spellings are not embedded"));
    Note(s_.Joins());
    short_forms::Joins joins = s_.VariantJoinsNow();
    // Join key → the names this batch leaves under it.
    std::map<std::string, std::vector<std::pair<uint32_t, const EntityRow*>>> touched;
    for (const auto& [id, e] : entities_) {
      const bool joinable = Alive(e.row) && variant_joins::MayJoin(e.row);
      if (!joinable && !e.joinable_before) continue;
      const std::string join_key = spellings->JoinKey(e.row.key);
      auto& names = touched[join_key];
      // An entry outlives its name's being joinable (reads check the row):
      // a delete would keep a large batch from being written as files.
      if (joinable && !e.joinable_before) log_.Put(kAliases, variant_joins::IndexKey(join_key, id), "");
      if (joinable) {
        names.emplace_back(id, &e.row);
      } else {
        joins.erase(id);
      }
    }
    std::vector<std::string> join_keys;
    for (const auto& [join_key, names] : touched) join_keys.push_back(join_key);
    std::vector<std::vector<uint32_t>> stored_ids(join_keys.size());
    if (!fresh_) Note(s_.NamesJoinedBy(join_keys, &stored_ids));
    std::deque<EntityRow> stored;  // rows read from the store
    size_t k = 0;
    for (auto& [join_key, names] : touched) {
      for (uint32_t id : stored_ids[k++]) {
        if (entities_.contains(id)) continue;
        const EntityRow* row = Current(id, &stored.emplace_back());
        if (row && Alive(*row) && variant_joins::MayJoin(*row)) names.emplace_back(id, row);
      }
      for (const auto& [id, row] : names) joins.erase(id);
      variant_joins::JoinSpellings(names, &joins);
    }
    if (joins != s_.VariantJoinsNow()) log_.Put(kMeta, variant_joins::kJoinsKey, short_forms::EncodeJoins(joins));
  }

  // Joins the entity keyed `word`, if it may be a short form, to the one
  // person with that surname (short_forms::JoinsPerson) in `*joins`, or to
  // none. `persons` are those with it that this batch touched and leaves
  // named; `given_in_batch` whether one of those has it as given name.
  void Join(const std::string& word, std::vector<uint32_t> persons, bool given_in_batch, short_forms::Joins* joins) {
    EntityRow stored_short_form;
    const auto [short_form, row] = Current("e" + word, &stored_short_form);
    if (!row) return;
    uint32_t person = 0;
    if (Alive(*row) && short_forms::MayBeShortForm(*row) && !given_in_batch &&
        StoredPersons(short_forms::kGivenName, word).empty()) {
      for (uint32_t id : StoredPersons(short_forms::kSurname, word)) persons.push_back(id);
      EntityRow stored_person;
      const EntityRow* person_row = persons.size() == 1 ? Current(persons[0], &stored_person) : nullptr;
      if (person_row && short_forms::JoinsPerson(*row, *person_row)) person = persons[0];
    }
    if (person) {
      (*joins)[short_form] = person;
    } else {
      joins->erase(short_form);
    }
  }

  // The persons of the store with `word` as given name or surname (`part`)
  // that this batch did not touch.
  std::vector<uint32_t> StoredPersons(char part, const std::string& word) {
    std::vector<uint32_t> persons;
    if (!fresh_) Note(s_.PersonsNamed(part, word, &persons));
    std::erase_if(persons, [&](uint32_t id) { return entities_.contains(id); });
    return persons;
  }

  // The entity with this id as this batch leaves it: its row here, else the
  // store's read into `*stored`; null when there is none.
  const EntityRow* Current(uint32_t id, EntityRow* stored) {
    if (auto it = entities_.find(id); it != entities_.end()) return &it->second.row;
    Status found = s_.LoadEntity(id, stored);
    if (found.ok()) return stored;
    if (!found.IsNotFound()) Note(found);
    return nullptr;
  }

  // The same for the entity of a term, with its id (0 when there is none).
  std::pair<uint32_t, const EntityRow*> Current(const std::string& term, EntityRow* stored) {
    uint32_t id = 0;
    if (auto it = terms_.find(term); it != terms_.end()) {
      id = it->second;
    } else if (const uint32_t* committed = s_.CommittedTermId(term)) {
      id = *committed;
    } else if (fresh_ || s_.SurelyNotStored(term)) {
      return {0, nullptr};
    } else if (Status found = s_.IdOf(term, &id); !found.ok()) {
      if (!found.IsNotFound()) Note(found);
      return {0, nullptr};
    }
    return {id, Current(id, stored)};
  }

  // An entity some mention or triple still names.
  static bool Alive(const EntityRow& e) { return e.mentions > 0 || e.triples > 0; }

  void EncodeTriples(WriteLog* log) const {
    std::string value;
    codec::TripleRecord record;
    for (const TripleState& t : triples_) {
      const std::string spo = t.key.Bytes();
      if (t.sources > 0) {
        RecordOf(t, &record);
        value.clear();
        codec::EncodeTriple(record, &value);
        log->Put(kTriples, spo, value);
      } else {
        log->Delete(kTriples, spo);
      }
    }
  }

  // Index entries exist exactly while some extraction supports the triple.
  // Returns the change in the number of triples.
  int64_t EncodeIndexes(std::initializer_list<Family> families, WriteLog* log) const {
    int64_t delta = 0;
    for (const TripleState& t : triples_) {
      const bool now = t.sources > 0;
      if (now == t.existed) continue;
      const TripleKey& k = t.key;
      for (Family family : families) {
        const std::string key = family == kSpo ? codec::Key3(k.s, k.r, k.o)
                                : family == kPos ? codec::Key3(k.r, k.o, k.s)
                                                 : codec::Key3(k.o, k.s, k.r);
        if (now) log->Put(family, key, ""); else log->Delete(family, key);
      }
      delta += now ? 1 : -1;
    }
    return delta;
  }

  // Returns the change in the number of entities.
  int64_t EncodeEntities(WriteLog* log) const {
    std::string value;
    int64_t delta = 0;
    for (const auto& [id, e] : entities_) {
      if (!Alive(e.row)) {
        if (e.existed) --delta;
        log->Delete(kEntities, codec::Id(id));
      } else {
        if (!e.existed) ++delta;
        value.clear();
        codec::EncodeEntity(e.row, &value);
        log->Put(kEntities, codec::Id(id), value);
      }
    }
    return delta;
  }

  struct EntityState {
    EntityRow row;
    bool existed = false;          // in the store before this batch
    bool joinable_before = false;  // and in the index of variant spellings
    // Whether this batch has put the aliases of its key and English label
    // (AddAlias): once is enough, where a gazetteer entity's twenty names
    // each put them again.
    bool key_aliases_put = false;
  };
  // A codec::TripleRecord with its strings interned: a load holds millions.
  struct TripleState {
    TripleKey key;
    uint32_t relation_form = 0;  // in relation_forms_: the relation as its first extraction wrote it
    uint32_t first_doc = 0;      // in document_ids_
    int32_t first_sentence = 0;
    uint32_t time = 0;           // in time_texts_
    int64_t sources = 0;
    double confidence = 0;
    bool negated = false;
    Modality modality = Modality::kAsserted;
    bool existed = false;
  };

  // Keeps the first error of a read; Stage and Commit return it. The reads
  // that fail return a placeholder meanwhile, which is never written.
  void Note(const Status& s) {
    if (error_.ok()) error_ = s;
  }

  uint32_t NextDocumentNumber() {
    if (next_doc_ == 0) next_doc_ = last_doc_;
    return ++next_doc_;
  }

  // The id of a term, from this batch, the store, or newly handed out.
  uint32_t Term(std::string_view term) {
    auto it = terms_.find(absl::string_view(term.data(), term.size()));  // Debian's absl has its own string_view
    if (it != terms_.end()) return it->second;
    uint32_t id = 0;
    const uint32_t* committed = s_.CommittedTermId(term);
    Status found = committed                                  ? Status::OK()
                   : fresh_ || s_.SurelyNotStored(term) ? Status::NotFound("")
                                                        : s_.IdOf(term, &id);
    if (committed) id = *committed;
    if (!found.ok() && !found.IsNotFound()) Note(found);
    if (found.IsNotFound()) {
      if (next_id_ == 0) next_id_ = last_id_ + 1;
      id = next_id_++;
      log_.Put(kTermToId, term, codec::Id(id));
      log_.Put(kIdToTerm, codec::Id(id), term);
    }
    terms_.emplace(term, id);
    return id;
  }

  EntityState& Entity(uint32_t id) {
    auto it = entities_.find(id);
    if (it == entities_.end()) {
      EntityState e;
      if (!fresh_ && id <= last_id_) {  // an id handed out by this batch is a new entity
        Status s = s_.TakeCommittedEntity(id, &e.row) ? Status::OK() : s_.LoadEntity(id, &e.row);
        e.existed = s.ok();
        e.joinable_before = e.existed && Alive(e.row) && variant_joins::MayJoin(e.row);
        if (!s.ok() && !s.IsNotFound()) Note(s);
      }
      it = entities_.emplace(id, std::move(e)).first;
    }
    return it->second;
  }

  TripleState& TripleAt(const TripleKey& key) {
    auto [it, fresh] = triple_index_.try_emplace(key, triples_.size());
    if (!fresh) return triples_[it->second];
    TripleState& t = triples_.emplace_back();
    t.key = key;
    std::string v;
    codec::TripleRecord record;
    const std::string bytes = key.Bytes();
    Status found = fresh_ || s_.SurelyNotStored(bytes) ? Status::NotFound("") : s_.Get(kTriples, bytes, &v);
    if (found.ok()) found = codec::DecodeTriple(v, &record).Prefixed(s_.path());
    if (!found.ok() && !found.IsNotFound()) Note(found);
    if (found.ok()) {
      relation_forms_.push_back(std::move(record.relation));
      document_ids_.push_back(std::move(record.first_doc));
      t.relation_form = relation_forms_.size() - 1;
      t.first_doc = document_ids_.size() - 1;
      t.first_sentence = record.first_sentence;
      t.time = TimeText(record.time);
      t.sources = record.sources;
      t.confidence = record.confidence;
      t.negated = record.negated;
      t.modality = record.modality;
      t.existed = t.sources > 0;
    }
    return t;
  }

  // The inverse of TripleAt's interning.
  void RecordOf(const TripleState& t, codec::TripleRecord* record) const {
    record->relation = relation_forms_[t.relation_form];
    record->first_doc = document_ids_[t.first_doc];
    record->first_sentence = t.first_sentence;
    record->time = time_texts_[t.time];
    record->sources = t.sources;
    record->confidence = t.confidence;
    record->negated = t.negated;
    record->modality = t.modality;
  }

  // The order of a relation's forms that picks the one a triple keeps.
  static bool LesserForm(const Relation& a, const Relation& b) {
    return std::tie(a.text, a.label_en) < std::tie(b.text, b.label_en);
  }

  // Whether `text` makes a better label for `e` than its label: a name
  // before a phrase that runs past one (واشنطن, not واشنطن عن قلقها), then the
  // longer name (ماريا خيمينيز, not خيمينيز), then the least in byte order.
  static bool BetterLabel(const std::string& text, bool text_is_a_name, const EntityRow& e) {
    const bool label_is_a_name = std::binary_search(e.aliases.begin(), e.aliases.end(), e.label);
    if (text_is_a_name != label_is_a_name) return text_is_a_name;
    // In characters: UTF-8 bytes but those that continue one.
    auto characters = [](const std::string& s) {
      return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    };
    const auto length = characters(text), label_length = characters(e.label);
    if (length != label_length) return text_is_a_name ? length > label_length : length < label_length;
    return text < e.label;
  }

  // How sure a kind is, where counts do not decide: a name's kind beats a
  // common noun's, a person a place, a place an organization (a city's
  // club), an organization any other name.
  static int KindRank(const std::string& kind) {
    static const char* const kWeakestFirst[] = {"CONCEPT", "MISC", "ORG", "LOC", "PER"};
    for (int i = 0; i < 5; ++i) {
      if (kind == kWeakestFirst[i]) return i;
    }
    return -1;
  }

  // Adds `n` (negative when a document goes) mentions of kind `kind` to `e`,
  // whose kind is then the one its mentions give most, the surer on a tie:
  // a sum, so the same whatever order documents come in.
  static void CountMentions(const std::string& kind, int64_t n, EntityRow* e) {
    if ((e->mention_kinds[kind] += n) <= 0) e->mention_kinds.erase(kind);
    const auto most = std::max_element(e->mention_kinds.begin(), e->mention_kinds.end(), [](const auto& a, const auto& b) {
      return std::tuple(a.second, KindRank(a.first), a.first) < std::tuple(b.second, KindRank(b.first), b.first);
    });
    if (most != e->mention_kinds.end()) e->kind = most->first;
  }

  // The index of `time` in time_texts_, interned: a load holds millions of
  // triples and few distinct times.
  uint32_t TimeText(const std::string& time) {
    auto [at, fresh] = time_index_.try_emplace(time, time_texts_.size());
    if (fresh) time_texts_.push_back(time);
    return at->second;
  }

  // `a` names an entity; its text is kept as an alias when `text_is_a_name`.
  // An unresolved pronoun is a term of its own ('u'), so that "it" the
  // pronoun and a concept spelled "it" stay two nodes.
  std::pair<uint32_t, EntityRow*> EntityOf(const Argument& a, bool text_is_a_name) {
    scratch_.assign(1, a.unresolved ? 'u' : 'e');
    scratch_ += a.entity;
    auto [at, fresh] = entity_keys_.try_emplace(scratch_);
    if (fresh) {
      const uint32_t id = Term(scratch_);
      at->second = {id, &Entity(id)};
    }
    const uint32_t id = at->second.first;
    EntityState& state = *at->second.second;
    EntityRow& e = state.row;
    if (e.key.empty()) {
      e.key = a.entity;
      e.kind = a.kind;
      e.unresolved = a.unresolved;
      e.label = a.text;
      // A known entity is findable by every name the gazetteer has for it.
      auto known = known_->find(a.entity);
      if (known != known_->end()) {
        if (!known->second.label_ar.empty()) e.label = known->second.label_ar;
        for (const std::string& name : known->second.aliases) AddAlias(id, name, state);
      }
    }
    // Whatever order documents come in, an entity ends with the same label
    // and kind: the gazetteer's label, else the best of its texts
    // (BetterLabel); the kind its mentions give most (CountMentions), and
    // for one never mentioned, the strongest its arguments give.
    if (a.text != e.label && BetterLabel(a.text, text_is_a_name && !a.unresolved, e)) {
      auto known = known_->find(a.entity);
      if (known == known_->end() || known->second.label_ar.empty()) e.label = a.text;
    }
    if (e.mention_kinds.empty() && KindRank(a.kind) > KindRank(e.kind)) e.kind = a.kind;
    if (!a.label_en.empty() && (e.label_en.empty() || a.label_en < e.label_en)) {
      e.label_en = a.label_en;
      PutAlias('e', e.label_en, id);
    }
    if (text_is_a_name && !a.unresolved && !std::binary_search(e.aliases.begin(), e.aliases.end(), a.text)) {
      AddAlias(id, a.text, state);
    }
    return {id, &e};
  }

  void AddAlias(uint32_t id, const std::string& text, EntityState& state) {
    EntityRow& e = state.row;
    // Kept sorted, so that they do not depend on the order documents arrive in.
    auto at = std::lower_bound(e.aliases.begin(), e.aliases.end(), text);
    if (at == e.aliases.end() || *at != text) e.aliases.insert(at, text);
    PutAlias('e', text, id);
    // A later English label is put where EntityOf takes it.
    if (state.key_aliases_put) return;
    state.key_aliases_put = true;
    PutAlias('e', e.key, id);
    PutAlias('e', e.label_en, id);
  }

  void PutAlias(char type, const std::string& name, uint32_t id) {
    if (name.empty()) return;
    auto [key, added] = aliases_.insert(codec::AliasKey(type, NormalizeForMatch(name), id));
    if (added) log_.Put(kAliases, *key, "");
  }

  // The relation's term id, and its form in relation_forms_.
  std::pair<uint32_t, uint32_t> RelationId(const Relation& r) {
    // By the whole form: one text and lemma may come with a gloss or without.
    scratch_ = r.text;
    scratch_ += '\x1f';
    scratch_ += r.lemma;
    scratch_ += '\x1f';
    scratch_ += r.label_en;
    auto it = relations_.find(scratch_);
    if (it != relations_.end()) return it->second;
    std::string form = scratch_;
    const std::string lemma = r.lemma.empty() ? NormalizeForMatch(r.text) : r.lemma;
    const uint32_t id = Term("r" + lemma);
    for (const std::string* name : {&r.text, &lemma, &r.label_en}) PutAlias('r', *name, id);
    relation_forms_.push_back(r);
    const std::pair<uint32_t, uint32_t> found{id, relation_forms_.size() - 1};
    relations_.emplace(std::move(form), found);
    return found;
  }

  void RemoveDocument(const codec::DocumentRecord& old) {
    const size_t n = old.extraction_triples.size() / 12;
    for (size_t i = 0; i < n; ++i) {
      const std::string_view spo(old.extraction_triples.data() + 12 * i, 12);
      --TripleAt({codec::ReadId(spo, 0), codec::ReadId(spo, 4), codec::ReadId(spo, 8)}).sources;
    }
    delta_[kExtractionCount] -= n;
    for (const auto& m : old.mentions) {
      EntityRow& e = Entity(m.entity).row;
      e.mentions -= m.count;
      CountMentions(m.kind, -m.count, &e);
    }
    for (const auto& [id, count] : old.triple_entities) Entity(id).row.triples -= count;
    delta_[kSentenceCount] -= old.sentences;
  }

  void AddDocument(const Extraction& ex, codec::DocumentRecord* rec) {
    known_ = &ex.known;
    document_ids_.push_back(ex.document.id);
    const uint32_t document = document_ids_.size() - 1;
    rec->sentences = ex.sentences.size();
    delta_[kSentenceCount] += rec->sentences;
    std::map<std::pair<uint32_t, std::string>, int64_t> mentions;  // by entity and kind
    absl::flat_hash_map<uint32_t, int64_t> triple_entities;
    absl::flat_hash_set<std::string_view> mentioned;
    for (const Mention& m : ex.mentions) {
      auto [id, entity] = EntityOf(m.entity, true);
      ++entity->mentions;
      CountMentions(m.entity.kind, 1, entity);
      ++mentions[{id, m.entity.kind}];
      mentioned.insert(m.entity.entity);
    }
    // An argument may run past the name it is about (واشنطن عن قلقها): where
    // the document has a mention of that entity, its text is the name and the
    // argument's is not an alias. Triples loaded without mentions keep theirs.
    auto text_is_a_name = [&](const Argument& a) { return !mentioned.contains(a.entity); };
    rec->extraction_triples.reserve(12 * ex.triples.size());
    char spo[12];
    for (uint32_t seq = 0; seq < ex.triples.size(); ++seq) {
      const Triple& t = ex.triples[seq];
      auto [s, subject] = EntityOf(t.subject, text_is_a_name(t.subject));
      const auto [r, relation_form] = RelationId(t.relation);
      auto [o, object] = EntityOf(t.object, text_is_a_name(t.object));
      TripleState& row = TripleAt({s, r, o});
      if (row.sources <= 0) {
        row.sources = 0;
        row.relation_form = relation_form;
        row.confidence = t.confidence;
        row.negated = t.negated;
        row.modality = t.modality;
        row.first_doc = document;
        row.first_sentence = t.sentence;
      }
      // What holds whichever extraction comes first: the relation as the
      // least of its written forms (one form written alike may carry two
      // glosses: غير, change or none), the highest confidence, the least
      // time, negated only while no extraction asserts it, and the surest
      // modality (asserted before possible … conditional).
      if (LesserForm(relation_forms_[relation_form], relation_forms_[row.relation_form])) row.relation_form = relation_form;
      if (!t.time.empty() && (row.time == 0 || t.time < time_texts_[row.time])) row.time = TimeText(t.time);
      ++row.sources;
      row.confidence = std::max(row.confidence, t.confidence);
      row.negated = row.negated && t.negated;
      row.modality = std::min(row.modality, t.modality);
      ++subject->triples;
      ++object->triples;
      ++triple_entities[s];
      ++triple_entities[o];
      codec::PutId(s, spo);
      codec::PutId(r, spo + 4);
      codec::PutId(o, spo + 8);
      rec->extraction_triples.append(spo, sizeof spo);
    }
    delta_[kExtractionCount] += ex.triples.size();
    for (const auto& [at, count] : mentions) rec->mentions.push_back({at.first, at.second, count});
    rec->triple_entities.assign(triple_entities.begin(), triple_entities.end());
    std::sort(rec->triple_entities.begin(), rec->triple_entities.end());
  }

  RocksStore& s_;
  bool fresh_ = false;
  WriteLog log_;
  RecordWriter records_;  // sentences and extraction records, on another core
  Status error_;
  uint32_t last_id_ = 0, last_doc_ = 0;  // the last handed out before this batch
  uint32_t next_id_ = 0, next_doc_ = 0;  // 0 until this batch hands one out
  std::array<int64_t, kCounterCount> delta_{};
  absl::flat_hash_map<std::string, uint32_t> terms_;      // term → id, for every term this batch touched
  absl::flat_hash_map<std::string, std::pair<uint32_t, uint32_t>> relations_;  // relation text · lemma · gloss → id, form
  std::vector<Relation> relation_forms_;
  std::vector<std::string> document_ids_;  // of the documents staged, and of triples' first documents
  std::vector<std::string> time_texts_ = {""};  // of triples' first extractions; 0 is none
  absl::flat_hash_map<std::string, uint32_t> time_index_ = {{"", 0}};
  absl::node_hash_map<uint32_t, EntityState> entities_;   // by id; node-based, so references stay valid
  absl::flat_hash_map<std::string, std::pair<uint32_t, EntityState*>> entity_keys_;  // entity term → id, state
  absl::flat_hash_map<TripleKey, size_t> triple_index_;  // → position in triples_
  std::deque<TripleState> triples_;  // a deque, so that growing it moves nothing
  absl::flat_hash_set<std::string> aliases_;  // alias keys written by this batch
  std::string scratch_;
  const std::map<std::string, KnownEntity>* known_ = nullptr;
};

Status RocksStore::Ingest(const Extraction& ex, bool* changed) {
  *changed = false;
  if (read_only_) return Status::InvalidArgument("the store is open read-only");
  IngestBatch batch(*this);
  Status s = batch.Start();
  if (!s.ok()) return s;
  auto staged = batch.Stage(ex);
  if (!staged.ok()) return staged.status();
  if (!*staged) return Status::OK();
  s = batch.Commit();
  *changed = s.ok();
  return s;
}

Status RocksStore::IngestAll(const DocumentSource& next, size_t* changed) {
  *changed = 0;
  if (read_only_) return Status::InvalidArgument("the store is open read-only");
  IngestBatch batch(*this);
  Status s = batch.Start();
  if (!s.ok()) return s;
  std::set<std::string> ids;
  for (Extraction ex;; ex = Extraction()) {
    Result<bool> more = next(&ex);
    if (!more.ok()) {
      *changed = 0;
      return more.status();
    }
    if (!*more) break;
    if (!ids.insert(ex.document.id).second) {
      *changed = 0;
      return Status::InvalidArgument("document id " + ex.document.id + " given twice");
    }
    auto staged = batch.Stage(std::move(ex));
    if (!staged.ok()) {
      *changed = 0;
      return staged.status();
    }
    *changed += *staged;
  }
  if (*changed == 0) return Status::OK();
  s = batch.Commit();
  if (!s.ok()) {
    *changed = 0;
    return s;
  }
  return Flush();
}

Status RocksStore::Flush() {
  if (read_only_) return Status::InvalidArgument("the store is open read-only");
  rocksdb::FlushOptions wait;
  return Read(db_->Flush(wait, cf_));
}

Status RocksStore::Compact() {
  if (read_only_) return Status::InvalidArgument("the store is open read-only");
  // Each family's files merged in one pass into the last level. CompactRange
  // went level by level: a load of four groups sits at levels 3 to 6, and
  // each step rewrote all that was above it (1M triples: 3.2 s of CPU
  // against 1.5 s). The families are merged on every core.
  const auto& scanned = kCompactedFamilies;
  std::vector<Status> results(scanned.size());
  ForEachOnAllCores(scanned.size(), [&](size_t i) {
    rocksdb::ColumnFamilyHandle* family = cf_[scanned[i]];
    // RocksDB's own compactions run meanwhile (a load's groups start them),
    // and CompactFiles refuses a file one of them holds: a load of 2M
    // triples failed so at its end. Such a file is waited for, and one
    // taken between the look and the call is looked for again.
    constexpr int kRefusals = 100;
    constexpr auto kWait = std::chrono::milliseconds(20);
    for (int refused = 0;;) {
      rocksdb::ColumnFamilyMetaData meta;
      db_->GetColumnFamilyMetaData(family, &meta);
      std::vector<std::string> files;
      bool held = false;
      for (const rocksdb::LevelMetaData& level : meta.levels) {
        for (const rocksdb::SstFileMetaData& file : level.files) {
          files.push_back(file.name);
          held = held || file.being_compacted;
        }
      }
      // One file is left as it is, unless it was written to be compacted.
      if (files.empty() || (files.size() == 1 && table_compression_ != TableCompression::kSmallestOnceCompacted)) {
        return;
      }
      if (held) {
        std::this_thread::sleep_for(kWait);
        continue;
      }
      rocksdb::CompactionOptions options;
      options.compression = rocksdb::kDisableCompressionOption;  // the family's own
      const rocksdb::Status merged =
          db_->CompactFiles(options, family, files, static_cast<int>(meta.levels.size()) - 1);
      if (merged.IsAborted() && ++refused < kRefusals) {
        std::this_thread::sleep_for(kWait);
        continue;
      }
      results[i] = Read(merged);
      return;
    }
  });
  for (const Status& s : results) {
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace nasij
