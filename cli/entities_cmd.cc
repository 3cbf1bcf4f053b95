#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/printable.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij entities [--db PATH] [--kind K] [--search TEXT] [--include-unresolved]
                      [--format table|jsonl]

Lists the store's entities with their mention and triple counts. --kind keeps
one kind (PER, LOC, ORG, MISC, CONCEPT); --search keeps entities with an
alias, key or English label that contains TEXT (letter variants and
diacritics ignored). Pronouns that name no entity found (he, هو) are not
entities and are left out unless --include-unresolved is given.
)";

}  // namespace

int Entities(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"kind"}, {"search"}, {"format"}, {"include-unresolved", false}}, &error)) {
    return Usage("entities", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  const std::string format = args.Get("format", "table");
  if (format != "table" && format != "jsonl") return Usage("entities", "--format must be table or jsonl");
  const std::string kind = args.Get("kind"), search = NormalizeForMatch(args.Get("search"));
  const bool include_unresolved = args.Has("include-unresolved");
  auto store = OpenToRead(args);
  if (!store.ok()) return Fail(store.status().message());
  Status s = (*store)->ForEachEntity([&](const EntityRow& e) {
    if (!kind.empty() && e.kind != kind) return true;
    if (e.unresolved && !include_unresolved) return true;
    if (!search.empty()) {
      bool hit = NormalizeForMatch(e.key).find(search) != std::string::npos ||
                 NormalizeForMatch(e.label_en).find(search) != std::string::npos;
      for (const auto& a : e.aliases) hit = hit || NormalizeForMatch(a).find(search) != std::string::npos;
      if (!hit) return true;
    }
    if (format == "jsonl") {
      nlohmann::ordered_json j = {{"entity", e.key}, {"kind", e.kind},         {"label", e.label},
                                  {"label_en", e.label_en}, {"aliases", e.aliases}, {"mentions", e.mentions},
                                  {"triples", e.triples}};
      if (e.unresolved) j["unresolved"] = true;
      std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else {
      std::cout << Printable(e.kind) << "\t" << Printable(e.label)
                << (e.label_en.empty() ? "" : " / " + Printable(e.label_en)) << "\t" << e.mentions << " mentions\t"
                << e.triples << " triples\t" << Printable(e.key) << (e.unresolved ? "\tunresolved" : "") << "\n";
    }
    return true;
  });
  return s.ok() ? kExitOk : Fail(s.message());
}

}  // namespace nasij::cli
