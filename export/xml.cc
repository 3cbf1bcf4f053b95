#include "export/xml.h"

namespace nasij::xml {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // forbidden in XML 1.0
        // U+FFFE and U+FFFF (EF BF BE/BF) are forbidden too.
        if (c == 0xEF && i + 2 < text.size() && uint8_t(text[i + 1]) == 0xBF && (uint8_t(text[i + 2]) & 0xFE) == 0xBE) {
          i += 2;
          break;
        }
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace nasij::xml
