#include "export/attributes.h"

#include <string_view>

#include "export/text.h"

namespace nasij {

std::vector<Attribute> NodeAttributes(const NodeData& n) {
  return {{"label_en", "string", n.label_en},
          {"kind", "string", n.kind},
          {"aliases", "string", JoinAliases(n.aliases, '|', '/')},
          {"mentions", "long", std::to_string(n.mentions)},
          {"degree", "int", std::to_string(n.degree)},
          {"pagerank", "double", FullPrecision(n.pagerank)},
          {"component", "int", std::to_string(n.component)}};
}

void EdgeAttributes(const EdgeData& d, std::vector<Attribute>* out) {
  size_t k = 0;
  auto set = [&](const char* name, const char* type, std::string_view value) {
    if (k == out->size()) out->emplace_back();
    Attribute& a = (*out)[k++];
    a.name = name;
    a.type = type;
    a.value.assign(value);  // keeps the string's buffer from the last edge
  };
  set("relation", "string", d.relation);
  set("lemma", "string", d.lemma);
  set("label_en", "string", d.label_en);
  set("confidence", "double", FullPrecision(d.confidence));
  set("negated", "boolean", d.negated ? "true" : "false");
  set("modality", "string", d.modality);
  set("sources", "long", std::to_string(d.sources));
  set("doc", "string", d.first_doc);
  set("sentence", "int", std::to_string(d.first_sentence));
  set("time", "string", d.time);
}

}  // namespace nasij
