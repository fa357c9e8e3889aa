"""Incremental crawling: validators remembered in `fetches`, conditional GET, 304s counted, versions kept."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from tests.conftest import run_crawl
from tests.faultserver import article

LAST_MODIFIED = "Mon, 03 Nov 2025 10:00:00 GMT"


class Site(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, str]
    conditional: list[tuple[str, str | None, str | None]]
    statuses: list[tuple[str, int]]


class Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, *args: object) -> None:
        pass

    def reply(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.server.statuses.append((self.path, status))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            items = "".join(f"<item><link>{base}{p}</link></item>" for p in self.server.pages)
            self.reply(200, f"<rss><channel>{items}</channel></rss>".encode(), "application/rss+xml")
            return
        if self.path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2025-11-03</lastmod></url>"
                           for p in self.server.pages)
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
            self.reply(200, body, "application/xml")
            return
        html = self.server.pages.get(self.path)
        if html is None:
            self.reply(404, b"not found", "text/html")
            return
        etag = '"' + hashlib.sha1(html.encode()).hexdigest()[:16] + '"'
        since, match = self.headers.get("If-Modified-Since"), self.headers.get("If-None-Match")
        self.server.conditional.append((self.path, match, since))
        if match == etag:
            self.reply(304, b"", "text/html", ETag=etag)
            return
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        self.reply(200, html.encode(), "text/html; charset=utf-8", **headers)


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site(("127.0.0.1", 0), Handler)
    # a first line of its own shape on each page: one the three share ("Story 0 body.") is learned as the
    # site's template, and the pages stored before that are cleaned again at the end (a version each)
    server.pages = {f"/news/incremental-story-number-{i}": article(f"Story {i}", f"Story {i} body, {n} run.")
                    for i, n in enumerate(["first", "second", "third"])}
    server.conditional, server.statuses = [], []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def crawl(db: Path, site: Site, *args: str) -> Any:
    result = run_crawl(db, *(args or ("-a", f"feed=http://127.0.0.1:{site.server_address[1]}/feed.xml")),
                       "-s", "NEWSCRAWL_ENTITIES_ENABLED=False", timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return result


def test_recrawl_uses_conditional_get_and_keeps_versions(site: Site, tmp_path: Path) -> None:
    db_path = tmp_path / "news.db"
    crawl(db_path, site)
    db = sqlite_utils.Database(db_path)
    fetches = {r["url"].rsplit("/", 1)[1]: r for r in db.query("select * from fetches")}
    assert len(fetches) == 3
    assert all(f["etag"] and f["last_modified"] == LAST_MODIFIED for f in fetches.values())
    first_hash = fetches["incremental-story-number-1"]["content_hash"]
    assert all(match is None for _, match, _ in site.conditional)

    site.conditional.clear()
    site.statuses.clear()
    changed = "/news/incremental-story-number-1"
    site.pages[changed] = article("Story 1", "Story 1 body, corrected: the deal closed on Tuesday.")
    crawl(db_path, site)

    assert sorted(p for p, m, s in site.conditional if m and s == LAST_MODIFIED) == sorted(site.pages)
    assert sorted(p for p, s in site.statuses if s == 304) == sorted(set(site.pages) - {changed})
    run = db.table("crawl_runs").get(2)
    stats = json.loads(run["stats"])
    assert stats["news/not_modified"] == 2 and run["not_modified"] == 2
    assert run["updated"] == 1 and run["stored"] == 0 and run["errors"] == 0
    row = next(db.query("select id, text from articles where fetched_url like ?", [f"%{changed}"]))
    assert "corrected" in row["text"]
    versions = list(db.query("select * from article_versions"))
    assert len(versions) == 1 and versions[0]["article_id"] == row["id"] and versions[0]["version"] == 1
    assert "corrected" not in versions[0]["text"] and versions[0]["content_hash"] == first_hash
    assert db.execute("select count(*) from articles").fetchone()[0] == 3
    statuses = {r["url"].rsplit("/", 1)[1]: r["status"] for r in db.query("select url, status from fetches")}
    assert statuses == {"incremental-story-number-0": 304, "incremental-story-number-1": 200,
                        "incremental-story-number-2": 304}


def test_unchanged_sitemap_lastmod_skips_fetches_until_recheck(site: Site, tmp_path: Path) -> None:
    db_path = tmp_path / "news.db"
    sitemap = ("-a", f"sitemap=http://127.0.0.1:{site.server_address[1]}/sitemap.xml")
    crawl(db_path, site, *sitemap)
    db = sqlite_utils.Database(db_path)
    assert {r["sitemap_lastmod"] for r in db.query("select sitemap_lastmod from fetches")} == {"2025-11-03"}

    site.statuses.clear()
    crawl(db_path, site, *sitemap)
    assert [p for p, _ in site.statuses if p.startswith("/news/")] == []
    stats = json.loads(db.table("crawl_runs").get(2)["stats"])
    assert stats["news/skipped/unchanged"] == 3 and db.table("crawl_runs").get(2)["errors"] == 0
    assert db.execute("select count(*) from crawl_errors").fetchone()[0] == 0

    crawl(db_path, site, *sitemap, "-s", "NEWSCRAWL_RECHECK_HOURS=0")
    assert sorted(p for p, s in site.statuses if s == 304) == sorted(site.pages)
