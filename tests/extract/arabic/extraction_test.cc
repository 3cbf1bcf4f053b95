// The Arabic pipeline end to end, on sentences written for these tests.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "extract/extract.h"
#include "tests/extract/extraction_support.h"

using namespace nasij;

namespace {

Extraction Run(const std::string& text) { return testing::Run(text, "ar"); }
using testing::Find;
using testing::FindRelation;

}  // namespace

TEST_CASE("A verbal sentence with a titled subject (VSO)", "[arabic][extraction]") {
  auto e = Run("استدعى الرئيس توكاييف القوات الروسية.");
  const Triple* t = Find(e, "توكاييف", "استدعى", "القوات الروسية");
  REQUIRE(t);
  CHECK(t->subject.entity == "kassym-jomart-tokayev");
  CHECK(t->subject.kind == "PER");
  CHECK(t->subject.label_en == "Kassym-Jomart Tokayev");
  CHECK(t->relation.label_en == "summon");
  CHECK(t->modality == Modality::kAsserted);
  CHECK_FALSE(t->negated);
}

TEST_CASE("Concepts get English labels composed from glosses", "[arabic][extraction]") {
  auto e = Run("استدعى الرئيس توكاييف القوات الروسية.");
  const Triple* t = Find(e, "توكاييف", "استدعى", "القوات الروسية");
  REQUIRE(t);
  CHECK(t->object.label_en == "Russian forces");
  auto pp = Run("أكد الوزير على الشراكة بين البلدين.");
  const Triple* p = Find(pp, "الوزير", "أكد على", "الشراكة بين البلدين");
  REQUIRE(p);
  CHECK(p->object.label_en == "partnership between countries");
  auto unknown = Run("استدعى الرئيس توكاييف القوات الفلانية.");  // an unknown word: no half label
  REQUIRE(Find(unknown, "توكاييف", "استدعى", "القوات الفلانية"));
  for (const Triple& x : unknown.triples) CHECK(x.object.label_en.find("forces") == std::string::npos);
}

TEST_CASE("A possessed title before a name: the name is the subject", "[arabic][extraction]") {
  auto e = Run("استدعى رئيسه توكاييف القوات الروسية.");
  const Triple* t = Find(e, "توكاييف", "استدعى", "القوات الروسية");
  REQUIRE(t);
  CHECK(t->subject.entity == "kassym-jomart-tokayev");
}

TEST_CASE("Apposition of a title gives an is-a triple", "[arabic][extraction]") {
  auto e = Run("أدان وزير الخارجية أنتوني بلينكن العنف.");
  CHECK(Find(e, "أنتوني بلينكن", "أدان", "العنف"));
  const Triple* isa = Find(e, "أنتوني بلينكن", "هو", "وزير الخارجية");
  REQUIRE(isa);
  CHECK(isa->relation.label_en == "be");
  CHECK(isa->subject.entity == "antony-blinken");
}

TEST_CASE("A relative clause with a resumptive pronoun", "[arabic][extraction]") {
  auto e = Run("وصلت قوات من المنظمة التي تقودها موسكو.");
  const Triple* t = Find(e, "موسكو", "تقود", "المنظمة");
  REQUIRE(t);
  CHECK(t->relation.label_en == "lead");
}

TEST_CASE("SVO with coordinated verbs sharing the subject", "[arabic][extraction]") {
  auto e = Run("بلينكن أكد على الشراكة وأدان العنف.");
  CHECK(Find(e, "بلينكن", "أكد على", "الشراكة"));
  CHECK(Find(e, "بلينكن", "أدان", "العنف"));
}

TEST_CASE("Coordinated verbs share the whole subject phrase", "[arabic][extraction]") {
  auto e = Run("حالة الفوضى في المدينة تعكس غضب السكان وتهدد الحكومة.");
  CHECK(Find(e, "حالة الفوضى في المدينة", "تعكس", "غضب السكان"));
  CHECK(Find(e, "حالة الفوضى في المدينة", "تهدد", "الحكومة"));
}

TEST_CASE("Coordinated objects are split", "[arabic][extraction]") {

  auto e = Run("أدان الوزير العنف والفساد.");
  CHECK(Find(e, "الوزير", "أدان", "العنف"));
  CHECK(Find(e, "الوزير", "أدان", "الفساد"));  // the conjunction is not part of the argument
}

TEST_CASE("Negation stays in the relation and marks the triple", "[arabic][extraction]") {
  auto e = Run("لم تنفذ الحكومة الإصلاحات.");
  const Triple* t = Find(e, "الحكومة", "لم تنفذ", "الإصلاحات");
  REQUIRE(t);
  CHECK(t->negated);
}

TEST_CASE("ما before a verb is \"what\" or \"when\", not a negation", "[arabic][extraction]") {
  auto e = Run("وهذا ما نقلته الوكالة عن المتحدث. لما عاد الوفد إلى القاهرة عقد مؤتمرا صحفيا. "
               "وارتفعت الأسعار بما يعادل عشرة في المئة.");
  for (const Triple& t : e.triples) {
    CHECK_FALSE(t.negated);
    const std::string first_word = t.relation.text.substr(0, t.relation.text.find(' '));
    CHECK(first_word != "ما");  // nor part of the relation
    CHECK(first_word != "لما");
    CHECK(first_word != "بما");
  }
  const Triple* quoted = Find(e, "الوكالة", "نقلته عن", "المتحدث");
  REQUIRE(quoted);
  REQUIRE(Find(e, "الوفد", "عاد إلى", "القاهرة"));
}

TEST_CASE("A phrase of time words says when: it is neither subject nor object", "[arabic][extraction]") {
  auto e = Run("أعلنت الوزارة الخميس خطة جديدة. وقال المتحدث السبت إن الوفد وصل. "
               "رفضت تركيا، الأربعاء الماضي، العرض. زار الفريق الجمعة المستشفى. أحيا السكان يوم الاستقلال.");
  for (const Triple& t : e.triples) {
    for (const char* day : {"الخميس", "السبت", "الأربعاء الماضي", "الجمعة"}) {
      CHECK(t.subject.text != day);
      CHECK(t.object.text != day);
      CHECK(t.relation.text.find(day) == std::string::npos);
    }
  }
  REQUIRE(Find(e, "الوزارة", "أعلنت", "خطة جديدة"));
  REQUIRE(Find(e, "المتحدث", "قال", "إن الوفد وصل"));
  REQUIRE(Find(e, "الفريق", "زار", "المستشفى"));
  REQUIRE(Find(e, "السكان", "أحيا", "يوم الاستقلال"));  // a time word heading a thing is a thing
}

TEST_CASE("A weekday spelled like a number is a weekday only with the article", "[arabic][extraction]") {
  auto e = Run("قصف الجيش الأحد مواقع المسلحين. وافتتح الوزير الاثنين المعرض الجديد. "
               "وصل الوفد الخميس إلى بغداد. وأعلن أحد المسؤولين أن الاجتماع تأجل.");
  for (const Triple& t : e.triples) {
    for (const char* day : {"الأحد", "الاثنين", "الخميس"}) {
      CHECK(t.subject.text != day);
      CHECK(t.object.text != day);
    }
  }
  REQUIRE(Find(e, "الجيش", "قصف", "مواقع المسلحين"));
  REQUIRE(Find(e, "الوزير", "افتتح", "المعرض الجديد"));
  REQUIRE(Find(e, "الوفد", "وصل إلى", "بغداد"));
  REQUIRE(Find(e, "أحد المسؤولين", "أعلن", "أن الاجتماع تأجل"));  // أحد without the article is "one"
}

TEST_CASE("A prefix written apart (لـ \"...\") belongs to what follows, not to the name before it",
          "[arabic][extraction]") {
  auto e = Run("وقال رامي عبد الرحمن لـ \"وكالة الأنباء\" إن الطريق مغلق.");
  bool named = false;
  for (const Mention& m : e.mentions) {
    CHECK(m.entity.text.find("لـ") == std::string::npos);
    named = named || m.entity.text == "رامي عبد الرحمن";
  }
  CHECK(named);
  REQUIRE(FindRelation(e, "قال"));
  CHECK(FindRelation(e, "قال")->subject.text == "رامي عبد الرحمن");
}

TEST_CASE("قد with a present verb is possible", "[arabic][extraction]") {
  auto e = Run("قد تفرض الحكومة عقوبات جديدة.");
  const Triple* t = Find(e, "الحكومة", "قد تفرض", "عقوبات جديدة");
  REQUIRE(t);
  CHECK(t->modality == Modality::kPossible);
}

TEST_CASE("هل makes a question and stays out of the relation", "[arabic][extraction]") {
  auto e = Run("هل يدعم الجيش الحكومة؟");
  const Triple* t = Find(e, "الجيش", "يدعم", "الحكومة");  // هل gives the modality, not the relation
  REQUIRE(t);
  CHECK(t->modality == Modality::kQuestion);
}

TEST_CASE("Speech: the complement is the object and its proposition is reported", "[arabic][extraction]") {
  auto e = Run("قال المتحدث إن الجيش استعاد المطار.");
  const Triple* speech = Find(e, "المتحدث", "قال", "إن الجيش استعاد المطار");
  REQUIRE(speech);
  const Triple* inner = Find(e, "الجيش", "استعاد", "المطار");
  REQUIRE(inner);
  CHECK(inner->modality == Modality::kReported);
}

TEST_CASE("A condition marks its clause conditional", "[arabic][extraction]") {
  auto e = Run("إذا هاجم المسلحون المدينة، سترسل الحكومة قوات إضافية.");
  const Triple* t = Find(e, "المسلحون", "هاجم", "المدينة");
  REQUIRE(t);
  CHECK(t->modality == Modality::kConditional);
  const Triple* main = Find(e, "الحكومة", "سترسل", "قوات إضافية");
  REQUIRE(main);
  CHECK(main->modality == Modality::kAsserted);
  // A clause a verb of wishing opens is hoped for, up to the next comma.
  auto wish = Run("ويتمنى المدرب أن يستعيد الفريق مستواه، لكن اللاعبين غابوا عن التدريب.");
  const Triple* hoped = Find(wish, "الفريق", "يستعيد", "مستواه");
  const Triple* missed = Find(wish, "اللاعبين", "غابوا عن", "التدريب");
  REQUIRE(hoped);
  REQUIRE(missed);
  CHECK(hoped->modality == Modality::kPossible);
  CHECK(missed->modality == Modality::kAsserted);
  // إذ explains ("since", "as"): no condition.
  auto since = Run("وارتفعت الأسعار، إذ يحول المصنع إنتاجه إلى الخارج.");
  const Triple* moves = Find(since, "المصنع", "يحول", "إنتاجه إلى الخارج");
  REQUIRE(moves);
  CHECK(moves->modality == Modality::kAsserted);
}

TEST_CASE("A question mark asks only its own clause; a condition inside a report is conditional",
          "[arabic][extraction]") {
  auto e = Run("زار الوزير بغداد، ثم سأل الصحفيون: هل يلتقي الوزير الرئيس؟");
  const Triple* visit = Find(e, "الوزير", "زار", "بغداد");
  REQUIRE(visit);
  CHECK(visit->modality == Modality::kAsserted);
  const Triple* meet = Find(e, "الوزير", "يلتقي", "الرئيس");
  REQUIRE(meet);
  CHECK(meet->modality == Modality::kQuestion);
  auto report = Run("قال الوزير إن الحكومة ستدعم المصانع إذا خفضت المصانع الأسعار.");
  const Triple* support = Find(report, "الحكومة", "ستدعم", "المصانع");
  REQUIRE(support);
  CHECK(support->modality == Modality::kReported);
  const Triple* cut = Find(report, "المصانع", "خفضت", "الأسعار");
  REQUIRE(cut);
  CHECK(cut->modality == Modality::kConditional);
}

TEST_CASE("A speech verb with no subject goes on with the speaker before, of its gender", "[arabic][extraction]") {
  auto e = Run("قالت الوزيرة إن الخطة جاهزة. وأضافت أن العمل بدأ. وأضاف أن الحكومة ستدعم المصانع.");
  const Triple* added = Find(e, "الوزيرة", "أضافت", "أن العمل بدأ");
  REQUIRE(added);
  CHECK(added->sentence == 1);
  CHECK(added->modality == Modality::kAsserted);
  // A man says the third sentence: not the minister (f.), and no one named.
  CHECK_FALSE(FindRelation(e, "أضاف أن"));
  const Triple* support = Find(e, "الحكومة", "ستدعم", "المصانع");
  REQUIRE(support);
  CHECK(support->modality == Modality::kReported);
}

TEST_CASE("A verb in the first person plural has no phrase for a subject", "[arabic][extraction]") {
  auto e = Run("وقال المدرب: اللاعبون سنواصل معهم العمل.");
  REQUIRE(Find(e, "المدرب", "قال", "اللاعبون سنواصل معهم العمل"));
  CHECK_FALSE(FindRelation(e, "سنواصل"));
  auto they = Run("وقال المدرب: اللاعبون سيواصلون العمل.");  // third person: the phrase is the subject
  CHECK(Find(they, "اللاعبون", "سيواصلون", "العمل"));
}

TEST_CASE("A quoted name after a common noun is part of its phrase; a quoted phrase is not", "[arabic][extraction]") {
  auto e = Run("وذكرت صحيفة \"الأيام\" المغربية أن الحكومة رفضت الخطة.");
  CHECK(Find(e, "صحيفة \"الأيام\" المغربية", "ذكرت", "أن الحكومة رفضت الخطة"));
  auto phrase = Run("أدان الوزير العنف \"من الطرفين\" في بيانه.");
  CHECK(Find(phrase, "الوزير", "أدان", "العنف"));
}

TEST_CASE("عدد takes its من phrase into the subject, as a quantity does", "[arabic][extraction]") {
  auto e = Run("قتل عدد من المسلحين في الهجوم.");
  CHECK(Find(e, "عدد من المسلحين", "قتل في", "الهجوم"));
}

TEST_CASE("A nisba adverb is no argument, but a predicate after كان is", "[arabic][extraction]") {
  CHECK(Run("تغير الموقف تدريجيا.").triples.empty());
  CHECK(Run("تقدمت القوات ميدانيا.").triples.empty());
  CHECK(Find(Run("لم يكن الاتفاق ثنائيا."), "الاتفاق", "لم يكن", "ثنائيا"));
}

TEST_CASE("A prepositional object joins the relation", "[arabic][extraction]") {
  auto e = Run("اعتمدت الحكومة على النفط.");
  CHECK(Find(e, "الحكومة", "اعتمدت على", "النفط"));
}

TEST_CASE("A nominal sentence takes the implied copula", "[arabic][extraction]") {
  auto e = Run("الوضع الأمني خطير.");
  const Triple* t = Find(e, "الوضع الأمني", "هو", "خطير");
  REQUIRE(t);
  CHECK(t->relation.label_en == "be");
}

TEST_CASE("A written pronoun copula is the relation 'be'", "[arabic][extraction]") {
  auto e = Run("الشركة الأميركية هي صاحبة العقد الأكبر.");
  const Triple* t = Find(e, "الشركة الأميركية", "هي", "صاحبة العقد الأكبر");
  REQUIRE(t);
  CHECK(t->relation.lemma == "هو");
  CHECK(t->relation.label_en == "be");
}

TEST_CASE("Possession after ليس, past the subject's own phrases", "[arabic][extraction]") {
  auto e = Run("الحزب الحاكم بقياداته القديمة ليس لديه برنامج واضح.");
  const Triple* t = Find(e, "الحزب الحاكم", "ليس لديه", "برنامج واضح");
  REQUIRE(t);
  CHECK(t->negated);
}

TEST_CASE("A manner phrase joins the relation", "[arabic][extraction]") {
  auto e = Run("يهدد التضخم بشكل مباشر الاقتصاد.");
  CHECK(Find(e, "التضخم", "يهدد بشكل مباشر", "الاقتصاد"));
}

TEST_CASE("An adjective with a prepositional complement, after a name", "[arabic][extraction]") {
  auto e = Run("تستثمر كازاخستان الغنية بالغاز في الطاقة.");
  CHECK(Find(e, "كازاخستان", "الغنية ب", "الغاز"));
  auto common = Run("وصلت الشركة الغنية بالخبرة إلى السوق.");  // a common noun: no such triple
  CHECK_FALSE(Find(common, "الشركة", "الغنية ب", "الخبرة"));
  const Triple* arrived = FindRelation(common, "وصلت");  // the sentence's verb still has its triple
  REQUIRE(arrived);
  CHECK(arrived->subject.text.starts_with("الشركة"));
}

TEST_CASE("A fronted object taken up by a pronoun on the verb", "[arabic][extraction]") {
  auto e = Run("هذه الخطة رفضها البرلمان.");
  CHECK(Find(e, "البرلمان", "رفض", "هذه الخطة"));
}

TEST_CASE("An unmarked relative clause after an indefinite noun: the noun is its object", "[arabic][extraction]") {
  auto e = Run("بثت القناة لقطات التقطها هواة في المدينة.");
  CHECK(Find(e, "القناة", "بثت", "لقطات"));
  CHECK(Find(e, "هواة", "التقط", "لقطات"));
  // A verb of naming goes on with the sentence's subject; the phrase after it is the name.
  auto named = Run("بنت الحكومة مدينة جديدة سمتها النور.");
  CHECK(Find(named, "الحكومة", "سمتها", "النور"));
}

TEST_CASE("A fronted object across a time word", "[arabic][extraction]") {
  auto e = Run("هذه الخطة رفضها أمس البرلمان.");
  CHECK(Find(e, "البرلمان", "رفض", "هذه الخطة"));
}

TEST_CASE("A final ة is no pronoun", "[arabic][extraction]") {
  auto e = Run("الشركة هي صاحبة العقد.");
  CHECK(Find(e, "الشركة", "هي", "صاحبة العقد"));
}

TEST_CASE("A temporal phrase stays out of a prepositional object", "[arabic][extraction]") {
  auto e = Run("التقى الوزير بالسفير عشية الاجتماع.");
  CHECK(Find(e, "الوزير", "التقى ب", "السفير"));
}

TEST_CASE("A complement clause is the object of a verb without one", "[arabic][extraction]") {
  auto e = Run("حكم القاضي بأن الشركة خالفت القانون.");
  const Triple* t = Find(e, "القاضي", "حكم", "بأن الشركة خالفت القانون");
  REQUIRE(t);
  const Triple* inner = Find(e, "الشركة", "خالفت", "القانون");
  REQUIRE(inner);
  CHECK(inner->modality == Modality::kAsserted);  // حكم is no speech verb
}

TEST_CASE("Objects keep a compound preposition's phrase and a second phrase", "[arabic][extraction]") {
  auto e = Run("يتعلم الطلاب المحتوى العلمي من خلال التطبيق.");
  CHECK(Find(e, "الطلاب", "يتعلم", "المحتوى العلمي من خلال التطبيق"));
  auto two = Run("أثار الخبراء تساؤلات بشأن الحاجة لهذه الدورة.");
  CHECK(Find(two, "الخبراء", "أثار", "تساؤلات بشأن الحاجة لهذه الدورة"));
}

TEST_CASE("Names resolve to one entity in a document, with English labels", "[arabic][extraction]") {
  auto e = Run("وصل قاسم جومرت توكاييف إلى موسكو. ثم التقى توكاييف بوتين.");
  std::set<std::string> keys;
  for (const Mention& m : e.mentions) {
    if (m.entity.kind == "PER") keys.insert(m.entity.entity);
  }
  CHECK(keys == std::set<std::string>{"kassym-jomart-tokayev", "vladimir-putin"});
  bool moscow = false;
  for (const Mention& m : e.mentions) {
    if (m.entity.entity == "moscow") {
      moscow = true;
      CHECK(m.entity.kind == "LOC");
      CHECK(m.entity.label_en == "Moscow");
      CHECK(m.entity.text == "موسكو");  // the preposition clitic is outside the mention
    }
  }
  CHECK(moscow);
}

TEST_CASE("A name keeps its entity through a trailing prepositional phrase", "[arabic][extraction]") {
  auto e = Run("التقى الوزير بوتين في العاصمة.");
  const Triple* t = Find(e, "الوزير", "التقى", "بوتين في العاصمة");
  REQUIRE(t);
  CHECK(t->object.entity == "vladimir-putin");
  CHECK(t->object.kind == "PER");
}

TEST_CASE("A one-word name that is also a common word here is the word", "[arabic][extraction]") {
  auto has_mention = [](const Extraction& e, const std::string& key) {
    for (const Mention& m : e.mentions) {
      if (m.entity.entity == key) return true;
    }
    return false;
  };
  auto left = Run("ترك الوزير منصبه أمس.");
  CHECK_FALSE(has_mention(left, "chuuk"));  // ICU's Arabic name of Chuuk
  REQUIRE(Find(left, "الوزير", "ترك", "منصبه"));
  auto support = Run("قدمت الحكومة دعما ماليا ودعم مالي آخر.");
  CHECK_FALSE(has_mention(support, "mali"));
  REQUIRE(Find(support, "الحكومة", "قدمت", "دعما ماليا"));
  CHECK(has_mention(Run("وصل الوفد إلى مالي."), "mali"));
  CHECK(has_mention(Run("زار الرئيس مالي أمس."), "mali"));
}

TEST_CASE("An unknown name after a title is remembered for the document", "[arabic][extraction]") {
  auto e = Run("قال السيد بانفالكار إن المبنى آمن. وغادر بانفالكار المكان.");
  const Triple* t = Find(e, "بانفالكار", "غادر", "المكان");
  REQUIRE(t);
  CHECK(t->subject.kind == "PER");
}

TEST_CASE("A common noun heading a name, misspelled one vowel short, is the noun; names stay apart",
          "[arabic][extraction][variants]") {
  auto key_of = [](const Extraction& e, const std::string& text) {
    for (const Mention& m : e.mentions) {
      if (m.entity.text == text) return m.entity.entity;
    }
    return std::string();
  };
  // ميليشات for ميليشيات: the ي of يا, which no transliteration leaves out.
  auto e = Run("قصفت ميليشات البرناوي قرية في الجبل. وقصفت ميليشيات البرناوي مدينة كبيرة.");
  const std::string misspelled = key_of(e, "ميليشات البرناوي");
  REQUIRE(!misspelled.empty());
  // The second sentence's mention, whether the tagger took the noun in or
  // the name alone, is the same militia.
  const Mention* second = nullptr;
  for (const Mention& m : e.mentions) {
    if (m.sentence == 1 && m.entity.text.ends_with("البرناوي")) second = &m;
  }
  REQUIRE(second);
  CHECK(second->entity.entity == misspelled);
  // A short foreign name near a noun's form, and two names of their own, stay as they are.
  auto short_name = Run("قال السيد تارو ناكامورا إن المبنى آمن.");
  CHECK(key_of(short_name, "تارو ناكامورا") == "تارو ناكامورا");
  auto names = Run("قال السيد محمد الشريف إن المبنى آمن. وقال السيد محمود الشريف إن الطريق مغلق.");
  CHECK(key_of(names, "محمد الشريف") != key_of(names, "محمود الشريف"));
}

TEST_CASE("An unknown definite word after a place cue is a place", "[arabic][extraction]") {
  auto e = Run("وصلت القافلة إلى مدينة الزبداني ثم عبرت منطقة الحدود.");
  std::set<std::string> places;
  for (const Mention& m : e.mentions) {
    if (m.entity.kind == "LOC") places.insert(m.entity.text);
  }
  CHECK(places == std::set<std::string>{"الزبداني"});  // الحدود is a known noun: no name
}

TEST_CASE("Unknown speakers and unknown two-word names are persons", "[arabic][extraction]") {

  auto e = Run("قالت ميليس إن الأطباء لا يملكون الأدوات. وأكد روكو كاتالانو أن الوضع صعب.");
  std::set<std::string> persons;
  for (const Mention& m : e.mentions) {
    if (m.entity.kind == "PER") persons.insert(m.entity.text);
  }
  CHECK(persons == std::set<std::string>{"ميليس", "روكو كاتالانو"});
  const Triple* t = Find(e, "ميليس", "قالت", "إن الأطباء لا يملكون الأدوات");
  REQUIRE(t);
  CHECK(t->subject.kind == "PER");
}

TEST_CASE("Bylines become metadata and boilerplate gives nothing", "[arabic][extraction]") {
  auto e = Run("المصدر: موقع الأخبار - سارة أحمد\n\nاستدعى الرئيس توكاييف القوات الروسية.\n\nمقالات ذات صلة");
  CHECK(e.document.source == "موقع الأخبار");
  CHECK(e.document.author == "سارة أحمد");
  REQUIRE(e.sentences.size() == 1);
  REQUIRE(Find(e, "توكاييف", "استدعى", "القوات الروسية"));
  for (const Triple& t : e.triples) CHECK(t.sentence == 0);
}

TEST_CASE("A nisba right after a verb and before an unknown word begins a name", "[arabic][extraction]") {
  auto e = Run("كتبت كوري شولمان في مدونتها.");
  const Triple* t = Find(e, "كوري شولمان", "كتبت في", "مدونتها");
  REQUIRE(t);
  CHECK(t->subject.kind == "PER");
  auto adjective = Run("وصل الوفد الكوري إلى العاصمة.");  // after a noun it is still Korean
  CHECK(Find(adjective, "الوفد الكوري", "وصل إلى", "العاصمة"));
}

TEST_CASE("A subject after its verb keeps the verb's object past its apposition", "[arabic][extraction]") {
  auto e = Run("زار ماكرون، الرئيس الفرنسي، العاصمة المغربية.");
  CHECK(Find(e, "ماكرون", "زار", "العاصمة المغربية"));
  CHECK(Find(e, "ماكرون", "هو", "الرئيس الفرنسي"));
  auto said = Run("أعلن جون كيري، وزير الخارجية الأميركي، أن بلاده سترد.");
  const Triple* t = Find(said, "جون كيري", "أعلن", "أن بلاده سترد");
  REQUIRE(t);  // the apposition is not part of the relation
}

TEST_CASE("Even before a preposition joins the relation", "[arabic][extraction]") {
  auto e = Run("استمرت الاحتجاجات حتى بعد استقالة الحكومة.");
  CHECK(Find(e, "الاحتجاجات", "استمرت حتى بعد", "استقالة الحكومة"));
}

TEST_CASE("A courtesy title names no role: it is part of the name as written, not of its entity; kinship words are nouns",
          "[arabic][extraction]") {
  auto e = Run("قال السيد بانفالكار إن المبنى آمن. افتتح الشيخ سالم المطيري المعرض. زار الدكتور كريم بنعلي القرية.");
  const Triple* said = Find(e, "السيد بانفالكار", "قال", "إن المبنى آمن");
  REQUIRE(said);
  const Triple* opened = Find(e, "الشيخ سالم المطيري", "افتتح", "المعرض");
  REQUIRE(opened);
  const Triple* visited = Find(e, "الدكتور كريم بنعلي", "زار", "القرية");
  REQUIRE(visited);
  auto bare = Run("قال بانفالكار إن المبنى آمن. افتتح سالم المطيري المعرض.");
  const Triple* said_bare = Find(bare, "بانفالكار", "قال", "إن المبنى آمن");
  const Triple* opened_bare = Find(bare, "سالم المطيري", "افتتح", "المعرض");
  REQUIRE((said_bare && opened_bare));
  CHECK(said->subject.entity == said_bare->subject.entity);
  CHECK(opened->subject.entity == opened_bare->subject.entity);
  for (const Triple& t : e.triples) {
    for (const char* honorific : {"السيد", "الشيخ", "الدكتور"}) CHECK(t.object.text != honorific);
  }
  auto son = Run("زار ابن الرئيس العاصمة.");
  CHECK(Find(son, "ابن الرئيس", "زار", "العاصمة"));
}

TEST_CASE("A short name in parentheses is another name of the phrase before it", "[arabic][extraction]") {
  auto e = Run("تقول منظمة خدمات الدم الكندية (سي بي إس): \"الحديد مهم\".");
  CHECK(Find(e, "منظمة خدمات الدم الكندية", "تقول", "الحديد مهم"));  // not "تقول سي بي إس"
  CHECK(Find(e, "منظمة خدمات الدم الكندية", "هي", "سي بي إس"));
  auto place = Run("ينظم مجلس العقارات في أونتاريو (ريكو) عمل الوكلاء.");
  CHECK(Find(place, "مجلس العقارات في أونتاريو", "هو", "ريكو"));
  auto clause = Run("زار الرئيس (الذي وصل أمس) العاصمة.");  // a clause is no name
  // It yields no triple yet (زار across the parenthesis is missed): the
  // sentence itself must be there.
  REQUIRE(clause.sentences.size() == 1);
  CHECK(clause.sentences[0].lang == "ar");
  for (const Triple& t : clause.triples) CHECK(t.relation.text != "هو");
  // After a body's name, a short name in quotation marks is one too, and
  // the speech verb's complement comes after it.
  auto agency = Run("ذكرت وكالة الأنباء الإماراتية \"وام\" أن الوفد وصل إلى العاصمة.");
  CHECK(Find(agency, "وكالة الأنباء الإماراتية", "ذكرت", "أن الوفد وصل إلى العاصمة"));
  const Triple* reported = Find(agency, "الوفد", "وصل إلى", "العاصمة");
  REQUIRE(reported);
  CHECK(reported->modality == Modality::kReported);
  auto banned = Run("وحظرت السلطات موقع \"فيسبوك\" و\"تويتر\" في البلاد.");
  for (const Triple& t : banned.triples) CHECK(t.relation.text != "هو");  // no name between two marks
}

TEST_CASE("A measure noun joins the relation and a percentage stays whole", "[arabic][extraction]") {
  auto e = Run("ارتفعت الاستثمارات بنسبة 6% العام الماضي.");
  CHECK(Find(e, "الاستثمارات", "ارتفعت بنسبة", "6%"));
  auto amount = Run("تراجعت الصادرات بمقدار 300 مليون دولار.");
  CHECK(Find(amount, "الصادرات", "تراجعت بمقدار", "300 مليون دولار"));
}

TEST_CASE("A quantity after its verb keeps its من phrase", "[arabic][extraction]") {
  auto e = Run("قتل العديد من المدنيين في القصف.");
  CHECK(Find(e, "العديد من المدنيين", "قتل في", "القصف"));
  auto four = Run("تعرض أربعة من كل 10 أشخاص للإصابة.");
  CHECK(Find(four, "أربعة من كل 10 أشخاص", "تعرض ل", "الإصابة"));  // لل = ل + ال: the alef comes back
}

TEST_CASE("A relative clause after a comma describes the verb's complement, not its subject", "[arabic][extraction]") {
  auto e = Run("عجت مواقع التواصل الاجتماعي بالتعليقات، التي لم تكن إيجابية.");
  CHECK(Find(e, "التعليقات", "لم تكن", "إيجابية"));
}

TEST_CASE("Tanween marks a noun; a nominal sentence's subject keeps its phrases", "[arabic][extraction]") {
  auto e = Run("التعارض بين البيانات الاقتصادية والخطاب السياسي أمرٌ مألوف.");
  CHECK(Find(e, "التعارض بين البيانات الاقتصادية والخطاب السياسي", "هو", "أمرٌ مألوف"));
  for (const Triple& t : e.triples) CHECK(t.relation.text != "أمرٌ");  // not the verb "ordered"
  auto pp = Run("الاتفاق بين البلدين خطوة مهمة.");
  CHECK(Find(pp, "الاتفاق بين البلدين", "هو", "خطوة مهمة"));
}

TEST_CASE("Two-word function words act as one (ذات مرة, من أجل, بعد أن)", "[arabic][extraction]") {
  auto once = Run("قال الوزير إنه شعر ذات مرة بالخوف.");
  REQUIRE(Find(once, "الوزير", "قال", "إنه شعر ذات مرة بالخوف"));
  for (const Triple& t : once.triples) CHECK(t.subject.text != "ذات مرة");
  auto purpose = Run("وصل الجنود من أجل حماية المدينة.");
  CHECK(Find(purpose, "الجنود", "وصل من أجل", "حماية المدينة"));
  auto after = Run("غادر الوفد بعد أن انتهى الاجتماع.");
  // It yields no triple yet (غادر has no object): the sentence itself must be there.
  REQUIRE(after.sentences.size() == 1);
  CHECK(after.sentences[0].lang == "ar");
  for (const Triple& t : after.triples) CHECK(t.object.text.find("انتهى") == std::string::npos);  // no complement
}

TEST_CASE("After a noun in construct, a word that can be a bare perfect is its verbal noun", "[arabic][extraction]") {
  auto e = Run("وصل المحققون إلى موقع حادث تحطم الطائرة.");
  REQUIRE(Find(e, "المحققون", "وصل إلى", "موقع حادث تحطم الطائرة"));
  for (const Triple& t : e.triples) CHECK(t.relation.text.find("تحطم") == std::string::npos);
}

TEST_CASE("A titled name and a number continue a noun phrase", "[arabic][extraction]") {
  auto e = Run("انتقد مستشار الرئيس بوتين القرار.");
  CHECK(Find(e, "مستشار الرئيس بوتين", "انتقد", "القرار"));  // the advisor, not Putin
  auto years = Run("علاقات السيدة كلينتون مع القارة على مدى السنوات العشرين الماضية لم تكن مرضية.");
  CHECK(Find(years, "علاقات السيدة كلينتون مع القارة", "لم تكن", "مرضية"));
}

TEST_CASE("An adjective's complement carries the adjective's gloss", "[arabic][extraction]") {
  auto e = Run("كازاخستان الغنية بالنفط لم تعتد على التظاهرات.");
  const Triple* t = Find(e, "كازاخستان", "الغنية ب", "النفط");
  REQUIRE(t);
  CHECK(t->relation.label_en == "rich");
}

TEST_CASE("A two-letter preposition with its pronoun (له) is no subject", "[arabic][extraction]") {
  auto e = Run("وقال الوزير إن الأحزاب المعارضة له تنتقد الحكومة.");
  REQUIRE(FindRelation(e, "قال"));  // the sentence is read
  for (const Triple& t : e.triples) CHECK(t.subject.text != "له");
}

TEST_CASE("Whom a speech verb addresses is its own triple", "[arabic][extraction]") {
  auto e = Run("أبلغ الوزير الصحفيين أن الحكومة سترد.");
  CHECK(Find(e, "الوزير", "أبلغ", "الصحفيين"));
  CHECK(Find(e, "الوزير", "أبلغ", "أن الحكومة سترد"));  // not "أبلغ الصحفيين"
  auto pp = Run("ظنت الشركة في تقريرها أن اللوم يقع على البطارية.");
  CHECK(Find(pp, "الشركة", "ظنت في تقريرها", "أن اللوم يقع على البطارية"));
}

TEST_CASE("A perfect before a noun phrase and a second verb is a noun", "[arabic][extraction]") {
  auto e = Run("فيما دخل الفرد الشهري لا يتخطى الـ600 دولار.");
  CHECK(Find(e, "دخل الفرد الشهري", "لا يتخطى", "الـ600 دولار"));  // income, not "entered"
  auto verb = Run("دخل الجنود المدينة لا يخافون.");
  CHECK(Find(verb, "الجنود", "دخل", "المدينة"));
}

TEST_CASE("A preposition with a pronoun right after the verb joins the relation", "[arabic][extraction]") {
  auto e = Run("فرض عليه الجيش حصارا.");
  CHECK(Find(e, "الجيش", "فرض عليه", "حصارا"));
  auto shared = Run("عدم الاستقرار يهدد بوتين، ويفرض عليه إعادة درس أولوياته.");
  CHECK(Find(shared, "عدم الاستقرار", "يفرض عليه", "إعادة درس أولوياته"));
}

TEST_CASE("A relative clause's pronoun on a preposition points back to the antecedent", "[arabic][extraction]") {
  auto e = Run("ناقش المجلس الخطة التي اعترض عليها الوزراء.");
  CHECK(Find(e, "الوزراء", "اعترض على", "الخطة"));
  auto unmarked = Run("هناك حاجة إلى إصلاحات عاجلة وعدت بها الحكومة.");
  CHECK(Find(unmarked, "الحكومة", "وعدت ب", "إصلاحات عاجلة"));
}

TEST_CASE("A sound plural with its nun ends its phrase: the next noun is the object", "[arabic][extraction]") {
  auto e = Run("اقتحم متظاهرون مباني حكومية.");
  CHECK(Find(e, "متظاهرون", "اقتحم", "مباني حكومية"));
  auto unknown = Run("اقتحم ملثمون مباني حكومية.");  // a word the lexicon lacks
  CHECK(Find(unknown, "ملثمون", "اقتحم", "مباني حكومية"));
  auto construct = Run("اقتحم متظاهرو المدينة مباني حكومية.");  // in construct the nun drops
  CHECK(Find(construct, "متظاهرو المدينة", "اقتحم", "مباني حكومية"));
}

TEST_CASE("A conjunction before a common verb outbids a rare dual reading", "[arabic][extraction]") {
  auto e = Run("ودعا الوزير الأطراف إلى الحوار.");
  const Triple* t = Find(e, "الوزير", "دعا", "الأطراف إلى الحوار");
  REQUIRE(t);
  CHECK(t->relation.label_en == "call");
}

TEST_CASE("A bare phrase after a place or time phrase is the verb's object", "[arabic][extraction]") {
  auto e = Run("شهدت المدينة في مطلع مارس 2021 احتجاجات واسعة.");
  CHECK(Find(e, "المدينة", "شهدت", "احتجاجات واسعة"));
  CHECK(Find(e, "المدينة", "شهدت في", "مطلع مارس 2021"));  // the year ends the date
  auto adjective = Run("قتل الجيش في المدينة مدنيين.");
  CHECK(Find(adjective, "الجيش", "قتل", "مدنيين"));
  auto time = Run("ارتفعت الأسعار في المدينة العام الماضي.");
  CHECK_FALSE(Find(time, "الأسعار", "ارتفعت", "العام الماضي"));
  REQUIRE(Find(time, "الأسعار", "ارتفعت في", "المدينة العام الماضي"));
}

TEST_CASE("\"In the name of\" belongs to the noun before it: a spokesman for", "[arabic][extraction]") {
  auto e = Run("وقال الناطق باسم الحكومة إن الوزير استقال.");
  CHECK(Find(e, "الناطق باسم الحكومة", "قال", "إن الوزير استقال"));
  auto pronoun = Run("وقال متحدث باسمه إن الرئيس موجود في العاصمة.");
  CHECK(Find(pronoun, "متحدث باسمه", "قال", "إن الرئيس موجود في العاصمة"));
  CHECK(Find(pronoun, "الرئيس", "هو", "موجود في العاصمة"));
}

TEST_CASE("A body named after a person's title says whose title it is", "[arabic][extraction]") {
  auto e = Run("وأكد المتحدث باسم الجيش الإسرائيلي أن القوات انسحبت.");
  const Triple* t = Find(e, "المتحدث باسم الجيش الإسرائيلي", "أكد", "أن القوات انسحبت");  // the army said nothing
  REQUIRE(t);
  CHECK(t->subject.label_en == "spokesman for Israel Defense Forces");
  auto named = Run("وقال وزير خارجية روسيا سيرغي لافروف إن المحادثات انتهت.");
  CHECK(Find(named, "سيرغي لافروف", "قال", "إن المحادثات انتهت"));
}

TEST_CASE("\"In the hundred\" after a number is a percent, measured like 6%", "[arabic][extraction]") {
  auto e = Run("ارتفعت أسعار القمح بنسبة ثلاثة في المئة بعد القرار.");
  CHECK(Find(e, "أسعار القمح", "ارتفعت بنسبة", "ثلاثة في المئة"));
  auto old_spelling = Run("وانخفضت البطالة إلى 5 في المائة.");
  CHECK(Find(old_spelling, "البطالة", "انخفضت إلى", "5 في المائة"));
}

TEST_CASE("An indefinite adjective with its definite noun stays in the phrase", "[arabic][extraction]") {
  auto e = Run("استقبل الرئيس وفدا أمريكيا رفيع المستوى.");
  CHECK(Find(e, "الرئيس", "استقبل", "وفدا أمريكيا رفيع المستوى"));
}

TEST_CASE("An indefinite accusative written with alef is the noun it ends", "[arabic][extraction]") {
  auto e = Run("استقبل الرئيس وفدا أمريكيا.");
  const Triple* t = Find(e, "الرئيس", "استقبل", "وفدا أمريكيا");  // not the name "وفدا" after a title
  REQUIRE(t);
  CHECK(t->object.label_en == "American delegation");
}

TEST_CASE("A perfect after a noun phrase in a clause that has its verb is a verbal noun", "[arabic][extraction]") {
  auto e = Run("ارتفعت الأسعار بعد قرار الحكومة خفض الدعم.");
  CHECK_FALSE(Find(e, "الأسعار", "خفض", "الدعم"));
  CHECK(Find(e, "الأسعار", "ارتفعت بعد", "قرار الحكومة"));
  CHECK_FALSE(Find(e, "الأسعار", "ارتفعت", "خفض الدعم"));  // an intransitive verb takes no object
}

TEST_CASE("Motion verbs keep their إلى; an unmarked relative's verb takes the phrase it describes", "[arabic][extraction]") {
  auto e = Run("وصل الرئيس الفرنسي إلى الجزائر في زيارة رسمية تستغرق يومين.");
  CHECK(Find(e, "الرئيس الفرنسي", "وصل إلى", "الجزائر في زيارة رسمية"));
  CHECK(Find(e, "زيارة رسمية", "تستغرق", "يومين"));
  auto wounded = Run("أصيب ثلاثة جنود بجروح في انفجار.");
  CHECK(Find(wounded, "ثلاثة جنود", "أصيب ب", "جروح في انفجار"));
}

TEST_CASE("A quantity continues an idafa", "[arabic][extraction]") {
  auto e = Run("نفى المتحدث وجود أي اتصالات مع الجانب الآخر.");
  CHECK(Find(e, "المتحدث", "نفى", "وجود أي اتصالات مع الجانب الآخر"));
}

TEST_CASE("\"More than\" and \"less than\" begin a quantity", "[arabic][extraction]") {
  auto e = Run("نزح أكثر من عشرة ملايين شخص منذ بداية الحرب.");
  CHECK(Find(e, "أكثر من عشرة ملايين شخص", "نزح منذ", "بداية الحرب"));
}

TEST_CASE("English labels pluralize their glosses as English does", "[arabic][extraction]") {
  auto e = Run("يأتي التصعيد بعد أيام من الهجوم.");
  const Triple* t = Find(e, "التصعيد", "يأتي بعد", "أيام من الهجوم");
  REQUIRE(t);
  CHECK(t->object.label_en == "days from attack");
}

TEST_CASE("A sentence that begins like a share button is still prose", "[arabic][extraction]") {
  auto e = Run("شارك الوزير في الاجتماع.\n\nشارك المقال\n\nأرسلت الحكومة المزيد من القوات.");
  REQUIRE(e.sentences.size() == 2);
  CHECK(Find(e, "الوزير", "شارك في", "الاجتماع"));
  CHECK(Find(e, "الحكومة", "أرسلت", "المزيد من القوات"));
}

TEST_CASE("\"Not cease\" is \"still\"; a listed word outranks another entry's generated form", "[arabic][extraction]") {
  auto e = Run("ولا تزال المفاوضات متعثرة. واعتقلت الشرطة عشرات المحتجين.");
  const Triple* still = Find(e, "المفاوضات", "لا تزال", "متعثرة");
  REQUIRE(still);
  CHECK_FALSE(still->negated);
  const Triple* police = Find(e, "الشرطة", "اعتقلت", "عشرات المحتجين");
  REQUIRE(police);
  CHECK(police->subject.label_en == "police");  // not the feminine of شرط, "condition"
}

TEST_CASE("A feminine adjective as predicate takes the copula هي", "[arabic][extraction]") {
  auto e = Run("قال الوزير إن بلاده مستعدة.");
  CHECK(Find(e, "بلاده", "هي", "مستعدة"));
}

TEST_CASE("The كان of a pluperfect before its subject joins the relation", "[arabic][extraction]") {
  auto e = Run("وكانت الحكومة قد أعلنت حالة الطوارئ.");
  CHECK(Find(e, "الحكومة", "كانت قد أعلنت", "حالة الطوارئ"));
}

TEST_CASE("An argument that normalizes to nothing gives no triple", "[arabic][extraction]") {
  // A lone tatweel where a name would be: the store refuses an empty key.
  auto e = Run("وقال ـ إن الوضع هادئ.");
  REQUIRE_FALSE(e.triples.empty());  // the rest of the sentence is still read
  for (const Triple& t : e.triples) {
    CHECK_FALSE(t.subject.entity.empty());
    CHECK_FALSE(t.object.entity.empty());
  }
  for (const Mention& m : e.mentions) CHECK_FALSE(m.entity.entity.empty());
}

TEST_CASE("A verb only hunspell-ar knows gives a triple labelled by its lemma", "[arabic][extraction][hunspell]") {
  // موّل (to fund) and ثمّن (to praise) are no verbs of verbs.tsv.
  auto e = Run("موّلت الحكومة المشروع الجديد.");
  const Triple* t = Find(e, "الحكومة", "موّلت", "المشروع الجديد");
  REQUIRE(t);
  CHECK(t->relation.lemma == "مول");
  CHECK(t->relation.label_en.empty());  // no gloss is guessed
  auto svo = Run("الشركة موّلت المشروع الجديد.");
  CHECK(Find(svo, "الشركة", "موّلت", "المشروع الجديد"));
  auto praised = Run("وثمّنت الوزارة جهود المتطوعين.");
  CHECK(Find(praised, "الوزارة", "ثمّنت", "جهود المتطوعين"));
}

TEST_CASE("A name hunspell-ar also reads as a verb stays a name beside a name", "[arabic][extraction][hunspell]") {
  // آنايا is a verb to hunspell-ar (أنأى), تينا a noun (figs); here both begin names.
  auto said = Run("قالت تينا أنسلمي إن الحكومة ستدعم الشركات.");
  CHECK(Find(said, "تينا أنسلمي", "قالت", "إن الحكومة ستدعم الشركات"));
  auto arrived = Run("وصلت آنايا غونزاليز إلى المدينة أمس.");
  CHECK(Find(arrived, "آنايا غونزاليز", "وصلت إلى", "المدينة"));
  for (const Extraction* x : {&said, &arrived}) {
    for (const Triple& t : x->triples) {
      CHECK(t.relation.text != "تينا");
      CHECK(t.relation.text != "آنايا");
    }
  }
}

TEST_CASE("A nisba the data files list is an adjective, whatever hunspell-ar reads", "[arabic][extraction][hunspell]") {
  auto e = Run("وصل الرئيس الفرنسي إلى المدينة.");
  CHECK(Find(e, "الرئيس الفرنسي", "وصل إلى", "المدينة"));
}

TEST_CASE("A time phrase is the triple's time, never its object", "[arabic][extraction][time]") {
  auto said = Run("أكد الجيش الأربعاء أن الهدنة صامدة.");
  const Triple* t = Find(said, "الجيش", "أكد", "أن الهدنة صامدة");
  REQUIRE(t);
  CHECK(t->time == "الأربعاء");
  auto met = Run("استقبل الملك السفير الياباني في 3 يونيو.");
  const Triple* m = Find(met, "الملك", "استقبل", "السفير الياباني");
  REQUIRE(m);
  CHECK(m->time == "3 يونيو");
  // The verb of an inner clause takes the time beside it, not the speech verb.
  auto inner = Run("قال المتحدث إن الوفد غادر القاهرة مساء الخميس.");
  const Triple* left = Find(inner, "الوفد", "غادر", "القاهرة");
  REQUIRE(left);
  CHECK(left->time == "مساء الخميس");
  for (const Extraction* e : {&said, &met, &inner}) {
    for (const Triple& x : e->triples) {
      CHECK(x.object.text != "مساء الخميس");
      CHECK(x.object.text != "القاهرة مساء الخميس");
      CHECK(x.object.text != "3 يونيو");
    }
  }
  auto since = Run("يحاصر الجيش المدينة منذ الأسبوع الماضي.");
  const Triple* s = Find(since, "الجيش", "يحاصر", "المدينة");
  REQUIRE(s);
  CHECK(s->time == "منذ الأسبوع الماضي");
}

TEST_CASE("A pronoun or demonstrative alone as an argument is unresolved", "[arabic][extraction][reference]") {
  auto e = Run("وأكد هو أن المفاوضات مستمرة. وقال ذلك إن الموقف تغير.");
  bool pronoun = false;
  for (const Triple& t : e.triples) {
    if (t.subject.text == "هو" || t.subject.text == "ذلك") {
      pronoun = true;
      CHECK(t.subject.unresolved);
    }
    if (t.subject.text == "المفاوضات") CHECK_FALSE(t.subject.unresolved);
  }
  CHECK(pronoun);
  // A demonstrative before a noun is part of a phrase that names a thing.
  auto phrase = Run("رفض البرلمان هذا القانون.");
  const Triple* t = Find(phrase, "البرلمان", "رفض", "هذا القانون");
  REQUIRE(t);
  CHECK_FALSE(t->object.unresolved);
}

TEST_CASE("A person's listed name stays whole however the tagger cuts it", "[arabic][extraction]") {
  auto e = Run("قد تفرض الأزمة على فلاديمير بوتين خيارات صعبة.");
  const Triple* t = Find(e, "الأزمة", "قد تفرض على", "فلاديمير بوتين");
  REQUIRE(t);
  CHECK(t->object.entity == "vladimir-putin");
}

TEST_CASE("A separate pronoun after و inside a sentence opens a clause of its own and stays unresolved",
          "[arabic][extraction][reference]") {
  auto e = Run("وصل المدرب إلى المطار وهو يحمل الكأس. تجمع العمال أمام المصنع وهم يرفعون اللافتات.");
  CHECK(Find(e, "المدرب", "وصل إلى", "المطار"));
  CHECK(Find(e, "العمال", "تجمع أمام", "المصنع"));
  const Triple* carries = Find(e, "هو", "يحمل", "الكأس");
  REQUIRE(carries);
  CHECK(carries->subject.unresolved);
  const Triple* raise = Find(e, "هم", "يرفعون", "اللافتات");
  REQUIRE(raise);
  CHECK(raise->subject.unresolved);
  for (const Triple& t : e.triples) {
    CHECK(t.object.text != "هو");  // no list "المطار وهو"
    CHECK(t.subject.text.find("المطار") == std::string::npos);  // nor a subject running on
  }
}

TEST_CASE("A separate pronoun opening a sentence or after ف is the person named before it, of its gender",
          "[arabic][extraction][reference]") {
  auto e = Run("زارت كريستين لاغارد بيروت. وهي تريد دعم الإصلاحات. التقى الرئيس الفرنسي إيمانويل ماكرون الوفد. "
               "فهو يريد إنهاء الأزمة.");
  const Triple* she = Find(e, "هي", "تريد دعم", "الإصلاحات");
  REQUIRE(she);
  CHECK(she->subject.kind == "PER");
  CHECK(she->subject.entity == Find(e, "كريستين لاغارد", "زارت", "بيروت")->subject.entity);
  const Triple* he = Find(e, "هو", "يريد إنهاء", "الأزمة");
  REQUIRE(he);
  CHECK(he->subject.entity == "emmanuel-macron");
  // Nobody of her gender is named before: it stays as written, unresolved.
  auto none = Run("التقى الوزير الوفد. وهي تريد دعم الاتفاق.");
  const Triple* alone = Find(none, "هي", "تريد دعم", "الاتفاق");
  REQUIRE(alone);
  CHECK(alone->subject.unresolved);
}

TEST_CASE("وحده is an adverb, not و and a noun to list", "[arabic][extraction]") {
  auto e = Run("يعمل 300 عامل في المصنع وحده.");
  CHECK(Find(e, "300 عامل", "يعمل في", "المصنع"));
  for (const Triple& t : e.triples) CHECK(t.object.text != "حده");
}

TEST_CASE("A coordinated or purpose verb keeps the subject after it: a verb with no object, or two phrases after it",
          "[arabic][extraction]") {
  auto e = Run("سجل المهاجم هدفين ليبقى الفريق في المركز الثالث. أخطأ الحارس مرتين ليحسم المنافس المباراة.");
  CHECK(Find(e, "الفريق", "ليبقى في", "المركز الثالث"));
  CHECK(Find(e, "المنافس", "ليحسم", "المباراة"));
  // One phrase after a verb that takes an object: the subject before goes on.
  auto shared = Run("زار الوزير المدينة وافتتح المستشفى.");
  CHECK(Find(shared, "الوزير", "افتتح", "المستشفى"));
}

TEST_CASE("Opening a clause, a definite word between a definite noun and the verb describes the noun",
          "[arabic][extraction]") {
  auto e = Run("كل النقابات المستقلة رفضت الاتفاق. قال الوزير إن الشركات المتعاقدة أنهت العمل.");
  CHECK(Find(e, "كل النقابات المستقلة", "رفضت", "الاتفاق"));
  CHECK(Find(e, "الشركات المتعاقدة", "أنهت", "العمل"));
  // Not in a verbal sentence, where it is the object: زار الوزير المصنع.
  CHECK(Find(Run("زار الوزير المصنع."), "الوزير", "زار", "المصنع"));
}

TEST_CASE("A word opening with an alef with hamza below is no verb: إثر is a preposition", "[arabic][extraction]") {
  auto e = Run("وإثر الفيضانات طردت الحكومة المقاول. أغلقت الشرطة الطريق، إثر اتهامات بتهريب الوقود.");
  CHECK(Find(e, "الحكومة", "طردت", "المقاول"));
  CHECK(Find(e, "الشرطة", "أغلقت", "الطريق"));
  for (const Triple& t : e.triples) CHECK(t.relation.text.find("إثر") == std::string::npos);
}

TEST_CASE("A subject is never one word in the accusative", "[arabic][extraction]") {
  auto e = Run("كنت حريصاً على حضور الاجتماع. إن عدداً من الجنود أنقذوا الرجل.");
  for (const Triple& t : e.triples) CHECK(t.subject.text != "حريصاً");
  CHECK(Find(e, "عدداً من الجنود", "أنقذوا", "الرجل"));  // more than one word: kept
}

TEST_CASE("A phrase in the accusative after its verb is no subject: the subject is in the verb", "[arabic][extraction]") {
  auto e = Run("أصدر قراراً جمهورياً بتعيين السفير.");
  for (const Triple& t : e.triples) CHECK(t.subject.text.find("قراراً") == std::string::npos);
}

TEST_CASE("A name in parentheses after a place is a dateline's agency, not the place's name", "[arabic][extraction]") {
  auto e = Run("القاهرة، مصر (رويترز) -- افتتح الوزير المعرض.");
  CHECK(Find(e, "الوزير", "افتتح", "المعرض"));
  for (const Triple& t : e.triples) CHECK(t.object.text != "رويترز");
}

TEST_CASE("An elative takes the indefinite noun it grades", "[arabic][extraction]") {
  auto e = Run("أصبحت المهندسة أول امرأة تدير الميناء. تعد البرازيل أكبر دولة منتجة للبن.");
  CHECK(Find(e, "المهندسة", "أصبحت", "أول امرأة"));
  CHECK(Find(e, "البرازيل", "تعد", "أكبر دولة منتجة للبن"));
}

TEST_CASE("A titled name right after a subject that is a person's title is the subject", "[arabic][extraction]") {
  auto e = Run("قال ولي العهد الأمير سالم الحمدان إن الخطة جاهزة. ناشدت الحكومة الرئيس سالم الحمدان التدخل.");
  CHECK(Find(e, "سالم الحمدان", "قال", "إن الخطة جاهزة"));
  // After a subject that is no title, the titled name is the object.
  CHECK(Find(e, "الحكومة", "ناشدت", "سالم الحمدان"));
}

TEST_CASE("أن with a pronoun after ب or ل opens the reported clause; it is no argument of its own",
          "[arabic][extraction]") {
  auto e = Run("تعهدت الشركة بأنها ستدفع التعويضات.");
  CHECK(Find(e, "الشركة", "تعهدت", "بأنها ستدفع التعويضات"));
  for (const Triple& t : e.triples) CHECK(t.object.text != "بأنها");
}

TEST_CASE("A name between a speech verb's subject and what is said names the speaker; only verbs of telling take an addressee",
          "[arabic][extraction]") {
  auto e = Run("قال مدير المستشفى سامر الخطيب إن المصابين نقلوا. أبلغت الوزيرة النواب أن الميزانية تأخرت.");
  CHECK(Find(e, "سامر الخطيب", "هو", "مدير المستشفى"));
  CHECK(Find(e, "سامر الخطيب", "قال", "إن المصابين نقلوا"));
  CHECK_FALSE(Find(e, "مدير المستشفى", "قال", "سامر الخطيب"));
  CHECK(Find(e, "الوزيرة", "أبلغت", "النواب"));
  // Another bare word between is neither addressee nor relation.
  auto then = Run("ذكرت الوزارة وقتها أن الطريق أغلق.");
  CHECK(Find(then, "الوزارة", "ذكرت", "أن الطريق أغلق"));
  for (const Triple& t : then.triples) CHECK(t.object.text != "وقتها");
}

TEST_CASE("A role noun or a nationality right before a person's name describes the name, which is the subject",
          "[arabic][extraction]") {
  auto e = Run("وسجل المهاجم كريم الصافي الهدف الثاني. هزم الإسباني خوان ألونسو الألماني يوهان كلاين في النهائي.");
  CHECK(Find(e, "كريم الصافي", "سجل", "الهدف الثاني"));
  CHECK(Find(e, "كريم الصافي", "هو", "المهاجم"));
  CHECK(Find(e, "خوان ألونسو", "هزم", "يوهان كلاين في النهائي"));
  CHECK(Find(e, "يوهان كلاين", "هو", "الألماني"));
  // An institution before a name is the subject, and the name the object.
  auto arrest = Run("اعتقلت الشرطة سامر الخطيب.");
  CHECK(Find(arrest, "الشرطة", "اعتقلت", "سامر الخطيب"));
  // An adjective that stands for no one alone describes no name.
  auto former = Run("توفي الجاسوس السابق كريم الصافي في لندن.");
  for (const Triple& t : former.triples) CHECK(t.object.text != "السابق");
}

TEST_CASE("A negation with إلا or سوى says only: the clause is affirmative", "[arabic][extraction]") {
  auto e = Run("لم تجمع التظاهرات سوى مئات من الأشخاص. لن تؤدي هذه الخطوة إلا إلى تعقيد الأزمة. لم يقبل الوزير المطالب.");
  const Triple* gathered = Find(e, "التظاهرات", "لم تجمع سوى", "مئات من الأشخاص");
  REQUIRE(gathered);
  CHECK_FALSE(gathered->negated);
  const Triple* leads = FindRelation(e, "لن تؤدي إلا");
  REQUIRE(leads);
  CHECK_FALSE(leads->negated);
  const Triple* refused = Find(e, "الوزير", "لم يقبل", "المطالب");
  REQUIRE(refused);
  CHECK(refused->negated);
}

TEST_CASE("A number alone is no subject, and a quantifier alone no argument", "[arabic][extraction]") {
  auto e = Run("وكان عام 2016 صعبا، و2017 شهدت انتعاشا. لم يلمس السكان أي تحسن.");
  for (const Triple& t : e.triples) {
    CHECK(t.subject.text != "2017");
    CHECK(t.object.text != "أي");
  }
}

TEST_CASE("A verb in the plural before a phrase says its subject itself: the phrase is no subject",
          "[arabic][extraction]") {
  auto e = Run("قال المسؤول إن المقاتلين باتوا جاهزين للانسحاب. لكنهم يتحدون أنفسهم.");
  for (const Triple& t : e.triples) {
    CHECK(t.subject.text != "جاهزين");
    CHECK(t.subject.text != "أنفسهم");
  }
  // Before the verb it is the subject, and a coordinated plural verb goes on with it.
  auto before = Run("المحتجون رفضوا المطالب. وصل اللاعبون إلى المطار وتوجهوا إلى الفندق.");
  CHECK(Find(before, "المحتجون", "رفضوا", "المطالب"));
  CHECK(Find(before, "اللاعبون", "توجهوا إلى", "الفندق"));
  // But not with one thing: the newspaper did not launch the fireworks.
  auto singular = Run("نشرت الصحيفة صورا للجماهير وقاموا بإطلاق الألعاب النارية.");
  for (const Triple& t : singular.triples) CHECK(t.relation.text.find("قاموا") == std::string::npos);
}

TEST_CASE("A bare predicate is an adjective or a common noun, never a figure or the rest of a name",
          "[arabic][extraction]") {
  auto e = Run("الوضع خطير. أطلقت الشركة صاروخ فالكون 9 الجديد. معرض أبوظبي 2018 كبير. شاهد السكان رجالا يحملون أسلحة.");
  CHECK(Find(e, "الوضع", "هو", "خطير"));
  for (const Triple& t : e.triples) {
    CHECK(t.object.text != "9");
    CHECK(t.object.text != "2018");
    CHECK(t.object.text != "رجالا");
  }
}

TEST_CASE("A relative clause on a noun of time or manner says when or how: the noun is no argument",
          "[arabic][extraction]") {
  auto e = Run("وتأتي المشتريات في الوقت الذي وصل فيه الإنتاج إلى أدنى مستوى.");
  for (const Triple& t : e.triples) CHECK(t.subject.text != "الوقت");
  CHECK(FindRelation(e, "وصل"));
  CHECK(FindRelation(e, "وصل")->subject.text == "الإنتاج");
  // So does one on such a noun with its adjectives.
  auto f = Run("وهذه هي المرة الثانية التي يزور فيها الرئيس المدينة.");
  for (const Triple& t : f.triples) CHECK(t.object.text != "المرة الثانية");
  CHECK(Find(f, "الرئيس", "يزور فيها", "المدينة"));
}

TEST_CASE("A verb in the first person singular says its subject itself: no phrase is its subject",
          "[arabic][extraction]") {
  auto e = Run("وقال اللاعب: سأعتبر كندا موطني. أتمنى الفوز بالكأس.");
  for (const Triple& t : e.triples) {
    CHECK(t.subject.text != "كندا");
    CHECK(t.subject.text != "الفوز");
  }
}

TEST_CASE("After its verb, a phrase opening with an accusative noun is no subject; a dual in construct is",
          "[arabic][extraction]") {
  auto e = Run("وقال إنه سيبقى موسما آخر مع فريقه. التقى وزيرا الخارجية في بغداد.");
  for (const Triple& t : e.triples) CHECK(t.subject.text != "موسما آخر");
  CHECK(Find(e, "وزيرا الخارجية", "التقى في", "بغداد"));
}

TEST_CASE("A place spelled as its own nisba after a definite feminine noun is that adjective", "[arabic][extraction]") {
  auto e = Run("قالت الحكومة السعودية إن الصاروخ سقط. زار الوزير السعودية الأسبوع الماضي.");
  CHECK(Find(e, "الحكومة السعودية", "قالت", "إن الصاروخ سقط"));
  // After a masculine noun it is the place: the minister visited Saudi Arabia.
  CHECK(Find(e, "الوزير", "زار", "السعودية"));
}

TEST_CASE("A relative clause between the subject opening a clause and its verb: the subject is the verb's",
          "[arabic][extraction]") {
  auto e = Run("الحارس الذي كان في المكان أطلق النار على المهاجم. انتقد الوزير الخطة التي وضعتها الحكومة.");
  const Triple* fired = FindRelation(e, "أطلق");
  REQUIRE(fired);
  CHECK(fired->subject.text == "الحارس");
  CHECK(Find(e, "الحكومة", "وضعت", "الخطة"));
}

TEST_CASE("A fixed phrase of when, how often or how far is no argument; the verb's object follows it",
          "[arabic][extraction]") {
  auto e = Run("وأعلن الجيش للمرة الثانية الاتفاق مع الحكومة. وانخفضت الأسعار منذ ذلك الحين. "
               "وقال المدير في وقت سابق من هذا الأسبوع إن المصنع سيغلق. ووقع الرئيس مع ذلك البلد اتفاقا.");
  CHECK(Find(e, "الجيش", "أعلن", "الاتفاق مع الحكومة"));
  CHECK(Find(e, "المدير", "قال في وقت سابق من", "إن المصنع سيغلق"));  // the time phrase is no addressee
  for (const Triple& t : e.triples) {
    CHECK(t.object.text != "ذلك الحين");
    CHECK(t.object.text != "المرة الثانية");
    CHECK(t.object.text != "هذا الأسبوع");
  }
  // A demonstrative before its noun is no end of the phrase: with that country.
  CHECK(Find(e, "الرئيس", "وقع مع", "ذلك البلد"));
}

TEST_CASE("Words in quotation marks are reported; a short quoted title is not", "[arabic][extraction]") {
  auto e = Run("وقال الوزير: «الشركات الكبرى تدعم الخطة الجديدة بقوة». ونشرت الشبكة فيلما بعنوان \"رحلة إلى الشمال\".");
  const Triple* backs = FindRelation(e, "تدعم");
  REQUIRE(backs);
  CHECK(backs->modality == Modality::kReported);
  const Triple* published = FindRelation(e, "نشرت");
  REQUIRE(published);
  CHECK(published->modality == Modality::kAsserted);
}

TEST_CASE("A verb agrees with its subject in gender: a phrase that clashes with it is no subject",
          "[arabic][extraction]") {
  // A masculine verb before a singular noun in ة: the noun is the object,
  // and the verb goes on with the minister.
  auto e = Run("وصل الوزير إلى بغداد ويتطلب إعادة تقييم الخطة.");
  CHECK(Find(e, "الوزير", "يتطلب", "إعادة تقييم الخطة"));
  // A feminine verb before a masculine sound plural.
  auto f = Run("تشمل مسؤولين من الوزارة قائمة العقوبات الجديدة.");
  for (const Triple& t : f.triples) CHECK(t.subject.text != "مسؤولين من الوزارة");
  // A masculine coordinated verb does not go on with a feminine subject.
  auto g = Run("أعلنت الحكومة الخطة الجديدة وقرر زيادة الضرائب.");
  for (const Triple& t : g.triples) CHECK(t.relation.text.find("قرر") == std::string::npos);
  // A broken plural in ة (قادة) takes a masculine verb before it.
  auto h = Run("ويحاول قادة أوروبيون إنقاذ الاتفاق.");
  const Triple* tries = FindRelation(h, "يحاول إنقاذ");
  REQUIRE(tries);
  CHECK(tries->subject.text == "قادة أوروبيون");
}

TEST_CASE("After a verb that is no copula, a phrase of adjectives alone is no object", "[arabic][extraction]") {
  auto e = Run("ويشارك النادي في الثانية على التوالي. وكان اللاعب سعيدا.");
  CHECK_FALSE(FindRelation(e, "يشارك في"));
  CHECK(Find(e, "اللاعب", "كان", "سعيدا"));
}

TEST_CASE("What is said ends where the writer's words go on; a participle of speech goes on reporting",
          "[arabic][extraction]") {
  auto e = Run("وقالت السلطات إن البلاد تواجه موجة برد قاسية فيما توقعت الأرصاد انخفاض درجات الحرارة.");
  CHECK(Find(e, "السلطات", "قالت", "إن البلاد تواجه موجة برد قاسية"));
  const Triple* forecast = FindRelation(e, "توقعت");
  REQUIRE(forecast);
  CHECK(forecast->modality == Modality::kAsserted);  // the writer's, not the authorities'
  auto q = Run("وقال الوزير: \"سنواصل العمل مع الشركاء\" مشيرا إلى أن الحكومة ستدعم المشروع.");
  CHECK(Find(q, "الوزير", "قال", "سنواصل العمل مع الشركاء"));
  const Triple* backs = FindRelation(q, "ستدعم");
  REQUIRE(backs);
  CHECK(backs->modality == Modality::kReported);
  auto p = Run("وقال الوزير إن الحكومة ستعمل، مضيفا أن الخطة جاهزة.");
  CHECK(Find(p, "الوزير", "قال", "إن الحكومة ستعمل"));
  CHECK_FALSE(FindRelation(p, "ستعمل"));  // the participle's complement is not the verb's before it
}

TEST_CASE("A role with its prepositional phrases before a person's name: the name is the subject",
          "[arabic][extraction]") {
  auto e = Run("وقال المسؤول في الحزب الاشتراكي أحمد علي إن الحكومة فشلت.");
  CHECK(Find(e, "أحمد علي", "قال", "إن الحكومة فشلت"));
  CHECK(Find(e, "أحمد علي", "هو", "المسؤول في الحزب الاشتراكي"));
  // A nationality after a definite common noun describes that noun, not the
  // name after it; after a name it begins the next person's.
  auto n = Run("وأكد المدرب الجديد للمنتخب الروسي أحمد علي أن الفريق جاهز.");
  CHECK(Find(n, "أحمد علي", "هو", "المدرب الجديد للمنتخب الروسي"));
  auto m = Run("هزم الإسباني رافائيل نادال الألماني ألكسندر زفيريف.");
  CHECK(Find(m, "رافائيل نادال", "هزم", "ألكسندر زفيريف"));
}

TEST_CASE("ب with a noun that says how is an adverb; a singular verb does not go with a plural before it",
          "[arabic][extraction]") {
  auto e = Run("وانتقد الوزير الخطة بشدة. وبدأت الشركة بالفعل العمل على المشروع.");
  CHECK(Find(e, "الوزير", "انتقد", "الخطة"));
  CHECK(Find(e, "الشركة", "بدأت", "العمل على المشروع"));
  auto p = Run("المحتجون طالب الحكومة بالإصلاح. المحتجون يطالبون بالإصلاح.");
  CHECK_FALSE(FindRelation(p, "طالب"));
  CHECK(Find(p, "المحتجون", "يطالبون ب", "الإصلاح"));
}

TEST_CASE("After كان and its subject a perfect is the verb of a pluperfect, not a verbal noun", "[arabic][extraction]") {
  auto e = Run("وكان مجلس الأمن الدولي فرض عقوبات على البلاد. وارتفعت الأسعار بعد قرار المنظمة خفض الإنتاج.");
  CHECK(Find(e, "مجلس الأمن الدولي", "فرض", "عقوبات على البلاد"));
  CHECK_FALSE(FindRelation(e, "خفض"));  // after another verb it is the verbal noun
}

TEST_CASE("A role right after a person's name, before the verb's object, describes the person",
          "[arabic][extraction]") {
  auto e = Run("ولم يسجل أحمد علي نجم الفريق أي هدف في المباراة. والتقى أحمد علي رئيس الوزراء في القصر.");
  CHECK(Find(e, "أحمد علي", "هو", "نجم الفريق"));
  CHECK_FALSE(Find(e, "أحمد علي", "لم يسجل", "نجم الفريق"));
  // Nothing follows the role for the verb: the role is the object.
  CHECK(Find(e, "أحمد علي", "التقى", "رئيس الوزراء في القصر"));
}

TEST_CASE("A sentence that names its source reports what it says", "[arabic][extraction]") {
  auto e = Run("واستعاد الجيش السيطرة على المواقع، بحسب مصدر عسكري. وبحسب المصدر، فإن الجيش دخل المدينة. "
               "وتعمل الشركة وفق القانون.");
  const Triple* took = FindRelation(e, "استعاد");
  REQUIRE(took);
  CHECK(took->modality == Modality::kReported);
  const Triple* entered = FindRelation(e, "دخل");
  REQUIRE(entered);
  CHECK(entered->modality == Modality::kReported);
  const Triple* works = FindRelation(e, "تعمل وفق");  // "in accordance with" names no source
  REQUIRE(works);
  CHECK(works->modality == Modality::kAsserted);
}

TEST_CASE("A definite phrase inside another clause is no subject of a perfect after it", "[arabic][extraction]") {
  auto e = Run("يذكر أن زلزال 1976 شمال شرقي الصين شهد مقتل الآلاف. لكن الرئيس شدد على أن الاتفاق قريب. "
               "وشنت الطائرات غارات استهدفت مواقع المسلحين.");
  for (const Triple& t : e.triples) CHECK(t.subject.text != "الصين");
  CHECK(Find(e, "الرئيس", "شدد على", "أن الاتفاق قريب"));  // after لكن a clause opens
  CHECK(Find(e, "غارات", "استهدفت", "مواقع المسلحين"));  // an indefinite one is: raids that targeted
  // A person's name after a title is the title's apposition, the subject;
  // and a relative clause on a phrase inside the clause still reads.
  auto n = Run("المحقق الخاص بحادث الطائرة فلاديمير بوتين أخبر الصحفيين أنه مقتنع. "
               "وأنفقت الحكومة الثروات على بناء عاصمة جديدة سمتها آستانا.");
  CHECK(Find(n, "فلاديمير بوتين", "أخبر", "أنه مقتنع"));
  CHECK(Find(n, "الحكومة", "سمتها", "آستانا"));
}

TEST_CASE("A participle of speech after what is said says more, by the same speaker", "[arabic][extraction]") {
  auto e = Run("وأكدت الوزارة أن الوضع مستقر، مشيرة إلى أن القوات تسيطر على المدينة، ومؤكدة أن الحياة عادت.");
  CHECK(Find(e, "الوزارة", "أكدت", "أن الوضع مستقر"));
  CHECK(Find(e, "الوزارة", "مشيرة إلى", "أن القوات تسيطر على المدينة"));
  CHECK(Find(e, "الوزارة", "مؤكدة", "أن الحياة عادت"));
  // لافتة is a banner as often as "noting": no participle of speech.
  auto b = Run("ورفعت الفتاة لافتة كبيرة في المدرجات.");
  CHECK(Find(b, "الفتاة", "رفعت", "لافتة كبيرة في المدرجات"));
}

TEST_CASE("A time set off by commas between a verb's subject and its object leaves the clause whole",
          "[arabic][extraction]") {
  auto e = Run("وشنت الولايات المتحدة، السبت، ضربات عسكرية على أهداف في سوريا. "
               "وكشفت الشركة، يوم الاثنين، عن توقيع اتفاقية.");
  const Triple* struck = Find(e, "الولايات المتحدة", "شنت", "ضربات عسكرية على أهداف في سوريا");
  REQUIRE(struck);
  CHECK(struck->time == "السبت");
  CHECK(Find(e, "الشركة", "كشفت عن", "توقيع اتفاقية"));
}

TEST_CASE("A subject opening its clause keeps its verb across a relative clause or adjective set off by commas",
          "[arabic][extraction]") {
  auto e = Run("الوزير، الذي وصل أمس، التقى السفير. وقالت الحركة \"ترفض الحكومة المقترحات الجديدة للتسوية في البلاد\".");
  CHECK(Find(e, "الوزير", "التقى", "السفير"));
  // A quotation mark after a speech verb's subject opens what is said.
  CHECK(Find(e, "الحركة", "قالت", "ترفض الحكومة المقترحات الجديدة للتسوية في البلاد"));
}

TEST_CASE("Between takes its conjuncts together", "[arabic][extraction]") {
  auto e = Run("وناقش الوزير العلاقات بين مصر والسعودية.");
  CHECK(Find(e, "الوزير", "ناقش", "العلاقات بين مصر والسعودية"));
}

TEST_CASE("A role, then a name set off by commas: the name is the subject and the clause goes on",
          "[arabic][extraction]") {
  auto e = Run("وطالب وزير الداخلية، أحمد علي، الأربعاء، بضمانات قبل السماح للسفينة بالرسو.");
  CHECK(Find(e, "أحمد علي", "هو", "وزير الداخلية"));
  const Triple* asked = Find(e, "أحمد علي", "طالب ب", "ضمانات");
  REQUIRE(asked);
  CHECK(asked->time == "الأربعاء");
  // After a role the titles do not list, with a name the tagger may not
  // know; with a listed role, across its prepositional phrase; the phrase
  // after the name's second comma is the verb's object.
  auto p = Run("وقال نائب الوزير، تشوي سون هوي، إن بلاده لا تريد الحرب. "
               "وقال المحلل في الصحيفة، أحمد علي، إن الحرب بعيدة. "
               "وقرر الرئيس، أحمد علي، مضاعفة الرسوم على الصلب.");
  CHECK(Find(p, "تشوي سون هوي", "قال", "إن بلاده لا تريد الحرب"));
  CHECK(Find(p, "أحمد علي", "هو", "المحلل في الصحيفة"));
  CHECK(Find(p, "أحمد علي", "قرر مضاعفة", "الرسوم على الصلب"));
  for (const Triple& t : p.triples) CHECK(t.object.text.find("مضاعفة") != 0);  // no "is" with the object
}

TEST_CASE("A phrase with ل right after the subject belongs to it when the verb's object follows",
          "[arabic][extraction]") {
  auto e = Run("وقرر الاتحاد الدولي لكرة القدم إلغاء المباراة. ودعا الأمين العام للأمم المتحدة الأطراف إلى الحوار.");
  CHECK(Find(e, "الاتحاد الدولي لكرة القدم", "قرر إلغاء", "المباراة"));
  CHECK(Find(e, "الأمين العام للأمم المتحدة", "دعا", "الأطراف إلى الحوار"));
}

TEST_CASE("Negated زال as an auxiliary says still: the verb after it is not negated", "[arabic][extraction]") {
  auto e = Run("ساعات العمل الطويلة لا تزال تمثل مشكلة للعمال. ولا تمثل الخطة أي تهديد.");
  const Triple* still = FindRelation(e, "لا تزال تمثل");
  REQUIRE(still);
  CHECK_FALSE(still->negated);
  const Triple* not_a_threat = FindRelation(e, "لا تمثل");
  REQUIRE(not_a_threat);
  CHECK(not_a_threat->negated);
}

TEST_CASE("A bare perfect right after another perfect is a verbal noun", "[arabic][extraction]") {
  auto e = Run("وبدأ تدخل الدولة في الاقتصاد.");
  CHECK(Find(e, "تدخل الدولة", "بدأ في", "الاقتصاد"));
  CHECK_FALSE(FindRelation(e, "تدخل في"));
}

TEST_CASE("A bare perfect after a preposition is a verbal noun", "[arabic][extraction]") {
  auto e = Run("أشاد الوزير بدور الصحفيين في نقل الأخبار من المدن.");
  CHECK_FALSE(FindRelation(e, "نقل من"));
  auto f = Run("ليس لدى الشركة خيار سوى رفض العرض.");
  CHECK_FALSE(FindRelation(f, "رفض"));
  // One whose object takes a preposition keeps its doer after it.
  auto g = Run("ومع تعرض المدينة لموجة أمطار شديدة، أغلقت المدارس.");
  CHECK(Find(g, "المدينة", "تعرض ل", "موجة أمطار شديدة"));
}

TEST_CASE("After مما, or ما after a comma, the phrase after the verb is its object, never its subject",
          "[arabic][extraction]") {
  auto e = Run("وارتفعت الأسعار بشكل كبير، مما دفع المواطنين إلى الاحتجاج.");
  CHECK_FALSE(Find(e, "المواطنين", "دفع إلى", "الاحتجاج"));
  auto f = Run("وتأخر القطار ساعتين، ما أجبر الركاب على الانتظار.");
  CHECK_FALSE(Find(f, "الركاب", "أجبر على", "الانتظار"));
  // With its pronoun the verb has its object, and the phrase after it is
  // its subject.
  auto g = Run("وهذا ما أكده الوزير في المؤتمر.");
  CHECK(Find(g, "الوزير", "أكده في", "المؤتمر"));
}

TEST_CASE("A comma between the subject that إن or أن opens and its verb keeps them together", "[arabic][extraction]") {
  auto e = Run("وذكرت الوكالة أن القوات، اعتقلت عشرة أشخاص في المدينة.");
  CHECK(Find(e, "القوات", "اعتقلت", "عشرة أشخاص في المدينة"));
  auto f = Run("وأفادت مصادر محلية بأن قوات الجيش، شنت أيضا عدة هجمات على مواقع المسلحين.");
  CHECK(Find(f, "قوات الجيش", "شنت", "عدة هجمات على مواقع المسلحين"));
}

TEST_CASE("After كما, a number right after a transitive verb is its object, and the subject goes on",
          "[arabic][extraction]") {
  auto e = Run("وأعلن البنك أرباحا قياسية هذا العام، كما استثمر 20 مليار دولار في شركات ناشئة.");
  CHECK(Find(e, "البنك", "استثمر", "20 مليار دولار في شركات ناشئة"));
  auto f = Run("وشن الجيش غارات على المواقع، كما قتل 30 مسلحا في الاشتباكات.");
  CHECK(Find(f, "الجيش", "قتل", "30 مسلحا في الاشتباكات"));
  // A subject before that cannot go with the verb does not go on.
  auto g = Run("وانفجرت سيارة مفخخة في السوق، كما قتل 20 شخصا في هجوم آخر.");
  CHECK_FALSE(Find(g, "سيارة مفخخة", "قتل", "20 شخصا في هجوم آخر"));
}

TEST_CASE("A feminine perfect does not go with a singular noun the lexicon gives as masculine",
          "[arabic][extraction]") {
  // The noun after the verb is its object; after كما (also) or بينما (while)
  // the verb goes on with the subject before.
  auto e = Run("أعلنت الشركة عن منتج جديد، كما رفعت السعر في الأسواق.");
  CHECK(Find(e, "الشركة", "رفعت", "السعر في الأسواق"));
  auto f = Run("وقعت الحكومة مذكرة تفاهم مع الصين، بينما ألغت الاتفاق مع اليابان.");
  CHECK(Find(f, "الحكومة", "ألغت", "الاتفاق مع اليابان"));
  // A noun the lexicon lists without plurals may be a plural (البلاد), a
  // title may name a woman, and a present may be a perfect of تفعل.
  auto g = Run("وذكرت الوزيرة أن البلاد تواجه أزمة.");
  CHECK(Find(g, "البلاد", "تواجه", "أزمة"));
  auto h = Run("قالت وزير الخارجية الأسترالية إن الاتفاق مهم.");
  CHECK(FindRelation(h, "قالت"));
  CHECK(FindRelation(h, "قالت")->subject.text == "وزير الخارجية الأسترالية");
  auto i = Run("في المقابل، تجمد رصيد الفريق عند 36 نقطة.");
  CHECK(Find(i, "رصيد الفريق", "تجمد عند", "36 نقطة"));
  // A noun feminine without ة (NF in nouns.tsv), and its dual, go with it.
  auto j = Run("واندلعت الحرب في المنطقة.");
  CHECK(Find(j, "الحرب", "اندلعت في", "المنطقة"));
}

TEST_CASE("A prepositional phrase whose noun takes a clause as genitive describes no phrase", "[arabic][extraction]") {
  auto e = Run("تحدثت الحكومة عن إصلاح النظام على غرار ما حدث في تونس.");
  CHECK(Find(e, "الحكومة", "تحدثت عن", "إصلاح النظام"));
}

TEST_CASE("After إنها, a feminine verb's subject is the pronoun: the feminine subject before, never the phrase after",
          "[arabic][extraction]") {
  auto e = Run("وقالت الوزارة إنها تلقت طلبات كثيرة من المواطنين.");
  CHECK(Find(e, "الوزارة", "تلقت", "طلبات كثيرة من المواطنين"));
  auto f = Run("وأعلنت مصر أنها وقعت اتفاقا مع الأردن.");
  CHECK(FindRelation(f, "وقعت اتفاقا مع"));
  CHECK(FindRelation(f, "وقعت اتفاقا مع")->subject.text == "مصر");
  // ها is not the minister: nobody here is the verb's subject.
  auto g = Run("وقال الوزير إنها تلقت رسائل من المواطنين.");
  CHECK_FALSE(FindRelation(g, "تلقت من"));
  CHECK_FALSE(FindRelation(g, "تلقت"));
}

TEST_CASE("After إنه or إنهم, a verb of the pronoun's gender and number goes on with the person or plural before",
          "[arabic][extraction]") {
  auto e = Run("وقال الرئيس الفرنسي إيمانويل ماكرون إنه سيزور الصين الشهر المقبل.");
  CHECK(Find(e, "إيمانويل ماكرون", "سيزور", "الصين"));
  auto f = Run("وقال المسؤولون إنهم سيواصلون العمل مع الحكومة.");
  CHECK(Find(f, "المسؤولون", "سيواصلون", "العمل مع الحكومة"));
  // أنه before تم is the pronoun of the matter: the phrase after is the subject.
  auto g = Run("وقال الوزير إنه تم الاتفاق على الخطة.");
  for (const Triple& t : g.triples) CHECK(!(t.relation.text.starts_with("تم") && t.subject.text == "الوزير"));
}

TEST_CASE("A speech clause inside another's complement is reported; one after it is not", "[arabic][extraction]") {
  auto e = Run("قال الوزير إن الرئيس أكد أن الحوار مستمر.");
  const Triple* confirmed = Find(e, "الرئيس", "أكد", "أن الحوار مستمر");
  REQUIRE(confirmed);
  CHECK(confirmed->modality == Modality::kReported);
  auto f = Run("قال الوزير إن الاتفاق قريب، وأضاف أن الحوار مستمر.");
  const Triple* added = Find(f, "الوزير", "أضاف", "أن الحوار مستمر");
  REQUIRE(added);
  CHECK(added->modality == Modality::kAsserted);
}

TEST_CASE("A quantifier that is also an adjective takes the noun after it", "[arabic][extraction]") {
  auto all = Run("طالب المجلس بإخراج كافة المسلحين.");
  CHECK(Find(all, "المجلس", "طالب ب", "إخراج كافة المسلحين"));
  auto various = Run("جاء المتطوعون من مختلف مناطق البلاد.");
  CHECK(Find(various, "المتطوعون", "جاء من", "مختلف مناطق البلاد"));
  // After its noun it describes it: the predicate stays the adjective.
  auto different = Run("الموقف مختلف الآن.");
  CHECK(Find(different, "الموقف", "هو", "مختلف"));
}

TEST_CASE("A plural adjective with no plural before it stands for people", "[arabic][extraction]") {
  auto e = Run("طردت الحكومة الدبلوماسيين الروس.");
  CHECK(Find(e, "الحكومة", "طردت", "الدبلوماسيين الروس"));
  auto name = Run("استقبلت ألمانيا المسؤولين الأتراك.");
  CHECK(Find(name, "ألمانيا", "استقبلت", "المسؤولين الأتراك"));
  // After a plural it describes it: one phrase.
  auto agreeing = Run("التقى الوزير الصحفيين الأكراد.");
  CHECK(Find(agreeing, "الوزير", "التقى", "الصحفيين الأكراد"));
}

TEST_CASE("A verb of holding or making takes its object and what the object is held to be", "[arabic][extraction]") {
  auto held = Run("يعتبر الخبراء الاتفاق خطوة مهمة.");
  CHECK(Find(held, "الخبراء", "يعتبر", "الاتفاق خطوة مهمة"));
  auto appointed = Run("عين الملك الأمير سفيرا لدى واشنطن.");
  CHECK(Find(appointed, "الملك", "عين", "الأمير سفيرا لدى واشنطن"));
  // A time after the object says when, not what: ذلك اليوم stays out.
  auto when = Run("اعتبر الوزير القرار الثلاثاء.");
  for (const Triple& t : when.triples) CHECK(t.object.text.find("الثلاثاء") == std::string::npos);
}

TEST_CASE("A noun phrase goes on through a construct in ي, a number and كونه's predicate", "[arabic][extraction]") {
  auto plural = Run("نشرت الصحيفة رسائل تخص مستخدمي تويتر.");
  CHECK(Find(plural, "رسائل", "تخص", "مستخدمي تويتر"));
  auto dual = Run("تراجع الحكومة قانوني الضرائب والجمارك.");
  CHECK(Find(dual, "الحكومة", "تراجع", "قانوني الضرائب"));
  auto number = Run("سجل المهاجم هدفه رقم 50 أمس.");
  CHECK(Find(number, "المهاجم", "سجل", "هدفه رقم 50"));
  auto being = Run("يحرم القرار المدينة من كونها عاصمة للثقافة.");
  CHECK(Find(being, "القرار", "يحرم", "المدينة من كونها عاصمة للثقافة"));
}

TEST_CASE("What is expected is possible, not a fact", "[arabic][extraction]") {
  auto e = Run("ومن المتوقع أن يزور الوفد المصنع.");
  const Triple* t = Find(e, "الوفد", "يزور", "المصنع");
  REQUIRE(t);
  CHECK(t->modality == Modality::kPossible);
  auto fact = Run("ومن المعروف أن الوفد زار المصنع.");
  for (const Triple& x : fact.triples) CHECK(x.modality != Modality::kPossible);
}

TEST_CASE("A participle of speech after a clause reports what its subject says", "[arabic][extraction]") {
  auto e = Run("افتتح المحافظ الجسر الجديد، مؤكدا أن البلدية ستبني جسرين آخرين.");
  CHECK(Find(e, "المحافظ", "افتتح", "الجسر الجديد"));
  const Triple* said = Find(e, "البلدية", "ستبني", "جسرين آخرين");
  REQUIRE(said);
  CHECK(said->modality == Modality::kReported);
}

TEST_CASE("A title with a given name alone is the person named in full before", "[arabic][extraction]") {
  auto entity_of = [](const Extraction& e, const std::string& text) {
    std::vector<std::string> keys;
    for (const Mention& m : e.mentions) {
      if (m.entity.text == text) keys.push_back(m.entity.entity);
    }
    return keys;
  };
  auto e = Run("استقبل ولي العهد السعودي محمد بن سلمان الوفد. وأكد الأمير محمد دعم المملكة.");
  const auto full = entity_of(e, "ولي العهد السعودي محمد بن سلمان");
  REQUIRE(full.size() == 1);
  CHECK(entity_of(e, "محمد") == full);
  // Two people of the document with that given name: neither.
  auto two = Run("التقى محمد بن سلمان محمد بن زايد. وقال الأمير محمد إن اللقاء مثمر.");
  for (const std::string& key : entity_of(two, "محمد")) {
    CHECK(key != entity_of(two, "محمد بن سلمان").front());
    CHECK(key != entity_of(two, "محمد بن زايد").front());
  }
}

TEST_CASE("Connectives and adverbs in the accusative are neither relation nor argument", "[arabic][extraction]") {
  auto despite = Run("نشر الموقع الصور على الرغم من أن الحكومة منعتها.");
  CHECK(Find(despite, "الموقع", "نشر", "الصور"));
  CHECK_FALSE(FindRelation(despite, "نشر على"));
  auto besides = Run("تحدث الشهود عن سقوط عشرة قتلى فضلا عن عشرين جريحا.");
  CHECK(Find(besides, "الشهود", "تحدث عن", "سقوط عشرة قتلى فضلا عن عشرين جريحا"));
  CHECK_FALSE(FindRelation(besides, "فضلا عن"));
  auto example = Run("تحتاج الحديقة عناية يومية مثلا لمدة ساعة.");
  for (const Triple& t : example.triples) CHECK(t.relation.text.find("مثلا") == std::string::npos);
}

TEST_CASE("A sentence that names its source at the end is reported", "[arabic][extraction]") {
  auto e = Run("أصيب خمسة جنود في الهجوم، وفقا لمسؤول عسكري.");
  const Triple* t = Find(e, "خمسة جنود", "أصيب في", "الهجوم");
  REQUIRE(t);
  CHECK(t->modality == Modality::kReported);
  auto per = Run("ارتفع عدد الزوار إلى مليون، وفق الإحصاءات الرسمية.");
  const Triple* p = Find(per, "عدد الزوار", "ارتفع إلى", "مليون");
  REQUIRE(p);
  CHECK(p->modality == Modality::kReported);
  // نقل عن X قوله إن …: what follows "his saying" is his.
  auto saying = Run("ونقلت الصحيفة عن مسؤول قوله إن الجيش سيطر على المدينة.");
  const Triple* took = Find(saying, "الجيش", "سيطر على", "المدينة");
  REQUIRE(took);
  CHECK(took->modality == Modality::kReported);
  // The one quoted said it, as the source tells it; not "an official his saying".
  const Triple* said = Find(saying, "مسؤول", "قال", "إن الجيش سيطر على المدينة");
  REQUIRE(said);
  CHECK(said->modality == Modality::kReported);
  CHECK(Find(saying, "الصحيفة", "نقلت عن", "مسؤول"));
  CHECK(Find(Run("ونقلت الشبكة عن سامنثا قولها إن الرحلة كانت صعبة."), "سامنثا", "قالت", "إن الرحلة كانت صعبة"));
  // Opening the sentence, the source reports all after it.
  auto opening = Run("ووفقا لتقرير الوزارة، ارتفع عدد السياح بنسبة كبيرة. ووفق المصادر، غادر الوزير العاصمة.");
  const Triple* tourists = Find(opening, "عدد السياح", "ارتفع ب", "نسبة كبيرة");
  const Triple* left = Find(opening, "الوزير", "غادر", "العاصمة");
  REQUIRE(tourists);
  REQUIRE(left);
  CHECK(tourists->modality == Modality::kReported);
  CHECK(left->modality == Modality::kReported);
  // Not a law or a plan a clause is carried out by.
  auto law = Run("وتم توزيع المساعدات على الأسر وفقا للقانون.");
  const Triple* shared = Find(law, "توزيع المساعدات", "تم على", "الأسر");
  REQUIRE(shared);
  CHECK(shared->modality == Modality::kAsserted);
}

TEST_CASE("A verb whose prepositional object is an adjective stays a verb", "[arabic][extraction]") {
  auto e = Run("تأهل المنتخب إلى النهائي.");
  CHECK_FALSE(FindRelation(e, "هو"));
}

TEST_CASE("An age after a noun describes it and is no time of the clause", "[arabic][extraction]") {
  auto e = Run("وعاد المغني البالغ من العمر 40 عاما للظهور على تويتر.");
  const Triple* back = Find(e, "المغني البالغ من العمر 40 عاما", "عاد ل", "الظهور على تويتر");
  REQUIRE(back);
  CHECK(back->time.empty());
  CHECK(Find(Run("وشارك اللاعب البالغ من العمر 22 عاما أساسيا في جميع المباريات."),
             "اللاعب البالغ من العمر 22 عاما", "شارك أساسيا في", "جميع المباريات"));
  // After يبلغ, "the age" takes its figure: the object is the age.
  CHECK(Find(Run("ويبلغ اللاعب من العمر 29 عاما."), "اللاعب", "يبلغ من", "العمر 29 عاما"));
}

TEST_CASE("Prepositions of two words (على يد, في ظل, على متن) are one: their noun is no argument",
          "[arabic][extraction]") {
  auto e = Run("وقتل الصحفي على يد مسلحين مجهولين في المدينة.");
  CHECK(Find(e, "الصحفي", "قتل على يد", "مسلحين مجهولين في المدينة"));
  auto f = Run("وتراجعت الأسعار في ظل المخاوف من الركود.");
  CHECK(Find(f, "الأسعار", "تراجعت في ظل", "المخاوف من الركود"));
  CHECK(Find(Run("وسافر الوفد على متن طائرة خاصة."), "الوفد", "سافر على متن", "طائرة خاصة"));
  CHECK(Find(Run("ووقع الانفجار بالقرب من السفارة."), "الانفجار", "وقع بالقرب من", "السفارة"));
}

TEST_CASE("A rank before a count of things is one phrase with it", "[arabic][extraction]") {
  auto e = Run("وسجل الفريق ثلاثة أهداف في أول 25 دقيقة من المباراة.");
  CHECK(Find(e, "الفريق", "سجل", "ثلاثة أهداف في أول 25 دقيقة من المباراة"));
  CHECK(Find(Run("وخسر الفريق في آخر 5 مباريات."), "الفريق", "خسر في", "آخر 5 مباريات"));
  // أخرى is "other": the figure after it is no count of what it describes.
  auto other = Run("وشكلت عملات أخرى 7 بالمئة من الاحتياطي.");
  for (const Triple& t : other.triples) {
    CHECK(t.subject.text != "عملات أخرى 7");
  }
}

TEST_CASE("Adjectives joined by و describe one noun; a place after و is a name of its own", "[arabic][extraction]") {
  auto e = Run("وشاركت المؤسسات الحكومية والخاصة في المعرض.");
  CHECK(Find(e, "المؤسسات الحكومية والخاصة", "شاركت في", "المعرض"));
  auto f = Run("وزار الوزير مصر والسعودية الأسبوع الماضي.");
  CHECK(Find(f, "الوزير", "زار", "مصر"));
  CHECK(Find(f, "الوزير", "زار", "السعودية"));
}

TEST_CASE("A relative clause joined by و to one before describes what that one does", "[arabic][extraction]") {
  auto e = Run("وزار الوزير المصنع الذي افتتح العام الماضي والذي يوظف ألف عامل.");
  CHECK(Find(e, "المصنع", "يوظف", "ألف عامل"));
  auto f = Run("وانتقد المدرب الخطأ الذي ارتكبه الحارس في المباراة والذي استغله المهاجم.");
  CHECK(Find(f, "المهاجم", "استغل", "الخطأ"));
  CHECK_FALSE(Find(f, "المهاجم", "استغل", "المباراة"));
}

TEST_CASE("A relative clause after a comma describes a name before it, not the phrase the name's is attached to",
          "[arabic][extraction]") {
  auto e = Run("وتحدث الوزير عن زيارته إلى ألمانيا، التي تعد الشريك الأول للبلاد.");
  CHECK(Find(e, "ألمانيا", "تعد", "الشريك الأول للبلاد"));
  CHECK_FALSE(Find(e, "زيارته إلى ألمانيا", "تعد", "الشريك الأول للبلاد"));
}

TEST_CASE("A singular relative pronoun describes the last of coordinated phrases", "[arabic][extraction]") {
  auto e = Run("والتقى الوزير بممثلي النقابات والسفير الذي وصل أمس إلى العاصمة.");
  CHECK(Find(e, "السفير", "وصل إلى", "العاصمة"));
  CHECK_FALSE(Find(e, "ممثلي النقابات", "وصل إلى", "العاصمة"));
  // A plural one after a plural: the nearest.
  auto f = Run("واعتقلت الشرطة المتظاهرين والصحفيين الذين غطوا الاحتجاجات.");
  CHECK(Find(f, "الصحفيين", "غطوا", "الاحتجاجات"));
  CHECK_FALSE(Find(f, "المتظاهرين", "غطوا", "الاحتجاجات"));
}

TEST_CASE("A relative pronoun describes the noun of an idafa it agrees with", "[arabic][extraction]") {
  auto plural = Run("زادت الأزمة معاناة السكان، الذين يعانون من نقص الغذاء.");
  CHECK(Find(plural, "السكان", "يعانون من", "نقص الغذاء"));
  auto feminine = Run("استقبل الوزير مدير الوكالة التي تراقب الانتخابات.");
  CHECK(Find(feminine, "الوكالة", "تراقب", "الانتخابات"));
  // The head itself when it agrees: the president, not the republic.
  auto head = Run("استقبل الوزير رئيس الجمهورية الذي زار المدينة.");
  CHECK(Find(head, "رئيس الجمهورية", "زار", "المدينة"));
}

TEST_CASE("What a speaker described at length says is still a complement", "[arabic][extraction]") {
  auto e = Run("أعلن باحثون في جامعة كبرى بالعاصمة البريطانية أن الدواء الجديد يقلل الوفيات.");
  const Triple* said = Find(e, "الدواء الجديد", "يقلل", "الوفيات");
  REQUIRE(said);
  CHECK(said->modality == Modality::kReported);
  CHECK(Find(e, "باحثون في جامعة كبرى", "أعلن", "أن الدواء الجديد يقلل الوفيات"));
}

TEST_CASE("A title's coordinated genitives are one title", "[arabic][extraction]") {
  auto one = Run("قال وزير الثقافة والإعلام إن المهرجان سيقام في الربيع.");
  CHECK(FindRelation(one, "قال"));
  for (const Triple& t : one.triples) CHECK(t.subject.text != "الإعلام");
  auto two = Run("استقبل وزير الخارجية ووزير الدفاع الوفد.");
  CHECK(Find(two, "وزير الدفاع", "استقبل", "الوفد"));
}

TEST_CASE("A verb's own preposition marks its object past a phrase that says where", "[arabic][extraction]") {
  auto e = Run("انخفض سعر القمح في الأسواق المحلية إلى مستوى قياسي.");
  CHECK(Find(e, "سعر القمح في الأسواق المحلية", "انخفض إلى", "مستوى قياسي"));
  auto clitic = Run("تحدث الوزير في المؤتمر عن الأزمة.");
  CHECK(FindRelation(clitic, "تحدث عن"));
}

TEST_CASE("A unit is no adverb, and a news agency's name ends with للأنباء", "[arabic][extraction]") {
  auto units = Run("أنجزت الشركة بناء 300 وحدة سكنية.");
  CHECK(Find(units, "الشركة", "أنجزت", "بناء 300 وحدة سكنية"));
  auto agency = Run("نقلت وكالة الأناضول للأنباء عن مصدر أمني أن الطريق أغلق.");
  CHECK(Find(agency, "وكالة الأناضول للأنباء", "نقلت عن", "مصدر أمني"));
}

TEST_CASE("A phrase in the accusative after a verb is no subject", "[arabic][extraction]") {
  auto e = Run("يريد المدرب أن يبقى بعيدا عن الإعلام.");
  for (const Triple& t : e.triples) CHECK(t.subject.text != "بعيدا");
  auto dual = Run("وقع طرفا النزاع الاتفاق.");
  CHECK(Find(dual, "طرفا النزاع", "وقع", "الاتفاق"));
}

TEST_CASE("A body's name goes on with what it is for, and a construct with a demonstrative", "[arabic][extraction]") {
  auto body = Run("أصدرت الهيئة العامة للسياحة تقريرا.");
  CHECK(Find(body, "الهيئة العامة للسياحة", "أصدرت", "تقريرا"));
  auto demonstrative = Run("انتقد رئيس هذه اللجنة القرار.");
  CHECK(Find(demonstrative, "رئيس هذه اللجنة", "انتقد", "القرار"));
}

TEST_CASE("A manner phrase is no object: the word after بشكل is its adjective, even one read as a verb",
          "[arabic][extraction]") {
  auto firmly = Run("ورفضت الحكومة بشكل قاطع مطالب النقابة.");
  CHECK(Find(firmly, "الحكومة", "رفضت بشكل قاطع", "مطالب النقابة"));
  auto negated = Run("وهاجم النائب بشكل غير مباشر سياسة الحكومة.");
  CHECK(Find(negated, "النائب", "هاجم بشكل غير مباشر", "سياسة الحكومة"));
  auto own = Run("وسخرت الشركة بطريقتها الخاصة من منافستها.");
  CHECK(Find(own, "الشركة", "سخرت بطريقتها الخاصة من", "منافستها"));
  // A present verb after the noun describes it ("in a way that"): no adjective.
  auto relative = Run("وتناول التقرير دور المنظمة بشكل يخالف الواقع.");
  CHECK(FindRelation(relative, "يخالف"));
}

TEST_CASE("More prepositions of two words, and في وقت opening a clause", "[arabic][extraction]") {
  auto alongside = Run("وقفت روسيا إلى جانب الحكومة السورية في الحرب.");
  CHECK(Find(alongside, "روسيا", "وقفت إلى جانب", "الحكومة السورية في الحرب"));
  auto light = Run("ونظمت الجمعية على ضوء هذه النتائج ندوة للمزارعين.");
  CHECK(FindRelation(light, "نظمت على ضوء"));
  auto when = Run("ويأتي ذلك في وقت تتصاعد فيه الاحتجاجات في البلاد.");
  for (const Triple& t : when.triples) CHECK(t.object.text != "وقت");
  CHECK(std::any_of(when.triples.begin(), when.triples.end(),
                    [](const Triple& t) { return t.subject.text == "الاحتجاجات"; }));
  auto during = Run("وقال إنه تحدث إلى الصحفيين أثناء نقله إلى المحكمة.");
  for (const Triple& t : during.triples) CHECK(t.subject.text.find("أثناء") == std::string::npos);
  auto as_of = Run("وقال إنه اعتبارا من السبت ستوقف كوريا الشمالية التجارب النووية.");
  CHECK(Find(as_of, "كوريا الشمالية", "ستوقف", "التجارب النووية"));
  auto account = Run("وأخذت اللجنة بعين الاعتبار مطالب السكان.");
  CHECK(Find(account, "اللجنة", "أخذت بعين الاعتبار", "مطالب السكان"));
  auto early = Run("ووصل الفريق في وقت متأخر من الليل إلى المطار.");
  CHECK(Find(early, "الفريق", "وصل إلى", "المطار"));
}

TEST_CASE("كان without its hamza before a verb is the verb, not كأن; after a noun it is no verbal noun",
          "[arabic][extraction]") {
  auto e = Run("وذكر المتحدث أن القطار كان يتجه إلى العاصمة وتوقف في الصحراء.");
  CHECK(Find(e, "القطار", "كان يتجه إلى", "العاصمة"));
  CHECK(Find(e, "القطار", "توقف في", "الصحراء"));
  auto after_noun = Run("وتدخلت الشرطة بسبب شخص كان يثير مشاكل.");
  CHECK(Find(after_noun, "الشرطة", "تدخلت بسبب", "شخص"));
}

TEST_CASE("مثل after a noun or a comma is \"such as\", not the verb \"represented\"", "[arabic][extraction]") {
  auto like = Run("وظهرت على المرضى أعراض جانبية، مثل الصداع والغثيان.");
  CHECK_FALSE(FindRelation(like, "مثل"));
  auto verb = Run("مثل الوزير بلاده في المؤتمر.");
  CHECK(Find(verb, "الوزير", "مثل", "بلاده في المؤتمر"));
}

TEST_CASE("A prepositional phrase right after a speaker's adjective describes the speaker", "[arabic][extraction]") {
  auto close = Run("وقالت مصادر مقربة من البيت الأبيض إن الرئيس سيزور المنطقة.");
  CHECK(Find(close, "مصادر مقربة من البيت الأبيض", "قالت", "إن الرئيس سيزور المنطقة"));
  auto spokesman = Run("وقال المتحدث الرسمي باسم الجيش إن القوات انسحبت.");
  CHECK(FindRelation(spokesman, "قال"));
  CHECK(std::any_of(spokesman.triples.begin(), spokesman.triples.end(),
                    [](const Triple& t) { return t.subject.text == "المتحدث الرسمي باسم الجيش"; }));
  // To whom an indefinite speaker speaks, and how, stay with the verb.
  auto told = Run("وقال مسؤول أمني لرويترز إن الهجوم فشل.");
  CHECK(FindRelation(told, "قال لرويترز"));
  auto how = Run("وقال الوزير المصري خلال مؤتمر صحفي إن الأسعار سترتفع.");
  CHECK(Find(how, "الوزير المصري", "قال خلال مؤتمر صحفي", "إن الأسعار سترتفع"));
}

TEST_CASE("The body an indefinite speaker belongs to describes the speaker, not the speaking", "[arabic][extraction]") {
  auto member = Run("وأعلن مسؤول في وزارة الزراعة أن المحصول تضاعف.");
  CHECK(Find(member, "مسؤول في وزارة الزراعة", "أعلن", "أن المحصول تضاعف"));
  auto clitic = Run("وقال مصدر بالشرطة إن التحقيق مستمر.");
  CHECK(Find(clitic, "مصدر بالشرطة", "قال", "إن التحقيق مستمر"));
  // A role with the article is described by an organization it works in.
  auto role = Run("وقال أستاذ الاقتصاد في جامعة القاهرة إن الأسعار سترتفع.");
  CHECK(Find(role, "أستاذ الاقتصاد في جامعة القاهرة", "قال", "إن الأسعار سترتفع"));
  // When and in what it was said stay with the verb, as do a named
  // speaker's place and the verb's own preposition.
  auto when = Run("وقال مسؤول في وقت سابق إن التحقيق مستمر.");
  CHECK(Find(when, "مسؤول", "قال في وقت سابق", "إن التحقيق مستمر"));
  auto statement = Run("وقال مسؤول في بيان إن التحقيق مستمر.");
  CHECK(Find(statement, "مسؤول", "قال في بيان", "إن التحقيق مستمر"));
  auto place = Run("وقال الوزير في القاهرة إن الأسعار سترتفع.");
  CHECK(Find(place, "الوزير", "قال في القاهرة", "إن الأسعار سترتفع"));
  auto own = Run("واعترف مسؤول بالخطأ وأن الشركة ستعوض الزبائن.");
  CHECK(Find(own, "مسؤول", "اعترف بالخطأ", "وأن الشركة ستعوض الزبائن"));
}

TEST_CASE("A body after its verb is described by the organization it is in, a superlative by what it ranks within", "[arabic][extraction]") {
  auto body = Run("وأكدت مصادر عسكرية في الجيش الحر وصول التعزيزات.");
  CHECK(Find(body, "مصادر عسكرية في الجيش الحر", "أكدت", "وصول التعزيزات"));
  // A place is where the verb happens, and a verb that takes في keeps it.
  auto place = Run("واعتقلت الشرطة في لندن رجلا مسلحا.");
  CHECK(Find(place, "الشرطة", "اعتقلت", "رجلا مسلحا"));
  auto own = Run("وشارك اللاعبون في ريال مدريد.");
  CHECK(Find(own, "اللاعبون", "شارك في", "ريال مدريد"));
  // A superlative is described by what it ranks within.
  auto best = Run("ووقع أفضل حارس في البطولة عقدا جديدا مع النادي.");
  CHECK(Find(best, "أفضل حارس في البطولة", "وقع", "عقدا جديدا مع النادي"));
}

TEST_CASE("Each conjunct of a subject before a predicate's marker is what the predicate says", "[arabic][extraction]") {
  auto pronoun = Run("فإن الفقر والبطالة هما سبب الاحتجاجات.");
  CHECK(Find(pronoun, "الفقر", "هما", "سبب الاحتجاجات"));
  CHECK(Find(pronoun, "البطالة", "هما", "سبب الاحتجاجات"));
  auto possession = Run("الحكومة والبرلمان ليس لديهما خطة.");
  CHECK(Find(possession, "البرلمان", "ليس لديهما", "خطة"));
  // Coordinated adjectives are one subject.
  auto adjectives = Run("الوضع الأمني والاقتصادي صعب.");
  CHECK(Find(adjectives, "الوضع الأمني والاقتصادي", "هو", "صعب"));
}

TEST_CASE("A name in quotation marks before what is said is whom the speaker tells, not what is said",
          "[arabic][extraction]") {
  auto told = Run("وقال مصدر في الوزارة لـ\"إذاعة الشرق\"، إن الحدود ستفتح غدا.");
  CHECK(Find(told, "مصدر في الوزارة", "قال", "إن الحدود ستفتح غدا"));
  // What is said may open with a quotation mark of its own after إن.
  auto quoted = Run("وقال الوزير لـ\"إذاعة الشرق\" إن \"الحدود ستفتح غدا\".");
  const Triple* said = FindRelation(quoted, "قال لـ إذاعة الشرق");
  REQUIRE(said);
  CHECK(said->object.text.find("الحدود ستفتح") != std::string::npos);
  // A quotation right after the speaker is what is said.
  auto colon = Run("وقال الوزير: \"الحدود ستفتح غدا\".");
  CHECK(Find(colon, "الوزير", "قال", "الحدود ستفتح غدا"));
}

TEST_CASE("A relative clause set off by commas after the subject: the verb's clause goes on past it",
          "[arabic][extraction]") {
  auto object = Run("ويواجه الصحفي، الذي ينفي التهم، السجن لمدة عشر سنوات.");
  CHECK(Find(object, "الصحفي", "يواجه", "السجن لمدة عشر سنوات"));
  CHECK(Find(object, "الصحفي", "ينفي", "التهم"));
  auto complement = Run("ووجدت الدراسة، التي نشرتها مجلة علمية، أن النوم مهم للصحة.");
  CHECK(Find(complement, "الدراسة", "وجدت", "أن النوم مهم للصحة"));
  // A verb coordinated later shares the subject, not the first verb's object.
  auto later = Run("وأمل الرئيس بأن يوافق المجلس، الذي تلعب فيه الأحزاب دورا هاما، على القرار، ويصبح مرضيا للجميع.");
  CHECK(Find(later, "المجلس", "يوافق على", "القرار"));
  for (const Triple& t : later.triples) CHECK_FALSE((t.relation.text.find("يصبح") != std::string::npos && t.object.text == "القرار"));
}

TEST_CASE("A phrase with في that says when is the triple's time, neither the subject's nor the object",
          "[arabic][extraction]") {
  auto born = Run("ولد الكاتب في عام 1950 في القاهرة.");
  const Triple* t = Find(born, "الكاتب", "ولد في", "القاهرة");
  REQUIRE(t);
  CHECK(t->time == "عام 1950");
  // A phrase with في that says where still describes the subject.
  auto where = Run("ارتفعت الاستثمارات في هذا المجال بنسبة 6%.");
  CHECK(Find(where, "الاستثمارات في هذا المجال", "ارتفعت بنسبة", "6%"));
}

TEST_CASE("Parentheses after a person or with a direction give no other name", "[arabic][extraction]") {
  auto acronym = Run("أعلنت وكالة الطاقة الدولية (إيا) خطة جديدة.");
  CHECK(Find(acronym, "وكالة الطاقة الدولية", "هي", "إيا"));
  auto club = Run("وسجل يوسف النصيري (ملقا الإسباني) هدفا.");
  CHECK(Find(club, "يوسف النصيري", "سجل", "هدفا"));
  CHECK_FALSE(FindRelation(club, "هو"));
  auto direction = Run("وتقع مدينة الرقة (شمال سوريا) على نهر الفرات.");
  for (const Triple& t : direction.triples) CHECK(t.object.text != "شمال سوريا");
}

TEST_CASE("What is said ends where another speaker is set against the first", "[arabic][extraction]") {
  auto e = Run("وقال الوزير إن الاتفاق قريب، لكن المعارضة أكدت أن المفاوضات متعثرة.");
  CHECK(Find(e, "الوزير", "قال", "إن الاتفاق قريب"));
  const Triple* other = Find(e, "المعارضة", "أكدت", "أن المفاوضات متعثرة");
  REQUIRE(other);
  CHECK(other->modality == Modality::kAsserted);
  auto whereas = Run("وقال الوزير إن الاتفاق قريب، في حين قالت المعارضة إن المفاوضات متعثرة.");
  CHECK(Find(whereas, "الوزير", "قال", "إن الاتفاق قريب"));
  // لكن with the speaker's own words goes on with what he said.
  auto same = Run("وقال الوزير إن الاتفاق قريب، لكنه يحتاج إلى وقت.");
  CHECK(Find(same, "الوزير", "قال", "إن الاتفاق قريب، لكنه يحتاج إلى وقت"));
}

TEST_CASE("A relative clause of one verb between a subject and its verb: the phrase before the verb is the clause's",
          "[arabic][extraction]") {
  auto e = Run("وذكرت الوزارة أن الأمريكيين الذين سيحضرون الاجتماعات لا يعملون في الحكومة.");
  CHECK(Find(e, "الأمريكيين", "لا يعملون في", "الحكومة"));
  CHECK(Find(e, "الأمريكيين", "سيحضرون", "الاجتماعات"));
  auto own = Run("المنزل الذي يملكه الرجل يقع في وسط المدينة.");
  CHECK(Find(own, "المنزل", "يقع في", "وسط المدينة"));
}

TEST_CASE("A nationality after an organization's name describes it, and takes no complement", "[arabic][extraction]") {
  auto club = Run("وهزم ريال مدريد الإسباني فريق ليفربول.");
  CHECK(Find(club, "ريال مدريد الإسباني", "هزم", "فريق ليفربول"));
  auto won = Run("فاز الزمالك المصري بكأس السوبر.");
  CHECK(Find(won, "الزمالك المصري", "فاز ب", "كأس السوبر"));
  CHECK_FALSE(FindRelation(won, "المصري ب"));
  // Before a person's name the nationality is the person's, unless it is
  // feminine as the noun before it is.
  auto person = Run("وسجل الفرنسي أنطوان غريزمان هدفا.");
  CHECK(Find(person, "أنطوان غريزمان", "سجل", "هدفا"));
  auto party = Run("وقال رئيس حزب القوات اللبنانية سمير جعجع إن الحكومة جاهزة.");
  CHECK(Find(party, "سمير جعجع", "هو", "رئيس حزب القوات اللبنانية"));
  CHECK_FALSE(Find(party, "سمير جعجع", "هي", "اللبنانية"));
}

TEST_CASE("Each conjunct after كل من is the verb's argument", "[arabic][extraction]") {
  auto subjects = Run("وأدانت كل من مصر والأردن الهجوم.");
  CHECK(Find(subjects, "مصر", "أدانت", "الهجوم"));
  CHECK(Find(subjects, "الأردن", "أدانت", "الهجوم"));
  auto objects = Run("وزار الوزير كلا من المصنع والمستشفى.");
  CHECK(Find(objects, "الوزير", "زار", "المصنع"));
  CHECK(Find(objects, "الوزير", "زار", "المستشفى"));
  // Before a verb من is "who": كل من is "everyone who".
  auto everyone = Run("وقال إن كل من شارك في الهجوم سيعاقب.");
  for (const Triple& t : everyone.triples) CHECK(t.subject.text != "شارك");
}

TEST_CASE("The pluperfect's كان says nothing; a title's parentheses name its body; an ordinal of the teens is whole",
          "[arabic][extraction]") {
  auto pluperfect = Run("وكانت العقوبات على إيران قد رفعت عام 2015.");
  CHECK_FALSE(FindRelation(pluperfect, "كانت على"));
  auto copula = Run("كان الوزير في القاهرة.");
  CHECK(Find(copula, "الوزير", "كان في", "القاهرة"));
  auto body = Run("واختفى رئيس منظمة الشرطة الجنائية الدولية (الإنتربول) بعد زيارته.");
  CHECK(Find(body, "منظمة الشرطة الجنائية الدولية", "هي", "الإنتربول"));
  auto ordinal = Run("وتجمد رصيده عند 21 نقطة في المركز التاسع عشر.");
  CHECK(Find(ordinal, "رصيده", "تجمد عند", "21 نقطة في المركز التاسع عشر"));
}

TEST_CASE("A relative pronoun after another name in parentheses describes the phrase it names", "[arabic][extraction]") {
  auto e = Run("ويريد الوزير صلاحيات أكبر لمجلس الأطباء في المدينة (مام) والذي ينظم عمل العيادات.");
  CHECK(Find(e, "مجلس الأطباء في المدينة", "ينظم", "عمل العيادات"));
  auto feminine = Run("وزار الوزير مقر منظمة الصحة العالمية (WHO) التي تراقب الوباء.");
  CHECK(Find(feminine, "منظمة الصحة العالمية", "تراقب", "الوباء"));
}

TEST_CASE("An accusative object an unmarked relative clause describes is that clause's subject", "[arabic][extraction]") {
  auto e = Run("رأى الصحفيون رجالاً يحملون أسلحة.");
  CHECK(Find(e, "الصحفيون", "رأى", "رجالاً"));
  CHECK(Find(e, "رجالاً", "يحملون", "أسلحة"));
  // A lone accusative elsewhere is still no subject.
  auto adverb = Run("وقال الوزير إن الحكومة ستعلن قريباً خطة جديدة.");
  for (const Triple& t : adverb.triples) CHECK(t.subject.text != "قريباً");
}

TEST_CASE("A relational participle ties what it describes to its preposition's phrase", "[arabic][extraction]") {
  auto affiliated = Run("وهاجمت ميليشيات الحوثي التابعة لإيران المدينة.");
  CHECK(Find(affiliated, "ميليشيات الحوثي", "التابعة ل", "إيران"));
  CHECK(Find(affiliated, "ميليشيات الحوثي التابعة لإيران", "هاجمت", "المدينة"));
  auto backed = Run("وقصفت الفصائل المدعومة من تركيا القرية.");
  CHECK(Find(backed, "الفصائل", "المدعومة من", "تركيا"));
  CHECK(Find(backed, "الفصائل المدعومة من تركيا", "قصفت", "القرية"));
  auto article = Run("وزارت الوكالة التابعة للأمم المتحدة المدينة.");
  CHECK(Find(article, "الوكالة", "التابعة ل", "الأمم المتحدة"));
  auto speaker = Run("وقال المسؤول عن الملف إن الاتفاق قريب.");
  CHECK(Find(speaker, "المسؤول عن الملف", "قال", "إن الاتفاق قريب"));
  // Another adjective with a phrase after it is no relation: المرحلة المقبلة من المفاوضات.
  auto next = Run("وتبدأ المرحلة المقبلة من المفاوضات غدا.");
  CHECK_FALSE(FindRelation(next, "المقبلة من"));
}

TEST_CASE("ما after an adverb of how often is no relative: غالبا ما, عادة ما", "[arabic][extraction]") {
  auto e = Run("فالاجتماعات الجيدة غالبا ما تقدم نتائج متميزة.");
  const Triple* t = Find(e, "الاجتماعات الجيدة", "غالبا ما تقدم", "نتائج متميزة");
  REQUIRE(t);
  CHECK_FALSE(t->negated);
  auto first = Run("وعادة ما يزور الرئيس المدينة في الصيف.");
  CHECK(Find(first, "الرئيس", "عادة ما يزور", "المدينة"));
}

TEST_CASE("A clause right after an indefinite speaker describes the speaker; what is said follows it",
          "[arabic][extraction]") {
  auto e = Run("وأكد مصدر لم يكشف عن اسمه لمحطة محلية أن القتلى من التنظيم.");
  CHECK(Find(e, "مصدر", "أكد", "أن القتلى من التنظيم"));
  // The describing clause does not report what the speaker says.
  for (const Triple& t : e.triples) {
    if (t.relation.text.find("يكشف") != std::string::npos) CHECK(t.object.text.find("القتلى") == std::string::npos);
  }
}

TEST_CASE("What a verb of denial's clause says is no claim of anyone's", "[arabic][extraction]") {
  auto e = Run("ونفى الجيش أن يكون السلاح قاتلا.");
  CHECK(Find(e, "الجيش", "نفى", "أن يكون السلاح قاتلا"));
  CHECK_FALSE(FindRelation(e, "يكون"));
  // What a speech verb reports stays.
  auto said = Run("وقال الوزير إن الحكومة دفعت الرواتب.");
  CHECK(Find(said, "الحكومة", "دفعت", "الرواتب"));
}

TEST_CASE("A perfect after an indefinite phrase a preposition governs describes it; a verb's own act is its object",
          "[arabic][extraction]") {
  auto relative = Run("وتحرير المطار في عملية خاطفة أوقعت عشرات القتلى يكشف جهوزية القوات.");
  CHECK(Find(relative, "عملية خاطفة", "أوقعت", "عشرات القتلى"));
  auto own = Run("وقال إنه بعد أن أعلن انسحابه من الاستثمار غادر البلاد.");
  for (const Triple& t : own.triples) CHECK(t.subject.text != "انسحابه");
  // After a verb that takes no object, the verbal noun is the subject.
  auto intransitive = Run("واستمر تدخله في الشؤون الداخلية.");
  CHECK(Find(intransitive, "تدخله", "استمر في", "الشؤون الداخلية"));
}

TEST_CASE("الكثير or العديد before من is a noun of quantity, no adjective of the noun before", "[arabic][extraction]") {
  auto much = Run("وينتظر الأرجنتينيون الكثير من ميسي في المونديال.");
  CHECK(Find(much, "الأرجنتينيون", "ينتظر", "الكثير من ميسي في المونديال"));
  auto adjective = Run("وتعاني المدينة من الأزمات الكثيرة.");
  CHECK(Find(adjective, "المدينة", "تعاني من", "الأزمات الكثيرة"));
}

TEST_CASE("A counterpart with its pronoun before a name is that name's apposition, not a second object",
          "[arabic][extraction]") {
  auto lost = Run("وخسر الفريق أمام ضيفه ليفربول.");
  CHECK(Find(lost, "الفريق", "خسر أمام", "ليفربول"));
  auto met = Run("واجتمع رئيس الوزراء بنظيره الهندي ناريندرا مودي.");
  CHECK(Find(met, "رئيس الوزراء", "اجتمع ب", "ناريندرا مودي"));
  // "His counterpart" says whose, not what: no is-a triple.
  CHECK_FALSE(FindRelation(met, "هو"));
  auto beat = Run("وفاز النادي على ضيفه برشلونة بهدفين.");
  CHECK(FindRelation(beat, "فاز على"));
  CHECK_FALSE(Find(beat, "النادي", "فاز على", "ضيفه"));
  // منافسي before a name is a plural in construct: Erdogan's rivals.
  auto rivals = Run("وانتقد منافسي أردوغان الخطة الجديدة.");
  CHECK(Find(rivals, "منافسي أردوغان", "انتقد", "الخطة الجديدة"));
}

TEST_CASE("A title with its preposition still names the person after it", "[arabic][extraction]") {
  auto called = Run("واتصل الملك بالرئيس الفرنسي إيمانويل ماكرون.");
  CHECK(Find(called, "الملك", "اتصل ب", "إيمانويل ماكرون"));
  // The role said of the name drops the preposition written on the title.
  CHECK(Find(called, "إيمانويل ماكرون", "هو", "الرئيس الفرنسي"));
}

TEST_CASE("A listed nisba after an indefinite noun is its adjective, though it reads as a verb too",
          "[arabic][extraction]") {
  auto source = Run("وأكد مصدر حكومي أردني أن المعبر سيفتح.");
  CHECK(Find(source, "مصدر حكومي أردني", "أكد", "أن المعبر سيفتح"));
  CHECK_FALSE(FindRelation(source, "أردني"));
}

TEST_CASE("السعودية after a genitive whose head is feminine describes the head", "[arabic][extraction]") {
  auto tankers = Run("وتعرضت إحدى ناقلات النفط السعودية لهجوم في البحر.");
  CHECK(Find(tankers, "إحدى ناقلات النفط السعودية", "تعرضت ل", "هجوم في البحر"));
  // After a masculine noun it is the country still.
  auto visit = Run("وزار الوزير السعودية الشهر الماضي.");
  CHECK(Find(visit, "الوزير", "زار", "السعودية"));
}

TEST_CASE("A body's genitive coordinated with another noun is one name; a name or the head itself ends it",
          "[arabic][extraction]") {
  auto ministry = Run("وأعلنت وزارة الزراعة والري خطة جديدة.");
  CHECK(Find(ministry, "وزارة الزراعة والري", "أعلنت", "خطة جديدة"));
  CHECK_FALSE(Find(ministry, "الري", "أعلنت", "خطة جديدة"));
  auto two = Run("وأعلنت جماعة الحوثي والحكومة هدنة.");
  CHECK(Find(two, "الحكومة", "أعلنت", "هدنة"));
}

TEST_CASE("A place after ب between a subject and a bare object says where; the bare phrase is the object",
          "[arabic][extraction]") {
  auto held = Run("وعقدت اللجنة بالقاهرة اجتماعا طارئا.");
  CHECK(Find(held, "اللجنة", "عقدت", "اجتماعا طارئا"));
  // A verb whose object takes ب keeps it.
  auto met = Run("والتقى الوزير بالسفير في مكتبه.");
  CHECK(FindRelation(met, "التقى ب"));
}

TEST_CASE("After a comma, a relative pronoun describes the phrase it agrees with, not the head before it",
          "[arabic][extraction]") {
  auto group = Run("وزاد الاتحاد دعمه السياسي والمادي لمجموعة دول الحوض، التي تسعى إلى حماية النهر.");
  CHECK(Find(group, "مجموعة دول الحوض", "تسعى إلى حماية", "النهر"));
  CHECK_FALSE(Find(group, "المادي", "تسعى إلى حماية", "النهر"));
}

TEST_CASE("A feminine verb after a man's reported speech goes on with the subject of what he said",
          "[arabic][extraction]") {
  auto summit = Run("وقال المتحدث إن القمة ستبحث ملف الطاقة، وستنتهي ببيان مشترك.");
  CHECK(Find(summit, "القمة", "ستنتهي ب", "بيان مشترك"));
  CHECK_FALSE(Find(summit, "المتحدث", "ستنتهي ب", "بيان مشترك"));
  // A woman who spoke goes on herself.
  auto minister = Run("وقالت الوزيرة إن الجيش سيدعم الشرطة، وستزور المنطقة غدا.");
  CHECK(Find(minister, "الوزيرة", "ستزور", "المنطقة"));
}

TEST_CASE("فجر or ظهر before a day is the time of day, not a verb", "[arabic][extraction]") {
  auto dawn = Run("وهاجمت القوات فجر السبت مواقع المسلحين.");
  CHECK(Find(dawn, "القوات", "هاجمت", "مواقع المسلحين"));
  CHECK_FALSE(FindRelation(dawn, "فجر"));
  auto noon = Run("ووصل الوفد ظهر اليوم إلى القاهرة.");
  CHECK(Find(noon, "الوفد", "وصل إلى", "القاهرة"));
  // The verbs still, where no day follows.
  auto blew = Run("فجر انتحاري نفسه في السوق.");
  CHECK(FindRelation(blew, "فجر"));
}
