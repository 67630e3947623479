# newsfacts — the two commands: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint fuzz bench lock clean help

help:
	@echo "make demo   build the warehouse from the bundled sample corpus (creates .venv on first run)"
	@echo "make test   run every test (lint, unit, end-to-end, notebooks)"
	@echo "make fuzz   run the long fuzz target (10,000 generated inputs per parser)"
	@echo "make bench  extraction speed and memory on the press-release corpus"

# The environment: rebuilt when the lock or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsfacts run --inbox data/sample
	$(BIN)/newsfacts status

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

fuzz: $(STAMP)
	$(BIN)/python -m pytest tests/fuzz --fuzz-examples 10000 -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/newsfacts bench

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -vi '^newsfacts' > requirements.lock

clean:
	rm -rf warehouse target logs tests/output
