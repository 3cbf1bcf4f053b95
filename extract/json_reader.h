// A strict JSON reader (RFC 8259, UTF-8 only) for one line of records: the
// whole text is parsed into a flat tree of views. It replaces simdjson,
// which Debian ships only as a shared library: without it the nasij binary
// links statically, and every process, a one-line query as well, starts
// without loading and relocating shared libraries (docs/storage.md).
// Internal to extract/.
#ifndef NASIJ_EXTRACT_JSON_READER_H_
#define NASIJ_EXTRACT_JSON_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nasij::json {

enum class Type : uint8_t { kNull, kFalse, kTrue, kNumber, kString, kArray, kObject };

// A node of the tree. Strings hold their decoded text; numbers their text
// as written (valid by the grammar). A member of an object carries its key.
struct Node {
  Type type = Type::kNull;
  bool integer = false;  // a number without fraction or exponent
  std::string_view text, key;
  uint32_t first = 0;  // the first child (array element, object member); 0 for none
  uint32_t next = 0;   // the next sibling; 0 for none
  uint32_t size = 0;   // children
};

class Document {
 public:
  // False when `input` is not one JSON value (surrounded by whitespace at
  // most) with valid UTF-8 in its strings, or nests deeper than 256. The
  // views of the tree point into `input` and into the document: both must
  // outlive them.
  bool Parse(std::string_view input);

  const Node& root() const { return nodes_[0]; }
  // The first member of an object with this key; nullptr when there is none
  // or `object` is not an object.
  const Node* Member(const Node& object, std::string_view key) const;
  // The element at `index` of an array; nullptr past its end.
  const Node* Element(const Node& array, size_t index) const;

 private:
  bool Value(int depth, uint32_t* index);
  bool String(std::string_view* out);
  bool Number(Node* node);
  void SkipSpace();

  std::string_view in_;
  size_t at_ = 0;
  std::vector<Node> nodes_;
  std::string decoded_;  // escaped strings, decoded; reserved ahead so that views stay valid
};

// The value of a number node as an integer (fails for a fraction, an
// exponent, or past the type's range) or as a double (any number in range).
bool ToInt64(const Node& n, int64_t* out);
bool ToUint64(const Node& n, uint64_t* out);
bool ToDouble(const Node& n, double* out);

}  // namespace nasij::json

#endif  // NASIJ_EXTRACT_JSON_READER_H_
