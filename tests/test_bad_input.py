"""Bad input never crashes a crawl: each bad page is dropped or skipped with a counted reason."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import run_crawl

WORDS = " ".join(f"Paragraph word{i} about chip makers, markets and the economy." for i in range(30))
ARTICLE = (f'<html lang="en"><head><title>Chip makers rally</title>'
           f'<meta property="og:type" content="article"></head><body><article><h1>Chip makers rally</h1>'
           f"<p>{WORDS}</p><p>{WORDS}</p></article></body></html>")
PAGES: dict[str, tuple[str, bytes]] = {
    "/news/good-article-about-chips.html": ("text/html; charset=utf-8", ARTICLE.encode()),
    "/news/empty-body-article-here.html": ("text/html; charset=utf-8", b""),
    "/news/report-served-as-pdf-file.html": ("application/pdf", b"%PDF-1.4 binary"),
    "/news/an-image-served-as-article.html": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    "/news/invalid-utf8-encoding-page.html": ("text/html; charset=utf-8",
                                              ARTICLE.replace("rally", "rally again").encode()
                                              + b"\xff\xfe\xc3\x28"),
    "/news/page-with-no-article-text.html": (
        "text/html", b'<html><head><meta property="og:type" content="article"></head>'
                     b"<body><nav><a href='/'>Home</a> <a href='/x'>Markets</a></nav></body></html>"),
    "/news/too-short-article-story.html": (
        "text/html", b'<html><head><meta property="og:type" content="article"><title>Short</title></head>'
                     b"<body><article><p>Just a few words in this article body here and nothing more "
                     b"to read at all.</p></article></body></html>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            items = "".join(f"<item><link>http://{self.headers['Host']}{p}</link></item>" for p in PAGES)
            kind, body = "application/rss+xml", f"<rss><channel>{items}</channel></rss>".encode()
        elif self.path in PAGES:
            kind, body = PAGES[self.path]
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def bad_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_bad_pages_are_dropped_with_reasons(bad_site: str, tmp_path: Path) -> None:
    db_path = tmp_path / "news.db"
    result = run_crawl(db_path, "-a", f"feed={bad_site}/feed.xml")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    db = sqlite_utils.Database(db_path)
    rows = db.query("select fetched_url from articles")
    stored = sorted(r["fetched_url"].removeprefix(bad_site) for r in rows)
    assert stored == ["/news/good-article-about-chips.html", "/news/invalid-utf8-encoding-page.html"]
    run = db.table("crawl_runs").get(1)
    assert json.loads(run["dropped_reasons"]) == {"empty_body": 1, "not_html": 2, "no_text": 1,
                                                  "too_short": 1}
    assert run["stored"] == 2 and run["finish_reason"] == "finished"
