#include "extract/clause/clause.h"

#include <algorithm>

namespace nasij::clause {

Modality SentenceModality::Of(Modality own, int at, bool complement) const {
  if (own != Modality::kAsserted) return own;
  // What says the most of whether it happened wins: a question over a
  // condition, a condition over a report (said that if …, they would …).
  if (at > question_from && at < question_at) return Modality::kQuestion;
  // The condition covers its own clause only, up to the next comma.
  const auto comma = std::lower_bound(commas.begin(), commas.end(), condition_from);
  if (at > condition_from && (comma == commas.end() || *comma >= at)) return Modality::kConditional;
  for (auto [from, to] : wishes) {
    if (at >= from && at < to) return Modality::kPossible;
  }
  if (at > reported_from && at < reported_to && !complement) return Modality::kReported;
  for (auto [from, to] : complements) {
    if (at >= from && at < to) return Modality::kReported;
  }
  if (at > attributed_from && at < attributed_to && !complement) return Modality::kReported;
  // قال: "العلاقات بين البلدين قديمة": words in quotation marks are
  // someone's, whoever the sentence names as saying them.
  for (auto [open, close] : quotations) {
    if (at > open && at < close && !complement) return Modality::kReported;
  }
  return Modality::kAsserted;
}

}  // namespace nasij::clause
