#include "cli/api.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "common/numbers.h"
#include "export/export.h"
#include "graph/graph.h"

namespace nasij::cli {

using json = nlohmann::ordered_json;

ApiResponse ApiError(int status, const std::string& message) {
  return {status, "application/json", json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace)};
}

namespace {

constexpr int64_t kMaxLimit = 10000;

ApiResponse Json(const json& j) { return {200, "application/json", j.dump(-1, ' ', false, json::error_handler_t::replace)}; }

std::string Param(const ApiParams& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

// A whole number in [low, high] or the default when absent; false when malformed.
bool NumberParam(const ApiParams& params, const std::string& name, int64_t low, int64_t high, int64_t* value) {
  const std::string text = Param(params, name);
  return text.empty() || ParseWhole(text, low, high, value);
}

bool FractionParam(const ApiParams& params, const std::string& name, double* value) {
  const std::string text = Param(params, name);
  return text.empty() || ParseFraction(text, value);
}

// The document filter that from=, to= and source= give; false, with the
// refusal in `*refused`, when a day is malformed.
bool DocumentFilterParams(const ApiParams& params, DocumentFilter* filter, ApiResponse* refused) {
  filter->from = Param(params, "from");
  filter->to = Param(params, "to");
  filter->source = Param(params, "source");
  for (const std::string* day : {&filter->from, &filter->to}) {
    if (!day->empty() && !IsDay(*day)) {
      *refused = ApiError(400, "from and to must be days written YYYY-MM-DD");
      return false;
    }
  }
  return true;
}

json TripleJson(const TripleRow& t) {
  return {{"id", EdgeKey(t.subject.key, t.relation, t.object.key)},
          {"subject", t.subject.key},        {"subject_label", t.subject.label},
          {"subject_kind", t.subject.kind},  {"object_kind", t.object.kind},
          {"relation", t.relation.text},     {"label_en", t.relation.label_en},
          {"object", t.object.key},          {"object_label", t.object.label},
          {"confidence", t.confidence},      {"negated", t.negated},
          {"modality", ModalityName(t.modality)}, {"sources", t.sources},
          {"doc", t.first_doc},              {"sentence", t.first_sentence},
          {"time", t.time}};
}

ApiResponse QueryApi(Store& store, const ApiParams& params) {
  Pattern p;
  p.subject = Param(params, "subject");
  p.relation = Param(params, "relation");
  p.object = Param(params, "object");
  p.entity = Param(params, "entity");
  p.doc = Param(params, "doc");
  p.lang = Param(params, "lang");
  p.include_negated = Param(params, "include_negated") == "true";
  int64_t limit = 100;
  if (!NumberParam(params, "limit", 1, kMaxLimit, &limit)) return ApiError(400, "limit must be 1 to 10000");
  if (!FractionParam(params, "min_confidence", &p.min_confidence)) return ApiError(400, "min_confidence must be 0 to 1");
  if (!p.lang.empty() && p.lang != "ar" && p.lang != "en") return ApiError(400, "lang must be ar or en");
  DocumentFilter documents;
  ApiResponse refused;
  if (!DocumentFilterParams(params, &documents, &refused)) return refused;
  std::unordered_map<std::string, DocumentMeta> metas;  // by document id: a few documents give most rows
  Status read;
  json rows = json::array();
  Status s = store.Query(p, [&](const ExtractionRow& row) {
    auto known = metas.find(row.doc);
    if (known == metas.end()) {
      auto meta = store.DocumentOf(row.doc);
      if (!meta.ok()) {
        read = meta.status();
        return false;
      }
      known = metas.emplace(row.doc, std::move(*meta)).first;
    }
    const DocumentMeta& doc = known->second;
    if (!documents.Admits(doc)) return true;
    const Triple& t = row.triple;
    json r = {{"subject", t.subject.text},   {"subject_entity", t.subject.entity},
              {"relation", t.relation.text}, {"label_en", t.relation.label_en},
              {"object", t.object.text},     {"object_entity", t.object.entity},
              {"confidence", t.confidence},  {"negated", t.negated},
              {"modality", ModalityName(t.modality)}, {"doc", row.doc},
              {"sentence", t.sentence},      {"sentence_text", row.sentence_text},
              {"time", t.time}};
    for (auto [name, value] : {std::pair{"doc_title", doc.title}, {"doc_url", doc.url},
                               {"doc_source", SourceOf(doc)}, {"doc_published", doc.published}}) {
      if (!value.empty()) r[name] = value;
    }
    rows.push_back(std::move(r));
    return static_cast<int64_t>(rows.size()) < limit;
  });
  if (s.ok()) s = read;
  if (!s.ok()) return ApiError(500, s.message());
  return Json(rows);
}

ApiResponse ExportApi(Store& store, const ApiParams& params, GraphSelection selection) {
  const std::string name = Param(params, "format").empty() ? "json" : Param(params, "format");
  ExportFormat format;
  if (!ParseExportFormat(name, &format) || format == ExportFormat::kCsv) {
    return ApiError(400, "format must be graphml, gexf, json, node-link, dot, ntriples, turtle or html");
  }
  if (!FractionParam(params, "min_confidence", &selection.min_confidence)) {
    return ApiError(400, "min_confidence must be 0 to 1");
  }
  selection.relation = Param(params, "relation");
  selection.doc = Param(params, "doc");
  selection.kind = Param(params, "kind");
  ApiResponse refused;
  if (!DocumentFilterParams(params, &selection.documents, &refused)) return refused;
  auto graph = SelectedGraph::Build(store, selection);
  if (!graph.ok()) return ApiError(404, graph.status().message());
  std::ostringstream out;
  Status s = WriteGraph(**graph, format, ExportOptions(), out);
  if (!s.ok()) return ApiError(500, s.message());
  const char* type = format == ExportFormat::kGraphML || format == ExportFormat::kGexf ? "application/xml"
                     : format == ExportFormat::kHtml  ? "text/html; charset=utf-8"
                     : format == ExportFormat::kDot || format == ExportFormat::kNTriples ||
                             format == ExportFormat::kTurtle
                         ? "text/plain; charset=utf-8"
                         : "application/json";
  return {200, type, out.str()};
}

ApiResponse OverviewApi(Store& store, const ApiParams& params) {
  OverviewLimits limits;
  int64_t nodes = static_cast<int64_t>(limits.nodes), edges = static_cast<int64_t>(limits.edges);
  if (!NumberParam(params, "nodes", 1, kMaxLimit, &nodes)) return ApiError(400, "nodes must be 1 to 10000");
  if (!NumberParam(params, "edges", 0, 10 * kMaxLimit, &edges)) return ApiError(400, "edges must be 0 to 100000");
  limits.nodes = static_cast<size_t>(nodes);
  limits.edges = static_cast<size_t>(edges);
  GraphSelection selection;
  ApiResponse refused;
  if (!DocumentFilterParams(params, &selection.documents, &refused)) return refused;
  auto graph = SelectedGraph::Build(store, selection);
  if (!graph.ok()) return ApiError(500, graph.status().message());
  std::ostringstream out;
  Status s = WriteOverviewJson(**graph, limits, out);
  if (!s.ok()) return ApiError(500, s.message());
  return {200, "application/json", out.str()};
}

ApiResponse EntitiesApi(Store& store, const ApiParams& params) {
  int64_t limit = 100;
  if (!NumberParam(params, "limit", 1, kMaxLimit, &limit)) return ApiError(400, "limit must be 1 to 10000");
  const std::string search = NormalizeForMatch(Param(params, "search")), kind = Param(params, "kind");
  json rows = json::array();
  Status s = store.ForEachEntity([&](const EntityRow& e) {
    if (!kind.empty() && e.kind != kind) return true;
    bool match = search.empty();
    for (const std::string& name : e.aliases) match = match || NormalizeForMatch(name).find(search) != std::string::npos;
    match = match || NormalizeForMatch(e.key).find(search) != std::string::npos ||
            NormalizeForMatch(e.label_en).find(search) != std::string::npos;
    if (match) {
      rows.push_back({{"id", e.key}, {"label", e.label}, {"label_en", e.label_en}, {"kind", e.kind},
                      {"aliases", e.aliases}, {"mentions", e.mentions}, {"triples", e.triples}});
    }
    return static_cast<int64_t>(rows.size()) < limit;
  });
  if (!s.ok()) return ApiError(500, s.message());
  return Json(rows);
}

ApiResponse PathApi(Store& store, const ApiParams& params) {
  int64_t max_hops = 4;
  if (!NumberParam(params, "max_hops", 1, 6, &max_hops)) return ApiError(400, "max_hops must be 1 to 6");
  std::string ends[2];
  for (int i = 0; i < 2; ++i) {
    const std::string name = Param(params, i == 0 ? "from" : "to");
    if (name.empty()) return ApiError(400, "from and to are required");
    auto keys = store.ResolveEntity(name);
    if (!keys.ok()) return ApiError(500, keys.status().message());
    if (keys->empty()) return ApiError(404, "no entity is named " + name);
    ends[i] = keys->front();
  }
  auto path = ShortestPath(store, ends[0], ends[1], static_cast<int>(max_hops));
  if (!path.ok()) return ApiError(500, path.status().message());
  json rows = json::array();  // also when there is no path, or one of length zero
  if (path->has_value()) {
    for (const TripleRow& t : **path) rows.push_back(TripleJson(t));
  }
  return Json(rows);
}

}  // namespace

bool IsHeavyRequest(const std::string& path, const ApiParams& params) {
  int64_t hops = 1;  // read as HandleApi reads it; a malformed value is refused there, and is not heavy
  const bool wide = NumberParam(params, "hops", 1, 3, &hops) && hops > 1;
  return path == "/api/export" || path == "/api/overview" || path == "/api/path" ||
         (path == "/api/neighbors" && wide);
}

ApiResponse HandleApi(Store& store, const std::string& path, const ApiParams& params) {
  if (path != "/api/query" && path != "/api/neighbors" && path != "/api/path" && path != "/api/entities" &&
      path != "/api/export" && path != "/api/overview") {
    return ApiError(404, "no such endpoint: " + path);
  }
  if (path == "/api/query") return QueryApi(store, params);
  if (path == "/api/entities") return EntitiesApi(store, params);
  if (path == "/api/path") return PathApi(store, params);
  if (path == "/api/overview") return OverviewApi(store, params);
  GraphSelection selection;
  if (path == "/api/neighbors") {
    selection.entity = Param(params, "entity");
    if (selection.entity.empty()) return ApiError(400, "entity is required");
    int64_t hops = 1;
    if (!NumberParam(params, "hops", 1, 3, &hops)) return ApiError(400, "hops must be 1 to 3");
    selection.hops = static_cast<int>(hops);
  }
  return ExportApi(store, params, selection);
}

}  // namespace nasij::cli
