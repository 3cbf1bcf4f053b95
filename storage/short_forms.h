// Short forms across documents (docs/storage.md, "Short forms"): a surname
// said alone (Brown, بانفالكار) is the person of that surname when the store
// holds exactly one. Stored triples keep the entity their document gave;
// the join is kept beside them and applied by every read. Internal to
// storage/.
#ifndef NASIJ_STORAGE_SHORT_FORMS_H_
#define NASIJ_STORAGE_SHORT_FORMS_H_

#include <cstdint>
#include <string>

#include "storage/store.h"

namespace nasij::short_forms {

// The surname a short form of `e` would be: the last word of a person's key
// of two words or more, unless a particle comes before it (عبد العزيز, bin
// Salman, de Gaulle: the last word alone is not how the person is called)
// or it has fewer than three letters. Empty for anything else.
std::string SurnameOf(const EntityRow& e);

// Whether `e` may be a surname said alone: a one-word key (no space, no
// hyphen) of three letters or more, of a person or a name of unknown kind
// (MISC), that is no pronoun and has no English label (a name the
// gazetteer knows has one: Obama is an entity of its own).
bool MayBeShortForm(const EntityRow& e);

// Name lookups, in the aliases family beside the entities' aliases:
// s · surname · NUL · person id, one per person, and j · short form id →
// person id, one per joined short form.
std::string SurnamePrefix(const std::string& surname);
std::string SurnameKey(const std::string& surname, uint32_t person);
constexpr char kJoinPrefix[] = "j";
std::string JoinKey(uint32_t short_form);

}  // namespace nasij::short_forms

#endif  // NASIJ_STORAGE_SHORT_FORMS_H_
