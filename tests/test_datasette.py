"""Datasette in-process over the demo crawl: canned queries, facets, search, pages, exports, download."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter, defaultdict
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "datasette"
METADATA = yaml.safe_load((CONFIG / "metadata.yaml").read_text(encoding="utf-8"))
SETTINGS = json.loads((CONFIG / "settings.json").read_text(encoding="utf-8"))
QUERIES = METADATA["databases"]["news"]["queries"]
SEED_PATH = "/2025/12/16/alibabas-ai-breakthrough-contrasts-with-stock-market-pressures/"
SEED_TITLE = "Alibaba's AI Breakthrough Contrasts with Stock Market Pressures"
EVIL_TEXT = (
    "Opening <script>alert('pwned')</script> paragraph with <b>bold</b> HTML.\n\n"
    "Second paragraph & an ampersand.\nSame paragraph, next line.\n\n\n"
    "Third <img src=x onerror=alert(1)> paragraph."
)


def db_file(db: sqlite_utils.Database) -> Path:
    return Path(db.conn.execute("pragma database_list").fetchone()[2])


def prepare_db(crawl: dict[str, Any], folder: Path) -> Path:
    """A copy of the demo crawl (named news.db) plus an article full of HTML from a second site, a
    crawl run with dropped pages for it, and FTS intact. The session's crawl database is left alone."""
    path = folder / "news.db"
    source = sqlite3.connect(db_file(crawl["db"]))
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.execute("pragma journal_mode = delete")
    target.close()
    db = sqlite_utils.Database(path)
    with db.conn:
        article_id = db.table("articles").insert({
            "url": "https://evil.example/2025/12/15/html/", "site": "evil", "language": "en",
            "title": "Markup <script>alert('title')</script> test", "authors": json.dumps(["Eve Example"]),
            "published": "2025-12-15T10:00:00+00:00", "text": EVIL_TEXT, "word_count": 21,
            "tags": "[]", "first_seen": "2025-12-15T10:05:00+00:00", "last_seen": "2025-12-15T10:05:00+00:00",
        }).last_pk
        alibaba = db.execute(
            "select id from entities where name = 'Alibaba' order by type = 'ORG' desc").fetchone()
        if alibaba:
            db.table("article_entities").insert(
                {"article_id": article_id, "entity_id": alibaba[0], "mentions": 1, "first_offset": 0})
        db.table("crawl_runs").insert({
            "started": "2025-12-15T10:00:00+00:00", "finished": "2025-12-15T10:06:00+00:00", "spider": "news",
            "sites": json.dumps(["evil"]), "fetched": 5, "stored": 1, "updated": 0, "dropped": 3,
            "non_article": 1, "errors": 0, "dropped_reasons": json.dumps({"too_short": 2, "no_text": 1}),
        })
    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    db.close()
    return path


@pytest.fixture(scope="module")
def news_db(crawl: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare_db(crawl, tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def sql(news_db: Path) -> sqlite_utils.Database:
    return sqlite_utils.Database(news_db)


def make_datasette(path: Path, metadata: dict[str, Any] | None = None) -> Datasette:
    return Datasette(
        immutables=[str(path)],
        metadata=metadata or METADATA,
        template_dir=str(CONFIG / "templates"),
        plugins_dir=str(CONFIG / "plugins"),
        static_mounts=[("static", str(CONFIG / "static"))],
        settings=SETTINGS,
    )


@pytest.fixture
async def ds(news_db: Path) -> Datasette:
    datasette = make_datasette(news_db)
    await datasette.invoke_startup()
    return datasette


async def get_json(ds: Datasette, path: str) -> Any:
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


async def query(ds: Datasette, query_name: str, /, **params: str) -> list[dict[str, Any]]:
    defaults = {p: "" for p in QUERY_PARAMS[query_name]}
    args = "&".join(f"{k}={v}" for k, v in {**defaults, **params}.items())
    rows: list[dict[str, Any]] = await get_json(ds, f"/news/{query_name}.json?_shape=array&{args}")
    return rows


def _params(sql: str) -> list[str]:
    import re

    return sorted(set(re.findall(r"(?<!:):(\w+)", sql)))


QUERY_PARAMS = {name: _params(q["sql"]) for name, q in QUERIES.items()}


class Text(HTMLParser):
    """Text content and elements of a page, to assert on what a reader sees."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def parse(html: str) -> Text:
    parser = Text()
    parser.feed(html)
    return parser


# --- canned queries -------------------------------------------------------------------------------------


def test_every_canned_query_is_tested() -> None:
    assert set(QUERIES) == {
        "latest", "search", "articles_mentioning", "top_entities", "entities_together",
        "entity_mentions_over_time", "articles_per_site_per_day", "extraction_health",
    }
    assert not any(q.get("write") for q in QUERIES.values())


async def test_latest(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = await query(ds, "latest")
    expected = [r["id"] for r in sql.query(
        "select id from articles where published is not null order by published desc limit 100")]
    assert [r["id"] for r in rows] == expected
    assert rows[0]["title"] == SEED_TITLE
    only_evil = await query(ds, "latest", site="evil")
    assert [r["site"] for r in only_evil] == ["evil"]


async def test_search_ranked_with_snippets(ds: Datasette) -> None:
    rows = await query(ds, "search", q="Qwen+Airbnb")
    assert rows[0]["title"] == SEED_TITLE
    assert rows[0]["url"].endswith(SEED_PATH)
    assert "<mark>Qwen</mark>" in rows[0]["snippet"] and "<mark>Airbnb</mark>" in rows[0]["snippet"]
    html = (await ds.client.get("/news/search?q=Qwen+Airbnb")).text
    assert "<mark>Qwen</mark>" in html
    assert f'href="/news/articles/{rows[0]["id"]}"' in html


async def test_search_ranks_by_relevance(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = await query(ds, "search", q="copper")
    expected = [r["id"] for r in sql.query(
        "select rowid as id from articles_fts where articles_fts match 'copper' order by rank limit 50")]
    assert [r["id"] for r in rows] == expected and len(expected) >= 2
    assert "copper" in rows[0]["title"].lower()


async def test_search_ranks_only_the_newest_matches(ds: Datasette, sql: sqlite_utils.Database) -> None:
    """Over 10,000 matches, the search ranks the 10,000 most recently stored (highest rowid); the same SQL
    with a cap of 3 on the demo crawl ranks exactly the 3 newest matches, and prefix queries still work."""
    capped = QUERIES["search"]["sql"].replace("offset 9999", "offset 2")
    assert capped != QUERIES["search"]["sql"]
    matches = [r[0] for r in sql.execute(
        "select rowid from articles_fts where articles_fts match 'the' order by rowid desc")]
    assert len(matches) > 3
    expected = [r[0] for r in sql.execute(
        "select rowid from articles_fts where articles_fts match 'the' and rowid >= ? order by rank",
        [matches[2]])]
    rows = (await ds.get_database("news").execute(capped, {"q": "the"})).rows
    assert [r["id"] for r in rows] == expected and sorted(expected, reverse=True) == matches[:3]
    assert all("<mark>" in r["snippet"] for r in rows)
    prefix = {r["id"] for r in await query(ds, "search", q="cop%2A")}
    assert {r["id"] for r in await query(ds, "search", q="copper")} <= prefix


@pytest.mark.parametrize("q", ["AT%26T", "e-commerce", "%22unbalanced", "NOT", "a:b", "%2A", ""])
async def test_search_never_errors_on_user_input(ds: Datasette, q: str) -> None:
    response = await ds.client.get(f"/news/search.json?_shape=array&q={q}")
    assert response.status_code == 200, response.text[:300]


async def test_search_advanced_syntax(ds: Datasette) -> None:
    both = {r["id"] for r in await query(ds, "search", q="Qwen+OR+copper")}
    qwen = {r["id"] for r in await query(ds, "search", q="Qwen")}
    copper = {r["id"] for r in await query(ds, "search", q="copper")}
    assert both == qwen | copper
    phrase = await query(ds, "search", q="%22Hang+Seng%22")
    assert phrase and all("Hang Seng" in (r["snippet"] or "").replace("<mark>", "").replace("</mark>", "")
                          or r["title"] for r in phrase)


async def test_search_snippet_escapes_article_html(ds: Datasette) -> None:
    html = (await ds.client.get("/news/search?q=paragraph+ampersand")).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html or "&lt;b&gt;" in html


async def test_articles_mentioning(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = await query(ds, "articles_mentioning", name="Alibaba")
    expected = [r["id"] for r in sql.query(
        "select a.id from articles a join article_entities ae on ae.article_id = a.id "
        "join entities e on e.id = ae.entity_id where e.name = 'Alibaba' order by a.published desc")]
    assert [r["id"] for r in rows] == expected
    assert rows[0]["id"] != expected[-1] or len(expected) == 1
    seed_id = next(sql.query("select id from articles where url like ?", [f"%{SEED_PATH}"]))["id"]
    assert seed_id in expected


async def test_articles_mentioning_by_ticker(ds: Datasette, sql: sqlite_utils.Database) -> None:
    entity = next(sql.query(
        "select e.name, e.ticker from entities e join article_entities ae on ae.entity_id = e.id "
        "where e.ticker is not null and e.ticker != e.name group by e.id order by count(*) desc limit 1"))
    by_ticker = await query(ds, "articles_mentioning", name=entity["ticker"])
    expected = {r["id"] for r in sql.query(
        "select distinct ae.article_id as id from article_entities ae join entities e on e.id = ae.entity_id "
        "where e.name = :t or e.ticker = :t", {"t": entity["ticker"]})}
    assert {r["id"] for r in by_ticker} == expected and expected
    assert entity["name"] in {r["entity"] for r in by_ticker}


def expected_top_entities(sql: sqlite_utils.Database, day: str) -> dict[str, tuple[int, int]]:
    end = date.fromisoformat(day)
    this_start, prev_start = str(end - timedelta(days=6)), str(end - timedelta(days=13))
    until = str(end + timedelta(days=1))
    this_week: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for r in sql.query(
        "select e.name || '/' || e.type as k, a.published from article_entities ae "
        "join entities e on e.id = ae.entity_id join articles a on a.id = ae.article_id "
        "where a.published is not null"):
        if this_start <= r["published"] < until:
            this_week[r["k"]] += 1
        elif prev_start <= r["published"] < this_start:
            before[r["k"]] += 1
    return {k: (n, before[k]) for k, n in this_week.items()}


async def test_top_entities(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = await query(ds, "top_entities")
    assert {r["week_ending"] for r in rows} == {"2025-12-16"}
    expected = expected_top_entities(sql, "2025-12-16")
    got = {f"{r['entity']}/{r['type']}": (r["this_week"], r["week_before"]) for r in rows}
    assert len(rows) == min(50, len(expected)) and got.items() <= expected.items()
    assert all(n <= rows[-1]["this_week"] for k, (n, _) in expected.items() if k not in got)
    assert [r["this_week"] for r in rows] == sorted((r["this_week"] for r in rows), reverse=True)
    for r in rows:
        assert r["change"] == r["this_week"] - r["week_before"]
    orgs = await query(ds, "top_entities", type="org", day="2025-12-10")
    assert {r["type"] for r in orgs} == {"ORG"}
    assert {r["week_ending"] for r in orgs} == {"2025-12-10"}
    expected_orgs = {k: v for k, v in expected_top_entities(sql, "2025-12-10").items() if k.endswith("/ORG")}
    for r in orgs:
        assert expected_orgs[f"{r['entity']}/ORG"] == (r["this_week"], r["week_before"])


async def test_entities_together(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = await query(ds, "entities_together", name="Alibaba")
    articles = {r["article_id"] for r in sql.query(
        "select ae.article_id from article_entities ae join entities e on e.id = ae.entity_id "
        "where e.name = 'Alibaba'")}
    together: Counter[str] = Counter()
    for r in sql.query("select e.name, e.type, ae.article_id from article_entities ae "
                       "join entities e on e.id = ae.entity_id where e.name != 'Alibaba'"):
        if r["article_id"] in articles:
            together[f"{r['name']}/{r['type']}"] += 1
    assert {f"{r['entity']}/{r['type']}": r["articles"] for r in rows} == dict(together)
    assert "Qwen" in {r["entity"] for r in rows}


async def test_entity_mentions_over_time(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = await query(ds, "entity_mentions_over_time", name="Alibaba")
    total = sql.execute(
        "select sum(ae.mentions), count(*) from article_entities ae join entities e on e.id = ae.entity_id "
        "join articles a on a.id = ae.article_id where e.name = 'Alibaba' and a.published is not null"
    ).fetchone()
    assert (sum(r["mentions"] for r in rows), sum(r["articles"] for r in rows)) == total
    assert [r["day"] for r in rows] == sorted(r["day"] for r in rows)
    assert "2025-12-16" in {r["day"] for r in rows}


async def test_articles_per_site_per_day(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = await query(ds, "articles_per_site_per_day")
    expected: dict[tuple[str, str], int] = defaultdict(int)
    for r in sql.query("select date(published) as day, site from articles where published >= '2025-09-17'"):
        expected[(r["day"], r["site"])] += 1
    assert {(r["day"], r["site"]): r["articles"] for r in rows} == dict(expected)
    assert sum(r["articles"] for r in rows) == sql.table("articles").count
    week = await query(ds, "articles_per_site_per_day", days="2")
    assert {r["day"] for r in week} == {"2025-12-14", "2025-12-15", "2025-12-16"}


async def test_extraction_health(ds: Datasette, sql: sqlite_utils.Database) -> None:
    rows = {r["site"]: r for r in await query(ds, "extraction_health")}
    demo = sql.execute("select count(*), round(avg(word_count)) from articles where site = 'demo'").fetchone()
    assert (rows["demo"]["articles"], rows["demo"]["avg_words"]) == demo
    run = sql.table("crawl_runs").get(1)
    assert (rows["demo"]["runs"], rows["demo"]["fetched"], rows["demo"]["stored"]) == (
        1, run["fetched"], run["stored"])
    assert rows["evil"]["dropped"] == 3
    assert rows["evil"]["dropped_reasons"] == "too_short: 2, no_text: 1"
    assert rows["evil"]["articles"] == 1 and rows["evil"]["no_author"] == 0


# --- table: facets, sort, search ------------------------------------------------------------------------


def facet_counts(data: dict[str, Any], name: str) -> dict[str, int]:
    return {str(r["value"]): r["count"] for r in data["facet_results"][name]["results"]}


async def test_article_facets_equal_sql_counts(ds: Datasette, sql: sqlite_utils.Database) -> None:
    data = await get_json(ds, "/news/articles.json?_size=1&_facet_size=max")
    assert set(data["facet_results"]) == {"site", "language", "published", "authors"}
    html = (await ds.client.get("/news/articles")).text
    assert "timed out" not in html

    def counts(expr: str) -> dict[str, int]:
        return {str(r[0]): r[1] for r in sql.execute(
            f"select {expr} as v, count(*) from articles where v is not null group by v")}

    assert facet_counts(data, "site") == counts("site") == {"demo": 23, "evil": 1}
    assert facet_counts(data, "language") == counts("language")
    assert facet_counts(data, "published") == counts("date(published)")
    authors: Counter[str] = Counter()
    for r in sql.query("select authors from articles"):
        authors.update(set(json.loads(r["authors"])))
    assert facet_counts(data, "authors") == dict(authors)
    assert facet_counts(data, "authors")["Brett Shapiro"] == 3


async def test_facet_filters(ds: Datasette, sql: sqlite_utils.Database) -> None:
    data = await get_json(ds, "/news/articles.json?_facet_array=authors&authors__arraycontains=Brett+Shapiro")
    assert data["filtered_table_rows_count"] == 3
    data = await get_json(ds, "/news/articles.json?language=de")
    assert data["filtered_table_rows_count"] == sql.execute(
        "select count(*) from articles where language = 'de'").fetchone()[0] == 2
    data = await get_json(ds, "/news/articles.json?published__date=2025-12-16&_shape=objects")
    assert [r["title"] for r in data["rows"]] == [SEED_TITLE]


async def test_entity_type_facet(ds: Datasette, sql: sqlite_utils.Database) -> None:
    data = await get_json(ds, "/news/entities.json?_size=1")
    expected = {r[0]: r[1] for r in sql.execute("select type, count(*) from entities group by type")}
    assert facet_counts(data, "type") == expected
    assert {"ORG", "PERSON", "LOC", "TICKER"} <= set(expected)


async def test_sort_by_published(ds: Datasette, sql: sqlite_utils.Database) -> None:
    default = await get_json(ds, "/news/articles.json?_shape=objects&_size=5")
    newest = [r["id"] for r in sql.query("select id from articles order by published desc limit 5")]
    assert [r["id"] for r in default["rows"]] == newest
    assert default["rows"][0]["title"] == SEED_TITLE
    asc = await get_json(ds, "/news/articles.json?_shape=objects&_sort=published&_size=5")
    oldest = [r["id"] for r in sql.query("select id from articles order by published limit 5")]
    assert [r["id"] for r in asc["rows"]] == oldest


async def test_table_search_box(ds: Datasette) -> None:
    data = await get_json(ds, "/news/articles.json?_search=Qwen+Airbnb&_shape=objects")
    assert [r["title"] for r in data["rows"]] == [SEED_TITLE]
    html = (await ds.client.get("/news/articles")).text
    assert 'name="_search"' in html


# --- pages ----------------------------------------------------------------------------------------------


async def test_home_and_database_pages(ds: Datasette) -> None:
    home = await ds.client.get("/")
    assert home.status_code == 200 and "newscrawl" in home.text and "/news" in home.text
    page = await ds.client.get("/news")
    assert page.status_code == 200
    for name, q in QUERIES.items():
        assert f'href="/news/{name}"' in page.text and q["title"] in page.text


async def test_article_page(ds: Datasette, sql: sqlite_utils.Database) -> None:
    seed = next(sql.query("select * from articles where url like ?", [f"%{SEED_PATH}"]))
    response = await ds.client.get(f"/news/articles/{seed['id']}")
    assert response.status_code == 200
    page = parse(response.text)
    text = "".join(page.chunks)
    assert SEED_TITLE in text and "Brett Shapiro" in text and seed["published"] in text
    assert ("a", {"href": seed["url"], "rel": "nofollow noopener noreferrer"}) in page.tags
    html = response.text
    start = html.index('<div class="article-text">')
    body = html[start:html.index("</div>", start)]
    paragraphs = [p for p in seed["text"].split("\n\n") if p.strip()]
    assert body.count("<p>") == len(paragraphs) > 5
    assert "Brian Chesky, the CEO of Airbnb" in body
    entities = [r["name"] for r in sql.query(
        "select e.name from article_entities ae join entities e on e.id = ae.entity_id "
        "where ae.article_id = ?", [seed["id"]])]
    assert entities
    hrefs = {attrs.get("href") for tag, attrs in page.tags if tag == "a"}
    for name in entities:
        assert "/news/articles_mentioning?name=" + name.replace(" ", "%20") in hrefs
    assert 'href="/static/newscrawl.css"' in html
    assert (await ds.client.get("/static/newscrawl.css")).status_code == 200


async def test_article_html_renders_as_text(ds: Datasette) -> None:
    data = await get_json(ds, "/news/articles.json?site=evil&_shape=array")
    response = await ds.client.get(f"/news/articles/{data[0]['id']}")
    html = response.text
    assert "<script>alert" not in html and "<b>bold</b>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "Markup &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; test" in html
    assert "<p>Second paragraph &amp; an ampersand. Same paragraph, next line.</p>" in html
    assert "<p>Third &lt;img src=x onerror=alert(1)&gt; paragraph.</p>" in html


async def test_entity_page_lists_articles(ds: Datasette, sql: sqlite_utils.Database) -> None:
    entity = next(sql.query("select id from entities where name = 'Alibaba' order by type = 'ORG' desc"))
    html = (await ds.client.get(f"/news/entities/{entity['id']}")).text
    count = sql.execute(
        "select count(*) from article_entities where entity_id = ?", [entity["id"]]).fetchone()[0]
    assert f"{count} articles" in html
    assert SEED_TITLE.replace("'", "&#39;") in html
    assert "/news/articles_mentioning?name=Alibaba" in html
    assert "/news/entity_mentions_over_time?name=Alibaba" in html


async def test_chart_plugin_loaded(ds: Datasette) -> None:
    plugins = {p["name"] for p in await get_json(ds, "/-/plugins.json")}
    assert "datasette-vega" in plugins and "newscrawl_site.py" in plugins
    html = (await ds.client.get("/news/articles_per_site_per_day")).text
    assert "/-/static-plugins/datasette_vega/" in html
    assert "g.x_column=day" in html


# --- exports, download, read-only -----------------------------------------------------------------------


async def test_json_and_csv_exports(ds: Datasette, sql: sqlite_utils.Database) -> None:
    total = sql.table("articles").count
    data = await get_json(ds, "/news/articles.json?_shape=array&_size=max&_col=title&_col=site")
    assert len(data) == total and set(data[0]) == {"id", "title", "site"}
    response = await ds.client.get("/news/articles.csv?_size=max&_stream=on")
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] in ("text/plain", "text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == total
    assert any(r["title"] == SEED_TITLE for r in rows)
    search_csv = await ds.client.get("/news/search.csv?q=Qwen+Airbnb")
    first = next(csv.DictReader(io.StringIO(search_csv.text)))
    assert first["title"] == SEED_TITLE


async def test_db_download(ds: Datasette, news_db: Path) -> None:
    page = (await ds.client.get("/news")).text
    assert 'href="/news.db"' in page
    response = await ds.client.get("/news.db")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.content == news_db.read_bytes()


async def test_read_only(ds: Datasette, sql: sqlite_utils.Database) -> None:
    assert not ds.databases["news"].is_mutable
    before = sql.table("articles").count
    response = await ds.client.get("/news.json?sql=delete+from+articles")
    assert response.status_code == 400
    for method in ("post", "put", "delete", "patch"):
        response = await getattr(ds.client, method)("/news/latest")
        assert response.status_code == 405, method
    response = await ds.client.post("/news/articles/-/insert", json={"row": {"url": "x"}})
    assert response.status_code == 405
    assert sql.table("articles").count == before


async def test_robots_blocked_by_default(ds: Datasette, news_db: Path) -> None:
    robots = await ds.client.get("/robots.txt")
    assert robots.text == "User-agent: *\nDisallow: /\n"
    assert (await ds.client.get("/")).headers["x-robots-tag"] == "noindex, nofollow"
    allowed = make_datasette(news_db, {**METADATA, "plugins": {"newscrawl": {"block_robots": False}}})
    assert (await allowed.client.get("/robots.txt")).text == "User-agent: *\nAllow: /\n"
    assert "x-robots-tag" not in (await allowed.client.get("/")).headers
