# Lumbung: every set-up step a newcomer needs, from a machine with only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export LUMBUNG_DEMO_MODE ?= 1

.PHONY: run install test test-postgres lint format bench browser clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/.installed

## make run: install, migrate, load the Parepare demo and serve it on http://127.0.0.1:$(PORT)/
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/lumbung demo
	$(BIN)/lumbung serve --port $(PORT)

## make test: install what the tests need (Chromium for browser tests when possible) and run them
test: install browser
	$(BIN)/pytest

## Browser tests drive Debian's Chromium; install it when this machine can (root with apt-get).
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "Memasang Chromium untuk uji peramban..."; \
		apt-get install -y -qq chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null); \
	fi
	@[ -x /usr/bin/chromium ] || echo "Catatan: /usr/bin/chromium tidak ada; uji peramban dilewati."

## make test-postgres: the same tests on PostgreSQL (DATABASE_URL, default a local throw-away database)
test-postgres: install browser
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lumbung} $(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy lumbung benchmarks

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make bench: generate the national-scale dataset (once); time pages, imports, exports, PDFs and the index on it
bench: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_exports.py
	$(BIN)/python benchmarks/bench_index.py

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache .mypy_cache .ruff_cache
