# The two commands of the README, and the setup they share. A fresh machine with
# Python >= 3.11 and make is enough: the virtual environment is made on demand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := build/demo.db
# The seed corpus's deck, kept in decks/. Its times are clamped to a fixed date
# (after the seed article's), so rebuilding it from the same items gives the
# same bytes; tests/test_export_anki.py checks that it does.
SEED_DECK := decks/sahel-states-russia.apkg
SEED_DECK_NAME := quizgen seeds
SEED_DECK_DATE := 1727740800
# The seed's items are asked of a short report whose best question the quality
# model gives about two chances in five, so the default cut keeps none of them.
# The demo keeps those predicted at least 25% likely to be printed unchanged
# (`quizgen generate --threshold`), so that its deck and worksheet show its
# best: the acronym, a statement, the members of the alliance and a count.
DEMO_THRESHOLD := 0.25

.PHONY: demo test lint bench clean

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
	$(BIN)/quizgen --db $(DEMO_DB) generate --threshold $(DEMO_THRESHOLD)
	SOURCE_DATE_EPOCH=$(SEED_DECK_DATE) $(BIN)/quizgen --db $(DEMO_DB) export anki --out $(SEED_DECK) --deck "$(SEED_DECK_NAME)"
	$(BIN)/quizgen --db $(DEMO_DB) export print --versions 2 --seed 1 --out decks/sahel-states-russia-worksheet.pdf
	$(BIN)/quizgen --db $(DEMO_DB) items list
	@echo
	@echo "Study them: $(BIN)/quizgen --db $(DEMO_DB) quiz      (then: $(BIN)/quizgen --db $(DEMO_DB) stats)"

# gift-pegjs, the GIFT parser of the tools teachers use, reads the GIFT exports in
# the suite; npm installs it as tests/js/package-lock.json pins it.
JS_READERS := tests/js/node_modules/.installed

$(JS_READERS): tests/js/package.json tests/js/package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  echo "make test needs Node.js and npm, for the GIFT parser gift-pegjs in tests/js (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --prefix tests/js --no-audit --no-fund
	@touch $@

# The gate first: a lint, format, type or layer failure stops the run before the suite.
test: lint $(JS_READERS)
	$(BIN)/python -m pytest

# Lint, formatting, types and the import contracts of pyproject.toml. Every
# check runs, so one report shows all that fails.
lint: $(VENV)/.installed-test
	@status=0; \
	$(BIN)/ruff check quizgen tests bench || status=1; \
	$(BIN)/ruff format --check quizgen tests bench || status=1; \
	$(BIN)/mypy quizgen || status=1; \
	$(BIN)/lint-imports --no-cache || status=1; \
	exit $$status

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf build .pytest_cache
