// Gazetteer names and titles in an English sentence.
#include "extract/english/sentence.h"

namespace nasij::english {

void MarkNames(const Lexicon& lex, const Gazetteer& gazetteer, std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  // Names are matched on their words alone: ICU splits Kassym-Jomart at the hyphen.
  std::vector<std::string> keys;
  std::vector<size_t> at;  // word index of each key
  for (size_t i = 0; i < ws.size(); ++i) {
    if (ws[i].token->text == "-") continue;
    std::vector<std::string> parts = NameWords(ws[i].token->text);
    keys.push_back(parts.empty() ? "" : parts[0]);
    at.push_back(i);
  }
  for (size_t k = 0; k < keys.size();) {
    const Entity* e = nullptr;
    const std::string& t = ws[at[k]].token->text;
    int n = (!t.empty() && t[0] >= 'A' && t[0] <= 'Z') ? gazetteer.Match(keys, k, &e) : 0;
    if (n == 0) {
      ++k;
      continue;
    }
    const size_t begin = at[k], end = at[k + n - 1] + 1;
    ws[begin].name_end = end;
    for (size_t i = begin; i < end; ++i) ws[i].entity = e;
    k += n;
  }
  for (size_t i = 0; i < ws.size(); ++i) {
    std::string phrase;
    for (size_t n = 1; n <= static_cast<size_t>(lex.max_title_words()) && i + n <= ws.size(); ++n) {
      if (n > 1) phrase.push_back(' ');
      phrase += ws[i + n - 1].lower;
      if (const Title* title = lex.FindTitle(phrase)) {
        ws[i].title_kind = title->kind;
        ws[i].title_honorific = title->honorific;
        ws[i].title_gender = title->gender;
        ws[i].title_end = i + n;
      }
    }
  }
}

}  // namespace nasij::english
