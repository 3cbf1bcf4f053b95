// Which time phrase a clause takes (see language.h).
#include <cstdlib>

#include "extract/language.h"

namespace nasij {

int TimeOfClause(const std::vector<TimePhrase>& times, const std::vector<int>& verbs, int verb, int begin, int end) {
  int best = -1, best_distance = 0;
  if (verb < 0) {
    // Without a verb, a time phrase inside the clause: الاجتماع يوم الأحد مهم.
    for (size_t k = 0; k < times.size(); ++k) {
      if (times[k].begin >= begin && times[k].end <= end) return static_cast<int>(k);
    }
    return -1;
  }
  // The verbs before and after bound the clause: قال الوزير إن القوات وصلت
  // الثلاثاء gives Tuesday to وصلت, not to قال.
  int before = -1, after = 1 << 30;
  for (int v : verbs) {
    if (v < verb) before = v;
    if (v > verb) {
      after = v;
      break;
    }
  }
  for (size_t k = 0; k < times.size(); ++k) {
    const TimePhrase& t = times[k];
    if (t.begin <= before || t.end > after) continue;
    const int distance = t.begin > verb ? t.begin - verb : verb - t.end;
    if (best < 0 || distance < best_distance) {
      best = static_cast<int>(k);
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace nasij
