"""WARC archive: every response archived during the crawl, then reprocessed/ingested without the network."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newscrawl.warc import RotatingWarcWriter, WarcArchive, iter_responses, read_record
from tests.conftest import EXPECTED, ROOT, crawl_demo_site

EXPECTED_PATHS = sorted(a["path"] for a in EXPECTED["articles"])


def newscrawl(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newscrawl.cli", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def archived(demo_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A crawl of the demo site with the archive on, small WARC files so that they rotate."""
    folder = tmp_path_factory.mktemp("warc")
    crawl_demo_site(folder, demo_site, "-s", f"NEWSCRAWL_WARC_DIR={folder / 'warc'}",
                    "-s", "NEWSCRAWL_WARC_MAX_MB=0.04", "-s", "NEWSCRAWL_ENTITIES_ENABLED=False")
    sites = folder / "sites"
    return {"folder": folder, "sites": sites, "db": folder / "news.db", "base": demo_site}


def hashes(db: Path, base: str) -> dict[str, str]:
    rows = sqlite_utils.Database(db).query("select url, content_hash from articles")
    return {r["url"].removeprefix(base): r["content_hash"] for r in rows}


def test_archive_is_off_without_a_folder() -> None:
    with pytest.raises(NotConfigured):
        WarcArchive.from_crawler(get_crawler(settings_dict={"NEWSCRAWL_WARC_DIR": ""}))


def test_rotating_writer_records_read_back(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path, "t", max_bytes=2000)
    bodies = [f"<html><body><p>{i} {os.urandom(1500).hex()}</p></body></html>".encode() for i in range(3)]
    headers = [("Content-Type", "text/html; charset=utf-8")]
    locations = [writer.write(f"http://127.0.0.1/{i}", 200, headers, body) for i, body in enumerate(bodies)]
    writer.close()
    assert len({path for path, _ in locations}) == 3  # one file per record past 2000 bytes
    for (path, offset), body in zip(locations, bodies, strict=True):
        assert read_record(path, offset).body == body
    offset, response, status = next(iter_responses(Path(locations[0][0])))
    assert (offset, status, response.body) == (locations[0][1], 200, bodies[0])


def test_every_response_archived_and_indexed(archived: dict[str, Any]) -> None:
    files = sorted((archived["folder"] / "warc").glob("*.warc.gz"))
    assert len(files) > 1  # rotated
    urls = {r.url for f in files for _, r, _ in iter_responses(f)}
    assert {archived["base"] + p for p in EXPECTED_PATHS} <= urls
    assert archived["base"] + "/feed.xml" in urls
    db = sqlite_utils.Database(archived["db"])
    rows = list(db.query("select url, fetched_url, warc_file, warc_offset from articles"))
    assert len(rows) == len(EXPECTED_PATHS)
    for row in rows:
        assert read_record(row["warc_file"], row["warc_offset"]).url == row["fetched_url"]


def test_reprocess_from_the_archive(archived: dict[str, Any]) -> None:
    db = sqlite_utils.Database(archived["db"])
    before = hashes(archived["db"], archived["base"])
    db.execute("update articles set text = 'stale', content_hash = 'stale' where url like '%/news/%'")
    db.conn.commit()
    stale = db.execute("select count(*) from articles where text = 'stale'").fetchone()[0]
    assert stale > 0
    result = newscrawl("reprocess", "--db", str(archived["db"]), "--sites-dir", str(archived["sites"]))
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"'newscrawl/updated': {stale}" in result.stdout
    assert "reprocess" in result.stderr  # the progress bar
    assert hashes(archived["db"], archived["base"]) == before


def test_ingest_warc_files(archived: dict[str, Any], tmp_path: Path) -> None:
    files = sorted(str(f) for f in (archived["folder"] / "warc").glob("*.warc.gz"))
    result = newscrawl("ingest-warc", *files, "--db", str(tmp_path / "ingest.db"), "--no-entities",
                       "--sites-dir", str(archived["sites"]))
    assert result.returncode == 0, result.stderr[-3000:]
    assert hashes(tmp_path / "ingest.db", archived["base"]) == hashes(archived["db"], archived["base"])
    missing = newscrawl("ingest-warc", str(tmp_path / "nope.warc.gz"), "--db", str(tmp_path / "x.db"))
    assert missing.returncode != 0 and "no such file" in missing.stderr
