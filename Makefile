# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: demo test test-min lint typecheck docs pytest bench fuzz mutation clean

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
	$(MAKE) --no-print-directory test-min

# `make test-min`: the runtime dependencies at their declared minimums (pyproject.toml), each
# pinned by .ci/minimums.py, in a venv of their own; the test extra as it resolves; pytest only (not the
# benchmark smoke test: it measures speed, which the minimums do not change).
MIN_VENV := .venv-min
$(MIN_VENV)/.installed: pyproject.toml .ci/minimums.py
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PYTHON) .ci/minimums.py > $(MIN_VENV)/constraints.txt
	$(MIN_VENV)/bin/python -m pip install --quiet -c $(MIN_VENV)/constraints.txt -e '.[test]'
	touch $@

test-min: $(MIN_VENV)/.installed
	$(MIN_VENV)/bin/python .ci/minimums.py --check
	$(MIN_VENV)/bin/pytest -q tests src README.md --ignore=tests/test_benchmarks_smoke.py

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

# `make fuzz N=100000`: every public surface fed N hostile inputs (docs/reliability.rst).
N ?= 1000
fuzz: $(VENV)/.installed-test
	$(PY) benchmarks/fuzz.py -n $(N) $(ARGS)

$(VENV)/.installed-mutation: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e '.[test,mutation]'
	touch $@ $(VENV)/.installed-core

# `make mutation`: mutmut over the calculators, one module at a time; the score per module.
mutation: $(VENV)/.installed-mutation
	$(PY) benchmarks/mutation.py $(ARGS)

clean:
	rm -rf $(VENV) $(MIN_VENV) docs/_build .mypy_cache .ruff_cache .hypothesis mutants
