"""A real browser: `make serve`'s layout served by Datasette on 127.0.0.1, rendered by headless Chromium.

Chromium is Debian's ``chromium`` (``make chromium`` installs it). Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from newscrawl.waitfor import wait_for
from tests.conftest import free_port
from tests.test_datasette import SEED_PATH, SEED_TITLE, prepare_db

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    "--hide-scrollbars", "--mute-audio",
]


def find_chromium() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
                       capture_output=True, timeout=900, check=False,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = find_chromium()
    if found is None:
        pytest.skip("headless Chromium not found and it cannot be installed here "
                    "(run 'make chromium' or 'apt-get install chromium' as root)")
    return found



@pytest.fixture(scope="module")
def served(crawl: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The serving folder as `make inspect` builds it (links + db + inspect-data.json), served immutable."""
    folder = tmp_path_factory.mktemp("serve")
    db = prepare_db(crawl, folder)
    for name in ("metadata.yaml", "settings.json", "templates", "plugins", "static"):
        (folder / name).symlink_to(ROOT / "datasette" / name)
    datasette = [sys.executable, "-m", "datasette"]
    subprocess.run([*datasette, "inspect", "news.db", "--inspect-file", "inspect-data.json"],
                   cwd=folder, check=True, capture_output=True, timeout=60)
    port = free_port()
    server = subprocess.Popen([*datasette, "serve", str(folder), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(base + "/-/versions.json", 20), "Datasette did not start"
        sql = sqlite_utils.Database(db)
        seed = next(sql.query("select id from articles where url like ?", [f"%{SEED_PATH}"]))["id"]
        evil = next(sql.query("select id from articles where site = 'evil'"))["id"]
        yield {"base": base, "seed": seed, "evil": evil}
    finally:
        server.terminate()
        server.wait(10)


class Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self.script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        (self.script_text if self._stack[-1:] == ["script"] else self.text).append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def render(browser: str, url: str, name: str) -> Dom:
    """The DOM after scripts ran (``--dump-dom``), and a screenshot in test-artifacts/NAME.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        common = [browser, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=3000"]
        dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, text=True, timeout=60,
                             check=False)
        assert dom.returncode == 0 and "<html" in dom.stdout, dom.stderr[-2000:]
    with tempfile.TemporaryDirectory() as profile:
        shot = ARTIFACTS / f"{name}.png"
        shot.unlink(missing_ok=True)
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1400",
                        f"--screenshot={shot}", url], capture_output=True, timeout=60, check=False)
        assert shot.is_file() and shot.stat().st_size > 1000
    parser = Dom()
    parser.feed(dom.stdout)
    return parser


@pytest.fixture(scope="module")
def pages(chromium: str, served: dict[str, Any]) -> dict[str, Dom]:
    base = served["base"]
    urls = {
        "home": f"{base}/",
        "search": f"{base}/news/search?q=Qwen+Airbnb",
        "article": f"{base}/news/articles/{served['seed']}",
        "article-html": f"{base}/news/articles/{served['evil']}",
        "chart": f"{base}/news/articles_per_site_per_day?days=90#g.mark=bar&g.x_column=day&g.x_type=temporal"
                 "&g.y_column=articles&g.y_type=quantitative&g.color_column=site",
    }
    with ThreadPoolExecutor(len(urls)) as pool:
        futures = {name: pool.submit(render, chromium, url, name) for name, url in urls.items()}
        return {name: f.result() for name, f in futures.items()}


def test_home(pages: dict[str, Dom]) -> None:
    home = pages["home"]
    assert "newscrawl" in "".join(home.text)
    assert home.find("a", href="/news")


def test_search_page(pages: dict[str, Dom], served: dict[str, Any]) -> None:
    page = pages["search"]
    links = page.find("a", href=f"/news/articles/{served['seed']}")
    assert links, "the seed article is not linked from the search results"
    first_row = next(a for t, a in page.tags
                     if t == "a" and (a.get("href") or "").startswith("/news/articles/"))
    assert first_row["href"] == f"/news/articles/{served['seed']}"
    text = "".join(page.text)
    assert SEED_TITLE in text
    assert len([1 for t, _ in page.tags if t == "mark"]) >= 2


def test_article_page(pages: dict[str, Dom]) -> None:
    page = pages["article"]
    text = "".join(page.text)
    assert SEED_TITLE in text and "Brett Shapiro" in text
    assert page.find("h1", **{"class": "article-title"})
    assert len([1 for t, a in page.tags if t == "p"]) > 10
    assert page.find("a", href="/news/articles_mentioning?name=Alibaba")
    assert any((a.get("href") or "").endswith(SEED_PATH) for a in page.find("a"))


def test_article_html_is_text_in_the_browser(pages: dict[str, Dom]) -> None:
    page = pages["article-html"]
    text = "".join(page.text)
    assert "<script>alert('pwned')</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert not page.find("img", src="x")
    assert not page.find("b")
    assert not any("pwned" in s or "alert(" in s for s in page.script_text)


def test_chart_renders(pages: dict[str, Dom]) -> None:
    page = pages["chart"]
    svgs = [a for t, a in page.tags if t == "svg" and "marks" in (a.get("class") or "")]
    drawn = page.find("canvas") or svgs
    assert drawn, "datasette-vega drew no chart"
