# Set-up and everyday commands. `make demo` and `make test` install everything first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DATASETS := $(SHARED)/datasets
OUT ?= out
WEB := src/eventwire/web

.PHONY: install browser postgres demo test lint eval bench clean

install: browser $(VENV)/.installed

# Debian's chromium, for the browser tests (tests/web) and tools/screenshots.py.
browser:
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

# The dashboard's third-party files (Leaflet, world-atlas, topojson-client), pinned by package-lock.json.
$(WEB)/node_modules/.package-lock.json: $(WEB)/package-lock.json
	npm ci --prefix $(WEB) --no-audit --no-fund

$(VENV)/.installed: pyproject.toml $(WEB)/node_modules/.package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/eventwire demo --db eventwire-demo.db

lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools

# A throwaway PostgreSQL server on 127.0.0.1:54329 for the store tests' PostgreSQL leg.
postgres:
	tools/pg_test_server.sh start

test: lint postgres
	EVENTWIRE_TEST_POSTGRES=postgresql://postgres@127.0.0.1:54329/postgres $(BIN)/pytest

eval: install
	@mkdir -p $(OUT)
	$(BIN)/eventwire eval time $(DATASETS)/time/tbaq.jsonl --predictions $(OUT)/time.jsonl
	$(BIN)/eventwire eval geo $(DATASETS)/geo/lgl.jsonl --predictions $(OUT)/lgl.jsonl
	$(BIN)/eventwire eval geo $(DATASETS)/geo/geovirus.jsonl --predictions $(OUT)/geovirus.jsonl
	$(BIN)/eventwire eval quotes $(DATASETS)/quotes/polnear_dev.jsonl --predictions $(OUT)/quotes.jsonl
	$(BIN)/eventwire eval events $(DATASETS)/events/plover_gsr.jsonl --scheme plover --predictions $(OUT)/events.jsonl
	$(BIN)/eventwire eval cluster $(DATASETS)/cluster/ecbplus_dev.jsonl --predictions $(OUT)/cluster.jsonl
	$(BIN)/eventwire eval similarity $(DATASETS)/similarity/semeval8_train.jsonl --predictions $(OUT)/similarity.jsonl

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/neardup.py --n 10000

clean:
	rm -rf $(VENV) $(OUT) *.egg-info src/*.egg-info eventwire-demo.db*
