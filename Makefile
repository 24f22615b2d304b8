# London Practice Exchange. `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEV_SETTINGS := exchange.settings.dev
TEST_SETTINGS := exchange.settings.test
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves: the demo site, its sitemap and every email link use it too.
DEMO_URL := http://$(HOST):$(PORT)
DEMO_ENV := DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) WAGTAILADMIN_BASE_URL=$(DEMO_URL)
SUPPORTED_PYTHON := 3.11

.DEFAULT_GOAL := help
.PHONY: help install install-dev assets run demo test lint format check clean

help: ## Show this list
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { \
	  echo "The exchange needs Python $(SUPPORTED_PYTHON) (Django 5.2 LTS with Wagtail 8.0); $(PYTHON) is" \
	    "$$($(PYTHON) --version 2>&1). Install python$(SUPPORTED_PYTHON) or run: make PYTHON=/path/to/python$(SUPPORTED_PYTHON) ..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3

# Installs come from the locks: every package of the whole set pinned with its hashes (pip-tools;
# `make lock` after changing requirements*.txt, which name only the direct dependencies).
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	@touch $@

$(VENV)/.installed-dev: requirements.lock requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the runtime dependencies

.PHONY: lock
lock: install-dev ## Re-lock the whole dependency set with hashes after editing requirements*.txt
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header -o requirements.lock requirements.txt
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header -o requirements-dev.lock requirements-dev.txt

# The GOV.UK Frontend build: npm installs the exact versions in package-lock.json, sass compiles
# static/scss/ into static/dist/ (git-ignored). Rebuilt only when the lock or a source changes.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "The page styles need Node.js and npm (Debian: apt-get install nodejs npm)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/dist/.built: node_modules/.installed scripts/build-assets.mjs $(wildcard static/scss/*.scss)
	node scripts/build-assets.mjs
	@touch $@

assets: static/dist/.built ## Compile GOV.UK Frontend and the exchange's styles into static/dist/

install-dev: $(VENV)/.installed-dev ## Install runtime and test dependencies

# Quiet by default: progress bars and a closing summary. V=1 shows every command and log line.
V ?= 0
ifeq ($(V),0)
  Q := @
  SETUP_ENV := $(DEMO_ENV) LOG_LEVEL=WARNING
  SETUP_VERBOSITY := -v0
else
  Q :=
  SETUP_ENV := $(DEMO_ENV)
  SETUP_VERBOSITY := -v1
endif

demo: install assets ## Migrate and load the demo network (idempotent; V=1 for every detail)
	@echo "Preparing the database (db.sqlite3)..."
	$(Q)$(SETUP_ENV) $(BIN)/python manage.py migrate --no-input $(SETUP_VERBOSITY)
	$(Q)$(SETUP_ENV) $(BIN)/python manage.py load_demo
	@echo "Indexing the demo network for search..."
	$(Q)$(SETUP_ENV) $(BIN)/python manage.py update_index $(SETUP_VERBOSITY)
	$(Q)$(SETUP_ENV) $(BIN)/python manage.py create_demo_admin

run: demo ## Serve the demo network on http://127.0.0.1:8000 (SQLite, database search; HOST= and PORT= to change)
	@echo ""
	@echo "The demo network is at $(DEMO_URL)/ (try searching for \"ICPC\"); the admin is at $(DEMO_URL)/admin/."
	@echo "Emails are printed below. Stop with Ctrl+C."
	$(Q)$(DEMO_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install-dev ## ruff (Django and security rule families)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Apply ruff's formatting and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install-dev ## Django system checks and missing-migration check
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python manage.py makemigrations --check --dry-run

test: assets lint check ## The whole suite on SQLite (set DATABASE_URL to use PostgreSQL)
	$(BIN)/python -m pytest

.PHONY: bench
bench: install assets ## Benchmark 1k and 10k synthetic resources (BENCH_FULL=1 adds 50k); table + bench/results.json
	$(BIN)/python -m bench.driver

.PHONY: loadtest
loadtest: install-dev ## 5-minute mixed-traffic load test on gunicorn + PostgreSQL (DATABASE_URL, or a throwaway cluster); bench/loadtest-results.json
	@if [ -n "$$DATABASE_URL" ]; then $(BIN)/python -m bench.loadtest.run; else \
	  url=$$(PG_DB=exchange_load scripts/postgres.sh start) || exit 1; \
	  DATABASE_URL=$$url $(BIN)/python -m bench.loadtest.run; status=$$?; scripts/postgres.sh stop; exit $$status; fi

.PHONY: test-browser
test-browser: install-dev assets ## Only the browser tests (Playwright + Debian's /usr/bin/chromium); screenshots in test-artifacts/
	REQUIRE_BROWSER=1 $(BIN)/python -m pytest -m browser -p no:cacheprovider

.PHONY: test-search
test-search: install-dev ## The search tests against a real Elasticsearch (scripts/elasticsearch.sh), stopped afterwards
	scripts/with-elasticsearch.sh $(BIN)/python -m pytest tests/search -q

.PHONY: smoke
smoke: install assets ## Production smoke: fresh PostgreSQL, README's production steps, gunicorn + db_worker checked as a proxy would
	scripts/smoke.sh

.PHONY: check-deploy audit
check-deploy: install ## Django's deployment checks on the production settings (warnings fail)
	DJANGO_SETTINGS_MODULE=exchange.settings.production ALLOWED_HOSTS=exchange.example \
	WAGTAILADMIN_BASE_URL=https://exchange.example SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

audit: install-dev ## pip-audit of the virtualenv; fails on vulnerabilities that have a fix
	$(BIN)/python scripts/audit_gate.py

.PHONY: backup restore
backup: install ## Back up the database and media into ./site-backups/backup-<time>/ (BACKUP_DIR to change)
	$(BIN)/python manage.py backup --to $(or $(BACKUP_DIR),site-backups)

restore: install ## Restore a backup: make restore BACKUP=site-backups/backup-<time> (replaces current data)
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=site-backups/backup-<time>" >&2; exit 2)
	$(BIN)/python manage.py restore $(BACKUP) --yes

clean: ## Remove the virtualenv, the SQLite database and media
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media static_collected static/dist node_modules .pytest_cache .ruff_cache test-artifacts
