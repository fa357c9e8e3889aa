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

from pipelines.boilerplate import shape
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
    r"^\W*(photo|image|picture|foto|bild|titelbild|beitragsbild|credit|source|quelle|illustration|фото|zdjęcie"
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


def markup_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Template syntax printed as text and separator lines without a word."""
    return [bool(MARKUP.match(b.text.strip())) for b in blocks]


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
    """Paragraph shapes learned as template boilerplate of the site."""
    return [bool(ctx.learned) and shape(b.text) in ctx.learned for b in blocks]


def duplicate_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """A paragraph that repeats an earlier one."""
    seen: set[str] = set()
    flags = []
    for b in blocks:
        key = normalise(b.text)
        flags.append(key in seen and len(key) > 0)
        seen.add(key)
    return flags


TRAILING_HEADINGS = 2  # a longer run of headings at the end is content (a list of points), not debris


def trailing_heading_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Headings left dangling at the end once what followed them is gone (one or two of them)."""
    run = 0
    while run < len(blocks) and blocks[len(blocks) - 1 - run].kind == "h":
        run += 1
    if run > TRAILING_HEADINGS:
        return [False] * len(blocks)
    return [i >= len(blocks) - run for i in range(len(blocks))]


RULES: list[tuple[str, Rule]] = [
    ("headline", headline_rule),
    ("byline", byline_rule),
    ("promo", promo_rule),
    ("teaser", teaser_rule),
    ("markup", markup_rule),
    ("tail", tail_rule),
    ("bio", bio_rule),
    ("learned", learned_rule),
    ("duplicate", duplicate_rule),
    ("trailing_heading", trailing_heading_rule),
]


def clean(
    blocks: list[Block], title: str | None = None, authors: Iterable[str] = (), learned: Iterable[str] = ()
) -> Cleaned:
    """Apply every rule in order; a paragraph removed by one rule is not seen by the next."""
    ctx = Context(title=title, authors=list(authors), learned=frozenset(learned))
    result = Cleaned(blocks=list(blocks))
    for name, rule in RULES:
        flags = rule(result.blocks, ctx)
        gone = [b for b, f in zip(result.blocks, flags, strict=True) if f]
        if gone:
            result.removed[name] = len(gone)
            result.reasons += [(name, b.text) for b in gone]
            result.blocks = [b for b, f in zip(result.blocks, flags, strict=True) if not f]
    return result
