# Kyoso: one entry point for every habit. `make run` and `make test` do all set-up on a fresh Debian machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
export DJANGO_SETTINGS_MODULE := kyoso.settings

.PHONY: setup setup-dev secret-key run dev serve migrate data test test-unit test-e2e lint format bench messages clean

setup: $(VENV)/.runtime-installed

$(VENV)/.runtime-installed: requirements.txt
	@PYBIN=$$(scripts/find-python.sh) || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	  echo "creating $(VENV) with $$PYBIN"; rm -rf $(VENV); "$$PYBIN" -m venv $(VENV) || exit 1; fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

setup-dev: $(VENV)/.dev-installed

$(VENV)/.dev-installed: $(VENV)/.runtime-installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# A random SECRET_KEY under var/ (once); SECRET_KEY in the environment takes precedence.
secret-key:
	@scripts/secret-key.sh

migrate: setup secret-key
	$(PY) manage.py migrate --noinput

data: migrate
	$(PY) manage.py load_reference_data
	$(PY) manage.py load_demo_data

# Production-like: granian (WSGI, one blocking thread per worker) + WhiteNoise, DEBUG off unless DEBUG=1.
run: data
	$(PY) manage.py collectstatic --noinput -v 0
	@mkdir -p var/mail
	@echo "Kyoso: http://$(HOST):$(PORT)/  (mail is written to var/mail/)"
	EMAIL_FILE_PATH=$${EMAIL_FILE_PATH:-var/mail} $(VENV)/bin/granian --interface wsgi --blocking-threads 1 \
	  --workers $(WORKERS) --host $(HOST) --port $(PORT) kyoso.wsgi:application

dev: data
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: setup-dev
	scripts/test.sh

test-unit: setup-dev
	$(VENV)/bin/pytest kyoso -q

test-e2e: setup-dev
	scripts/test.sh e2e

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: setup-dev
	scripts/bench.sh

messages: setup-dev
	$(PY) manage.py makemessages -l en -l ja --ignore=.venv --ignore=e2e --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf var/test-* .pytest_cache staticfiles
