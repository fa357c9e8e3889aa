"""Cleaning of extracted paragraphs: promos, calls to action, repeated headlines, bylines, bios.

Every rule is a pure function of the paragraph list. :func:`clean` applies them in
order and records, per stage, which paragraphs were removed and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.boilerplate import SiteHeadlines, headline_key, keys
from pipelines.extract import Block
from pipelines.promo import is_promo, word_count

BYLINE = re.compile(
    r"^\W*(?i:by|von|written by|reported by|from)\s+[A-ZÀ-Ý][\w.'’-]+(\s+[A-ZÀ-Ý][\w.'’-]+){0,3}"
    r"(\s*(,|and|und|&)\s*[A-ZÀ-Ý][\w.'’-]+(\s+[A-ZÀ-Ý][\w.'’-]+){0,3})*"
    r"(\s*[|,•·–-]\s*.*)?$"
)
DATELINE = re.compile(
    r"^\W*(published|updated|veröffentlicht|aktualisiert|posted|publicerad|uppdaterad|publisert|oppdatert"
    r"|udgivet|opdateret|gepubliceerd|bijgewerkt|publié|mis à jour|publicado|actualizado|pubblicato"
    r"|aggiornato)\b.{0,80}$"
    r"|^\W*\w+\s+\d{1,2},\s+\d{4}(\s+(at\s+)?\d{1,2}:\d{2}.*)?$"
    r"|^\W*\d{1,2}\.\s*\w+\s+\d{4}(,?\s+\d{1,2}[:.]\d{2}.*)?$",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"^\W*(photo|image|picture|foto|bild|titelbild|beitragsbild|credit|quelle|illustration|фото|zdjęcie"
    r"|kuva|bilde|billede)s?"
    r"\s*(credit)?\s*[:©]"
    r"|\b(getty images|reuters|afp|dpa|ap photo|shutterstock|imago|picture alliance)\W*$"
    r"|^©",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^\W*(pictured|in the picture|im bild|auf dem bild)\b"  # photo captions
    r"|^\W*((additional )?reporting|writing|editing) by\b"  # agency credits: "Reporting by ..."
    r"|.*\bcontributed( reporting)? to this (report|story|article)\W*$",  # "... contributed to this report."
    re.IGNORECASE,
)
CAPTION_WORDS = 60
# a teaser of a link list: its date and its headline in adjacent elements, glued with no space between
# them ("19.03.2024Fahndung nach ...", "2024-03-19Title"); prose never glues a date to a word
GLUED_DATE = re.compile(r"^\W*(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?=[^\W\d_])")
# template syntax the page printed as text: "+++dropcap", kramdown's "{: .class}", "[caption id=...]",
# "{{ var }}", and separator lines without a word ("___", "* * *")
MARKUP = re.compile(
    r"^(\+{3}[\w-]+|\{:[^{}]*\}|\[/?[a-z_]+(\s[^\]]*)?\]|\{\{[^{}]*\}\}|[\s\-_*=~#•·◇◆●■★.—–]*)$"
)
BIO = re.compile(
    r"^[A-ZÀ-Ý][\w.'’-]+(\s+[A-ZÀ-Ý][\w.'’-]+){0,3}\s+((is|was|has been|ist|war)\s+(a|an|the|our|ein|eine)\b"
    r"|(ist|is) (bei|at) |(covers|writes about|berichtet|schreibt über) )"
)
# a reporter's title before the name in a bio ("Korrespondent Ulrich Exner ist bei WELT für ...")
BIO_TITLE = re.compile(
    r"^(korrespondent|redakteur|reporter|autor|kolumnist|correspondent|editor|columnist|senior|chief)(in)?\s+",
    re.IGNORECASE,
)


@dataclass
class Cleaned:
    """Paragraphs that survived, with counts and reasons for what was removed."""

    blocks: list[Block]
    removed: dict[str, int] = field(default_factory=dict)
    reasons: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Case-folded letters and digits only, for comparing paragraphs."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


NAME_LIST = re.compile(r"[/;&]")  # between the authors' names in a byline of names only


def _same_as_title(text: str, title: str | None) -> bool:
    return bool(title) and normalise(text) == normalise(title or "")


def _is_byline(text: str, authors: Iterable[str]) -> bool:
    short = word_count(text) <= 16
    names = [normalise(a) for a in authors if a]
    listed = [normalise(p) for p in NAME_LIST.split(text) if normalise(p)]  # "Ann Lee/Bo Chan"
    if short and names and listed and all(n in names for n in listed):
        return True
    return short and bool(BYLINE.match(text) or DATELINE.match(text) or CREDIT.search(text))


def _is_bio(text: str, authors: Iterable[str]) -> bool:
    text = BIO_TITLE.sub("", text)
    first = normalise(text)[:60]
    return (
        any(normalise(a) and first.startswith(normalise(a)) for a in authors)
        and bool(BIO.match(text))
        and word_count(text) <= 90
    )


Rule = Callable[[list[Block], "Context"], list[bool]]


@dataclass
class Context:
    title: str | None
    authors: list[str]
    learned: frozenset[str]
    headlines: SiteHeadlines = field(default_factory=SiteHeadlines)  # the site's articles' headline keys


def headline_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """The headline repeated at the top of the body."""
    return [i < 3 and _same_as_title(b.text, ctx.title) for i, b in enumerate(blocks)]


def byline_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Bylines, datelines and photo credits in the first paragraphs, captions anywhere."""
    return [
        (i < 4 and _is_byline(b.text, ctx.authors))
        or (word_count(b.text) <= 12 and CREDIT.search(b.text) is not None)
        or (word_count(b.text) <= CAPTION_WORDS and CAPTION.match(b.text) is not None)
        for i, b in enumerate(blocks)
    ]


def promo_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Promo lines, teasers and calls to action, anywhere in the body."""
    return [is_promo(b.text) for b in blocks]


def teaser_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Teasers of related-article lists whose date is glued to their headline."""
    return [bool(GLUED_DATE.match(b.text)) for b in blocks]


NO_WORD = re.compile(r"^[^\w]*$")  # no letter and no digit: "|", "•", "→", "* * *"


def markup_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Template syntax printed as text, and lines without a letter or a digit (separators, icons)."""
    return [bool(MARKUP.match(b.text.strip()) or NO_WORD.match(b.text)) for b in blocks]


def bio_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Author boxes after the body: the author's name alone or a short bio."""
    tail_start = max(len(blocks) - 4, 1)
    return [
        i >= tail_start and (_is_bio(b.text, ctx.authors) or _is_byline(b.text, ctx.authors))
        for i, b in enumerate(blocks)
    ]


def tail_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """An ad block at the end: from a promo marker on, a short tail of promo-like lines goes."""
    hits = [is_promo(b.text) or b.kind == "h" for b in blocks]
    for start in range(max(len(blocks) - 6, 1), len(blocks)):
        rest = blocks[start:]
        if (
            is_promo(blocks[start].text)
            and sum(hits[start:]) * 2 >= len(rest)
            and all(word_count(b.text) <= 70 for b in rest)
        ):
            return [i >= start for i in range(len(blocks))]
    return [False] * len(blocks)


def learned_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Paragraph shapes and line labels learned as template boilerplate of the site."""
    if not ctx.learned:
        return [False] * len(blocks)
    return [any(k in ctx.learned for k in keys(b.text)) for b in blocks]


TEASER_MAX_WORDS = 60  # a teaser is a headline, maybe with a line of blurb after it
TEASER_END = re.compile(r"(\.\.\.|…)\W*$")


def _teases(text: str, headlines: SiteHeadlines, own: str) -> bool:
    """The paragraph is another article's headline, starts with one, or is one cut short ("…")."""
    key = headline_key(text)
    if not key or key == own or len(key.split()) > TEASER_MAX_WORDS:
        return False
    if key in headlines:
        return True
    alike = headlines.starting_like(key) - {own}  # headlines with the same first words
    if any(key.startswith(h + " ") for h in alike):
        return True  # the headline, then its blurb
    return bool(TEASER_END.search(text)) and any(h.startswith(key) for h in alike)


def teaser_headline_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Teasers of other articles of the site: a paragraph that is (the start of) another's headline."""
    if not ctx.headlines:
        return [False] * len(blocks)
    own = headline_key(ctx.title)
    return [b.kind != "h" and _teases(b.text, ctx.headlines, own) for b in blocks]


DUPLICATE_MIN_WORDS = 10  # short lines repeat legitimately: FAQ answers ("Yes."), labels, calls to action
UNIQUE_KINDS = {"p", "quote"}  # headings, list items and table rows repeat legitimately too


def duplicate_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """A paragraph that repeats an earlier one (not list items, table rows or short lines)."""
    seen: set[str] = set()
    flags = []
    for b in blocks:
        key = normalise(b.text)
        judged = b.kind in UNIQUE_KINDS and word_count(b.text) >= DUPLICATE_MIN_WORDS
        flags.append(judged and key in seen)
        if judged:
            seen.add(key)
    return flags


RULES: list[tuple[str, Rule]] = [
    ("headline", headline_rule),
    ("byline", byline_rule),
    ("promo", promo_rule),
    ("teaser", teaser_rule),
    ("markup", markup_rule),
    ("tail", tail_rule),
    ("bio", bio_rule),
    ("learned", learned_rule),
    ("teaser_headline", teaser_headline_rule),
    ("duplicate", duplicate_rule),
]


def clean(
    blocks: list[Block],
    title: str | None = None,
    authors: Iterable[str] = (),
    learned: Iterable[str] = (),
    headlines: SiteHeadlines | None = None,
) -> Cleaned:
    """Apply every rule in order; a paragraph removed by one rule is not seen by the next. ``learned``:
    the site's boilerplate shapes; ``headlines``: its articles' headline keys."""
    ctx = Context(
        title=title,
        authors=list(authors),
        learned=frozenset(learned),
        headlines=headlines if headlines is not None else SiteHeadlines(),
    )
    return _apply(RULES, list(blocks), ctx)


def _apply(rules: list[tuple[str, Rule]], blocks: list[Block], ctx: Context) -> Cleaned:
    result = Cleaned(blocks=blocks)
    for name, rule in rules:
        flags = rule(result.blocks, ctx)
        gone = [b for b, f in zip(result.blocks, flags, strict=True) if f]
        if gone:
            result.removed[name] = len(gone)
            result.reasons += [(name, b.text) for b in gone]
            result.blocks = [b for b, f in zip(result.blocks, flags, strict=True) if not f]
    return result


LATE_RULES: list[tuple[str, Rule]] = [("learned", learned_rule), ("teaser_headline", teaser_headline_rule)]


def reclean(
    text: str, title: str | None, learned: Iterable[str], headlines: SiteHeadlines | None = None
) -> Cleaned:
    """Clean a stored text again with what site learning knows now (the rules that depend on it only):
    the articles of a site stored before a promo shape or a teaser's headline was known. Paragraphs are
    the text's blank-line separated parts."""
    ctx = Context(
        title=title,
        authors=[],
        learned=frozenset(learned),
        headlines=headlines if headlines is not None else SiteHeadlines(),
    )
    return _apply(LATE_RULES, [Block("p", p) for p in text.split("\n\n") if p.strip()], ctx)
