#include "extract/clause/clause.h"

#include <algorithm>

namespace nasij::clause {

Modality SentenceModality::Of(Modality own, int at, bool complement) const {
  if (own != Modality::kAsserted) return own;
  if (at > reported_from && at < reported_to && !complement) return Modality::kReported;
  // The condition covers its own clause only, up to the next comma.
  const auto comma = std::lower_bound(commas.begin(), commas.end(), condition_from);
  if (at > condition_from && (comma == commas.end() || *comma >= at)) return Modality::kConditional;
  return question ? Modality::kQuestion : Modality::kAsserted;
}

}  // namespace nasij::clause
