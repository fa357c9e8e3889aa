"""Every way the web misbehaves (tests/faultserver.py): stated behaviour, a counter, a crawl_errors row.

One real crawl subprocess over the fault site covers all faults; each test asserts one of them.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
import sqlite_utils

from newscrawl.errors import classify
from newscrawl.middlewares import parse_retry_after
from tests.conftest import run_crawl
from tests.faultserver import FaultServer, serve

MAX_RETRY_AFTER = 1.5
SECTION_DEPTH = 2


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> Any:
    server = serve()
    base = server.base
    db_path = tmp_path_factory.mktemp("faults") / "news.db"
    result = run_crawl(
        db_path,
        "-a", f"feed={base}/feed.xml,{base}/bad-feed.xml",
        "-a", f"sitemap={base}/bad-sitemap.xml,{base}/sitemap-index-huge.xml",
        "-a", f"url={base}/calendar/2024/01/,{base}/archive",
        "-s", "DOWNLOAD_TIMEOUT=3",  # generous: a loaded CI machine must not turn 500s into timeouts
        "-s", f"NEWSCRAWL_MAX_RETRY_AFTER={MAX_RETRY_AFTER}",
        "-s", "NEWSCRAWL_RETRY_BACKOFF=0.05",
        "-s", "NEWSCRAWL_MAX_SITEMAPS=5",
        "-s", f"NEWSCRAWL_SECTION_DEPTH={SECTION_DEPTH}",
        "-s", "NEWSCRAWL_ENTITIES_ENABLED=False",
        timeout=90,
    )
    db = sqlite_utils.Database(db_path)
    run = db.table("crawl_runs").get(1)

    class Faults:
        pass

    f = Faults()
    f.server, f.base, f.result, f.db, f.run = server, base, result, db, run  # type: ignore[attr-defined]
    f.stats = json.loads(run["stats"])  # type: ignore[attr-defined]
    yield f
    server.shutdown()
    server.server_close()


def errors_of(f: Any, kind: str) -> list[str]:
    return [r["url"].removeprefix(f.base) for r in f.db.query(
        "select url from crawl_errors where kind = ? and run_id = 1 order by url", [kind])]


def stored(f: Any) -> dict[str, dict[str, Any]]:
    return {r["fetched_url"].removeprefix(f.base): r for r in f.db.query("select * from articles")}


def hits(server: FaultServer, path: str) -> int:
    return server.hits[path]


def test_crawl_finishes_cleanly(faults: Any) -> None:
    assert faults.result.returncode == 0, faults.result.stderr[-3000:]
    assert "Traceback" not in faults.result.stderr
    assert faults.run["finish_reason"] == "finished"
    assert faults.run["errors"] >= 12
    assert faults.db.execute("pragma integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retried_then_recorded(faults: Any, status: int) -> None:
    path = {500: "/news/server-error-500-story-page", 502: "/news/bad-gateway-502-story-page",
            503: "/news/unavailable-503-story-page"}[status]
    assert hits(faults.server, path) == 3  # RETRY_TIMES = 2
    assert faults.stats[f"news/error/http_{status}"] == 1
    assert errors_of(faults, f"http_{status}") == [path]
    times = faults.server.times[path]
    assert times[1] - times[0] >= 0.04 and times[2] - times[1] >= 0.09  # exponential backoff 0.05, 0.1


@pytest.mark.parametrize("path,status", [("/news/rate-limited-429-story-page", 429),
                                         ("/news/busy-503-with-retry-after-story", 503)])
def test_retry_after_is_honoured(faults: Any, path: str, status: int) -> None:
    times = faults.server.times[path]
    assert len(times) == 2 and times[1] - times[0] >= 0.95  # Retry-After: 1
    assert path in stored(faults)
    assert path in errors_of(faults, "retry_after")
    assert faults.stats["retry_after/honoured"] >= 2


def test_retry_after_is_capped(faults: Any) -> None:
    path = "/news/always-rate-limited-429-story"  # Retry-After: 3600
    times = faults.server.times[path]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 3, times
    assert all(MAX_RETRY_AFTER - 0.05 <= g < MAX_RETRY_AFTER + 2 for g in gaps), gaps
    assert faults.stats["retry_after/capped"] == 2, faults.stats
    assert errors_of(faults, "http_429") == [path]


def test_stalled_response_times_out(faults: Any) -> None:
    path = "/news/stalled-response-story-page"
    assert hits(faults.server, path) == 3
    assert faults.stats["news/error/timeout"] == 1
    assert errors_of(faults, "timeout") == [path]


def test_connection_reset_mid_body(faults: Any) -> None:
    path = "/news/connection-reset-story-page"
    assert hits(faults.server, path) == 3
    assert faults.stats["news/error/connection_lost"] == 1
    assert errors_of(faults, "connection_lost") == [path]


def test_truncated_body(faults: Any) -> None:
    path = "/news/truncated-body-story-page"
    assert faults.stats["news/error/truncated"] == 1
    assert errors_of(faults, "truncated") == [path]
    assert path not in stored(faults)


@pytest.mark.parametrize("path,title", [
    ("/news/latin1-page-without-charset-story", "Börse Zürich"),
    ("/news/utf8-page-declared-as-latin1-story", "Börse München"),
    ("/news/cp1252-page-declared-as-utf8-story", "Börse Frankfurt"),
    ("/news/page-with-unknown-charset-story", "Börse Wien"),
])
def test_encodings_are_stored_correctly_decoded(faults: Any, path: str, title: str) -> None:
    row = stored(faults)[path]
    assert row["title"] == title
    assert "Die Münchner Börse schloss höher; Anleger in Zürich zahlten 5 € mehr" in row["text"]


def test_misdeclared_encodings_are_recorded(faults: Any) -> None:
    assert errors_of(faults, "misdeclared_encoding") == [
        "/news/cp1252-page-declared-as-utf8-story", "/news/utf8-page-declared-as-latin1-story"]
    assert faults.stats["news/encoding/repaired"] == 2


@pytest.mark.parametrize("path", ["/news/gzip-bomb-story-page-here", "/news/twenty-megabyte-story-page-here"])
def test_oversized_bodies_are_dropped_by_the_size_cap(faults: Any, path: str) -> None:
    assert path in errors_of(faults, "too_large")
    assert path not in stored(faults)
    assert faults.stats["news/error/too_large"] == 2


@pytest.mark.parametrize("path", ["/news/annual-report-served-as-pdf", "/news/chart-image-served-as-article"])
def test_pdfs_and_images_are_not_articles(faults: Any, path: str) -> None:
    assert path in errors_of(faults, "not_html")
    assert faults.stats["newscrawl/dropped/not_html"] == 2


def test_redirect_loop_is_stopped(faults: Any) -> None:
    assert errors_of(faults, "redirect_loop") == ["/news/redirect-loop-b-story-page"]
    assert hits(faults.server, "/news/redirect-loop-a-story-page") == 1
    assert faults.stats["news/error/redirect_loop"] == 1


def test_long_redirect_chain_is_cut_short_one_followed(faults: Any) -> None:
    long_hops = [p for p in faults.server.hits if p.startswith("/hop/long/")]
    assert len(long_hops) == 20  # REDIRECT_MAX_TIMES
    assert errors_of(faults, "too_many_redirects") == ["/hop/long/20"]
    assert "/news/redirect-chain-short-final" in stored(faults)


def test_calendar_and_pagination_traps_are_bounded(faults: Any) -> None:
    calendar = [p for p in faults.server.hits if p.startswith("/calendar/")]
    archive = [p for p in faults.server.hits if p.startswith("/archive")]
    assert len(calendar) == len(archive) == SECTION_DEPTH + 1
    assert errors_of(faults, "depth_limit") == ["/archive?page=3", "/calendar/2024/03/"]
    assert faults.stats["news/section/depth_limit"] == 2


def test_same_article_under_several_urls_is_stored_once(faults: Any) -> None:
    rows = list(faults.db.query("select url from articles where title = 'One story, three addresses'"))
    assert [r["url"] for r in rows] == [f"{faults.base}/news/canonical-story-about-chip-makers"]
    assert len(errors_of(faults, "duplicate")) == 2
    assert faults.stats["news/duplicate"] == 2


def test_soft_404_is_not_stored(faults: Any) -> None:
    assert errors_of(faults, "soft_404") == ["/news/this-story-was-removed-long-ago"]
    assert faults.stats["news/non_article/soft_404"] == 1


def test_malformed_feed_and_sitemap(faults: Any) -> None:
    assert errors_of(faults, "malformed_feed") == ["/bad-feed.xml"]
    assert errors_of(faults, "malformed_sitemap") == ["/bad-sitemap.xml"]
    assert faults.stats["news/feed/empty"] == 1 and faults.stats["news/sitemap/malformed"] == 1


def test_huge_sitemap_index_is_capped(faults: Any) -> None:
    children = [p for p in faults.server.hits if p.startswith("/sitemaps/")]
    assert len(children) == 5
    assert errors_of(faults, "sitemap_cap") == ["/sitemap-index-huge.xml"]
    assert faults.stats["news/sitemap/capped"] == 1


def test_robots_txt_is_obeyed_and_recorded(faults: Any) -> None:
    assert hits(faults.server, "/private/secret-story-behind-robots-txt") == 0
    assert errors_of(faults, "robots_forbidden") == ["/private/secret-story-behind-robots-txt"]
    robots = list(faults.db.query("select * from robots_txt"))
    assert len(robots) == 1 and "Disallow: /private/" in robots[0]["body"] and robots[0]["status"] == 200


def test_good_articles_are_stored(faults: Any) -> None:
    assert "/news/good-article-about-chip-makers" in stored(faults)
    assert faults.run["stored"] == len(stored(faults)) == 9


def test_user_agent_names_the_project_and_contact(faults: Any) -> None:
    from scrapy.utils.project import get_project_settings

    agent = get_project_settings().get("USER_AGENT")
    assert "newscrawl" in agent and get_project_settings().get("NEWSCRAWL_CONTACT_URL") in agent


def test_parse_retry_after() -> None:
    assert parse_retry_after(b"120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 60) == 60.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_classify_unknown_exception() -> None:
    assert classify(ValueError("boom")) == ("ValueError", "boom")


def test_no_network_beyond_localhost(faults: Any) -> None:
    urls = [r["url"] for r in faults.db.query("select url from crawl_errors")]
    assert urls and all(u.startswith("http://127.0.0.1:") for u in urls)
