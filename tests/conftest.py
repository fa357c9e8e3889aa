"""Shared fixtures: the bundled demo site on a free local port, the shared corpus folder."""

from __future__ import annotations

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
