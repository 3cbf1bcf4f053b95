// Keys and values of the store. Ids are 4-byte big-endian so that byte order
// is numeric order and a prefix scan answers any bound pattern; values are
// varint-coded records. Internal to storage/.
#ifndef NASIJ_STORAGE_CODEC_H_
#define NASIJ_STORAGE_CODEC_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "storage/store.h"

namespace nasij::codec {

std::string Id(uint32_t id);
void PutId(uint32_t id, char* out);  // 4 bytes
uint32_t ReadId(std::string_view bytes, size_t offset);
std::string Key3(uint32_t a, uint32_t b, uint32_t c);
// type ('e' entity, 'r' relation), normalized name, NUL, id.
std::string AliasKey(char type, const std::string& normalized, uint32_t id);
std::string SentenceKey(uint32_t doc_number, uint32_t index);

struct DocumentRecord {
  uint32_t number = 0;
  std::string hash;
  nlohmann::json meta;
  int sentences = 0;
  // The s·r·o key (12 bytes) of each extraction, in order: extraction i is
  // stored under s·r·o · number · i.
  std::string extraction_triples;
  // Its mentions by entity and kind, and its triples' arguments by entity.
  struct MentionCount {
    uint32_t entity = 0;
    std::string kind;
    int64_t count = 0;
  };
  std::vector<MentionCount> mentions;
  std::vector<std::pair<uint32_t, int64_t>> triple_entities;  // entity id → count
};

// What a triple's record holds: its relation and its support, not the entities.
struct TripleRecord {
  Relation relation;
  int64_t sources = 0;
  double confidence = 0;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::string first_doc;
  int first_sentence = 0;
  std::string time;  // see TripleRow::time
};

// Decoders return Corruption for a record that is truncated, has bytes left
// over, or holds a field out of range; what they filled in is then garbage.
std::string EncodeDocument(const DocumentRecord& d);
Status DecodeDocument(std::string_view bytes, DocumentRecord* d);
// Encoders append to `out`.
void EncodeEntity(const EntityRow& e, std::string* out);
Status DecodeEntity(std::string_view bytes, EntityRow* e);
void EncodeTriple(const TripleRecord& t, std::string* out);
Status DecodeTriple(std::string_view bytes, TripleRecord* t);
void EncodeExtraction(const Triple& t, std::string* out);  // slot texts, relation, provenance
Status DecodeExtraction(std::string_view bytes, Triple* t);
// A whole document's extraction, entities named by key (a partition result's
// entry): the document with its text, sentences, mentions, triples and what
// the gazetteer knows of the entities named.
void EncodeDocumentExtraction(const Extraction& e, std::string* out);
Status DecodeDocumentExtraction(std::string_view bytes, Extraction* e);

}  // namespace nasij::codec

#endif  // NASIJ_STORAGE_CODEC_H_
