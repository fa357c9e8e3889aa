"""The SQLite store: migrations, upserts keyed on the canonical URL, FTS kept in sync."""

from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils

from pipelines import database

ARTICLE = {
    "url": "https://example.com/2025/12/16/story/", "site": "example", "title": "Chip maker rallies",
    "authors": ["Jane Doe"], "published": "2025-12-16T09:12:00+00:00", "language": "en",
    "text": "Shares rallied.\n\nAnalysts cheered.", "word_count": 4,
    "facts": [{"type": "percent", "text": "3.57 percent", "start": 12, "end": 24, "value": 3.57}],
    "entities": [{"name": "Alibaba", "type": "ORG", "count": 2, "first_offset": 0},
                 {"name": "Hong Kong", "type": "LOC", "count": 1, "first_offset": 40}],
}


def test_migrations_create_schema_once(tmp_path: Path) -> None:
    db = database.open_db(tmp_path / "news.db")
    names = set(db.table_names())
    assert {"articles", "articles_fts", "entities", "article_entities", "sites", "crawl_runs",
            "boilerplate_shapes", "_sqlite_migrations"} <= names
    applied = [m.name for m in database.migrations.applied(db)]
    db.close()
    db = database.open_db(tmp_path / "news.db")
    assert [m.name for m in database.migrations.applied(db)] == applied
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_recrawl_updates_in_place(tmp_path: Path) -> None:
    db = database.open_db(tmp_path / "news.db")
    assert database.store_article(db, dict(ARTICLE)) == "stored"
    assert database.store_article(db, dict(ARTICLE)) == "unchanged"
    changed = {**ARTICLE, "text": "Shares rallied again.", "entities": ARTICLE["entities"][:1]}
    assert database.store_article(db, changed) == "updated"
    rows = list(db.query("select id, text, authors, facts, first_seen, last_seen from articles"))
    assert len(rows) == 1
    assert rows[0]["text"] == "Shares rallied again."
    assert json.loads(rows[0]["authors"]) == ["Jane Doe"]
    assert json.loads(rows[0]["facts"]) == ARTICLE["facts"]
    links = list(db.query("select e.name, ae.mentions from article_entities ae "
                          "join entities e on e.id = ae.entity_id"))
    assert links == [{"name": "Alibaba", "mentions": 2}]
    assert db.table("entities").count == 2


def test_fts_follows_updates(tmp_path: Path) -> None:
    db = database.open_db(tmp_path / "news.db")
    database.store_article(db, dict(ARTICLE))
    database.store_article(db, {**ARTICLE, "text": "Completely different words."})
    hits = list(db.query("select rowid from articles_fts where articles_fts match 'different'"))
    stale = list(db.query("select rowid from articles_fts where articles_fts match 'cheered'"))
    assert len(hits) == 1 and stale == []
    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_serving_migration_keeps_search(tmp_path: Path) -> None:
    """m070 rebuilds the FTS table of an existing database with prefix indexes; triggers keep working."""
    db = sqlite_utils.Database(tmp_path / "news.db")
    database.migrations.apply(db, stop_before="m070_serving_speed")
    database.store_article(db, dict(ARTICLE))
    database.migrations.apply(db)
    assert db["articles"].detect_fts() == "articles_fts"
    fts_sql = db.execute("select sql from sqlite_master where name = 'articles_fts'").fetchone()[0]
    assert "prefix='1 2 3'" in fts_sql
    database.store_article(db, {**ARTICLE, "url": "https://example.com/2/", "text": "Chips sold out."})

    def hits(q: str) -> list[int]:
        sql = "select rowid from articles_fts where articles_fts match ? order by rowid"
        return [r[0] for r in db.execute(sql, [q])]

    assert hits("cheered") == [1] and hits("chip") == [1, 2] and hits("c*") == hits("ch*") == [1, 2]
    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_crawl_run_counts(tmp_path: Path) -> None:
    db = database.open_db(tmp_path / "news.db")
    run = database.start_run(db, "news", ["demo"])
    stats = {"news/discovered/feed": 3, "news/discovered/sitemap": 4, "newscrawl/stored": 5,
             "newscrawl/dropped/too_short": 1, "newscrawl/dropped/no_text": 2, "news/non_article/listing": 2,
             "downloader/response_count": 12, "news/error/timeout": 2, "news/error/http_503": 1,
             "news/not_modified": 4}
    database.finish_run(db, run, stats, "finished")
    row = db.table("crawl_runs").get(run)
    assert (row["discovered"], row["stored"], row["dropped"], row["non_article"], row["fetched"]) == (
        7, 5, 3, 2, 12)
    assert json.loads(row["dropped_reasons"]) == {"no_text": 2, "too_short": 1}
    assert row["finish_reason"] == "finished"
    assert (row["errors"], row["not_modified"]) == (3, 4)
    assert json.loads(row["errors_by_kind"]) == {"http_503": 1, "timeout": 2}
