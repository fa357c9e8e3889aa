"""Scale-out: two ``news_cluster`` workers share a real redis-server; one writer stores into SQLite."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest
import redis
import sqlite_utils

from tests.conftest import EXPECTED, ROOT, demo_sites_dir, free_port
from tests.test_retroactive_clean import TOPICS, story, story_item

REDIS_SERVER = shutil.which("redis-server")



@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway redis-server on 127.0.0.1 (no persistence)."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server binary not found (Debian: apt-get install redis-server)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}"
    server.terminate()
    server.wait(10)


def sites_dir(folder: Path, base: str, delay: float = 0.1) -> Path:
    """The demo site definition on the fixture's port, slowed down so that both workers get pages."""
    return demo_sites_dir(folder, base, download_delay=delay, concurrency=1)


def worker(url: str, sites: Path, folder: Path, *settings: str) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "scrapy", "crawl", "news_cluster", "-a", "site=demo",
        "-s", f"NEWSCRAWL_SITES_DIR={sites}", "-s", f"NEWSCRAWL_REDIS_URL={url}",
        "-s", "NEWSCRAWL_CLUSTER_IDLE_CLOSE=1", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", f"NEWSCRAWL_WARC_DIR={folder / 'warc'}", "-s", "LOG_LEVEL=INFO", *settings,
    ]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def write(url: str, sites: Path, db: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable, "-m", "newscrawl.writer", "--redis-url", url, "--sites-dir", str(sites),
        "--db", str(db), "--idle-exit", "1", *options,
    ]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def finish(process: subprocess.Popen[str]) -> str:
    _, log = process.communicate(timeout=120)
    assert process.returncode == 0, log[-3000:]
    return log


def stored(db: Path, base: str) -> list[str]:
    rows = sqlite_utils.Database(db).query("select url from articles")
    return sorted(r["url"].removeprefix(base) for r in rows)


EXPECTED_PATHS = sorted(a["path"] for a in EXPECTED["articles"])


def test_two_workers_one_writer(redis_url: str, demo_site: str, tmp_path: Path) -> None:
    url = f"{redis_url}/0"
    sites = sites_dir(tmp_path, demo_site, delay=0.25)
    # few requests held per worker, and a slow site: a second worker that starts late still finds work
    workers = [worker(url, sites, tmp_path, "-s", "CONCURRENT_REQUESTS=2") for _ in range(2)]
    writer = write(url, sites, tmp_path / "news.db")
    logs = [finish(w) for w in workers]
    assert writer.returncode == 0, writer.stderr[-3000:]

    assert stored(tmp_path / "news.db", demo_site) == EXPECTED_PATHS  # every article, exactly once
    db = sqlite_utils.Database(tmp_path / "news.db")
    assert db.execute("select count(*) from articles where warc_file is null").fetchone()[0] == 0
    summaries = [json.loads(v) for v in redis.Redis.from_url(url).hgetall("news_cluster:workers").values()]
    assert len(summaries) == 2, logs
    assert all(s["responses"] > 0 and s["items"] > 0 for s in summaries), summaries
    assert sum(s["items"] for s in summaries) >= len(EXPECTED_PATHS)
    assert json.loads(writer.stdout.splitlines()[-1])["newscrawl/stored"] == len(EXPECTED_PATHS)
    run = next(db.query("select * from crawl_runs where spider = 'writer'"))
    assert run["stored"] == len(EXPECTED_PATHS) and run["finish_reason"] == "finished"


def test_pause_and_resume(redis_url: str, demo_site: str, tmp_path: Path) -> None:
    """A worker stopped early leaves the frontier in Redis; the next one carries on from it."""
    url = f"{redis_url}/1"
    sites = sites_dir(tmp_path, demo_site)
    first = worker(url, sites, tmp_path, "-s", "CLOSESPIDER_ITEMCOUNT=3")
    assert "closespider_itemcount" in finish(first)
    server = redis.Redis.from_url(url)
    assert server.zcard("news_cluster:requests") > 0  # paused: requests left in the shared frontier
    assert server.llen("news_cluster:items") >= 3
    second = worker(url, sites, tmp_path)
    writer = write(url, sites, tmp_path / "news.db", "--no-entities")
    assert "Resuming crawl" in finish(second)
    assert writer.returncode == 0, writer.stderr[-3000:]
    assert stored(tmp_path / "news.db", demo_site) == EXPECTED_PATHS


def test_writer_crash_loses_nothing(redis_url: str, demo_site: str, tmp_path: Path) -> None:
    """Items are moved to a "writing" list, not popped: a batch a killed writer was storing is stored by
    the next writer, and items still queued behind it follow."""
    url = f"{redis_url}/2"
    server = redis.Redis.from_url(url)
    sites = sites_dir(tmp_path, demo_site)
    pages = {a["path"]: urlopen(demo_site + a["path"]).read().decode() for a in EXPECTED["articles"][:3]}
    envelopes = [json.dumps({"worker": "w1", "article": {"url": demo_site + path, "site": "demo",
                                                        "fetched_url": demo_site + path, "html": html}})
                 for path, html in pages.items()]
    server.rpush("news_cluster:items:writing", *envelopes[:2])  # the batch of a writer killed mid-way
    server.rpush("news_cluster:items", envelopes[2])
    server.hset("news_cluster:workers", "w1", json.dumps({"responses": 3, "items": 3}))  # a finished worker
    writer = write(url, sites, tmp_path / "news.db", "--no-entities")
    assert writer.returncode == 0, writer.stderr[-3000:]
    assert stored(tmp_path / "news.db", demo_site) == sorted(pages)
    assert server.llen("news_cluster:items:writing") == 0 and server.llen("news_cluster:items") == 0


def test_writer_recleans_its_earlier_articles_when_it_exits(
    redis_url: str, demo_site: str, tmp_path: Path
) -> None:
    """Four pages with a promo learned on the 2nd and a note on the 3rd: at its idle exit the writer
    cleans the 1st and 2nd again (``tests/test_retroactive_clean.py``)."""
    url = f"{redis_url}/3"
    server = redis.Redis.from_url(url)
    items = [json.dumps({"worker": "w1", "article": story_item(n, c)}) for n, c in enumerate(TOPICS)]
    server.rpush("news_cluster:items", *items)
    server.hset("news_cluster:workers", "w1", json.dumps({"responses": 4, "items": 4}))  # a finished worker
    writer = write(url, sites_dir(tmp_path, demo_site), tmp_path / "news.db", "--no-entities")
    assert writer.returncode == 0, writer.stderr[-3000:]
    stats = json.loads(writer.stdout.splitlines()[-1])
    assert (stats["clean/retroactive/articles"], stats["clean/retroactive/learned"]) == (2, 3)
    db = sqlite_utils.Database(tmp_path / "news.db")
    texts = [r[0] for r in db.execute("select text from articles order by url")]
    assert texts == ["\n\n".join(story(company)) for company in TOPICS]
    assert db.execute("select count(*) from article_versions").fetchone()[0] == 2
    run = json.loads(next(db.query("select stats from crawl_runs where spider = 'writer'"))["stats"])
    assert run["clean/retroactive/articles"] == 2
