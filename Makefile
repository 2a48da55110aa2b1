# The two commands a newcomer needs: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Every install checks each file against the hash in the lock file (requirements*.txt, from `make lock`).
PIP_INSTALL := $(BIN)/pip install --disable-pip-version-check -q --require-hashes

.PHONY: serve test lint build check browser-deps clean bench lock font

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements-test.txt
	touch $@ $(VENV)/.site-deps

## serve: install into .venv and serve the site at http://127.0.0.1:8000
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: strict build into site/
build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

## check: the page checker on docs/
check: $(VENV)/.site-deps
	$(BIN)/python scripts/check_pages.py

## test: install what the tests need and run every check and test (ruff first: a finding fails)
test: lint browser-deps
	$(BIN)/python -m pytest

## lint: ruff's checks (pyproject.toml) on every Python file
lint: $(VENV)/.test-deps
	$(BIN)/ruff check --no-cache .

browser-deps:
	@scripts/tools/ensure_chromium.sh

clean:
	rm -rf site .pytest_cache

$(VENV)/.bench-deps: requirements-bench.txt $(VENV)/.test-deps
	$(PIP_INSTALL) -r requirements-bench.txt
	touch $@

## bench: build times, checker share, reader bytes, Lighthouse, search quality and speed (ours vs stock and
## Pagefind); writes BENCHMARKS.md (about 45 minutes; `make bench BENCH_ARGS=--quick` for one run of each
## and no 1,000-pair corpus)
bench: $(VENV)/.bench-deps browser-deps
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/tools/bench.py $(BENCH_ARGS)

## lock: regenerate requirements*.txt (exact versions, hashes) from requirements*.in, keeping current pins;
## `make lock UPGRADE="--upgrade-package mkdocs-material"` moves one package, UPGRADE=--upgrade all
TOOLS := .venv-tools
# pip-compile (pinned in requirements-tools.txt) reads pip's settings: ignore this machine's (extra
# indexes, local wheel folders) so the lock files name PyPI's own files only.
COMPILE := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null \
	$(TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras

$(TOOLS)/.deps: requirements-tools.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --disable-pip-version-check -q --require-hashes -r requirements-tools.txt
	touch $@

lock: $(TOOLS)/.deps
	$(COMPILE) $(UPGRADE) -o requirements.txt requirements.in
	$(COMPILE) $(UPGRADE) -o requirements-test.txt requirements-test.in
	$(COMPILE) $(UPGRADE) -o requirements-bench.txt requirements-bench.in
	$(COMPILE) -o requirements-tools.txt requirements-tools.in

## font: make the preview images' font subsets (scripts/sitelib/fonts/) from Debian's Noto Sans CJK
## (needs `apt-get install fonts-noto-cjk fonts-noto-cjk-extra`); run it when tests/test_og_font.py asks
font: $(VENV)/.test-deps
	$(BIN)/python scripts/tools/subset_font.py
