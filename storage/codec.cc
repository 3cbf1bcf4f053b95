#include "storage/codec.h"

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

Modality ModalityFrom(const json& j) {
  Modality m = Modality::kAsserted;
  if (j.is_string()) ParseModality(j.get<std::string>(), &m);
  return m;
}

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

std::string EncodeTriple(const TripleRow& t) {
  return Pack({{"r", t.relation.text}, {"l", t.relation.lemma}, {"e", t.relation.label_en}, {"n", t.sources},
               {"c", t.confidence}, {"g", t.negated}, {"m", ModalityName(t.modality)}, {"d", t.first_doc},
               {"s", t.first_sentence}});
}

void DecodeTriple(const std::string& bytes, TripleRow* t) {
  json j = Unpack(bytes);
  if (j.is_discarded()) return;
  t->relation.text = j.value("r", "");
  t->relation.lemma = j.value("l", "");
  t->relation.label_en = j.value("e", "");
  t->sources = j.value("n", int64_t(0));
  t->confidence = j.value("c", 0.0);
  t->negated = j.value("g", false);
  t->modality = ModalityFrom(j.value("m", json()));
  t->first_doc = j.value("d", "");
  t->first_sentence = j.value("s", 0);
}

std::string EncodeExtraction(const Triple& t) {
  return Pack({{"s", t.subject.text}, {"r", t.relation.text}, {"l", t.relation.lemma}, {"e", t.relation.label_en},
               {"o", t.object.text}, {"i", t.sentence}, {"c", t.confidence}, {"g", t.negated},
               {"m", ModalityName(t.modality)}, {"a", t.lang}, {"p", {t.start, t.end}}});
}

void DecodeExtraction(const std::string& bytes, Triple* t) {
  json j = Unpack(bytes);
  if (j.is_discarded()) return;
  t->subject.text = j.value("s", "");
  t->relation.text = j.value("r", "");
  t->relation.lemma = j.value("l", "");
  t->relation.label_en = j.value("e", "");
  t->object.text = j.value("o", "");
  t->sentence = j.value("i", 0);
  t->confidence = j.value("c", 0.0);
  t->negated = j.value("g", false);
  t->modality = ModalityFrom(j.value("m", json()));
  t->lang = j.value("a", "");
  if (j.contains("p") && j["p"].size() == 2) {
    t->start = j["p"][0];
    t->end = j["p"][1];
  }
}

}  // namespace nasij::codec
