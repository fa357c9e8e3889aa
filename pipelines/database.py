"""The SQLite store: schema migrations (sqlite-utils) and the writes the pipelines make."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils import Migrations

from pipelines.promo import word_count

migrations = Migrations("newscrawl")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("articles").create(
        {
            "id": int,
            "url": str,
            "site": str,
            "title": str,
            "description": str,
            "authors": str,
            "published": str,
            "modified": str,
            "date_source": str,
            "language": str,
            "text": str,
            "word_count": int,
            "content_hash": str,
            "image": str,
            "tags": str,
            "is_free": int,
            "cleaning": str,
            "fetched_url": str,
            "first_seen": str,
            "last_seen": str,
        },
        pk="id",
        not_null={"url"},
    )
    db.table("articles").create_index(["url"], unique=True)
    db.table("articles").create_index(["site", "published"])
    db.table("articles").create_index(["published"])
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db.table("entities").create(
        {"id": int, "name": str, "type": str, "ticker": str, "exchange": str},
        pk="id",
        not_null={"name", "type"},
    )
    db.table("entities").create_index(["name", "type"], unique=True)
    db.table("article_entities").create(
        {"article_id": int, "entity_id": int, "mentions": int, "first_offset": int},
        pk=("article_id", "entity_id"),
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    )
    db.table("article_entities").create_index(["entity_id"])


@migrations()
def m002_sites_runs(db: sqlite_utils.Database) -> None:
    db.table("sites").create(
        {
            "name": str,
            "title": str,
            "homepage": str,
            "allowed_domains": str,
            "languages": str,
            "updated": str,
        },
        pk="name",
    )
    db.table("crawl_runs").create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "spider": str,
            "sites": str,
            "discovered": int,
            "fetched": int,
            "stored": int,
            "updated": int,
            "unchanged": int,
            "dropped": int,
            "non_article": int,
            "duplicates": int,
            "errors": int,
            "dropped_reasons": str,
            "finish_reason": str,
            "stats": str,
        },
        pk="id",
    )


@migrations()
def m003_boilerplate(db: sqlite_utils.Database) -> None:
    db.table("boilerplate_shapes").create(
        {"site": str, "shape": str, "example": str, "pages": str, "page_count": int, "updated": str},
        pk=("site", "shape"),
    )


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating folders and schema as needed) the database in WAL mode, synchronous=NORMAL: a commit
    is not flushed to disk one by one (SQLite's advice for WAL: a killed process loses nothing committed,
    only a power cut can undo the last commits; the database stays consistent either way)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    if str(path) != ":memory:":
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA busy_timeout = 10000")
    migrations.apply(db)
    return db


def _pk(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"expected an integer primary key, got {value!r}")
    return value


def content_hash(title: str | None, text: str) -> str:
    return hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()


def _article_record(article: dict[str, Any]) -> dict[str, Any]:
    text = article.get("text") or ""
    return {
        "url": article["url"],
        "site": article.get("site"),
        "title": article.get("title"),
        "description": article.get("description"),
        "authors": json.dumps(article.get("authors") or [], ensure_ascii=False),
        "published": article.get("published"),
        "modified": article.get("modified"),
        "date_source": article.get("date_source"),
        "language": article.get("language"),
        "text": text,
        "word_count": article.get("word_count"),
        "content_hash": content_hash(article.get("title"), text),
        "image": article.get("image"),
        "tags": json.dumps(article.get("tags") or [], ensure_ascii=False),
        "is_free": article.get("is_free"),
        "fetched_url": article.get("fetched_url"),
        "cleaning": json.dumps(article.get("removed") or {}, sort_keys=True),
        "facts": json.dumps(article.get("facts") or [], ensure_ascii=False),
    }


def upsert_article(db: sqlite_utils.Database, article: dict[str, Any]) -> tuple[int, str]:
    """Insert or update by canonical URL; returns (id, 'stored' | 'updated' | 'unchanged')."""
    record = _article_record(article)
    seen = now()
    row = next(db.query("select id, content_hash from articles where url = ?", [record["url"]]), None)
    if row is None:
        record.update(first_seen=seen, last_seen=seen)
        return _pk(db.table("articles").insert(record).last_pk), "stored"
    record["last_seen"] = seen
    db.table("articles").update(row["id"], record)
    return int(row["id"]), "unchanged" if row["content_hash"] == record["content_hash"] else "updated"


Reclean = Callable[[str, str | None], tuple[str, Mapping[str, int]]]  # (text, title) -> (text, removed)


def reclean_articles(db: sqlite_utils.Database, urls: Iterable[str], fn: Reclean) -> list[dict[str, int]]:
    """Clean the stored articles of these canonical URLs (one site's: ``fn`` knows what was learned there)
    again. ``fn(text, title)`` gives the new text and its removals (rule -> paragraphs). Every article
    whose text changed gets its text, word count, content hash and ``cleaning`` (the removals added to
    its counts) in one transaction: the ``articles_keep_version`` trigger keeps the text it had in
    ``article_versions``, the FTS triggers update the index, and the URL's ``fetches`` row takes the new
    content hash. A text ``fn`` would empty is left as it is, and so is one ``fn`` only re-spaced (no
    removal) or another writer changed since it was read. The article's entities (``article_entities``)
    and facts are left as they were tagged. Returns the removals of every changed article."""
    query = (
        "select id, url, title, text, content_hash, cleaning from articles"
        " where url in (select value from json_each(?))"
    )
    changes = []
    for row in db.query(query, [json.dumps(sorted(set(urls)))]):
        text, removed = fn(row["text"] or "", row["title"])
        if text.strip() and text != row["text"] and removed:
            changes.append((row, text, dict(removed)))
    done = []
    with db.atomic():
        for row, text, removed in changes:
            cleaning = dict(json.loads(row["cleaning"] or "{}"))
            for rule, count in removed.items():
                cleaning[rule] = cleaning.get(rule, 0) + count
            new_hash = content_hash(row["title"], text)
            updated = db.execute(
                "update articles set text = ?, word_count = ?, content_hash = ?, cleaning = ?"
                " where id = ? and content_hash is ?",
                [text, word_count(text), new_hash, json.dumps(cleaning, sort_keys=True), row["id"],
                 row["content_hash"]],
            )
            if updated.rowcount:
                db.execute(
                    "update fetches set content_hash = ? where url = ? and content_hash is ?",
                    [new_hash, row["url"], row["content_hash"]],
                )
                done.append(removed)
    return done


def entity_id(
    db: sqlite_utils.Database, name: str, kind: str, ticker: str | None = None, exchange: str | None = None
) -> int:
    """The id of the entity (name, type), created on first sight."""
    row = next(db.query("select id, ticker from entities where name = ? and type = ?", [name, kind]), None)
    if row is None:
        return _pk(
            db.table("entities")
            .insert({"name": name, "type": kind, "ticker": ticker, "exchange": exchange})
            .last_pk
        )
    if ticker and not row["ticker"]:
        db.table("entities").update(row["id"], {"ticker": ticker, "exchange": exchange})
    return int(row["id"])


def replace_article_entities(
    db: sqlite_utils.Database, article_id: int, entities: Iterable[dict[str, Any]]
) -> None:
    """Replace an article's entity links: re-processing never duplicates them."""
    db.execute("delete from article_entities where article_id = ?", [article_id])
    rows = [
        {
            "article_id": article_id,
            "entity_id": entity_id(db, e["name"], e["type"], e.get("ticker"), e.get("exchange")),
            "mentions": e.get("count", 1),
            "first_offset": e.get("first_offset"),
        }
        for e in entities
    ]
    if rows:
        db.table("article_entities").insert_all(rows, replace=True)


def store_article(db: sqlite_utils.Database, article: dict[str, Any]) -> str:
    """Write an article and its entities in one transaction (a savepoint inside an open one); returns the
    outcome. ``db.atomic()``, not ``with db.conn``: sqlite-utils commits each write made outside a BEGIN."""
    with db.atomic():
        article_id, outcome = upsert_article(db, article)
        replace_article_entities(db, article_id, article.get("entities") or [])
    return outcome


def upsert_sites(db: sqlite_utils.Database, sites: Iterable[Any]) -> None:
    rows = [
        {
            "name": s.name,
            "title": s.title,
            "homepage": s.homepage,
            "allowed_domains": json.dumps(list(s.allowed_domains)),
            "languages": json.dumps(list(s.languages)),
            "updated": now(),
        }
        for s in sites
    ]
    if rows:
        with db.conn:
            db.table("sites").upsert_all(rows, pk="name")


def start_run(db: sqlite_utils.Database, spider: str, sites: Iterable[str]) -> int:
    with db.conn:
        return _pk(
            db.table("crawl_runs")
            .insert({"started": now(), "spider": spider, "sites": json.dumps(list(sites))})
            .last_pk
        )


def _by_kind(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    """Integer stats under a prefix, keyed by the rest of their name."""
    return {
        k.removeprefix(prefix): int(v)
        for k, v in stats.items()
        if k.startswith(prefix) and isinstance(v, int)
    }


def finish_run(db: sqlite_utils.Database, run_id: int, stats: dict[str, Any], reason: str) -> None:
    """Record a run's counts from the Scrapy stats."""

    def total(prefix: str) -> int:
        return sum(int(v) for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int))

    dropped = _by_kind(stats, "newscrawl/dropped/")
    errors = _by_kind(stats, "news/error/")
    row = {
        "finished": now(),
        "discovered": total("news/discovered/"),
        "fetched": stats.get("downloader/response_count", 0),
        "stored": stats.get("newscrawl/stored", 0),
        "updated": stats.get("newscrawl/updated", 0),
        "unchanged": stats.get("newscrawl/unchanged", 0),
        "dropped": sum(dropped.values()),
        "non_article": total("news/non_article/"),
        "duplicates": stats.get("news/duplicate", 0),
        "errors": sum(errors.values()),
        "errors_by_kind": json.dumps(errors, sort_keys=True),
        "not_modified": stats.get("news/not_modified", 0),
        "dropped_reasons": json.dumps(dropped, sort_keys=True),
        "finish_reason": reason,
        "stats": json.dumps(
            {k: v for k, v in stats.items() if isinstance(v, int | float | str)}, sort_keys=True, default=str
        ),
    }
    with db.conn:
        db.table("crawl_runs").update(run_id, row)


def load_boilerplate(db: sqlite_utils.Database, site: str) -> list[tuple[str, str, list[str]]]:
    return [
        (r["shape"], r["example"], json.loads(r["pages"]))
        for r in db.query("select shape, example, pages from boilerplate_shapes where site = ?", [site])
    ]


def save_boilerplate(
    db: sqlite_utils.Database, site: str, shapes: Iterable[tuple[str, str, list[str]]]
) -> None:
    rows = [
        {
            "site": site,
            "shape": s,
            "example": ex,
            "pages": json.dumps(sorted(pages)[:20]),
            "page_count": len(pages),
            "updated": now(),
        }
        for s, ex, pages in shapes
    ]
    if rows:
        with db.conn:
            db.table("boilerplate_shapes").upsert_all(rows, pk=("site", "shape"))


# --- crawl errors, robots.txt, incremental fetches, article versions (issue 6) ------------------------


@migrations()
def m020_crawl_errors(db: sqlite_utils.Database) -> None:
    db.table("crawl_errors").create(
        {"id": int, "url": str, "kind": str, "detail": str, "run_id": int, "at": str},
        pk="id",
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )
    db.table("crawl_errors").create_index(["run_id", "kind"])
    db.table("crawl_errors").create_index(["kind"])


@migrations()
def m021_robots_fetches_versions(db: sqlite_utils.Database) -> None:
    db.table("robots_txt").create(
        {"site": str, "url": str, "status": int, "body": str, "fetched_at": str, "run_id": int}, pk="url"
    )
    db.table("fetches").create(
        {
            "url": str,
            "fetched_url": str,
            "content_hash": str,
            "etag": str,
            "last_modified": str,
            "sitemap_lastmod": str,
            "status": int,
            "fetched_at": str,
            "checked_at": str,
        },
        pk="url",
    )
    db.table("fetches").create_index(["fetched_url"])
    db.table("article_versions").create(
        {
            "article_id": int,
            "version": int,
            "fetched_at": str,
            "content_hash": str,
            "modified": str,
            "title": str,
            "text": str,
        },
        pk=("article_id", "version"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("crawl_runs").add_column("not_modified", int)
    # The articles row holds the newest text; the text it replaces is kept, atomically, by this trigger.
    db.execute(
        """
        create trigger if not exists articles_keep_version
        before update of content_hash on articles
        when old.content_hash is not new.content_hash and old.text is not null
        begin
            insert into article_versions
                (article_id, version, fetched_at, content_hash, modified, title, text)
            values (old.id,
                    (select count(*) + 1 from article_versions where article_id = old.id),
                    old.last_seen, old.content_hash, old.modified, old.title, old.text);
        end
        """
    )


def record_error(db: sqlite_utils.Database, run_id: int | None, url: str, kind: str, detail: str) -> None:
    """One failed request or fault of a crawl run."""
    with db.conn:
        db.table("crawl_errors").insert(
            {"url": url, "kind": kind, "detail": detail[:2000], "run_id": run_id, "at": now()}
        )


def record_robots(
    db: sqlite_utils.Database, run_id: int | None, site: str, url: str, status: int, body: str
) -> None:
    """The robots.txt of a site as fetched in this run (newest wins)."""
    with db.conn:
        db.table("robots_txt").upsert(
            {
                "site": site,
                "url": url,
                "status": status,
                "body": body[:100_000],
                "fetched_at": now(),
                "run_id": run_id,
            },
            pk="url",
        )


def load_fetches(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """What was fetched before, by fetched URL and by canonical URL (for conditional GET)."""
    known: dict[str, dict[str, Any]] = {}
    for row in db.query("select * from fetches"):
        known[row["url"]] = row
        if row["fetched_url"]:
            known.setdefault(row["fetched_url"], row)
    return known


def record_fetch(db: sqlite_utils.Database, fetch: dict[str, Any]) -> None:
    """Remember validators and content hash of a fetched (stored or not modified) page."""
    row = {k: v for k, v in fetch.items() if v is not None}
    row.setdefault("checked_at", now())
    with db.atomic():
        db.table("fetches").upsert(row, pk="url", alter=False)


@migrations()
def m030_warc(db: sqlite_utils.Database) -> None:
    """Where each article's fetched page is archived: WARC file and byte offset of its response record."""
    db.table("articles").add_column("warc_file", str)
    db.table("articles").add_column("warc_offset", int)


def record_warc(db: sqlite_utils.Database, url: str, warc_file: str, warc_offset: int) -> None:
    """Point the article with this canonical URL at the WARC record of its page."""
    with db.conn:
        db.execute(
            "update articles set warc_file = ?, warc_offset = ? where url = ?", [warc_file, warc_offset, url]
        )


@migrations()
def m040_serving_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for Datasette (issue 5): the articles facets (language, authors, publication day) read an
    index instead of every row's text, and articles_mentioning looks entities up by ticker."""
    db.execute("create index if not exists idx_articles_language on articles(language)")
    db.execute("create index if not exists idx_articles_authors on articles(authors)")
    db.execute("create index if not exists idx_articles_day on articles(date(published))")
    db.execute("create index if not exists idx_entities_ticker on entities(ticker)")


@migrations()
def m050_errors_by_kind(db: sqlite_utils.Database) -> None:
    """crawl_runs.errors_by_kind: JSON object, error kind -> count (the rows are in crawl_errors)."""
    db.table("crawl_runs").add_column("errors_by_kind", str)


@migrations()
def m060_article_facts(db: sqlite_utils.Database) -> None:
    """articles.facts: money amounts and percentages of the text (JSON array)."""
    db.table("articles").add_column("facts", str)


@migrations()
def m070_serving_speed(db: sqlite_utils.Database) -> None:
    """Datasette at scale (issue 5, ``make bench-serve``).

    - Filtered articles pages (``?language=de``, ``?site=heise``): per filter column, a covering index with
      the other facet columns (rows sorted by published, site / language / authors facets) and one on the
      publication day (day facet), so no facet reads the articles rows. An author's page
      (``?authors__arraycontains=``) filters on the authors in the (published) and (publication day)
      indexes. These supersede the (site, published), (language), (published), (day) and (authors) indexes.
    - Entity article lists: the newest articles of an entity are picked from (entity_id, article_id,
      mentions) and (id, published) instead of the article rows (``articles_mentioning``, entity page).
    - Search: FTS5 prefix indexes for 1-3 characters, so ``fin*`` reads one doclist instead of merging
      every term that starts with "fin"; the FTS table is rebuilt from articles with the same columns,
      tokenizer and triggers. It is created here in SQL because sqlite-utils' ``enable_fts`` has no
      ``prefix`` option; the triggers ``enable_fts(..., create_triggers=True)`` made in m001 stay and keep
      it in step, and it is filled with FTS5's own 'rebuild' command."""
    for sql in [
        "create index if not exists idx_articles_language_facets"
        " on articles(language, published, site, authors)",
        "create index if not exists idx_articles_site_facets on articles(site, published, language, authors)",
        "create index if not exists idx_articles_language_day on articles(language, date(published))",
        "create index if not exists idx_articles_site_day on articles(site, date(published))",
        "create index if not exists idx_articles_published_authors on articles(published, authors)",
        "create index if not exists idx_articles_day_authors on articles(date(published), authors)",
        "drop index if exists idx_articles_site_published",
        "drop index if exists idx_articles_language",
        "drop index if exists idx_articles_published",
        "drop index if exists idx_articles_day",
        "drop index if exists idx_articles_authors",
        "create index if not exists idx_articles_id_published on articles(id, published)",
        "create index if not exists idx_article_entities_entity_articles"
        " on article_entities(entity_id, article_id, mentions)",
        "drop index if exists idx_article_entities_entity_id",
        "drop table if exists articles_fts",
        """create virtual table "articles_fts" using FTS5 (
            "title", "text",
            tokenize='porter',
            prefix='1 2 3',
            content="articles"
        )""",
        "insert into articles_fts(articles_fts) values('rebuild')",
    ]:
        db.execute(sql)
