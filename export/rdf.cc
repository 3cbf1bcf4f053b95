// RDF, as N-Triples or Turtle, in plain RDF: entities are typed resources
// with language-tagged labels; each edge is an rdf:Statement resource naming
// subject, predicate and object, and each extraction supporting it a
// nasij:Extraction resource (document, sentence, confidence, modality).
// Statements are named by their triple's identity, so that the exports of
// one store agree on them.
// Only edges that are asserted or reported, and not negated, are also
// stated directly.
#include <cctype>
#include <cstdio>

#include "export/export.h"
#include "export/text.h"

namespace nasij {

namespace {

const char kRdf[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const char kRdfs[] = "http://www.w3.org/2000/01/rdf-schema#";
const char kXsd[] = "http://www.w3.org/2001/XMLSchema#";

// Characters an IRI may not hold raw are percent-encoded; UTF-8 stays.
std::string IriPart(std::string_view s) {
  std::string out;
  for (char c : ValidUtf8(s)) {
    const unsigned char u = c;
    if (u <= 0x20 || std::string_view("<>\"{}|^`\\%#?/").find(c) != std::string_view::npos) {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

std::string Literal(std::string_view s) {
  std::string out = "\"";
  for (char c : ValidUtf8(s)) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\u%04X", c);
          out += esc;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

bool HasArabic(std::string_view s) {
  // Arabic letters are U+0600–U+06FF: lead bytes D8–DB in UTF-8.
  for (unsigned char c : s) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

class RdfWriter {
 public:
  RdfWriter(std::ostream& out, const std::string& base, bool turtle) : out_(out), base_(base), turtle_(turtle) {}

  void Prefixes() {
    if (!turtle_) return;
    out_ << "@prefix rdf: <" << kRdf << "> .\n@prefix rdfs: <" << kRdfs << "> .\n@prefix xsd: <" << kXsd
         << "> .\n@prefix nasij: <" << base_ << "ontology#> .\n\n";
  }

  std::string Entity(const std::string& key) { return "<" + base_ + "entity/" + IriPart(key) + ">"; }
  std::string RelationIri(const EdgeData& d) {
    return "<" + base_ + "relation/" + IriPart(d.lemma.empty() ? d.relation : d.lemma) + ">";
  }
  std::string StatementIri(const std::string& edge_key) { return "<" + base_ + "statement/" + IriPart(edge_key) + ">"; }
  std::string Vocabulary(const std::string& name) {
    return turtle_ ? "nasij:" + name : "<" + base_ + "ontology#" + name + ">";
  }
  std::string Rdf(const std::string& name) { return turtle_ ? "rdf:" + name : "<" + std::string(kRdf) + name + ">"; }
  std::string Rdfs(const std::string& name) { return turtle_ ? "rdfs:" + name : "<" + std::string(kRdfs) + name + ">"; }
  std::string Typed(const std::string& value, const char* type) {
    return "\"" + value + "\"^^" + (turtle_ ? std::string("xsd:") + type : "<" + std::string(kXsd) + type + ">");
  }

  void Statement(const std::string& s, const std::string& p, const std::string& o) {
    out_ << s << ' ' << p << ' ' << o << " .\n";
  }

 private:
  std::ostream& out_;
  const std::string& base_;
  const bool turtle_;
};

}  // namespace

bool IsIriBase(std::string_view base) {
  const size_t colon = base.find(':');
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(base[0]))) return false;
  for (char c : base.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  for (char c : base) {
    if (static_cast<unsigned char>(c) <= 0x20 || std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return base.size() > colon + 1 && (base.back() == '/' || base.back() == '#');
}

Status WriteRdf(SelectedGraph& graph, const std::string& base, bool turtle, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  RdfWriter w(out, base, turtle);
  w.Prefixes();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    const std::string e = w.Entity(n.id);
    w.Statement(e, w.Rdf("type"), w.Vocabulary("Entity"));
    if (!n.kind.empty()) w.Statement(e, w.Rdf("type"), w.Vocabulary(IriPart(n.kind)));
    if (!n.label.empty()) w.Statement(e, w.Rdfs("label"), Literal(n.label) + (HasArabic(n.label) ? "@ar" : "@en"));
    if (!n.label_en.empty() && n.label_en != n.label) w.Statement(e, w.Rdfs("label"), Literal(n.label_en) + "@en");
    for (const std::string& alias : n.aliases) {
      w.Statement(e, w.Vocabulary("alias"), Literal(alias) + (HasArabic(alias) ? "@ar" : "@en"));
    }
    w.Statement(e, w.Vocabulary("pagerank"), w.Typed(FullPrecision(n.pagerank), "double"));
    w.Statement(e, w.Vocabulary("degree"), w.Typed(std::to_string(n.degree), "integer"));
    w.Statement(e, w.Vocabulary("component"), w.Typed(std::to_string(n.component), "integer"));
  }
  // One resource for each edge's statement, named by the triple's identity.
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    const std::string subject = w.Entity(g[source].id), object = w.Entity(g[target].id);
    const std::string p = w.RelationIri(d);
    const bool stated = !d.negated && (d.modality == "asserted" || d.modality == "reported");
    if (stated) w.Statement(subject, p, object);
    const std::string x = w.StatementIri(d.key);
    w.Statement(x, w.Rdf("type"), w.Rdf("Statement"));
    w.Statement(x, w.Rdf("subject"), subject);
    w.Statement(x, w.Rdf("predicate"), p);
    w.Statement(x, w.Rdf("object"), object);
    w.Statement(x, w.Rdfs("label"), Literal(d.relation) + (HasArabic(d.relation) ? "@ar" : "@en"));
    if (!d.label_en.empty()) w.Statement(p, w.Rdfs("label"), Literal(d.label_en) + "@en");
    w.Statement(x, w.Vocabulary("confidence"), w.Typed(FullPrecision(d.confidence), "double"));
    w.Statement(x, w.Vocabulary("negated"), w.Typed(d.negated ? "true" : "false", "boolean"));
    w.Statement(x, w.Vocabulary("modality"), Literal(d.modality));
    w.Statement(x, w.Vocabulary("sources"), w.Typed(std::to_string(d.sources), "integer"));
    w.Statement(x, w.Vocabulary("document"), Literal(d.first_doc));
    w.Statement(x, w.Vocabulary("sentence"), w.Typed(std::to_string(d.first_sentence), "integer"));
    if (!d.time.empty()) w.Statement(x, w.Vocabulary("time"), Literal(d.time) + (HasArabic(d.time) ? "@ar" : "@en"));
    return out.good();
  });
  if (!s.ok()) return s;
  // And one for each extraction that supports an edge.
  size_t id = 0;
  s = graph.ForEachSource([&](const Provenance& source) {
    const std::string e = "<" + base + "extraction/" + std::to_string(id++) + ">";
    w.Statement(e, w.Rdf("type"), w.Vocabulary("Extraction"));
    w.Statement(e, w.Vocabulary("supports"), w.StatementIri(source.edge_key));
    w.Statement(e, w.Vocabulary("document"), Literal(source.doc));
    w.Statement(e, w.Vocabulary("sentence"), w.Typed(std::to_string(source.sentence), "integer"));
    w.Statement(e, w.Vocabulary("relationText"), Literal(source.relation) + (HasArabic(source.relation) ? "@ar" : "@en"));
    w.Statement(e, w.Vocabulary("confidence"), w.Typed(FullPrecision(source.confidence), "double"));
    w.Statement(e, w.Vocabulary("negated"), w.Typed(source.negated ? "true" : "false", "boolean"));
    w.Statement(e, w.Vocabulary("modality"), Literal(source.modality));
    return out.good();
  });
  if (!s.ok()) return s;
  return out.good() ? Status::OK() : Status::IOError("write failed");
}

}  // namespace nasij
