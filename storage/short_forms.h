// Short forms across documents (docs/storage.md, "Short forms"): a surname
// said alone (Brown, بانفالكار) is the person of that surname when the store
// holds exactly one and nothing makes the word doubtful. Stored triples keep
// the entity their document gave; the join is kept beside them and applied
// by every read. Internal to storage/.
#ifndef NASIJ_STORAGE_SHORT_FORMS_H_
#define NASIJ_STORAGE_SHORT_FORMS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "storage/store.h"

namespace nasij::short_forms {

// The first and last words of a person's key of two words or more (split
// at spaces and hyphens), in one script (إس iOS is a tagger's slip);
// empty for anything else. The surname is empty
// too where the last word alone is not what the person is called: a
// particle is before it (عبد العزيز, bin Salman, de Gaulle) or is it (محمد
// أبو), or it has fewer than three letters.
struct PersonName {
  std::string given, surname;
};
PersonName PersonNameOf(const EntityRow& e);

// Whether `e` may be a surname said alone: a one-word key (no space, no
// hyphen) of three letters or more that is no particle, of a person or of a
// name no tagger typed (MISC and never mentioned: English Brown alone is a
// proper noun in an argument), no pronoun, and without an English label (a
// name the gazetteer knows has one: Obama is an entity of its own). A name
// its mentions give another kind is no surname, whatever persons share it:
// the tagger read Johnson of Johnson & Johnson as MISC, Ford the maker as
// ORG.
bool MayBeShortForm(const EntityRow& e);

// Whether the short form `short_form` joins `person`, the one person with
// its key as surname, whose given name no person has: the person is named
// in full at least twice (a name said once may be a tagger's slip: براغا
// ناسيمنتو is a law firm), the short form is said alone no more often than
// that (Chelsea, named 90 times, is not the "Terry Chelsea" a tagger made),
// and one of its names is spelled as the last word of one of the person's
// (بنس, Pence, is not بونس, Pons, though their keys are one skeleton).
bool JoinsPerson(const EntityRow& short_form, const EntityRow& person);

// Name lookups for the writer, in the aliases family beside the entities'
// aliases: s · surname · NUL · person id and g · given name · NUL · person
// id, one each per person.
constexpr char kSurname = 's', kGivenName = 'g';
std::string NamePrefix(char part, const std::string& word);
std::string NameKey(char part, const std::string& word, uint32_t person);

// Every join, under one key of the default family that a reader gets in one
// lookup: short form id · person id (4 bytes each), by short form id.
constexpr char kJoinsKey[] = "joins";
using Joins = std::map<uint32_t, uint32_t>;  // short form id → person id
std::string EncodeJoins(const Joins& joins);
// False when `bytes` are not whole pairs of ids.
bool DecodeJoins(std::string_view bytes, Joins* joins);

}  // namespace nasij::short_forms

#endif  // NASIJ_STORAGE_SHORT_FORMS_H_
