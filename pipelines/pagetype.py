"""Recognise fetched pages that are not articles: soft 404s, listings, video-only pages."""

from __future__ import annotations

import json
import re

from lxml.html import HtmlElement
from parsel import Selector

from pipelines.metadata import NEWS_TYPES, jsonld_objects, jsonld_types

SOFT_404 = re.compile(
    r"\b(page|seite|article|story|content)\s+(was\s+)?(not\s+found|nicht\s+gefunden)"
    r"|\b404\b|does\s+not\s+exist|doesn['’]t\s+exist|no\s+longer\s+available"
    r"|existiert\s+nicht|nicht\s+mehr\s+verfügbar",
    re.IGNORECASE,
)


def _jsonld_types(sel: Selector) -> set[str]:
    types: set[str] = set()
    for raw in sel.css('script[type="application/ld+json"]::text').getall():
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        types.update(t for obj in jsonld_objects(data) for t in jsonld_types(obj))
    return types


def _paragraph_words(sel: Selector) -> int:
    return sum(len(t.split()) for t in sel.css("p ::text").getall())


NON_ARTICLE_DETAIL = {
    "soft_404": "'not found' page served with status 200",
    "video": "a video page without article text",
    "listing": "no article markup and little text",
}


def html_selector(html: str) -> Selector:
    """A page parsed from its UTF-8 bytes: lxml refuses a str that starts with an XML declaration (XHTML
    pages), and ``Selector(text=...)`` then gives an empty page."""
    return Selector(body=html.encode("utf-8", errors="replace"), encoding="utf-8", type="html")


def classify_page(html: str) -> str:
    """``article`` or the kind of non-article page: ``soft_404``, ``video``, ``listing``."""
    return classify_selector(html_selector(html))


def classify_tree(doc: HtmlElement) -> str:
    """:func:`classify_page` of a page already parsed by lxml (no second parse)."""
    return classify_selector(Selector(root=doc, type="html"))


def classify_selector(sel: Selector) -> str:
    """:func:`classify_page` of an already parsed page."""
    heading = " ".join(sel.css("title::text, h1 ::text").getall())
    words = _paragraph_words(sel)
    if SOFT_404.search(heading) and words < 150:
        return "soft_404"
    og_type = (sel.css('meta[property="og:type"]::attr(content)').get() or "").lower()
    has_article_markup = bool(
        _jsonld_types(sel) & NEWS_TYPES
        or og_type == "article"
        or sel.css('meta[property="article:published_time"]')
    )
    if og_type.startswith("video") or (sel.css("video, iframe[src*='youtube']") and words < 80):
        return "video"
    if not has_article_markup and words < 120:
        return "listing"
    return "article"
