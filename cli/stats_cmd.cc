#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "storage/store.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij stats [--db PATH] [--format text|json]

Counts the store's documents, sentences, triples (distinct subject–relation–
object), extractions (triple occurrences with provenance) and entities, and
its size on disk.
)";

}  // namespace

int Stats(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"format"}}, &error)) return Usage("stats", error);
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  const std::string format = args.Get("format", "text");
  if (format != "text" && format != "json") return Usage("stats", "--format must be text or json");
  auto store = OpenToRead(args);
  if (!store.ok()) return Fail(store.status().message());
  auto st = (*store)->Stats();
  if (!st.ok()) return Fail(st.status().message());
  const std::pair<const char*, int64_t> rows[] = {
      {"documents", st->documents}, {"sentences", st->sentences}, {"triples", st->triples},
      {"extractions", st->extractions}, {"entities", st->entities},
      {"bytes_on_disk", static_cast<int64_t>(st->bytes_on_disk)}};
  if (format == "json") {
    nlohmann::ordered_json j;
    for (auto [name, value] : rows) j[name] = value;
    std::cout << j.dump() << "\n";
  } else {
    for (auto [name, value] : rows) std::cout << name << "\t" << value << "\n";
  }
  return kExitOk;
}

}  // namespace nasij::cli
