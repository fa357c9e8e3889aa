"""The standfirst (lede) of an article when trafilatura leaves it out: by the page's description, or by
its markup among the elements after the first ``<h1>``."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from lxml import html as lxml_html

from pipelines.metadata import elements_after

WORD = re.compile(r"\w+")
TOKEN_SPLIT = re.compile(r"[\s_\-]+")  # class and id names split into tokens
LEAD_MIN_WORDS = 8
HIDDEN_TAGS = {"head", "script", "noscript", "template", "style", "title", "meta"}


def word_string(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def find_lead(
    doc: lxml_html.HtmlElement, description: str | None, h1: lxml_html.HtmlElement | None = None
) -> str | None:
    """The visible standfirst: an element after the first ``<h1>`` whose text is the page description.
    ``h1``: the first ``<h1>``, when the caller has it (looked up here otherwise)."""
    wanted = word_string(description or "")
    if len(wanted.split()) < LEAD_MIN_WORDS:
        return None
    probe = re.split(r"['\"\n]", " ".join((description or "").split()))[0][:40]
    if len(probe) < 20 or (h1 if h1 is not None else next(doc.iter("h1"), None)) is None:
        return None
    for node in doc.xpath(f'//body//text()[contains(normalize-space(.), "{probe}")]')[:5]:
        element = node.getparent()
        if getattr(node, "is_tail", False) and element is not None:
            element = element.getparent()
        if element is None or not isinstance(element.tag, str):
            continue
        for _ in range(4):
            if element is None or len(element.text_content()) >= 0.9 * len(description or ""):
                break
            element = element.getparent()
        if element is None or any(a.tag in HIDDEN_TAGS for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        after_h1 = bool(element.xpath("boolean(preceding::h1 | ancestor::h1)"))
        if after_h1 and wanted in word_string(text) and len(text) < 1.5 * len(wanted):
            return text
    return None


LEAD_TOKENS = frozenset({"intro", "standfirst", "lead", "lede", "dek", "deck", "abstract", "summary",
                         "description", "excerpt", "subline"})
LEAD_WINDOW = 40  # elements after the <h1> where a standfirst stands
LEAD_MAX_WORDS = 120
NOT_LEAD_TAGS = {"a", "nav", "aside", "figure", "figcaption", "button", "form", "li"}
# an image's caption box or an author's box is no standfirst, whatever its class says ("image__description")
NOT_LEAD_TOKENS = frozenset(
    {"caption", "image", "img", "photo", "picture", "media", "gallery", "figure", "video", "avatar", "author",
     "byline", "bio"}
)


def standfirst(h1: lxml_html.HtmlElement | None) -> str | None:
    """The standfirst by its markup: among the first elements after the page's first ``<h1>``, one whose
    class or id names it ("intro", "standfirst", "lead", "dek", "summary" ...) with a sentence or a
    paragraph of text."""
    for element in islice(elements_after(h1), LEAD_WINDOW):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in NOT_LEAD_TAGS or LEAD_TOKENS.isdisjoint(_name_tokens(names)):
            continue
        if not _outside_media(element):
            continue
        text = " ".join(element.text_content().split())
        if LEAD_MIN_WORDS <= len(text.split()) <= LEAD_MAX_WORDS:
            return text
    return None


@lru_cache(maxsize=16384)
def _name_tokens(names: str) -> frozenset[str]:
    """The tokens of class and id names, split at spaces, - and _."""
    return frozenset(TOKEN_SPLIT.split(names.lower()))


def _tokens(element: lxml_html.HtmlElement) -> frozenset[str]:
    return _name_tokens(f"{element.get('class', '')} {element.get('id', '')}")


def _outside_media(element: lxml_html.HtmlElement) -> bool:
    """Not in a link, list, figure or other non-text container, nor in an image's caption box or an
    author's box, and holding no image."""
    for node in [element, *islice(element.iterancestors(), 4)]:
        if node.tag in NOT_LEAD_TAGS or not NOT_LEAD_TOKENS.isdisjoint(_tokens(node)):
            return False
    if element.find(".//img") is not None or element.find(".//figure") is not None:
        return False
    return not any(a.tag in NOT_LEAD_TAGS for a in element.iterancestors())
