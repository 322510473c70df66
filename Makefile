# The two set-up commands (see README): `make serve` and `make test`.
# Everything else is what they depend on.
SHELL := /bin/bash
PYTHON ?= $(shell scripts/find-python.sh)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
# The day a build is for, fixed once for all its steps (a build that runs past
# midnight stays one edition); HANDBOOK_AS_OF, a preview, takes precedence.
export HANDBOOK_EDITION_DAY ?= $(shell date +%F)

.PHONY: setup venv node system-deps build serve dev test test-fast bench clean publish draft

# system-deps first: the W3C checker's npm package looks for Java when npm ci installs it.
setup: system-deps venv node

# The calculators package is installed (editable) into the venv as well, so that
# `python -m calculators` works from any directory, not only the project root.
venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-build-isolation --no-deps -e .
	touch $@

node: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian packages the build and the tests use: Chromium (Playwright's own browser
# download does not work offline), nginx with its Brotli module to check
# deploy/nginx.conf (and to serve `make bench`), the free fonts
# the PDF downloads embed (Noto Serif/Sans CJK SC for 仿宋/小标宋/黑体, AR PL UKai for
# 楷体, Liberation for English), WeasyPrint's Pango, poppler-utils (pdftotext, pdfinfo)
# and zbar-tools (zbarimg) for the paper tests, Java for the W3C HTML checker
# (vnu.jar, from npm; tests/test_html_valid.py), and systemd (systemd-analyze) to check the
# daily rebuild's units in deploy/. Installed when any of them is missing.
SYSTEM_PACKAGES := chromium nginx-light libnginx-mod-http-brotli-static fonts-noto-cjk fonts-arphic-ukai \
  fonts-liberation fontconfig libpango-1.0-0 libpangoft2-1.0-0 poppler-utils zbar-tools \
  default-jre-headless systemd
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1 \
	  || ! test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so \
	  || ! command -v java >/dev/null 2>&1 \
	  || ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1 \
	  || ! command -v zbarimg >/dev/null 2>&1 || ! command -v fc-list >/dev/null 2>&1 \
	  || ! command -v systemd-analyze >/dev/null 2>&1 \
	  || ! fc-list | grep -q "Noto Serif CJK SC" || ! fc-list | grep -q "Noto Sans CJK SC" \
	  || ! fc-list | grep -q "AR PL UKai CN" || ! fc-list | grep -q "Liberation Serif" \
	  || ! ldconfig -p | grep -q "libpangoft2-1.0.so.0"; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    $(SYSTEM_PACKAGES); fi

# The static site in site/: MkDocs (both languages), then the text of each
# in-force date after the build date, which the pages show from that day on the
# reader's computer (scripts/build_editions.py: the site built again as of each
# date, its differing pages and files given to site/, site/editions/<date>/), then
# the self-hosted Pyodide with the calculators wheel(s) registered in its lockfile, then the
# memory snapshot of Pyodide with the calculators imported (made in Node with the
# same Pyodide; assets/pyodide/snapshot.json + calculators-<hash>.snapshot), then
# the service worker that caches all of it for offline use (sw.js; it writes the
# offline copy's size into sw-register.js), then the .br and .gz copies of the
# scripts, data and engine that the server sends as they are (scripts/precompress.py,
# after every step that changes those files; cached in .cache/precompress/), and last the
# PDF and Word downloads in site/downloads/ (not precached: 11 MB nobody needs offline).
build: system-deps venv node
	@rm -rf site && mkdir -p build && : > build/build.log
	@echo "正在生成手册（约2至5分钟；详细记录在 build/build.log）… Building the handbook…"
	@$(BIN)/mkdocs build --strict
	@$(BIN)/python scripts/build_editions.py site >> build/build.log
	@$(BIN)/python scripts/build_pyodide.py >> build/build.log
	@node scripts/build_snapshot.mjs site >> build/build.log
	@$(BIN)/python scripts/build_service_worker.py >> build/build.log
	@$(BIN)/python scripts/precompress.py >> build/build.log
	@$(BIN)/python scripts/build_documents.py site >> build/build.log
	@$(BIN)/python scripts/build_summary.py

# The release: refuses to run until the site's address is written in
# source/site.toml, builds, zips site/ into dist/ and says what to copy where.
publish: system-deps venv node
	@$(BIN)/python scripts/publish.py check
	@$(MAKE) --no-print-directory build
	@$(BIN)/python scripts/publish.py finish

# An amendment file from a decision as the office issued it:
#   make draft DECISION=path/to/decision.txt
# writes source/amendments/<in-force date>-<slug>.toml, or lists what it could not read.
draft: venv
	@$(BIN)/python -m calculators.draft "$(DECISION)" --write source/amendments

serve: build
	@echo "Serving the handbook at http://127.0.0.1:$(PORT)/"
	$(BIN)/python scripts/serve.py --port $(PORT) site

# Live preview while editing Markdown (no calculators engine).
dev: venv
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

# Every test, on every core (pytest-xdist; the browser fixtures are per worker).
test: build system-deps
	$(BIN)/python -m pytest -n auto --dist load --durations=25

# Everything but the browser: the quick check while editing (about a minute).
test-fast: build
	$(BIN)/python -m pytest -n auto --dist load --ignore=tests/browser

# Figures against a bare loadPyodide() measured in the same run (median of BENCH_RUNS).
BENCH_RUNS ?= 5
bench: build system-deps
	$(BIN)/python scripts/bench_calculators.py --runs $(BENCH_RUNS)

clean:
	rm -rf site build dist *.egg-info .pytest_cache
