"""Per-site politeness from the site definitions, and readers that never wait for the writer."""

from __future__ import annotations

from pathlib import Path

from datasette.app import Datasette
from scrapy.crawler import Crawler
from scrapy.settings import Settings

from newscrawl.spiders.news import NewsSpider
from pipelines import database
from tests.conftest import demo_sites_dir


def test_site_delay_and_concurrency_become_download_slots(tmp_path: Path) -> None:
    sites = demo_sites_dir(tmp_path, "http://127.0.0.1:9", download_delay=1.5, concurrency=1)
    # as in Crawler.crawl: the spider is built before the settings are frozen
    crawler = Crawler(NewsSpider, Settings({"NEWSCRAWL_SITES_DIR": str(sites)}))
    spider = NewsSpider.from_crawler(crawler, site="demo")
    assert spider.allowed_domains == ["127.0.0.1"]
    assert crawler.settings.getdict("DOWNLOAD_SLOTS") == {"127.0.0.1": {"delay": 1.5, "concurrency": 1}}


async def test_datasette_reads_while_a_crawl_writes(tmp_path: Path) -> None:
    """WAL: a write transaction left open by the crawl does not block Datasette (mutable mode)."""
    path = tmp_path / "news.db"
    db = database.open_db(path)
    database.store_article(db, {"url": "https://example.com/a", "title": "First", "text": "One two."})
    db.execute("begin immediate")
    db.execute("insert into articles (url, title, text) values ('https://example.com/b', 'Second', 'x')")
    ds = Datasette([str(path)])
    response = await ds.client.get("/news/articles.json?_shape=array&_col=title")
    assert response.status_code == 200
    assert [row["title"] for row in response.json()] == ["First"]
    db.conn.commit()
    response = await ds.client.get("/news/articles.json?_shape=array&_col=title")
    assert [row["title"] for row in response.json()] == ["First", "Second"]
