#include "storage/store.h"
#include "tests/storage/raw_db.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <atomic>
#include <functional>
#include <mutex>
#include <random>
#include <thread>
#include <rocksdb/db.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace nasij;
using nasij::testing::kFamilies;
using nasij::testing::RawDb;

namespace {

// The documents of `docs`, one at a time.
Store::DocumentSource From(const std::vector<Extraction>& docs) {
  return [&docs, i = size_t(0)](Extraction* next) mutable {
    if (i == docs.size()) return false;
    *next = docs[i++];
    return true;
  };
}

struct TempStore {

  fs::path path;
  std::unique_ptr<Store> store;
  TempStore() {
    static int n = 0;
    path = fs::temp_directory_path() / ("nasij-store-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    auto s = Store::Open(path.string(), Store::Mode::kReadWrite);
    REQUIRE(s.ok());
    store = std::move(s.value());
  }
  ~TempStore() {
    store.reset();
    fs::remove_all(path);
  }
};

Triple MakeTriple(int sentence, Argument s, const char* rel, const char* lemma, Argument o) {
  Triple t;
  t.sentence = sentence;
  t.subject = std::move(s);
  t.relation = {rel, lemma, ""};
  t.object = std::move(o);
  t.confidence = 0.8;
  t.lang = "ar";
  return t;
}

const Argument kTokayev{"توكاييف", "kassym-jomart-tokayev", "PER", "Kassym-Jomart Tokayev"};
const Argument kTroops{"القوات الروسية", "القوات الروسيه", "CONCEPT", ""};
const Argument kMoscow{"موسكو", "moscow", "LOC", "Moscow"};
const Argument kCsto{"منظمة معاهدة الأمن الجماعي", "csto", "ORG", "CSTO"};

Extraction Doc(const std::string& id, const std::string& text, std::vector<Triple> triples) {
  Extraction e;
  e.document.id = id;
  e.document.text = text;
  e.sentences.push_back({0, 10, "الجملة الأولى", "ar"});
  e.sentences.push_back({11, 20, "الجملة الثانية", "ar"});
  e.triples = std::move(triples);
  for (const Triple& t : e.triples) {
    for (const Argument& a : {t.subject, t.object}) {
      if (a.kind != "CONCEPT") e.mentions.push_back({t.sentence, a, 0, 1});
    }
  }
  return e;
}

// Flips one byte of a file, near its start: inside its first data block.
void FlipByte(const fs::path& file) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(f);
  f.seekg(8);
  char c;
  REQUIRE(f.get(c));
  f.seekp(8);
  f.put(static_cast<char>(c ^ 0x40));
  REQUIRE(f);
}

std::vector<ExtractionRow> All(Store& s, Pattern p = {}) {
  std::vector<ExtractionRow> rows;
  REQUIRE(s.Query(p, [&](const ExtractionRow& r) {
               rows.push_back(r);
               return true;
             }).ok());
  return rows;
}

}  // namespace

TEST_CASE("Ingest stores documents, triples, extractions and entities", "[storage]") {
  TempStore t;
  bool changed;
  REQUIRE(t.store->Ingest(Doc("a", "text a",
                              {MakeTriple(0, kTokayev, "استدعى", "استدعى", kTroops),
                               MakeTriple(1, kMoscow, "تقود", "قاد", kCsto)}),
                          &changed)
              .ok());
  CHECK(changed);
  REQUIRE(t.store->Ingest(Doc("b", "text b", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kTroops)}), &changed).ok());
  auto st = t.store->Stats();
  REQUIRE(st.ok());
  CHECK(st->documents == 2);
  CHECK(st->sentences == 4);
  CHECK(st->triples == 2);      // the same fact twice is one triple
  CHECK(st->extractions == 3);  // with two sources
  CHECK(st->entities == 4);
  CHECK(st->bytes_on_disk > 0);

  std::vector<TripleRow> triples;
  REQUIRE(t.store->ForEachTriple([&](const TripleRow& r) {
                   triples.push_back(r);
                   return true;
                 }).ok());
  REQUIRE(triples.size() == 2);
  auto summon = std::find_if(triples.begin(), triples.end(), [](auto& r) { return r.relation.lemma == "استدعى"; });
  REQUIRE(summon != triples.end());
  CHECK(summon->sources == 2);
  CHECK(summon->subject.label_en == "Kassym-Jomart Tokayev");
}

TEST_CASE("The same document again changes nothing; new text replaces it", "[storage]") {
  TempStore t;
  bool changed;
  auto first = Doc("a", "v1", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kTroops)});
  REQUIRE(t.store->Ingest(first, &changed).ok());
  REQUIRE(t.store->Ingest(first, &changed).ok());
  CHECK_FALSE(changed);
  CHECK(t.store->Stats()->extractions == 1);

  REQUIRE(t.store->Ingest(Doc("a", "v2", {MakeTriple(0, kMoscow, "تقود", "قاد", kCsto)}), &changed).ok());
  CHECK(changed);
  auto st = t.store->Stats();
  CHECK(st->documents == 1);
  CHECK(st->triples == 1);  // the summon triple lost its only source
  CHECK(st->extractions == 1);
  CHECK(st->entities == 2);
  CHECK(All(*t.store, Pattern{.subject = "توكاييف"}).empty());
  CHECK(All(*t.store, Pattern{.subject = "Moscow"}).size() == 1);
}

TEST_CASE("Query binds any slot by alias, key or gloss, in either script", "[storage]") {
  TempStore t;
  bool changed;
  Triple summon = MakeTriple(1, kTokayev, "استدعى", "استدعى", kTroops);
  summon.relation.label_en = "summon";
  REQUIRE(t.store->Ingest(Doc("a", "t", {summon, MakeTriple(0, kMoscow, "تقود", "قاد", kCsto)}), &changed).ok());

  auto by_english = All(*t.store, Pattern{.subject = "Kassym-Jomart Tokayev"});
  REQUIRE(by_english.size() == 1);
  CHECK(by_english[0].doc == "a");
  CHECK(by_english[0].sentence_text == "الجملة الثانية");
  CHECK(by_english[0].triple.object.text == "القوات الروسية");

  CHECK(All(*t.store, Pattern{.subject = "تُوكاييف"}).size() == 1);  // diacritics ignored
  CHECK(All(*t.store, Pattern{.relation = "summon"}).size() == 1);
  CHECK(All(*t.store, Pattern{.relation = "قاد"}).size() == 1);
  CHECK(All(*t.store, Pattern{.object = "csto"}).size() == 1);
  CHECK(All(*t.store, Pattern{.entity = "moscow"}).size() == 1);
  CHECK(All(*t.store, Pattern{.subject = "moscow", .object = "csto"}).size() == 1);
  CHECK(All(*t.store, Pattern{.subject = "csto"}).empty());
  CHECK(All(*t.store, Pattern{.subject = "nobody"}).empty());
  CHECK(All(*t.store).size() == 2);
  CHECK(All(*t.store, Pattern{.min_confidence = 0.9}).empty());

  auto keys = t.store->ResolveEntity("CSTO");
  REQUIRE(keys.ok());
  CHECK(*keys == std::vector<std::string>{"csto"});
}

// 40 documents of 1000 triples: enough writes for the sorted-file path.
std::vector<Extraction> BulkDocuments() {
  std::vector<Extraction> docs;
  for (int d = 0; d < 40; ++d) {
    std::vector<Triple> triples;
    for (int i = 0; i < 1000; ++i) {
      const int s = (d * 7 + i) % 900, o = (i * 13 + d) % 1100;
      Argument subject{"entity " + std::to_string(s), "entity " + std::to_string(s), "CONCEPT", ""};
      Argument object{"entity " + std::to_string(o), "entity " + std::to_string(o), "CONCEPT", ""};
      const std::string rel = "relation " + std::to_string(i % 37);
      triples.push_back(MakeTriple(i % 2, subject, rel.c_str(), rel.c_str(), object));
    }
    docs.push_back(Doc("doc-" + std::to_string(d), "text " + std::to_string(d), std::move(triples)));
  }
  return docs;
}

// The extractions `pattern` matches, each as doc|subject|relation|object.
std::vector<std::string> RowsMatching(Store& s, const Pattern& pattern) {
  std::vector<std::string> out;
  REQUIRE(s.Query(pattern, [&](const ExtractionRow& r) {
             out.push_back(r.doc + "|" + r.triple.subject.text + "|" + r.triple.relation.text + "|" +
                           r.triple.object.text);
             return true;
           }).ok());
  return out;
}

// The bytes of a store's table files.
uintmax_t TableBytes(const fs::path& store) {
  uintmax_t bytes = 0;
  for (const auto& file : fs::directory_iterator(store)) {
    if (file.path().extension() == ".sst") bytes += file.file_size();
  }
  return bytes;
}

TEST_CASE("A bulk load written as files equals the same documents stored one by one", "[storage]") {
  const std::vector<Extraction> docs = BulkDocuments();
  TempStore bulk, single;
  size_t changed = 0;
  REQUIRE(bulk.store->IngestAll(From(docs), &changed).ok());
  CHECK(changed == 40);
  for (const auto& d : docs) {
    bool c;
    REQUIRE(single.store->Ingest(d, &c).ok());
  }
  auto a = bulk.store->Stats(), b = single.store->Stats();
  CHECK(a->documents == b->documents);
  CHECK(a->sentences == b->sentences);
  CHECK(a->triples == b->triples);
  CHECK(a->extractions == 40000);
  CHECK(a->extractions == b->extractions);
  CHECK(a->entities == b->entities);
  auto rows = [](Store& s, Pattern p) {
    std::vector<std::string> out = RowsMatching(s, p);
    std::sort(out.begin(), out.end());
    return out;
  };
  auto from_bulk = rows(*bulk.store, Pattern{.subject = "entity 5"});
  CHECK_FALSE(from_bulk.empty());
  CHECK(from_bulk == rows(*single.store, Pattern{.subject = "entity 5"}));
  CHECK(rows(*bulk.store, Pattern{.relation = "relation 3", .object = "entity 100"}) ==
        rows(*single.store, Pattern{.relation = "relation 3", .object = "entity 100"}));

  // Loading the same documents again changes nothing.
  REQUIRE(bulk.store->IngestAll(From(docs), &changed).ok());
  CHECK(changed == 0);
  CHECK(bulk.store->Stats()->extractions == 40000);
}

TEST_CASE("A store killed while it was being created still opens", "[storage]") {
  // Killed after RocksDB made the column families, before nasij's format marker.
  fs::path path = fs::temp_directory_path() / ("nasij-half-" + std::to_string(::getpid()));
  fs::remove_all(path);
  {
    rocksdb::DBOptions options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : {"default", "term_to_id", "id_to_term", "spo", "pos", "osp", "triples", "extractions",
                             "entities", "aliases", "documents", "sentences"}) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(options, path.string(), families, &handles, &db).ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  auto reader = Store::Open(path.string(), Store::Mode::kReadOnly);
  REQUIRE(reader.ok());
  CHECK((*reader)->Stats()->documents == 0);
  reader.value().reset();
  CHECK(Store::Open(path.string(), Store::Mode::kReadWrite).ok());
  fs::remove_all(path);

  // Killed before RocksDB wrote CURRENT: only its own files are there.
  fs::create_directories(path);
  std::ofstream(path / "LOCK");
  std::ofstream(path / "LOG") << "log";
  CHECK(Store::Open(path.string(), Store::Mode::kReadWrite).ok());
  fs::remove_all(path);
}

TEST_CASE("Open refuses a directory that is not a nasij store", "[storage]") {
  fs::path dir = fs::temp_directory_path() / ("nasij-foreign-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "photo.jpg") << "not a database";
  auto s = Store::Open(dir.string(), Store::Mode::kReadWrite);
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message().find("is not a nasij store") != std::string::npos);
  CHECK(fs::exists(dir / "photo.jpg"));
  CHECK_FALSE(fs::exists(dir / "CURRENT"));
  fs::remove_all(dir);
}

TEST_CASE("Table files in LZ4 hold what those in Zstandard do, and a closed store opens for the next writer",
          "[storage]") {
  const std::vector<Extraction> docs = BulkDocuments();
  TempStore fastest, smallest;
  fastest.store->SetTableCompression(Store::TableCompression::kFastest);
  size_t changed = 0;
  REQUIRE(fastest.store->IngestAll(From(docs), &changed).ok());
  REQUIRE(smallest.store->IngestAll(From(docs), &changed).ok());
  CHECK(TableBytes(fastest.path) > TableBytes(smallest.path));
  auto rows = [](Store& s) { return RowsMatching(s, Pattern{.subject = "entity 5"}); };
  const std::vector<std::string> expected = rows(*smallest.store);
  CHECK_FALSE(expected.empty());
  CHECK(rows(*fastest.store) == expected);

  REQUIRE(fastest.store->Close().ok());
  auto reopened = Store::Open(fastest.path.string(), Store::Mode::kReadWrite);
  REQUIRE(reopened.ok());
  CHECK(rows(**reopened) == expected);
  CHECK((*reopened)->Stats()->extractions == 40000);
}

TEST_CASE("A load in groups written to be compacted takes what Zstandard takes once compacted", "[storage]") {
  const std::vector<Extraction> docs = BulkDocuments();
  const std::vector<Extraction> first(docs.begin(), docs.begin() + 20), second(docs.begin() + 20, docs.end());
  TempStore once_compacted, smallest;
  once_compacted.store->SetTableCompression(Store::TableCompression::kSmallestOnceCompacted);
  for (Store* s : {once_compacted.store.get(), smallest.store.get()}) {
    size_t changed = 0;
    REQUIRE(s->IngestAll(From(first), &changed).ok());
    REQUIRE(s->IngestAll(From(second), &changed).ok());
  }
  // Until compacted, the tables lookups scan are in LZ4.
  CHECK(TableBytes(once_compacted.path) > TableBytes(smallest.path) * 11 / 10);
  REQUIRE(once_compacted.store->Compact().ok());
  REQUIRE(smallest.store->Compact().ok());
  CHECK(TableBytes(once_compacted.path) < TableBytes(smallest.path) * 101 / 100);
  auto rows = [](Store& s) { return RowsMatching(s, Pattern{.object = "entity 7"}); };
  CHECK_FALSE(rows(*smallest.store).empty());
  CHECK(rows(*once_compacted.store) == rows(*smallest.store));
}

TEST_CASE("A load's compaction waits for the compactions RocksDB starts itself", "[storage]") {
  // Ten groups of new triples, written as files: the first six go to the
  // six levels, the next four to level 0, where the fourth makes RocksDB
  // start compacting them on its own thread just before Compact() runs.
  std::vector<Extraction> docs;
  for (int d = 0; d < 200; ++d) {
    std::vector<Triple> triples;
    for (int i = 0; i < 1000; ++i) {
      const std::string s = "entity " + std::to_string(d * 1000 + i);
      const std::string o = "entity " + std::to_string(d * 1000 + (i * 7) % 1000);
      const std::string rel = "relation " + std::to_string(i % 37);
      triples.push_back(MakeTriple(i % 2, {s, s, "CONCEPT", ""}, rel.c_str(), rel.c_str(), {o, o, "CONCEPT", ""}));
    }
    docs.push_back(Doc("doc-" + std::to_string(d), "text " + std::to_string(d), std::move(triples)));
  }
  TempStore grouped, whole;
  grouped.store->SetTableCompression(Store::TableCompression::kSmallestOnceCompacted);
  constexpr size_t kGroup = 20;
  for (size_t at = 0; at < docs.size(); at += kGroup) {
    const std::vector<Extraction> group(docs.begin() + at, docs.begin() + std::min(docs.size(), at + kGroup));
    size_t changed = 0;
    REQUIRE(grouped.store->IngestAll(From(group), &changed).ok());
  }
  const Status compacted = grouped.store->Compact();
  INFO(compacted.message());
  REQUIRE(compacted.ok());
  size_t changed = 0;
  REQUIRE(whole.store->IngestAll(From(docs), &changed).ok());
  auto rows = [](Store& s) { return RowsMatching(s, Pattern{.subject = "entity 11"}); };
  CHECK_FALSE(rows(*whole.store).empty());
  CHECK(rows(*grouped.store) == rows(*whole.store));
}

TEST_CASE("A second writer is refused while the first holds the store", "[storage]") {
  TempStore t;
  auto second = Store::Open(t.path.string(), Store::Mode::kReadWrite);
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().IsBusy());
  CHECK(second.status().message().find("in use by another") != std::string::npos);
  auto reader = Store::Open(t.path.string(), Store::Mode::kReadOnly);
  CHECK(reader.ok());
}

TEST_CASE("A truncated record is reported as corruption, not served", "[storage]") {
  TempStore t;
  bool changed;
  REQUIRE(t.store->Ingest(Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kMoscow)}), &changed).ok());
  t.store.reset();
  const auto cut = [](const std::string& v) { return v.substr(0, v.size() / 2); };
  const auto open = [&] {
    auto s = Store::Open(t.path.string(), Store::Mode::kReadWrite);
    REQUIRE(s.ok());
    t.store = std::move(s.value());
  };
  auto every_triple = [&] { return t.store->ForEachTriple([](const TripleRow&) { return true; }); };
  auto every_extraction = [&] { return t.store->Query(Pattern{}, [](const ExtractionRow&) { return true; }); };

  SECTION("a triple") {
    RawDb(t.path).Rewrite("triples", cut);
    open();
    CHECK(every_triple().IsCorruption());
    auto around = t.store->TriplesOf("moscow", [](const TripleRow&) { return true; });
    CHECK(around.IsCorruption());
    CHECK(around.message().find(t.path.string()) != std::string::npos);  // names the store
  }
  SECTION("an entity") {
    RawDb(t.path).Rewrite("entities", cut);
    open();
    CHECK(every_triple().IsCorruption());
    CHECK(every_extraction().IsCorruption());
    CHECK(t.store->ForEachEntity([](const EntityRow&) { return true; }).IsCorruption());
  }
  SECTION("an extraction") {
    RawDb(t.path).Rewrite("extractions", cut);
    open();
    CHECK(every_extraction().IsCorruption());
  }
  SECTION("a document: storing it again stops") {
    RawDb(t.path).Rewrite("documents", cut);
    open();
    CHECK(t.store->Ingest(Doc("a", "text a, changed", {}), &changed).IsCorruption());
    CHECK_FALSE(changed);
  }
  SECTION("one byte more") {
    RawDb(t.path).Rewrite("triples", [](const std::string& v) { return v + '\x01'; });
    open();
    CHECK(every_triple().IsCorruption());
  }
}

TEST_CASE("A flipped byte in a table file is an error, never absent data", "[storage]") {
  TempStore t;
  bool changed;
  REQUIRE(t.store->Ingest(Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kMoscow)}), &changed).ok());
  t.store.reset();
  const std::string family = GENERATE(as<std::string>(), "default", "aliases", "triples", "term_to_id");
  {
    RawDb raw(t.path);
    raw.Flush();
    // Of the meta family, the table of the counters; "format" is read at open.
    const auto tables = family == "default" ? raw.Tables(family, "count/", "count/\xff") : raw.Tables(family);
    REQUIRE_FALSE(tables.empty());
    for (const fs::path& table : tables) FlipByte(table);
  }
  auto opened = Store::Open(t.path.string(), Store::Mode::kReadWrite);
  REQUIRE(opened.ok());
  Store& store = **opened;
  if (family == "default") {  // the counters: nothing may be counted, nor ids handed out again from 1
    CHECK(store.Stats().status().IsCorruption());
    CHECK(store.Ingest(Doc("b", "text b", {MakeTriple(0, kMoscow, "تقود", "قاد", kCsto)}), &changed).IsCorruption());
  } else if (family == "triples") {
    CHECK(store.ForEachTriple([](const TripleRow&) { return true; }).IsCorruption());
  } else {  // resolving a name reads the aliases and the term ids
    Status s = store.Query(Pattern{.subject = "توكاييف"}, [](const ExtractionRow&) { return true; });
    CHECK(s.IsCorruption());
    CHECK(store.ResolveEntity("توكاييف").status().IsCorruption());
  }
}

TEST_CASE("A table file that cannot be read is an error, never absent data", "[storage]") {
  TempStore t;
  bool changed;
  REQUIRE(t.store->Ingest(Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kMoscow)}), &changed).ok());
  t.store.reset();
  {
    RawDb raw(t.path);
    raw.Flush();
    const auto tables = raw.Tables("triples");
    REQUIRE_FALSE(tables.empty());
    for (const fs::path& table : tables) {
      fs::remove(table);
      fs::create_directory(table);  // reading it fails (EISDIR), even for root
    }
  }
  auto opened = Store::Open(t.path.string(), Store::Mode::kReadOnly);
  Status s = opened.ok() ? (*opened)->ForEachTriple([](const TripleRow&) { return true; }) : opened.status();
  REQUIRE_FALSE(s.ok());
  CHECK((s.IsIOError() || s.IsCorruption()));
  CHECK(s.message().find(t.path.string()) != std::string::npos);  // the store is named
}

TEST_CASE("A counter that cannot be read stops the write instead of handing ids out again", "[storage]") {
  TempStore t;
  bool changed;
  REQUIRE(t.store->Ingest(Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kMoscow)}), &changed).ok());
  t.store.reset();
  const std::string key = GENERATE(as<std::string>(), "count/next_id", "count/next_doc");
  SECTION("not a number") {
    RawDb raw(t.path);
    REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.Family("default"), key, "3x").ok());
  }
  SECTION("missing while ids are in use") {
    RawDb raw(t.path);
    REQUIRE(raw.db->Delete(rocksdb::WriteOptions(), raw.Family("default"), key).ok());
  }
  auto opened = Store::Open(t.path.string(), Store::Mode::kReadWrite);
  REQUIRE(opened.ok());
  Status s = (*opened)->Ingest(Doc("b", "text b", {MakeTriple(0, kMoscow, "تقود", "قاد", kCsto)}), &changed);
  CHECK(s.IsCorruption());
  CHECK(s.message().find(key) != std::string::npos);
  CHECK_FALSE(changed);
  CHECK(All(**opened, Pattern{.subject = "Moscow"}).empty());  // nothing of b was written
  CHECK(All(**opened, Pattern{.subject = "توكاييف"}).size() == 1);
}

TEST_CASE("An entity without a key is refused, not counted at every load", "[storage]") {
  TempStore t;
  bool changed;
  // Tatweels, or a lone zero-width joiner: names that normalize to nothing.
  const Argument nothing{"ـــ", "", "CONCEPT", ""};
  for (int load = 0; load < 3; ++load) {
    Status s = t.store->Ingest(Doc("a", "text a", {MakeTriple(0, nothing, "استدعى", "استدعى", kMoscow)}), &changed);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message().find("ـــ") != std::string::npos);
    CHECK_FALSE(changed);
  }
  CHECK(t.store->Stats()->entities == 0);
  CHECK(t.store->Stats()->documents == 0);
  // The same document with keys is stored.
  REQUIRE(t.store->Ingest(Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kMoscow)}), &changed).ok());
  CHECK(t.store->Stats()->entities == 2);
}

TEST_CASE("CheckStorable refuses, before anything is staged, what Ingest refuses", "[storage]") {
  TempStore t;
  const Argument nothing{"ـــ", "", "CONCEPT", ""};
  const Extraction bad = Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", nothing)});
  Status checked = CheckStorable(bad);
  CHECK(checked.IsInvalidArgument());
  bool changed;
  CHECK(t.store->Ingest(bad, &changed).message() == checked.message());
  CHECK(CheckStorable(Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kMoscow)})).ok());
}

TEST_CASE("The write-ahead log: a torn tail loses its last document whole, damage before it is refused",
          "[storage]") {
  TempStore t;
  bool changed;
  for (int d = 0; d < 5; ++d) {
    const std::string id = "doc-" + std::to_string(d);
    REQUIRE(t.store->Ingest(Doc(id, "text " + id, {MakeTriple(0, kTokayev, "استدعى", "استدعى", kMoscow),
                                                  MakeTriple(1, kMoscow, "تقود", "قاد", kCsto)}),
                            &changed)
                .ok());
  }
  t.store.reset();
  // After ingest the documents live in the log, not yet in table files.
  fs::path log;
  for (const auto& f : fs::directory_iterator(t.path)) {
    if (f.path().extension() == ".log" && (log.empty() || fs::file_size(f) > fs::file_size(log))) log = f.path();
  }
  REQUIRE_FALSE(log.empty());
  const auto size = fs::file_size(log);
  REQUIRE(size > 1000);

  SECTION("a torn tail") {
    fs::resize_file(log, size - 20);
    auto opened = Store::Open(t.path.string(), Store::Mode::kReadWrite);
    REQUIRE(opened.ok());
    auto st = (*opened)->Stats();
    REQUIRE(st.ok());
    CHECK(st->documents == 4);
    CHECK(st->extractions == 8);  // whole documents only
    CHECK(All(**opened, Pattern{.doc = "doc-3"}).size() == 2);
    CHECK(All(**opened, Pattern{.doc = "doc-4"}).empty());
  }
  SECTION("a flipped byte in the middle") {
    {
      std::fstream f(log, std::ios::in | std::ios::out | std::ios::binary);
      f.seekg(size / 2);
      char c;
      REQUIRE(f.get(c));
      f.seekp(size / 2);
      f.put(static_cast<char>(c ^ 0x40));
    }
    for (auto mode : {Store::Mode::kReadOnly, Store::Mode::kReadWrite}) {
      auto opened = Store::Open(t.path.string(), mode);
      REQUIRE_FALSE(opened.ok());
      CHECK(opened.status().IsCorruption());
      CHECK(opened.status().message().rfind(t.path.string(), 0) == 0);  // names the store first
    }
  }
}

TEST_CASE("The files a killed bulk load left are removed by the next writer", "[storage]") {
  TempStore t;
  t.store.reset();
  const fs::path leftover = t.path / "bulk-999999";
  fs::create_directories(leftover);
  std::ofstream(leftover / "0.sst") << "half a table file";
  {
    auto reader = Store::Open(t.path.string(), Store::Mode::kReadOnly);
    REQUIRE(reader.ok());
    CHECK(fs::exists(leftover));  // a reader changes nothing
  }
  auto writer = Store::Open(t.path.string(), Store::Mode::kReadWrite);
  REQUIRE(writer.ok());
  CHECK_FALSE(fs::exists(leftover));
  CHECK(fs::exists(t.path / "CURRENT"));
}

TEST_CASE("Opening a store leaves the process's limits alone", "[storage]") {
  TempStore t;
  rlimit before;
  REQUIRE(getrlimit(RLIMIT_NOFILE, &before) == 0);
  rlimit lowered = before;
  lowered.rlim_cur = std::min<rlim_t>(before.rlim_max - 1, 512);  // below the hard limit, which a store might take
  REQUIRE(setrlimit(RLIMIT_NOFILE, &lowered) == 0);
  auto reader = Store::Open(t.path.string(), Store::Mode::kReadOnly);
  rlimit after;
  REQUIRE(getrlimit(RLIMIT_NOFILE, &after) == 0);
  REQUIRE(setrlimit(RLIMIT_NOFILE, &before) == 0);
  CHECK(reader.ok());
  CHECK(after.rlim_cur == lowered.rlim_cur);
}

TEST_CASE("Readers opening during bulk loads never miss a file the loads' compactions delete", "[storage]") {
  // Loads large enough to be written as table files, which RocksDB then
  // compacts; a reader opening meanwhile used to find a file it had listed
  // deleted ("Can't access 000182.sst") and fail.
  TempStore t;
  std::vector<std::vector<Extraction>> loads(10);
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> entity(0, 20000), relation(0, 300);
  for (size_t k = 0; k < loads.size(); ++k) {
    for (int d = 0; d < 100; ++d) {
      std::vector<Triple> triples;
      for (int i = 0; i < 200; ++i) {
        const std::string s = "e" + std::to_string(entity(rng)), o = "e" + std::to_string(entity(rng));
        const std::string r = "r" + std::to_string(relation(rng));
        triples.push_back(MakeTriple(0, Argument{s, s, "CONCEPT", ""}, r.c_str(), r.c_str(),
                                     Argument{o, o, "CONCEPT", ""}));
      }
      const std::string id = "load" + std::to_string(k) + "-" + std::to_string(d);
      loads[k].push_back(Doc(id, id, std::move(triples)));
    }
  }
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::mutex mutex;
  std::vector<std::string> failures;
  auto read = [&] {
    while (!done) {
      auto reader = Store::Open(t.path.string(), Store::Mode::kReadOnly);
      Status s = reader.ok() ? (*reader)->Stats().status() : reader.status();
      ++reads;
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mutex);
        failures.push_back(s.message());
      }
    }
  };
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) readers.emplace_back(read);
  Status loaded;
  for (const auto& load : loads) {
    size_t changed = 0;
    loaded = t.store->IngestAll(From(load), &changed);
    if (!loaded.ok()) break;
  }
  done = true;
  for (auto& r : readers) r.join();
  REQUIRE(loaded.ok());
  INFO((failures.empty() ? "" : failures.front()));
  CHECK(failures.empty());
  CHECK(reads > 20);
}

TEST_CASE("What a killed creation left beside the store is removed by the next one", "[storage]") {
  const fs::path path = fs::temp_directory_path() / ("nasij-created-" + std::to_string(::getpid()));
  fs::remove_all(path);
  // A process that is gone: a child that has exited and been reaped.
  const pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  REQUIRE(gone > 0);
  REQUIRE(::waitpid(gone, nullptr, 0) == gone);
  const fs::path abandoned = path.string() + ".creating-" + std::to_string(gone);
  const fs::path alive = path.string() + ".creating-" + std::to_string(::getppid());
  for (const fs::path& dir : {abandoned, alive}) {
    fs::create_directories(dir);
    std::ofstream(dir / "LOG") << "half a store";
  }
  REQUIRE(Store::Open(path.string(), Store::Mode::kReadWrite).ok());
  CHECK_FALSE(fs::exists(abandoned));
  CHECK(fs::exists(alive));  // its process may still be creating the store
  CHECK(fs::exists(path / "CURRENT"));
  fs::remove_all(alive);
  fs::remove_all(path);
}

TEST_CASE("A long-lived reader sees each write once it lands, and its older views stay whole", "[storage]") {
  TempStore t;
  bool changed;
  REQUIRE(t.store->Ingest(Doc("a", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kTroops)}), &changed).ok());
  auto reader = StoreReader::Open(t.path.string(), std::chrono::milliseconds(0));
  REQUIRE(reader.ok());
  auto first = (*reader)->Current();
  REQUIRE(first.ok());
  auto again = (*reader)->Current();
  REQUIRE(again.ok());
  CHECK(again->get() == first->get());  // nothing changed: the same open store

  REQUIRE(t.store->Ingest(Doc("b", "text b", {MakeTriple(0, kMoscow, "تقود", "قاد", kCsto)}), &changed).ok());
  auto second = (*reader)->Current();
  REQUIRE(second.ok());
  CHECK(second->get() != first->get());
  CHECK((*second)->Stats()->documents == 2);
  CHECK((*first)->Stats()->documents == 1);  // a view in use is not changed under its reader

  REQUIRE(t.store->Flush().ok());  // the log moves into table files: the same data, opened anew
  auto flushed = (*reader)->Current();
  REQUIRE(flushed.ok());
  CHECK((*flushed)->Stats()->documents == 2);
  CHECK(All(**flushed, Pattern{.entity = "موسكو"}).size() == 1);
}

TEST_CASE("A long-lived reader of a store that is gone fails to open", "[storage]") {
  auto reader = StoreReader::Open((fs::temp_directory_path() / "nasij-no-such-store").string(), std::chrono::milliseconds(0));
  REQUIRE_FALSE(reader.ok());
  CHECK(reader.status().IsNotFound());
}

TEST_CASE("An argument that runs past a name the document mentions is no alias of it", "[storage]") {
  TempStore t;
  const Argument washington{"واشنطن", "washington", "LOC", "Washington"};
  const Argument worried{"واشنطن عن قلقها", "washington", "LOC", "Washington"};
  Extraction e = Doc("a", "text a", {MakeTriple(0, worried, "أعربت", "أعرب", kTroops)});
  e.mentions = {{0, washington, 0, 6}};
  bool changed;
  REQUIRE(t.store->Ingest(e, &changed).ok());
  CHECK(*t.store->ResolveEntity("واشنطن") == std::vector<std::string>{"washington"});
  CHECK(t.store->ResolveEntity("واشنطن عن قلقها")->empty());

  // Triples another tool made come without mentions: their text is all there is.
  const Argument acme{"Acme Corp", "acme", "ORG", ""};
  Extraction loaded = Doc("b", "text b", {MakeTriple(0, acme, "supplied", "supply", kTroops)});
  loaded.mentions.clear();
  REQUIRE(t.store->Ingest(loaded, &changed).ok());
  CHECK(*t.store->ResolveEntity("Acme Corp") == std::vector<std::string>{"acme"});
}

namespace {

// A document with every field of an extraction set, each to its own value.
Extraction EveryField(int n) {
  const std::string k = std::to_string(n);
  Extraction e = Doc("doc-" + k, "النص " + k, {MakeTriple(1, kTokayev, "استدعى", "استدعى", kTroops)});
  e.document.lang = "ar";
  e.document.title = "title " + k;
  e.document.url = "https://example.org/" + k;
  e.document.published = "2022-01-0" + k;
  e.document.source = "source " + k;
  e.document.author = "author " + k;
  Triple& t = e.triples[0];
  t.relation.label_en = "summon";
  t.negated = true;
  t.modality = Modality::kReported;
  t.confidence = 0.625;
  t.start = 3;
  t.end = 40 + n;
  t.time = "الثلاثاء " + k;
  t.object.unresolved = n % 2 == 1;
  e.known["kassym-jomart-tokayev"] = {"قاسم جومارت توكاييف", "Kassym-Jomart Tokayev", {"توكاييف", "Tokayev"}};
  return e;
}

void CheckSame(const Extraction& a, const Extraction& b) {
  const Document &x = a.document, &y = b.document;
  CHECK(std::tie(x.id, x.text, x.lang, x.title, x.url, x.published, x.source, x.author) ==
        std::tie(y.id, y.text, y.lang, y.title, y.url, y.published, y.source, y.author));
  REQUIRE(a.sentences.size() == b.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const Sentence &s = a.sentences[i], &r = b.sentences[i];
    CHECK(std::tie(s.start, s.end, s.text, s.lang) == std::tie(r.start, r.end, r.text, r.lang));
  }
  auto same_argument = [](const Argument& p, const Argument& q) {
    return std::tie(p.text, p.entity, p.kind, p.label_en, p.unresolved) ==
           std::tie(q.text, q.entity, q.kind, q.label_en, q.unresolved);
  };
  REQUIRE(a.mentions.size() == b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention &m = a.mentions[i], &n = b.mentions[i];
    CHECK(std::tie(m.sentence, m.start, m.end) == std::tie(n.sentence, n.start, n.end));
    CHECK(same_argument(m.entity, n.entity));
  }
  REQUIRE(a.triples.size() == b.triples.size());
  for (size_t i = 0; i < a.triples.size(); ++i) {
    const Triple &t = a.triples[i], &u = b.triples[i];
    CHECK(same_argument(t.subject, u.subject));
    CHECK(same_argument(t.object, u.object));
    CHECK(std::tie(t.relation.text, t.relation.lemma, t.relation.label_en) ==
          std::tie(u.relation.text, u.relation.lemma, u.relation.label_en));
    CHECK(std::tie(t.sentence, t.confidence, t.negated, t.modality, t.lang, t.start, t.end, t.time) ==
          std::tie(u.sentence, u.confidence, u.negated, u.modality, u.lang, u.start, u.end, u.time));
  }
  REQUIRE(a.known.size() == b.known.size());
  for (const auto& [key, known] : a.known) {
    REQUIRE(b.known.count(key));
    const KnownEntity& other = b.known.at(key);
    CHECK(std::tie(known.label_ar, known.label_en, known.aliases) ==
          std::tie(other.label_ar, other.label_en, other.aliases));
  }
}

struct TempPath {
  fs::path path = fs::temp_directory_path() / ("nasij-part-" + std::to_string(::getpid()) + ".nasijpart");
  ~TempPath() { fs::remove(path); }
};

}  // namespace

TEST_CASE("A partition result gives back each extraction whole, in order", "[storage]") {
  TempPath file;
  {
    auto writer = PartitionWriter::Create(file.path.string());
    REQUIRE(writer.ok());
    for (int n = 1; n <= 3; ++n) REQUIRE((*writer)->Add(EveryField(n)).ok());
    CHECK_FALSE(fs::exists(file.path));  // not before it is complete
    REQUIRE((*writer)->Finish().ok());
  }
  auto reader = PartitionReader::Open(file.path.string());
  REQUIRE(reader.ok());
  for (int n = 1; n <= 3; ++n) {
    Extraction e;
    auto more = (*reader)->Next(&e);
    REQUIRE(more.ok());
    REQUIRE(*more);
    CheckSame(e, EveryField(n));
  }
  Extraction none;
  auto more = (*reader)->Next(&none);
  REQUIRE(more.ok());
  CHECK_FALSE(*more);
}

TEST_CASE("An abandoned partition writer leaves nothing behind", "[storage]") {
  TempPath file;
  {
    auto writer = PartitionWriter::Create(file.path.string());
    REQUIRE(writer.ok());
    REQUIRE((*writer)->Add(EveryField(1)).ok());
  }
  for (const auto& entry : fs::directory_iterator(file.path.parent_path())) {
    CHECK_FALSE(entry.path().filename().string().starts_with(file.path.filename().string()));
  }
}

TEST_CASE("A damaged partition result is refused, and a merge reading it writes nothing", "[storage]") {
  TempPath file;
  {
    auto writer = PartitionWriter::Create(file.path.string());
    REQUIRE(writer.ok());
    // Entries of many blocks, so that the format record, last, is in another.
    for (int n = 1; n <= 200; ++n) REQUIRE((*writer)->Add(EveryField(n)).ok());
    REQUIRE((*writer)->Finish().ok());
  }
  FlipByte(file.path);  // inside the first block of entries
  auto reader = PartitionReader::Open(file.path.string());
  REQUIRE(reader.ok());
  TempStore t;
  size_t changed = 0;
  Status s = t.store->IngestAll([&](Extraction* next) { return (*reader)->Next(next); }, &changed);
  CHECK(s.IsCorruption());
  CHECK(changed == 0);
  CHECK(t.store->Stats()->documents == 0);

  std::ofstream(file.path) << "not a table file";
  auto foreign = PartitionReader::Open(file.path.string());
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.status().IsCorruption());
  CHECK(foreign.status().message().find("is not a nasij partition result") != std::string::npos);
}

TEST_CASE("A relation written alike with and without a gloss is stored the same in either order", "[storage]") {
  // One document glosses غير (change), another does not: each triple keeps
  // its own form, and the triple both support the lesser one, in any order.
  Triple glossed = MakeTriple(0, kTroops, "غير", "غير", kMoscow);
  glossed.relation.label_en = "change";
  const Triple bare = MakeTriple(0, kTroops, "غير", "غير", kMoscow);
  const Triple bare_alone = MakeTriple(1, kCsto, "غير", "غير", kMoscow);
  const std::vector<Extraction> docs = {Doc("glossed", "text 1", {glossed}), Doc("bare", "text 2", {bare, bare_alone})};
  std::vector<std::string> first;
  for (const auto& order : {docs, std::vector<Extraction>{docs[1], docs[0]}}) {
    for (bool in_one_batch : {true, false}) {
      TempStore t;
      if (in_one_batch) {
        size_t changed = 0;
        REQUIRE(t.store->IngestAll(From(order), &changed).ok());
      } else {
        for (const Extraction& d : order) {
          bool changed;
          REQUIRE(t.store->Ingest(d, &changed).ok());
        }
      }
      std::vector<std::string> triples;
      REQUIRE(t.store->ForEachTriple([&](const TripleRow& r) {
                       triples.push_back(r.subject.key + "|" + r.relation.text + "|" + r.relation.label_en + "|" +
                                         std::to_string(r.sources));
                       return true;
                     }).ok());
      std::sort(triples.begin(), triples.end());
      if (first.empty()) first = triples;
      CHECK(triples == first);
    }
  }
  CHECK(first == std::vector<std::string>{"csto|غير||1", "القوات الروسيه|غير||2"});
}

TEST_CASE("An entity's kind is the one its mentions give most, whatever order documents arrive in", "[storage]") {
  // A militia the tagger read as an organization twice and as a person and
  // a name of unknown kind once each: an organization, though a person
  // outranks one.
  auto militia = [](const char* kind) { return Argument{"ميليشيا الوادي", "ملشيا الوادي", kind, ""}; };
  const std::vector<Extraction> docs = {
      Doc("org-1", "text 1", {MakeTriple(0, militia("ORG"), "هاجمت", "هاجم", kMoscow)}),
      Doc("org-2", "text 2", {MakeTriple(0, militia("ORG"), "أعلنت", "أعلن", kTroops)}),
      Doc("per", "text 3", {MakeTriple(0, militia("PER"), "قال", "قال", kTroops)}),
      Doc("misc", "text 4", {MakeTriple(0, militia("MISC"), "نفت", "نفى", kTroops)})};
  auto kind = [](Store& store) {
    std::string found;
    REQUIRE(store.ForEachEntity([&](const EntityRow& e) {
                   if (e.key == "ملشيا الوادي") found = e.kind;
                   return true;
                 }).ok());
    return found;
  };
  std::vector<size_t> order = {0, 1, 2, 3};
  do {
    std::vector<Extraction> ordered;
    for (size_t i : order) ordered.push_back(docs[i]);
    TempStore one_by_one, at_once;
    for (const Extraction& d : ordered) {
      bool changed;
      REQUIRE(one_by_one.store->Ingest(d, &changed).ok());
    }
    size_t changed = 0;
    REQUIRE(at_once.store->IngestAll(From(ordered), &changed).ok());
    CHECK(kind(*one_by_one.store) == "ORG");
    CHECK(kind(*at_once.store) == "ORG");
  } while (std::next_permutation(order.begin(), order.end()));

  // With the organization's documents rewritten without it, one mention as
  // a person and one of unknown kind are left: on a tie the surer kind.
  TempStore t;
  size_t changed = 0;
  REQUIRE(t.store->IngestAll(From(docs), &changed).ok());
  const std::vector<Extraction> rewritten = {Doc("org-1", "text 1, rewritten", {MakeTriple(0, kTokayev, "هاجم", "هاجم", kMoscow)}),
                                             Doc("org-2", "text 2, rewritten", {MakeTriple(0, kTokayev, "أعلن", "أعلن", kTroops)})};
  REQUIRE(t.store->IngestAll(From(rewritten), &changed).ok());
  CHECK(kind(*t.store) == "PER");
}

TEST_CASE("DocumentOf reads back what a document was stored with", "[storage]") {
  TempStore t;
  Extraction with = Doc("with", "text a", {MakeTriple(0, kTokayev, "استدعى", "استدعى", kTroops)});
  with.document.lang = "ar";
  with.document.title = "توكاييف يستدعي القوات";
  with.document.url = "https://news.example.org/2022/01/05/a";
  with.document.published = "2022-01-05T10:00:00Z";
  with.document.source = "Example News";
  bool changed;
  REQUIRE(t.store->Ingest(with, &changed).ok());
  REQUIRE(t.store->Ingest(Doc("bare", "text b", {MakeTriple(0, kMoscow, "تقود", "قاد", kCsto)}), &changed).ok());

  auto meta = t.store->DocumentOf("with");
  REQUIRE(meta.ok());
  CHECK(meta->id == "with");
  CHECK(meta->lang == "ar");
  CHECK(meta->title == "توكاييف يستدعي القوات");
  CHECK(meta->url == "https://news.example.org/2022/01/05/a");
  CHECK(meta->published == "2022-01-05T10:00:00Z");
  CHECK(meta->source == "Example News");
  CHECK(meta->author.empty());

  auto bare = t.store->DocumentOf("bare");
  REQUIRE(bare.ok());
  CHECK(bare->title.empty());
  CHECK(bare->url.empty());
  CHECK(bare->published.empty());

  CHECK(t.store->DocumentOf("absent").status().IsNotFound());
}

TEST_CASE("An edge's extractions are its own, not those of a relation spelled alike", "[storage]") {
  TempStore t;
  bool changed;
  // Two relations that one name finds (diacritics are ignored): each edge
  // shows only the sentence that says it.
  REQUIRE(t.store->Ingest(Doc("a", "ta", {MakeTriple(0, kTokayev, "علّق", "علّق", kMoscow)}), &changed).ok());
  REQUIRE(t.store->Ingest(Doc("b", "tb", {MakeTriple(1, kTokayev, "علق", "علق", kMoscow)}), &changed).ok());
  auto id = t.store->EntityId("kassym-jomart-tokayev");
  REQUIRE(id.ok());
  std::vector<std::string> seen;
  REQUIRE(t.store->EdgesOf(*id, [&](const Edge& edge) {
                   auto rows = t.store->TripleRows({edge});
                   REQUIRE(rows.ok());
                   REQUIRE(rows->size() == 1);
                   const TripleRow* row = &rows->front();
                   CHECK(std::tie(row->ids.subject, row->ids.relation, row->ids.object) ==
                         std::tie(edge.subject, edge.relation, edge.object));
                   REQUIRE(t.store->ExtractionsOf(row->ids, [&](const ExtractionRow& x) {
                                    seen.push_back(row->relation.lemma + " " + x.doc + " " + x.sentence_text + " " +
                                                   x.triple.subject.entity + " " + x.triple.object.entity);
                                    return true;
                                  }).ok());
                   return true;
                 }).ok());
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::string>{"علق b الجملة الثانية kassym-jomart-tokayev moscow",
                                         "علّق a الجملة الأولى kassym-jomart-tokayev moscow"});
  // The name finds both relations.
  CHECK(All(*t.store, Pattern{.relation = "علق"}).size() == 2);
}
