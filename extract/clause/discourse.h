// The discourse state of the clause layer: what a document has named and
// said so far, kept by the clause patterns of each language as they read
// its sentences, and read by the resolver that links pronouns and short
// names to their entities (extract/clause/discourse.cc). Internal to extract/.
#ifndef NASIJ_EXTRACT_CLAUSE_DISCOURSE_H_
#define NASIJ_EXTRACT_CLAUSE_DISCOURSE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/extract.h"

namespace nasij {

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

// Something a sentence named or spoke of, for the pronouns after it.
struct Referent {
  Argument entity;
  int sentence = 0;
  int start = 0;  // where it was named, in code points of the document
  Gender gender = Gender::kUnknown;
  bool plural = false;   // a plural common noun (the protesters), for "they"
  bool subject = false;  // the subject of a clause, more likely referred to
  // A name nobody knows whose words are no common nouns or time words
  // (Artest, not Royal Library or Wednesday): perhaps a person's.
  bool person_name = false;
  // A common noun for a person or people (the man, the activists): he,
  // she or they, not it.
  bool person_noun = false;
  // The first subject of its sentence, what the sentence is about: The
  // submarine was seen near Okinawa. It …
  bool topic = false;
  // The second of a coordinated pair of names, the first being `entity`:
  // Brazil and South Korea met. They signed …: both, for a plural pronoun
  // only.
  Argument partner{};
};

// What a pronoun can stand for; each language lists its pronouns in a table.
struct Pronoun {
  std::string_view word;   // normalized
  // Entity kinds it can refer to: "PER", "ORG LOC MISC"; CONCEPT for a
  // common noun that is the subject of its clause (the company … it).
  std::string_view kinds;
  // Whether a MISC name with no English label, a name nobody knows, may be
  // a person's: Artest was suspended. He …
  bool unknown_names = false;
  // What number a common noun antecedent has: the company (it), the
  // protesters (they).
  bool plural = false;
  Gender gender = Gender::kUnknown;
  int sentences_back = 0;  // how many sentences before its own it looks in
  int sentences_back_when_none = 0;  // and how many when none is in that reach
  // Whether an organization as a subject could as well be what it refers
  // to, and so makes a named antecedent behind it doubtful: Acme refused.
  // He …, where Acme may be a person's name the gazetteer gives a company.
  bool organization_rivals = false;
};

// What a document has said so far: the state the clause patterns keep
// while reading it and the resolver reads, which links later mentions
// (بانفالكار after السيد بانفالكار, "he" after Mr. Brown) to their entity.
struct Discourse {
  // Within the sentence being read, as indices of its noun phrases (-1:
  // none); each language's clause finder starts it afresh per sentence.
  struct Sentence {
    int last_subject = -1;  // of the last clause, for a verb that shares it (… and then said)
    int speaker = -1;       // of the last speech verb, for the verbs after its complement
    bool speaker_feminine = false;  // as that verb said: قالت
    int topic = -1;         // a long subject a relative clause described, for its verb after a comma
    int reported_from = 1 << 30, reported_to = 1 << 30;  // word indices of a reported complement
    std::vector<std::pair<int, int>> complements;          // [from, to) of each speech complement
  } sentence;
  // The subject of the last speech verb, in which sentence, and what the
  // verb said of its gender, for a speech verb after it that has none of
  // its own (وأضاف أن …).
  Argument speaker;
  int speaker_sentence = -1;
  Gender speaker_gender = Gender::kUnknown;

  std::unordered_map<std::string, Argument> names;  // normalized surname or name → entity
  // Normalized given name → the one person the document named in full with
  // it (الأمير محمد after محمد بن سلمان); an empty entity when two were.
  std::unordered_map<std::string, Argument> given_names;
  std::vector<Referent> referents;                  // in the order named
  std::unordered_map<std::string, Gender> genders;  // entity key → gender, once known
  // Sentences since a quotation opened that no sentence has closed yet, or
  // 0: a quotation may run over several sentences.
  int sentences_in_quotation = 0;

  // Keeps `r` for later pronouns, with the gender its entity is known by
  // when `r` says none.
  void Remember(Referent r);
  // The referent a pronoun at `start` of sentence `sentence` stands for, or
  // nullptr when none is clearly it (a wrong link is worse than none): the
  // first candidate, nearest sentence first, subjects first, when it is the
  // only one in reach, or the subject of its clause and a name or in the
  // pronoun's own sentence, or a name the first subject in reach is too;
  // `not_entity` is the entity it cannot be (the subject of its own clause:
  // "Brown met him"). A person it resolves to takes its gender.
  const Referent* Resolve(const Pronoun& pronoun, int sentence, int start, const std::string& not_entity);
};

// The table entry for `word` (normalized), or nullptr.
template <size_t N>
const Pronoun* FindPronoun(const Pronoun (&table)[N], std::string_view word) {
  for (const Pronoun& p : table) {
    if (p.word == word) return &p;
  }
  return nullptr;
}

}  // namespace nasij

#endif  // NASIJ_EXTRACT_CLAUSE_DISCOURSE_H_
