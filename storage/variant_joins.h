// Variant spellings across documents (docs/storage.md, "Variant spellings"):
// a name no list knows is keyed as written (VariantSpellings::Key), and the
// store joins the spellings of one name (هاري كين, هاري كاين) under the one
// named most. The names of one join key are found through an index, and
// their joins are made again, whole, whenever a batch touches one of them,
// so that they are a function of the set of names the store holds, whatever
// the order documents came in. Stored triples keep the entity their
// document gave; reads apply the joins as they apply short forms'.
// Internal to storage/.
#ifndef NASIJ_STORAGE_VARIANT_JOINS_H_
#define NASIJ_STORAGE_VARIANT_JOINS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/variants.h"
#include "storage/short_forms.h"
#include "storage/store.h"

namespace nasij::variant_joins {

// The spellings of the data files, read once.
const VariantSpellings* Spellings();

// Whether `e` is a name whose spellings may join others': of a person,
// place, organization or other thing (MISC), written in Arabic letters,
// with no English label (a name the gazetteer knows is keyed by it).
bool MayJoin(const EntityRow& e);

// The index, in the aliases family: v · join key · NUL · id. An entry stays
// when its name no longer may join (its mentions gave it another kind, or
// no document names it): a reader checks the row.
constexpr char kIndex = 'v';
std::string IndexPrefix(const std::string& join_key);
std::string IndexKey(const std::string& join_key, uint32_t id);

// Every variant join, id → id, under one key of the default family.
constexpr char kJoinsKey[] = "variant-joins";

// Joins the names of one join key (`names`: id and row, each MayJoin):
// two of one kind whose vowels agree are one name, and so is a chain of
// such pairs; each name of a chain but one joins the one named most (the
// least key on a tie). Sets those joins in `*joins`.
void JoinSpellings(const std::vector<std::pair<uint32_t, const EntityRow*>>& names, short_forms::Joins* joins);

}  // namespace nasij::variant_joins

#endif  // NASIJ_STORAGE_VARIANT_JOINS_H_
