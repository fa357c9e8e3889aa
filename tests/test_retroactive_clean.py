"""Retroactive cleaning: at the end of a crawl, the articles stored before a promo's shape was learned are
cleaned again with what the crawl learned (``pipelines.database.reclean_articles``)."""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from newscrawl.demo.server import SITE_DIR, DemoServer
from newscrawl.writer import ArticleProcessor
from pipelines import database
from pipelines.boilerplate import BoilerplateMemory, SiteHeadlines, headline_key, shape
from pipelines.promo import word_count
from pipelines.stages import reclean_stored
from tests.conftest import crawl_demo_site

# Lines no cleaning rule names; only site learning can tell they are the site's template. The promo looks
# like a call to action ("buy"): learned once on 2 pages. The note does not: learned once on 3 pages.
PROMO = "Our analysts rate {company} a strong buy for the coming months."
NOTE = "Data on {company} come from the exchange and are delayed by fifteen minutes."
INJECTED = {  # layout A pages of the demo site, the promo and the note after their first paragraph
    "/2025/12/12/halvorsen-semiconductor-shares-jump-9-on-data-center-chip-orders/": "Halvorsen",
    "/2025/12/10/northwind-bank-beats-estimates-as-trading-revenue-surges-28/": "Northwind",
    "/2025/12/08/solaris-grid-wins-2-1-billion-battery-storage-contract-in-texas/": "Solaris",
    "/2025/12/04/kestrel-robotics-unveils-warehouse-humanoid-but-stock-slides-on-pricing-doubts/": "Kestrel",
}
FIRST_PARAGRAPH = re.compile(r'<div class="td-post-content tagdiv-type">\n<p>.*?</p>\n')


def lines(company: str) -> list[str]:
    return [PROMO.format(company=company), NOTE.format(company=company)]


def test_the_injected_lines_are_learned_from_two_and_three_pages() -> None:
    memory = BoilerplateMemory()
    assert [memory.needed(line) for line in lines("Halvorsen")] == [2, 3]
    assert len({shape(line) for c in INJECTED.values() for line in lines(c)}) == 2  # one shape each


@pytest.fixture(scope="module")
def promo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo site, copied, with the promo and the note on the :data:`INJECTED` pages, served on a free
    port (the bundled site stays as ``make demo`` serves it)."""
    site = tmp_path_factory.mktemp("promo-site") / "site"
    shutil.copytree(SITE_DIR, site)
    for path, company in INJECTED.items():
        page = site / path.strip("/") / "index.html"
        html = page.read_text(encoding="utf-8")
        first = FIRST_PARAGRAPH.search(html)
        assert first is not None, path
        extra = "".join(f"<p>{line}</p>\n" for line in lines(company))
        page.write_text(html[: first.end()] + extra + html[first.end() :], encoding="utf-8")
    server = DemoServer("127.0.0.1", 0, site_dir=site)
    threading.Thread(target=server.serve_forever, name="promo-site", daemon=True).start()
    yield server.base_url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def promo_crawl(promo_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("promo-crawl")
    result = crawl_demo_site(folder, promo_site)
    db = sqlite_utils.Database(folder / "news.db")
    rows = {r["url"].removeprefix(promo_site): r for r in db.query("select * from articles")}
    stats = json.loads(db.table("crawl_runs").get(1)["stats"])
    return {"db": db, "rows": rows, "stats": stats, "log": result.stderr, "base": promo_site}


VERSIONS = (
    "select a.url, a.text, v.version, v.text old from article_versions v"
    " join articles a on a.id = v.article_id order by a.url"
)


def removed_paragraphs(old: str, new: str) -> list[str]:
    kept = new.split("\n\n")
    return [p for p in old.split("\n\n") if p not in kept]


def test_no_stored_article_keeps_the_promo_or_the_note(promo_crawl: dict[str, Any]) -> None:
    texts = {path: row["text"] for path, row in promo_crawl["rows"].items()}
    assert sorted(p for p, t in texts.items() if "strong buy" in t or "delayed by fifteen" in t) == []
    assert set(INJECTED) <= set(texts)


def test_every_article_ends_as_the_crawl_of_the_site_without_them(
    promo_crawl: dict[str, Any], crawl: dict[str, Any]
) -> None:
    """The text of every article equals the one of the plain demo crawl (``crawl`` fixture), and its
    ``cleaning`` counts are that crawl's, with the 2 learned lines on the injected pages."""
    rows, plain = promo_crawl["rows"], crawl["rows"]
    assert sorted(rows) == sorted(plain)
    assert {p: r["text"] for p, r in rows.items()} == {p: r["text"] for p, r in plain.items()}
    assert {p: r["word_count"] for p, r in rows.items()} == {p: r["word_count"] for p, r in plain.items()}
    for path, row in rows.items():
        cleaning = json.loads(plain[path]["cleaning"])
        if path in INJECTED:
            cleaning["learned"] = cleaning.get("learned", 0) + 2
        assert json.loads(row["cleaning"]) == cleaning, path
        assert row["content_hash"] == database.content_hash(row["title"], row["text"]), path


def test_the_earlier_texts_are_kept_as_versions(promo_crawl: dict[str, Any]) -> None:
    """The first injected page cleaned lost both lines afterwards, the second one its note (the promo was
    learned by then); the versions hold the texts as first stored. Lines of the demo site's own template
    can go late as well, on pages that depend on the crawl's order: only the injected lines are compared."""
    db, base = promo_crawl["db"], promo_crawl["base"]
    versions = list(db.query(VERSIONS))
    assert all(v["version"] == 1 for v in versions)
    late = {}  # injected page -> its injected lines removed afterwards
    for v in versions:
        path = v["url"].removeprefix(base)
        gone = [p for p in removed_paragraphs(v["old"], v["text"]) if p in lines(INJECTED.get(path, ""))]
        if gone:
            late[path] = gone
    assert len(late) == 2 and set(late) <= set(INJECTED)
    both, one = sorted(late, key=lambda path: -len(late[path]))
    assert late == {both: lines(INJECTED[both]), one: [NOTE.format(company=INJECTED[one])]}


def test_stats_and_log_count_the_late_removals(promo_crawl: dict[str, Any], crawl: dict[str, Any]) -> None:
    stats, db = promo_crawl["stats"], promo_crawl["db"]
    changed = db.execute("select count(distinct article_id) from article_versions").fetchone()[0]
    assert stats["clean/retroactive/articles"] == changed
    late = sum(len(removed_paragraphs(v["old"], v["text"])) for v in db.query(VERSIONS))
    assert stats["clean/retroactive/learned"] == late
    assert {k for k in stats if k.startswith("clean/retroactive/")} == {
        "clean/retroactive/articles", "clean/retroactive/learned"
    }
    # every occurrence of a learned shape goes, when cleaned or afterwards: the plain crawl's, and 8 more
    plain = json.loads(crawl["db"].table("crawl_runs").get(1)["stats"])
    total = stats["clean/removed/learned"] + stats["clean/retroactive/learned"]
    assert total == plain.get("clean/removed/learned", 0) + plain.get("clean/retroactive/learned", 0) + 8
    logged = re.findall(r"INFO: Re-cleaned (\d+) earlier articles of demo with what the crawl learned",
                        promo_crawl["log"])
    assert logged == [str(changed)]


def test_fts_index_follows_the_late_removals(promo_crawl: dict[str, Any]) -> None:
    db = promo_crawl["db"]
    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    match = "select count(*) from articles_fts where articles_fts match ?"
    assert db.execute(match, ['"strong buy"']).fetchone()[0] == 0
    assert db.execute(match, ['"delayed by fifteen minutes"']).fetchone()[0] == 0
    found = {r[0] for r in db.execute("select rowid from articles_fts where articles_fts match 'halvorsen'")}
    rows = promo_crawl["rows"].values()
    assert found == {r["id"] for r in rows if "halvorsen" in f"{r['title']} {r['text']}".lower()} != set()


# --- the database function on a small database ------------------------------------------------------

def article(url: str, title: str, *paragraphs: str) -> dict[str, Any]:
    text = "\n\n".join(paragraphs)
    return {
        "url": url, "site": "example", "title": title, "text": text, "word_count": word_count(text),
        "removed": {"promo": 1}, "entities": [{"name": "Acme", "type": "ORG", "count": 1, "first_offset": 0}],
    }


AD = "Buy the Acme report now."
STORY = ("Acme shares rose.", "Analysts cheered the results.")


def drop_ads(text: str, title: str | None) -> tuple[str, dict[str, int]]:
    """A stand-in for ``pipelines.clean.reclean``: removes the AD paragraphs."""
    kept = [p for p in text.split("\n\n") if p != AD]
    gone = len(text.split("\n\n")) - len(kept)
    return "\n\n".join(kept), ({"learned": gone} if gone else {})


@pytest.fixture
def small_db(tmp_path: Path) -> sqlite_utils.Database:
    db = database.open_db(tmp_path / "x.db")
    for record in [
        article("https://example.com/a", "Acme rises", STORY[0], AD, STORY[1]),
        article("https://example.com/only-ad", "Acme ad", AD),  # cleaning would leave nothing: kept
        article("https://example.com/clean", "Acme clean", *STORY),  # nothing to remove
        article("https://example.com/other", "Not asked", STORY[0], AD),  # not among the URLs
    ]:
        database.store_article(db, record)
        database.record_fetch(db, {"url": record["url"], "status": 200,
                                   "content_hash": database.content_hash(record["title"], record["text"])})
    return db


def test_reclean_articles_updates_changed_rows_in_one_go(small_db: sqlite_utils.Database) -> None:
    db = small_db
    before = {r["url"]: r for r in db.query("select * from articles")}
    urls = ["https://example.com/a", "https://example.com/only-ad", "https://example.com/clean",
            "https://example.com/missing"]
    assert database.reclean_articles(db, urls, drop_ads) == [{"learned": 1}]

    after = {r["url"]: r for r in db.query("select * from articles")}
    row = after["https://example.com/a"]
    assert row["text"] == "Acme shares rose.\n\nAnalysts cheered the results."
    assert row["word_count"] == 7
    assert row["content_hash"] == database.content_hash("Acme rises", row["text"])
    assert row["cleaning"] == '{"learned": 1, "promo": 1}'
    assert row["last_seen"] == before["https://example.com/a"]["last_seen"]
    for url in ["https://example.com/only-ad", "https://example.com/clean", "https://example.com/other"]:
        assert after[url] == before[url], url

    versions = list(db.query("select article_id, version, content_hash, title, text from article_versions"))
    old = before["https://example.com/a"]
    assert versions == [{"article_id": old["id"], "version": 1, "content_hash": old["content_hash"],
                         "title": "Acme rises", "text": old["text"]}]
    fetches = {r["url"]: r["content_hash"] for r in db.query("select url, content_hash from fetches")}
    assert fetches == {url: r["content_hash"] for url, r in after.items()}
    entities = db.execute("select count(*) from article_entities where article_id = ?", [old["id"]])
    assert entities.fetchone()[0] == 1  # left as tagged

    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    ads = db.execute("select rowid from articles_fts where articles_fts match 'report' order by rowid")
    assert [r[0] for r in ads] == [after[u]["id"] for u in ["https://example.com/only-ad",
                                                            "https://example.com/other"]]
    assert database.reclean_articles(db, urls, drop_ads) == []  # a second pass finds nothing left


def test_reclean_articles_skips_a_row_changed_since_it_was_read(
    small_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    other = database.open_db(tmp_path / "x.db")  # another writer: a crawl storing the page again

    def meanwhile(text: str, title: str | None) -> tuple[str, dict[str, int]]:
        with other.conn:
            other.execute("update articles set text = 'Rewritten.', content_hash = 'new' where title = ?",
                          [title])
        return drop_ads(text, title)

    assert database.reclean_articles(small_db, ["https://example.com/a"], meanwhile) == []
    row = next(small_db.query("select text, cleaning from articles where url = 'https://example.com/a'"))
    assert row == {"text": "Rewritten.", "cleaning": '{"promo": 1}'}


def test_reclean_stored_counts_learned_shapes_and_teaser_headlines(small_db: sqlite_utils.Database) -> None:
    teaser = "Acme opens a new plant in Ohio"
    database.store_article(small_db, article("https://example.com/t", "Acme grows", STORY[0], teaser, AD))
    learned = {shape(AD)}
    headlines = SiteHeadlines()
    headlines.add(headline_key(teaser))
    headlines.add(headline_key("Acme grows"))
    urls = ["https://example.com/t", "https://example.com/a", "https://example.com/only-ad"]
    stats = reclean_stored(small_db, urls, learned, headlines)
    assert stats == Counter({"clean/retroactive/articles": 2, "clean/retroactive/learned": 2,
                             "clean/retroactive/teaser_headline": 1})
    texts = dict(small_db.execute("select url, text from articles where url in (?, ?)", urls[:2]).fetchall())
    assert texts == {"https://example.com/t": STORY[0], "https://example.com/a": "\n\n".join(STORY)}


# --- the cluster writer (newscrawl write) -------------------------------------------------------------

TOPICS = {  # each page's own text: only the promo and the note repeat across the site
    "Alibaba": "raised its forecast for the full year, citing strong demand from data centres",
    "Tencent": "cut its dividend after a weak quarter in its games business and lower advertising sales",
    "Nvidia": "announced a new chip for laptops that will ship in the spring with several partners",
    "Siemens": "won a large order for wind turbines from a utility in the north of the country",
}


def story(company: str) -> list[str]:
    topic = TOPICS[company]
    return [
        f"Shares of {company} moved on Tuesday after the company {topic}, and trading was brisk all day.",
        f"Analysts who follow {company} welcomed the news that it {topic}, and some of them changed their "
        "price targets in notes to clients on the same day.",
        f"Asked whether it {topic} to calm investors, a spokesperson said it had been long planned.",
    ]


def story_page(company: str) -> str:
    """An article page with the promo and the note after its first paragraph."""
    first, *rest = story(company)
    body = "".join(f"<p>{p}</p>" for p in [first, *lines(company), *rest])
    title = f"{company} shares move on the news"
    return (
        f'<html lang="en"><head><title>{title}</title><meta name="author" content="Jane Doe">'
        '<meta property="og:type" content="article"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def story_item(number: int, company: str) -> dict[str, Any]:
    url = f"https://news.example/a/{number}"
    return {"url": url, "site": "example", "fetched_url": url, "html": story_page(company)}


def test_the_writer_recleans_what_it_stored_before_learning(tmp_path: Path) -> None:
    """Pages stored one by one: the promo is learned on the 2nd page, the note on the 3rd."""
    db = database.open_db(tmp_path / "w.db")
    processor = ArticleProcessor(db, {}, min_words=60, entities_enabled=False)
    for number, company in enumerate(TOPICS):
        processor.process([story_item(number, company)])
    texts = [r[0] for r in db.execute("select text from articles order by url")]
    assert [t.count("strong buy") + t.count("delayed by") for t in texts] == [2, 1, 0, 0]
    assert processor.stats["clean/removed/learned"] == 5

    processor.reclean_stored()
    assert {k: v for k, v in processor.stats.items() if "retroactive" in k} == {
        "clean/retroactive/articles": 2, "clean/retroactive/learned": 3
    }
    texts = [r[0] for r in db.execute("select text from articles order by url")]
    assert texts == ["\n\n".join(story(company)) for company in TOPICS]
    versions = db.execute("select article_id, version from article_versions order by article_id")
    assert versions.fetchall() == [(1, 1), (2, 1)]
    processor.reclean_stored()  # once: the URLs stored are forgotten after the pass
    assert processor.stats["clean/retroactive/articles"] == 2
