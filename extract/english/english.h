// The English language module: lexicon lookup and suffix rules tag words,
// noun phrases are chunked, and clause patterns find the triples.
#ifndef NASIJ_EXTRACT_ENGLISH_ENGLISH_H_
#define NASIJ_EXTRACT_ENGLISH_ENGLISH_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "extract/gazetteer.h"
#include "extract/language.h"

namespace nasij::english {

enum class Tag : uint8_t {
  kDet, kPrep, kConj, kSub, kRel, kPron, kAux, kNeg, kAdv, kAdj, kNoun, kPropn, kNum, kVerb, kPunct
};

enum class VerbForm : uint8_t { kBase, kPresent3, kPast, kParticiple, kPastOrParticiple, kGerund };

struct VerbEntry {
  std::string base;
  bool speech = false, copula = false;
};

struct WordInfo {
  std::vector<Tag> tags;  // most frequent first
  int verb = -1;          // index into verbs when the word is a verb form
  VerbForm form = VerbForm::kBase;
  // A verb this word is the base form of in under a tenth of its uses
  // (fund, back a plan): read as one only where a verb must come.
  int rare_base_verb = -1;
  bool time = false;    // says when alone: Monday, May, yesterday
  bool period = false;  // says when after last, next or this: week, year
};

struct Title {
  std::string kind;  // of the name after it
  // Mr., Ms., Dr.: says how to address the name, not what it is.
  bool honorific = false;
  Gender gender = Gender::kUnknown;  // Mr., Queen
};

class Lexicon {
 public:
  static Result<std::unique_ptr<Lexicon>> LoadEmbedded();
  static Result<std::unique_ptr<Lexicon>> Parse(std::string_view verbs, std::string_view words,
                                                std::string_view titles, std::string_view given_names = "",
                                                std::string_view person_nouns = "");
  // Adds the words of a tagged lexicon in Lingua::EN::Tagger's words.yml
  // format ("word": { tag: count, ... }, Penn tags) that this lexicon does
  // not already know; each gets its most frequent tags, verbs their lemma.
  void AddTaggedLexicon(std::string_view yml);
  const WordInfo* Find(const std::string& lowercase) const;
  const VerbEntry& verb(int i) const { return verbs_[i]; }
  // The title with this text, or nullptr.
  const Title* FindTitle(const std::string& lowercase_phrase) const;
  int max_title_words() const { return max_title_words_; }
  // The gender a given name (lowercase) says, if it says one: john, mary.
  Gender GivenNameGender(const std::string& lowercase) const;
  // Whether `lowercase` is a common noun for a person or people (man,
  // officials), and the gender it says, if any.
  bool IsPersonNoun(const std::string& lowercase, Gender* gender) const;

 private:
  void AddVerbForm(const std::string& form, int verb, VerbForm f);
  int VerbIndex(const std::string& base);
  std::vector<VerbEntry> verbs_;
  std::unordered_map<std::string, WordInfo> words_;
  std::unordered_map<std::string, Title> titles_;
  std::unordered_map<std::string, int> verb_by_base_;
  std::unordered_map<std::string, Gender> given_names_;
  std::unordered_map<std::string, Gender> person_nouns_;
  int max_title_words_ = 1;
};

class EnglishModule : public LanguageModule {
 public:
  EnglishModule(std::unique_ptr<Lexicon> lexicon, const Gazetteer* gazetteer)
      : lexicon_(std::move(lexicon)), gazetteer_(gazetteer) {}
  void Process(const TokenizedSentence& sentence, int index, Discourse* discourse,
               Extraction* out) const override;

 private:
  std::unique_ptr<Lexicon> lexicon_;
  const Gazetteer* gazetteer_;
};

}  // namespace nasij::english

#endif  // NASIJ_EXTRACT_ENGLISH_ENGLISH_H_
