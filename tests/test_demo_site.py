"""The bundled demo news site: served correctly, discoverable, and consistent with its gold."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest

from newscrawl.demo.server import SITE_DIR, DemoServer, serve_in_thread

EXPECTED: dict[str, Any] = json.loads(
    (SITE_DIR.parent / "expected.json").read_text(encoding="utf-8")
)
ARTICLES: list[dict[str, Any]] = EXPECTED["articles"]
ARTICLE_PATHS = {a["path"] for a in ARTICLES}
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# Never use an environment proxy for 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Page:
    def __init__(self, status: int, ctype: str, body: str, url: str) -> None:
        self.status, self.ctype, self.body, self.url = status, ctype, body, url


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[DemoServer, str]]:
    server, base = serve_in_thread(port=0)
    try:
        yield server, base
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base(site: tuple[DemoServer, str]) -> str:
    return site[1]


def fetch(base: str, path: str) -> Page:
    try:
        with OPENER.open(base + path, timeout=5) as resp:
            return Page(resp.status, resp.headers.get("Content-Type", ""),
                        resp.read().decode("utf-8"), resp.geturl())
    except urllib.error.HTTPError as err:
        return Page(err.code, err.headers.get("Content-Type", ""), "", base + path)


class _Text(HTMLParser):
    BLOCK = frozenset({
        "p", "div", "h1", "h2", "h3", "h4", "li", "ul", "figure", "figcaption", "header",
        "footer", "article", "aside", "section", "form", "button", "title", "nav", "main",
        "body", "br",
    })

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def canonical_of(html: str) -> str | None:
    m = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    return m.group(1) if m else None


def test_gold_covers_enough_articles_layouts_and_languages() -> None:
    assert len(ARTICLES) >= 22
    assert len(ARTICLE_PATHS) == len(ARTICLES)
    layouts = Counter(a["layout"] for a in ARTICLES)
    assert set(layouts) == {"A", "B", "C"}
    assert min(layouts.values()) >= 6
    assert sum(a["language"] == "de" for a in ARTICLES) >= 2
    for a in ARTICLES:
        assert a["title"] and a["authors"] and a["must_not"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["published"])
    assert not ARTICLE_PATHS & set(EXPECTED["non_articles"])
    assert set(EXPECTED["duplicates"].values()) <= ARTICLE_PATHS


def test_every_page_is_served_with_base_replaced(base: str) -> None:
    paths = [*ARTICLE_PATHS, *EXPECTED["non_articles"], *EXPECTED["duplicates"]]
    for path in paths:
        page = fetch(base, path)
        assert page.status == 200, path
        assert page.ctype == "text/html; charset=utf-8", path
        assert "{{BASE}}" not in page.body, path


def test_articles_match_their_gold(base: str) -> None:
    for a in ARTICLES:
        html = fetch(base, a["path"]).body
        text = text_of(html)
        assert f">{a['title'].replace('&', '&amp;')}</h1>" in html, a["path"]
        assert a["first_words"] in text and a["last_words"] in text, a["path"]
        for line in a["must_not"]:
            assert line in text, (a["path"], line)
        expected_canonical = base + a["path"] if a["has_canonical"] else None
        assert canonical_of(html) == expected_canonical, a["path"]
    seed = next(a for a in ARTICLES if a["path"].startswith("/2025/12/16/alibabas-"))
    assert "Should investors sell immediately? Or is it worth buying Alibaba?" in seed["must_not"]


def test_duplicate_points_to_main_url(base: str) -> None:
    for dup, main in EXPECTED["duplicates"].items():
        assert canonical_of(fetch(base, dup).body) == base + main


def test_robots_txt(base: str) -> None:
    page = fetch(base, "/robots.txt")
    assert page.ctype.startswith("text/plain")
    assert f"Sitemap: {base}/sitemap.xml" in page.body.splitlines()
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(page.body.splitlines())
    for path in EXPECTED["disallowed"]:
        assert not rp.can_fetch("newscrawl", base + path)
    assert all(rp.can_fetch("newscrawl", base + p) for p in ARTICLE_PATHS)


def _locs(root: ET.Element, tag: str) -> list[str]:
    return [el.text or "" for el in root.iter(f"{SM}{tag}")]


def test_sitemaps_list_exactly_the_articles(base: str) -> None:
    index = ET.fromstring(fetch(base, "/sitemap.xml").body)
    assert index.tag == f"{SM}sitemapindex"
    found: list[str] = []
    for child in _locs(index, "loc"):
        assert child.startswith(base + "/")
        root = ET.fromstring(fetch(base, child.removeprefix(base)).body)
        found += [u.removeprefix(base) for u in _locs(root, "loc")]
        if root.find(f".//{NEWS}news") is not None:
            assert root.findall(f".//{NEWS}publication_date")
            assert root.findall(f".//{NEWS}title")
    assert len(found) == len(set(found))
    assert set(found) == ARTICLE_PATHS


def test_feed_parses_and_links_to_articles(base: str) -> None:
    page = fetch(base, "/feed.xml")
    assert "xml" in page.ctype
    items = ET.fromstring(page.body).findall("./channel/item")
    assert len(items) >= 10
    links = [item.findtext("link") or "" for item in items]
    assert any("utm_source=rss" in link for link in links)
    for link in links:
        parts = urlsplit(link)
        assert f"{parts.scheme}://{parts.netloc}" == base
        assert parts.path in ARTICLE_PATHS


def test_missing_and_odd_paths_get_real_errors(base: str) -> None:
    for path in ("/no/such/page/", "/markets/2025/no-such-story", "/nope.xml",
                 "/markets/2025/ipo-watch-quillpay-prices-above-range/", "/%2e%2e/server.py"):
        assert fetch(base, path).status == 404, path
    assert fetch(base, "/about").url == base + "/about/"


def test_soft_404_is_served_as_200(base: str) -> None:
    for path in EXPECTED["soft_404"]:
        page = fetch(base, path)
        assert page.status == 200
        assert "does not exist" in page.body
