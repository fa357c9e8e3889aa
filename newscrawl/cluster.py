"""Scale-out on scrapy-redis: crawler processes share one Redis frontier and duplicate filter.

The ``news_cluster`` spider (``newscrawl/spiders/cluster.py``) is the ``news`` spider plus
:class:`ClusterMixin`. Its settings overlay (:func:`cluster_settings`) swaps in the scrapy-redis
scheduler and duplicate filter (persistent: stopping every worker pauses the crawl, starting them
again resumes it) and replaces the processing pipelines by :class:`RedisItemPipeline`, which pushes
each fetched article page to a Redis list. One writer process (``newscrawl write``,
:mod:`newscrawl.writer`) pops them and runs extract -> clean -> language -> entities -> store.

Redis keys (``<name>`` is the spider name, ``news_cluster``): ``<name>:requests`` (the frontier),
``<name>:dupefilter``, ``<name>:items``, ``<name>:start_urls`` (URLs pushed by hand),
``<name>:worker:<id>`` (heartbeat, expires) and ``<name>:workers`` (per-worker stats, JSON).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import redis
import scrapy
from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.settings import BaseSettings
from scrapy_redis.scheduler import Scheduler
from scrapy_redis.spiders import RedisMixin
from twisted.internet import task

from newscrawl.siteconfig import site_for_url
from newscrawl.urls import is_http_url

logger = logging.getLogger(__name__)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
HEARTBEAT_SECONDS = 10
POLL_SECONDS = 1.0


def redis_url(settings: BaseSettings) -> str:
    return str(settings.get("NEWSCRAWL_REDIS_URL") or DEFAULT_REDIS_URL)


def cluster_settings(url: str) -> dict[str, Any]:
    """The Scrapy settings a cluster worker runs with (applied at ``spider`` priority)."""
    return {
        "REDIS_URL": url,
        "SCHEDULER": "newscrawl.cluster.ClusterScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "ITEM_PIPELINES": {"newscrawl.cluster.RedisItemPipeline": 100},
    }


def worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def items_key(spider_name: str) -> str:
    return f"{spider_name}:items"


def workers_key(spider_name: str) -> str:
    return f"{spider_name}:workers"


def heartbeat_key(spider_name: str, worker: str = "*") -> str:
    return f"{spider_name}:worker:{worker}"


def active_workers(server: redis.Redis, spider_name: str) -> int:
    """Workers whose heartbeat has not expired."""
    return sum(1 for _ in server.scan_iter(heartbeat_key(spider_name)))


class ClusterScheduler(Scheduler):
    """scrapy-redis' scheduler, without the ``spider=`` stats argument Scrapy 2.13+ deprecates, and
    returning the requests a stopping worker had taken from the frontier but not fetched yet."""

    crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClusterScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        return scheduler

    def close(self, reason: str) -> None:
        engine = self.crawler.engine if self.crawler else None
        unfinished = list(engine.downloader.active) if engine else []
        for request in unfinished:
            self.queue.push(request)
        if unfinished:
            logger.info("Returned %d unfetched requests to the shared frontier", len(unfinished))
            if self.stats:
                self.stats.inc_value("cluster/requeued", len(unfinished))
        super().close(reason)

    def enqueue_request(self, request: scrapy.Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> scrapy.Request | None:
        request = self.queue.pop(self.idle_before_close)
        if request and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


class ClusterMixin(RedisMixin):
    """A spider whose frontier lives in Redis; combine with a spider class (mixin first).

    scrapy-redis 0.9.1 predates Scrapy 2.13's ``async def start()``; :meth:`start` yields the
    spider's own seed requests (the shared duplicate filter keeps one copy of each across the
    workers) and the URLs pushed to ``<name>:start_urls``. A worker closes after the shared
    frontier has been empty for ``NEWSCRAWL_CLUSTER_IDLE_CLOSE`` seconds (0: it waits for more).
    """

    crawler: Crawler
    name: str
    idle_close: float = 10.0
    idle_since: float | None = None
    worker: str = ""

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        settings.setdict(cluster_settings(redis_url(settings)), priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Any:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.setup_cluster(crawler)
        return spider

    def setup_cluster(self, crawler: Crawler) -> None:
        self.setup_redis(crawler)
        self.idle_close = crawler.settings.getfloat("NEWSCRAWL_CLUSTER_IDLE_CLOSE", 10.0)
        self.worker = worker_id()
        crawler.signals.connect(self.cluster_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.cluster_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.busy, signal=signals.request_reached_downloader)

    # --- start -------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for request in self.seed_requests():
            yield request
        for request in self.next_requests():
            yield request

    def seed_requests(self) -> Any:
        """The wrapped spider's own start requests (the class after RedisMixin in the MRO)."""
        return super(RedisMixin, self).start_requests()

    def start_requests(self) -> Any:
        return self.seed_requests()

    def make_request_from_data(self, data: bytes | str) -> list[scrapy.Request]:
        """A URL pushed to ``<name>:start_urls`` (plain or ``{"url": ...}``), within a configured site."""
        text = data.decode(self.redis_encoding or "utf-8") if isinstance(data, bytes) else data
        url = text.strip()
        if url.startswith("{"):
            url = str(json.loads(url).get("url") or "")
        site = site_for_url(getattr(self, "sites", []), url)
        if not is_http_url(url) or site is None:
            logger.warning("Ignoring start URL outside the configured sites: %s", url)
            return []
        return [self.make_request(url, self.parse_page, site, depth=0)]

    # --- liveness and closing ----------------------------------------------------------
    def busy(self) -> None:
        if self.idle_since is not None:
            self.idle_since = None
            self.beat()

    def spider_idle(self) -> None:
        """Keep the worker while the shared frontier may still grow: close once it has been empty for
        ``idle_close`` seconds and no other worker is busy (a busy one may still discover pages)."""
        if self.server is not None and self.count_size(self.redis_key) > 0:
            self.idle_since = None
            self.schedule_next_requests()
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
            self.beat()
        if self.idle_close and now - self.idle_since >= self.idle_close and not self.others_busy():
            return
        raise DontCloseSpider

    def others_busy(self) -> bool:
        if self.server is None:
            return False
        mine = heartbeat_key(self.name, self.worker)
        keys = [k for k in self.server.scan_iter(heartbeat_key(self.name)) if k.decode() != mine]
        return any(v == b"busy" for v in self.server.mget(keys)) if keys else False

    def poll(self) -> None:
        """While idle, look at the shared frontier every second rather than at Scrapy's 5 s heartbeat."""
        engine = self.crawler.engine
        scheduler = getattr(getattr(engine, "_slot", None), "scheduler", None)
        if self.idle_since is not None and scheduler is not None and scheduler.has_pending_requests():
            engine._slot.nextcall.schedule()  # type: ignore[union-attr]

    def cluster_opened(self) -> None:
        self.beat()
        self.heartbeat = task.LoopingCall(self.beat)
        self.heartbeat.start(HEARTBEAT_SECONDS, now=False)
        self.poller = task.LoopingCall(self.poll)
        self.poller.start(POLL_SECONDS, now=False)
        logger.info("Cluster worker %s on %s", self.worker, self.crawler.settings.get("REDIS_URL"))

    def beat(self) -> None:
        """``<name>:worker:<id>`` = busy | idle, expiring unless refreshed (a killed worker drops out)."""
        if self.server is not None:
            state = "busy" if self.idle_since is None else "idle"
            self.server.set(heartbeat_key(self.name, self.worker), state, ex=3 * HEARTBEAT_SECONDS)

    def cluster_closed(self, reason: str) -> None:
        for loop in (getattr(self, "heartbeat", None), getattr(self, "poller", None)):
            if loop is not None and loop.running:
                loop.stop()
        if self.server is None:
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        summary = {
            "responses": stats.get("downloader/response_count", 0),
            "items": stats.get("item_scraped_count", 0),
            "finish_reason": reason,
        }
        self.server.hset(workers_key(self.name), self.worker, json.dumps(summary))
        self.server.delete(heartbeat_key(self.name, self.worker))


class RedisItemPipeline:
    """Push each article page (with the worker's id and WARC location) to ``<spider>:items``."""

    def __init__(self, crawler: Crawler, server: redis.Redis) -> None:
        self.crawler = crawler
        self.server = server
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisItemPipeline:
        url = crawler.settings.get("REDIS_URL")
        if not url:
            raise NotConfigured("REDIS_URL is empty (run the news_cluster spider)")
        return cls(crawler, redis.Redis.from_url(url))

    def process_item(self, item: Any) -> Any:
        spider = self.crawler.spider
        name = spider.name if spider else "news_cluster"
        article = dict(ItemAdapter(item).items())
        envelope = {"worker": getattr(spider, "worker", ""), "article": article}
        warc = self.crawler.extensions.middlewares if self.crawler.extensions else ()
        for ext in warc:
            locate = getattr(ext, "location", None)
            if locate is not None:
                envelope["warc"] = locate(str(article.get("fetched_url") or ""))
        self.server.rpush(items_key(name), json.dumps(envelope, ensure_ascii=False, default=str))
        if self.stats:
            self.stats.inc_value("cluster/items_pushed")
        return item
