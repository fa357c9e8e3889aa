"""Article metadata from a parsed page: JSON-LD, meta tags, ``<time>`` and the URL, in that order."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "techarticle",
    "opinionnewsarticle",
    "report",
    "liveblogposting",
    "webpage",
}
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:•·]\s+")
WORD = re.compile(r"\w+")
NOT_A_PERSON = re.compile(
    r"https?:|www\.|\.(com|de|org|net|at|ch|is|co)\b|@|\d|/"
    r"|\b(staff|team|redaktion|redaction|rédaction|redacción|redazione|editors?|editorial|desk|newsroom|news"
    r"|nachrichten|agency|agentur|agencia|reporters?|correspondents?|contributors?|press|presse|media|online"
    r"|digital|magazine?|zeitung|times|daily|tribune|journal|gazette|herald|wire|bureau|admin|administrator"
    r"|guest|gast|autor|authors?|writer|redakteur|columnist|photographer|photo|foto|webmaster|anonymous"
    r"|unknown)\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||\band\b|\bund\b|\bet\b|&|\n)\s*")
BY_PREFIX = re.compile(r"^\W*(by|von|par|por|door|av|af)\s+", re.IGNORECASE)


@dataclass
class Metadata:
    """What a page says about its article."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    date_source: str | None = None
    description: str | None = None
    sitename: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    canonical: str | None = None
    declared_language: str | None = None
    is_free: bool | None = None
    article_body: str | None = None


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        yield from _walk(data.get("@graph", []))


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def jsonld_article(doc: lxml_html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object of an article type (NewsArticle, BlogPosting, ...), or {}."""
    candidates: list[dict[str, Any]] = []
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except ValueError:
            continue
        candidates += [o for o in _walk(data) if _types(o) & ARTICLE_TYPES]
    candidates.sort(key=lambda o: "webpage" in _types(o))
    return candidates[0] if candidates else {}


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        if "person" not in _types(value) and _types(value) & {"organization", "newsmediaorganization"}:
            return []
        return _names(value.get("name"))
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def people(names: list[str], sitename: str | None = None) -> list[str]:
    """Person names only: no URLs, site or agency names, "Staff", job titles or bios."""
    site = "".join(WORD.findall((sitename or "").casefold()))
    found: list[str] = []
    for raw in names:
        for part in AUTHOR_SPLIT.split(BY_PREFIX.sub("", html_lib.unescape(raw))):
            name = " ".join(part.split(",")[0].split()).strip(" .:-–—…")
            words = name.split()
            lowercase = name.islower()  # "dpa", "admin": names are written with capitals
            if not words or len(words) > 5 or lowercase or NOT_A_PERSON.search(name) or ACRONYM.match(name):
                continue
            if site and "".join(WORD.findall(name.casefold())) in (site, site.removesuffix("com")):
                continue
            if name not in found:
                found.append(name)
    return found


def _trafilatura_authors(doc: lxml_html.HtmlElement) -> list[str]:
    """trafilatura's byline search, the last resort for authors."""
    try:
        from trafilatura.metadata import extract_author

        found = extract_author(doc)
    except Exception:  # a fallback must never break metadata
        return []
    return [found] if found else []


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def meta(doc: lxml_html.HtmlElement, *names: str) -> str | None:
    """Content of the first ``<meta property|name|itemprop=...>`` among names."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = doc.xpath(f'//meta[@{attr}="{name}"]/@content')
            if found and str(found[0]).strip():
                return str(found[0]).strip()
    return None


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 (with the time zone when the source gives one), or None if unparseable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)
    text = re.sub(r"^(\d{4}-\d{2}-\d{2}) (\d)", r"\1T\2", text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) == 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _dates(
    doc: lxml_html.HtmlElement, ld: dict[str, Any], url: str | None
) -> tuple[str | None, str | None, str | None]:
    sources = [
        ("jsonld", _text(ld.get("datePublished")), _text(ld.get("dateModified"))),
        (
            "meta",
            meta(
                doc,
                "article:published_time",
                "datePublished",
                "pubdate",
                "publishdate",
                "date",
                "dc.date",
                "DC.date.issued",
                "sailthru.date",
                "parsely-pub-date",
            ),
            meta(doc, "article:modified_time", "dateModified", "og:updated_time"),
        ),
        ("time", next(iter(doc.xpath("//time/@datetime")), None), None),
    ]
    modified = next((normalise_date(m) for _, _, m in sources if normalise_date(m)), None)
    for source, published, _ in sources:
        if normalise_date(published):
            return normalise_date(published), modified, source
    match = URL_DATE.search(url or "")
    if match:
        return "-".join(match.groups()), modified, "url"
    found = _text_date(doc)
    return found, modified, "text" if found else None


def _text_date(doc: lxml_html.HtmlElement) -> str | None:
    """A publication day written in the page (htmldate's search), the least trusted source."""
    try:
        from htmldate import find_date

        return find_date(doc, extensive_search=True, original_date=True) or None
    except Exception:  # htmldate parses arbitrary text; never let it fail a page
        return None


def _language(doc: lxml_html.HtmlElement, ld: dict[str, Any]) -> str | None:
    declared = _text(ld.get("inLanguage")) or doc.get("lang") or meta(doc, "og:locale")
    if not declared:
        found = doc.xpath("//html/@lang")
        declared = str(found[0]) if found else None
    code = re.split(r"[-_]", declared.strip().lower())[0] if declared else ""
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _domain(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname or ""
    parts = host.removeprefix("www.").split(".")
    return parts[-2] if len(parts) >= 2 else None


def clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop a trailing or leading " - Site Name" from a page title."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or not sitename:
        return title
    site = sitename.lower().removeprefix("www.").split(".")[0].replace(" ", "")
    if site in parts[-1].lower().replace(" ", ""):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:•·")
    if site in parts[0].lower().replace(" ", ""):
        return title[len(parts[0]) :].lstrip(" |-–—:•·")
    return title


def _is_free(ld: dict[str, Any]) -> bool | None:
    value = ld.get("isAccessibleForFree")
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _tags(doc: lxml_html.HtmlElement, ld: dict[str, Any]) -> list[str]:
    keywords = ld.get("keywords") or meta(doc, "news_keywords", "keywords") or []
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    section = _text(ld.get("articleSection")) or meta(doc, "article:section")
    tags = [str(k).strip() for k in keywords if str(k).strip()]
    tags += [str(t).strip() for t in doc.xpath('//meta[@property="article:tag"]/@content')]
    return list(dict.fromkeys(([section] if section else []) + tags))


BYLINE_PREFIX = re.compile(r"^\s*(by|von|written by|reported by|text:)\s+", re.IGNORECASE)
BYLINE_END = re.compile(r"\s*[|•·–—]\s*|\s*,\s*(?=\w+\s+\d{1,2},|\d)|\s+(on|am|updated)\s+", re.IGNORECASE)
PERSON_NAME = re.compile(r"^[A-ZÀ-Ý][\w’'.-]+(\s+[A-ZÀ-Ý][\w’'.-]+){1,3}$")


def byline_authors(doc: lxml_html.HtmlElement) -> list[str]:
    """Author names from a visible byline ("By Jane Doe | December 3, 2025")."""
    xpath = ('//*[@rel="author" or contains(@itemprop, "author") or contains(@class, "byline")'
             ' or contains(@class, "author")]')
    for element in doc.xpath(xpath):
        text = " ".join(element.text_content().split())
        if not text or len(text) > 120 or not (BYLINE_PREFIX.match(text) or element.get("rel")
                                               or "author" in (element.get("class") or "")):
            continue
        head = BYLINE_END.split(BYLINE_PREFIX.sub("", text), maxsplit=1)[0]
        names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|\bund\b|&)\s*", head) if n.strip()]
        if names and all(PERSON_NAME.match(n) for n in names):
            return names
    return []


def plain_text(value: str | None) -> str | None:
    """Text of a JSON-LD string that may hold HTML: tags become paragraph breaks, entities decoded."""
    if not value:
        return None
    if "<" in value and ">" in value:
        value = re.sub(r"(?i)<\s*(br|/p|/h\d|/li|/div|/blockquote)\b[^>]*>", "\n", value)
        value = re.sub(r"<[^>]+>", " ", value)
    text = "\n".join(" ".join(line.split()) for line in html_lib.unescape(value).splitlines())
    return text.strip() or None


def page_metadata(doc: lxml_html.HtmlElement, url: str | None) -> Metadata:
    """Read everything the page declares about its article."""
    ld = jsonld_article(doc)
    sitename = meta(doc, "og:site_name", "application-name")
    published, modified, date_source = _dates(doc, ld, url)
    h1 = doc.xpath("normalize-space(//h1)")
    raw_title = (
        _text(ld.get("headline"))
        or meta(doc, "og:title")
        or meta(doc, "twitter:title")
        or h1
        or (doc.findtext(".//title") or None)
    )
    declared = [a for a in [meta(doc, "author", "article:author", "parsely-author", "sailthru.author")] if a]
    authors = (
        people(_names(ld.get("author")), sitename or _domain(url))
        or people(declared, sitename or _domain(url))
        or people(byline_authors(doc), sitename or _domain(url))
        or people(_trafilatura_authors(doc), sitename or _domain(url))
    )
    return Metadata(
        title=clean_title(html_lib.unescape(raw_title) if raw_title else None, sitename or _domain(url)),
        authors=authors,
        published=published,
        modified=modified,
        date_source=date_source,
        description=meta(doc, "description", "og:description", "twitter:description")
        or _text(ld.get("description")),
        sitename=sitename,
        image=meta(doc, "og:image", "twitter:image") or _text(ld.get("image")),
        tags=_tags(doc, ld),
        canonical=next(iter(doc.xpath('//link[@rel="canonical"]/@href')), None) or meta(doc, "og:url"),
        declared_language=_language(doc, ld),
        is_free=_is_free(ld),
        article_body=plain_text(_text(ld.get("articleBody"))),
    )
