"""Ad-hoc crawls need no site file: -a sitemap=, feed= or url=, allowed domains from the URLs."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from scrapy.settings import Settings

from newscrawl.spiders.news import user_agent
from tests.conftest import EXPECTED, run_crawl

ARTICLES = sorted(a["path"] for a in EXPECTED["articles"])


def stored_paths(db_path: Path, base: str) -> list[str]:
    rows = sqlite_utils.Database(db_path).query("select url from articles")
    return sorted(r["url"].removeprefix(base) for r in rows)


def test_adhoc_sitemap_index(demo_site: str, tmp_path: Path) -> None:
    result = run_crawl(tmp_path / "news.db", "-a", f"sitemap={demo_site}/sitemap.xml")
    assert result.returncode == 0, result.stderr[-2000:]
    assert stored_paths(tmp_path / "news.db", demo_site) == ARTICLES


def test_adhoc_section_page_and_feed(demo_site: str, tmp_path: Path) -> None:
    result = run_crawl(tmp_path / "news.db", "-a", f"url={demo_site}/category/markets/",
                       "-a", f"feed={demo_site}/feed.xml")
    assert result.returncode == 0, result.stderr[-2000:]
    stored = stored_paths(tmp_path / "news.db", demo_site)
    markets = [a["path"] for a in EXPECTED["articles"] if a["section"] == "markets"]
    assert set(markets) <= set(stored) <= set(ARTICLES)
    assert "news/non_article/soft_404" in result.stderr


def test_adhoc_article_url(demo_site: str, tmp_path: Path) -> None:
    seed = "/2025/12/16/alibabas-ai-breakthrough-contrasts-with-stock-market-pressures/"
    result = run_crawl(tmp_path / "news.db", "-a", f"url={demo_site}{seed}?utm_source=x#top")
    assert result.returncode == 0, result.stderr[-2000:]
    assert stored_paths(tmp_path / "news.db", demo_site) == [seed]


def test_bad_arguments_give_one_line_errors(tmp_path: Path) -> None:
    result = run_crawl(tmp_path / "news.db", "-a", "site=nosuchsite")
    assert result.returncode != 0
    assert "unknown site(s): nosuchsite" in result.stderr
    result = run_crawl(tmp_path / "news.db", "-a", "url=ftp://example.com/x")
    assert result.returncode != 0
    assert "not an http(s) URL: ftp://example.com/x" in result.stderr
    result = run_crawl(tmp_path / "news.db", "-a", "sites=demo")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        "error: unknown argument(s): sites (expected site, feed, sitemap, url)")


def test_user_agent_names_contact_url() -> None:
    """-s NEWSCRAWL_CONTACT_URL=... changes the user agent; an explicit -s USER_AGENT=... wins."""
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    settings.set("NEWSCRAWL_CONTACT_URL", "https://example.org/bot", priority="cmdline")
    assert user_agent(settings) == "newscrawl/0.1 (+https://example.org/bot)"
    settings.set("USER_AGENT", "mybot/2", priority="cmdline")
    assert user_agent(settings) == "mybot/2"


def test_copy_of_an_article_is_read_from_its_canonical_page(demo_site: str, tmp_path: Path) -> None:
    """An AMP copy: the article is stored once, under and from its canonical page."""
    [(copy, canonical)] = EXPECTED["duplicates"].items()
    result = run_crawl(tmp_path / "news.db", "-a", f"url={demo_site}{copy}")
    assert result.returncode == 0, result.stderr[-2000:]
    db = sqlite_utils.Database(tmp_path / "news.db")
    rows = list(db.query("select url, fetched_url, title from articles"))
    gold = next(a for a in EXPECTED["articles"] if a["path"] == canonical)
    url = demo_site + canonical
    assert rows == [{"url": url, "fetched_url": url, "title": gold["title"]}]
