// Keys and values of the store. Ids are 4-byte big-endian so that byte order
// is numeric order and a prefix scan answers any bound pattern; values are
// MessagePack. Internal to storage/.
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
uint32_t ReadId(const std::string& bytes, size_t offset);
std::string Key3(uint32_t a, uint32_t b, uint32_t c);
// type ('e' entity, 'r' relation), normalized name, NUL, id.
std::string AliasKey(char type, const std::string& normalized, uint32_t id);
std::string SentenceKey(uint32_t doc_number, uint32_t index);

struct DocumentRecord {
  uint32_t number = 0;
  std::string hash;
  nlohmann::json meta;
  int sentences = 0;
  std::vector<std::string> extractions;  // keys in the extractions family
  std::vector<std::pair<uint32_t, int64_t>> mentions, triple_entities;  // entity id → count
};

std::string EncodeDocument(const DocumentRecord& d);
void DecodeDocument(const std::string& bytes, DocumentRecord* d);
std::string EncodeEntity(const EntityRow& e);
void DecodeEntity(const std::string& bytes, EntityRow* e);
std::string EncodeTriple(const TripleRow& t);  // relation and support, not the entities
void DecodeTriple(const std::string& bytes, TripleRow* t);
std::string EncodeExtraction(const Triple& t);  // slot texts, relation, provenance
void DecodeExtraction(const std::string& bytes, Triple* t);

}  // namespace nasij::codec

#endif  // NASIJ_STORAGE_CODEC_H_
