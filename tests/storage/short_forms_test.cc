// Joins across documents: a surname said alone in one document joins the one
// person of that surname another document named in full (docs/storage.md,
// "Short forms"), and spellings of one name join (variant_joins.h).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "storage/store.h"

namespace fs = std::filesystem;
using namespace nasij;

namespace {

struct TempStore {
  fs::path path;
  std::unique_ptr<Store> store;
  TempStore() {
    static int n = 0;
    path = fs::temp_directory_path() / ("nasij-shortforms-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
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

const Argument kGordonBrown{"Gordon Brown", "gordon brown", "PER", ""};
const Argument kMichelleBrown{"Michelle Brown", "michelle brown", "PER", ""};
const Argument kBrown{"Brown", "brown", "PER", ""};
const Argument kBlair{"Blair", "blair", "MISC", ""};
const Argument kBudget{"the budget", "the budget", "CONCEPT", ""};
const Argument kTalks{"talks", "talks", "CONCEPT", ""};

Triple Said(Argument subject, const char* relation, Argument object) {
  Triple t;
  t.subject = std::move(subject);
  t.relation = {relation, relation, ""};
  t.object = std::move(object);
  t.confidence = 0.8;
  t.lang = "en";
  return t;
}

// A document of these triples, its names mentioned as written.
Extraction Doc(const std::string& id, std::vector<Triple> triples) {
  Extraction e;
  e.document.id = id;
  e.document.text = "text of " + id;
  e.document.lang = "en";
  e.sentences.push_back({0, 10, "A sentence.", "en"});
  e.triples = std::move(triples);
  for (const Triple& t : e.triples) {
    for (const Argument& a : {t.subject, t.object}) {
      if (a.kind != "CONCEPT") e.mentions.push_back({0, a, 0, 1});
    }
  }
  return e;
}

// Document A names Gordon Brown in full; B says only "Brown"; C names
// another Brown in full.
Extraction GordonBrownDoc() {
  return Doc("a", {Said(kGordonBrown, "presented", kBudget), Said(kGordonBrown, "met", kBlair)});
}
Extraction BrownDoc() { return Doc("b", {Said(kBrown, "met", kBlair), Said(kBlair, "praised", kBrown)}); }
Extraction MichelleBrownDoc() { return Doc("c", {Said(kMichelleBrown, "joined", kTalks)}); }

void IngestEach(Store& store, const std::vector<Extraction>& docs) {
  for (const Extraction& d : docs) {
    bool changed;
    REQUIRE(store.Ingest(d, &changed).ok());
  }
}

// Everything a read shows of the store, in one text: entities, triples, an
// entity's neighbourhood and the extractions a surname query finds.
std::string Shown(Store& store, const std::string& near = "blair", const std::string& queried = "Brown") {
  std::vector<std::string> lines;
  REQUIRE(store.ForEachEntity([&](const EntityRow& e) {
                 std::string line = "entity " + e.key + " " + e.kind + " " + e.label + " " +
                                    std::to_string(e.mentions) + " " + std::to_string(e.triples);
                 for (const std::string& a : e.aliases) line += " /" + a;
                 lines.push_back(line);
                 return true;
               }).ok());
  REQUIRE(store.ForEachTriple([&](const TripleRow& t) {
                 lines.push_back("triple " + t.subject.key + " | " + t.relation.lemma + " | " + t.object.key + " " +
                                 std::to_string(t.sources));
                 return true;
               }).ok());
  auto around = Neighborhood(store, near, 1);
  REQUIRE(around.ok());
  for (const TripleRow& t : *around) lines.push_back("near " + near + " " + t.subject.key + " | " + t.relation.lemma + " | " + t.object.key);
  REQUIRE(store.Query(Pattern{.entity = queried}, [&](const ExtractionRow& r) {
                 lines.push_back("query " + r.doc + " " + r.triple.subject.entity + " | " + r.triple.relation.text +
                                 " | " + r.triple.object.entity);
                 return true;
               }).ok());
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const std::string& line : lines) all += line + "\n";
  return all;
}

// Ingests `docs` in every order, one by one and all at once, and checks
// that reads show the same each time.
void CheckSameInEveryOrder(const std::vector<Extraction>& docs, const std::string& near, const std::string& queried) {
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::string first;
  do {
    std::vector<Extraction> ordered;
    for (size_t i : order) ordered.push_back(docs[i]);
    TempStore one_by_one, at_once;
    IngestEach(*one_by_one.store, ordered);
    size_t changed = 0;
    REQUIRE(at_once.store
                ->IngestAll([&, i = size_t(0)](Extraction* next) mutable {
                  if (i == ordered.size()) return Result<bool>(false);
                  *next = ordered[i++];
                  return Result<bool>(true);
                }, &changed)
                .ok());
    const std::string shown = Shown(*one_by_one.store, near, queried);
    if (first.empty()) first = shown;
    CHECK(shown == first);
    CHECK(Shown(*at_once.store, near, queried) == first);
  } while (std::next_permutation(order.begin(), order.end()));
}

bool HasEntity(Store& store, const std::string& key) {
  bool found = false;
  REQUIRE(store.ForEachEntity([&](const EntityRow& e) { return !(found = e.key == key); }).ok());
  return found;
}

}  // namespace

TEST_CASE("A surname alone in another document joins the one person named in full", "[storage][short-forms]") {
  TempStore t;
  IngestEach(*t.store, {GordonBrownDoc(), BrownDoc()});

  CHECK_FALSE(HasEntity(*t.store, "brown"));
  CHECK(*t.store->EntityId("brown") == *t.store->EntityId("gordon brown"));
  CHECK(*t.store->ResolveEntity("Brown") == std::vector<std::string>{"gordon brown"});
  CHECK(t.store->Stats()->entities == 3);  // Gordon Brown, the budget, Blair

  const std::string shown = Shown(*t.store);
  // Brown met Blair and Gordon Brown met Blair are one triple of two sources.
  CHECK(shown.find("triple gordon brown | met | blair 2") != std::string::npos);
  CHECK(shown.find("triple blair | praised | gordon brown 1") != std::string::npos);
  CHECK(shown.find("near blair gordon brown | met | blair") != std::string::npos);
  CHECK(shown.find("query b gordon brown | met | blair") != std::string::npos);
  CHECK(shown.find("query a gordon brown | presented | the budget") != std::string::npos);
  // One person, with the name the other document called him by and both
  // documents' mentions and triples.
  CHECK(shown.find("entity gordon brown PER Gordon Brown 4 4 /Brown /Gordon Brown") != std::string::npos);

  auto path = ShortestPath(*t.store, "the budget", "blair", 3);
  REQUIRE(path.ok());
  REQUIRE(path->has_value());
  CHECK((*path)->size() == 2);  // through Gordon Brown
}

TEST_CASE("A surname two persons share joins neither", "[storage][short-forms]") {
  TempStore t;
  IngestEach(*t.store, {GordonBrownDoc(), BrownDoc(), MichelleBrownDoc()});
  CHECK(HasEntity(*t.store, "brown"));
  CHECK(*t.store->EntityId("brown") != *t.store->EntityId("gordon brown"));
  const std::string shown = Shown(*t.store);
  CHECK(shown.find("triple brown | met | blair 1") != std::string::npos);
  CHECK(shown.find("query a") == std::string::npos);

  // When Michelle Brown's only document is gone, Brown is Gordon Brown again.
  Extraction without = MichelleBrownDoc();
  without.document.text = "text of c, rewritten";
  without.triples = {Said(kBlair, "praised", kTalks)};
  without.mentions.clear();
  IngestEach(*t.store, {without});
  CHECK_FALSE(HasEntity(*t.store, "brown"));
  CHECK(Shown(*t.store).find("triple gordon brown | met | blair 2") != std::string::npos);
}

TEST_CASE("Short forms join the same whatever order documents arrive in", "[storage][short-forms]") {
  CheckSameInEveryOrder({GordonBrownDoc(), BrownDoc()}, "blair", "Brown");
  CheckSameInEveryOrder({GordonBrownDoc(), BrownDoc(), MichelleBrownDoc()}, "blair", "Brown");
}

TEST_CASE("Partitions built apart and merged join as one ingest does", "[storage][short-forms]") {
  const fs::path dir = fs::temp_directory_path() / ("nasij-shortforms-parts-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // The short form in one partition, each person in another.
  const std::vector<std::vector<Extraction>> parts = {{BrownDoc()}, {GordonBrownDoc()}};
  for (size_t p = 0; p < parts.size(); ++p) {
    auto writer = PartitionWriter::Create((dir / ("part-" + std::to_string(p) + ".nasijpart")).string());
    REQUIRE(writer.ok());
    for (const Extraction& e : parts[p]) REQUIRE((*writer)->Add(e).ok());
    REQUIRE((*writer)->Finish().ok());
  }
  TempStore merged, single;
  for (size_t p = 0; p < parts.size(); ++p) {
    auto reader = PartitionReader::Open((dir / ("part-" + std::to_string(p) + ".nasijpart")).string());
    REQUIRE(reader.ok());
    size_t changed = 0;
    REQUIRE(merged.store->IngestAll([&](Extraction* next) { return (*reader)->Next(next); }, &changed).ok());
  }
  IngestEach(*single.store, {GordonBrownDoc(), BrownDoc()});
  CHECK(Shown(*merged.store) == Shown(*single.store));
  CHECK_FALSE(HasEntity(*merged.store, "brown"));
  fs::remove_all(dir);
}

TEST_CASE("A surname in Latin letters with accents joins as well", "[storage][short-forms]") {
  TempStore t;
  const Argument barroso_in_full{"José Manuel Barroso", "josé manuel barroso", "PER", ""};
  const Argument barroso{"Barroso", "barroso", "PER", ""};
  IngestEach(*t.store, {Doc("full", {Said(barroso_in_full, "said", kTalks), Said(barroso_in_full, "left", kTalks)}),
                        Doc("short", {Said(barroso, "met", kBlair)})});
  CHECK_FALSE(HasEntity(*t.store, "barroso"));
  CHECK(*t.store->ResolveEntity("Barroso") == std::vector<std::string>{"josé manuel barroso"});
}

TEST_CASE("Only a person's surname joins: no place, organization, particle or known name", "[storage][short-forms]") {
  TempStore t;
  const Argument united_club{"Manchester United", "manchester united", "ORG", ""};
  const Argument united{"United", "united", "MISC", ""};
  const Argument bin_salman{"Mohammed bin Salman", "mohammed bin salman", "PER", ""};
  const Argument salman{"Salman", "salman", "PER", ""};
  const Argument barack_obama{"Barack Obama", "barack obama", "PER", ""};
  const Argument obama{"Obama", "obama", "PER", "Barack Obama"};  // a name the gazetteer knows
  const Argument bo{"Bo", "bo", "MISC", ""};
  const Argument jin_bo{"Li Bo", "li bo", "PER", ""};
  IngestEach(*t.store, {Doc("full", {Said(united_club, "won", kTalks), Said(bin_salman, "met", kTalks),
                                     Said(barack_obama, "met", kTalks), Said(jin_bo, "met", kTalks)}),
                        Doc("short", {Said(united, "lost", kBlair), Said(salman, "met", kBlair),
                                      Said(obama, "met", kBlair), Said(bo, "met", kBlair)})});
  for (const char* key : {"united", "salman", "obama", "bo"}) {
    INFO(key);
    CHECK(HasEntity(*t.store, key));
  }
}

TEST_CASE("A name its mentions give another kind joins no person, whatever order documents arrive in",
          "[storage][short-forms]") {
  // The firm Johnson & Johnson, its names tagged as of unknown kind; the
  // carmaker Ford, tagged an organization twice and a person once.
  const Argument lyndon_johnson{"Lyndon Johnson", "lyndon johnson", "PER", ""};
  const Argument johnson_firm{"Johnson", "johnson", "MISC", ""};
  const Argument gerald_ford{"Gerald Ford", "gerald ford", "PER", ""};
  auto ford = [](const char* kind) { return Argument{"Ford", "ford", kind, ""}; };
  const std::vector<Extraction> docs = {
      Doc("persons", {Said(lyndon_johnson, "signed", kTalks), Said(lyndon_johnson, "met", kTalks),
                      Said(gerald_ford, "vetoed", kBudget), Said(gerald_ford, "met", kTalks),
                      Said(gerald_ford, "pardoned", kTalks), Said(gerald_ford, "signed", kBudget)}),
      Doc("firms", {Said(johnson_firm, "sells", kTalks), Said(ford("ORG"), "recalled", kBudget)}),
      Doc("carmaker", {Said(ford("ORG"), "hired", kTalks), Said(ford("PER"), "fired", kTalks)})};
  std::vector<size_t> order = {0, 1, 2};
  do {
    TempStore t;
    std::vector<Extraction> ordered;
    for (size_t i : order) ordered.push_back(docs[i]);
    IngestEach(*t.store, ordered);
    CHECK(HasEntity(*t.store, "johnson"));
    CHECK(HasEntity(*t.store, "ford"));
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("A doubtful short form joins nobody: a given name, a name of its own, another spelling",
          "[storage][short-forms]") {
  TempStore t;
  // Adel is Mohamed Adel's surname, but also Adel Imam's given name.
  const Argument mohamed_adel{"محمد عادل", "محمد عادل", "PER", ""};
  const Argument adel_imam{"عادل إمام", "عادل امام", "PER", ""};
  const Argument adel{"عادل", "عادل", "PER", ""};
  // Chelsea, said alone more often than the one "Terry Chelsea" a tagger made.
  const Argument terry_chelsea{"تيري تشلسي", "تري تشلسي", "PER", ""};
  const Argument chelsea{"تشلسي", "تشلسي", "PER", ""};
  // Pence and Pons: one skeleton, two spellings.
  const Argument robin_pons{"روبن بونس", "روبن بنس", "PER", ""};
  const Argument pence{"بنس", "بنس", "PER", ""};
  // A person named in full once may be a tagger's slip: a law firm.
  const Argument braga_nascimento{"براغا ناسيمنتو", "براغا ناسيمنتو", "PER", ""};
  const Argument nascimento{"ناسيمنتو", "ناسيمنتو", "PER", ""};
  // Words of two scripts are no one's name.
  const Argument ios_person{"إس iOS", "اس ios", "PER", ""};
  const Argument ios{"iOS", "ios", "PER", ""};
  const Argument match{"المباراة", "المباراه", "CONCEPT", ""};
  std::vector<Triple> full;
  for (const Argument& person : {mohamed_adel, adel_imam, terry_chelsea, robin_pons, ios_person}) {
    full.push_back(Said(person, "قال", match));
    full.push_back(Said(person, "فاز", match));
  }
  full.push_back(Said(braga_nascimento, "قال", match));
  IngestEach(*t.store, {Doc("full", full),
                        Doc("short-1", {Said(adel, "قال", match), Said(chelsea, "فاز", match), Said(pence, "قال", match),
                                        Said(nascimento, "قال", match), Said(ios, "قال", match)}),
                        Doc("short-2", {Said(chelsea, "خسر", match), Said(chelsea, "تعادل", match)})});
  for (const char* key : {"عادل", "تشلسي", "بنس", "ناسيمنتو", "ios"}) {
    INFO(key);
    CHECK(HasEntity(*t.store, key));
  }
}

TEST_CASE("An Arabic surname alone joins the one person named in full", "[storage][short-forms]") {
  TempStore t;
  const Argument full{"سانجاي بانفالكار", "سانجاي بانفالكار", "PER", ""};
  const Argument surname{"بانفالكار", "بانفالكار", "PER", ""};
  const Argument ministry{"الوزارة", "الوزاره", "CONCEPT", ""};
  IngestEach(*t.store, {Doc("b", {Said(surname, "غادر", ministry)}),
                        Doc("a", {Said(full, "قال", ministry), Said(full, "غادر", ministry)})});
  CHECK_FALSE(HasEntity(*t.store, "بانفالكار"));
  CHECK(*t.store->ResolveEntity("بانفالكار") == std::vector<std::string>{"سانجاي بانفالكار"});
}

TEST_CASE("An edge is walked once, a self-loop too, whether or not a join makes it", "[storage][short-forms]") {
  TempStore t;
  IngestEach(*t.store, {GordonBrownDoc(), BrownDoc(),
                        Doc("loops", {Said(kBlair, "praised", kBlair), Said(kBrown, "quoted", kGordonBrown)})});
  auto edges = [&](const std::string& key) {
    std::vector<std::string> found;
    REQUIRE(t.store->EdgesOf(*t.store->EntityId(key), [&](const Edge& e) {
                     found.push_back(std::to_string(e.subject) + " " + std::to_string(e.relation) + " " +
                                     std::to_string(e.object));
                     return true;
                   }).ok());
    std::sort(found.begin(), found.end());
    CHECK(std::adjacent_find(found.begin(), found.end()) == found.end());
    return found.size();
  };
  CHECK(edges("blair") == 3);         // met by (Brown's and Gordon Brown's, one), praised Brown, praised himself
  CHECK(edges("gordon brown") == 4);  // presented, met, praised by Blair, Brown quoted Gordon Brown
}

namespace {

// Two spellings of Harry Kane, and Geffen and Goffin, whose names differ in a
// vowel written in one place: keys as the extractor gives them.
const Argument kKaneShort{"هاري كين", "هاري كين", "PER", ""};
const Argument kKaneLong{"هاري كاين", "هاري كاين", "PER", ""};
const Argument kGeffen{"ديفيد جيفن", "ديفيد جيفن", "PER", ""};
const Argument kGoffin{"ديفيد جوفين", "ديفيد جوفين", "PER", ""};
const Argument kGoal{"الهدف", "الهدف", "CONCEPT", ""};
const Argument kFilm{"الفيلم", "الفيلم", "CONCEPT", ""};

std::vector<Extraction> SpellingDocs() {
  return {Doc("kane-1", {Said(kKaneShort, "سجل", kGoal)}),
          Doc("kane-2", {Said(kKaneLong, "سجل", kGoal), Said(kKaneLong, "انتقد", kFilm)}),
          Doc("geffen", {Said(kGeffen, "أنتج", kFilm)}), Doc("goffin", {Said(kGoffin, "سجل", kGoal)})};
}

}  // namespace

TEST_CASE("Spellings of one name join under the one named most; a vowel written otherwise is another name",
          "[storage][variants]") {
  TempStore t;
  IngestEach(*t.store, SpellingDocs());
  CHECK_FALSE(HasEntity(*t.store, "هاري كين"));
  CHECK(*t.store->EntityId("هاري كين") == *t.store->EntityId("هاري كاين"));
  CHECK(HasEntity(*t.store, "ديفيد جيفن"));
  CHECK(HasEntity(*t.store, "ديفيد جوفين"));
  const std::string shown = Shown(*t.store, "الهدف", "هاري كين");
  // One scorer of the goal for both spellings, with both names.
  CHECK(shown.find("triple هاري كاين | سجل | الهدف 2") != std::string::npos);
  CHECK(shown.find("entity هاري كاين PER هاري كاين 3 3 /هاري كاين /هاري كين") != std::string::npos);
  CHECK(shown.find("query kane-1 هاري كاين | سجل | الهدف") != std::string::npos);

  // When the longer spelling's documents are gone, the other stands alone.
  for (Extraction gone : {SpellingDocs()[1]}) {
    gone.document.text += ", rewritten";
    gone.triples = {Said(kGoal, "أثار", kFilm)};
    gone.mentions.clear();
    IngestEach(*t.store, {gone});
  }
  CHECK(HasEntity(*t.store, "هاري كين"));
  CHECK_FALSE(HasEntity(*t.store, "هاري كاين"));
}

TEST_CASE("Spellings join the same whatever order documents arrive in", "[storage][variants]") {
  CheckSameInEveryOrder(SpellingDocs(), "الهدف", "هاري كين");
}

TEST_CASE("Spellings in partitions built apart join as one ingest does", "[storage][variants]") {
  const fs::path dir = fs::temp_directory_path() / ("nasij-variants-parts-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::vector<Extraction> docs = SpellingDocs();
  // Each spelling of Harry Kane in a partition of its own.
  const std::vector<std::vector<Extraction>> parts = {{docs[1], docs[2]}, {docs[0], docs[3]}};
  TempStore merged, single;
  for (size_t p = 0; p < parts.size(); ++p) {
    const std::string path = (dir / ("part-" + std::to_string(p) + ".nasijpart")).string();
    auto writer = PartitionWriter::Create(path);
    REQUIRE(writer.ok());
    for (const Extraction& e : parts[p]) REQUIRE((*writer)->Add(e).ok());
    REQUIRE((*writer)->Finish().ok());
    auto reader = PartitionReader::Open(path);
    REQUIRE(reader.ok());
    size_t changed = 0;
    REQUIRE(merged.store->IngestAll([&](Extraction* next) { return (*reader)->Next(next); }, &changed).ok());
  }
  IngestEach(*single.store, docs);
  CHECK(Shown(*merged.store, "الهدف", "هاري كين") == Shown(*single.store, "الهدف", "هاري كين"));
  CHECK_FALSE(HasEntity(*merged.store, "هاري كين"));
  fs::remove_all(dir);
}
