// The record contract of `nasij extract`, described by schemas/record.schema.json.
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "common/printable.h"
#include "extract/extract.h"

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

using JsonValue = rapidjson::Value;

bool StringAt(const JsonValue& o, const char* name, std::string* out) {
  auto v = o.FindMember(name);
  if (v == o.MemberEnd() || !v->value.IsString()) return false;
  out->assign(v->value.GetString(), v->value.GetStringLength());
  return true;
}

const JsonValue* MemberOf(const JsonValue& o, const char* name) {
  auto v = o.FindMember(name);
  return v == o.MemberEnd() ? nullptr : &v->value;
}

bool IntegerAt(const JsonValue& e, int64_t* out) {
  if (e.IsInt64()) {
    *out = e.GetInt64();
    return true;
  }
  if (!e.IsUint64()) return false;
  *out = -1;  // past INT64_MAX
  return true;
}

// A slot given either as a string or as {"text", "entity"?, "kind"?,
// "label_en"?, "unresolved"?}.
Status ReadArgument(const JsonValue& j, const char* name, Argument* out) {
  const JsonValue* e = MemberOf(j, name);
  if (!e) return Status::InvalidArgument(std::string("missing \"") + name + "\"");
  if (e->IsString()) {
    out->text.assign(e->GetString(), e->GetStringLength());
  } else if (e->IsObject() && StringAt(*e, "text", &out->text)) {
    StringAt(*e, "entity", &out->entity);
    StringAt(*e, "kind", &out->kind);
    StringAt(*e, "label_en", &out->label_en);
    if (const JsonValue* unresolved = MemberOf(*e, "unresolved")) {
      if (!unresolved->IsBool()) return Status::InvalidArgument(std::string("\"") + name + ".unresolved\" must be true or false");
      out->unresolved = unresolved->GetBool();
    }
  } else {
    return Status::InvalidArgument(std::string("\"") + name + "\" must be a string or an object with a string \"text\"");
  }
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument(std::string("\"") + name + "\" is empty");
  }
  return Status::OK();
}

// One parser a thread. RapidJSON's pool keeps every value a document ever
// allocated, so it is emptied before each line: a bulk load of a million
// lines would otherwise hold them all.
struct LineParser {
  rapidjson::MemoryPoolAllocator<> values;
  rapidjson::Document document{&values};

  // Parses `line` whole, as strict JSON in valid UTF-8; the document is
  // valid until the next call.
  const rapidjson::Document* Parse(std::string_view line) {
    values.Clear();
    document.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
    return document.HasParseError() ? nullptr : &document;
  }
};

}  // namespace

// A bulk load reads a million of these lines: parsed by RapidJSON, a
// header-only library, so that the binary maps no shared library at start.
Result<TripleWithDoc> ParseTripleRecord(std::string_view line) {
  thread_local LineParser parser;
  const rapidjson::Document* d = parser.Parse(line);
  if (!d) return Status::InvalidArgument("not valid JSON");
  if (!d->IsObject()) return Status::InvalidArgument("not a JSON object");
  const JsonValue& j = *d;
  const JsonValue* e = MemberOf(j, "type");
  if (e && (!e->IsString() || std::string_view(e->GetString(), e->GetStringLength()) != "triple")) {
    return Status::InvalidArgument("\"type\" is not \"triple\"");
  }
  TripleWithDoc out;
  Triple& t = out.triple;
  Argument relation;
  for (auto [name, dest] : {std::pair{"subject", &t.subject}, {"relation", &relation}, {"object", &t.object}}) {
    Status s = ReadArgument(j, name, dest);
    if (!s.ok()) return s;
  }
  t.relation.text = relation.text;
  if (const JsonValue* r = MemberOf(j, "relation"); r && r->IsObject()) {
    StringAt(*r, "lemma", &t.relation.lemma);
    StringAt(*r, "label_en", &t.relation.label_en);
  }
  if (MemberOf(j, "doc") && !StringAt(j, "doc", &out.doc)) return Status::InvalidArgument("\"doc\" must be a string");
  if ((e = MemberOf(j, "sentence"))) {
    int64_t sentence;
    if (!IntegerAt(*e, &sentence) || sentence < 0 || sentence > INT32_MAX) {
      return Status::InvalidArgument("\"sentence\" must be a non-negative integer");
    }
    t.sentence = static_cast<int>(sentence);
  }
  if ((e = MemberOf(j, "confidence"))) {
    if (!e->IsNumber()) return Status::InvalidArgument("\"confidence\" must be a number");
    t.confidence = e->GetDouble();
    if (t.confidence < 0 || t.confidence > 1) return Status::InvalidArgument("\"confidence\" must be between 0 and 1");
  }
  if ((e = MemberOf(j, "negated"))) {
    if (!e->IsBool()) return Status::InvalidArgument("\"negated\" must be true or false");
    t.negated = e->GetBool();
  }
  if ((e = MemberOf(j, "modality"))) {
    if (!e->IsString() || !ParseModality(std::string_view(e->GetString(), e->GetStringLength()), &t.modality)) {
      return Status::InvalidArgument("\"modality\" must be asserted, possible, question, reported or conditional");
    }
  }
  StringAt(j, "lang", &t.lang);
  if (MemberOf(j, "time") && !StringAt(j, "time", &t.time)) return Status::InvalidArgument("\"time\" must be a string");
  int64_t start, end;
  if (const JsonValue* span = MemberOf(j, "span"); span && span->IsArray() && span->Size() == 2 &&
      IntegerAt((*span)[0], &start) && IntegerAt((*span)[1], &end)) {
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

namespace {

// Reads a record only as far as its first top-level "doc" (a bulk load's
// first reading of a million lines wants nothing else of them), and keeps
// that member's text if it is a string.
class DocumentFinder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, DocumentFinder> {
 public:
  // Returning false stops the reader: done once "doc"'s value is read.
  bool Default() { return !AtDocument(); }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (!AtDocument()) return true;
    id.assign(text, length);
    return false;
  }
  bool StartObject() {
    if (AtDocument()) return false;
    ++depth_;
    return true;
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    at_document_key_ = depth_ == 1 && std::string_view(text, length) == "doc";
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth_;
    return true;
  }
  // Only an object has a "doc".
  bool StartArray() { return depth_ > 0 && !AtDocument(); }

  std::string id;

 private:
  bool AtDocument() const { return at_document_key_ && depth_ == 1; }
  int depth_ = 0;
  bool at_document_key_ = false;
};

}  // namespace

std::string TripleRecordDocument(std::string_view line) {
  DocumentFinder finder;
  rapidjson::Reader reader;
  rapidjson::MemoryStream bytes(line.data(), line.size());
  reader.Parse<rapidjson::kParseValidateEncodingFlag>(bytes, finder);
  return finder.id;
}

}  // namespace nasij
