// The Arabic language module: the stages of sentence.h, turned into records.
#ifndef NASIJ_EXTRACT_ARABIC_ARABIC_H_
#define NASIJ_EXTRACT_ARABIC_ARABIC_H_

#include <memory>

#include "extract/arabic/lexicon.h"
#include "extract/arabic/ner.h"
#include "extract/gazetteer.h"
#include "extract/language.h"

namespace nasij::arabic {

class ArabicModule : public LanguageModule {
 public:
  ArabicModule(std::unique_ptr<Lexicon> lexicon, const Gazetteer* gazetteer, std::unique_ptr<NerModel> ner,
               WordClusters clusters, PlaceNames places)
      : lexicon_(std::move(lexicon)),
        gazetteer_(gazetteer),
        ner_(std::move(ner)),
        clusters_(std::move(clusters)),
        places_(std::move(places)),
        ner_features_(*lexicon_, *gazetteer_, &clusters_, &places_) {}
  void Process(const TokenizedSentence& sentence, int index, Discourse* discourse,
               Extraction* out) const override;

 private:
  std::unique_ptr<Lexicon> lexicon_;
  const Gazetteer* gazetteer_;
  std::unique_ptr<NerModel> ner_;
  WordClusters clusters_;
  PlaceNames places_;
  NerFeatures ner_features_;
};

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_ARABIC_H_
