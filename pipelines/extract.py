"""Body extraction: drop boilerplate containers, run trafilatura, return paragraphs and metadata."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from pipelines.metadata import Metadata, page_metadata

logger = logging.getLogger(__name__)

MAX_HTML_CHARS = 8_000_000
# class/id tokens that mark a boilerplate container (matched on whole tokens split at - and _)
BOILERPLATE_TOKENS = {
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsored",
    "promo",
    "promotion",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "related",
    "recommended",
    "recirculation",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "share",
    "sharing",
    "sharebar",
    "social",
    "comments",
    "comment",
    "disqus",
    "breadcrumb",
    "breadcrumbs",
    "crumbs",
    "sidebar",
    "teaser",
    "teasers",
    "paywall",
    "byline",
}
BOILERPLATE_PAIRS = (
    {"author", "box"},
    {"author", "bio"},
    {"author", "info"},
    {"author", "card"},
    {"must", "read"},
    {"read", "more"},
    {"more", "stories"},
    {"about", "author"},
)
TOKEN_SPLIT = re.compile(r"[\s_\-]+")
BLOCK_TAGS = {"p": "p", "head": "h", "quote": "quote", "list": "list", "table": "table"}


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of the body: kind is p, h, li, quote or table."""

    kind: str
    text: str


@dataclass
class Extraction:
    """The result of :func:`extract`: the body blocks and the page metadata."""

    blocks: list[Block] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)


def parse_html(html: str | bytes) -> lxml_html.HtmlElement | None:
    """Parse a page leniently; None for empty, binary or unparseable input."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html.strip() or "\x00" in html[:2048] or len(html) > MAX_HTML_CHARS:
        return None
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _is_boilerplate(element: lxml_html.HtmlElement) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    tokens = set(TOKEN_SPLIT.split(names))
    return bool(tokens & BOILERPLATE_TOKENS) or any(pair <= tokens for pair in BOILERPLATE_PAIRS)


def _text_length(element: lxml_html.HtmlElement) -> int:
    return sum(len(t) for t in element.xpath(".//p//text()"))


def drop_boilerplate(doc: lxml_html.HtmlElement, selectors: Iterable[str] = ()) -> int:
    """Remove ad, promo, newsletter, share, related and author-box containers in place.

    A container holding more than a third of the page's paragraph text is kept: a
    broad class name must never take the article with it.
    """
    total = max(_text_length(doc), 1)
    doomed = [
        el
        for el in doc.iter()
        if isinstance(el.tag, str)
        and el.tag not in ("html", "body")
        and (el.get("class") or el.get("id"))
        and _is_boilerplate(el)
    ]
    for selector in selectors:
        try:
            doomed += doc.cssselect(selector)
        except Exception:  # cssselect raises several kinds on a bad selector
            logger.warning("Bad drop selector ignored: %s", selector)
    removed = 0
    for el in doomed:
        parent = el.getparent()
        if parent is not None and _text_length(el) < total / 3:
            parent.remove(el)
            removed += 1
    return removed


def _blocks(body: etree._Element) -> list[Block]:
    blocks = []
    for child in body:
        kind = BLOCK_TAGS.get(str(child.tag))
        if kind == "list":
            blocks += [Block("li", " ".join(i.itertext()).strip()) for i in child.iter("item")]
            continue
        text = " ".join(" ".join(child.itertext()).split())
        if kind and text:
            blocks.append(Block(kind, text))
    return [b for b in blocks if b.text]


def extract(
    html: str | bytes, url: str | None = None, drop_selectors: Iterable[str] = ()
) -> Extraction | None:
    """Extract an article's body blocks and metadata; None when the page has no body."""
    doc = parse_html(html)
    if doc is None:
        return None
    metadata = page_metadata(doc, url)
    drop_boilerplate(doc, drop_selectors)
    try:
        result = trafilatura.bare_extraction(
            doc, url=url, include_comments=False, with_metadata=False, include_tables=True
        )
    except Exception as exc:  # trafilatura is robust, but a page must never crash a crawl
        logger.warning("trafilatura failed on %s: %r", url, exc)
        return None
    body = getattr(result, "body", None)
    if body is None:
        return None
    blocks = _blocks(body)
    return Extraction(blocks=blocks, metadata=metadata) if blocks else None
