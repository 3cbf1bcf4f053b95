#include "storage/codec.h"

#include <algorithm>
#include <cstring>

namespace nasij::codec {

using json = nlohmann::json;

std::string Id(uint32_t id) {
  return {static_cast<char>(id >> 24), static_cast<char>(id >> 16), static_cast<char>(id >> 8), static_cast<char>(id)};
}

void PutId(uint32_t id, char* out) {
  out[0] = static_cast<char>(id >> 24);
  out[1] = static_cast<char>(id >> 16);
  out[2] = static_cast<char>(id >> 8);
  out[3] = static_cast<char>(id);
}

uint32_t ReadId(std::string_view b, size_t at) {
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

// Records are encoded by hand, compactly: varint-prefixed strings, varints,
// fixed 8-byte doubles.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}
  Writer& Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
    return *this;
  }
  Writer& String(std::string_view s) {
    Varint(s.size());
    out_.append(s);
    return *this;
  }
  Writer& Double(double d) {
    char bytes[sizeof d];
    std::memcpy(bytes, &d, sizeof d);
    out_.append(bytes, sizeof d);
    return *this;
  }
 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
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
    std::string s(in_.substr(at_, n));
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
  std::string_view in_;
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

std::string EncodeDocument(const DocumentRecord& d) {
  std::string out;
  Writer w(&out);
  w.Varint(d.number).String(d.hash).String(d.meta.dump(-1, ' ', false, json::error_handler_t::replace)).Varint(d.sentences).String(d.extraction_triples);
  for (const auto* counts : {&d.mentions, &d.triple_entities}) {
    w.Varint(counts->size());
    for (const auto& [id, n] : *counts) w.Varint(id).Varint(n);
  }
  return out;
}

void DecodeDocument(std::string_view bytes, DocumentRecord* d) {
  Reader r(bytes);
  d->number = r.Varint();
  d->hash = r.String();
  d->meta = json::parse(r.String(), nullptr, false);
  d->sentences = r.Varint();
  d->extraction_triples = r.String();
  for (auto* counts : {&d->mentions, &d->triple_entities}) {
    counts->resize(std::min<uint64_t>(r.Varint(), bytes.size()));
    for (auto& [id, n] : *counts) {
      id = r.Varint();
      n = r.Varint();
    }
  }
}

void EncodeEntity(const EntityRow& e, std::string* out) {
  Writer w(out);
  w.String(e.key).String(e.kind).String(e.label).String(e.label_en).Varint(e.aliases.size());
  for (const std::string& a : e.aliases) w.String(a);
  w.Varint(e.mentions).Varint(e.triples);
}

void DecodeEntity(std::string_view bytes, EntityRow* e) {
  Reader r(bytes);
  e->key = r.String();
  e->kind = r.String();
  e->label = r.String();
  e->label_en = r.String();
  e->aliases.resize(std::min<uint64_t>(r.Varint(), bytes.size()));
  for (std::string& a : e->aliases) a = r.String();
  e->mentions = r.Varint();
  e->triples = r.Varint();
}

void EncodeTriple(const TripleRecord& t, std::string* out) {
  Writer(out)
      .String(t.relation.text)
      .String(t.relation.lemma)
      .String(t.relation.label_en)
      .Varint(t.sources)
      .Double(t.confidence)
      .Varint(Flags(t.negated, t.modality))
      .String(t.first_doc)
      .Varint(t.first_sentence);
}

void DecodeTriple(std::string_view bytes, TripleRecord* t) {
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

void EncodeExtraction(const Triple& t, std::string* out) {
  Writer(out)
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
      .Varint(t.end);
}

void DecodeExtraction(std::string_view bytes, Triple* t) {
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
