// The record contract of `nasij extract`, described by schemas/record.schema.json.
#include <cmath>
#include <nlohmann/json.hpp>

#include "extract/extract.h"

namespace nasij {

using json = nlohmann::ordered_json;

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kPossible: return "possible";
    case Modality::kQuestion: return "question";
    case Modality::kReported: return "reported";
    case Modality::kConditional: return "conditional";
  }
  return "asserted";
}

bool ParseModality(std::string_view name, Modality* m) {
  for (Modality candidate : {Modality::kAsserted, Modality::kPossible, Modality::kQuestion,
                             Modality::kReported, Modality::kConditional}) {
    if (name == ModalityName(candidate)) {
      *m = candidate;
      return true;
    }
  }
  return false;
}

namespace {

json ArgumentJson(const Argument& a) {
  json j = {{"text", a.text}, {"entity", a.entity}, {"kind", a.kind}};
  if (!a.label_en.empty()) j["label_en"] = a.label_en;
  return j;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string TripleRecord(const std::string& doc, const Triple& t) {
  json relation = {{"text", t.relation.text}, {"lemma", t.relation.lemma}};
  if (!t.relation.label_en.empty()) relation["label_en"] = t.relation.label_en;
  json j = {{"type", "triple"},
            {"doc", doc},
            {"sentence", t.sentence},
            {"subject", ArgumentJson(t.subject)},
            {"relation", relation},
            {"object", ArgumentJson(t.object)},
            {"confidence", std::round(t.confidence * 1000) / 1000},
            {"negated", t.negated},
            {"modality", ModalityName(t.modality)},
            {"lang", t.lang},
            {"span", {t.start, t.end}}};
  return Dump(j);
}

std::string MentionRecord(const std::string& doc, const Mention& m) {
  json j = {{"type", "mention"},   {"doc", doc},           {"sentence", m.sentence},
            {"text", m.entity.text}, {"entity", m.entity.entity}, {"kind", m.entity.kind}};
  if (!m.entity.label_en.empty()) j["label_en"] = m.entity.label_en;
  j["start"] = m.start;
  j["end"] = m.end;
  return Dump(j);
}

namespace {

// A slot given either as a string or as {"text", "entity"?, "kind"?, "label_en"?}.
Status ReadArgument(const json& j, const char* name, Argument* out) {
  auto it = j.find(name);
  if (it == j.end()) return Status::Error(std::string("missing \"") + name + "\"");
  if (it->is_string()) {
    out->text = it->get<std::string>();
  } else if (it->is_object() && it->contains("text") && (*it)["text"].is_string()) {
    out->text = (*it)["text"].get<std::string>();
    for (auto [field, dest] : {std::pair{"entity", &out->entity}, {"kind", &out->kind}, {"label_en", &out->label_en}}) {
      if (it->contains(field) && (*it)[field].is_string()) *dest = (*it)[field].get<std::string>();
    }
  } else {
    return Status::Error(std::string("\"") + name + "\" must be a string or an object with a string \"text\"");
  }
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Error(std::string("\"") + name + "\" is empty");
  }
  return Status::OK();
}

}  // namespace

Result<TripleWithDoc> ParseTripleRecord(std::string_view line) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded()) return Status::Error("not valid JSON");
  if (!j.is_object()) return Status::Error("not a JSON object");
  if (j.contains("type") && j["type"] != "triple") return Status::Error("\"type\" is not \"triple\"");
  TripleWithDoc out;
  Triple& t = out.triple;
  Argument relation;
  for (auto [name, dest] : {std::pair{"subject", &t.subject}, {"relation", &relation}, {"object", &t.object}}) {
    Status s = ReadArgument(j, name, dest);
    if (!s.ok()) return s;
  }
  t.relation.text = relation.text;
  if (j["relation"].is_object()) {
    const json& r = j["relation"];
    if (r.contains("lemma") && r["lemma"].is_string()) t.relation.lemma = r["lemma"];
    if (r.contains("label_en") && r["label_en"].is_string()) t.relation.label_en = r["label_en"];
  }
  if (j.contains("doc")) {
    if (!j["doc"].is_string()) return Status::Error("\"doc\" must be a string");
    out.doc = j["doc"];
  }
  if (j.contains("sentence")) {
    if (!j["sentence"].is_number_integer() || j["sentence"].get<int64_t>() < 0) {
      return Status::Error("\"sentence\" must be a non-negative integer");
    }
    t.sentence = j["sentence"].get<int>();
  }
  if (j.contains("confidence")) {
    if (!j["confidence"].is_number()) return Status::Error("\"confidence\" must be a number");
    t.confidence = j["confidence"].get<double>();
    if (t.confidence < 0 || t.confidence > 1) return Status::Error("\"confidence\" must be between 0 and 1");
  }
  if (j.contains("negated")) {
    if (!j["negated"].is_boolean()) return Status::Error("\"negated\" must be true or false");
    t.negated = j["negated"];
  }
  if (j.contains("modality")) {
    if (!j["modality"].is_string() || !ParseModality(j["modality"].get<std::string>(), &t.modality)) {
      return Status::Error("\"modality\" must be asserted, possible, question, reported or conditional");
    }
  }
  if (j.contains("lang") && j["lang"].is_string()) t.lang = j["lang"];
  if (j.contains("span") && j["span"].is_array() && j["span"].size() == 2 && j["span"][0].is_number_integer() &&
      j["span"][1].is_number_integer()) {
    t.start = j["span"][0];
    t.end = j["span"][1];
  }
  return out;
}

}  // namespace nasij
