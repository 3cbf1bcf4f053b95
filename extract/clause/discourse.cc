// Pronouns to the entities they stand for, in the manner of the classic
// multi-sieve resolvers: a name is its entity already (exact and alias
// match happen where arguments are made); a pronoun goes to the nearest
// compatible antecedent by kind, gender, number and sentence distance, and
// stays as written when that is in doubt.
#include <algorithm>

#include "extract/language.h"

namespace nasij {

namespace {

bool HasKind(std::string_view kinds, std::string_view kind) {
  for (size_t at = 0; (at = kinds.find(kind, at)) != std::string_view::npos; at += kind.size()) {
    const size_t end = at + kind.size();
    if ((at == 0 || kinds[at - 1] == ' ') && (end == kinds.size() || kinds[end] == ' ')) return true;
  }
  return false;
}

bool Rivals(const Pronoun& p, const Referent& r) { return p.organization_rivals && r.subject && r.entity.kind == "ORG"; }

// Whether `r` is of a kind `p` can stand for.
bool Targets(const Pronoun& p, const Referent& r) {
  const std::string& kind = r.entity.kind;
  if (!r.partner.entity.empty()) return p.plural;
  // The man … he: a person noun is a person to a singular pronoun.
  if (kind == "CONCEPT" && r.person_noun && !p.plural) return HasKind(p.kinds, "PER") && r.subject && !r.plural;
  if (kind == "CONCEPT") return HasKind(p.kinds, kind) && r.subject && r.plural == p.plural;
  // An unknown name may be a body's (it, they), and a person's (he) when
  // nothing in it says otherwise.
  if (kind == "MISC" && p.unknown_names && r.entity.label_en.empty()) {
    return p.gender == Gender::kUnknown || r.person_name;
  }
  return HasKind(p.kinds, kind);
}

}  // namespace

void Discourse::Remember(Referent r) {
  if (r.entity.entity.empty()) return;
  auto known = genders.find(r.entity.entity);
  if (r.gender == Gender::kUnknown && known != genders.end()) r.gender = known->second;
  if (r.gender != Gender::kUnknown) genders.emplace(r.entity.entity, r.gender);
  referents.push_back(std::move(r));
}

const Referent* Discourse::Resolve(const Pronoun& p, int sentence, int start, const std::string& not_entity) {
  // Candidates nearest sentence first and, within a sentence, subjects
  // first; in an earlier sentence left to right (the one it is about), in
  // the pronoun's own the nearest first (Brown said Merkel thinks he …).
  std::vector<const Referent*> candidates;
  for (const int reach : {p.sentences_back, p.sentences_back_when_none}) {
    for (auto r = referents.rbegin(); r != referents.rend() && r->sentence >= sentence - reach; ++r) {
      if (r->sentence > sentence || (r->sentence == sentence && r->start >= start)) continue;
      if (r->entity.entity == not_entity) continue;
      const bool target = Targets(p, *r);
      const bool compatible = r->gender == Gender::kUnknown || p.gender == Gender::kUnknown || r->gender == p.gender;
      if ((target && compatible) || Rivals(p, *r)) candidates.push_back(&*r);
    }
    if (!candidates.empty()) break;
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](const Referent* a, const Referent* b) {
    if (a->sentence != b->sentence) return a->sentence > b->sentence;
    if (a->subject != b->subject) return a->subject;
    return a->sentence == sentence ? a->start > b->start : a->start < b->start;
  });
  if (candidates.empty()) return nullptr;
  const Referent* first = candidates.front();
  const bool alone = std::all_of(candidates.begin(), candidates.end(),
                                 [&](const Referent* r) { return r->entity.entity == first->entity.entity; });
  // A common noun is taken when it is alone in reach, the subject of the
  // pronoun's own sentence (the company said it …; protesters said they …)
  // or what the sentence before is about (The submarine was seen. It …); a
  // person noun also when it is the subject of a sentence before (The man
  // was arrested. He …); a coordinated pair (the men and the women … they)
  // as a subject anywhere in reach.
  const bool salient = first->subject && (first->entity.kind != "CONCEPT" || !first->partner.entity.empty() || first->person_noun || first->sentence == sentence ||
                                          (first->topic && first->sentence == sentence - 1));
  // According to Ford, he was given …: the nearest is no subject, but the
  // subject first in reach is the same name (Ford attempted …), said again.
  const auto first_subject = std::find_if(candidates.begin(), candidates.end(), [](const Referent* r) { return r->subject; });
  const bool named_again = first->entity.kind != "CONCEPT" && first_subject != candidates.end() &&
                           (*first_subject)->entity.entity == first->entity.entity;
  if (Rivals(p, *first) || !(alone || salient || named_again)) return nullptr;
  if (p.gender != Gender::kUnknown && first->gender == Gender::kUnknown) {
    genders[first->entity.entity] = p.gender;
    for (Referent& r : referents) {
      if (r.entity.entity == first->entity.entity) r.gender = p.gender;
    }
  }
  return first;
}

}  // namespace nasij
