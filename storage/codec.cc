#include "storage/codec.h"

#include <algorithm>
#include <cstring>

namespace nasij::codec {

using json = nlohmann::json;

std::string Id(uint32_t id) {
  return {static_cast<char>(id >> 24), static_cast<char>(id >> 16), static_cast<char>(id >> 8), static_cast<char>(id)};
}

uint32_t ReadId(const std::string& b, size_t at) {
  if (b.size() < at + 4) return 0;
  return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) |
         (uint32_t(uint8_t(b[at + 2])) << 8) | uint32_t(uint8_t(b[at + 3]));
}

std::string Key3(uint32_t a, uint32_t b, uint32_t c) { return Id(a) + Id(b) + Id(c); }

std::string AliasKey(char type, const std::string& normalized, uint32_t id) {
  return std::string(1, type) + normalized + std::string(1, '\0') + Id(id);
}

std::string SentenceKey(uint32_t doc_number, uint32_t index) { return Id(doc_number) + Id(index); }

namespace {

std::string Pack(const json& j) {
  std::vector<uint8_t> bytes = json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

json Unpack(const std::string& bytes) { return json::from_msgpack(bytes, true, false); }

}  // namespace

std::string EncodeDocument(const DocumentRecord& d) {
  return Pack({{"n", d.number}, {"h", d.hash}, {"m", d.meta}, {"s", d.sentences}, {"x", d.extractions},
               {"em", d.mentions}, {"et", d.triple_entities}});
}

void DecodeDocument(const std::string& bytes, DocumentRecord* d) {
  json j = Unpack(bytes);
  if (j.is_discarded()) return;
  d->number = j.value("n", 0u);
  d->hash = j.value("h", "");
  d->meta = j.value("m", json::object());
  d->sentences = j.value("s", 0);
  d->extractions = j.value("x", std::vector<std::string>());
  d->mentions = j.value("em", decltype(d->mentions)());
  d->triple_entities = j.value("et", decltype(d->triple_entities)());
}

std::string EncodeEntity(const EntityRow& e) {
  return Pack({{"k", e.key}, {"t", e.kind}, {"l", e.label}, {"le", e.label_en}, {"a", e.aliases},
               {"m", e.mentions}, {"x", e.triples}});
}

void DecodeEntity(const std::string& bytes, EntityRow* e) {
  json j = Unpack(bytes);
  if (j.is_discarded()) return;
  e->key = j.value("k", "");
  e->kind = j.value("t", "");
  e->label = j.value("l", "");
  e->label_en = j.value("le", "");
  e->aliases = j.value("a", std::vector<std::string>());
  e->mentions = j.value("m", int64_t(0));
  e->triples = j.value("x", int64_t(0));
}

namespace {

// Triple and extraction records are the most numerous values, so they get a
// compact hand-written encoding: varint-prefixed strings, fixed doubles.
class Writer {
 public:
  Writer& Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
    return *this;
  }
  Writer& String(const std::string& s) {
    Varint(s.size());
    out_ += s;
    return *this;
  }
  Writer& Double(double d) {
    char bytes[sizeof d];
    std::memcpy(bytes, &d, sizeof d);
    out_.append(bytes, sizeof d);
    return *this;
  }
  std::string Done() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(const std::string& in) : in_(in) {}
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; at_ < in_.size() && shift < 64; shift += 7) {
      const uint8_t b = in_[at_++];
      v |= uint64_t(b & 0x7F) << shift;
      if (b < 0x80) break;
    }
    return v;
  }
  std::string String() {
    const uint64_t n = std::min<uint64_t>(Varint(), in_.size() - at_);
    std::string s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  double Double() {
    double d = 0;
    if (at_ + sizeof d <= in_.size()) std::memcpy(&d, in_.data() + at_, sizeof d);
    at_ += sizeof d;
    return d;
  }

 private:
  const std::string& in_;
  size_t at_ = 0;
};

// negated, and the modality, in one varint.
uint64_t Flags(bool negated, Modality m) { return (static_cast<uint64_t>(m) << 1) | (negated ? 1 : 0); }
void ReadFlags(uint64_t f, bool* negated, Modality* m) {
  *negated = f & 1;
  const uint64_t modality = f >> 1;
  *m = modality <= static_cast<uint64_t>(Modality::kConditional) ? static_cast<Modality>(modality) : Modality::kAsserted;
}

}  // namespace

std::string EncodeTriple(const TripleRow& t) {
  return Writer()
      .String(t.relation.text)
      .String(t.relation.lemma)
      .String(t.relation.label_en)
      .Varint(t.sources)
      .Double(t.confidence)
      .Varint(Flags(t.negated, t.modality))
      .String(t.first_doc)
      .Varint(t.first_sentence)
      .Done();
}

void DecodeTriple(const std::string& bytes, TripleRow* t) {
  Reader r(bytes);
  t->relation.text = r.String();
  t->relation.lemma = r.String();
  t->relation.label_en = r.String();
  t->sources = r.Varint();
  t->confidence = r.Double();
  ReadFlags(r.Varint(), &t->negated, &t->modality);
  t->first_doc = r.String();
  t->first_sentence = r.Varint();
}

std::string EncodeExtraction(const Triple& t) {
  return Writer()
      .String(t.subject.text)
      .String(t.relation.text)
      .String(t.relation.lemma)
      .String(t.relation.label_en)
      .String(t.object.text)
      .Varint(t.sentence)
      .Double(t.confidence)
      .Varint(Flags(t.negated, t.modality))
      .String(t.lang)
      .Varint(t.start)
      .Varint(t.end)
      .Done();
}

void DecodeExtraction(const std::string& bytes, Triple* t) {
  Reader r(bytes);
  t->subject.text = r.String();
  t->relation.text = r.String();
  t->relation.lemma = r.String();
  t->relation.label_en = r.String();
  t->object.text = r.String();
  t->sentence = r.Varint();
  t->confidence = r.Double();
  ReadFlags(r.Varint(), &t->negated, &t->modality);
  t->lang = r.String();
  t->start = r.Varint();
  t->end = r.Varint();
}

}  // namespace nasij::codec
