#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "extract/arabic/arabic.h"
#include "extract/boilerplate.h"
#include "extract/english/english.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "extract/text.h"

namespace nasij {

namespace {

class ExtractorImpl : public Extractor {
 public:
  static constexpr size_t kWindow = 400;  // tokens

  ExtractorImpl(std::unique_ptr<Gazetteer> gazetteer, std::unique_ptr<arabic::Lexicon> ar,
                std::unique_ptr<arabic::NerModel> ar_ner, arabic::WordClusters ar_clusters,
                arabic::PlaceNames ar_places, std::unique_ptr<english::Lexicon> en)
      : gazetteer_(std::move(gazetteer)),
        arabic_(std::move(ar), gazetteer_.get(), std::move(ar_ner), std::move(ar_clusters),
                std::move(ar_places)),
        english_(std::move(en), gazetteer_.get()) {}

  Extraction Extract(const Document& doc) const override {
    thread_local Segmenter segmenter;
    Extraction out;
    out.document = doc;
    if (out.document.lang.empty()) out.document.lang = DetectLanguage(doc.text);
    Discourse discourse;
    int index = 0;
    for (TokenizedSentence& s : segmenter.Split(doc.text)) {
      if (ParseByline(s.text, &out.document.source, &out.document.author) || IsBoilerplate(s.text)) continue;
      Sentence sentence{s.start, s.end, s.text, doc.lang.empty() ? DetectLanguage(s.text) : out.document.lang};
      const LanguageModule& module = sentence.lang == "ar" ? static_cast<const LanguageModule&>(arabic_) : english_;
      // Text without sentence punctuation can make one "sentence" of a whole
      // file; the clause patterns see it in windows so that time and memory
      // stay linear in its length.
      if (s.tokens.size() <= kWindow) {
        module.Process(s, index, &discourse, &out);
      } else {
        for (size_t at = 0; at < s.tokens.size(); at += kWindow) {
          TokenizedSentence window;
          window.start = s.tokens[at].start;
          window.tokens.assign(s.tokens.begin() + at, s.tokens.begin() + std::min(s.tokens.size(), at + kWindow));
          window.end = window.tokens.back().end;
          module.Process(window, index, &discourse, &out);
        }
      }
      out.sentences.push_back(std::move(sentence));
      ++index;
    }
    // An argument whose text normalizes to nothing (a tatweel, a lone
    // joiner) names nothing, and the store refuses it: its triple or mention
    // is no extraction.
    std::erase_if(out.triples, [](const Triple& t) { return t.subject.entity.empty() || t.object.entity.empty(); });
    std::erase_if(out.mentions, [](const Mention& m) { return m.entity.entity.empty(); });
    for (const Mention& m : out.mentions) {
      const Entity* e = gazetteer_->ByKey(m.entity.entity);
      if (e && !out.known.count(e->key)) out.known[e->key] = {e->label_ar, e->label_en, gazetteer_->NamesOf(e->key)};
    }
    return out;
  }

 private:
  std::unique_ptr<Gazetteer> gazetteer_;
  arabic::ArabicModule arabic_;
  english::EnglishModule english_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create() {
  auto gazetteer = Gazetteer::LoadEmbedded();
  if (!gazetteer.ok()) return gazetteer.status();
  auto ar = arabic::Lexicon::LoadEmbedded();
  if (!ar.ok()) return ar.status();
  // NASIJ_NER_MODEL names a model file to use instead of the embedded one:
  // for development, to score a model trained without part of the data
  // through the whole extractor (scripts/ner-cv).
  const char* ner_path = std::getenv("NASIJ_NER_MODEL");
  auto ar_ner = [&]() -> Result<std::unique_ptr<arabic::NerModel>> {
    if (!ner_path || !*ner_path) return arabic::NerModel::LoadEmbedded();
    std::ifstream in(ner_path, std::ios::binary);
    if (!in) return Status::IOError(std::string("cannot read NASIJ_NER_MODEL ") + ner_path);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return arabic::NerModel::Parse(bytes.str());
  }();
  if (!ar_ner.ok()) return ar_ner.status();
  auto ar_clusters = arabic::WordClusters::LoadEmbedded();
  if (!ar_clusters.ok()) return ar_clusters.status();
  auto ar_places = arabic::PlaceNames::LoadEmbedded();
  if (!ar_places.ok()) return ar_places.status();
  auto en = english::Lexicon::LoadEmbedded();
  if (!en.ok()) return en.status();
  std::ifstream tagged(NASIJ_ENGLISH_TAGGED_WORDS);
  if (!tagged) {
    return Status::IOError(std::string("cannot read ") + NASIJ_ENGLISH_TAGGED_WORDS +
                         " (install the Debian package liblingua-en-tagger-perl)");
  }
  std::stringstream yml;
  yml << tagged.rdbuf();
  (*en)->AddTaggedLexicon(yml.str());
  if (!Segmenter().ok()) return Status::IOError("ICU break iterators are unavailable (is libicu's data installed?)");
  return std::unique_ptr<Extractor>(
      new ExtractorImpl(std::move(gazetteer.value()), std::move(ar.value()), std::move(ar_ner.value()),
                        std::move(ar_clusters.value()), std::move(ar_places.value()), std::move(en.value())));
}

}  // namespace nasij
