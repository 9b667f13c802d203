# CEN Console. `make run` serves the demo; `make test` runs the whole suite; `make docs` builds the manual. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Where `make run` listens (docs/operating/configuration.md): HOST=0.0.0.0 (or the machine's own address) behind a load
# balancer on another machine. JOBS=0 on every app server but one: that one runs the periodic jobs.
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
JOBS ?= 1
# Request limits, set on purpose (docs/operating/limits.md): the longest request line gunicorn takes (its maximum;
# Django refuses API query strings past API_MAX_QUERY_STRING_LENGTH itself, with the API's JSON error),
# the number of header fields, and the size of one header field.
GUNICORN_LIMITS := --limit-request-line 8190 --limit-request-fields 100 --limit-request-field_size 8190
# gunicorn's control socket is one path per user (~/.gunicorn/gunicorn.ctl) that every gunicorn of that user
# shares, whatever its port: off, as in scripts/bench.py and the tests that start gunicorn.
GUNICORN_CONTROL := --no-control-socket

.PHONY: run check test test-fast node-sdks mutation bench profile install install-dev test-system chromium gettext translations messages lint screenshot docs api-coverage clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files: a second `make run` or `make test` reinstalls only when the requirements changed.
$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

# The translations (docs/using/languages.md): Debian's gettext provides msgfmt and xgettext.
gettext:
	@command -v msgfmt >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null)

# Compile cenconsole/locale/*/LC_MESSAGES/django.po into the .mo files Django reads (not committed).
translations: gettext install
	$(PY) manage.py compilemessages --ignore=$(VENV) -v0

# After adding or changing strings: refresh the zh_Hans catalogue from the code and templates (new
# entries arrive empty, gone ones are dropped), translate the empty and fuzzy ones, then `make test`.
messages: gettext install
	$(PY) manage.py makemessages --locale=zh_Hans --ignore=$(VENV) --ignore=staticfiles --ignore=static \
		--ignore=tests --ignore=scripts --ignore=docs --no-obsolete --add-location=file

# The periodic jobs, beside the server and stopped with it (JOBS=1, the default; docs/operating/past-one-machine.md),
# each bounded in time (`timeout`, then SIGKILL; --foreground keeps it in make's process group, so Ctrl-C
# stops it too), so none holds up the next: once a minute process_subscriptions (expiry, auto-renewal,
# release), end_workshops (workshops past their length, figures kept), then purge_sandboxes (expired
# sandboxes); and on a loop of its own, every 15 s, send_notifications, the one sender of ticket emails
# (requests only write the outbox; it stops after NOTIFICATION_SEND_SECONDS), so a slow mail server delays
# nothing else. JOBS=0: none of them, the server only serves requests.
ifeq ($(JOBS),0)
RUN_JOBS := echo "JOBS=0: no periodic jobs on this server"
else
RUN_JOBS := ( while sleep 60; do timeout --foreground -k 10 600 $(PY) manage.py process_subscriptions >/dev/null || true; \
		timeout --foreground -k 10 300 $(PY) manage.py end_workshops >/dev/null || true; \
		timeout --foreground -k 10 300 $(PY) manage.py purge_sandboxes >/dev/null || true; done ) & jobs=$$!; \
	( while sleep 15; do timeout --foreground -k 10 120 $(PY) manage.py send_notifications >/dev/null || true; done ) & mail=$$!; \
	trap 'kill $$jobs $$mail 2>/dev/null' EXIT INT TERM; \
	timeout --foreground -k 10 600 $(PY) manage.py process_subscriptions
endif

run: translations
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py seed_demo
	$(PY) manage.py collectstatic --noinput -v0
	@echo "CEN Console: http://$(HOST):$(PORT)/"
	@$(RUN_JOBS); \
	$(VENV)/bin/gunicorn cenconsole.wsgi:application --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --timeout 60 $(GUNICORN_LIMITS) $(GUNICORN_CONTROL)

# What the tests need from Debian, on a fresh machine too: Chromium (Playwright's own browser downloads
# do not work here) and fonts for both of the console's languages (Liberation and DejaVu for English, WenQuanYi
# Zen Hei for Chinese), so that pages are measured in real glyphs, not in a fallback's boxes; and nginx, for
# the deployment guide's test (docs/operating/deployment.md: its configuration in front of two app servers).
TEST_SYSTEM_PACKAGES := chromium fonts-liberation fonts-dejavu-core fonts-wqy-zenhei nginx-light
chromium: test-system
test-system:
	@missing=$$(for p in $(TEST_SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "Installing from Debian: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

# Node's SDKs (@alicloud/pop-core, @alicloud/openapi-client) for the Node examples of docs/scripting/sdks.md, which
# tests/api/test_sdk_examples.py runs: `npm ci` into tests/node/node_modules, pinned by its package-lock.json (again only
# when that changes), with Debian's nodejs and npm when npm is missing.
NODE_SDKS := tests/node/node_modules/.package-lock.json
$(NODE_SDKS): tests/node/package.json tests/node/package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null)
	npm ci --prefix tests/node --no-audit --no-fund --silent
	touch $@
node-sdks: $(NODE_SDKS)

# The free checks, in seconds, before any test (docs/developing/testing.md; `.ci/run` runs them first): lint, the
# formatter's verdict (nothing is rewritten), the layers, no model change without its migration, and the docs
# site with --strict when there is one (built into a scratch folder).
check: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	@# not --quiet: it hides the warnings --strict counts
	@if [ -f mkdocs.yml ]; then site=$$(mktemp -d); NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict \
		--site-dir "$$site" 2>&1 | grep -v '^INFO' ; status=$${PIPESTATUS[0]}; rm -rf "$$site"; exit $$status; fi

# On all cores (pytest-xdist; each worker its own test database and live server, each server a test starts its
# own free port): tests that must not overlap share an xdist_group and run in one worker. `make test` runs the
# whole suite so; the quick loop leaves out the browser (e2e) and slow tests. PYTEST_ARGS="-n 0 ..." runs serially.
XDIST := -n auto --dist loadgroup
test-fast: install-dev translations
	@$(MAKE) --no-print-directory node-sdks || echo "Node's SDKs could not be installed (make node-sdks): the Node examples will be skipped."
	$(PY) -m pytest $(XDIST) -m "not e2e and not slow" $(PYTEST_ARGS)

test: install-dev translations
	@# Browser tests need Debian's Chromium and the fonts above, the deployment test nginx: installed here when
	@# missing. If that cannot be done, they are skipped, except with CI set, where the run fails instead.
	@$(MAKE) --no-print-directory test-system || { [ -z "$$CI" ] && \
		echo "Chromium, its fonts or nginx could not be installed (make test-system): their tests will be skipped."; }
	@$(MAKE) --no-print-directory node-sdks || { [ -z "$$CI" ] && \
		echo "Node's SDKs could not be installed (make node-sdks): the Node examples will be skipped."; }
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

# Mutation testing (outside `make test`; minutes to an hour): mutmut mutates the money, ticket, signature, quota
# and workshop modules ([tool.mutmut] in pyproject.toml) and runs the tests that reach each mutant. Results stay
# in mutants/ (a second run resumes); `make mutation MUTANTS='cenconsole.bandwidth.pricing*'` runs a part. It
# prints the score and the surviving mutants; `.venv/bin/mutmut show NAME` shows one.
MUTMUT := mutmut==3.8.1
mutation: install-dev translations
	@$(VENV)/bin/python -c "import mutmut" 2>/dev/null || $(PY) -m pip install --quiet "$(MUTMUT)"
	$(VENV)/bin/mutmut run --max-children $$(nproc) $(MUTANTS) >/dev/null || true
	$(PY) scripts/mutation_score.py

# Benchmark (wrk from Debian's packages): see scripts/bench.py and docs/developing/performance.md.
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(PY) scripts/bench.py $(BENCH_ARGS)

# In-process profile of every page (CPU ms a request, queries), on a quiet machine or not: scripts/profile.py and
# docs/developing/performance.md. PROFILE_ARGS="--cprofile cen-packages" prints one page's top functions.
profile: install translations
	$(PY) scripts/profile.py $(PROFILE_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

screenshot: install-dev
	$(PY) scripts/screenshot.py

# The manual: docs/ (mkdocs.yml) built into site/ with MkDocs and the Material theme; --strict fails on a broken
# link or a page missing from the nav (not --quiet: it hides the warnings --strict counts).
docs: install-dev
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --site-dir site

# The API coverage table of docs/scripting/coverage.md, written from `manage.py api_coverage` (the code).
api-coverage: install-dev
	$(PY) scripts/api_coverage_page.py

clean:
	rm -rf staticfiles .pytest_cache site tests/node/node_modules
	find cenconsole/locale -name '*.mo' -delete
