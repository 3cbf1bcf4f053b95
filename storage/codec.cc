#include "storage/codec.h"

#include <bit>

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

// Keys are built in place: an ingest builds hundreds of thousands, and the
// sums of temporaries cost more than the writes they make.
std::string Key3(uint32_t a, uint32_t b, uint32_t c) {
  std::string key(12, '\0');
  PutId(a, key.data());
  PutId(b, key.data() + 4);
  PutId(c, key.data() + 8);
  return key;
}

std::string AliasKey(char type, const std::string& normalized, uint32_t id) {
  std::string key;
  key.reserve(normalized.size() + 6);
  key += type;
  key += normalized;
  key += '\0';
  key.resize(key.size() + 4);
  PutId(id, key.data() + key.size() - 4);
  return key;
}

std::string SentenceKey(uint32_t doc_number, uint32_t index) { return Id(doc_number) + Id(index); }

namespace {

// Records are encoded by hand, compactly: varint-prefixed strings, varints,
// doubles as their 8 IEEE 754 bytes, little-endian whatever the machine's
// order, so that a store reads the same on any machine.
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
    const uint64_t bits = std::bit_cast<uint64_t>(d);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>(bits >> (8 * i)));
    return *this;
  }
 private:
  std::string& out_;
};

// Reads what Writer wrote. A read past the end, or a varint longer than 64
// bits, marks the record bad and yields zero or empty; Finish tells.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ == in_.size()) break;
      const uint8_t b = in_[at_++];
      v |= uint64_t(b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
    bad_ = true;
    return 0;
  }
  std::string String() {
    const uint64_t n = Varint();
    if (n > in_.size() - at_) {
      bad_ = true;
      return {};
    }
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  double Double() {
    if (in_.size() - at_ < 8) {
      bad_ = true;
      return 0;
    }
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= uint64_t(uint8_t(in_[at_ + i])) << (8 * i);
    at_ += 8;
    return std::bit_cast<double>(bits);
  }
  // A flag written as a varint 0 or 1; anything else is damage.
  bool Boolean() {
    const uint64_t v = Varint();
    if (v > 1) bad_ = true;
    return v == 1;
  }
  // The length of a list whose items take at least one byte each.
  size_t Count() {
    const uint64_t n = Varint();
    if (n > in_.size() - at_) {
      bad_ = true;
      return 0;
    }
    return n;
  }
  void Fail() { bad_ = true; }
  // OK when every read was whole and nothing is left over.
  Status Finish(const char* record) const {
    if (!bad_ && at_ == in_.size()) return Status::OK();
    return Status::Corruption(std::string("a truncated or damaged ") + record + " record");
  }

 private:
  std::string_view in_;
  size_t at_ = 0;
  bool bad_ = false;
};

// negated, and the modality, in one varint.
uint64_t Flags(bool negated, Modality m) { return (static_cast<uint64_t>(m) << 1) | (negated ? 1 : 0); }
void ReadFlags(Reader& r, bool* negated, Modality* m) {
  const uint64_t f = r.Varint();
  *negated = f & 1;
  const uint64_t modality = f >> 1;
  if (modality > static_cast<uint64_t>(Modality::kConditional)) r.Fail();
  *m = static_cast<Modality>(modality);
}

}  // namespace

std::string EncodeDocument(const DocumentRecord& d) {
  std::string out;
  Writer w(&out);
  w.Varint(d.number).String(d.hash).String(d.meta.dump(-1, ' ', false, json::error_handler_t::replace)).Varint(d.sentences).String(d.extraction_triples);
  w.Varint(d.mentions.size());
  for (const auto& m : d.mentions) w.Varint(m.entity).String(m.kind).Varint(m.count);
  w.Varint(d.triple_entities.size());
  for (const auto& [id, n] : d.triple_entities) w.Varint(id).Varint(n);
  return out;
}

Status DecodeDocument(std::string_view bytes, DocumentRecord* d) {
  Reader r(bytes);
  d->number = r.Varint();
  d->hash = r.String();
  d->meta = json::parse(r.String(), nullptr, false);
  if (d->meta.is_discarded()) r.Fail();
  d->sentences = r.Varint();
  d->extraction_triples = r.String();
  if (d->extraction_triples.size() % 12 != 0) r.Fail();  // s·r·o keys
  d->mentions.resize(r.Count());
  for (auto& m : d->mentions) {
    m.entity = r.Varint();
    m.kind = r.String();
    m.count = r.Varint();
  }
  d->triple_entities.resize(r.Count());
  for (auto& [id, n] : d->triple_entities) {
    id = r.Varint();
    n = r.Varint();
  }
  return r.Finish("document");
}

void EncodeEntity(const EntityRow& e, std::string* out) {
  Writer w(out);
  w.String(e.key).String(e.kind).String(e.label).String(e.label_en).Varint(e.aliases.size());
  for (const std::string& a : e.aliases) w.String(a);
  w.Varint(e.mentions).Varint(e.triples).Varint(e.unresolved ? 1 : 0).Varint(e.mention_kinds.size());
  for (const auto& [kind, n] : e.mention_kinds) w.String(kind).Varint(n);
}

Status DecodeEntity(std::string_view bytes, EntityRow* e) {
  Reader r(bytes);
  e->key = r.String();
  e->kind = r.String();
  e->label = r.String();
  e->label_en = r.String();
  e->aliases.resize(r.Count());
  for (std::string& a : e->aliases) a = r.String();
  e->mentions = r.Varint();
  e->triples = r.Varint();
  e->unresolved = r.Boolean();
  e->mention_kinds.clear();
  for (size_t n = r.Count(); n > 0; --n) {
    std::string kind = r.String();
    e->mention_kinds[std::move(kind)] = r.Varint();
  }
  return r.Finish("entity");
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
      .Varint(t.first_sentence)
      .String(t.time);
}

Status DecodeTriple(std::string_view bytes, TripleRecord* t) {
  Reader r(bytes);
  t->relation.text = r.String();
  t->relation.lemma = r.String();
  t->relation.label_en = r.String();
  t->sources = r.Varint();
  t->confidence = r.Double();
  ReadFlags(r, &t->negated, &t->modality);
  t->first_doc = r.String();
  t->first_sentence = r.Varint();
  t->time = r.String();
  return r.Finish("triple");
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
      .Varint(t.end)
      .String(t.time);
}

Status DecodeExtraction(std::string_view bytes, Triple* t) {
  Reader r(bytes);
  t->subject.text = r.String();
  t->relation.text = r.String();
  t->relation.lemma = r.String();
  t->relation.label_en = r.String();
  t->object.text = r.String();
  t->sentence = r.Varint();
  t->confidence = r.Double();
  ReadFlags(r, &t->negated, &t->modality);
  t->lang = r.String();
  t->start = r.Varint();
  t->end = r.Varint();
  t->time = r.String();
  return r.Finish("extraction");
}

namespace {

void PutArgument(Writer& w, const Argument& a) {
  w.String(a.text).String(a.entity).String(a.kind).String(a.label_en).Varint(a.unresolved ? 1 : 0);
}
void ReadArgument(Reader& r, Argument* a) {
  a->text = r.String();
  a->entity = r.String();
  a->kind = r.String();
  a->label_en = r.String();
  a->unresolved = r.Boolean();
}

}  // namespace

void EncodeDocumentExtraction(const Extraction& e, std::string* out) {
  Writer w(out);
  const Document& d = e.document;
  for (const std::string* field : {&d.id, &d.text, &d.lang, &d.title, &d.url, &d.published, &d.source, &d.author}) {
    w.String(*field);
  }
  w.Varint(e.sentences.size());
  for (const Sentence& s : e.sentences) w.Varint(s.start).Varint(s.end).String(s.text).String(s.lang);
  w.Varint(e.mentions.size());
  for (const Mention& m : e.mentions) {
    w.Varint(m.sentence).Varint(m.start).Varint(m.end);
    PutArgument(w, m.entity);
  }
  w.Varint(e.triples.size());
  for (const Triple& t : e.triples) {
    w.Varint(t.sentence);
    PutArgument(w, t.subject);
    w.String(t.relation.text).String(t.relation.lemma).String(t.relation.label_en);
    PutArgument(w, t.object);
    w.Double(t.confidence).Varint(Flags(t.negated, t.modality)).String(t.lang).Varint(t.start).Varint(t.end);
    w.String(t.time);
  }
  w.Varint(e.known.size());
  for (const auto& [key, k] : e.known) {
    w.String(key).String(k.label_ar).String(k.label_en).Varint(k.aliases.size());
    for (const std::string& a : k.aliases) w.String(a);
  }
}

Status DecodeDocumentExtraction(std::string_view bytes, Extraction* e) {
  Reader r(bytes);
  Document& d = e->document;
  for (std::string* field : {&d.id, &d.text, &d.lang, &d.title, &d.url, &d.published, &d.source, &d.author}) {
    *field = r.String();
  }
  e->sentences.resize(r.Count());
  for (Sentence& s : e->sentences) {
    s.start = r.Varint();
    s.end = r.Varint();
    s.text = r.String();
    s.lang = r.String();
  }
  e->mentions.resize(r.Count());
  for (Mention& m : e->mentions) {
    m.sentence = r.Varint();
    m.start = r.Varint();
    m.end = r.Varint();
    ReadArgument(r, &m.entity);
  }
  e->triples.resize(r.Count());
  for (Triple& t : e->triples) {
    t.sentence = r.Varint();
    ReadArgument(r, &t.subject);
    t.relation.text = r.String();
    t.relation.lemma = r.String();
    t.relation.label_en = r.String();
    ReadArgument(r, &t.object);
    t.confidence = r.Double();
    ReadFlags(r, &t.negated, &t.modality);
    t.lang = r.String();
    t.start = r.Varint();
    t.end = r.Varint();
    t.time = r.String();
  }
  e->known.clear();
  for (size_t n = r.Count(); n > 0; --n) {
    const std::string key = r.String();
    KnownEntity& k = e->known[key];
    k.label_ar = r.String();
    k.label_en = r.String();
    k.aliases.resize(r.Count());
    for (std::string& a : k.aliases) a = r.String();
  }
  return r.Finish("partition entry");
}

}  // namespace nasij::codec
