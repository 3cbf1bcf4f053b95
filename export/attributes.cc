#include "export/attributes.h"

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

std::vector<Attribute> EdgeAttributes(const EdgeData& d) {
  return {{"relation", "string", d.relation},
          {"lemma", "string", d.lemma},
          {"label_en", "string", d.label_en},
          {"confidence", "double", FullPrecision(d.confidence)},
          {"negated", "boolean", d.negated ? "true" : "false"},
          {"modality", "string", d.modality},
          {"sources", "long", std::to_string(d.sources)},
          {"doc", "string", d.first_doc},
          {"sentence", "int", std::to_string(d.first_sentence)}};
}

}  // namespace nasij
