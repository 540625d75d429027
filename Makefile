# Agendum: `make run` serves the app with a worker, `make test` runs every test.
# Both do the whole set-up first: system packages, .venv, var/ and the secret key (settings
# only name them), migrations, static files, the interface's translations (locale/*.po -> .mo).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup sysdeps sysdeps-test var migrate static messages lint format clean

run: sysdeps setup var migrate static messages
	@$(BIN)/python manage.py load_demo
	@config/bin/serve.sh

test: sysdeps-test setup var static messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

sysdeps:
	@config/bin/sysdeps.sh run

sysdeps-test:
	@config/bin/sysdeps.sh test

var: setup
	$(BIN)/python manage.py prepare_var

migrate: setup var
	$(BIN)/python manage.py migrate --no-input -v 0

static: setup
	$(BIN)/python manage.py collectstatic --no-input -v 0

# The catalogs are written in locale/<language>/LC_MESSAGES/django.po; the .mo files Django
# reads are made here, never committed.
messages: setup
	$(BIN)/python manage.py compilemessages --ignore '.venv*' --ignore var --ignore node_modules -v 0

lint: sysdeps setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var/staticfiles
