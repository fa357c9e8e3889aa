"""URL canonicalisation and the article-URL heuristic used for ad-hoc crawls."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src"
    r"|cmpid|ocid|taid|guccounter|guce_\w+|sr_share|smid|src|share|cid|icid|ito|xtor|s_cid)$",
    re.IGNORECASE,
)

NON_ARTICLE_PATH = re.compile(
    r"/(tags?|topics?|authors?|category|categories|section|sections|search|about(-us)?|contact"
    r"|privacy|terms|imprint|impressum|impressum\.html|login|register|subscribe|newsletters?"
    r"|video|videos|podcasts?|gallery|galleries|live|feed|rss|page/\d+|cdn-cgi|wp-admin"
    r"|wp-json|wp-content|shop|jobs|careers|advertise|events?)(/|$|\.)",
    re.IGNORECASE,
)
BINARY_EXT = re.compile(
    r"\.(pdf|jpe?g|png|gif|webp|svg|mp[34]|mov|avi|zip|gz|docx?|xlsx?|pptx?|css|js|ico|xml|json)$",
    re.IGNORECASE,
)
DATE_IN_PATH = re.compile(r"/(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-]|$)|/(19|20)\d{2}/")
NUMERIC_ID = re.compile(r"\d{5,}")
SLUG = re.compile(r"[a-z0-9\u00c0-\u024f]+(?:[-_][a-z0-9\u00c0-\u024f]+){3,}", re.IGNORECASE)


def strip_tracking(url: str) -> str:
    """Drop tracking query parameters and the fragment; lower-case scheme and host."""
    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)
    ]
    netloc = parts.netloc.lower()
    if (parts.scheme == "http" and netloc.endswith(":80")) or (
        parts.scheme == "https" and netloc.endswith(":443")
    ):
        netloc = netloc.rsplit(":", 1)[0]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(query), ""))


def looks_like_article(url: str) -> bool:
    """Guess from the URL alone whether it is an article (used when a site gives no pattern)."""
    parts = urlsplit(url)
    path = parts.path
    if parts.scheme not in ("http", "https") or BINARY_EXT.search(path):
        return False
    if path in ("", "/") or NON_ARTICLE_PATH.search(path):
        return False
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(DATE_IN_PATH.search(path) and last and not last.isdigit()) or bool(
        SLUG.search(last) or NUMERIC_ID.search(last)
    )


def is_http_url(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")
