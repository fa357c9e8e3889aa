"""Downloader middlewares for politeness and incremental crawling.

- :class:`RetryAfterMiddleware` waits before a retry: ``Retry-After`` on 429/503 (capped by
  ``NEWSCRAWL_MAX_RETRY_AFTER``), exponential backoff otherwise. It sits just before Scrapy's
  ``RetryMiddleware`` (which still decides whether and how often to retry) and also holds back the
  whole download slot of the domain while it waits.
- :class:`RedirectLoopMiddleware` stops redirect loops (A -> B -> A) that the duplicate filter would
  otherwise swallow silently; long chains are cut by ``REDIRECT_MAX_TIMES``.
- :class:`ConditionalGetMiddleware` sends ``If-None-Match`` / ``If-Modified-Since`` for pages fetched
  in earlier runs (the ``fetches`` table), so unchanged articles come back as cheap 304s; pages whose
  sitemap ``lastmod`` is unchanged are not requested again until ``NEWSCRAWL_RECHECK_HOURS`` passed.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import sqlite_utils
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

from newscrawl import errors
from newscrawl.urls import strip_tracking
from pipelines import database

logger = logging.getLogger(__name__)


def parse_retry_after(value: str | bytes | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def read_fetches(db_path: str) -> dict[str, dict[str, Any]]:
    """Earlier runs' ``fetches`` rows by URL, read through a read-only connection (the store writes)."""
    if not db_path or db_path == ":memory:" or not Path(db_path).exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return database.load_fetches(sqlite_utils.Database(conn))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        logger.warning("No earlier fetches read from %s: %s", db_path, exc)
        return {}


class RetryAfterMiddleware:
    """Delay retries: ``Retry-After`` (429/503, capped) or exponential backoff, and pause the slot."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED", True):
            raise NotConfigured("RETRY_ENABLED is off")
        self.crawler = crawler
        self.codes = {int(c) for c in settings.getlist("RETRY_HTTP_CODES")}
        self.max_retries = settings.getint("RETRY_TIMES")
        self.cap = settings.getfloat("NEWSCRAWL_MAX_RETRY_AFTER", 60.0)
        self.base = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF", 1.0)
        self.backoff_cap = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_MAX", 30.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def will_retry(self, request: Request) -> bool:
        if request.meta.get("dont_retry"):
            return False
        limit = request.meta.get("max_retry_times", self.max_retries)
        return int(request.meta.get("retry_times", 0)) < int(limit)

    def backoff(self, request: Request) -> float:
        return min(self.backoff_cap, self.base * 2 ** int(request.meta.get("retry_times", 0)))

    def delay_for(self, request: Request, response: Response) -> float:
        if response.status in (429, 503):
            asked = parse_retry_after(response.headers.get("Retry-After"))
            if asked is not None:
                errors.report(self.crawler, request.url, "retry_after",
                              f"HTTP {response.status}, Retry-After {asked:.0f}s (cap {self.cap:.0f}s)",
                              "retry_after/honoured")
                if asked > self.cap:
                    self.inc("retry_after/capped")
                    logger.info("Retry-After %.0fs capped at %.0fs: %s", asked, self.cap, request.url)
                return min(asked, self.cap)
        return self.backoff(request)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status in self.codes and self.will_retry(request):
            await self.wait(request, self.delay_for(request, response))
        return response

    async def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, IgnoreRequest) and self.will_retry(request):
            await self.wait(request, self.backoff(request))

    async def wait(self, request: Request, seconds: float) -> None:
        if seconds <= 0:
            return
        self.inc("retry/backoff_seconds", round(seconds))
        self.hold_slot(request, seconds)
        logger.debug("Waiting %.2fs before retrying %s", seconds, request.url)
        await sleep(seconds)

    def hold_slot(self, request: Request, seconds: float) -> None:
        """No other request to the same download slot starts before the wait is over."""
        engine = getattr(self.crawler, "engine", None)
        downloader = getattr(engine, "downloader", None)
        if downloader is None:
            return
        key = request.meta.get("download_slot") or downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is not None and hasattr(slot, "lastseen"):
            slot.lastseen = max(slot.lastseen, time.time() + seconds - slot.download_delay())

    def inc(self, key: str, count: int = 1) -> None:
        if self.crawler.stats:
            self.crawler.stats.inc_value(key, count)


class RedirectLoopMiddleware:
    """Raise ``IgnoreRequest("redirect loop ...")`` when a redirect points back into its own chain."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("REDIRECT_ENABLED", True):
            raise NotConfigured("REDIRECT_ENABLED is off")
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectLoopMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        location = response.headers.get("Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = strip_tracking(urljoin(request.url, location.decode("latin-1")))
        chain = {strip_tracking(u) for u in [*request.meta.get("redirect_urls", []), request.url]}
        if target in chain:
            if self.crawler.stats:
                self.crawler.stats.inc_value("redirect/loop")
            raise IgnoreRequest(f"redirect loop: {request.url} -> {target}")
        return response


class ConditionalGetMiddleware:
    """Conditional GET for requests marked ``meta["conditional"]``, from the ``fetches`` table."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("NEWSCRAWL_CONDITIONAL_GET", True):
            raise NotConfigured("NEWSCRAWL_CONDITIONAL_GET is off")
        self.crawler = crawler
        self.db_path = crawler.settings.get("NEWSCRAWL_DB") or ""
        self.known: dict[str, dict[str, Any]] | None = None
        self.recheck_hours = crawler.settings.getfloat("NEWSCRAWL_RECHECK_HOURS", 24.0)
        crawler.signals.connect(self.forget, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(crawler)

    def load(self) -> dict[str, dict[str, Any]]:
        """Read the earlier fetches once (see :func:`read_fetches`)."""
        if self.known is None:
            self.known = read_fetches(self.db_path)
        return self.known

    def forget(self) -> None:
        self.known = None

    def process_request(self, request: Request) -> None:
        if not request.meta.get("conditional"):
            return
        known = self.load().get(strip_tracking(request.url))
        if not known:
            return
        if self.not_due(request, known):
            self.inc("news/skipped/unchanged")
            raise errors.NotDue(f"unchanged since {known['sitemap_lastmod']} (sitemap lastmod)")
        if known.get("etag") and b"If-None-Match" not in request.headers:
            request.headers[b"If-None-Match"] = known["etag"]
        if known.get("last_modified") and b"If-Modified-Since" not in request.headers:
            request.headers[b"If-Modified-Since"] = known["last_modified"]
        self.inc("news/conditional_get")

    def not_due(self, request: Request, known: dict[str, Any]) -> bool:
        """The sitemap says the page has not changed and the re-check interval has not passed."""
        lastmod = request.meta.get("sitemap_lastmod")
        if not lastmod or lastmod != known.get("sitemap_lastmod") or not known.get("checked_at"):
            return False
        checked = datetime.fromisoformat(known["checked_at"])
        return datetime.now(UTC) - checked < timedelta(hours=self.recheck_hours)

    def inc(self, key: str) -> None:
        if self.crawler.stats:
            self.crawler.stats.inc_value(key)
