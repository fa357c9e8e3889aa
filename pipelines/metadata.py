"""Article metadata from a parsed page: JSON-LD, meta tags, ``<time>`` and the URL, in that order."""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

NEWS_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "techarticle",
    "opinionnewsarticle",
    "report",
    "liveblogposting",
}
ARTICLE_TYPES = NEWS_TYPES | {"webpage"}  # a plain WebPage object is the last resort for metadata
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
# " | ", " - ", " › ", " :: ", "|", "：" ... between a headline and its site or section (not a bare ":")
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:•·›»~/]|::|//)\s+|\s*\|\s*|：")
SITE_SUFFIX_WORDS = 6  # a confirmed headline may shed at most this many words of suffix
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
PERSON_NAME = re.compile(r"^[A-ZÀ-Ý][\w’'.-]+(\s+[A-ZÀ-Ý][\w’'.-]+){1,3}$")
AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||\b(?:and|und|et|og|och|oraz|ve|en)\b|&|\n)\s*")
FOOTNOTE = re.compile(r"(?<=[^\W\d])\s?\d{1,2}$")  # "Rachel Brazil0": an affiliation marker
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author")
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
    headlines: list[str] = field(default_factory=list)  # every headline the page gives (h1, og:title...)


def jsonld_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of parsed JSON-LD, including those of an ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from jsonld_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from jsonld_objects(data.get("@graph", []))


def jsonld_types(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` names of a JSON-LD object."""
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
        candidates += [o for o in jsonld_objects(data) if jsonld_types(o) & ARTICLE_TYPES]
    candidates.sort(key=lambda o: "webpage" in jsonld_types(o))
    return candidates[0] if candidates else {}


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        kinds = jsonld_types(value)
        if "person" not in kinds and kinds & {"organization", "newsmediaorganization"}:
            return []
        return _names(value.get("name"))
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def _site_keys(sitename: str | None) -> set[str]:
    """The site name as letters and digits, with and without its domain ending ("vnexpress.net")."""
    if not sitename:
        return set()
    site = _alnum(sitename)
    return {k for k in (site, site.removesuffix("com"), _alnum(sitename.split(".")[0])) if k}


def _name_list(part: str, listed: bool) -> list[str]:
    """"Name, Job title" keeps the name; "Ann Lee, Bo Chan, Cy Dee" (a list) keeps every name."""
    pieces = [" ".join(p.split()) for p in part.split(",")]
    if len(pieces) > 1 and (listed or len(pieces) > 2) and all(PERSON_NAME.match(p) for p in pieces):
        return pieces
    return pieces[:1]


def people(names: list[str], sitename: str | None = None) -> list[str]:
    """Person names only: no URLs, site or agency names, "Staff", job titles or bios."""
    site = _site_keys(sitename)
    found: list[str] = []
    for raw in names:
        parts = AUTHOR_SPLIT.split(BY_PREFIX.sub("", html_lib.unescape(raw)))
        for piece in (n for part in parts for n in _name_list(part, len(parts) > 1)):
            name = FOOTNOTE.sub("", piece.strip(" .:-–—…"))
            words = name.split()
            lowercase = name.islower()  # "dpa", "admin": names are written with capitals
            if not words or len(words) > 5 or lowercase or NOT_A_PERSON.search(name) or ACRONYM.match(name):
                continue
            if _alnum(name) in site:
                continue
            if name not in found:
                found.append(name)
    return found


# trafilatura's byline search (trafilatura.metadata.extract_author: three XPath expressions in order of
# trust, after pruning comments, sidebars, dates and figures from a deep copy of the page) done in one
# scan of the elements with the attributes it reads, and the pruned parts skipped instead of copied
AUTHOR_SCAN = etree.XPath(
    "//*[@class or @id or @rel or @itemprop or @data-component or @data-testid]|//author|//time|//figure"
)
AUTHOR_TAGS = ({"a", "address", "div", "link", "p", "span", "strong"}, {"a", "div", "h3", "h4", "p", "span"})
AUTHOR_CLASS = (
    ("authorname", "author-name", "AuthorName", "authorName"),
    ("author", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by",
     "journalist-name"),
    ("author", "Author", "screenname", "writer", "byline", "Byline"),
)
AUTHOR_ID = ("author", "zuozhe", "bianji", "xiaobian")
DISCARD_CLASS = (
    "commentlist", "comments-list", "sidebar", "is-hidden", "quote", "embedly-instagram", "article-share",
    "article-support", "print", "category", "meta-date", "meta-reviewer",
)


def _author_rank(el: lxml_html.HtmlElement) -> int | None:
    """Which of trafilatura's author expressions (0, 1, 2) an element matches first, or None."""
    tag, cls, ident, prop = el.tag, el.get("class", ""), el.get("id", ""), el.get("itemprop", "")
    specific = (
        el.get("rel") == "author" or "author" in (ident, cls) or prop == "author name"
        or el.get("data-testid") in ("AuthorCard", "AuthorURL") or any(c in cls for c in AUTHOR_CLASS[0])
    )
    if tag == "author" or (tag in AUTHOR_TAGS[0] and specific):
        return 0
    generic = (
        cls in ("byline", "username", "byl", "BBL") or "author" in prop
        or any(c in ident for c in AUTHOR_ID) or any(c in cls for c in AUTHOR_CLASS[1])
    )
    if tag in AUTHOR_TAGS[1] and generic:
        return 1
    anywhere = "Byline" in el.get("data-component", "") or "author" in prop or "author" in ident
    if anywhere or "Author" in ident or any(c in cls for c in AUTHOR_CLASS[2]):
        return 2
    return None


def _discarded(el: lxml_html.HtmlElement) -> bool:
    """trafilatura's AUTHOR_DISCARD_XPATHS: comments, sidebars, titles, dates, figures."""
    tag, cls, ident = el.tag, el.get("class", ""), el.get("id", "")
    if tag in ("time", "figure"):
        return True
    return tag in ("a", "div", "section", "span") and (
        ident in ("comments",) or cls in ("comments", "title", "date") or ident.startswith("comments")
        or any(c in ident for c in ("commentlist", "comment-list", "ProductReviews"))
        or cls.startswith(("comments", "Comments")) or any(c in cls for c in DISCARD_CLASS)
        or "Figure" in el.get("data-component", "")
    )


def _text_outside(element: lxml_html.HtmlElement, skip: set[Any]) -> Iterator[str]:
    """The text of an element, leaving out the subtrees in ``skip`` (but not their tails)."""
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str) and child not in skip:
            yield from _text_outside(child, skip)
        yield child.tail or ""


def _trafilatura_authors(doc: lxml_html.HtmlElement) -> list[str]:
    """trafilatura's byline search, the last resort for authors."""
    try:
        from trafilatura.metadata import normalize_authors

        scanned = AUTHOR_SCAN(doc)
        skip = {el for el in scanned if _discarded(el)}
        ranked = sorted(
            (rank, i, el) for i, el in enumerate(scanned) if (rank := _author_rank(el)) is not None
        )
        for _, _, element in ranked:
            if element in skip or any(a in skip for a in element.iterancestors()):
                continue
            content = " ".join(" ".join(_text_outside(element, skip)).split())
            if 2 < len(content) < 120:
                found = normalize_authors(None, content)
                return [found] if found else []
    except Exception:  # a fallback must never break metadata
        return []
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


MetaIndex = dict[tuple[str, str], str]
META_ATTRS = ("property", "name", "itemprop")


def meta_index(doc: lxml_html.HtmlElement) -> MetaIndex:
    """Every ``<meta>`` content by (attribute, lower-cased value), the first in document order."""
    index: MetaIndex = {}
    for element in doc.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for attr in META_ATTRS:
            value = element.get(attr)
            if value is not None:
                index.setdefault((attr, value.lower()), content)
    return index


def meta_tag(index: MetaIndex, *names: str) -> str | None:
    """Content of the first ``<meta property|name|itemprop=...>`` among names, from :func:`meta_index`."""
    for name in names:
        for attr in META_ATTRS:
            found = index.get((attr, name.lower()), "").strip()
            if found:
                return found
    return None


def meta(doc: lxml_html.HtmlElement, *names: str) -> str | None:
    """Content of the first ``<meta property|name|itemprop=...>`` among names."""
    return meta_tag(meta_index(doc), *names)


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
    doc: lxml_html.HtmlElement, index: MetaIndex, ld: dict[str, Any], url: str | None
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
            meta_tag(index, "article:modified_time", "dateModified", "og:updated_time"),
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


def _language(doc: lxml_html.HtmlElement, index: MetaIndex, ld: dict[str, Any]) -> str | None:
    declared = _text(ld.get("inLanguage")) or doc.get("lang") or meta_tag(index, "og:locale")
    if not declared:
        found = doc.xpath("//html/@lang")
        declared = str(found[0]) if found else None
    code = re.split(r"[-_]", declared.strip().lower())[0] if declared else ""
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _domain(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname or ""
    parts = host.removeprefix("www.").split(".")
    return parts[-2] if len(parts) >= 2 else None


def _alnum(text: str | None) -> str:
    return "".join(WORD.findall((text or "").casefold()))


def _title_parts(title: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of a title between separators."""
    parts, pos = [], 0
    for match in TITLE_SEPARATORS.finditer(title):
        parts.append((pos, match.start()))
        pos = match.end()
    return [*parts, (pos, len(title))]


def _is_site(text: str, sitename: str | None, loose: bool = True) -> bool:
    """Whether text names the site ("BILD.de", "WELT", "Tages-Anzeiger" for the site "DIE WELT" ...)."""
    own, site = _alnum(text), _alnum(sitename).removeprefix("www")
    if len(own) < 3 or not site:
        return False
    inside = site in own and (len(site) >= 4 or own.startswith(site))
    return own in site or (inside and (loose or len(own) <= 2 * len(site)))


def clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop leading and trailing " - Site Name" pieces from a page title."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = _title_parts(title)
    while len(parts) > 1 and _is_site(title[slice(*parts[-1])], sitename):
        parts.pop()
    while len(parts) > 1 and _is_site(title[slice(*parts[0])], sitename):
        parts.pop(0)
    return title[parts[0][0] : parts[-1][1]].strip()


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def confirmed_title(title: str, others: list[str]) -> str:
    """The headline without a " | Section" tail when another source gives the headline alone."""
    parts = _title_parts(title)
    known = {_norm(o) for o in others if o}
    for j in range(len(parts) - 1, 0, -1):
        head, rest = title[: parts[j - 1][1]], title[parts[j][0] :]
        if _norm(head) in known and len(rest.split()) <= SITE_SUFFIX_WORDS and len(head) >= len(rest):
            return head.strip()
    return title


def _plain(text: str | None) -> str | None:
    return " ".join(html_lib.unescape(text).split()) or None if text else None


def _headings(doc: lxml_html.HtmlElement, page_title: str | None, sitename: str | None) -> list[str]:
    """The ``<h1>`` texts, without a site banner (the site name, or the tail of ``<title>``)."""
    headings = []
    whole = _norm(page_title or "")
    several = page_title is not None and len(_title_parts(page_title)) > 1
    for element in doc.iter("h1"):
        text = " ".join(element.text_content().split())
        own = _norm(text)
        banner = _is_site(text, sitename, loose=False) or (
            several and whole.endswith(own) and len(whole) > 2 * len(own) + 3
        )
        if text and not banner:
            headings.append(text)
    return headings


def headline_sources(
    doc: lxml_html.HtmlElement, ld: dict[str, Any], index: MetaIndex, sitename: str | None
) -> tuple[list[str], list[str], str | None]:
    """The declared headlines (JSON-LD, og:title, twitter:title), the ``<h1>`` texts and ``<title>``."""
    tag = _plain(doc.findtext(".//title"))
    declared = [_plain(_text(ld.get("headline"))), _plain(meta_tag(index, "og:title")),
                _plain(meta_tag(index, "twitter:title"))]
    return [t for t in declared if t], _headings(doc, tag, sitename), tag


def page_title(sources: list[str], headings: list[str], tag: str | None, sitename: str | None) -> str | None:
    """The headline: JSON-LD, og:title, twitter:title (``sources``), the first ``<h1>``, ``<title>``, in
    that order, site name removed, and a section tail removed when another of them confirms the rest."""
    primary = next((t for t in [*sources, *headings[:1], tag] if t), None)
    if not primary:
        return None
    others = [t for t in [*sources, *headings] if t != primary]
    if tag:
        others.append(clean_title(tag, sitename) or "")
    return confirmed_title(clean_title(primary, sitename) or primary, others)


def _is_free(ld: dict[str, Any]) -> bool | None:
    value = ld.get("isAccessibleForFree")
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _tags(doc: lxml_html.HtmlElement, index: MetaIndex, ld: dict[str, Any]) -> list[str]:
    keywords = ld.get("keywords") or meta_tag(index, "news_keywords", "keywords") or []
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    section = _text(ld.get("articleSection")) or meta_tag(index, "article:section")
    tags = [str(k).strip() for k in keywords if str(k).strip()]
    tags += [str(t).strip() for t in doc.xpath('//meta[@property="article:tag"]/@content')]
    return list(dict.fromkeys(([section] if section else []) + tags))


BYLINE_PREFIX = re.compile(r"^\s*(by|von|written by|reported by|text:)\s+", re.IGNORECASE)
BYLINE_END = re.compile(r"\s*[|•·–—]\s*|\s*,\s*(?=\w+\s+\d{1,2},|\d)|\s+(on|am|updated)\s+", re.IGNORECASE)


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
    index = meta_index(doc)
    sitename = meta_tag(index, "og:site_name", "application-name")
    site = sitename or _domain(url)
    published, modified, date_source = _dates(doc, index, ld, url)
    declared = [a for a in [meta_tag(index, *AUTHOR_META)] if a]
    authors = (
        people(_names(ld.get("author")), site)
        or people(declared, site)
        or people(byline_authors(doc), site)
        or people(_trafilatura_authors(doc), site)
    )
    sources, headings, tag = headline_sources(doc, ld, index, site)
    return Metadata(
        title=page_title(sources, headings, tag, site),
        authors=authors,
        published=published,
        modified=modified,
        date_source=date_source,
        description=meta_tag(index, "description", "og:description", "twitter:description")
        or _text(ld.get("description")),
        sitename=sitename,
        image=meta_tag(index, "og:image", "twitter:image") or _text(ld.get("image")),
        tags=_tags(doc, index, ld),
        canonical=next(iter(doc.xpath('//link[@rel="canonical"]/@href')), None) or meta_tag(index, "og:url"),
        declared_language=_language(doc, index, ld),
        is_free=_is_free(ld),
        article_body=plain_text(_text(ld.get("articleBody"))),
        headlines=[*sources, *headings],
    )
