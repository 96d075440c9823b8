# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# the team's shared data: next to the checkout, as on the developers' machines
SHARED ?= $(firstword $(wildcard ../shared /work/shared) ../shared)
PUBLISHED ?= 2026-11-20

.PHONY: run test lint install install-test data clean

$(BIN)/rasd: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

install: $(BIN)/rasd

$(VENV)/.test-deps: $(BIN)/rasd
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

install-test: $(VENV)/.test-deps

## run rasd on the sample article that ships with it (embedded gazetteer, no download)
run: install
	$(BIN)/rasd extract src/rasd/data/sample-article.txt --published $(PUBLISHED) --format table

## install everything and run the linters, the type checker and the whole test suite (uses $(SHARED)/data when present)
test: install-test lint
	RASD_SHARED=$(abspath $(SHARED)) $(BIN)/python -m pytest

## ruff and mypy, as configured in pyproject.toml
lint: install-test
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy

## install the gazetteer from the shared data folder into the user data directory
data: install
	$(BIN)/rasd data install --from $(SHARED)/data/gazetteer

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
