# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: demo test lint typecheck docs pytest bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-core: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e '.[test,docs]'
	touch $@ $(VENV)/.installed-core

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $@ $(VENV)/.installed-core

demo: $(VENV)/.installed-core
	$(BIN)/jamsos-pemilu demo $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/mypy
	$(BIN)/pytest -q
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

pytest: $(VENV)/.installed-test
	$(BIN)/pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks docs

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

docs: $(VENV)/.installed-test
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

bench: $(VENV)/.installed-bench
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) docs/_build .mypy_cache .ruff_cache .hypothesis
