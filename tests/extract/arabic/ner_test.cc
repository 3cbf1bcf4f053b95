// The entity tagger (ner.h) through the extractor, on sentences written for
// these tests: names no list knows, and words that are no names.
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <set>
#include <thread>

#include "common/embedded.h"
#include "extract/arabic/ner.h"
#include "tests/extract/extraction_support.h"

using namespace nasij;
using namespace nasij::arabic;
using nasij::testing::Find;
using nasij::testing::Run;

namespace {

// Mentions as "KIND text".
std::set<std::string> Mentions(const Extraction& e) {
  std::set<std::string> out;
  for (const Mention& m : e.mentions) out.insert(m.entity.kind + " " + m.entity.text);
  return out;
}

const Mention* MentionOf(const Extraction& e, const std::string& text) {
  for (const Mention& m : e.mentions) {
    if (m.entity.text == text) return &m;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("NER: names no gazetteer lists are found and typed", "[arabic][ner]") {
  // A person after a speech verb.
  auto person = Run("وقال ماركوس فيلدنر إن المحادثات ستستأنف الأسبوع المقبل.");
  const Mention* m = MentionOf(person, "ماركوس فيلدنر");
  REQUIRE(m);
  CHECK(m->entity.kind == "PER");
  CHECK(m->entity.entity == "ماركوس فيلدنر");  // its key: as written; the store joins its spellings
  CHECK(m->entity.label_en.empty());           // no guessed English label

  // An organization that opens with a cue word.
  auto company = Run("أعلنت شركة تالبوريكس للطاقة عن خطة جديدة للاستثمار.");
  bool organization = false;
  for (const Mention& mention : company.mentions) {
    organization |= mention.entity.kind == "ORG" && mention.entity.text.find("تالبوريكس") != std::string::npos;
  }
  CHECK(organization);

  // A foreign place after a preposition.
  auto place = Run("وصل الوفد إلى مدينة كراسنوبول في شمال البلاد.");
  m = MentionOf(place, "كراسنوبول");
  REQUIRE(m);
  CHECK(m->entity.kind == "LOC");
}

TEST_CASE("NER: a listed given name and a surname no list knows make one person", "[arabic][ner]") {
  auto e = Run("وقال نبيل الفردوسي إن الحكومة ستدعم المصانع.");
  const Mention* m = MentionOf(e, "نبيل الفردوسي");
  REQUIRE(m);
  CHECK(m->entity.kind == "PER");
  auto two_words = Run("وقال عبد الرحمن الزيباري إن الوضع خطير.");
  CHECK(Mentions(two_words) == std::set<std::string>{"PER عبد الرحمن الزيباري"});
}

TEST_CASE("NER: a city's listed name read as a body is its club", "[arabic][ner]") {
  auto club = Run("وسجل مهاجم برشلونة هدفين في مرمى فالنسيا.");
  const Mention* m = MentionOf(club, "برشلونة");
  REQUIRE(m);
  CHECK(m->entity.entity == "fc-barcelona");
  CHECK(m->entity.kind == "ORG");
  auto city = Run("وصل الوزير إلى برشلونة أمس.");
  m = MentionOf(city, "برشلونة");
  REQUIRE(m);
  CHECK(m->entity.entity == "barcelona");
}

TEST_CASE("NER: more names no gazetteer lists, in other sentences", "[arabic][ner]") {
  auto person = Run("وقال كريستوف مالنوفسكي إن الاتفاق سيوقع الشهر المقبل.");
  const Mention* m = MentionOf(person, "كريستوف مالنوفسكي");
  REQUIRE(m);
  CHECK(m->entity.kind == "PER");
  CHECK(m->entity.label_en.empty());

  auto agency = Run("أعلنت وكالة تيرانوفا للأنباء أن الاجتماع تأجل.");
  bool organization = false;
  for (const Mention& mention : agency.mentions) {
    organization |= mention.entity.kind == "ORG" && mention.entity.text.find("تيرانوفا") != std::string::npos;
  }
  CHECK(organization);
}

TEST_CASE("NER: a preposition, a participle or a title alone is no name", "[arabic][ner]") {
  auto e = Run("قال الرئيس إن المتظاهرين غادروا الساحة.");
  CHECK(Mentions(e).empty());
  REQUIRE_FALSE(e.triples.empty());  // the sentence was read, not dropped
  auto speech = Run("وأضاف المتحدث قائلا إن الوضع هادئ بحسب المسؤولين.");
  CHECK(Mentions(speech).empty());
  REQUIRE_FALSE(speech.triples.empty());
}

TEST_CASE("NER: a gazetteer name keeps its key and label; a tagged name is remembered", "[arabic][ner]") {
  auto e = Run("التقى ماركوس فيلدنر بوتين في موسكو. وغادر فيلدنر القاعة بعد اللقاء.");
  const Mention* putin = MentionOf(e, "بوتين");
  REQUIRE(putin);
  CHECK(putin->entity.entity == "vladimir-putin");
  CHECK(putin->entity.label_en == "Vladimir Putin");
  // The surname alone, later in the document, is the same person, and no
  // verb (ف + يلدنر) though the tagger alone would not take it.
  const Triple* left = Find(e, "فيلدنر", "غادر", "القاعة بعد اللقاء");
  REQUIRE(left);
  CHECK(left->subject.entity == "ماركوس فيلدنر");
  CHECK(left->subject.kind == "PER");
}

TEST_CASE("NER: a pronoun that ends a name is no surname said again; a name spelled like a function word is",
          "[arabic][ner]") {
  auto she = Run("وقال ماركوس هي إن المحادثات ستستأنف الأسبوع المقبل. وكانت هي أول من أعلن الخبر.");
  for (const Mention& m : she.mentions) CHECK(m.entity.text != "هي");
  // علي is a name; على, which normalizes alike, is "on".
  auto ali = Run("وقال أحمد علي إن المحادثات ستستأنف الأسبوع المقبل. وغادر علي القاعة بعد اللقاء. وحصل على البراءة.");
  const Triple* left = Find(ali, "علي", "غادر", "القاعة بعد اللقاء");
  REQUIRE(left);
  CHECK(left->subject.entity == "احمد علي");
  for (const Mention& m : ali.mentions) CHECK(m.entity.text != "على");
}

TEST_CASE("NER: a name written with a hyphen is one name", "[arabic][ner]") {
  auto e = Run("وقال بارك هاي-سونغ إن المحادثات ستستأنف الأسبوع المقبل.");
  CHECK(Mentions(e) == std::set<std::string>{"PER بارك هاي-سونغ"});
}

TEST_CASE("NER: a name's first letter is no clitic unless the rest is a known name", "[arabic][ner]") {
  // ل of ليفربول is no preposition; the و before بوتين is a conjunction.
  auto e = Run("وفاز ليفربول على أرسنال في المباراة. والتقى الوزير وبوتين في موسكو.");
  const Mention* club = MentionOf(e, "ليفربول");
  REQUIRE(club);
  CHECK(club->entity.entity == "ليفربول");  // its key: as written; the store joins its spellings
  const Mention* putin = MentionOf(e, "بوتين");
  REQUIRE(putin);
  CHECK(putin->entity.entity == "vladimir-putin");
}

TEST_CASE("NER: a currency tagged as a name keeps its adjective; a common noun is no place", "[arabic][ner]") {
  auto e = Run("بلغت قيمة الصفقة ثلاثة مليارات دولار أمريكي.");
  CHECK(Find(e, "قيمة الصفقة", "بلغت", "ثلاثة مليارات دولار أمريكي"));
  auto city = Run("اقتحم متظاهرو المدينة مباني حكومية.");
  CHECK(Find(city, "متظاهرو المدينة", "اقتحم", "مباني حكومية"));
  for (const Mention& m : city.mentions) CHECK(m.entity.kind != "LOC");
}

TEST_CASE("NER: a run of letters without spaces is no name", "[arabic][ner]") {
  auto e = Run("قال " + std::string(200, 'x') + " " + [] {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "ك";
    return s;
  }() + " إن الوضع هادئ.");
  for (const Mention& m : e.mentions) CHECK(m.entity.text.size() < 100);
}

TEST_CASE("NER: the model tags a sentence the same way twice and survives a round trip", "[arabic][ner]") {
  auto model = NerModel::LoadEmbedded();
  REQUIRE(model.ok());
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  auto clusters = WordClusters::LoadEmbedded();
  auto places = PlaceNames::LoadEmbedded();
  REQUIRE(lexicon.ok());
  REQUIRE(gazetteer.ok());
  REQUIRE(clusters.ok());
  REQUIRE(places.ok());
  const NerFeatures features(**lexicon, **gazetteer, &*clusters, &*places);
  const auto sentences = Segmenter().Split("وقال ماركوس فيلدنر في برلين إن شركة تالبوريكس ستفتتح مصنعا.");
  REQUIRE(sentences.size() == 1);
  const std::vector<Word> words = ReadWords(**lexicon, **gazetteer, sentences[0]);
  const std::vector<int> first = (*model)->Tag(features, words);
  CHECK(std::count_if(first.begin(), first.end(), [](int t) { return NerBegins(t); }) >= 2);
  CHECK((*model)->Tag(features, words) == first);

  const std::string bytes = (*model)->Serialize();
  CHECK(bytes == EmbeddedFile("extract/arabic/data/ner.model"));
  auto again = NerModel::Parse(bytes);
  REQUIRE(again.ok());
  CHECK((*again)->Tag(features, words) == first);

  auto truncated = NerModel::Parse(bytes.substr(0, bytes.size() - 3));
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.status().message().find("truncated") != std::string::npos);
  CHECK_FALSE(NerModel::Parse("not a model").ok());
}

TEST_CASE("NER: tags map to kinds and back", "[arabic][ner]") {
  CHECK(NerTagOf("O") == 0);
  CHECK(std::string(NerKind(NerTagOf("B-PERS"))) == "PER");
  CHECK(NerBegins(NerTagOf("B-LOC")));
  CHECK_FALSE(NerBegins(NerTagOf("I-LOC")));
  CHECK(std::string(NerKind(NerTagOf("I-MISC"))) == "MISC");
  CHECK(NerTagOf("B-ENGLISH") == -1);
  CHECK(NerTagOf("I--ORG") == -1);
}

TEST_CASE("NER: I-X follows only B-X or I-X, never the start", "[arabic][ner]") {
  const int b_per = NerTagOf("B-PER"), i_per = NerTagOf("I-PER"), i_loc = NerTagOf("I-LOC");
  CHECK(NerFollows(b_per, i_per));
  CHECK(NerFollows(i_per, i_per));
  CHECK_FALSE(NerFollows(b_per, i_loc));
  CHECK_FALSE(NerFollows(0, i_per));
  CHECK_FALSE(NerFollows(kNerTags, i_per));
  CHECK(NerFollows(kNerTags, b_per));
  CHECK(NerFollows(i_loc, 0));
}

TEST_CASE("NER: a sentence is tagged the same whatever the thread tagged before", "[arabic][ner]") {
  auto model = NerModel::LoadEmbedded();
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  auto clusters = WordClusters::LoadEmbedded();
  auto places = PlaceNames::LoadEmbedded();
  REQUIRE((model.ok() && lexicon.ok() && gazetteer.ok() && clusters.ok() && places.ok()));
  const NerFeatures features(**lexicon, **gazetteer, &*clusters, &*places);
  const auto sentences = Segmenter().Split("وقال ماركوس فيلدنر في برلين إن شركة تالبوريكس ستفتتح مصنعا.");
  REQUIRE(sentences.size() == 1);
  const std::vector<Word> words = ReadWords(**lexicon, **gazetteer, sentences[0]);
  // ICU reads some texts (سي.) as a word in one sentence and as a number in
  // another: the same text of another kind, tagged first, must not decide.
  TokenizedSentence other = sentences[0];
  for (Token& t : other.tokens) {
    if (t.text == "فيلدنر") t.kind = Token::kNumber;
  }
  const std::vector<Word> other_words = ReadWords(**lexicon, **gazetteer, other);
  std::vector<int> fresh, after_other, other_tags;
  std::thread([&] { fresh = (*model)->Tag(features, words); }).join();
  std::thread([&] {
    other_tags = (*model)->Tag(features, other_words);
    after_other = (*model)->Tag(features, words);
  }).join();
  CHECK(other_tags != fresh);  // the kind matters to the tagger
  CHECK(after_other == fresh);
}

TEST_CASE("NER: a function word written as one is no name, nor a person's surname said again", "[arabic][ner]") {
  // على after a name is "on", though Normalize spells it as the name علي.
  auto forced = Run("أجبرت الحكومة الشريف حسين على التنازل عن منصبه.");
  CHECK(Mentions(forced) == std::set<std::string>{"PER حسين"});
  auto stressed = Run("وقال محمد حسن علي إن الاتفاق مهم. وأكد على أهمية التعاون بين الدول العربية على أساس المنفعة.");
  CHECK(Mentions(stressed) == std::set<std::string>{"PER محمد حسن علي"});
}

TEST_CASE("NER: a word with the article that an adjective with the article follows is no person", "[arabic][ner]") {
  CHECK(Run("العدالة هي القاسم المشترك بين الأحزاب الثلاثة.").mentions.empty());
}

TEST_CASE("NER: a gazetteer name the tagger cuts at a word that reads as a particle stays whole", "[arabic][ner]") {
  // The tagger reads لا as "no" and cuts the club's name in two.
  auto match = Run("تعادل ريال مدريد مع ديبورتيفو لا كورونيا في الدوري.");
  const Mention* club = MentionOf(match, "ديبورتيفو لا كورونيا");
  REQUIRE(club);
  CHECK(club->entity.entity == "deportivo-la-coruna");
  CHECK(MentionOf(match, "كورونيا") == nullptr);
}

TEST_CASE("NER: a name is keyed without the alef its tanween is written on, a nisba with it", "[arabic][ner]") {
  auto prices = Run("وبلغ سعر السهم 40 جنيه خلال الربع الأول، مقابل سعر عند 30 جنيهاً، أي بزيادة الثلث.");
  const Mention* bare = MentionOf(prices, "جنيه");
  const Mention* accusative = MentionOf(prices, "جنيهاً");
  REQUIRE(bare);
  REQUIRE(accusative);
  CHECK(accusative->entity.entity == bare->entity.entity);
  // سودانياً is "Sudanese": if the tagger takes it for a name, it is keyed
  // apart from a place spelled like its stem.
  auto sudanese = Run("ارتفع سعر الكيس من 90 جنيهاً سودانياً إلى 200 جنيه.");
  for (const Mention& m : sudanese.mentions) {
    if (m.entity.text == "سودانياً") CHECK(m.entity.entity == "سودانيا");
  }
}

TEST_CASE("NER: a name that goes on through بن to a listed name is one person", "[arabic][ner]") {
  // The list knows محمد بن راشد آل مكتوم; his son's name carries it whole.
  auto e = Run("واستقبل الشيخ حمدان بن محمد بن راشد آل مكتوم الوفد في دبي.");
  const Mention* m = MentionOf(e, "حمدان بن محمد بن راشد آل مكتوم");
  REQUIRE(m);
  CHECK(m->entity.kind == "PER");
  CHECK_FALSE(MentionOf(e, "حمدان بن"));
  // Without بن the two stay two people, the listed one as listed.
  auto two = Run("التقى ماركوس فيلدنر محمد بن راشد آل مكتوم في دبي.");
  CHECK(MentionOf(two, "محمد بن راشد آل مكتوم"));
}

TEST_CASE("NER: a listed name that is a common noun here, and not tagged, is no name", "[arabic][ner]") {
  // الصعيد is Upper Egypt in the list, and "the level" here.
  auto e = Run("تحسنت العلاقات بين البلدين على الصعيد التجاري هذا العام.");
  CHECK_FALSE(MentionOf(e, "الصعيد"));
}

TEST_CASE("NER: GeoNames city names are read whole, after a conjunction and a preposition", "[arabic][ner]") {
  const PlaceNames places = PlaceNames::Parse("1\tأبو غريب\n2\tينبع\n3\tأبو ظبي الجديدة\n");
  CHECK(places.size() == 3);
  auto sentences = Segmenter().Split("وصل الوفد إلى أبو غريب ثم وبينبع وأبو ظبي.");
  REQUIRE(sentences.size() == 1);
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  REQUIRE((lexicon.ok() && gazetteer.ok()));
  const std::vector<Word> words = ReadWords(**lexicon, **gazetteer, sentences[0]);
  auto at = [&](std::string_view text) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i].token->text == text) return i;
    }
    FAIL("no word " << std::string(text));
    return size_t{0};
  };
  CHECK(places.Match(words[at("أبو")].norm, words, at("أبو")) == 2);
  CHECK(places.Match(words[at("الوفد")].norm, words, at("الوفد")) == 0);
  CHECK(places.Match("ينبع", words, at("وبينبع")) == 1);
  // The start of a longer name is no name of its own.
  CHECK(places.Match(words[at("وأبو")].norm.substr(2), words, at("وأبو")) == 0);

  auto embedded = PlaceNames::LoadEmbedded();
  REQUIRE(embedded.ok());
  CHECK(embedded->size() > 5000);  // libgeonames-common's Arabic names of cities
}

TEST_CASE("NER: a given name the tagger stops at goes on through words that can only be more of the name", "[arabic][ner]") {
  // وحيد is an indefinite adjective: it cannot describe a name, which is
  // definite, so after a noun it is the person's surname.
  auto initiative = Run("وتهدف مبادرة محمود وحيد إلى رعاية المسنين في الريف.");
  CHECK(Mentions(initiative) == std::set<std::string>{"PER محمود وحيد"});
  // An elative after a name opening its clause is what is said of him.
  auto best = Run("وأكد المدرب أن صلاح أفضل لاعب في الفريق هذا الموسم.");
  CHECK(Mentions(best) == std::set<std::string>{"PER صلاح"});
}

TEST_CASE("NER: a listed name the tagger cuts after the common noun it starts with is the listed name", "[arabic][ner]") {
  auto texas = Run("وأقيم المؤتمر في مدينة هيوستن بولاية تكساس.");
  const Mention* state = MentionOf(texas, "ولاية تكساس");
  REQUIRE(state);
  CHECK(state->entity.entity == "texas");
  CHECK(MentionOf(texas, "ولاية") == nullptr);
}

TEST_CASE("NER: a given name after the conjunction is keyed without it, a foreign name keeps its first letter", "[arabic][ner]") {
  auto meeting = Run("وحضر الاجتماع كل من محمد علي وخالد يوسف.");
  const Mention* khaled = MentionOf(meeting, "خالد يوسف");
  REQUIRE(khaled);
  CHECK(khaled->entity.entity == "خالد يوسف");
  auto called = Run("ودعا الأمين العام بسام نعمان إلى الهدوء.");
  for (const Mention& m : called.mentions) {
    CHECK(m.entity.entity.rfind("سم ", 0) != 0);  // بسام, not ب + سام
  }
}

TEST_CASE("NER: no name runs on through إن or أن after a word with the article", "[arabic][ner]") {
  auto police = Run("وذكرت الوكالة أن الشرطة اعتقلت عشرة أشخاص في المدينة.");
  for (const Mention& m : police.mentions) CHECK(m.entity.text.find("أن") == std::string::npos);
  CHECK(Find(police, "الشرطة", "اعتقلت", "عشرة أشخاص في المدينة"));
  // A name may spell its letters.
  CHECK(MentionOf(Run("وقالت شبكة سي إن إن إن الرئيس سيزور المنطقة."), "شبكة سي إن إن"));
}

TEST_CASE("NER: a person listed with a title is the title and the listed name after it", "[arabic][ner]") {
  // The list has الملك محمد السادس and محمد السادس for one person: the
  // mention is the name, keyed as listed, and الملك stays a title.
  auto e = Run("استقبل الملك محمد السادس الوفد في الرباط.");
  const Mention* m = MentionOf(e, "محمد السادس");
  REQUIRE(m);
  CHECK(m->entity.entity == "mohammed-vi");
  CHECK_FALSE(MentionOf(e, "الملك محمد السادس"));
}

TEST_CASE("NER: given names before a listed person's surname are one person; a place after them is not",
          "[arabic][ner]") {
  // العامري is listed as a surname (Hadi al-Amiri): after given names alone
  // it is this person's surname.
  auto e = Run("وقال عبد الله العامري إن الاجتماع انتهى.");
  const Mention* m = MentionOf(e, "عبد الله العامري");
  REQUIRE(m);
  CHECK(m->entity.kind == "PER");
  CHECK_FALSE(MentionOf(e, "العامري"));
  // A listed place after them is a place of its own.
  auto place = Run("وصل سامي يوسف نيويورك أمس.");
  CHECK(MentionOf(place, "نيويورك"));
  CHECK_FALSE(MentionOf(place, "سامي يوسف نيويورك"));
}

TEST_CASE("NER: a name that goes on through أبو to a listed name is one person", "[arabic][ner]") {
  // العلا is a listed town; after أبو it is part of the kunya.
  auto e = Run("وقال محمد أبو العلا إن الاجتماع انتهى.");
  const Mention* m = MentionOf(e, "محمد أبو العلا");
  REQUIRE(m);
  CHECK(m->entity.kind == "PER");
  CHECK_FALSE(MentionOf(e, "العلا"));
}

TEST_CASE("NER: the Emirates, named alone, are the country", "[arabic][ner]") {
  auto e = Run("وصل الوفد إلى الإمارات أمس.");
  const Mention* m = MentionOf(e, "الإمارات");
  REQUIRE(m);
  CHECK(m->entity.entity == "united-arab-emirates");
  CHECK(m->entity.kind == "LOC");
}

TEST_CASE("NER: a word no data file reads carries its coarse cluster as an unread word's", "[arabic][ner]") {
  // تشيرنوفسكي is read by no data file, مدرسة is; neither has a clitic, so
  // each is its own stem. Moved from coarse cluster 7 to 8, a read word
  // changes one feature seen from its neighbours (its coarse cluster); an
  // unread one that and its feature as an unread word of that cluster.
  auto sentences = Segmenter().Split("زار تشيرنوفسكي مدرسة القرية.");
  REQUIRE(sentences.size() == 1);
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  REQUIRE((lexicon.ok() && gazetteer.ok()));
  const std::vector<Word> words = ReadWords(**lexicon, **gazetteer, sentences[0]);
  REQUIRE(words.size() >= 3);
  auto seven = WordClusters::Parse("تشيرنوفسكي\t7\t70\nمدرسه\t7\t71\n");
  auto eight = WordClusters::Parse("تشيرنوفسكي\t8\t70\nمدرسه\t8\t71\n");
  REQUIRE((seven.ok() && eight.ok()));
  auto moved = [&](const Word& w) {
    const NerFeatures in7(**lexicon, **gazetteer, &*seven, nullptr), in8(**lexicon, **gazetteer, &*eight, nullptr);
    const std::vector<uint64_t> a = in7.OfWord(w).everywhere, b = in8.OfWord(w).everywhere;
    return std::count_if(a.begin(), a.end(), [&](uint64_t f) { return std::find(b.begin(), b.end(), f) == b.end(); });
  };
  CHECK(moved(words[1]) == 2);
  CHECK(moved(words[2]) == 1);
}

TEST_CASE("NER: two names joined by و inside one tagged span are two names", "[arabic][ner]") {
  // A model that tags every sentence as one person's name: what is cut is
  // cut by MarkEntities.
  NerModel one_name;
  NerModel::Scores& bias = *one_name.MutableWeights(NerFeatures::BiasFeature());
  bias[NerTagOf("B-PER")] = 1;
  bias[NerTagOf("I-PER")] = 2;
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  auto clusters = WordClusters::LoadEmbedded();
  REQUIRE((lexicon.ok() && gazetteer.ok() && clusters.ok()));
  const NerFeatures features(**lexicon, **gazetteer, &*clusters, nullptr);
  std::deque<TokenizedSentence> kept;  // words point into their sentence
  auto marked = [&](const std::string& text) {
    auto sentences = Segmenter().Split(text);
    REQUIRE(sentences.size() == 1);
    kept.push_back(sentences[0]);
    std::vector<Word> words = ReadWords(**lexicon, **gazetteer, kept.back());
    std::deque<Entity> found;
    MarkEntities(one_name, features, &words, &found);
    return words;
  };
  // بلير without its و is a listed name: فيلدنر and Blair.
  const std::vector<Word> two = marked("فيلدنر وبلير");
  REQUIRE(two.size() == 2);
  CHECK(two[0].name_end == 1);
  CHECK(two[1].name_begin == 1);
  REQUIRE(two[1].entity);
  CHECK(two[1].entity->key == "tony-blair");
  // وليد is no و and a name: the span stays one name.
  const std::vector<Word> one = marked("فيلدنر وليد");
  REQUIRE(one.size() == 2);
  CHECK(one[0].name_end == 2);
}

namespace {

// The words of one sentence after MarkEntities with `model`; `kept` holds the
// sentences the words point into.
std::vector<Word> MarkedWith(const NerModel& model, const std::string& text, std::deque<TokenizedSentence>* kept) {
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  auto clusters = WordClusters::LoadEmbedded();
  REQUIRE((lexicon.ok() && gazetteer.ok() && clusters.ok()));
  static const std::unique_ptr<Lexicon> kLexicon = std::move(*lexicon);
  static const std::unique_ptr<Gazetteer> kGazetteer = std::move(*gazetteer);
  static const WordClusters kClusters = std::move(*clusters);
  const NerFeatures features(*kLexicon, *kGazetteer, &kClusters, nullptr);
  auto sentences = Segmenter().Split(text);
  REQUIRE(sentences.size() == 1);
  kept->push_back(sentences[0]);
  std::vector<Word> words = ReadWords(*kLexicon, *kGazetteer, kept->back());
  std::deque<Entity> found;
  MarkEntities(model, features, &words, &found);
  return words;
}

}  // namespace

TEST_CASE("NER: a listed name the tagger cuts into pieces of one kind is the listed name", "[arabic][ner]") {
  // A model that makes every word a place of its own.
  NerModel pieces;
  (*pieces.MutableWeights(NerFeatures::BiasFeature()))[NerTagOf("B-LOC")] = 1;
  std::deque<TokenizedSentence> kept;
  const std::vector<Word> words = MarkedWith(pieces, "البوسنة والهرسك", &kept);
  REQUIRE(words.size() == 2);
  CHECK(words[0].name_end == 2);
  REQUIRE(words[1].entity);
  CHECK(words[1].entity->key == "bosnia-herzegovina");
}

TEST_CASE("NER: a listed place the tagger leaves out is no place; a listed person stays", "[arabic][ner]") {
  const NerModel nothing;  // tags every word O
  std::deque<TokenizedSentence> kept;
  const std::vector<Word> words = MarkedWith(nothing, "التقى بلير نظيره في القاهرة", &kept);
  REQUIRE(words.size() == 5);
  REQUIRE(words[1].entity);
  CHECK(words[1].entity->key == "tony-blair");
  CHECK_FALSE(words[4].entity);
}

TEST_CASE("NER: a place that is an adjective after a word with the article is the adjective", "[arabic][ner]") {
  // A model that makes every word a place: the adjectives are none.
  NerModel places;
  (*places.MutableWeights(NerFeatures::BiasFeature()))[NerTagOf("B-LOC")] = 1;
  std::deque<TokenizedSentence> kept;
  const std::vector<Word> financial = MarkedWith(places, "تحسن الوضع المالي", &kept);
  REQUIRE(financial.size() == 3);
  CHECK_FALSE(financial[2].entity);  // "financial", not Mali
  const std::vector<Word> saudi = MarkedWith(places, "بدأت المحادثات السعودية", &kept);
  REQUIRE(saudi.size() == 3);
  CHECK_FALSE(saudi[2].entity);  // a nisba: Saudi talks
  const std::vector<Word> country = MarkedWith(places, "وصل الوفد إلى السعودية", &kept);
  REQUIRE(country.size() == 4);
  REQUIRE(country[3].entity);
  CHECK(country[3].entity->key == "saudi-arabia");
  // Through the extractor and its model.
  auto e = Run("وتناولت المحادثات الإسرائيلية السعودية الوضع في المنطقة.");
  CHECK_FALSE(MentionOf(e, "السعودية"));
}

TEST_CASE("NER: a word after و next to a name, and two words after a title, have features of their own",
          "[arabic][ner]") {
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  REQUIRE((lexicon.ok() && gazetteer.ok()));
  const NerFeatures features(**lexicon, **gazetteer, nullptr, nullptr);
  // The features of position `i` in `text`.
  auto at = [&](const std::string& text, int i) {
    auto sentences = Segmenter().Split(text);
    REQUIRE(sentences.size() == 1);
    const std::vector<Word> words = ReadWords(**lexicon, **gazetteer, sentences[0]);
    std::set<uint64_t> out;
    for (const auto& [k, f] : features.OfPositions(words)) {
      if (k == i) out.insert(f);
    }
    return out;
  };
  // After بلير, a listed person, وشارون has the listed name's kind before
  // it (gazetteer-name-1) and the word after و next to a name; after الناس,
  // neither.
  const std::set<uint64_t> after_name = at("التقى بلير وشارون", 2), after_word = at("التقى الناس وشارون", 2);
  CHECK(after_name.size() == after_word.size() + 2);
  // بلينكن two words after وزير الخارجية has one feature more than two words after a noun and its genitive.
  const std::set<uint64_t> after_title = at("قال وزير الخارجية أنتوني بلينكن", 4),
                           after_noun = at("قال سائق الحافلة أنتوني بلينكن", 4);
  CHECK(after_title.size() == after_noun.size() + 1);
}

TEST_CASE("NER: a body's cue word the tagger leaves out before a place is the body of that place", "[arabic][ner]") {
  auto lexicon = Lexicon::LoadEmbedded();
  auto gazetteer = Gazetteer::LoadEmbedded();
  auto clusters = WordClusters::LoadEmbedded();
  REQUIRE((lexicon.ok() && gazetteer.ok() && clusters.ok()));
  const NerFeatures features(**lexicon, **gazetteer, &*clusters, nullptr);
  auto sentences = Segmenter().Split("درس في جامعة كراسنوبول");
  REQUIRE(sentences.size() == 1);
  std::vector<Word> words = ReadWords(**lexicon, **gazetteer, sentences[0]);
  REQUIRE(words.size() == 4);
  REQUIRE(words[2].title);  // جامعة, a body's cue word
  // A model that tags كراسنوبول a place and every other word O: the
  // features of كراسنوبول that جامعة lacks say B-LOC.
  NerModel place;
  const std::vector<uint64_t> cue = features.OfWord(words[2]).everywhere;
  for (uint64_t f : features.OfWord(words[3]).everywhere) {
    if (std::find(cue.begin(), cue.end(), f) == cue.end()) {
      (*place.MutableWordWeights(f))[NerFeatures::kWindow][NerTagOf("B-LOC")] = 1;
    }
  }
  REQUIRE(place.Tag(features, words) == std::vector<int>{0, 0, 0, NerTagOf("B-LOC")});
  std::deque<Entity> found;
  MarkEntities(place, features, &words, &found);
  CHECK(words[2].name_begin == 2);
  CHECK(words[2].name_end == 4);
  REQUIRE(words[2].entity);
  CHECK(words[2].entity->kind == "ORG");
}

TEST_CASE("NER: a work's title in quotation marks after the word for the work is one name", "[arabic][ner]") {
  auto film = Run("وعرض فيلم «ليالي الصيف الطويلة» في المهرجان أمس.");
  const Mention* m = MentionOf(film, "ليالي الصيف الطويلة");
  REQUIRE(m);
  CHECK(m->entity.kind == "MISC");
  auto novel = Run("وصدرت له رواية \"الحديقة\" العام الماضي.");
  m = MentionOf(novel, "الحديقة");
  REQUIRE(m);
  CHECK(m->entity.kind == "MISC");
  // Quoted words after a speech verb are what was said, not a title.
  auto said = Run("وقال الوزير «إن الأمن مستتب» في المدينة.");
  for (const Mention& mention : said.mentions) CHECK(mention.entity.kind != "MISC");
}

TEST_CASE("NER: the name of a thing may take و inside it", "[arabic][ner]") {
  // A model that tags every sentence as one thing's name: بلير after و stays in it.
  NerModel one_thing;
  NerModel::Scores& bias = *one_thing.MutableWeights(NerFeatures::BiasFeature());
  bias[NerTagOf("B-MISC")] = 1;
  bias[NerTagOf("I-MISC")] = 2;
  std::deque<TokenizedSentence> kept;
  const std::vector<Word> words = MarkedWith(one_thing, "فيلدنر وبلير", &kept);
  REQUIRE(words.size() == 2);
  CHECK(words[0].name_end == 2);
}
