// The Arabic lexicon: verbs, nouns, function words, titles and nisba
// adjectives from the data files in data/, and the word forms of Debian's
// hunspell-ar dictionary (hunspell_table.cc derives them at build time), all
// embedded in the binary. Every lookup takes a normalized word (normalize.h)
// without clitics.
#ifndef NASIJ_EXTRACT_ARABIC_LEXICON_H_
#define NASIJ_EXTRACT_ARABIC_LEXICON_H_

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nasij::arabic {

// Word classes. The first group are content words; the rest closed classes
// from function_words.tsv.
enum class Tag : uint8_t {
  kNoun, kAdj, kMasdar, kNum, kTime, kPropn, kVerb,
  kPrep, kConj, kSub, kCond, kRel, kNeg, kModal, kQues, kPron, kDem, kQuant, kAdv, kInna, kExist,
  kPunct, kNumber, kUnknown
};
const char* TagName(Tag t);

struct Verb {
  std::string past, present;  // as written, 3rd person masculine singular
  std::string gloss;
  bool copula = false, speech = false, modal = false, intrans = false;
  bool addressee = false;  // speech to a bare object, whom it tells: أخبر الوزير الصحفيين أن
  bool naming = false;     // a thing and its name as two objects: سمتها النور
  bool predicative = false;  // an object and what it is held to be: اعتبر الجيش الهجوم عملا إرهابيا
  bool any_gender = false; // stays masculine before a verbal noun of either gender: تم تسمية الملعب
  bool still = false;  // negated, it says "still": لا يزال
  bool wish = false;   // its أن clause is hoped for, not a fact: نأمل أن تنتهي الحرب
  bool verbal_noun = false;  // its verbal noun is written as its perfect: ينظم عمل الشركات
  bool denial = false;  // what its أن clause says is denied: نفى الجيش أن يكون السلاح قاتلا
  std::vector<std::string> preps;  // normalized prepositions the object takes
};

struct VerbForm {
  uint32_t verb = 0;
  bool present = false;
  bool jussive = false;  // after لم: shortened weak stems
  bool plural = false;
  bool feminine = false;
  bool first_person = false;
  bool dual = false;  // rare in news: ودعا is و + دعا before it is "the two bade farewell"

  bool operator==(const VerbForm&) const = default;
};

struct NounForm {
  Tag tag = Tag::kNoun;  // kNoun, kAdj, kMasdar, kNum or kTime
  uint32_t entry = 0;
  bool plural = false;
  bool feminine = false;
  // Ends in the nun of a sound plural or dual (-ون -ين -ان), which a noun
  // drops in construct: محتجون ends its phrase, محتجو المدينة would not.
  bool nun_suffix = false;
  // A weekday (DAY in nouns.tsv) is one only with the article: الأحد is
  // Sunday, أحد is "one"; الاثنين is Monday, اثنين is "two".
  bool definite_only = false;
};

struct NounEntry {
  std::string lemma, gloss;
  // The file lists its plurals, so the lemma is a singular: nouns listed
  // without (مياه, بلاد, وسائل) include plurals and collectives.
  bool has_plurals = false;
};

struct Nisba {
  std::string place_ar, place_en;
};

struct Title {
  std::string text, gloss;
  std::string kind;  // PER, ORG or LOC: what the following name is
  int words = 1;
  bool honorific = false;  // السيد, السيدة: part of how the name is said, not a role
};

// What the hunspell-ar table says a word form is: a candidate, which the
// tagger weighs in context.
struct HunspellReading {
  Tag tag = Tag::kNoun;  // kVerb, kNoun, kAdj, kMasdar or kPropn
  VerbForm verb;         // when tag is kVerb
  // When it is nominal: as in NounForm.
  bool plural = false, feminine = false, nun_suffix = false;

  bool operator==(const HunspellReading&) const = default;
};

class Lexicon {
 public:
  static Result<std::unique_ptr<Lexicon>> LoadEmbedded();
  // From the contents of the five data files, of the two hunspell-ar
  // tables (hunspell_table.cc describes them) and of the given names.
  static Result<std::unique_ptr<Lexicon>> Parse(std::string_view verbs, std::string_view nouns,
                                                std::string_view function_words, std::string_view titles,
                                                std::string_view nisba, std::string_view hunspell_lemmas = {},
                                                std::string_view hunspell_forms = {}, std::string_view given_names = {});

  const std::vector<VerbForm>* VerbForms(std::string_view word) const { return Find(verb_forms_, word); }
  const std::vector<NounForm>* NounForms(std::string_view word) const { return Find(noun_forms_, word); }
  const std::vector<Tag>* FunctionTags(std::string_view word) const { return Find(function_words_, word); }
  // Whether a word as written (WithoutMarks) is a function word spelled as
  // the list spells it: هي, على, أمام; not علي or إمام, which normalize
  // into one but are names.
  bool WrittenAsFunctionWord(const std::string& written) const { return function_words_as_written_.contains(written); }
  // The hunspell-ar table's readings of a form; empty when it does not know it.
  std::vector<HunspellReading> HunspellReadings(std::string_view word) const;
  // Whether a function word of two or more words starts with this one.
  bool StartsFunctionPhrase(std::string_view word) const {
    return function_phrase_starts_.contains(absl::string_view(word.data(), word.size()));
  }
  // Whether a function word is a participle of speech (مضيفا, مشيرة): a
  // speaker saying more after what he said.
  bool SpeechParticiple(std::string_view word) const {
    return speech_participles_.contains(absl::string_view(word.data(), word.size()));
  }
  // The English gloss of a preposition (في → in), or nullptr.
  const std::string* PrepositionGloss(std::string_view word) const { return Find(preposition_glosses_, word); }
  const Nisba* NisbaOf(std::string_view word) const { return Find(nisba_, word); }
  // The gender a given name is used for ("M", "F" or "U" for either), or
  // nullptr; names of two words (عبد الله) are joined by a space.
  const std::string* GivenNameOf(std::string_view name) const { return Find(given_names_, name); }
  bool StartsGivenName(std::string_view word) const {
    return given_name_starts_.contains(absl::string_view(word.data(), word.size()));
  }
  // A title of one or more words, joined by single spaces.
  const Title* TitleOf(std::string_view phrase) const { return Find(titles_, phrase); }
  // Whether a longer title starts with these words.
  bool TitleContinues(std::string_view phrase) const {
    return title_prefixes_.contains(absl::string_view(phrase.data(), phrase.size()));
  }
  int max_title_words() const { return max_title_words_; }
  int max_function_words() const { return max_function_words_; }

  const Verb& verb(uint32_t i) const { return verbs_[i]; }
  // The entry that stands for a verb the lexicon does not list (its past
  // and gloss are empty), guessed from the present-tense prefix.
  uint32_t unknown_verb() const { return unknown_verb_; }
  // The entry of every noun the hunspell-ar table reads: it has no gloss.
  uint32_t hunspell_noun() const { return hunspell_noun_; }
  const NounEntry& noun(uint32_t i) const { return nouns_[i]; }
  size_t verb_count() const { return verbs_.size(); }

 private:
  template <typename Map>
  static const typename Map::mapped_type* Find(const Map& m, std::string_view k) {
    auto it = m.find(absl::string_view(k.data(), k.size()));  // Debian's absl has its own string_view
    return it == m.end() ? nullptr : &it->second;
  }
  Status AddVerbs(std::string_view data);
  Status AddNouns(std::string_view data);
  Status AddFunctionWords(std::string_view data);
  Status AddTitles(std::string_view data);
  Status AddNisba(std::string_view data);
  Status AddGivenNames(std::string_view data);
  Status AddHunspell(std::string_view lemmas, std::string_view forms);

  // A reading of one line of the hunspell-ar forms table (a participle's
  // line gives two), its form where it is in hunspell_forms_.
  struct HunspellForm {
    uint32_t form_begin = 0, form_size = 0;
    // The form's first eight bytes as one number, in the order of the
    // bytes: most steps of a search compare these and not the text, which
    // would be one more wait on memory a step.
    uint64_t head = 0;
    HunspellReading reading;
  };
  std::string_view FormOf(const HunspellForm& f) const {
    return std::string_view(hunspell_forms_).substr(f.form_begin, f.form_size);
  }

  std::vector<Verb> verbs_;
  std::vector<NounEntry> nouns_;
  absl::flat_hash_map<std::string, std::vector<VerbForm>> verb_forms_;
  absl::flat_hash_map<std::string, std::vector<NounForm>> noun_forms_;
  absl::flat_hash_map<std::string, std::vector<Tag>> function_words_;
  absl::flat_hash_set<std::string> function_words_as_written_;
  absl::flat_hash_map<std::string, std::string> preposition_glosses_;
  absl::flat_hash_set<std::string> speech_participles_;
  absl::flat_hash_set<std::string> function_phrase_starts_;
  absl::flat_hash_map<std::string, Nisba> nisba_;
  absl::flat_hash_map<std::string, std::string> given_names_;
  absl::flat_hash_set<std::string> given_name_starts_;  // first words of the names of two
  absl::flat_hash_map<std::string, Title> titles_;
  absl::flat_hash_set<std::string> title_prefixes_;
  int max_title_words_ = 1;
  int max_function_words_ = 1;
  uint32_t unknown_verb_ = 0;
  uint32_t hunspell_noun_ = 0;
  std::string hunspell_forms_;                // the table's text
  std::vector<HunspellForm> hunspell_table_;  // in the table's order: by form
  // The range of hunspell_table_ whose forms begin with the same two letters
  // (four bytes): a lookup searches a few hundred forms, not half a million.
  absl::flat_hash_map<uint32_t, std::pair<uint32_t, uint32_t>> hunspell_ranges_;
};

// Conjugated forms of a verb, generated from its two stems.
std::vector<std::pair<std::string, VerbForm>> Conjugate(const Verb& verb, std::string_view root);

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_LEXICON_H_
