"""Fuzz the page-to-item path: any page goes through extract -> clean -> language -> entities -> store.

Whatever the page holds (malformed HTML, control characters, ``<script>``, SQL-looking strings, 1 MB lines,
random bytes in any encoding) the stages raise nothing but ``Rejected``, and what is stored is exactly what
the stages produced: text is data, never markup or SQL.
"""

from __future__ import annotations

import html as html_lib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines import database
from pipelines.stages import Rejected, clean_stage, entities_stage, extract_stage, language_stage

SQLISH = [
    "'; DROP TABLE articles; --",
    "Robert'); DELETE FROM articles WHERE 1=1; --",
    '" OR ""="',
    "1 OR 1=1",
    "x' UNION SELECT name, sql FROM sqlite_master --",
    "articles_fts MATCH '*'",
    "insert into articles_fts(articles_fts) values('delete-all')",
    "\\'; ATTACH DATABASE '/tmp/evil.db' AS evil; --",
]
MARKUP = [
    "<script>alert(document.cookie)</script>",
    "</script><script>alert(1)</script>",
    "<script src=//evil.example/x.js></script>",
    "<img src=x onerror=alert(1)>",
    "<!-- unterminated comment",
    "<![CDATA[ <p>not a paragraph</p> ]]>",
    "<p><div><p>unclosed",
    "</article></body></html><html><body>",
    "<style>p { display: none }</style>",
    "<?xml version='1.0' encoding='ebcdic'?>",
    "<meta charset='utf-7'>+ADw-script+AD4-",
    "&#0; &#xD800; &#1114112; &bogus; &amp",
    "<title>\x00</title>",
]
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis", "koi8-r", "gb18030", "utf-7"]
STORED: list[str] = []  # URLs stored by this module's tests (the fuzz must reach the database)
TAGS = ["p", "div", "span", "h1", "h2", "li", "blockquote", "td", "article", "main", "section", "pre", "a"]

# any unicode but surrogates (a str from a decoded HTTP body never holds them), control characters included
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
WORDS = ["the", "market", "rose", "as", "investors", "bought", "chip", "shares", "on", "Tuesday", "Apple",
         "Nvidia", "NASDAQ:NVDA", "$3.4bn", "12%", "Frankfurt", "Börse", "株式", "рынок"]
words = st.lists(st.sampled_from(WORDS), max_size=80)
fragment = st.one_of(
    any_text,
    st.sampled_from(SQLISH),
    st.sampled_from(MARKUP),
    st.sampled_from(SQLISH + MARKUP).map(html_lib.escape),  # shown as text on the page
    words.map(" ".join),
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """HTML-ish pages: a plausible article skeleton around random, malformed or hostile pieces."""
    title = draw(fragment)
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        close = draw(st.booleans())
        parts.append(f"<{tag}>{draw(fragment)} {draw(fragment)}" + (f"</{tag}>" if close else ""))
    body = "".join(parts)
    skeleton = draw(st.booleans())
    if not skeleton:
        return body
    return (
        f'<!DOCTYPE html><html lang="{draw(st.sampled_from(["en", "de", "", "xx-YY", "<"]))}"><head>'
        f"<title>{title}</title><meta name=\"author\" content=\"{html_lib.escape(draw(fragment))}\">"
        f'<script type="application/ld+json">{draw(fragment)}</script></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """A page as bytes: random bytes, or a document in some encoding (whatever it can encode)."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=2000))
    encoding = draw(st.sampled_from(ENCODINGS))
    return draw(documents()).encode(encoding, errors="replace")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite_utils.Database]:
    store = database.open_db(Path(tmp_path_factory.mktemp("fuzz")) / "news.db")
    yield store
    assert len(STORED) >= 20, f"only {len(STORED)} fuzzed pages reached the store"
    assert store.execute("pragma integrity_check").fetchone()[0] == "ok"
    store.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    store.close()


def run_stages(page: str | bytes, url: str) -> dict[str, Any] | None:
    """The Scrapy pipelines' stages on one page; None when a stage rejects it (the only allowed failure)."""
    article: dict[str, Any] = {"url": url, "site": "fuzz", "fetched_url": url, "html": page}
    try:
        article = extract_stage(article)
        article = clean_stage(article, (), min_words=0)
        article = language_stage(article)
        return entities_stage([article])[0]
    except Rejected:
        return None


def store_and_check(db: sqlite_utils.Database, article: dict[str, Any]) -> None:
    """Store the article; the row holds exactly what the stages produced."""
    expected = json.loads(json.dumps(article, default=str))  # what the stages made, before the store
    database.store_article(db, article)
    STORED.append(article["url"])
    row = next(db.query("select * from articles where url = ?", [article["url"]]))
    assert row["text"] == expected["text"]
    assert row["title"] == expected.get("title")
    assert row["content_hash"] == database.content_hash(row["title"], row["text"])
    assert json.loads(row["authors"]) == (expected.get("authors") or [])
    assert row["language"] == expected.get("language")
    links = db.execute(
        "select count(*) from article_entities where article_id = ?", [row["id"]]
    ).fetchone()[0]
    assert links == len({(e["name"], e["type"]) for e in expected.get("entities") or []})
    assert {"articles", "article_entities", "articles_fts"} <= set(db.table_names())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(page=st.one_of(documents(), encoded()), slot=st.integers(0, 30))
def test_any_page_is_rejected_or_stored_exactly(
    db: sqlite_utils.Database, page: str | bytes, slot: int
) -> None:
    # a few URLs only: pages replace each other, so updates and article_versions are fuzzed too
    article = run_stages(page, f"https://fuzz.example/news/story-{slot}")
    if article is not None:
        store_and_check(db, article)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(piece=st.one_of(st.sampled_from(["word ", "<script>x</script>", "x'--", "\x0b\x1f", "é€"]),
                       st.text(min_size=1, max_size=8)),
       wrapped=st.booleans())
def test_one_megabyte_single_line(db: sqlite_utils.Database, piece: str, wrapped: bool) -> None:
    line = (piece * (1_000_000 // len(piece) + 1))[:1_000_000]
    page = f"<html><body><article><h1>Long line</h1><p>{line}</p></article></body></html>"
    page = page if wrapped else line
    assert "\n" not in page or "\n" in piece
    article = run_stages(page, "https://fuzz.example/news/one-megabyte-line")
    if article is not None:
        store_and_check(db, article)


def test_hostile_text_is_stored_as_text(db: sqlite_utils.Database) -> None:
    """Script tags and SQL shown on a page are article text: stored verbatim, executed nowhere."""
    hostile = [*SQLISH, *MARKUP[:4]]
    tail = " ".join(["and the market shrugged"] * 6)
    paragraphs = [f"The filing quoted {h} in full, {tail}." for h in hostile]
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Hostile strings</title></head><body><article>"
        "<h1>Hostile strings</h1>" + "".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
        + "<script>document.write('not text')</script></article></body></html>"
    )
    article = run_stages(page, "https://fuzz.example/news/hostile-strings")
    assert article is not None
    store_and_check(db, article)
    text = next(db.query("select text from articles where url = ?", [article["url"]]))["text"]
    for paragraph in paragraphs:
        assert paragraph in text
    assert "not text" not in text  # a real script is markup, not article text
    found = db.execute(
        "select count(*) from articles_fts join articles on articles.id = articles_fts.rowid "
        "where articles_fts match ? and articles.url = ?", ['"DROP TABLE articles"', article["url"]]
    ).fetchone()[0]
    assert found == 1
