// The extract stage: documents in, sentences, entity mentions and
// subject–relation–object triples out. Offsets count Unicode code points of
// the document text.
#ifndef NASIJ_EXTRACT_EXTRACT_H_
#define NASIJ_EXTRACT_EXTRACT_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nasij {

struct Document {
  std::string id;
  std::string text;
  std::string lang;  // "ar", "en", or empty to detect
  std::string title, url, published;
  std::string source, author;  // found in a byline when not given
};

// A slot of a triple, or the entity a mention names.
struct Argument {
  std::string text;      // as written in the sentence
  std::string entity;    // canonical key shared by mentions and triples
  std::string kind;      // PER, LOC, ORG, MISC, or CONCEPT for common nouns
  std::string label_en;  // English label when known
  // A pronoun or demonstrative (he, هو, this) whose antecedent was not
  // found: `entity` is the word itself, not a thing, and graph views leave
  // the triple out unless asked for it.
  bool unresolved = false;
};

struct Relation {
  std::string text;      // as written, with particles and preposition
  std::string lemma;     // dictionary form, e.g. استدعى
  std::string label_en;  // English gloss, e.g. summon
};

enum class Modality { kAsserted, kPossible, kQuestion, kReported, kConditional };
const char* ModalityName(Modality m);
bool ParseModality(std::string_view name, Modality* m);

struct Triple {
  int sentence = 0;
  Argument subject;
  Relation relation;
  Argument object;
  double confidence = 1.0;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::string lang;
  int start = 0, end = 0;  // span of the triple in the document
  // When the sentence says it happened, as written, without a preposition
  // that adds nothing (on, في): "Tuesday", "last week", "منذ الأحد".
  std::string time;
  // The name of the clause pattern that found it (extract/clause/clause.h),
  // which says why it was read so; empty for a triple read from a record.
  std::string_view pattern;
};

struct Mention {
  int sentence = 0;
  Argument entity;  // text as written, canonical key, kind, label
  int start = 0, end = 0;
};

struct Sentence {
  int start = 0, end = 0;
  std::string text;
  std::string lang;
};

// What the gazetteer knows of an entity a document names.
struct KnownEntity {
  std::string label_ar, label_en;
  std::vector<std::string> aliases;  // every name it is known by, both scripts
};

struct Extraction {
  Document document;  // lang filled in when it was detected
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Triple> triples;
  std::map<std::string, KnownEntity> known;  // by entity key, for the entities named
};

class Extractor {
 public:
  // Loads the embedded lexicons; fails only if they are malformed.
  static Result<std::unique_ptr<Extractor>> Create();
  virtual ~Extractor() = default;
  virtual Extraction Extract(const Document& doc) const = 0;
};

// Documents from inputs: .txt files (one document, id = path), .jsonl files
// (one document a line), directories (their .txt and .jsonl files,
// recursively) and "-" for standard input. Each unreadable input or line is
// reported to `skip` with a message naming the file and line, and skipped.
// No document is longer than `max_document_bytes`, so that memory stays
// bounded on any input: a longer text is split at paragraph, line, sentence
// or word breaks into documents "ID#1", "ID#2", … and `note` is told; a
// longer JSON line is skipped, read to its end but not kept.
constexpr size_t kDefaultMaxDocumentBytes = 10 << 20;
struct InputCallbacks {
  std::function<void(Document)> document;
  std::function<void(const std::string& message)> skip;
  std::function<void(const std::string& message)> note;
  size_t max_document_bytes = kDefaultMaxDocumentBytes;
};
void ReadDocuments(const std::vector<std::string>& inputs, const InputCallbacks& callbacks);

// The form in which names are compared: Arabic diacritics and tatweel
// dropped, letter variants folded (أ إ آ → ا, ى → ي, ة → ه), ASCII lowercased.
std::string NormalizeForMatch(std::string_view text);

// The record contract (schemas/record.schema.json): one JSON object a line.
std::string TripleRecord(const std::string& doc, const Triple& t);
std::string MentionRecord(const std::string& doc, const Mention& m);
// Reads a triple record as another tool may write it: only subject, relation
// and object text are required.
struct TripleWithDoc {
  std::string doc;
  Triple triple;
};
Result<TripleWithDoc> ParseTripleRecord(std::string_view line);
// The "doc" of a triple record, read only as far as its first top-level
// "doc": its text, or empty when that is not a string, the line has none or
// is not a JSON object. What follows it is not read, so a record refused
// for a fault past its "doc" is still that document's.
std::string TripleRecordDocument(std::string_view line);

}  // namespace nasij

#endif  // NASIJ_EXTRACT_EXTRACT_H_
