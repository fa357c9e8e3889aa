"""Worker processes for the CPU-heavy stages, so the reactor keeps downloading while pages are processed.

One :class:`StagePool` per crawl (``NEWSCRAWL_STAGE_WORKERS`` processes, default one per CPU; ``0`` runs
the stages inline as before), shared by the item pipelines through :func:`stage_pool`. The pipelines
``await pool.run(stage, article, ...)``: the stage runs in a worker, and a :class:`~pipelines.stages.Rejected`
raised there comes back as the same ``Rejected`` in the crawl process.

Workers are forked by a ``forkserver`` (``spawn`` where there is none), never ``fork``ed from the crawl
process, which runs the asyncio/Twisted reactor and its threads. The forkserver is a fresh process that
imports the stages and loads the spaCy model once (``pipelines.preload``); each worker is forked from it
with both in memory, instead of importing and loading them again. Workers ignore SIGINT (Scrapy's own
Ctrl-C handling stops the crawl and drains the items first), exit when the crawl process dies (even by
SIGKILL; a timer checks, not a thread: see :func:`exit_with_parent`) and, when entities are on, have the
spaCy model loaded at start.
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.context import BaseContext
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http.request import NO_CALLBACK

from newscrawl import ONE_MATH_THREAD
from pipelines import entities
from pipelines.stages import Rejected

logger = logging.getLogger(__name__)
Article = dict[str, Any]
# one math thread per worker, whatever the crawl process was given: the workers already use every core, and
# OpenBLAS' own threads (one per CPU, busy-waiting) fight them for it: 2 workers ran spaCy 35% slower
WORKER_ENVIRONMENT = ONE_MATH_THREAD
ORPHAN_CHECK = 1.0  # seconds between a worker's checks that the crawl process still runs
PRELOAD = ["pipelines.preload"]  # what the forkserver imports before it forks any worker
_POOLS: weakref.WeakKeyDictionary[Crawler, StagePool | None] = weakref.WeakKeyDictionary()


# --- worker side --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Refused:
    """A stage's :class:`Rejected`, as it travels back from a worker."""

    reason: str
    message: str

    def rejected(self) -> Rejected:
        rejected = Rejected(self.reason)
        rejected.args = (self.message,)  # str(rejected) as raised in the worker, detail included
        return rejected


def call_stage(stage: Callable[..., Any], *args: Any) -> Any:
    """Run one stage in a worker; its rejection is returned (as :class:`Refused`), not raised."""
    try:
        return stage(*args)
    except Rejected as rejected:
        return Refused(rejected.reason, str(rejected))


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()  # returns once the crawl process is gone, however it ended
        os._exit(0)


def _exit_if_orphaned(*_: Any) -> None:
    parent = multiprocessing.parent_process()
    if parent is not None and not parent.is_alive():
        os._exit(0)


def exit_with_parent() -> None:
    """Exit when the crawl process dies, even by SIGKILL: a timer signal checks it once a second. Not a
    waiting thread: any second thread, even an idle one, turns off glibc's single-thread malloc path for
    good, and spaCy's NER (malloc-heavy Cython) ran 25% slower in a worker that had one. (The kernel's
    parent-death signal cannot do it: the worker's parent is the forkserver, which outlives the crawl
    process while workers hold its pipe.)"""
    if not hasattr(signal, "setitimer"):
        threading.Thread(target=_exit_with_parent, name="exit-with-parent", daemon=True).start()
        return
    signal.signal(signal.SIGALRM, _exit_if_orphaned)
    signal.setitimer(signal.ITIMER_REAL, ORPHAN_CHECK, ORPHAN_CHECK)


def _exit_now() -> None:
    """At the end of a worker (whose results are all sent): skip tearing down spaCy and the rest, which
    took half a second at the end of every crawl."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)


def init_worker(entities_enabled: bool, tickers_file: str) -> None:
    """Worker start: no SIGINT, exit with the crawl process, the spaCy model loaded when it will be used."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    exit_with_parent()
    atexit.register(_exit_now)
    if entities_enabled:
        entities.configure(tickers_file)
        entities.load_nlp()
    gc.freeze()  # modules and model live as long as the worker: the garbage collector skips them (-3% CPU)


def ready() -> int:
    """A no-op job: submitted once per worker at the start of the crawl so the workers start early."""
    return os.getpid()


# --- crawl side ---------------------------------------------------------------------------------
def start_context() -> BaseContext:
    """The ``forkserver`` context, told to preload the stages (and the spaCy model when entities are on);
    ``spawn`` on platforms without it. The preload list counts only until the forkserver has started: it is
    one per crawl process."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def prestart_forkserver(entities_enabled: bool) -> None:
    """Start the forkserver now, when the crawl is being set up: it imports the stages and loads spaCy while
    Scrapy starts (a no-op without forkserver, or once it runs)."""
    if start_context().get_start_method() == "forkserver":
        with worker_environment(entities_enabled):
            forkserver.ensure_running()


@contextmanager
def worker_environment(entities_enabled: bool = False) -> Iterator[None]:
    """:data:`WORKER_ENVIRONMENT` for the processes started meanwhile (the forkserver, or a spawned worker,
    inherits it), and whether the forkserver preloads the spaCy model."""
    environment = {**WORKER_ENVIRONMENT, "NEWSCRAWL_PRELOAD_NLP": "1" if entities_enabled else "0"}
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def worker_count(setting: Any) -> int:
    """``NEWSCRAWL_STAGE_WORKERS``: empty (None) means one per CPU; 0 means inline."""
    if setting is None or setting == "":
        return os.cpu_count() or 1
    return max(0, int(setting))


class StagePool:
    """A process pool for the stages of one crawl, created when the spider opens, shut down when it closes."""

    def __init__(self, crawler: Crawler, workers: int, entities_enabled: bool, tickers_file: str) -> None:
        self.crawler = crawler
        self.workers = workers
        self.initargs = (entities_enabled, tickers_file)
        self.executor: ProcessPoolExecutor | None = None
        self.starter: threading.Thread | None = None
        prestart_forkserver(entities_enabled)
        crawler.signals.connect(self.start, signal=signals.spider_opened)
        crawler.signals.connect(self.shutdown, signal=signals.spider_closed)

    def _executor(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=start_context(),
                initializer=init_worker,
                initargs=self.initargs,
            )
        return self.executor

    def start(self) -> None:
        """Start every worker now, from a thread: starting one waits until the forkserver has imported the
        stages and loaded spaCy, and the reactor fetches robots.txt and the sitemaps meanwhile."""
        executor = self._executor()
        self.starter = threading.Thread(
            target=self._start_workers, args=(executor,), name="stage-pool-start", daemon=True
        )
        self.starter.start()
        logger.info("Stage pool: %d worker processes", self.workers)

    def _start_workers(self, executor: ProcessPoolExecutor) -> None:
        """The executor starts a process in ``submit`` while none is idle: these submits start all of them."""
        with worker_environment(self.initargs[0]):  # inherited by spawned workers (no forkserver)
            for _ in range(self.workers):
                executor.submit(ready)

    async def started(self) -> None:
        """Wait (without blocking the reactor) until the workers have been started."""
        if self.starter is not None and self.starter.is_alive():
            await asyncio.to_thread(self.starter.join)

    def shutdown(self) -> None:
        if self.starter is not None:
            self.starter.join()
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def running(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.start()
        assert self.executor is not None
        return self.executor

    async def run(self, stage: Callable[..., Any], *args: Any) -> Any:
        """``stage(*args)`` in a worker; raises the stage's ``Rejected`` here."""
        executor = self.running()
        await self.started()
        try:
            result = await asyncio.wrap_future(executor.submit(call_stage, stage, *args))
        except BrokenProcessPool:
            self._count("pool/broken")
            if self.executor is executor:  # the first of its jobs to fail: the next job starts new workers
                name = getattr(stage, "__name__", stage)
                logger.error("A stage worker died (in %s); starting new workers", name)
                executor.shutdown(wait=False, cancel_futures=True)
                self.executor = None
            raise
        if isinstance(result, Refused):
            raise result.rejected()
        self._count("pool/jobs")
        return result

    def _count(self, key: str) -> None:
        if self.crawler.stats:
            self.crawler.stats.inc_value(key)


def stage_pool(crawler: Crawler) -> StagePool | None:
    """The crawl's pool (created on first call), or None when ``NEWSCRAWL_STAGE_WORKERS`` is 0."""
    if crawler not in _POOLS:
        workers = worker_count(crawler.settings.get("NEWSCRAWL_STAGE_WORKERS"))
        entities_enabled = crawler.settings.getbool("NEWSCRAWL_ENTITIES_ENABLED", True)
        tickers_file = crawler.settings.get("NEWSCRAWL_TICKERS_FILE") or ""
        _POOLS[crawler] = StagePool(crawler, workers, entities_enabled, tickers_file) if workers else None
    return _POOLS[crawler]


class StageBackpressure:
    """Downloader middleware: while ``NEWSCRAWL_STAGE_BACKLOG`` pages (default 4 per worker) are downloaded
    and not yet through the pipelines, further requests wait here.

    Inline stages throttled downloads by themselves (the reactor was busy with them); with workers the
    reactor would fetch the whole site ahead of them: memory grows, and a killed crawl loses (and its
    resumption fetches again) every page fetched but not stored yet. So at most the backlog plus
    ``CONCURRENT_REQUESTS`` pages are held at once. Pages still downloading do not count: the network's
    latency must not eat the workers' queue (counting them made the benchmark crawl 3% slower, as the
    workers waited for pages). Requests without a callback (robots.txt, fetched by other middlewares for a
    held request) never wait.
    """

    POLL = 0.01  # seconds between checks while requests wait

    def __init__(self, crawler: Crawler, limit: int) -> None:
        self.crawler = crawler
        self.limit = limit
        self.waiting: deque[asyncio.Future[None]] = deque()
        self.poller: asyncio.Task[None] | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StageBackpressure:
        pool = stage_pool(crawler)
        if pool is None:
            raise NotConfigured("NEWSCRAWL_STAGE_WORKERS is 0: the stages run inline")
        backlog = crawler.settings.get("NEWSCRAWL_STAGE_BACKLOG")
        return cls(crawler, max(1, int(backlog)) if backlog else 4 * pool.workers)

    def processing(self) -> int:
        """Pages downloaded and not yet through the pipelines (the scraper's responses)."""
        slot = getattr(getattr(self.crawler.engine, "scraper", None), "slot", None)
        return len(slot.active) + len(slot.queue) if slot is not None else 0

    async def process_request(self, request: Request) -> None:
        if request.callback is NO_CALLBACK:  # robots.txt and the like, which held requests may be waiting for
            return
        if not self.waiting and self.processing() < self.limit:
            return
        admitted = asyncio.get_running_loop().create_future()
        self.waiting.append(admitted)
        if self.poller is None or self.poller.done():
            self.poller = asyncio.create_task(self.admit())
        await admitted

    async def admit(self) -> None:
        """Let waiting requests through, oldest first, as pages leave the pipelines."""
        while self.waiting:
            await asyncio.sleep(self.POLL)
            while self.waiting and self.processing() < self.limit:
                admitted = self.waiting.popleft()
                if not admitted.done():
                    admitted.set_result(None)

    def spider_closed(self) -> None:
        if self.poller is not None:
            self.poller.cancel()
        while self.waiting:
            self.waiting.popleft().cancel()
