"""Dated, downloadable snapshots of the database: ``python -m newscrawl.dump [--db PATH] [--out DIR]``.

Writes into ``DIR`` (``data/dumps``):

- ``news-YYYY-MM-DD.db``: a consistent copy made with ``VACUUM INTO`` (compact, rollback journal, FTS index
  intact and checked), safe to take while a crawl writes to the database;
- ``news-YYYY-MM-DD.db.gz``: the same, gzipped;
- ``news-YYYY-MM-DD.articles.jsonl``: one JSON object per article (JSON columns parsed) with its entities;
- ``news-YYYY-MM-DD.sha256``: SHA-256 of the three files, in ``sha256sum -c`` format.

Progress goes to stderr; the paths written are printed on stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

JSON_COLUMNS = ("authors", "tags", "cleaning")
CHUNK = 1 << 20

ENTITIES_SQL = """
select articles.*, (
  select json_group_array(json(entity)) from (
    select json_object('name', entities.name, 'type', entities.type, 'ticker', entities.ticker,
      'exchange', entities.exchange, 'mentions', article_entities.mentions,
      'first_offset', article_entities.first_offset) as entity
    from article_entities join entities on entities.id = article_entities.entity_id
    where article_entities.article_id = articles.id
    order by article_entities.mentions desc, article_entities.first_offset
  )
) as entities
from articles order by articles.id
"""


class Progress:
    """Plain progress lines on stderr (at most one a second per step, plus the final one)."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self._last = 0.0

    def __call__(self, message: str, final: bool = False) -> None:
        now = time.monotonic()
        if self.quiet or (not final and now - self._last < 1.0):
            return
        self._last = now
        print(f"dump: {message}", file=self.stream, flush=True)


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:,.1f} MB"


def snapshot(source: Path, target: Path) -> None:
    """VACUUM INTO a temporary file beside ``target``, check it, then move it into place."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        conn.execute("pragma busy_timeout = 10000")
        conn.execute("vacuum into ?", [str(partial)])
    finally:
        conn.close()
    out = sqlite3.connect(partial)
    try:
        out.execute("pragma journal_mode = delete")
        tables = {r[0] for r in out.execute("select name from sqlite_master where type = 'table'")}
        if "articles_fts" in tables:
            out.execute("insert into articles_fts(articles_fts) values('integrity-check')")
        check = out.execute("pragma integrity_check").fetchone()[0]
        if check != "ok":
            raise RuntimeError(f"integrity check of {partial} failed: {check}")
    finally:
        out.close()
    os.replace(partial, target)


def gzip_file(source: Path, target: Path, progress: Progress) -> None:
    partial = target.with_name(target.name + ".partial")
    total = source.stat().st_size
    done = 0
    with source.open("rb") as src, gzip.open(partial, "wb", compresslevel=6) as dst:
        while chunk := src.read(CHUNK):
            dst.write(chunk)
            done += len(chunk)
            progress(f"gzip {done / max(total, 1):.0%} of {source.name}")
    os.replace(partial, target)


def article_records(db: Path) -> Iterator[dict[str, Any]]:
    """Every article (ordered by id) with its JSON columns parsed and its entities."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        for row in conn.execute(ENTITIES_SQL):
            record = dict(row)
            for column in (*JSON_COLUMNS, "entities"):
                value = record.get(column)
                if isinstance(value, str):
                    with contextlib.suppress(ValueError):
                        record[column] = json.loads(value)
            yield record
    finally:
        conn.close()


def export_jsonl(db: Path, target: Path, progress: Progress) -> int:
    partial = target.with_name(target.name + ".partial")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    total = conn.execute("select count(*) from articles").fetchone()[0]
    conn.close()
    count = 0
    with partial.open("w", encoding="utf-8") as fh:
        for record in article_records(db):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            progress(f"jsonl {count:,}/{total:,} articles")
    os.replace(partial, target)
    return count


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def dump(db: Path, out_dir: Path, day: date | None = None, quiet: bool = False) -> dict[str, Path]:
    """Write the dated snapshot, its gzip, the JSON lines export and the checksums; return their paths."""
    if not db.is_file():
        raise FileNotFoundError(f"{db} does not exist")
    progress = Progress(quiet=quiet)
    stem = f"news-{(day or datetime.now(UTC).date()).isoformat()}"
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "db": out_dir / f"{stem}.db",
        "gzip": out_dir / f"{stem}.db.gz",
        "jsonl": out_dir / f"{stem}.articles.jsonl",
        "sha256": out_dir / f"{stem}.sha256",
    }
    started = time.monotonic()
    progress(f"VACUUM INTO {paths['db']} from {db}", final=True)
    snapshot(db, paths["db"])
    progress(f"snapshot {_size(paths['db'])}, FTS and integrity checked", final=True)
    gzip_file(paths["db"], paths["gzip"], progress)
    progress(f"gzip {_size(paths['gzip'])}", final=True)
    count = export_jsonl(paths["db"], paths["jsonl"], progress)
    progress(f"jsonl {count:,} articles, {_size(paths['jsonl'])}", final=True)
    lines = [f"{sha256(paths[k])}  {paths[k].name}\n" for k in ("db", "gzip", "jsonl")]
    paths["sha256"].write_text("".join(lines), encoding="utf-8")
    progress(f"done in {time.monotonic() - started:.1f}s: {paths['sha256']}", final=True)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawl.dump", description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("data/news.db"), help="database (data/news.db)")
    parser.add_argument("--out", type=Path, default=Path("data/dumps"), help="output folder (data/dumps)")
    parser.add_argument(
        "--date", type=date.fromisoformat, default=None, help="date in the file names (default: today, UTC)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    try:
        paths = dump(args.db, args.out, args.date, quiet=args.quiet)
    except (FileNotFoundError, RuntimeError, sqlite3.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in paths.values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
