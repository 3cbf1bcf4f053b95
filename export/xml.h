// XML text escaping. Internal to export/.
#ifndef NASIJ_EXPORT_XML_H_
#define NASIJ_EXPORT_XML_H_

#include <string>
#include <string_view>

namespace nasij::xml {

// Escapes markup characters and drops code points XML 1.0 forbids.
std::string Escape(std::string_view text);

}  // namespace nasij::xml

#endif  // NASIJ_EXPORT_XML_H_
