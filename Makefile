# valuecalc: `make run` builds and serves the app on http://127.0.0.1:8000,
# `make test` runs every test. Both install what a fresh Debian machine lacks.

GO        ?= go
ADDR      ?= 127.0.0.1:8000
BIN       := bin/valuecalc
WASM      := web/app.wasm
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
GOFILES   := $(shell find . -name '*.go' -not -path './dist/*' -not -path './.cache/*') go.mod go.sum
# The browser build's go.mod: go-app without its server half (net/http,
# crypto/tls: ~340 KB of app.wasm's brotli); internal/wasmoverlay says how.
WASM_MOD  := .cache/wasmoverlay/wasm.mod
EXAMPLES  := $(wildcard examples/*.json)
# A count of executions, not a duration: go1.26's fuzz coordinator can
# fail a target with a bare "context deadline exceeded" when a -fuzztime
# duration ends while a worker is mid-call on a loaded machine
# (golang/go#75804, fixed in Go 1.27); a count has no deadline to race.
FUZZTIME  ?= 20000x
CHROMIUM  ?= /usr/bin/chromium

# The wasm runner copies the whole environment into wasm memory and fails
# over ~8 KB of it, so wasm tests run with a trimmed environment.
WASM_ENV  := env -i PATH="$(PATH)" HOME="$(HOME)" \
	GOCACHE="$(shell $(GO) env GOCACHE)" GOMODCACHE="$(shell $(GO) env GOMODCACHE)" \
	GOPROXY="$(shell $(GO) env GOPROXY)" GOFLAGS="$(shell $(GO) env GOFLAGS)" \
	TMPDIR="$(or $(TMPDIR),/tmp)" GOOS=js GOARCH=wasm

$(WASM_MOD): go.mod go.sum $(wildcard internal/wasmoverlay/*.go internal/wasmoverlay/write/*.go)
	$(GO) run ./internal/wasmoverlay/write $(dir $(WASM_MOD)) >/dev/null

.PHONY: all run build test vet unit wasm-test fuzz-smoke fuzz e2e bench clean chromium

all: build

$(WASM): $(GOFILES) $(EXAMPLES) $(WASM_MOD)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -modfile=$(CURDIR)/$(WASM_MOD) -o $(WASM) ./cmd/valuecalc

$(BIN): $(GOFILES) $(EXAMPLES)
	$(GO) build -trimpath -o $(BIN) ./cmd/valuecalc

## build: the complete static site in dist/
build: $(WASM) $(BIN)
	rm -rf dist
	$(BIN) build -o dist

## run: build and serve on http://127.0.0.1:8000 (BRAND=brand.json TEMPLATES=dir for a branded build)
run: $(WASM) $(BIN)
	$(BIN) serve -addr $(ADDR) $(if $(BRAND),-brand $(BRAND)) $(if $(TEMPLATES),-templates $(TEMPLATES))

## test: vet, unit tests (race), wasm tests under Node, fuzz smoke, browser tests
test: vet unit wasm-test fuzz-smoke e2e

vet: $(WASM_MOD)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet -modfile=$(CURDIR)/$(WASM_MOD) ./cmd/... ./app/... ./calc/... ./examples/...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }

unit:
	$(GO) test -race -count=1 -timeout 20m ./...

wasm-test: $(WASM_MOD)
	@command -v node >/dev/null || { echo "node is required for the wasm tests"; exit 1; }
	$(WASM_ENV) $(GO) test -modfile=$(CURDIR)/$(WASM_MOD) -count=1 -exec="$(WASM_EXEC)" ./calc/... ./app/... ./examples/...

# Each fuzz target runs briefly; `make fuzz FUZZTIME=5000000x` (or a
# duration, such as 5m) runs them longer.
FUZZ_TARGETS := ./calc:FuzzDecode ./calc:FuzzDecodeLink ./calc:FuzzTiming ./app/state:FuzzParseNumber ./app/state:FuzzExportCSV ./app/state:FuzzLoadMessage
fuzz-smoke: fuzz
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name for $(FUZZTIME)"; \
		$(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	done

# The browser tests need Chromium, and python3 for the test that opens a
# share link made outside the app (scripts/make-link.py).
chromium:
	@command -v $(CHROMIUM) >/dev/null || { \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v python3 >/dev/null || { \
		echo "installing python3 for the share link test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-minimal >/dev/null; }

# axe-core, injected by the accessibility test; pinned, installed with npm.
AXE_VERSION := 4.14.1
AXE_JS      := .cache/axe/node_modules/axe-core/axe.min.js
$(AXE_JS):
	@command -v npm >/dev/null || { echo "npm is required for the accessibility test (axe-core)"; exit 1; }
	npm install --prefix .cache/axe --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)

## e2e: the built site in headless Chromium
e2e: chromium $(AXE_JS) $(WASM) $(BIN)
	VALUECALC_BIN="$(CURDIR)/$(BIN)" VALUECALC_WEB="$(CURDIR)/web" CHROMIUM="$(CHROMIUM)" AXE_JS="$(CURDIR)/$(AXE_JS)" \
		$(GO) test -tags e2e -count=1 -timeout 40m ./e2e/...

## bench: valuecalc against a go-app hello world in headless Chromium, the
## engine benchmark, docs/PERFORMANCE.md (timings are never asserted)
bench: chromium $(WASM) $(BIN)
	CHROMIUM="$(CHROMIUM)" $(GO) test -tags perf -run TestPerf -count=1 -timeout 60m -v ./perf/

clean:
	rm -rf dist bin $(WASM)
