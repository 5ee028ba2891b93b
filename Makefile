# Little Voices: `make run` serves the site, `make test` runs the tests. Both set up what they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

# The first Python 3.12+ on the PATH, unless PYTHON=... is given.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.14 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 \
	&& { echo $$p; break; }; done)

# Local runs keep their database, media, static files and secret key in var/.
export DJANGO_VAR_DIR ?= $(CURDIR)/var

.PHONY: help install run serve test test-postgres lint format check clean bench loadtest

help:
	@echo "make run    set up, load the starter content and serve at http://127.0.0.1:$(PORT)"
	@echo "make test   set up and run the whole test suite"
	@echo "make lint   ruff lint, format check and import contracts;  make check   Django checks and missing migrations"

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "Little Voices needs Python 3.12 or newer, and none was found on your PATH."; \
		echo "Install Python 3.13 (from python.org, your package manager, e.g. 'apt install python3.13 python3.13-venv'"; \
		echo "or 'brew install python@3.13', or 'pyenv install 3.13'), then run make again,"; \
		echo "or point make at one: make run PYTHON=/path/to/python3.13"; \
		exit 1; \
	fi
	@echo "Setting up $(VENV) with $$($(PYTHON) --version)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

$(DJANGO_VAR_DIR)/secret_key:
	@mkdir -p $(DJANGO_VAR_DIR)
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@echo "Created a local secret key in $@"

run: $(STAMP) $(DJANGO_VAR_DIR)/secret_key
	@export DJANGO_SECRET_KEY="$$(cat $(DJANGO_VAR_DIR)/secret_key)" DJANGO_SECURE=0 \
	&& $(PY) manage.py migrate --noinput \
	&& $(PY) manage.py load_starter_content \
	&& $(PY) manage.py collectstatic --noinput -v0 \
	&& echo "Serving Little Voices at http://127.0.0.1:$(PORT) (Ctrl+C stops it)" \
	&& PORT=$(PORT) exec $(VENV)/bin/gunicorn -c gunicorn.conf.py

# Test tools from npm: axe-core (browser tests) and the Nu HTML Checker (vnu-jar, on Java).
# Without npm those tests are skipped locally (CI installs everything and never skips them).
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: browser and HTML validity tests will be skipped (install Node.js and npm)"; fi

test: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: $(STAMP)
	@mkdir -p $(DJANGO_VAR_DIR)
	DJANGO_DEBUG=1 $(PY) manage.py check
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

# Load test under gunicorn against a trivial view (bench/README.md). Not run by CI: ~6 minutes.
BENCH_ARGS ?= --articles 50,5000 --duration 7
bench: $(STAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

# 50 clients for 30 s on every public page type; fails on any error. CI runs it on both databases.
LOADTEST_ARGS ?=
loadtest: $(STAMP)
	$(PY) bench/loadtest.py $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
