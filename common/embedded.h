// Data files linked into a binary by nasij_embed (cmake/Embed.cmake).
#ifndef NASIJ_COMMON_EMBEDDED_H_
#define NASIJ_COMMON_EMBEDDED_H_

#include <string_view>

namespace nasij {

// The bytes of the embedded file at this repository path
// ("extract/data/gazetteer.tsv"); empty if there is none.
std::string_view EmbeddedFile(std::string_view name);

}  // namespace nasij

#endif  // NASIJ_COMMON_EMBEDDED_H_
