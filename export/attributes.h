// The attributes the graph file formats (GraphML, GEXF) carry on every node
// and edge, with their values as text, so that both write the same ones.
// Internal to export/.
#ifndef NASIJ_EXPORT_ATTRIBUTES_H_
#define NASIJ_EXPORT_ATTRIBUTES_H_

#include <string>
#include <vector>

#include "graph/graph.h"

namespace nasij {

struct Attribute {
  const char* name;
  const char* type;  // GraphML's: string, int, long, double, boolean
  std::string value;
};

std::vector<Attribute> NodeAttributes(const NodeData& node);
// Fills `out`, reusing its strings: it is called once per edge.
void EdgeAttributes(const EdgeData& edge, std::vector<Attribute>* out);

}  // namespace nasij

#endif  // NASIJ_EXPORT_ATTRIBUTES_H_
