// `nasij ingest --triples`: triples another tool produced, streamed from
// the file and stored in atomic groups of documents.
#ifndef NASIJ_CLI_TRIPLES_LOADER_H_
#define NASIJ_CLI_TRIPLES_LOADER_H_

#include <string>

#include "storage/store.h"

namespace nasij::cli {

// Loads the triple records of `path` into `store`, one document per "doc";
// returns the exit status. A first reading finds where each document's
// lines end; then lines are parsed on every core while the store stages the
// documents already complete, a group of about 250,000 triples at a time.
// Memory holds one group and an entry per document, whatever the file's
// size. A load of several groups ends by compacting the tables lookups scan.
// A failure keeps the groups stored before it; loading the file again adds
// the rest (documents already stored are unchanged).
int LoadTriples(Store& store, const std::string& path);

}  // namespace nasij::cli

#endif  // NASIJ_CLI_TRIPLES_LOADER_H_
