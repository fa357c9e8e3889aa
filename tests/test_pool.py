"""The stage pool (pipelines/pool.py): worker processes give exactly what the inline stages give."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import sqlite_utils
from scrapy import Request
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.test import get_crawler

from pipelines.item_pipelines import ExtractPipeline
from pipelines.pool import StageBackpressure, StagePool, stage_pool, worker_count
from pipelines.stages import Rejected, extract_stage, language_stage
from tests.conftest import EXPECTED, crawl_demo_site

ARTICLE_COLUMNS = ("url", "site", "title", "description", "authors", "published", "modified", "date_source",
                   "language", "text", "word_count", "content_hash", "image", "tags", "is_free", "cleaning",
                   "fetched_url")
GERMAN = ("Die Aktien des Chipherstellers stiegen am Dienstag deutlich, nachdem das Unternehmen seine "
          "Prognose für das laufende Geschäftsjahr angehoben hatte und Analysten ihre Kursziele erhöhten.")


def crawl_demo(folder: Path, base: str, workers: int, languages: str | None = None) -> sqlite_utils.Database:
    folder.mkdir()
    languages_key: dict[str, str] = {} if languages is None else {"languages": languages}
    # one page at a time: the same pages in the same order
    result = crawl_demo_site(folder, base, "-s", f"NEWSCRAWL_STAGE_WORKERS={workers}",
                             "-s", "CONCURRENT_REQUESTS=1", concurrency=1, **languages_key)
    assert "Traceback" not in result.stderr
    return sqlite_utils.Database(folder / "news.db")


def stored(db: sqlite_utils.Database) -> dict[str, Any]:
    """Everything a crawl stored about its articles, without ids and times."""
    articles = {r["url"]: {c: r[c] for c in ARTICLE_COLUMNS} for r in db.query("select * from articles")}
    entities: dict[str, list[tuple[Any, ...]]] = {url: [] for url in articles}
    for r in db.query("select a.url, e.name, e.type, e.ticker, e.exchange, ae.mentions, ae.first_offset "
                      "from article_entities ae join articles a on a.id = ae.article_id "
                      "join entities e on e.id = ae.entity_id"):
        entities[r["url"]].append(tuple(list(r.values())[1:]))
    return {"articles": articles, "entities": {url: sorted(found) for url, found in entities.items()}}


def run_row(db: sqlite_utils.Database) -> dict[str, Any]:
    row = dict(next(iter(db.query("select * from crawl_runs order by id desc limit 1"))))
    stats = json.loads(row["stats"])
    row["pool_jobs"] = stats.get("pool/jobs", 0)
    return row


def test_pool_stores_exactly_what_inline_stores(demo_site: str, tmp_path: Path) -> None:
    pooled = crawl_demo(tmp_path / "pool", demo_site, workers=2)
    inline = crawl_demo(tmp_path / "inline", demo_site, workers=0)
    assert len(stored(pooled)["articles"]) == len(EXPECTED["articles"])
    assert stored(pooled) == stored(inline)
    pool_run, inline_run = run_row(pooled), run_row(inline)
    for key in ("stored", "dropped", "dropped_reasons", "non_article", "duplicates", "errors_by_kind"):
        assert pool_run[key] == inline_run[key], key
    assert pool_run["pool_jobs"] >= 3 * len(EXPECTED["articles"])  # extract, language, entities: in workers
    assert inline_run["pool_jobs"] == 0


def test_rejection_in_a_worker_is_counted_like_inline(demo_site: str, tmp_path: Path) -> None:
    """A site that publishes in French only: every article is rejected by the language stage in a worker."""
    pooled = run_row(crawl_demo(tmp_path / "pool", demo_site, workers=2, languages='["fr"]'))
    inline = run_row(crawl_demo(tmp_path / "inline", demo_site, workers=0, languages='["fr"]'))
    assert pooled["stored"] == inline["stored"] == 0
    reasons = json.loads(pooled["dropped_reasons"])
    assert reasons.get("wrong_language", 0) >= len(EXPECTED["articles"])
    assert reasons == json.loads(inline["dropped_reasons"])


def test_worker_rejection_keeps_reason_and_message() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWL_STAGE_WORKERS": 1, "NEWSCRAWL_ENTITIES_ENABLED": False})
    pool = stage_pool(crawler)
    assert isinstance(pool, StagePool) and pool.workers == 1

    async def rejected(stage: Any, *args: Any) -> Rejected:
        with pytest.raises(Rejected) as raised:
            await pool.run(stage, *args)
        return raised.value

    try:
        empty = asyncio.run(rejected(extract_stage, {"url": "http://x/", "html": " "}, ()))
        german = asyncio.run(rejected(language_stage, {"text": GERMAN}, ("en",)))
        fine = asyncio.run(pool.run(language_stage, {"text": GERMAN}, ("de",)))
    finally:
        pool.shutdown()
    assert (empty.reason, str(empty)) == ("empty_body", "empty_body")
    with pytest.raises(Rejected) as inline:
        language_stage({"text": GERMAN}, ("en",))
    assert (german.reason, str(german)) == (inline.value.reason, str(inline.value)) == (
        "wrong_language", "wrong_language: de")
    assert fine["language"] == "de"


def test_worker_rejection_becomes_a_counted_drop() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWL_STAGE_WORKERS": 1, "NEWSCRAWL_ENTITIES_ENABLED": False})
    pool = stage_pool(crawler)
    assert pool is not None
    item = {"url": "http://x/", "site": "x", "html": ""}

    async def drop() -> DropItem:
        with pytest.raises(DropItem) as dropped:
            await ExtractPipeline(crawler).process_item(item)
        return dropped.value

    try:
        assert str(asyncio.run(drop())) == "empty_body"
    finally:
        pool.shutdown()
    assert crawler.stats is not None and crawler.stats.get_value("newscrawl/dropped/empty_body") == 1
    assert "html" not in item


def die(code: int) -> None:
    os._exit(code)


def test_a_dead_worker_fails_its_job_and_new_workers_take_over() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWL_STAGE_WORKERS": 1, "NEWSCRAWL_ENTITIES_ENABLED": False})
    pool = stage_pool(crawler)
    assert pool is not None

    async def crash_then_work() -> Any:
        with pytest.raises(BrokenProcessPool):
            await pool.run(die, 3)
        return await pool.run(language_stage, {"text": GERMAN}, ())

    try:
        assert asyncio.run(crash_then_work())["language"] == "de"
    finally:
        pool.shutdown()
    assert crawler.stats is not None and crawler.stats.get_value("pool/broken") == 1


def test_workers_have_no_second_thread() -> None:
    """A second thread, even an idle one, turns off glibc's single-thread malloc path: spaCy's NER ran 25%
    slower in workers that had one."""
    crawler = get_crawler(settings_dict={"NEWSCRAWL_STAGE_WORKERS": 1, "NEWSCRAWL_ENTITIES_ENABLED": False})
    pool = stage_pool(crawler)
    assert pool is not None
    try:
        assert asyncio.run(pool.run(threading.active_count)) == 1
    finally:
        pool.shutdown()


KILLED_CRAWL = """
import asyncio, time
from scrapy.utils.test import get_crawler
from pipelines.pool import ready, stage_pool
settings = {"NEWSCRAWL_STAGE_WORKERS": 2, "NEWSCRAWL_ENTITIES_ENABLED": False}
pool = stage_pool(get_crawler(settings_dict=settings))
async def pids():
    return sorted(set(await asyncio.gather(*(pool.run(ready) for _ in range(8)))))
print(*asyncio.run(pids()), flush=True)
time.sleep(60)
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_crawl_process_is_killed() -> None:
    crawl = subprocess.Popen([sys.executable, "-c", KILLED_CRAWL], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
    assert crawl.stdout is not None
    workers = [int(pid) for pid in crawl.stdout.readline().split()]
    assert len(workers) >= 1 and all(map(alive, workers))
    crawl.send_signal(signal.SIGKILL)
    crawl.wait()
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if alive(pid)] == []


def test_backpressure_holds_requests_while_downloaded_pages_wait_for_the_workers() -> None:
    """Downloaded pages not yet through the pipelines count; downloads in flight do not."""
    crawler = get_crawler(settings_dict={
        "NEWSCRAWL_STAGE_WORKERS": 1, "NEWSCRAWL_STAGE_BACKLOG": 2, "NEWSCRAWL_ENTITIES_ENABLED": False
    })
    middleware = StageBackpressure.from_crawler(crawler)
    scraper = SimpleNamespace(active=set(), queue=deque())
    crawler.engine = SimpleNamespace(  # type: ignore[assignment]
        scraper=SimpleNamespace(slot=scraper), downloader=SimpleNamespace(active=set(range(16)))
    )

    async def scenario() -> list[bool]:
        await asyncio.wait_for(middleware.process_request(Request("http://x/1")), 1)  # 16 downloading
        scraper.active.update({"page a", "page b"})
        held = asyncio.ensure_future(middleware.process_request(Request("http://x/2")))
        await asyncio.sleep(0.1)
        states = [held.done()]
        robots = Request("http://x/robots.txt", callback=NO_CALLBACK)
        await asyncio.wait_for(middleware.process_request(robots), 1)  # never held
        scraper.active.discard("page a")
        await asyncio.wait_for(held, 1)
        return [*states, held.done()]

    try:
        assert asyncio.run(scenario()) == [False, True]
    finally:
        pool = stage_pool(crawler)
        assert pool is not None
        pool.shutdown()


def test_zero_workers_means_inline() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWL_STAGE_WORKERS": 0})
    assert stage_pool(crawler) is None
    with pytest.raises(NotConfigured):
        StageBackpressure.from_crawler(crawler)
    assert worker_count(None) >= 1 and worker_count("") >= 1
    assert worker_count("3") == 3 and worker_count(0) == 0
