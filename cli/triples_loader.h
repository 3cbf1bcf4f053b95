// `nasij ingest --triples`: triples another tool produced, loaded as one
// atomic unit.
#ifndef NASIJ_CLI_TRIPLES_LOADER_H_
#define NASIJ_CLI_TRIPLES_LOADER_H_

#include <string>

#include "storage/store.h"

namespace nasij::cli {

// Loads the triple records of `path` into `store`, one document per "doc";
// returns the exit status. Lines are parsed on every core while the store
// stages the documents already complete.
int LoadTriples(Store& store, const std::string& path);

}  // namespace nasij::cli

#endif  // NASIJ_CLI_TRIPLES_LOADER_H_
