# The two front doors: `make demo` and `make test`. Both install what is
# missing and build first, so either works alone on a fresh Debian machine.
BUILD ?= build
JOBS ?= $(shell nproc)
MAKEFLAGS += --no-print-directory

.PHONY: deps build demo test test-asan fuzz bench bench-peers bench-startup bench-ingest bench-viewer train-ner train-clusters clean

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Every test under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 NASIJ_BIG_LINE_MB=5 ctest --output-on-failure -j $(JOBS)

# Each libFuzzer target for FUZZ_SECONDS, under ASan and UBSan (clang).
FUZZ_SECONDS ?= 600
fuzz: deps
	@cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DNASIJ_FUZZ=ON -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target extract_fuzz jsonl_fuzz api_fuzz
	@scripts/fuzz build-fuzz $(FUZZ_SECONDS)

bench: build
	@cmake --build $(BUILD) -j $(JOBS) --target benchmarks
	@scripts/bench

# nasij beside SQLite, Kuzu and Oxigraph on 1M triples (BENCH_TRIPLES=20000
# for a quick check); several minutes, never part of `make test`.
# Builds only the two programs it runs, not the tests.
bench-peers: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target nasij peers_bench
	@scripts/bench-peers

# The wall time of `nasij query` / `nasij neighbors` processes on 1M triples
# and on the real-news sample (BENCH_TRIPLES, BENCH_RUNS); never part of `make test`.
bench-startup: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target nasij peers_bench
	@scripts/bench-startup

# The viewer in headless Chromium: time to the first draw of the overview and
# of a 400-node neighbourhood on 3,000 real Arabic articles (../shared/), the
# whole store as one page, and frames per second panning 50,000 generated
# nodes beside Cytoscape.js (BENCH_RUNS; BENCH_BASELINE, an older nasij
# binary measured beside this build); minutes, never part of `make test`.
BENCH_RUNS ?= 3
bench-viewer: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target nasij export_readers
	@NASIJ_READERS=$(BUILD)/tests/readers/node_modules /usr/bin/python3 bench/viewer_bench.py $(BUILD)/nasij --runs $(BENCH_RUNS) \
		$(if $(BENCH_BASELINE),--baseline $(BENCH_BASELINE))

# Text ingest beside extraction on the real-news sample, in turns (BENCH_RUNS,
# BENCH_BASELINE; BENCH_PERF=1 also prints storing's CPU apart); never part
# of `make test`.
bench-ingest: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target nasij
	@scripts/bench-ingest

# The Arabic entity tagger's model and word clusters, from ../shared/ (README:
# "The entity tagger"). A user's build never needs them: both are committed.
train-ner: build
	@scripts/train-ner

train-clusters: build
	@scripts/train-clusters

clean:
	rm -rf $(BUILD) build-asan build-fuzz out nasij.db
