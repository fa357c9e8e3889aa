"""Resume and exactness, for real: a crawl of 220 local articles SIGKILLed at several points, then resumed.

Each run is ``scrapy crawl news`` in a subprocess with the same ``JOBDIR``; the kills come at different
progress levels (just after discovery, and after some rows are visible in the database). After the
final run every article is stored exactly once, with no half-written row, and the database and its
FTS5 index pass their integrity checks.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipelines.database import content_hash
from tests.conftest import ROOT, crawl_command

ARTICLES = 220
WORDS = (
    "analysts investors shares bonds yields markets earnings revenue margins guidance quarter chips "
    "factories suppliers demand orders inventory pricing software cloud servers batteries lenders "
    "deposits rates inflation wages hiring exporters tariffs regulators filings dividends buybacks "
    "startups funding valuations forecasts shipments contracts pipelines outages refinery copper "
    "steady sharply quietly unexpectedly briefly again later modestly strongly widely slowly "
    "rose fell climbed slipped doubled widened narrowed recovered stalled surged eased held"
)
VOCABULARY = WORDS.split()


@dataclass(frozen=True)
class Page:
    path: str
    title: str
    paragraphs: tuple[str, ...]

    def html(self) -> str:
        body = "".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{self.title}</title>'
            f'<meta property="og:type" content="article"><meta name="author" content="Dana Reyes">'
            f'<meta property="article:published_time" content="2025-11-03T10:00:00Z"></head>'
            f'<body><nav><a href="/">Home</a> <a href="/markets/">Markets</a></nav>'
            f"<article><h1>{self.title}</h1><p class=\"byline\">By Dana Reyes</p>{body}</article>"
            f"<footer><p>Copyright 2025 Resume Test Wire.</p></footer></body></html>"
        )


def sentence(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, k=rng.randint(8, 12))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def make_pages(count: int) -> dict[str, Page]:
    """Distinct articles (each paragraph its own random words, so none is learned as boilerplate)."""
    rng = random.Random(20251103)
    pages = {}
    for i in range(count):
        path = f"/markets/2025/resume-story-number-{i:03d}-{rng.choice(VOCABULARY)}"
        paragraphs = tuple(" ".join(sentence(rng) for _ in range(4)) for _ in range(3))
        pages[path] = Page(path, f"Resume story {i}: {rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)}",
                           paragraphs)
    return pages


class Site(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, Page]
    hits: Counter[str]
    lock: threading.Lock


class Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, *args: object) -> None:
        pass

    def reply(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.hits[self.path] += 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in self.server.pages)
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            self.reply(200, body.encode(), "application/xml")
        elif self.path in self.server.pages:
            time.sleep(0.01)  # a little network time: kills land while requests are in flight
            self.reply(200, self.server.pages[self.path].html().encode(), "text/html; charset=utf-8")
        else:
            self.reply(404, b"not found", "text/html")


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site(("127.0.0.1", 0), Handler)
    server.pages, server.hits, server.lock = make_pages(ARTICLES), Counter(), threading.Lock()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def stored_rows(db: Path) -> int:
    """Articles visible to a reader right now (read-only connection; 0 before the database exists)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def article_hits(site: Site) -> int:
    with site.lock:
        return sum(n for p, n in site.hits.items() if p in site.pages)


@dataclass
class Run:
    killed: bool
    returncode: int
    rows_before: int
    rows_after: int
    seconds: float
    log: str


def crawl(
    tmp: Path, site: Site, kill_when: Callable[[], bool] | None, name: str, sig: int = signal.SIGKILL
) -> Run:
    """One ``scrapy crawl`` with the shared JOBDIR; sent ``sig`` as soon as ``kill_when()`` holds."""
    db = tmp / "news.db"
    sitemap = f"http://127.0.0.1:{site.server_address[1]}/sitemap.xml"
    command = crawl_command(
        db, "-a", f"sitemap={sitemap}", "-s", f"JOBDIR={tmp / 'job'}",
        "-s", "NEWSCRAWL_ENTITIES_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS=8", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    )
    log_path = tmp / f"{name}.log"
    rows_before, started = stored_rows(db), time.monotonic()
    with log_path.open("w") as log:
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        killed = False
        try:
            while proc.poll() is None:
                if kill_when is not None and kill_when():
                    proc.send_signal(sig)
                    killed = True
                    break
                if time.monotonic() - started > 60:
                    pytest.fail(f"{name} did not finish in 60 s")
                time.sleep(0.01)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return Run(killed, proc.returncode, rows_before, stored_rows(db), time.monotonic() - started,
               log_path.read_text())


def check_database(db_path: Path, site: Site) -> None:
    base = f"http://127.0.0.1:{site.server_address[1]}"
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        conn.execute("insert into articles_fts(articles_fts) values('integrity-check')")
        rows = conn.execute("select * from articles").fetchall()
        urls = [r["url"] for r in rows]
        assert len(urls) == len(set(urls)) == ARTICLES
        assert set(urls) == {base + p for p in site.pages}
        for row in rows:
            page = site.pages[row["url"].removeprefix(base)]
            assert row["title"] == page.title
            assert row["text"] and all(p in row["text"] for p in page.paragraphs), row["url"]
            assert row["content_hash"] == content_hash(row["title"], row["text"])
            assert row["word_count"] >= 60 and row["first_seen"] and row["last_seen"]
        fts = conn.execute("select count(*) from articles_fts").fetchone()[0]
        assert fts == ARTICLES
        match = conn.execute("select count(*) from articles_fts where articles_fts match 'resume'").fetchone()
        assert match[0] == ARTICLES
        orphans = "select count(*) from article_entities where article_id not in (select id from articles)"
        assert conn.execute(orphans).fetchone()[0] == 0
        assert conn.execute("select count(*) from article_versions").fetchone()[0] == 0  # nothing changed
        fetched = {r[0] for r in conn.execute("select url from fetches where status = 200")}
        assert fetched == set(urls)
    finally:
        conn.close()


def test_killed_crawl_resumes_to_every_article_exactly_once(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    kills: list[tuple[str, Callable[[], bool]]] = [
        ("discovered", lambda: article_hits(site) >= 12),  # sitemap read, first articles in flight
        ("rows>=50", lambda: stored_rows(db) >= 50),
        ("rows>=100", lambda: stored_rows(db) >= 100),
        ("rows>=150", lambda: stored_rows(db) >= 150),
    ]
    runs = []
    for name, kill_when in kills:
        run = crawl(tmp_path, site, kill_when, name)
        runs.append(run)
        assert run.killed, f"{name}: ended before the kill point ({run.rows_after} rows)\n{run.log[-3000:]}"
        assert run.returncode == -signal.SIGKILL
        if name != "discovered":
            assert "Resuming" in run.log and "after a killed crawl" in run.log
    # a clean stop (Ctrl-C: Scrapy saves its queue) is resumed from Scrapy's own JOBDIR state
    stop = crawl(tmp_path, site, lambda: stored_rows(db) >= 180, "ctrl-c", sig=signal.SIGINT)
    assert stop.killed and stop.returncode == 0 and "(shutdown)" in stop.log, stop.log[-3000:]
    final = crawl(tmp_path, site, None, "final")
    runs += [stop, final]
    assert final.returncode == 0 and "(finished)" in final.log, final.log[-3000:]
    assert "after a killed crawl" not in final.log
    assert not [r.log for r in runs if "Traceback" in r.log]
    levels = [r.rows_after for r in runs[:-1]]
    assert levels == sorted(levels) and len(set(levels)) == len(levels), levels  # different progress
    check_database(db, site)
    # resuming does not start over: articles stored before a kill are skipped, not fetched again
    refetched = [p for p in site.pages if site.hits[p] > 1]
    assert len(refetched) < ARTICLES // 4, len(refetched)
    assert sum(r.seconds for r in runs) < 60
    print("runs (rows before -> after, seconds):",
          [(r.rows_before, r.rows_after, round(r.seconds, 1)) for r in runs], "refetched:", len(refetched))
