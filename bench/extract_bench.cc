// Extraction throughput on one core. Text files are repeated into documents
// until they total at least --mb megabytes; a .jsonl file (real news, one
// document a line) is read once, as it is. All are extracted on this thread,
// and the bench prints words per second of wall and of CPU time (words are
// whitespace-separated tokens of the sentences kept).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"

int main(int argc, char** argv) {
  double mb = 10;
  std::vector<std::string> texts, jsonl;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) {
      mb = std::atof(argv[++i]);
      continue;
    }
    if (a.ends_with(".jsonl")) {
      jsonl.push_back(a);
      continue;
    }
    std::ifstream in(a);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in) {
      std::cerr << "extract_bench: cannot read " << a << "\n";
      return 1;
    }
    texts.push_back(ss.str());
  }
  if (texts.empty() && jsonl.empty()) {
    std::cerr << "usage: extract_bench [--mb N] FILE.txt... | FILE.jsonl...\n";
    return 2;
  }
  auto extractor = nasij::Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << "extract_bench: " << extractor.status().message() << "\n";
    return 1;
  }
  std::vector<nasij::Document> docs;
  size_t bytes = 0;
  bool unreadable = false;
  nasij::InputCallbacks read;
  read.document = [&](nasij::Document d) {
    bytes += d.text.size();
    docs.push_back(std::move(d));
  };
  read.skip = [&](const std::string& message) {
    std::cerr << "extract_bench: " << message << "\n";
    unreadable = true;
  };
  nasij::ReadDocuments(jsonl, read);
  if (unreadable) return 1;
  for (size_t i = 0; !texts.empty() && bytes < mb * 1e6; ++i) {
    nasij::Document d;
    d.id = "doc-" + std::to_string(i);
    d.text = texts[i % texts.size()];
    bytes += d.text.size();
    docs.push_back(std::move(d));
  }
  size_t words = 0, sentences = 0, triples = 0, mentions = 0;
  auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (const auto& d : docs) {
    nasij::Extraction e = (*extractor)->Extract(d);
    sentences += e.sentences.size();
    triples += e.triples.size();
    mentions += e.mentions.size();
    for (const auto& s : e.sentences) {
      bool in_word = false;
      for (unsigned char c : s.text) {
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
      }
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu_seconds = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("%.1f MB, %zu documents, %zu sentences, %zu words, %zu triples, %zu mentions in %.2f s\n",
              bytes / 1e6, docs.size(), sentences, words, triples, mentions, seconds);
  std::printf("throughput: %.0f words/s, %.2f MB/s on one core; %.0f words per CPU-second\n", words / seconds,
              bytes / 1e6 / seconds, words / cpu_seconds);
  return 0;
}
