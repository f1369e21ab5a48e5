# Between — build, test and demo on a fresh Debian/Ubuntu machine with Swift.
#
#   make demo   install what is missing, build, and check, list and digest the example vault
#   make test   install what is missing, build, and run the whole test suite
#
# System libraries come from apt-get (libcmark-dev, libsqlite3-dev) when
# pkg-config can't find them, and the age tools (encryption of private notes in git)
# when they are not on PATH; as root directly, otherwise through sudo. `make test` also
# installs what the test suite runs for real (test-deps).

SWIFT       ?= swift
VAULT       ?= examples/vault
SUDO         = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build release deps test-deps test demo clean bench

all: build

# Installs the C libraries Between links against, and the age tools it runs, only when they are missing.
deps:
	@missing=""; \
	pkg-config --exists libcmark || missing="$$missing libcmark-dev"; \
	pkg-config --exists sqlite3  || missing="$$missing libsqlite3-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v age >/dev/null && command -v age-keygen >/dev/null || missing="$$missing age"; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing pkg-config; \
	fi

# What the test suite runs for real, installed only when missing: Chromium (prints the
# HTML digest to PDF and counts its pages) and vim-tiny (`between new` on a pseudo-terminal
# opens a real terminal editor and types into it).
test-deps:
	@missing=""; \
	command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing="$$missing chromium"; \
	command -v vim.tiny >/dev/null || command -v vim >/dev/null || missing="$$missing vim-tiny"; \
	if [ -n "$$missing" ]; then \
		echo "Installing for the tests:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation are linked into the binary, so it runs where Swift
# is not installed; it needs only the C libraries (libcmark, libsqlite3, libc, libstdc++).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

test: deps test-deps
	@$(PYTHON) -c 'import jsonschema' 2>/dev/null || $(PYTHON) -m pip install --quiet jsonschema || echo "note: jsonschema unavailable; SchemaTests will skip the JSON Schema check"
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The example vault's last session was on 2026-11-17; the demo shows the digest
# prepared the evening before the next one, so it reads the same whatever today is.
demo: build
	@echo "== between check --vault $(VAULT)"
	@$(SWIFT) run --skip-build between check --vault $(VAULT)
	@echo
	@echo "== between list --vault $(VAULT)"
	@$(SWIFT) run --skip-build between list --vault $(VAULT)
	@echo
	@echo "== between digest --vault $(VAULT) --since 2026-11-17 --until 2026-11-26"
	@$(SWIFT) run --skip-build between digest --vault $(VAULT) --since 2026-11-17 --until 2026-11-26

clean:
	rm -rf .build

# Benchmark (bench/README.md): make bench [N=10000] [RUNS=5]
# Release build in its own scratch folder, a generated vault of N files, the libcmark floor
# program, then medians of RUNS runs; prints a table and writes bench/results-N.json.
N    ?= 10000
RUNS ?= 5
PYTHON ?= python3

bench: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-release
	$(PYTHON) bench/generate.py $(N)
	@mkdir -p bench/work
	gcc -O2 -o bench/work/floor bench/floor.c $$(pkg-config --cflags --libs libcmark)
	$(PYTHON) bench/run.py --n $(N) --runs $(RUNS)

# Hardening (fuzz/README.md): make fuzz [FUZZ_SECONDS=60] builds the libFuzzer targets in
# .build-fuzz and runs each for FUZZ_SECONDS; make sanitize runs the test suite under
# AddressSanitizer (.build-asan) and then ThreadSanitizer (.build-tsan).
.PHONY: fuzz sanitize
FUZZ_SECONDS ?= 60

fuzz: deps
	fuzz/run.sh $(FUZZ_SECONDS)

# LeakSanitizer is off for the AddressSanitizer run: on Linux it cannot follow pointers kept in
# Swift enum payloads (spare bits), so it reports values still in use as leaked, and it flags
# leaks inside TOMLKit's toml++ bridge and Foundation's Process that Between cannot fix. Memory
# errors (overflows, use after free) are what this run checks. (The build runs the sanitized
# template-embedding tool, so it needs the setting too.)
sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	BETWEEN_SANITIZER=address ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	BETWEEN_SANITIZER=thread $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan
