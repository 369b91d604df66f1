# Two commands a new machine needs: `make report` and `make test`. Each installs what is
# missing first: Debian libraries, a virtual environment in .venv, and the package itself
# (a plain, non-editable install, so what is tested is what users get).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCES := pyproject.toml $(shell find src templates -type f ! -name '*.pyc' 2>/dev/null)
# Debian Noto fonts for the scripts no PyPI font package covers (CJK; Hebrew in fonts-noto-core).
REPORT_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig \
	fonts-noto-cjk fonts-noto-core
TEST_TOOLS := poppler-utils

.PHONY: report test lint system-report system-test clean

report: system-report $(VENV)/.installed
	$(BIN)/adoptreport build inputs -o out/report.pdf

test: system-test $(VENV)/.installed-dev
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests
	$(BIN)/mypy

system-report:
	@scripts/system-deps.sh $(REPORT_LIBS)

system-test:
	@scripts/system-deps.sh $(REPORT_LIBS) $(TEST_TOOLS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(SOURCES) | $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	$(BIN)/python -m pip install --quiet --no-deps --force-reinstall .
	touch $@

$(VENV)/.installed-dev: $(SOURCES) | $(BIN)/python
	$(BIN)/python -m pip install --quiet ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps --force-reinstall .
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) out build dist
