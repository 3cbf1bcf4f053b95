#include "export/attributes.h"

#include <iterator>

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
  static const std::pair<const char*, const char*> kEdge[] = {
      {"relation", "string"}, {"lemma", "string"},   {"label_en", "string"}, {"confidence", "double"},
      {"negated", "boolean"}, {"modality", "string"}, {"sources", "long"},    {"doc", "string"},
      {"sentence", "int"}};
  out->resize(std::size(kEdge));
  for (size_t k = 0; k < std::size(kEdge); ++k) {
    (*out)[k].name = kEdge[k].first;
    (*out)[k].type = kEdge[k].second;
  }
  (*out)[0].value = d.relation;
  (*out)[1].value = d.lemma;
  (*out)[2].value = d.label_en;
  (*out)[3].value = FullPrecision(d.confidence);
  (*out)[4].value = d.negated ? "true" : "false";
  (*out)[5].value = d.modality;
  (*out)[6].value = std::to_string(d.sources);
  (*out)[7].value = d.first_doc;
  (*out)[8].value = std::to_string(d.first_sentence);
}

}  // namespace nasij
