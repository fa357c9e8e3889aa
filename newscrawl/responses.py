"""What a fetched response really is: HTML or not, and the encoding its bytes really use."""

from __future__ import annotations

import codecs
import re

from parsel import Selector
from scrapy.http import Response, TextResponse
from w3lib.encoding import html_body_declared_encoding

from newscrawl.siteconfig import Site
from newscrawl.urls import is_http_url, strip_tracking
from pipelines.pagetype import html_selector

# single-byte encodings servers declare by default; a body that is valid UTF-8 under them is UTF-8
LEGACY_ENCODINGS = {"ascii", "cp1252", "iso8859-1", "iso8859-15", "latin-1"}


def _utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def encoding_repair(response: TextResponse) -> str | None:
    """The encoding a mis-declared page really uses, or None when the declaration fits the bytes."""
    if response.body.isascii():
        return None
    try:
        declared = codecs.lookup(response.encoding).name
    except LookupError:
        return None
    if declared in LEGACY_ENCODINGS and _utf8(response.body):
        return "utf-8"
    if declared == "utf-8" and not _utf8(response.body):
        in_page = html_body_declared_encoding(response.body)
        return in_page if in_page and codecs.lookup(in_page).name != "utf-8" else "cp1252"
    return None


def content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1").lower()


def is_html(response: Response) -> bool:
    """HTML by its Content-Type, or by its first bytes when the server sends none."""
    kind = content_type(response)
    if kind:
        return "html" in kind
    return response.body.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html"))


HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def head_selector(response: TextResponse) -> Selector:
    """The page's ``<head>`` alone, parsed (a fifth of the page on average): where its canonical URL and
    og:url are. The whole page when it has no ``</head>``."""
    text = response.text
    end = HEAD_END.search(text)
    return html_selector(text[: end.end()] if end else text)


def canonical_url(response: TextResponse, site: Site) -> str:
    """rel=canonical / og:url (read from the ``<head>``) when it stays within the site, else the fetched
    URL; tracking dropped."""
    page = head_selector(response)
    declared = (
        page.css('link[rel="canonical"]::attr(href)').get()
        or page.css('meta[property="og:url"]::attr(content)').get()
    )
    if declared:
        url = strip_tracking(response.urljoin(declared.strip()))
        if is_http_url(url) and site.allows(url):
            return url
    return strip_tracking(response.url)
