// English noun-phrase chunking: determiners, adjectives, nouns and names;
// a title before a name; possessives; "of" joining two phrases.
#include "extract/english/sentence.h"

namespace nasij::english {

bool IsNominal(Tag t) { return t == Tag::kNoun || t == Tag::kPropn || t == Tag::kNum || t == Tag::kAdj; }

std::vector<Phrase> ChunkPhrases(const std::vector<Word>& ws) {
  std::vector<Phrase> phrases;
  const int n = ws.size();
  for (int i = 0; i < n;) {
    const Word& w = ws[i];
    const bool starts = w.tag == Tag::kDet || IsNominal(w.tag) || w.tag == Tag::kPron || w.title_end > i;
    if (!starts || (w.tag == Tag::kDet && (w.lower == "that" || w.lower == "which") && i + 1 < n &&
                    !IsNominal(ws[i + 1].tag))) {
      ++i;
      continue;
    }
    Phrase p;
    p.begin = i;
    int j = i + 1;
    if (w.title_end > i && w.title_end < n && (ws[w.title_end].tag == Tag::kPropn)) {
      p.name_begin = w.title_end;
      j = w.title_end;
    } else if (w.tag == Tag::kPron && !(w.lower == "his" || w.lower == "her" || w.lower == "its" ||
                                        w.lower == "their" || w.lower == "our" || w.lower == "my" ||
                                        w.lower == "your")) {
      phrases.push_back(Phrase{i, i + 1, -1});
      i = j;
      continue;
    }
    while (j < n && !(ws[j].tag == Tag::kPropn && ws[j - 1].tag == Tag::kNoun && j != p.name_begin) &&
           (IsNominal(ws[j].tag) || ws[j].token->text == "'s" || ws[j].token->text == "-" ||
                     (ws[j].token->text == "'" && j + 1 < n && ws[j + 1].lower == "s") ||
                     (ws[j].tag == Tag::kVerb && ws[j].form == VerbForm::kGerund && j + 1 < n &&
                      IsNominal(ws[j + 1].tag) && ws[j - 1].tag == Tag::kDet))) {
      ++j;
    }
    // "of" joins two phrases: the Secretary of State, a group of protesters.
    while (j + 1 < n && ws[j].lower == "of" &&
           (IsNominal(ws[j + 1].tag) || ws[j + 1].tag == Tag::kDet)) {
      j += 2;
      while (j < n && IsNominal(ws[j].tag)) ++j;
    }
    p.end = j;
    phrases.push_back(p);
    i = j;
  }
  return phrases;
}

}  // namespace nasij::english
