// The record contract of `nasij extract`, described by schemas/record.schema.json.
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "common/printable.h"
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

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Records are written field by field, each value by nlohmann's serializer
// (escapes, invalid UTF-8 replaced, number format): building a json object
// per record cost more than extracting the sentence it came from.
class RecordBuilder {
 public:
  RecordBuilder& Open() {
    out_.push_back('{');
    first_ = true;
    return *this;
  }
  RecordBuilder& Close() {
    out_.push_back('}');
    first_ = false;
    return *this;
  }
  RecordBuilder& Key(std::string_view key) {  // keys are ASCII literals
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.append("\"").append(key).append("\":");
    return *this;
  }
  template <typename T>
  RecordBuilder& Field(std::string_view key, const T& value) {
    Key(key);
    out_ += Dump(json(value));
    return *this;
  }
  RecordBuilder& OptionalField(std::string_view key, const std::string& value) {
    return value.empty() ? *this : Field(key, value);
  }
  RecordBuilder& ArgumentField(std::string_view key, const Argument& a) {
    Key(key).Open().Field("text", a.text).Field("entity", a.entity).Field("kind", a.kind);
    OptionalField("label_en", a.label_en);
    if (a.unresolved) Field("unresolved", true);
    return Close();
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool first_ = true;
};

}  // namespace

std::string TripleRecord(const std::string& doc, const Triple& t) {
  RecordBuilder r;
  r.Open().Field("type", "triple").Field("doc", doc).Field("sentence", t.sentence).ArgumentField("subject", t.subject);
  r.Key("relation").Open().Field("text", t.relation.text).Field("lemma", t.relation.lemma);
  r.OptionalField("label_en", t.relation.label_en).Close();
  r.ArgumentField("object", t.object)
      .Field("confidence", std::round(t.confidence * 1000) / 1000)
      .Field("negated", t.negated)
      .Field("modality", ModalityName(t.modality))
      .Field("lang", t.lang)
      .Field("span", std::array<int, 2>{t.start, t.end})
      .OptionalField("time", t.time);
  return r.Close().Take();
}

std::string MentionRecord(const std::string& doc, const Mention& m) {
  RecordBuilder r;
  r.Open().Field("type", "mention").Field("doc", doc).Field("sentence", m.sentence);
  r.Field("text", m.entity.text).Field("entity", m.entity.entity).Field("kind", m.entity.kind);
  r.OptionalField("label_en", m.entity.label_en).Field("start", m.start).Field("end", m.end);
  return r.Close().Take();
}

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

bool StringAt(object o, const char* name, std::string* out) {
  std::string_view v;
  if (o[name].get(v) != simdjson::SUCCESS) return false;
  out->assign(v);
  return true;
}

bool IntegerAt(element e, int64_t* out) {
  if (e.type() == simdjson::dom::element_type::INT64) return e.get(*out) == simdjson::SUCCESS;
  uint64_t u;
  if (e.type() != simdjson::dom::element_type::UINT64 || e.get(u) != simdjson::SUCCESS) return false;
  *out = u > uint64_t(INT64_MAX) ? -1 : int64_t(u);
  return true;
}

// A slot given either as a string or as {"text", "entity"?, "kind"?, "label_en"?}.
Status ReadArgument(object j, const char* name, Argument* out) {
  element e;
  if (j[name].get(e) != simdjson::SUCCESS) return Status::InvalidArgument(std::string("missing \"") + name + "\"");
  std::string_view text;
  object slot;
  if (e.get(text) == simdjson::SUCCESS) {
    out->text = text;
  } else if (e.get(slot) == simdjson::SUCCESS && StringAt(slot, "text", &out->text)) {
    StringAt(slot, "entity", &out->entity);
    StringAt(slot, "kind", &out->kind);
    StringAt(slot, "label_en", &out->label_en);
    element unresolved;
    if (slot["unresolved"].get(unresolved) == simdjson::SUCCESS && unresolved.get(out->unresolved) != simdjson::SUCCESS) {
      return Status::InvalidArgument(std::string("\"") + name + ".unresolved\" must be true or false");
    }
  } else {
    return Status::InvalidArgument(std::string("\"") + name + "\" must be a string or an object with a string \"text\"");
  }
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument(std::string("\"") + name + "\" is empty");
  }
  return Status::OK();
}

}  // namespace

// Parsed with simdjson: a bulk load reads a million of these lines.
Result<TripleWithDoc> ParseTripleRecord(std::string_view line) {
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) return Status::InvalidArgument("not valid JSON");
  object j;
  if (root.get(j) != simdjson::SUCCESS) return Status::InvalidArgument("not a JSON object");
  element e;
  if (j["type"].get(e) == simdjson::SUCCESS) {
    std::string_view type;
    if (e.get(type) != simdjson::SUCCESS || type != "triple") return Status::InvalidArgument("\"type\" is not \"triple\"");
  }
  TripleWithDoc out;
  Triple& t = out.triple;
  Argument relation;
  for (auto [name, dest] : {std::pair{"subject", &t.subject}, {"relation", &relation}, {"object", &t.object}}) {
    Status s = ReadArgument(j, name, dest);
    if (!s.ok()) return s;
  }
  t.relation.text = relation.text;
  object r;
  if (j["relation"].get(r) == simdjson::SUCCESS) {
    StringAt(r, "lemma", &t.relation.lemma);
    StringAt(r, "label_en", &t.relation.label_en);
  }
  if (j["doc"].get(e) == simdjson::SUCCESS && !StringAt(j, "doc", &out.doc)) {
    return Status::InvalidArgument("\"doc\" must be a string");
  }
  if (j["sentence"].get(e) == simdjson::SUCCESS) {
    int64_t sentence;
    if (!IntegerAt(e, &sentence) || sentence < 0 || sentence > INT32_MAX) {
      return Status::InvalidArgument("\"sentence\" must be a non-negative integer");
    }
    t.sentence = static_cast<int>(sentence);
  }
  if (j["confidence"].get(e) == simdjson::SUCCESS) {
    if (!e.is_number() || e.get(t.confidence) != simdjson::SUCCESS) {
      return Status::InvalidArgument("\"confidence\" must be a number");
    }
    if (t.confidence < 0 || t.confidence > 1) return Status::InvalidArgument("\"confidence\" must be between 0 and 1");
  }
  if (j["negated"].get(e) == simdjson::SUCCESS && e.get(t.negated) != simdjson::SUCCESS) {
    return Status::InvalidArgument("\"negated\" must be true or false");
  }
  if (j["modality"].get(e) == simdjson::SUCCESS) {
    std::string_view modality;
    if (e.get(modality) != simdjson::SUCCESS || !ParseModality(modality, &t.modality)) {
      return Status::InvalidArgument("\"modality\" must be asserted, possible, question, reported or conditional");
    }
  }
  StringAt(j, "lang", &t.lang);
  if (j["time"].get(e) == simdjson::SUCCESS && !StringAt(j, "time", &t.time)) {
    return Status::InvalidArgument("\"time\" must be a string");
  }
  simdjson::dom::array span;
  int64_t start, end;
  if (j["span"].get(span) == simdjson::SUCCESS && span.size() == 2 && IntegerAt(span.at(0).value_unsafe(), &start) &&
      IntegerAt(span.at(1).value_unsafe(), &end)) {
    t.start = static_cast<int>(start);
    t.end = static_cast<int>(end);
  }
  // Ids and names are shown and exported as they are: a control character
  // in one would act on the terminal or the reader of the export.
  const std::pair<const char*, const std::string*> names[] = {
      {"doc", &out.doc},
      {"subject", &t.subject.text},       {"subject", &t.subject.entity},     {"subject", &t.subject.kind},
      {"subject", &t.subject.label_en},   {"relation", &t.relation.text},     {"relation", &t.relation.lemma},
      {"relation", &t.relation.label_en}, {"object", &t.object.text},         {"object", &t.object.entity},
      {"object", &t.object.kind},         {"object", &t.object.label_en},     {"lang", &t.lang},
      {"time", &t.time}};
  for (const auto& [name, text] : names) {
    if (HasControl(*text)) return Status::InvalidArgument(std::string("\"") + name + "\" holds a control character");
  }
  return out;
}

std::string TripleRecordDocument(std::string_view line) {
  thread_local simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(line);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object object;
  std::string_view id;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS || doc.get_object().get(object) != simdjson::SUCCESS ||
      object["doc"].get_string().get(id) != simdjson::SUCCESS) {
    return "";
  }
  return std::string(id);
}

}  // namespace nasij
