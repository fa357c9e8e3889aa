"""Body extraction: drop boilerplate containers, run trafilatura, return paragraphs and metadata."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from copy import deepcopy
from dataclasses import dataclass, field
from functools import lru_cache

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from pipelines.guard import prefer_theirs, suspicion
from pipelines.lead import TOKEN_SPLIT, find_lead, standfirst, word_string
from pipelines.metadata import Metadata, page_metadata
from pipelines.pagetype import classify_tree

logger = logging.getLogger(__name__)

MAX_HTML_CHARS = 8_000_000
# C0 control characters but tab, newline and carriage return: libxml2 keeps them in the tree, but lxml refuses
# them in any text set later, and trafilatura then dropped the whole body (1 of 4 corpus pages that have them)
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
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
BOILERPLATE_WORDS = frozenset(BOILERPLATE_TOKENS | {w for pair in BOILERPLATE_PAIRS for w in pair})
WITH_CLASS_OR_ID = etree.XPath("//*[@class or @id]")


def _html_parser() -> etree.HTMLParser:
    """UTF-8 input, comments and processing instructions dropped (as trafilatura's own parser does),
    and HtmlElement for every element through a C-level class lookup (lxml.html's lookup is Python,
    called for every element the code touches)."""
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


PARSER = _html_parser()
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
    removed: dict[str, int] = field(default_factory=dict)
    reasons: list[tuple[str, str]] = field(default_factory=list)
    kind: str = "article"  # or what else the page is (pipelines.pagetype), when only articles are wanted


def refusal(html: str | bytes) -> str | None:
    """Why a page is not parsed at all: ``empty_body``, ``binary`` (NUL bytes at the start) or
    ``too_large`` (over MAX_HTML_CHARS); None for a page that is parsed."""
    if len(html) > MAX_HTML_CHARS:
        return "too_large"
    if not html.strip():
        return "empty_body"
    head = html[:2048] if isinstance(html, str) else html[:2048].decode("latin-1")
    return "binary" if "\x00" in head else None


def parse_html(html: str | bytes) -> lxml_html.HtmlElement | None:
    """Parse a page leniently; None for empty, binary or unparseable input."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if refusal(html):
        return None
    try:  # UTF-8 bytes parse faster than a str, and an XML encoding declaration cannot trip them up
        data = html.encode("utf-8", errors="replace").translate(None, CONTROL_BYTES)  # 0.06 ms a page
        return lxml_html.document_fromstring(data, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None


def _is_boilerplate(element: lxml_html.HtmlElement) -> bool:
    words = _boilerplateword_string(f"{element.get('class', '')} {element.get('id', '')}")
    if not words:  # the common case
        return False
    return bool(words & BOILERPLATE_TOKENS) or any(pair <= words for pair in BOILERPLATE_PAIRS)


@lru_cache(maxsize=16384)  # a page repeats its class names, and a site its templates
def _boilerplateword_string(names: str) -> frozenset[str]:
    """The boilerplate words among the tokens of class and id names (split at spaces, - and _)."""
    return frozenset(BOILERPLATE_WORDS.intersection(TOKEN_SPLIT.split(names.lower())))


def _text_length(element: lxml_html.HtmlElement) -> int:
    return sum(len(t) for t in element.xpath(".//p//text()"))


Elements = list[lxml_html.HtmlElement]


TEASER_LINK_SHARE = 0.5  # a teaser card's text is mostly its links


def _link_share(element: lxml_html.HtmlElement) -> float:
    """The share of an element's text inside links (1.0 for an element without text)."""
    text = len("".join(element.itertext()).strip())
    linked = sum(len("".join(a.itertext()).strip()) for a in element.iter("a"))
    return linked / text if text else 1.0


def teaser_cards(doc: lxml_html.HtmlElement) -> Elements:
    """``<article>`` elements inside another one whose text is mostly links: cards of other articles."""
    return [
        card for card in doc.iter("article")
        if any(a.tag == "article" for a in card.iterancestors()) and _link_share(card) >= TEASER_LINK_SHARE
    ]


def drop_boilerplate(
    doc: lxml_html.HtmlElement, selectors: Iterable[str] = (), scanned: Elements | None = None
) -> int:
    """Remove ad, promo, newsletter, share, related and author-box containers in place.

    A container holding more than a third of the page's paragraph text is kept: a
    broad class name must never take the article with it.
    """
    total = max(_text_length(doc), 1)
    doomed = [
        el
        for el in (WITH_CLASS_OR_ID(doc) if scanned is None else scanned)
        if el.tag not in ("html", "body") and _is_boilerplate(el)
    ]
    doomed += teaser_cards(doc)
    for selector in selectors:
        try:
            doomed += doc.cssselect(selector)
        except Exception:  # cssselect raises several kinds on a bad selector
            logger.warning("Bad drop selector ignored: %s", selector)
    sizes = {id(el): _text_length(el) for el in _outermost(doomed)}
    spared = _content_groups(doomed, sizes, total)
    removed: set[int] = set()
    for el in doomed:
        parent = el.getparent()
        if parent is None or id(el) in removed or any(id(a) in removed for a in el.iterancestors()):
            continue  # already gone with a removed container
        size = sizes[id(el)] if id(el) in sizes else _text_length(el)
        if size < total / 3 and _signature(el) not in spared:
            parent.remove(el)
            removed.add(id(el))
    return len(removed)


Signature = tuple[str, str, frozenset[str]]


def _signature(element: lxml_html.HtmlElement) -> Signature:
    """The tag, first class name and boilerplate words of an element ("section", "Report__Section",
    {"ads"}): the sections of one article share it, an ad box named with the same word does not."""
    names = element.get("class", "")
    first = names.split()[0] if names.strip() else ""
    return element.tag, first, _boilerplateword_string(f"{names} {element.get('id', '')}")



def _outermost(elements: Elements) -> Elements:
    """The elements that are not inside another of them."""
    ids = {id(el) for el in elements}
    return [el for el in elements if not any(id(a) in ids for a in el.iterancestors())]


def _content_groups(doomed: Elements, sizes: dict[int, int], total: int) -> set[Signature]:
    """Signatures whose outermost elements together hold a third of the page's paragraph text
    (``sizes``): an article cut in sections that all carry a boilerplate word
    ("TestReport__Section--Ads") is content, not an ad."""
    sums: dict[Signature, int] = {}
    for el in doomed:
        if id(el) in sizes:
            sums[_signature(el)] = sums.get(_signature(el), 0) + sizes[id(el)]
    return {key for key, size in sums.items() if size >= total / 3 and key[2]}


LIST_TAGS = {"list", "ul", "ol"}
ITEM_TAGS = {"item", "li"}
LEAF_TAGS = {
    "p": "p",
    "head": "h",
    "quote": "quote",
    "table": "table",
    "code": "p",
    "pre": "p",
    "blockquote": "quote",
    **{f"h{i}": "h" for i in range(1, 7)},
}


def _inline_text(element: etree._Element, sep: str = "") -> str:
    """The text of an element, line breaks as spaces, whitespace collapsed."""
    for br in element.iter("lb", "br"):
        br.tail = " " + (br.tail or "")
    return " ".join(sep.join(t for t in element.itertext() if isinstance(t, str)).split())


def _walk(element: etree._Element, out: list[Block], depth: int = 0) -> None:
    own = " ".join((element.text or "").split())
    if own and depth:
        out.append(Block("p", own))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in LIST_TAGS:
            out += [Block("li", _inline_text(i)) for i in child.iter(*ITEM_TAGS)]
        elif tag in LEAF_TAGS:
            out.append(Block(LEAF_TAGS[tag], _inline_text(child, " " if tag == "table" else "")))
        elif tag and len(child) and depth < 50:
            _walk(child, out, depth + 1)
        elif tag and tag not in ("graphic", "img", "lb", "br"):
            out.append(Block("p", _inline_text(child)))
        tail = " ".join((child.tail or "").split())
        if tail and depth:
            out.append(Block("p", tail))


def _blocks(body: etree._Element) -> list[Block]:
    """Paragraph-level blocks of trafilatura's body (its XML, or HTML from a fallback extractor)."""
    out: list[Block] = []
    _walk(body, out)
    return [b for b in out if b.text]


WORD = re.compile(r"\w+")
SHINGLE = 4
CONFIRM_MAX_WORDS = 25  # articleBody confirms away short lines (teasers, labels), never a sentence of prose
TRUNCATED = re.compile(r"(\.\.\.|…|\[\s*\.\.\.\s*\])\W*$")


def _shingles(text: str) -> set[str]:
    tokens = WORD.findall(text.casefold())
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens}


def _in_body(text: str, body_shingles: set[str], body_words: str) -> bool:
    """Whether a block's text is (mostly) part of the article body text."""
    tokens = WORD.findall(text.casefold())
    if len(tokens) < SHINGLE:
        return " ".join(tokens) in body_words
    own = _shingles(text)
    return len(own & body_shingles) >= 0.5 * len(own)


def _body_paragraphs(article_body: str) -> list[Block]:
    return [Block("p", " ".join(p.split())) for p in re.split(r"\n\s*\n|\n", article_body) if p.strip()]


def reconcile(blocks: list[Block], article_body: str | None) -> tuple[list[Block], list[tuple[str, str]]]:
    """Confirm or repair the extracted blocks with the page's JSON-LD ``articleBody``.

    Repair: when the extracted text is a small part of a complete articleBody, the articleBody
    paragraphs replace it. Confirm: when the articleBody holds all the extracted prose, short
    lines that are not in it (teasers, promos, captions) go from where the body starts.
    Returns the blocks and what went.
    """
    if not article_body or not blocks or len(WORD.findall(article_body)) < 50:
        return blocks, []
    body = _shingles(article_body)
    ours = _shingles(" ".join(b.text for b in blocks))
    shared = len(body & ours)
    if len(body) >= 1.5 * len(ours) and shared >= 0.9 * len(ours):
        return _body_paragraphs(article_body), [("article_body_repair", b.text) for b in blocks]
    if shared < 0.9 * len(body) or len(body) < 0.5 * len(ours) or TRUNCATED.search(article_body):
        return blocks, []
    body_words = " ".join(WORD.findall(article_body.casefold()))
    kept, gone = [], []
    started = False  # the lead and summary above the body are often not in articleBody: kept
    for block in blocks:
        inside = _in_body(block.text, body, body_words)
        started = started or inside
        short = len(WORD.findall(block.text)) <= CONFIRM_MAX_WORDS
        if started and block.kind != "h" and short and not inside:
            gone.append(("article_body", block.text))
        else:
            kept.append(block)
    return kept, gone


def with_lead(blocks: list[Block], lead: str | None) -> list[Block]:
    if not lead or not blocks or word_string(lead) in word_string(" ".join(b.text for b in blocks)):
        return blocks
    return [Block("p", lead), *blocks]


BODY_CLASS = re.compile(r"(?i)(article|story|entry|post)[-_]{0,2}(body|content|text)")
NOT_TEXT = ("script", "style", "noscript", "figure", "figcaption", "aside", "button", "form", "iframe", "svg")
SPLIT_MIN_GAIN = 1.4  # the split body must hold this many times our words to replace them


def _attached(element: lxml_html.HtmlElement, doc: lxml_html.HtmlElement) -> bool:
    return element is doc or any(a is doc for a in element.iterancestors())


def split_body(doc: lxml_html.HtmlElement, scanned: Elements | None = None) -> list[Block]:
    """The blocks of an article body cut in several containers with the same class (an ad between
    them): trafilatura keeps only the first. Empty when the page has no such containers.
    ``scanned``: the elements with a class or id, when the caller has them already."""
    groups: dict[tuple[str, str], list[lxml_html.HtmlElement]] = {}
    for el in WITH_CLASS_OR_ID(doc) if scanned is None else scanned:
        cls = el.get("class", "")
        if BODY_CLASS.search(cls) and el.find("p") is not None and _attached(el, doc):
            groups.setdefault((el.tag, cls), []).append(el)
    parts = max((g for g in groups.values() if len(g) > 1), key=len, default=[])
    if any(a in parts for el in parts for a in el.iterancestors()):
        return []  # nested, not consecutive pieces
    out: list[Block] = []
    for part in parts:
        piece = deepcopy(part)
        for junk in piece.xpath(".//" + " | .//".join(NOT_TEXT)):
            junk.drop_tree()
        _walk(piece, out)
    return [b for b in out if b.text]


def _mend_split(blocks: list[Block], pieces: list[Block]) -> tuple[list[Block], list[tuple[str, str]]]:
    """Our blocks, or the split body's when it holds ours and much more (leading blocks kept)."""
    if not pieces or not blocks:
        return blocks, []
    text = " ".join(b.text for b in pieces)
    theirs, ours = _shingles(text), _shingles(" ".join(b.text for b in blocks))
    if len(theirs) < SPLIT_MIN_GAIN * len(ours) or len(ours & theirs) < 0.8 * len(ours):
        return blocks, []
    words = word_string(text)
    lead = []
    for block in blocks:
        if word_string(block.text) in words:
            break
        lead.append(block)
    return [*lead, *pieces], [("split_body", b.text) for b in blocks[len(lead) :]]


HEADLINE_TOP = 3  # a repeated headline is looked for in this many first blocks
HEADLINE_MIN_WORDS = 4
KICKER_WORDS = 6


def _is_headline(text: str, headlines: list[str]) -> bool:
    """The headline (or the headline without its kicker, or kicker and headline run together)."""
    own = word_string(text)
    if len(own.split()) < HEADLINE_MIN_WORDS or len(own.split()) > 40:
        return own in {word_string(h) for h in headlines} and bool(own)
    return any(_same_headline(own, word_string(line)) for line in headlines)


def _same_headline(own: str, headline: str) -> bool:
    """Equal, or one is the other with a kicker of a few words in front."""
    if own == headline or not headline:
        return own == headline
    longer, shorter = (own, headline) if len(own) > len(headline) else (headline, own)
    return longer.endswith(" " + shorter) and len(longer.split()) - len(shorter.split()) <= KICKER_WORDS


def drop_headlines(blocks: list[Block], headlines: list[str]) -> tuple[list[Block], list[tuple[str, str]]]:
    """Remove a headline repeated at the top of the body: any of the page's headlines counts
    (the cleaner only knows the chosen title)."""
    top = [i < HEADLINE_TOP and _is_headline(b.text, headlines) for i, b in enumerate(blocks)]
    return (
        [b for b, gone in zip(blocks, top, strict=True) if not gone],
        [("headline", b.text) for b, gone in zip(blocks, top, strict=True) if gone],
    )


def _trafilatura_body(doc: lxml_html.HtmlElement, url: str | None) -> etree._Element | None:
    result = trafilatura.bare_extraction(
        doc, url=url, include_comments=False, with_metadata=False, include_tables=True
    )
    return getattr(result, "body", None)


def guard(
    blocks: list[Block], html: str | bytes, url: str | None
) -> tuple[list[Block], list[tuple[str, str]]]:
    """Our blocks, or bare trafilatura's when ours look failed (:mod:`pipelines.guard`) and theirs are
    better: the page is parsed again, unpruned, for that one comparison."""
    if suspicion(blocks) is None:
        return blocks, []
    doc = parse_html(html)
    try:
        body = _trafilatura_body(doc, url) if doc is not None else None
    except Exception:  # the fallback must never be what crashes
        return blocks, []
    theirs = _blocks(body) if body is not None else []
    if not prefer_theirs(blocks, theirs):
        return blocks, []
    logger.debug("extract: fell back to bare trafilatura on %s", url)
    return theirs, [("guard_fallback", b.text) for b in blocks] or [("guard_fallback", "")]


def extract(
    html: str | bytes, url: str | None = None, drop_selectors: Iterable[str] = (), article_only: bool = False
) -> Extraction | None:
    """Extract an article's body blocks and metadata; None when the page has no body. With
    ``article_only`` (the crawl), a page that is not an article (a soft 404, a listing, a video page) gives
    an empty :class:`Extraction` whose ``kind`` says what it is."""
    doc = parse_html(html)
    if doc is None:
        return None
    kind = classify_tree(doc) if article_only else "article"
    if kind != "article":
        return Extraction(kind=kind)
    try:
        metadata = page_metadata(doc, url)
        h1 = next(doc.iter("h1"), None)
        lead = find_lead(doc, metadata.description, h1) or standfirst(h1)
        scanned = WITH_CLASS_OR_ID(doc)
        drop_boilerplate(doc, drop_selectors, scanned)
        pieces = split_body(doc, scanned)
        body = _trafilatura_body(doc, url)
    except Exception as exc:  # trafilatura and lxml are robust, but a page must never crash a crawl
        logger.warning("extraction failed on %s: %r", url, exc)
        return None
    blocks = _blocks(body) if body is not None else []
    blocks, mended = _mend_split(blocks, pieces)
    blocks, reasons = reconcile(blocks, metadata.article_body)
    blocks, guarded = guard(blocks, html, url)
    blocks, headlines = drop_headlines(blocks, metadata.headlines)
    reasons = mended + reasons + guarded + headlines
    blocks = with_lead(blocks, lead)
    if not blocks:
        return None
    removed: dict[str, int] = {}
    for rule, text in reasons:
        removed[rule] = removed.get(rule, 0) + 1
        logger.debug("extract: removed by %s: %s | %.120s", rule, url, text)
    return Extraction(blocks=blocks, metadata=metadata, removed=removed, reasons=reasons)
