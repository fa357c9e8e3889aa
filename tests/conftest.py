"""Shared fixtures: the bundled demo site on a free local port, the shared corpus folder."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, which CI puts beside the clone; its absence is an error, not a skip."""
    if not (SHARED / "corpus").is_dir():
        pytest.fail(f"{SHARED}/corpus is missing: the tests read the shared corpus in place")
    return SHARED


@pytest.fixture(scope="session")
def demo_site() -> Iterator[str]:
    """Base URL of the bundled demo news site, served on 127.0.0.1 for the session."""
    from newscrawl.demo.server import serve_in_thread

    server, base = serve_in_thread(port=0)
    yield base
    server.shutdown()
    server.server_close()


def run_crawl(db: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run ``scrapy crawl news`` as a user does, fast settings, into the given database."""
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-s", f"NEWSCRAWL_DB={db}",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO",
               *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          check=False)
