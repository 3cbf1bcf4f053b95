// The record contract of `nasij extract`, described by schemas/record.schema.json.
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/printable.h"
#include "extract/extract.h"
#include "extract/json_reader.h"

namespace nasij {

using ordered_json = nlohmann::ordered_json;

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

std::string Dump(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

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
    out_ += Dump(ordered_json(value));
    return *this;
  }
  RecordBuilder& OptionalField(std::string_view key, const std::string& value) {
    return value.empty() ? *this : Field(key, value);
  }
  RecordBuilder& ArgumentField(std::string_view key, const Argument& a) {
    Key(key).Open().Field("text", a.text).Field("entity", a.entity).Field("kind", a.kind);
    return OptionalField("label_en", a.label_en).Close();
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
      .Field("span", std::array<int, 2>{t.start, t.end});
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

bool StringAt(const json::Document& d, const json::Node& o, const char* name, std::string* out) {
  const json::Node* v = d.Member(o, name);
  if (!v || v->type != json::Type::kString) return false;
  out->assign(v->text);
  return true;
}

bool IntegerAt(const json::Node* e, int64_t* out) {
  if (!e) return false;
  if (json::ToInt64(*e, out)) return true;
  uint64_t u;
  if (!json::ToUint64(*e, &u)) return false;
  *out = -1;  // past INT64_MAX
  return true;
}

// A slot given either as a string or as {"text", "entity"?, "kind"?, "label_en"?}.
Status ReadArgument(const json::Document& d, const json::Node& j, const char* name, Argument* out) {
  const json::Node* e = d.Member(j, name);
  if (!e) return Status::InvalidArgument(std::string("missing \"") + name + "\"");
  if (e->type == json::Type::kString) {
    out->text = e->text;
  } else if (e->type == json::Type::kObject && StringAt(d, *e, "text", &out->text)) {
    StringAt(d, *e, "entity", &out->entity);
    StringAt(d, *e, "kind", &out->kind);
    StringAt(d, *e, "label_en", &out->label_en);
  } else {
    return Status::InvalidArgument(std::string("\"") + name + "\" must be a string or an object with a string \"text\"");
  }
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument(std::string("\"") + name + "\" is empty");
  }
  return Status::OK();
}

}  // namespace

// A bulk load reads a million of these lines: parsed into a flat tree of
// views (extract/json_reader.h), copied once into the record.
Result<TripleWithDoc> ParseTripleRecord(std::string_view line) {
  thread_local json::Document d;
  if (!d.Parse(line)) return Status::InvalidArgument("not valid JSON");
  const json::Node& j = d.root();
  if (j.type != json::Type::kObject) return Status::InvalidArgument("not a JSON object");
  const json::Node* e = d.Member(j, "type");
  if (e && (e->type != json::Type::kString || e->text != "triple")) {
    return Status::InvalidArgument("\"type\" is not \"triple\"");
  }
  TripleWithDoc out;
  Triple& t = out.triple;
  Argument relation;
  for (auto [name, dest] : {std::pair{"subject", &t.subject}, {"relation", &relation}, {"object", &t.object}}) {
    Status s = ReadArgument(d, j, name, dest);
    if (!s.ok()) return s;
  }
  t.relation.text = relation.text;
  if (const json::Node* r = d.Member(j, "relation"); r && r->type == json::Type::kObject) {
    StringAt(d, *r, "lemma", &t.relation.lemma);
    StringAt(d, *r, "label_en", &t.relation.label_en);
  }
  if (d.Member(j, "doc") && !StringAt(d, j, "doc", &out.doc)) {
    return Status::InvalidArgument("\"doc\" must be a string");
  }
  if ((e = d.Member(j, "sentence"))) {
    int64_t sentence;
    if (!IntegerAt(e, &sentence) || sentence < 0 || sentence > INT32_MAX) {
      return Status::InvalidArgument("\"sentence\" must be a non-negative integer");
    }
    t.sentence = static_cast<int>(sentence);
  }
  if ((e = d.Member(j, "confidence"))) {
    if (!json::ToDouble(*e, &t.confidence)) return Status::InvalidArgument("\"confidence\" must be a number");
    if (t.confidence < 0 || t.confidence > 1) return Status::InvalidArgument("\"confidence\" must be between 0 and 1");
  }
  if ((e = d.Member(j, "negated"))) {
    if (e->type != json::Type::kTrue && e->type != json::Type::kFalse) {
      return Status::InvalidArgument("\"negated\" must be true or false");
    }
    t.negated = e->type == json::Type::kTrue;
  }
  if ((e = d.Member(j, "modality"))) {
    if (e->type != json::Type::kString || !ParseModality(e->text, &t.modality)) {
      return Status::InvalidArgument("\"modality\" must be asserted, possible, question, reported or conditional");
    }
  }
  StringAt(d, j, "lang", &t.lang);
  int64_t start, end;
  if (const json::Node* span = d.Member(j, "span"); span && span->type == json::Type::kArray && span->size == 2 &&
      IntegerAt(d.Element(*span, 0), &start) && IntegerAt(d.Element(*span, 1), &end)) {
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
      {"object", &t.object.kind},         {"object", &t.object.label_en},     {"lang", &t.lang}};
  for (const auto& [name, text] : names) {
    if (HasControl(*text)) return Status::InvalidArgument(std::string("\"") + name + "\" holds a control character");
  }
  return out;
}

std::string TripleRecordDocument(std::string_view line) {
  thread_local json::Document d;
  if (!d.Parse(line) || d.root().type != json::Type::kObject) return "";
  std::string id;
  StringAt(d, d.root(), "doc", &id);
  return id;
}

}  // namespace nasij
