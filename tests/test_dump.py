"""``make dump``: dated VACUUMed snapshot with FTS intact, its gzip, JSON lines with entities, checksums."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from newscrawl.dump import dump
from tests.test_datasette import SEED_PATH, SEED_TITLE, db_file

ROOT = Path(__file__).resolve().parent.parent


def test_dump_files(crawl: dict[str, Any], tmp_path: Path) -> None:
    source = db_file(crawl["db"])
    paths = dump(source, tmp_path / "dumps", date(2025, 12, 17), quiet=True)
    assert {k: p.name for k, p in paths.items()} == {
        "db": "news-2025-12-17.db", "gzip": "news-2025-12-17.db.gz",
        "jsonl": "news-2025-12-17.articles.jsonl", "sha256": "news-2025-12-17.sha256",
    }
    assert not list((tmp_path / "dumps").glob("*.partial"))

    snapshot = sqlite_utils.Database(paths["db"])
    assert snapshot.execute("pragma journal_mode").fetchone()[0] == "delete"
    assert snapshot.execute("pragma freelist_count").fetchone()[0] == 0
    for table in ("articles", "entities", "article_entities", "crawl_runs"):
        assert snapshot.table(table).count == crawl["db"].table(table).count
    hits = [r["title"] for r in snapshot.query(
        "select articles.title from articles_fts join articles on articles.rowid = articles_fts.rowid "
        "where articles_fts match 'Qwen Airbnb' order by rank")]
    assert hits[0] == SEED_TITLE
    snapshot.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    snapshot.close()

    assert gzip.decompress(paths["gzip"].read_bytes()) == paths["db"].read_bytes()

    records = [json.loads(line) for line in paths["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(records) == crawl["db"].table("articles").count
    seed = next(r for r in records if r["url"].endswith(SEED_PATH))
    assert seed["title"] == SEED_TITLE and seed["authors"] == ["Brett Shapiro"]
    assert isinstance(seed["tags"], list)
    names = {e["name"] for e in seed["entities"]}
    assert {"Alibaba", "Airbnb"} <= names
    expected = crawl["db"].execute(
        "select count(*) from article_entities where article_id = ?", [seed["id"]]).fetchone()[0]
    assert len(seed["entities"]) == expected
    assert all({"name", "type", "mentions", "first_offset", "ticker"} <= set(e) for e in seed["entities"])
    mentions = [e["mentions"] for e in seed["entities"]]
    assert mentions == sorted(mentions, reverse=True)

    lines = paths["sha256"].read_text().splitlines()
    assert len(lines) == 3
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((paths["db"].parent / name).read_bytes()).hexdigest() == digest


def test_dump_is_repeatable_and_reads_a_live_wal_database(tmp_path: Path) -> None:
    from pipelines.database import open_db, store_article

    db = open_db(tmp_path / "news.db")
    store_article(db, {"url": "https://example.com/a/", "site": "example", "title": "Copper rallies",
                       "text": "Copper rallied.\n\nMiners cheered.", "word_count": 4,
                       "entities": [{"name": "Chile", "type": "LOC", "count": 1, "first_offset": 0}]})
    # the writer keeps its connection open (WAL not checkpointed), as during a crawl
    first = dump(tmp_path / "news.db", tmp_path / "out", date(2025, 1, 2), quiet=True)
    again = dump(tmp_path / "news.db", tmp_path / "out", date(2025, 1, 2), quiet=True)
    assert first == again
    record = json.loads(again["jsonl"].read_text().splitlines()[0])
    assert record["entities"] == [{"name": "Chile", "type": "LOC", "ticker": None, "exchange": None,
                                   "mentions": 1, "first_offset": 0}]
    conn = sqlite3.connect(again["db"])
    hits = conn.execute("select rowid from articles_fts where articles_fts match 'miners'").fetchall()
    assert hits == [(1,)]
    conn.close()
    db.close()


def test_dump_command(tmp_path: Path) -> None:
    missing = subprocess.run([sys.executable, "-m", "newscrawl.dump", "--db", str(tmp_path / "none.db"),
                              "--out", str(tmp_path)], capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    from pipelines.database import open_db

    open_db(tmp_path / "news.db").close()
    result = subprocess.run(
        [sys.executable, "-m", "newscrawl.dump", "--db", str(tmp_path / "news.db"), "--out",
         str(tmp_path / "dumps"), "--date", "2025-06-30"],
        capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "dump: VACUUM INTO" in result.stderr and "dump: done" in result.stderr
    assert [Path(p).name for p in result.stdout.split()] == [
        "news-2025-06-30.db", "news-2025-06-30.db.gz", "news-2025-06-30.articles.jsonl",
        "news-2025-06-30.sha256"]
