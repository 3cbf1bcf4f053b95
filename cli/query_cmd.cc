#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/printable.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij query [--db PATH] [--subject S] [--relation R] [--object O]
                   [--entity E] [--doc ID] [--lang ar|en] [--min-confidence C]
                   [--include-negated] [--include-unresolved] [--limit N]
                   [--format table|jsonl]

Finds stored triples. S, O and E name an entity by any alias or its key, in
Arabic or English, with or without diacritics; R is a relation as written,
its lemma, or its English gloss. --entity matches either side. Negated
triples ("did not ...") are left out unless --include-negated is given, and
so are triples with a pronoun that names no entity found (he, هو) unless
--include-unresolved is.

  --limit N        at most N results (default 50; 0 for all)
  --format table   subject | relation | object, with the source sentence (default)
  --format jsonl   one record a line per extraction, with its provenance
)";

}  // namespace

int Query(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv,
                  {{"help", false}, {"db"}, {"subject"}, {"relation"}, {"object"}, {"entity"}, {"doc"},
                   {"min-confidence"}, {"limit"}, {"format"}, {"lang"}, {"include-negated", false},
                   {"include-unresolved", false}},
                  &error)) {
    return Usage("query", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  const std::string format = args.Get("format", "table");
  if (format != "table" && format != "jsonl") return Usage("query", "--format must be table or jsonl");
  int64_t limit = 50;
  Pattern p;
  if (!WholeFlag(args, "limit", 0, INT64_MAX, &limit, &error) ||
      !FractionFlag(args, "min-confidence", &p.min_confidence, &error)) {
    return Usage("query", error);
  }
  p.subject = args.Get("subject");
  p.relation = args.Get("relation");
  p.object = args.Get("object");
  p.entity = args.Get("entity");
  p.doc = args.Get("doc");
  p.lang = args.Get("lang");
  if (!p.lang.empty() && p.lang != "ar" && p.lang != "en") return Usage("query", "--lang must be ar or en");
  p.include_negated = args.Has("include-negated");
  p.include_unresolved = args.Has("include-unresolved");
  auto store = OpenToRead(args);
  if (!store.ok()) return Fail(store.status().message());
  int64_t n = 0;
  Status s = (*store)->Query(p, [&](const ExtractionRow& row) {
    if (format == "jsonl") {
      std::cout << TripleRecord(row.doc, row.triple) << '\n';
    } else {
      const Triple& t = row.triple;
      std::cout << Printable(t.subject.text) << " | " << Printable(t.relation.text) << " | "
                << Printable(t.object.text);
      if (!t.relation.label_en.empty() || !t.subject.label_en.empty() || !t.object.label_en.empty()) {
        std::cout << "   (" << Printable(t.subject.label_en.empty() ? t.subject.text : t.subject.label_en) << " — "
                  << Printable(t.relation.label_en) << " — "
                  << Printable(t.object.label_en.empty() ? t.object.text : t.object.label_en) << ")";
      }
      if (t.negated) std::cout << "  [negated]";
      if (t.modality != Modality::kAsserted) std::cout << "  [" << ModalityName(t.modality) << "]";
      if (!t.time.empty()) std::cout << "  [time: " << Printable(t.time) << "]";
      std::cout << "\n    " << Printable(row.doc) << " #" << t.sentence << ": " << Printable(row.sentence_text)
                << "\n";
    }
    return limit == 0 || ++n < limit;
  });
  if (!s.ok()) return Fail(s.message());
  return kExitOk;
}

}  // namespace nasij::cli
