"""Article metadata from a parsed page: JSON-LD, meta tags, ``<time>`` and the URL, in that order."""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from itertools import islice, pairwise
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
WHITESPACE = re.compile(r"\s+")
IDEOGRAPHIC_SPACE = "\u3000"
# " | ", " - ", " › ", " :: ", "|", "：" ... between a headline and its site or section (not a bare ":")
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:•·›»~/]|::|//)\s+|\s*\|\s*|：")
SITE_SUFFIX_WORDS = 6  # a confirmed headline may shed at most this many words of suffix
WORD = re.compile(r"\w+")
NOT_A_PERSON = re.compile(
    r"https?:|www\.|\.(com|de|org|net|at|ch|is|co)\b|@|\d|/"
    r"|\b(staff|team|redaktion|redaction|rédaction|redacción|redazione|editors?|editorial|desk|newsroom|news"
    r"|nachrichten|agency|agentur|agencia|reporters?|correspondents?|contributors?|press|presse|media|online"
    r"|digital|magazine?|zeitung|times|daily|tribune|journal|gazette|herald|wire|bureau|admin|administrator"
    r"|guest|gast|autor|authors?|writer|redakteur|columnist|photographer|photos?|fotos?|videos?|webmaster"
    r"|anonymous|unknown|red|agenturen|agencies|inc|ltd|llc|gmbh|corp|follow|sponsored|gesponserte?|posts"
    r"|articles|beiträge|inhalte?|content|name)\b"  # "Red": "Redaktion"; "Name": an unfilled template field
    r"|admin",  # "wordpressadmin"
    re.IGNORECASE,
)
NOT_A_NAME_START = frozenset({"on", "in", "at", "by", "the", "for", "and", "or", "of", "to", "from", "with"})


def _name_shaped(name: str) -> bool:
    """Not a phrase that starts with a function word ("On August", "By the way")."""
    words = name.split()
    return bool(words) and words[0].casefold() not in NOT_A_NAME_START


# wire services: credited for their copy on another publisher's site, they are kept as written
WIRE_AGENCY = re.compile(
    r"(?:the\s+)?(?:associated\s+press|ap|reuters|dpa(?:-afx)?|deutsche\s+presse-agentur|afp"
    r"|agence\s+france-presse|(?:keystone-)?sda|sid|apa|kna|epd|ansa|efe|kyodo(?:\s+news)?|xinhua"
    r"|pa(?:\s+media)?|press\s+association|bloomberg|upi|dts|ddp|aap|canadian\s+press|yonhap|tass"
    r"|interfax|europa\s+press|belga|anp|ntb|ritzau|ctk|pap|lusa|pti|ians|bernama|antara|jiji\s+press)"
    r"|[\w-]+\s+(?:nachrichtenagentur|news\s+agency|press\s+agency)|nachrichtenagentur\s+[\w-]+",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
PERSON_NAME = re.compile(r"^[A-ZÀ-Ý][\w’'.-]+(\s+[A-ZÀ-Ý][\w’'.-]+){1,3}$")
AUTHOR_SPLIT = re.compile(
    r"\s*(?:;|\||\b(?:and|und|et|og|och|oraz|ve|en)\b|&|\n"
    r"|\b(?i:im gespräch mit|im interview mit|in conversation with|in an interview with|interviewed by)\b)\s*"
    r"|\s+[ye]\s+(?=[A-ZÀ-Ý][\w'’.-]+\s+[A-ZÀ-Ý])"  # "Ana Ruiz y José Vidal", not "José Ortega y Gasset"
)
FOOTNOTE = re.compile(r"(?<=[^\W\d])\s?\d{1,2}$")  # "Rachel Brazil0": an affiliation marker
HANDLE = re.compile(r"(.*?\S)\s*\(([^()]{1,24})\)")  # "Elena Oberholzer (obe)", "Jane Doe (AFP)"
URL_LIKE = re.compile(r"://|www\.")
TAG = re.compile(r"<[^>]+>")
SITE_ARTICLE = re.compile(r"^(?:the|der|die|das|le|la|les|el|il|de|het)\s+", re.IGNORECASE)
SITE_ENDING = re.compile(r"[\s.](?:com|net|org|de|at|ch|is|be|fr|it|es|nl|uk|co|tv|online)$", re.IGNORECASE)
# trafilatura's author meta names (metadata.METANAME_AUTHOR), the common ones first
AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dc:creator",
    "dcterms.creator", "citation_author", "byl", "authors", "creator", "atc-metaauthor", "dc.creator.aut",
    "dcterms.creator.aut", "dcsext.author", "rbauthors", "shareaholic:article_author_name",
)
BY_PREFIX = re.compile(
    r"^\W*((view |zeige )?(all |alle )?(posts|articles|stories|beiträge|artikel) (by|von)|more (by|from)"
    r"|mehr von|by|von|par|por|door|av|af)\s+",
    re.IGNORECASE,
)
JOB_TITLE = re.compile(
    r"((senior|chief|staff|contributing|political|business|tech|sports?) )*"
    r"(staff|writer|reporter|correspondent|editor|columnist|redakteur(in)?|korrespondent(in)?|economist"
    r"|analyst|strategist|professor|director|president|founder|manager|officer|producer|anchor)"
    r"( writer| reporter)?",
    re.IGNORECASE,
)
# "... Tiempo de lectura", "5 min read", "Lesezeit: 3 Minuten" glued to a byline
READING_TIME = re.compile(
    r"\s*(\d+\s*)?(tiempo de lectura|lesezeit|reading time|temps de lecture|tempo di lettura"
    r"|min(ute)?s?\.? read)\b.*$",
    re.IGNORECASE,
)


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
        if isinstance(data.get("mainEntity"), dict | list):  # a WebPage whose mainEntity is the article
            yield from jsonld_objects(data["mainEntity"])


def jsonld_types(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` names of a JSON-LD object."""
    kind = obj.get("@type", [])
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def jsonld_article(doc: lxml_html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object of an article type (NewsArticle, BlogPosting, ...), or {}; an author given
    as a reference (``{"@id": ...}``, as Yoast SEO writes it) is replaced by the node it refers to."""
    objects: list[dict[str, Any]] = []
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except ValueError:
            continue
        objects += jsonld_objects(data)
    candidates = sorted((o for o in objects if jsonld_types(o) & ARTICLE_TYPES),
                        key=lambda o: "webpage" in jsonld_types(o))
    if not candidates:
        return {}
    article = candidates[0]
    if "author" not in article:
        return article
    nodes = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
    return {**article, "author": _referenced(article["author"], nodes)}


def _referenced(value: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD value with its bare ``{"@id": ...}`` references replaced by the nodes they name."""
    if isinstance(value, list):
        return [_referenced(v, nodes) for v in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return nodes.get(value["@id"], value)
    return value


def is_wire_agency(name: str) -> bool:
    """Whether a credit names a wire service ("dpa", "The Associated Press", "SID Nachrichtenagentur")."""
    return bool(WIRE_AGENCY.fullmatch(name.strip()))


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        kinds = jsonld_types(value)
        if "person" not in kinds and kinds & {"organization", "newsmediaorganization"}:
            return [n for n in _names(value.get("name")) if is_wire_agency(n)]
        return _names(value.get("name"))
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def _site_keys(*sites: str | None) -> set[str]:
    """Site names as letters and digits, with and without their domain ending ("vnexpress.net", "orf"),
    and the last piece of a site name given as "Headline - Site"."""
    keys: set[str] = set()
    for sitename in filter(None, sites):
        site, labels = _alnum(sitename), sitename.split(".")
        registered = labels[-2] if len(labels) > 1 else ""  # "orf" of "news.ORF.at"
        keys |= {site, site.removesuffix("com"), _alnum(labels[0]), _alnum(registered)}
        keys.add(_alnum(sitename[slice(*_title_parts(sitename)[-1])]))  # "Headline - Site"
    return keys - {""}


def own_site(name: str, keys: set[str]) -> bool:
    """Whether a credit is the site's own name ("DER SPIEGEL" on spiegel.de, "ORF at" on orf.at)."""
    bare = SITE_ENDING.sub("", SITE_ARTICLE.sub("", name.strip()))
    return _alnum(name) in keys or _alnum(bare) in keys


def _name_list(part: str, listed: bool) -> list[str]:
    """"Name, Job title" keeps the name; "Ann Lee, Bo Chan, Cy Dee" (a list) keeps every name; a wire
    agency after the name ("Jörg Soldwisch, dpa") is kept too."""
    pieces = [" ".join(p.split()) for p in part.split(",")]
    named = [bool(PERSON_NAME.match(p)) or is_wire_agency(p) for p in pieces]
    titled = any(JOB_TITLE.search(p) or NOT_A_PERSON.search(p) for p in pieces[1:])
    if len(pieces) > 1 and (listed or len(pieces) > 2 or not titled) and all(named):
        return pieces
    return pieces[:1] + [p for p in pieces[1:] if is_wire_agency(p)]


def _slashed(text: str) -> str:
    """"A/B" as "A; B" when it lists people or wire agencies ("Mathatisi Sebusi/Mohalenyane Phakela",
    "det/dpa"), never inside a URL or an organisation's name ("Bündnis 90/Die Grünen")."""
    if "/" not in text or URL_LIKE.search(text):
        return text
    pieces = [p.strip() for p in text.split("/")]
    if any(is_wire_agency(p) for p in pieces) or all(PERSON_NAME.match(p) for p in pieces):
        return "; ".join(pieces)
    return text


def _handle(name: str) -> list[str]:
    """"Elena Oberholzer (obe)" as the name alone; "Jane Doe (AFP)" as the name and the agency."""
    handle = HANDLE.fullmatch(name)
    if not handle or NOT_A_PERSON.search(handle.group(2)):  # "(www.site.com)": the credit is not a person
        return [name]
    inner = handle.group(2).strip()
    return [handle.group(1).strip(" .:-–—…")] + ([inner] if is_wire_agency(inner) else [])


def credits(raw: str) -> list[str]:
    """The names in one author string: split at "and", ";", "/"..., a "(handle)" after a name set apart."""
    text = _slashed(BY_PREFIX.sub("", TAG.sub(" ", html_lib.unescape(raw))))
    parts = AUTHOR_SPLIT.split(text)
    found: list[str] = []
    for piece in (n for part in parts for n in _name_list(part, len(parts) > 1)):
        found += _handle(FOOTNOTE.sub("", READING_TIME.sub("", piece).strip(" .:-–—…")))
    return found


def without_title(name: str, site: set[str]) -> str:
    """A name without the site's name or a reporter's title glued after it ("Adam Aaronson PhillyVoice
    Staff", "Jane Doe Staff Writer"), when the words before it are a name."""
    words = name.split()
    for i in range(2, min(len(words), 5)):
        if _alnum(words[i]) in site or JOB_TITLE.fullmatch(" ".join(words[i:])):
            head = " ".join(words[:i])
            named = PERSON_NAME.match(head) and not any(w.casefold() in NOT_A_NAME_START for w in words[:i])
            return head if named and not NOT_A_PERSON.search(head) else name
    return name


def is_credit(name: str, site: set[str]) -> bool:
    """A person's name or a wire agency, but not the site's own name, "Staff", a job title or a bio."""
    if not name or own_site(name, site):
        return False
    if is_wire_agency(name):
        return True
    lowercase = name.islower()  # "dpa", "admin": names are written with capitals
    if len(name.split()) > 5 or lowercase or not _name_shaped(name):
        return False
    return not (NOT_A_PERSON.search(name) or ACRONYM.match(name))


def people(names: list[str], sitename: str | None = None, domain: str | None = None) -> list[str]:
    """Person names and wire agency credits only: no URLs, the site's own name, "Staff", titles or bios."""
    site = _site_keys(sitename, domain)
    found: list[str] = []
    for name in (without_title(n, site) for raw in names for n in credits(raw)):
        if is_credit(name, site) and name not in found:
            found.append(name)
    return found


# trafilatura's byline search (trafilatura.metadata.extract_author: three XPath expressions in order of
# trust, after pruning comments, sidebars, dates and figures from a deep copy of the page) done in one
# scan of the elements with the attributes it reads, and the pruned parts skipped instead of copied
AUTHOR_SCAN = etree.XPath(
    "//*[@class or @id or @rel or @itemprop or @data-component or @data-testid]|//author|//time|//figure"
)
# one regex over an element's attributes before the full tests of _author_rank and _discarded: every word
# those tests look for is here, so an element without any of them can be neither (a third faster)
AUTHOR_HINT = re.compile(
    "uthor|yline|byl|BBL|username|screenname|writer|zuozhe|bianji|xiaobian|channel-name|submitted-by"
    "|posted-by|journalist-name"
)
DISCARD_HINT = re.compile(
    "omment|ProductReviews|sidebar|is-hidden|quote|embedly-instagram|article-share|article-support|print"
    "|category|meta-date|meta-reviewer|title|date|Figure"
)
HINT_ATTRIBUTES = ("class", "id", "rel", "itemprop", "data-component", "data-testid")


def _attributes(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.get(name, "") for name in HINT_ATTRIBUTES)


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


Scanned = list[tuple[lxml_html.HtmlElement, str]]


def scan_attributes(doc: lxml_html.HtmlElement) -> Scanned:
    """The elements with an attribute the byline searches read, with those attributes as one string."""
    return [(el, _attributes(el)) for el in AUTHOR_SCAN(doc)]


def _trafilatura_authors(doc: lxml_html.HtmlElement, scanned: Scanned | None = None) -> list[str]:
    """trafilatura's byline search, the last resort for authors."""
    try:
        from trafilatura.metadata import normalize_authors

        scanned = scan_attributes(doc) if scanned is None else scanned
        skip = {
            el for el, words in scanned
            if (el.tag in ("time", "figure") or DISCARD_HINT.search(words)) and _discarded(el)
        }
        hinted = (el for el, words in scanned if el.tag == "author" or AUTHOR_HINT.search(words))
        ranked = sorted(
            (rank, i, el) for i, el in enumerate(hinted) if (rank := _author_rank(el)) is not None
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
        return _rfc2822(value)
    if len(text) == 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _rfc2822(value: str) -> str | None:
    """An e-mail style date ("Sat, 19 Oct 2019 00:04:00 +0200", "Wed, 04 May 2022 00:25:56 GMT") as
    ISO 8601, or None."""
    try:
        return parsedate_to_datetime(value.strip()).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _in_local_time(published: str, others: list[str | None]) -> str:
    """A UTC time as another source writes the same instant, with the publisher's own offset
    ("2019-10-18T22:04:00+00:00" and "Sat, 19 Oct 2019 00:04:00 +0200" give "2019-10-19T00:04:00+02:00"):
    the day is then the publisher's day."""
    mine = datetime.fromisoformat(published) if len(published) > 10 else None
    if mine is None or mine.utcoffset() != timedelta(0):
        return published
    for value in filter(None, map(normalise_date, others)):
        theirs = datetime.fromisoformat(value) if len(value) > 10 else None
        if theirs is not None and theirs.utcoffset() and theirs == mine:
            return value
    return published


def _dates(
    doc: lxml_html.HtmlElement, index: MetaIndex, ld: dict[str, Any], url: str | None
) -> tuple[str | None, str | None, str | None]:
    sources = [
        ("jsonld", _text(ld.get("datePublished")), _text(ld.get("dateModified"))),
        (
            "meta",
            meta_tag(
                index,
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
        found = normalise_date(published)
        if found:
            return _in_local_time(found, [p for _, p, _ in sources]), modified, source
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


def one_line(text: str) -> str:
    """Each whitespace run as one space, except that a run of ideographic spaces (U+3000, which separates
    the parts of Chinese and Japanese headlines) stays one ideographic space."""
    return WHITESPACE.sub(_one_space, text).strip()


def _one_space(run: re.Match[str]) -> str:
    return IDEOGRAPHIC_SPACE if not run[0].strip(IDEOGRAPHIC_SPACE) else " "


def clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop leading and trailing " - Site Name" pieces from a page title."""
    if not title:
        return None
    title = one_line(title)
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


def without_kicker(title: str, others: list[str]) -> str:
    """The headline without a leading piece, such as a place, date or rubric ("Kücknitz - So lief die
    Auktion ...", "08.11.2021 | Online-Fachtag ..."), when another source gives the headline alone. A
    "Kicker: Headline" colon is not a separator here: there the kicker is part of the headline."""
    known = {_norm(o) for o in others if o}
    for match in TITLE_SEPARATORS.finditer(title):
        head, rest = title[: match.start()], title[match.end() :]
        if _norm(rest) in known and len(head.split()) <= SITE_SUFFIX_WORDS and len(rest) >= len(head):
            return rest.strip()
    return title


def _plain(text: str | None) -> str | None:
    return one_line(html_lib.unescape(text)) or None if text else None


def _headings(h1s: list[lxml_html.HtmlElement], page_title: str | None, sitename: str | None) -> list[str]:
    """The ``<h1>`` texts, without a site banner (the site name, or the tail of ``<title>``)."""
    headings = []
    whole = _norm(page_title or "")
    several = page_title is not None and len(_title_parts(page_title)) > 1
    for element in h1s:
        text = one_line(element.text_content())
        own = _norm(text)
        banner = _is_site(text, sitename, loose=False) or (
            several and whole.endswith(own) and len(whole) > 2 * len(own) + 3
        )
        if text and not banner:
            headings.append(text)
    return headings


BREADCRUMB = re.compile("breadcrumb", re.IGNORECASE)
HEADING_CLASS = re.compile("title|headline|heading", re.IGNORECASE)
CRUMB_DEPTH = 6  # ancestors looked at for a breadcrumb trail
KICKER_WORDS = 6  # words a displayed heading may have before the headline (a kicker: "Meinung", a topic)


def _in_breadcrumb(element: lxml_html.HtmlElement) -> bool:
    """Whether an element is (in) a breadcrumb trail, where sites put an SEO title as their ``<h1>``."""
    for node in [element, *islice(element.iterancestors(), CRUMB_DEPTH)]:
        names = f"{node.get('class', '')} {node.get('id', '')} {node.get('itemtype', '')}"
        if BREADCRUMB.search(names):
            return True
    return False


def _is_heading_box(element: lxml_html.HtmlElement) -> bool:
    """An ``<h2>`` styled as the article's headline: in a ``<header>``, or a title/headline class on it
    or on an element inside it."""
    if any(a.tag == "header" for a in element.iterancestors()):
        return True
    return any(HEADING_CLASS.search(e.get("class", "")) for e in element.iter() if isinstance(e.tag, str))


def displayed_headings(doc: lxml_html.HtmlElement, first: lxml_html.HtmlElement | None) -> list[str]:
    """When the page's first ``<h1>`` is an SEO title in a breadcrumb trail: the ``<h2>`` headings that
    show the article's headline (first three), else []."""
    if first is None or not _in_breadcrumb(first):
        return []
    found = (h for h in doc.iter("h2") if not _in_breadcrumb(h) and _is_heading_box(h))
    return [one_line(h.text_content()) for h in islice(found, 3)]


def _ends_with(heading: list[str], title: list[str]) -> bool:
    """Whether a heading's words end with a title's words, after a kicker of a few words at most."""
    kicker = len(heading) - len(title)
    return bool(title) and 0 <= kicker <= KICKER_WORDS and heading[kicker:] == title


def shown_title(primary: str, sources: list[str], displayed: Sequence[str]) -> str:
    """The declared headline that the page shows as its heading: the primary one if shown, else another
    declared one that is (og:title where JSON-LD gives the SEO title of the breadcrumb)."""
    for heading in displayed:
        words = WORD.findall(heading.casefold())
        if _ends_with(words, WORD.findall(primary.casefold())):
            return primary
        shown = [s for s in sources if _ends_with(words, WORD.findall(s.casefold()))]
        if shown:
            return shown[0]
    return primary


def headline_sources(
    doc: lxml_html.HtmlElement,
    ld: dict[str, Any],
    index: MetaIndex,
    sitename: str | None,
    h1s: list[lxml_html.HtmlElement],
) -> tuple[list[str], list[str], str | None]:
    """The declared headlines (JSON-LD, og:title, twitter:title), the ``<h1>`` texts and ``<title>``."""
    tag = _plain(doc.findtext(".//title"))
    declared = [_plain(_text(ld.get("headline"))), _plain(meta_tag(index, "og:title")),
                _plain(meta_tag(index, "twitter:title"))]
    return [t for t in declared if t], _headings(h1s, tag, sitename), tag


def page_title(
    sources: list[str],
    headings: list[str],
    tag: str | None,
    sitename: str | None,
    displayed: Sequence[str] = (),
) -> str | None:
    """The headline: JSON-LD, og:title, twitter:title (``sources``), the first ``<h1>``, ``<title>``, in
    that order, site name removed, and a section tail removed when another of them confirms the rest.
    ``displayed``: the headings shown when the ``<h1>`` is a breadcrumb's SEO title; the declared
    headline among them wins."""
    primary = next((t for t in [*sources, *headings[:1], tag] if t), None)
    if not primary:
        return None
    primary = shown_title(primary, sources, displayed)
    others = [t for t in [*sources, *headings] if t != primary]
    if tag:
        others.append(clean_title(tag, sitename) or "")
    return without_kicker(confirmed_title(clean_title(primary, sitename) or primary, others), others)


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


BYLINE_PREFIX = re.compile(
    r"^\W*(by|von|oleh|par|por|door|av|af|written by|reported by|text|texto)\s*:?\s+", re.IGNORECASE
)
BYLINE_END = re.compile(
    r"\s*[|•·–—]\s*|\s*,\s*(?=\w+\s+\d{1,2},|\d)|\s+(on|am|updated)\s+"
    r"|\s+(?:published|posted|veröffentlicht|aktualisiert|publié|publicado|pubblicato)\b"
    r"|\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,",  # "Jane Doe Mi, 2. Februar 2022"
    re.IGNORECASE,
)
# the author of a teaser for another article: "sz-teaser__author", "articleBox__authorList"
TEASER = re.compile(r"(?:teaser|slider|related|recommend|articlebox)[\w-]*author", re.IGNORECASE)
PLACE = re.compile(r"[A-ZÀ-Ý][\w-]+")  # "Von Markus Balser, Berlin": one word after a name
NAME_SEP = re.compile(r"\s*(?:,|/|&|\b(?:and|und|et|og|och|ve|dan)\b)\s*")
# "Jane Doe | 05.04.2025", "Jane Doe • 3 May 2025", "Jane Doe | March 3, 2025": a name beside the date
DATED_BYLINE = re.compile(
    r"[^|•·\d]{5,60}[|•·]\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\w+\s+\d{4}"
    r"|\w+\s+\d{1,2},\s+\d{4})"
)
EDITOR_LABEL = r"(?i:\b(?:editor|redaktur|penyunting)\s*:\s*)"  # "Editor: Jane Doe", a labelled field
# rel=author, itemprop=author, a class with "author" or "byline" in any case ("metaInfoAuthorList")
BYLINE_CLASS = re.compile("uthor|UTHOR|yline|YLINE")
HEADER_ELEMENTS = 60  # the byline is among the first elements after the headline
HEADER_LINE = 100  # characters of a byline line at most
ARTICLE_LINE = 80  # characters of a paragraph of article text, longer than any subheading


def byline_names(text: str) -> list[str]:
    """The people a byline names ("By Jane Doe and Bo Chan | 3 May 2025", "Von Jane Doe, Berlin"), or []
    for any other text."""
    head = BYLINE_END.split(BYLINE_PREFIX.sub("", text), maxsplit=1)[0]
    pieces = [n.strip() for n in NAME_SEP.split(head) if n.strip()]
    names = [n for n in pieces if PERSON_NAME.match(n)]
    places = [n for n in pieces if n not in names]
    if not pieces or not PERSON_NAME.match(pieces[0]) or not all(PLACE.fullmatch(p) for p in places):
        return []
    return names


def _byline_elements(scanned: Scanned) -> Iterator[lxml_html.HtmlElement]:
    """rel=author, itemprop=author, or a class with "author" or "byline" in it ("metaInfoAuthorList")."""
    for element, _ in scanned:
        marked = element.get("rel") == "author" or "author" in element.get("itemprop", "")
        if marked or BYLINE_CLASS.search(element.get("class", "")):
            yield element


def byline_authors(doc: lxml_html.HtmlElement, scanned: Scanned | None = None) -> list[str]:
    """Author names from a visible byline ("By Jane Doe | December 3, 2025")."""
    for element in _byline_elements(scan_attributes(doc) if scanned is None else scanned):
        text = " ".join(element.text_content().split())
        marked = element.get("rel") or "author" in (element.get("class") or "").lower()
        teaser = TEASER.search(element.get("class") or "")
        if not text or len(text) > 120 or not (BYLINE_PREFIX.match(text) or marked) or teaser:
            continue
        names = byline_names(text)
        if names:
            return names
    return []


def _short_text(element: lxml_html.HtmlElement, limit: int) -> str | None:
    """The whitespace-collapsed text of an element when at most ``limit`` characters, else None (read
    no further than that: a container of the whole article is not joined for nothing)."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(" ".join(piece.split()))
        if size > limit:
            return None
    text = " ".join("".join(pieces).split())
    return text if len(text) <= limit else None


def elements_after(node: lxml_html.HtmlElement | None) -> Iterator[lxml_html.HtmlElement]:
    """The elements after a node in document order (its own children not included); none for None."""
    while node is not None:
        for sibling in node.itersiblings():
            yield from (e for e in sibling.iter() if isinstance(e.tag, str))
        node = node.getparent()


def _after_headline(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The first elements after the first ``<h1>``: where an article's byline stands."""
    return list(islice(elements_after(next(doc.iter("h1"), None)), HEADER_ELEMENTS))


def header_byline(doc: lxml_html.HtmlElement) -> list[str]:
    """A byline without author markup below the headline: "Von: Jane Doe", "Jane Doe | 05.04.2025"."""
    for element in _after_headline(doc):
        text = _short_text(element, HEADER_LINE)
        if text and (BYLINE_PREFIX.match(text) or DATED_BYLINE.match(text)):
            names = byline_names(text)
            if names:
                return names
    return []


def _article_paragraphs(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The non-empty ``<p>`` children of the element holding the most of them (the article text)."""
    counts: dict[lxml_html.HtmlElement, int] = {}
    for paragraph in doc.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            counts[parent] = counts.get(parent, 0) + 1
    if not counts:
        return []
    body = max(counts, key=lambda e: counts[e])
    return [p for p in body.iterchildren("p") if p.text_content().strip()]


def _bold_only(paragraph: lxml_html.HtmlElement) -> str | None:
    """The text of a paragraph that is one bold element and nothing else, else None."""
    children = list(paragraph)
    if len(children) != 1 or children[0].tag not in ("strong", "b"):
        return None
    if (paragraph.text or "").strip() or (children[0].tail or "").strip():
        return None
    return " ".join(children[0].text_content().split())


def _all_names(text: str) -> list[str]:
    """The names of a text that is names only ("Ann Lee/Bo Chan"), else []."""
    names = [n.strip() for n in NAME_SEP.split(text) if n.strip()]
    return names if names and all(PERSON_NAME.match(n) for n in names) else []


def bold_byline(doc: lxml_html.HtmlElement) -> list[str]:
    """A paragraph that is only a bold name ("<p><strong>Jane Doe</strong></p>"): among the first three
    of the article and followed by its text, or its very last (nothing after it, unlike a subheading)."""
    paragraphs = _article_paragraphs(doc)
    for above, following in pairwise(paragraphs[:4]):
        names = _all_names(_bold_only(above) or "")
        if names and len(following.text_content().strip()) >= ARTICLE_LINE:
            return names
    last = paragraphs[-1] if paragraphs else None
    if last is None or any(s.text_content().strip() for s in last.itersiblings() if isinstance(s.tag, str)):
        return []
    return _all_names(_bold_only(last) or "")


def _editor_free(names: list[str], editor_lines: str) -> list[str]:
    """Names without those the page labels as its editor ("Editor: Jane Doe", "Redaktur: Jane Doe")."""
    return [n for n in names if not re.search(EDITOR_LABEL + re.escape(n) + r"(?!\w)", editor_lines)]


EDITOR_TEXT = etree.XPath(
    "//body//text()[contains(., 'ditor') or contains(., 'edaktur') or contains(., 'enyunting')]"
    "[not(ancestor::script)]/.."
)


def _editor_lines(doc: lxml_html.HtmlElement) -> str:
    """The short page lines that may label an editor ("Editor : <a>Jane Doe</a>"), one per line."""
    return "\n".join(filter(None, (_short_text(e, HEADER_LINE) for e in EDITOR_TEXT(doc))))


def _more_of_them(found: list[str], others: list[str]) -> list[str]:
    """``others`` when it names everyone in ``found`` and more ("Ann Lee" vs "Ann Lee, Bo Chan")."""
    keys = {_alnum(name) for name in others}
    return others if len(others) > len(found) and all(_alnum(n) in keys for n in found) else found


def page_authors(
    doc: lxml_html.HtmlElement, ld: dict[str, Any], index: MetaIndex, sitename: str | None, url: str | None
) -> list[str]:
    """The article's people (and wire agencies): JSON-LD, meta tags, marked bylines, bylines below the
    headline, trafilatura's byline search, a bold name paragraph; the first source naming anyone (JSON-LD
    completed by the author meta tag when that names the same people and more)."""
    scanned: Scanned = []  # the byline searches share one scan of the page, made when first needed

    def scan() -> Scanned:
        if not scanned:
            scanned.extend(scan_attributes(doc))
        return scanned

    sources: list[Callable[[], list[str]]] = [
        lambda: _names(ld.get("author")),
        lambda: [a for a in [meta_tag(index, *AUTHOR_META)] if a],
        lambda: byline_authors(doc, scan()),
        lambda: header_byline(doc),
        lambda: _trafilatura_authors(doc, scan()),
        lambda: bold_byline(doc),
    ]
    def named(source: Callable[[], list[str]]) -> list[str]:
        return people(source(), sitename or _domain(url), _domain(url))

    editors: str | None = None
    for i, source in enumerate(sources):
        found = named(source)
        if found and i == 0:
            found = _more_of_them(found, named(sources[1]))
        if found:
            editors = _editor_lines(doc) if editors is None else editors
            found = _editor_free(found, editors)
        if found:
            return found
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
    authors = page_authors(doc, ld, index, sitename, url)
    h1s = list(doc.iter("h1"))  # one walk of the page for every headline search
    sources, headings, tag = headline_sources(doc, ld, index, site, h1s)
    return Metadata(
        title=page_title(sources, headings, tag, site, displayed_headings(doc, h1s[0] if h1s else None)),
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
