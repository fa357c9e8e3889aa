"""Scrapy settings for newscrawl.

Every project setting is prefixed ``NEWSCRAWL_`` and can be overridden on the
command line with ``-s NAME=VALUE`` as usual.
"""

from __future__ import annotations

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"
COMMANDS_MODULE = "newscrawl.commands"

# --- newscrawl ---------------------------------------------------------------
NEWSCRAWL_DB = "data/news.db"  # SQLite database the store pipeline writes
NEWSCRAWL_SITES_DIR = ""  # folder of site definitions; empty = the bundled newscrawl/sites
NEWSCRAWL_CONTACT_URL = "https://github.com/newscrawl/newscrawl"
NEWSCRAWL_MIN_WORDS = 60  # articles with fewer words in the clean text are dropped
NEWSCRAWL_ENTITIES_ENABLED = True  # set False to skip named-entity tagging
NEWSCRAWL_TICKERS_FILE = ""  # SEC company_tickers_exchange.json for ticker links; empty: pytickersymbols
NEWSCRAWL_SECTION_DEPTH = 2  # how many section/listing pages deep the spider follows
NEWSCRAWL_DEBUG_CLEAN = False  # log every paragraph the cleaner removes, and why
# worker processes for extract, language and entities (pipelines/pool.py); None: one per CPU, 0: inline
NEWSCRAWL_STAGE_WORKERS: int | None = None
# pages downloaded, not yet through the pipelines, before requests wait (pool.StageBackpressure);
# empty: 4 per worker
NEWSCRAWL_STAGE_BACKLOG: int | None = None

# --- Scrapy ------------------------------------------------------------------
USER_AGENT = f"newscrawl/0.1 (+{NEWSCRAWL_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# items of ONE response processed in parallel; Scrapy starts this many tasks per response, and an article
# page yields one item (items of different responses run concurrently anyway: the stage pool stays fed)
CONCURRENT_ITEMS = 8
DOWNLOAD_DELAY = 0.25
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_TIMES = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy 2.19's code-executing HTTP control endpoint: never on
LOGSTATS_INTERVAL = 15.0
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {
    "pipelines.item_pipelines.ExtractPipeline": 100,
    "pipelines.item_pipelines.CleanPipeline": 200,
    "pipelines.item_pipelines.LanguagePipeline": 300,
    "pipelines.item_pipelines.EntitiesPipeline": 400,
    "pipelines.item_pipelines.StorePipeline": 500,
}
LOG_FORMATTER = "newscrawl.logformatter.NewsLogFormatter"
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"

# --- faults, politeness and incremental crawling (newscrawl/middlewares.py, newscrawl/errors.py) -----
NEWSCRAWL_MAX_RETRY_AFTER = 60.0  # longest Retry-After (429/503) waited before a retry, seconds
NEWSCRAWL_RETRY_BACKOFF = 1.0  # first retry waits this long, then twice as long each time ...
NEWSCRAWL_RETRY_BACKOFF_MAX = 30.0  # ... up to this many seconds
NEWSCRAWL_MAX_SITEMAPS = 1000  # child sitemaps followed per run (huge or endless sitemap indexes)
NEWSCRAWL_CONDITIONAL_GET = True  # If-None-Match / If-Modified-Since for pages fetched in earlier runs
NEWSCRAWL_RECHECK_HOURS = 24.0  # a page whose sitemap lastmod is unchanged is re-fetched after this long
DOWNLOADER_MIDDLEWARES = {
    "pipelines.pool.StageBackpressure": 50,  # first: requests wait before anything else handles them
    "newscrawl.middlewares.RetryAfterMiddleware": 560,  # process_response runs before RetryMiddleware (550)
    "newscrawl.middlewares.ConditionalGetMiddleware": 570,
    "newscrawl.middlewares.RedirectLoopMiddleware": 610,  # before RedirectMiddleware (600)
}

# --- cluster and WARC archive (newscrawl/cluster.py, newscrawl/writer.py, newscrawl/warc.py) -----------
NEWSCRAWL_REDIS_URL = "redis://127.0.0.1:6379/0"  # shared frontier, duplicate filter and item list
NEWSCRAWL_CLUSTER_IDLE_CLOSE = 10.0  # a news_cluster worker exits after the frontier is empty this long
NEWSCRAWL_WARC_DIR = ""  # write every response to gzip WARC files in this folder; empty = off
NEWSCRAWL_WARC_MAX_MB = 100  # start a new WARC file once the current one is this large
EXTENSIONS = {"newscrawl.warc.WarcArchive": 500}
ITEM_PIPELINES = {**ITEM_PIPELINES, "newscrawl.warc.WarcIndexPipeline": 600}
