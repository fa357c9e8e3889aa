"""Scrapy item pipelines: thin wrappers that run one stage each and decide what failure means.

Order (see ``ITEM_PIPELINES``): extract -> clean -> language -> entities -> store. Extract, language and
entities run in the crawl's worker processes (``pipelines.pool``, ``NEWSCRAWL_STAGE_WORKERS``); clean (it
learns each site's boilerplate across pages) and the store (one writer) run in the crawl process.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils
from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from newscrawl import errors
from newscrawl.siteconfig import Site, site_for_url
from pipelines import database, entities
from pipelines.boilerplate import BoilerplateMemory
from pipelines.pagetype import NON_ARTICLE_DETAIL
from pipelines.pool import StagePool, stage_pool
from pipelines.stages import (
    Rejected,
    clean_stage,
    entities_stage,
    extract_stage,
    language_stage,
    reclean_stored,
)

logger = logging.getLogger(__name__)


def fetch_record(article: dict[str, Any]) -> dict[str, Any]:
    """The ``fetches`` row of a stored article: validators for the next run's conditional GET."""
    return {
        "url": article["url"],
        "fetched_url": article.get("fetched_url"),
        "content_hash": database.content_hash(article.get("title"), article.get("text") or ""),
        "etag": article.get("etag"),
        "last_modified": article.get("last_modified"),
        "sitemap_lastmod": article.get("sitemap_lastmod"),
        "status": 200,
        "fetched_at": article.get("fetched_at"),
    }


class StagePipeline:
    """Shared plumbing: settings, stats and the spider's site definitions."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def site(self, item: Any) -> Site | None:
        sites = getattr(self.crawler.spider, "sites", [])
        return next((s for s in sites if s.name == ItemAdapter(item).get("site")), None)

    async def run(self, stage: Any, *args: Any) -> Any:
        """``stage(*args)`` in the crawl's worker pool, or inline when there is none."""
        pool: StagePool | None = stage_pool(self.crawler)
        return await pool.run(stage, *args) if pool else stage(*args)

    def drop(self, item: Any, rejected: Rejected) -> DropItem:
        """Count the rejection (:attr:`Rejected.counter`) and drop the item; a soft 404 is also a crawl
        fault, and a page that is no article is logged at INFO only."""
        adapter = ItemAdapter(item)
        adapter.pop("html", None)
        adapter.pop("blocks", None)
        if rejected.reason == "soft_404":
            url = str(adapter.get("fetched_url") or adapter.get("url"))
            detail = NON_ARTICLE_DETAIL[rejected.reason]
            errors.report(self.crawler, url, rejected.reason, detail, rejected.counter)
        elif self.stats:
            self.stats.inc_value(rejected.counter)
        return DropItem(str(rejected), log_level="INFO" if rejected.not_an_article else None)


class ExtractPipeline(StagePipeline):
    """Metadata and body paragraphs from the page (trafilatura plus our container drops)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        stage_pool(crawler)  # the workers start with the spider

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        site = self.site(item)
        page = {"url": adapter.get("url"), "html": adapter.get("html")}
        selectors = tuple(site.drop_selectors) if site else ()
        try:
            article = await self.run(extract_stage, page, selectors, True)  # article_only: a crawl
        except Rejected as rejected:
            raise self.drop(item, rejected) from None
        adapter.pop("html", None)
        for key, value in article.items():
            if key != "reasons":  # the removed texts are for --debug logs and the eval, not the item
                adapter[key] = value
        return item


class CleanPipeline(StagePipeline):
    """Promo and boilerplate removal, with per-site learning of template paragraphs and headlines.

    At the end of the crawl the articles it cleaned are cleaned again with what the crawl learned
    (:func:`~pipelines.stages.reclean_stored`): the pages stored before a shape was learned lose it too.
    By then every item has been stored: Scrapy closes the pipelines once the scraper has no item left in
    them, and the store closes its database only on ``spider_closed``, after that. The entities of a
    re-cleaned article stay as they were tagged.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.min_words = crawler.settings.getint("NEWSCRAWL_MIN_WORDS", 60)
        self.debug = crawler.settings.getbool("NEWSCRAWL_DEBUG_CLEAN")
        self.db_path = crawler.settings.get("NEWSCRAWL_DB")
        self.memory = BoilerplateMemory()
        self.cleaned: dict[str, set[str]] = defaultdict(set)  # site -> canonical URLs cleaned in this crawl

    def open_spider(self) -> None:
        self.memory = BoilerplateMemory(db=database.open_db(self.db_path) if self.db_path else None)

    def close_spider(self) -> None:
        if self.memory.db is not None:
            for site, urls in self.cleaned.items():
                self.reclean(self.memory.db, site, urls)
        self.memory.save()

    def reclean(self, db: sqlite_utils.Database, site: str, urls: set[str]) -> None:
        """Clean the site's articles of this crawl again with what the crawl learned, and count it."""
        stats = reclean_stored(db, urls, self.memory.learned(site), self.memory.headlines(site), site)
        if self.stats:
            for key, count in stats.items():
                self.stats.inc_value(key, count)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        site = str(adapter.get("site"))
        url = str(adapter.get("url"))
        blocks = [b.text for b in adapter.get("blocks") or []]
        self.memory.observe(site, url, blocks, adapter.get("title"))
        article = dict(adapter.items())
        try:
            article = clean_stage(
                article, self.memory.learned(site), self.min_words, self.debug, self.memory.headlines(site)
            )
        except Rejected as rejected:
            raise self.drop(item, rejected) from None
        self.cleaned[site].add(url)
        adapter.pop("blocks", None)
        for key in ("text", "word_count", "removed"):
            adapter[key] = article[key]
        if self.stats:
            for stage, count in article["removed"].items():
                self.stats.inc_value(f"clean/removed/{stage}", count)
        return item


class LanguagePipeline(StagePipeline):
    """Language of the clean body, cross-checked with the page's declared language."""

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        site = self.site(item)
        text = {"text": adapter.get("text"), "declared_language": adapter.get("declared_language")}
        try:
            article = await self.run(language_stage, text, tuple(site.languages) if site else ())
        except Rejected as rejected:
            raise self.drop(item, rejected) from None
        adapter["language"] = article["language"]
        return item


class EntitiesPipeline(StagePipeline):
    """Named entities of the clean body (``NEWSCRAWL_ENTITIES_ENABLED=False`` turns it off); companies are
    linked to tickers from pytickersymbols and the SEC file ``NEWSCRAWL_TICKERS_FILE``."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        if not crawler.settings.getbool("NEWSCRAWL_ENTITIES_ENABLED", True):
            raise NotConfigured("NEWSCRAWL_ENTITIES_ENABLED is off")
        entities.configure(crawler.settings.get("NEWSCRAWL_TICKERS_FILE") or "")
        return cls(crawler)

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        text = {"text": adapter.get("text"), "language": adapter.get("language")}
        tagged = (await self.run(entities_stage, [text]))[0]
        adapter["entities"] = tagged["entities"]
        adapter["facts"] = tagged["facts"]
        return item


class StorePipeline(StagePipeline):
    """Upsert articles, their entities, the sites and the crawl run into SQLite."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.db_path = crawler.settings.get("NEWSCRAWL_DB")
        if not self.db_path:
            raise NotConfigured("NEWSCRAWL_DB is empty")
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.on_crawl_error, signal=errors.crawl_error)
        crawler.signals.connect(self.on_not_modified, signal=errors.page_not_modified)
        crawler.signals.connect(self.on_response, signal=signals.response_received)
        self.db: Any = None
        self.run_id = 0

    def open_spider(self) -> None:
        self.db = database.open_db(self.db_path)
        sites = getattr(self.crawler.spider, "sites", [])
        database.upsert_sites(self.db, [s for s in sites if s.homepage])
        self.run_id = database.start_run(
            self.db, self.crawler.spider.name if self.crawler.spider else "news", [s.name for s in sites]
        )
        logger.info("Storing articles in %s (crawl run %d)", self.db_path, self.run_id)

    def spider_closed(self, reason: str) -> None:
        """Record the run once Scrapy knows why it ended (after the pipelines closed)."""
        stats = self.stats.get_stats() if self.stats else {}
        database.finish_run(self.db, self.run_id, stats, reason)
        self.db.close()
        self.db = None

    def on_crawl_error(self, url: str, kind: str, detail: str) -> None:
        """A ``crawl_errors`` row for every failed request or fault (see ``newscrawl.errors``)."""
        if self.db is not None:
            database.record_error(self.db, self.run_id, url, kind, detail)

    def on_not_modified(
        self, url: str, etag: str | None, last_modified: str | None, sitemap_lastmod: str | None
    ) -> None:
        """A 304: the page is unchanged; its ``fetches`` row is marked checked now."""
        if self.db is not None:
            fetch = {"url": url, "status": 304, "etag": etag, "last_modified": last_modified,
                     "sitemap_lastmod": sitemap_lastmod}
            database.record_fetch(self.db, fetch)

    def on_response(self, response: Any, request: Any) -> None:
        """Record each site's robots.txt as fetched (by Scrapy's RobotsTxtMiddleware or the spider)."""
        if self.db is None or urlsplit(response.url).path != "/robots.txt":
            return
        host = (urlsplit(response.url).hostname or "").lower()
        sites = getattr(self.crawler.spider, "sites", [])
        found = site_for_url(sites, response.url)
        site = found.name if found else host
        body = response.body.decode("utf-8", "replace") if response.status == 200 else ""
        database.record_robots(self.db, self.run_id, site, response.url, response.status, body)

    def process_item(self, item: Any) -> Any:
        article = dict(ItemAdapter(item).items())
        with self.db.atomic():  # article, entities and fetches row: all or nothing, even under SIGKILL
            outcome = database.store_article(self.db, article)
            database.record_fetch(self.db, fetch_record(article))
        if self.stats:
            self.stats.inc_value(f"newscrawl/{outcome}")
        return item
