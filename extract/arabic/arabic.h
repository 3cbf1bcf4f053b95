// The Arabic language module: the stages of sentence.h, turned into records.
#ifndef NASIJ_EXTRACT_ARABIC_ARABIC_H_
#define NASIJ_EXTRACT_ARABIC_ARABIC_H_

#include <memory>

#include "extract/arabic/lexicon.h"
#include "extract/gazetteer.h"
#include "extract/language.h"

namespace nasij::arabic {

class ArabicModule : public LanguageModule {
 public:
  ArabicModule(std::unique_ptr<Lexicon> lexicon, const Gazetteer* gazetteer)
      : lexicon_(std::move(lexicon)), gazetteer_(gazetteer) {}
  void Process(const TokenizedSentence& sentence, int index, DocumentContext* context,
               Extraction* out) const override;

 private:
  std::unique_ptr<Lexicon> lexicon_;
  const Gazetteer* gazetteer_;
};

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_ARABIC_H_
