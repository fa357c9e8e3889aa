"""Shared fixtures: the bundled demo site on a free local port, the shared corpus folder."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from newscrawl.demo.server import SITE_DIR, serve_in_thread

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEMO_DIR = SITE_DIR.parent
EXPECTED = json.loads((DEMO_DIR / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, which CI puts beside the clone; its absence is an error, not a skip."""
    if not (SHARED / "corpus").is_dir():
        pytest.fail(f"{SHARED}/corpus is missing: the tests read the shared corpus in place")
    return SHARED


@pytest.fixture(scope="session")
def demo_site() -> Iterator[str]:
    """Base URL of the bundled demo news site, served on 127.0.0.1 for the session."""
    server, base = serve_in_thread(port=0)
    yield base
    server.shutdown()
    server.server_close()


def crawl_command(db: Path, *args: str) -> list[str]:
    """The ``scrapy crawl news`` command line of the tests: fast settings, into the given database."""
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "news",
        "-s",
        f"NEWSCRAWL_DB={db}",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "LOG_LEVEL=INFO",
        *args,
    ]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 for a server a test starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_crawl(db: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run ``scrapy crawl news`` as a user does, fast settings, into the given database."""
    command = crawl_command(db, *args)
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)


def demo_sites_dir(folder: Path, base: str, **crawl: float | str) -> Path:
    """A sites folder with the demo site definition pointed at ``base`` (the fixture's port);
    ``crawl`` overrides keys of the definition (download_delay, concurrency, languages)."""
    sites = folder / "sites"
    sites.mkdir()
    definition = (DEMO_DIR / "sites" / "demo.toml").read_text(encoding="utf-8")
    definition = definition.replace("http://127.0.0.1:8765", base)
    for key, value in crawl.items():
        definition = re.sub(rf"(?m)^{key} = .*$", f"{key} = {value}", definition)
    (sites / "demo.toml").write_text(definition)
    return sites


def crawl_demo_site(
    folder: Path, base: str, *args: str, **site: float | str
) -> subprocess.CompletedProcess[str]:
    """``scrapy crawl news -a site=demo`` into ``folder/news.db``, the demo site definition pointed at
    ``base`` (``site`` overrides its keys); fails the test when the crawl fails."""
    sites = demo_sites_dir(folder, base, **site)
    result = run_crawl(folder / "news.db", "-a", "site=demo", "-s", f"NEWSCRAWL_SITES_DIR={sites}", *args)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="session")
def crawl(demo_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One crawl of the demo site by the real pipelines: its database, feed export and log."""
    folder = tmp_path_factory.mktemp("crawl")
    result = crawl_demo_site(folder, demo_site, "-O", str(folder / "articles.jsonl"))
    db = sqlite_utils.Database(folder / "news.db")
    rows = {r["url"].removeprefix(demo_site): r for r in db.query("select * from articles")}
    export = [json.loads(line) for line in (folder / "articles.jsonl").read_text().splitlines()]
    return {"db": db, "rows": rows, "export": export, "log": result.stderr, "base": demo_site}
