# The two set-up commands (see README): `make serve` and `make test`.
# Everything else is what they depend on.
SHELL := /bin/bash
PYTHON ?= $(shell scripts/find-python.sh)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup venv node system-deps build serve dev test test-fast bench clean

setup: venv node system-deps

venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

node: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian packages the tests use: Chromium (Playwright's own browser download does
# not work offline), CJK fonts for readable screenshots, nginx to check deploy/nginx.conf.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-noto-cjk nginx-light; fi

# The static site in site/: MkDocs (both languages), then the self-hosted
# Pyodide with the calculators wheel(s) registered in its lockfile, then the
# memory snapshot of Pyodide with the calculators imported (made in Node with the
# same Pyodide; assets/pyodide/snapshot.json + calculators-<hash>.snapshot), and
# last the service worker that caches all of it for offline use (sw.js).
build: venv node
	rm -rf site
	$(BIN)/mkdocs build --strict
	$(BIN)/python scripts/build_pyodide.py
	node scripts/build_snapshot.mjs site
	$(BIN)/python scripts/build_service_worker.py

serve: build
	@echo "Serving the handbook at http://127.0.0.1:$(PORT)/"
	$(BIN)/python scripts/serve.py --port $(PORT) site

# Live preview while editing Markdown (no calculators engine).
dev: venv
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

test: build system-deps
	$(BIN)/python -m pytest

# Figures against a bare loadPyodide() measured in the same run (median of BENCH_RUNS).
BENCH_RUNS ?= 5
bench: build system-deps
	$(BIN)/python scripts/bench_calculators.py --runs $(BENCH_RUNS)

clean:
	rm -rf site build dist *.egg-info .pytest_cache
