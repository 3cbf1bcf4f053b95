// Part-of-speech tagging: lexicon readings, chosen by the previous tag;
// suffix rules and capitalization for words the lexicon does not know.
#include <algorithm>

#include "extract/english/sentence.h"

namespace nasij::english {

namespace {

bool EndsWith(const std::string& s, const char* suffix) { return s.ends_with(suffix); }

bool Capitalized(const std::string& s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

Tag GuessUnknown(const std::string& lower, VerbForm* form) {
  if (EndsWith(lower, "ly")) return Tag::kAdv;
  if (EndsWith(lower, "ed")) {
    *form = VerbForm::kPastOrParticiple;
    return Tag::kVerb;
  }
  if (EndsWith(lower, "ing")) {
    *form = VerbForm::kGerund;
    return Tag::kVerb;
  }
  for (const char* adj : {"ous", "ive", "al", "ic", "ful", "less", "able", "ible", "ary", "ish"}) {
    if (EndsWith(lower, adj)) return Tag::kAdj;
  }
  return Tag::kNoun;
}

bool IsCurrency(const Token& t) { return t.text == "$" || t.text == "€" || t.text == "£"; }

bool NounSide(Tag t) { return t == Tag::kDet || t == Tag::kAdj || t == Tag::kPrep || t == Tag::kNum; }

// Past and participle forms read alike (flooded, damaged, taken), as do
// the others each its own.
int PastSide(VerbForm f) {
  const bool past = f == VerbForm::kPast || f == VerbForm::kParticiple || f == VerbForm::kPastOrParticiple;
  return past ? -1 : static_cast<int>(f);
}

bool IsModal(const std::string& lower) {
  for (const char* modal : {"will", "would", "can", "could", "shall", "should", "may", "might", "must"}) {
    if (lower == modal) return true;
  }
  return false;
}

// Whether word `next` cannot go on a noun phrase: the end, punctuation, a
// function word that opens what follows, or a verb that is no noun.
bool EndsPhrase(const Lexicon& lex, const std::vector<Word>& words, size_t next) {
  if (next >= words.size() || words[next].token->kind == Token::kPunct) return true;
  const WordInfo* info = lex.Find(words[next].lower);
  if (!info) return false;
  const Tag first = info->tags.front();
  const bool can_noun = std::find(info->tags.begin(), info->tags.end(), Tag::kNoun) != info->tags.end();
  return first == Tag::kPrep || first == Tag::kAux || first == Tag::kConj || first == Tag::kSub || first == Tag::kRel ||
         (info->verb >= 0 && !can_noun);
}

// A word that opens an object after a verb: to fund the school, to back them.
bool OpensObject(const std::string& lower) {
  for (const char* w : {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "them", "it"}) {
    if (lower == w) return true;
  }
  return false;
}

}  // namespace

void TagWords(const Lexicon& lex, std::vector<Word>* words) {
  Tag prev = Tag::kPunct;
  bool seen_verb = false;
  VerbForm last_verb_form = VerbForm::kBase;
  auto amount_at = [&](size_t k) {
    return k < words->size() && ((*words)[k].token->kind == Token::kNumber || IsCurrency(*(*words)[k].token));
  };
  for (size_t i = 0; i < words->size(); ++i) {
    Word& w = (*words)[i];
    // $ 350 billion: a currency sign before a number is part of the amount.
    if (IsCurrency(*w.token) && i + 1 < words->size() && (*words)[i + 1].token->kind == Token::kNumber) {
      w.tag = Tag::kNum;
      prev = w.tag;
      continue;
    }
    // 8 %, 8.5 percent: a percent sign after a number is part of the amount.
    if (w.token->text == "%" && prev == Tag::kNum) {
      w.tag = Tag::kNum;
      continue;
    }
    if (w.token->kind == Token::kPunct) {
      w.tag = Tag::kPunct;
      prev = w.tag;
      if (w.token->text != "'" && w.token->text != "\"") seen_verb = false;
      continue;
    }
    if (w.token->kind == Token::kNumber) {
      w.tag = Tag::kNum;
      prev = w.tag;
      continue;
    }
    if (w.entity) {
      w.tag = Tag::kPropn;
      prev = w.tag;
      continue;
    }
    const WordInfo* info = lex.Find(w.lower);
    const bool sentence_initial = i == 0 || (prev == Tag::kPunct && (*words)[i - 1].token->text != ",");
    const std::string& before = i > 0 ? (*words)[i - 1].lower : "";
    bool demonstrative_verb = false;  // This releases some ...
    // The agency outsources its payroll: an unknown -s word between a noun
    // and a word that opens an object, before any verb of the clause.
    const bool between_subject_and_object = (prev == Tag::kNoun || prev == Tag::kPropn) && !seen_verb &&
                                            !Capitalized(w.token->text) &&
                                            i + 1 < words->size() && OpensObject((*words)[i + 1].lower);
    if (!info) {
      if (before == "he" || before == "she" || before == "it" || between_subject_and_object ||
          ((before == "and" || before == "or") && last_verb_form == VerbForm::kPresent3)) {
        // She resigns ... and relocates: after a singular subject pronoun, or
        // "and" after such a verb, an unknown -s word is a verb.
        w.tag = w.lower.ends_with("s") && !w.lower.ends_with("ss") ? Tag::kVerb : GuessUnknown(w.lower, &w.form);
        if (w.tag == Tag::kVerb && w.form == VerbForm::kBase) w.form = VerbForm::kPresent3;
      } else if (Capitalized(w.token->text)) {
        // A capitalized word the tagged lexicon lacks is a name, even
        // opening a sentence and ending in -ing or -ed: Ponting, Reed.
        w.tag = Tag::kPropn;
      } else {
        w.tag = GuessUnknown(w.lower, &w.form);
      }
    } else {
      w.tag = info->tags.front();
      w.verb = info->verb;
      w.form = info->form;
      const bool can_verb = info->verb >= 0;
      const bool can_noun = std::find(info->tags.begin(), info->tags.end(), Tag::kNoun) != info->tags.end();
      const bool can_adj = std::find(info->tags.begin(), info->tags.end(), Tag::kAdj) != info->tags.end();
      if (can_verb && (can_noun || can_adj) && info->tags.size() > 1) {
        // Noun or verb: the left neighbour decides.
        const bool possessive = before == "his" || before == "its" || before == "their" || before == "our" ||
                                before == "my" || before == "your";
        // The club (also) hosts: a finite form after a noun phrase, perhaps
        // past an adverb, before any verb of the clause.
        const Tag subject_side = prev == Tag::kAdv && i >= 2 ? (*words)[i - 2].tag : prev;
        const bool finite = info->form != VerbForm::kBase && info->form != VerbForm::kGerund;
        // hosts dinners and supports charities, flooded roads and damaged
        // homes: after "and" or "or", the form of the clause's verb again.
        const bool coordinated_verb = (before == "and" || before == "or") && seen_verb && finite &&
                                      PastSide(info->form) == PastSide(last_verb_form);
        bool verb = (prev == Tag::kAux || (prev == Tag::kPron && !possessive) || prev == Tag::kNeg || prev == Tag::kRel ||
                     (prev == Tag::kAdv && (seen_verb || (i >= 2 && (*words)[i - 2].tag == Tag::kAux))) ||
                     ((subject_side == Tag::kNoun || subject_side == Tag::kPropn) && !seen_verb && finite) ||
                     coordinated_verb);
        if (i > 0 && (*words)[i - 1].lower == "to" && info->form == VerbForm::kBase) verb = true;
        // After a comma, a past form opens a clause or a reduced relative:
        // "a former general, resigned", "the agency, published in 2020".
        if (i > 0 && (*words)[i - 1].token->text == "," &&
            (info->form == VerbForm::kPast || info->form == VerbForm::kParticiple ||
             info->form == VerbForm::kPastOrParticiple)) {
          verb = true;
        }
        if (NounSide(prev) && !(i > 0 && (*words)[i - 1].lower == "to")) verb = false;
        w.tag = verb ? Tag::kVerb : (can_noun ? Tag::kNoun : Tag::kAdj);
      }
      // will fund, to back the plan: where only a verb can come, a word's
      // rare base-form reading is the one.
      const bool after_modal = prev == Tag::kAux && IsModal(before);
      const bool infinitive = before == "to" && i + 1 < words->size() && OpensObject((*words)[i + 1].lower);
      if (info->rare_base_verb >= 0 && (after_modal || infinitive)) {
        w.tag = Tag::kVerb;
        w.verb = info->rare_base_verb;
        w.form = VerbForm::kBase;
      }
      // Jack Garner, Mary Fields: a capitalized word after a given name is
      // a surname, whatever else it may be.
      const bool surname = prev == Tag::kPropn && lex.GivenNameGender(before) != Gender::kUnknown;
      // the Performing Arts, Reading FC: a capitalized word inside the
      // sentence before another is part of a name.
      const bool in_name = i + 1 < words->size() && Capitalized((*words)[i + 1].token->text) &&
                           (*words)[i + 1].token->kind != Token::kPunct;
      if (Capitalized(w.token->text) && !sentence_initial &&
          (((w.tag == Tag::kNoun || w.tag == Tag::kAdj) && !can_verb) || surname || in_name)) {
        w.tag = Tag::kPropn;
      }
      // A senior official denied: a noun-or-adjective that ends its phrase
      // is its head, a noun.
      if (w.tag == Tag::kAdj && can_noun && EndsPhrase(lex, *words, i + 1)) w.tag = Tag::kNoun;
      // A lowercase word is no name, whatever a capitalized entry says.
      if (w.tag == Tag::kPropn && !Capitalized(w.token->text)) w.tag = can_noun ? Tag::kNoun : Tag::kAdj;
      // These include any ...: a demonstrative standing alone, then a verb.
      const size_t demonstrative = i >= 2 && (*words)[i - 1].tag == Tag::kAdv ? i - 2 : i - 1;  // This often results
      if (can_verb && i > 0 && i + 1 < words->size() &&
          ((*words)[demonstrative].lower == "this" || (*words)[demonstrative].lower == "these" ||
           (*words)[demonstrative].lower == "those")) {
        const std::string& next = (*words)[i + 1].lower;
        if (next == "the" || next == "a" || next == "an" || next == "some" || next == "any" || next == "all" ||
            next == "in" || next == "on" || (*words)[i + 1].token->kind == Token::kNumber) {
          w.tag = Tag::kVerb;
          demonstrative_verb = true;
        }
      }
    }
    // sent about 2,500 troops, more than $ 350 billion: an approximation
    // before a number belongs to the noun phrase, as a determiner would.
    if ((w.lower == "about" || w.lower == "around" || w.lower == "nearly" || w.lower == "almost" ||
         w.lower == "roughly" || w.lower == "approximately" || w.lower == "some") &&
        amount_at(i + 1)) {
      w.tag = Tag::kDet;
    }
    if ((w.lower == "more" || w.lower == "less" || w.lower == "fewer") && i + 1 < words->size() &&
        (*words)[i + 1].lower == "than" && amount_at(i + 2)) {
      w.tag = Tag::kDet;
    }
    if (w.lower == "than" && i > 0 && (*words)[i - 1].tag == Tag::kDet && amount_at(i + 1)) w.tag = Tag::kDet;
    // left that post to, in that year ,: "that" before a noun that a
    // preposition or punctuation follows is a determiner.
    if (w.lower == "that" && i + 1 < words->size()) {
      const WordInfo* next = lex.Find((*words)[i + 1].lower);
      const bool noun_next = next && next->tags.front() == Tag::kNoun;
      const bool closes = i + 2 >= words->size() || (*words)[i + 2].token->kind == Token::kPunct ||
                          (*words)[i + 2].lower == "to" || [&] {
                            const WordInfo* after = lex.Find((*words)[i + 2].lower);
                            return after && after->tags.front() == Tag::kPrep;
                          }();
      if (noun_next && closes) w.tag = Tag::kDet;
    }
    // After a determiner or adjective, a gerund or base form is a noun: the
    // beginning, the use of.
    if (w.tag == Tag::kVerb && !demonstrative_verb && (prev == Tag::kDet || prev == Tag::kAdj) &&
        (w.form == VerbForm::kGerund || w.form == VerbForm::kBase || w.form == VerbForm::kPresent3)) {
      w.tag = Tag::kNoun;
    }
    if (w.tag == Tag::kVerb && w.verb < 0 && w.form == VerbForm::kGerund && NounSide(prev)) w.tag = Tag::kNoun;
    // After a determiner or adjective a participle is an adjective: an attempted coup.
    const Tag before_adverb = prev == Tag::kAdv && i >= 2 ? (*words)[i - 2].tag : prev;  // many largely recognized
    if (w.tag == Tag::kVerb && (before_adverb == Tag::kDet || before_adverb == Tag::kAdj) &&
        (w.form == VerbForm::kParticiple || w.form == VerbForm::kPastOrParticiple)) {
      w.tag = Tag::kAdj;
    }
    // The second half of a hyphenated compound: Moscow-led, Russian-led.
    if (i >= 2 && (*words)[i - 1].token->text == "-" && (*words)[i - 1].token->end == w.token->start &&
        (*words)[i - 2].token->end == (*words)[i - 1].token->start) {
      w.tag = Tag::kAdj;
    }
    if (w.tag == Tag::kVerb) {
      seen_verb = true;
      last_verb_form = w.form;
    }
    prev = w.tag;
  }
  // The company that makes engines: "that" between a noun and a verb (or
  // an auxiliary, past adverbs) is a relative pronoun.
  for (size_t i = 1; i + 1 < words->size(); ++i) {
    Word& w = (*words)[i];
    if (w.lower != "that" || w.tag != Tag::kSub) continue;
    const Tag before = (*words)[i - 1].tag;
    size_t next = i + 1;
    while (next + 1 < words->size() && (*words)[next].tag == Tag::kAdv) ++next;
    const Tag after = (*words)[next].tag;
    if ((before == Tag::kNoun || before == Tag::kPropn) && (after == Tag::kVerb || after == Tag::kAux)) w.tag = Tag::kRel;
  }
}

}  // namespace nasij::english
