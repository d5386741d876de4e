# The two commands of the README, and the setup they share. A fresh machine with
# Python >= 3.11 and make is enough: the virtual environment is made on demand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := build/demo.db

.PHONY: demo test bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "quizgen needs Python >= 3.11; set PYTHON=python3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

# One stamp per set of extras, redone when pyproject.toml changes.
$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	@touch $@

demo: $(VENV)/.installed-demo
	@mkdir -p build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/quizgen --db $(DEMO_DB) add seeds/
	$(BIN)/quizgen --db $(DEMO_DB) generate
	$(BIN)/quizgen --db $(DEMO_DB) items list
	@echo
	@echo "Study them: $(BIN)/quizgen --db $(DEMO_DB) quiz      (then: $(BIN)/quizgen --db $(DEMO_DB) stats)"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf build .pytest_cache
