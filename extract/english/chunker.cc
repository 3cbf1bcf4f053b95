// English noun-phrase chunking: determiners, adjectives, nouns and names;
// a title before a name; possessives; "of" joining two phrases.
#include "extract/english/sentence.h"

namespace nasij::english {

bool IsNominal(Tag t) { return t == Tag::kNoun || t == Tag::kPropn || t == Tag::kNum || t == Tag::kAdj; }

namespace {

// Where a short quoted title that starts at `i` ends (past its closing
// quote), or -1: “Oppenheimer”, "Kormoran", and `` Kormoran '' as ICU cuts
// the old typewriter quotes into ` ` and ' '. A quotation with a verb in it
// is speech, not a title.
int QuotedTitleEnd(const std::vector<Word>& ws, int i) {
  const int n = ws.size();
  auto text = [&](int k) -> const std::string& { return ws[k].token->text; };
  int k = i;
  if (text(k) == "`" && k + 1 < n && text(k + 1) == "`") {
    ++k;
  } else if (text(k) != "\u201C" && text(k) != "\"") {
    return -1;
  }
  const int first = k + 1;
  if (first >= n || text(first).empty() || text(first)[0] < 'A' || text(first)[0] > 'Z') return -1;
  for (k = first + 1; k < n && k <= first + 8; ++k) {
    if (text(k) == "\u201D" || text(k) == "\"") return k + 1;
    if (text(k) == "'" && k + 1 < n && text(k + 1) == "'") return k + 2;
    if (ws[k].tag == Tag::kVerb || ws[k].tag == Tag::kAux) return -1;
  }
  return -1;
}

bool IsYear(const Word& w) {
  const std::string& t = w.token->text;
  return w.token->kind == Token::kNumber && t.size() == 4 && (t.starts_with("1") || t.starts_with("2"));
}

}  // namespace

std::vector<Phrase> ChunkPhrases(const std::vector<Word>& ws) {
  std::vector<Phrase> phrases;
  const int n = ws.size();
  for (int i = 0; i < n;) {
    const Word& w = ws[i];
    if (const int end = QuotedTitleEnd(ws, i); end > 0) {
      phrases.push_back(Phrase{i, end, -1});
      i = end;
      continue;
    }
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
      p.title_begin = i;
      p.name_begin = w.title_end;
      j = w.title_end;
    } else if (w.tag == Tag::kPron && !(w.lower == "his" || w.lower == "her" || w.lower == "its" ||
                                        w.lower == "their" || w.lower == "our" || w.lower == "my" ||
                                        w.lower == "your")) {
      phrases.push_back(Phrase{i, i + 1, -1});
      i = j;
      continue;
    }
    // author Bill Bryson, keyboardist Philippe Saisse: a lowercase role noun
    // right before a full name is the name's title.
    auto role_before_name = [&](int k) {
      const std::string& role = ws[k - 1].token->text;
      return p.name_begin < 0 && !role.empty() && role[0] >= 'a' && role[0] <= 'z' && ws[k - 1].entity == nullptr &&
             k + 1 < n && ws[k + 1].tag == Tag::kPropn && !ws[k - 1].lower.ends_with("s");  // told reporters Joe Biden
    };
    while (j < n && ws[j].tag == Tag::kPropn && ws[j - 1].tag == Tag::kNoun && role_before_name(j)) {
      p.title_begin = j - 1;
      while (p.title_begin > p.begin && (ws[p.title_begin - 1].tag == Tag::kNoun || ws[p.title_begin - 1].tag == Tag::kAdj)) {
        --p.title_begin;
      }
      p.name_begin = j;
      while (j < n && ws[j].tag == Tag::kPropn) ++j;
    }
    // A name after a common noun or a year starts a phrase of its own: told
    // reporters Joe Biden; In 1997 Dr Maathai ran.
    while (j < n && !(ws[j].tag == Tag::kPropn && (ws[j - 1].tag == Tag::kNoun || IsYear(ws[j - 1])) && j != p.name_begin) &&
           (IsNominal(ws[j].tag) || ws[j].token->text == "'s" || ws[j].token->text == "-" ||
                     (ws[j].token->text == "'" && j + 1 < n && ws[j + 1].lower == "s") ||
                     (ws[j].tag == Tag::kVerb && ws[j].form == VerbForm::kGerund && j + 1 < n &&
                      IsNominal(ws[j + 1].tag) && ws[j - 1].tag == Tag::kDet))) {
      // A title inside the phrase, after a country or an adjective, which
      // belongs to it: U.S. Secretary of State Antony Blinken, Russian
      // President Vladimir Putin.
      const int title_end = ws[j].title_end;
      if (p.name_begin < 0 && title_end > j && title_end < n && ws[title_end].tag == Tag::kPropn) {
        p.title_begin = j;
        while (p.title_begin > p.begin && ws[p.title_begin - 1].tag == Tag::kAdj) --p.title_begin;
        p.name_begin = j = title_end;
        continue;
      }
      ++j;
    }
    // "of" joins two phrases: the Secretary of State, a group of protesters.
    while (j + 1 < n && ws[j].lower == "of" &&
           (IsNominal(ws[j + 1].tag) || ws[j + 1].tag == Tag::kDet)) {
      j += 2;
      while (j < n && IsNominal(ws[j].tag)) ++j;
    }
    // The film “Oppenheimer”: a title right after a common noun names it.
    if (j < n && ws[j - 1].tag == Tag::kNoun) {
      if (const int end = QuotedTitleEnd(ws, j); end > 0) j = end;
    }
    p.end = j;
    phrases.push_back(p);
    i = j;
  }
  return phrases;
}

}  // namespace nasij::english
