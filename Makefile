# The two commands a newcomer needs: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test lint build check browser-deps clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements-links.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-test.txt
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

## bench: build times, checker share, reader bytes and Lighthouse, ours vs stock; writes BENCHMARKS.md
## (about 20 minutes; `make bench BENCH_ARGS=--quick` for one run of each and no 1,000-pair corpus)
bench: $(VENV)/.test-deps browser-deps
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/tools/bench.py $(BENCH_ARGS)
