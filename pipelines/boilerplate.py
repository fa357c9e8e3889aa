"""Site-level boilerplate learning: paragraph shapes that recur across pages of one site.

A shape is a short paragraph with every name and number masked, wherever it stands (at a line start, in a
compound such as "Alibaba-Aktie", a ticker): the promo line of a site's template keeps its shape when only
the company changes. A shape seen on :data:`MIN_PAGES` pages of a site is boilerplate there; one that also
looks like a call to action or a teaser (:func:`pipelines.cues.looks_like_call`) counts from
:data:`CALL_PAGES`. The memory also keeps the site's headlines: a paragraph that is another article's
headline is a teaser (:func:`pipelines.clean.teaser_headline_rule`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import sqlite_utils

from pipelines import database
from pipelines.cues import looks_like_call

MIN_PAGES = 3  # a shape seen on this many different pages of a site is template boilerplate
CALL_PAGES = 2  # ... or on this many, when it looks like a call to action or a teaser
MAX_WORDS = 60  # long paragraphs are never learned: templates repeat short lines
HEADLINE_MIN_WORDS = 4  # shorter titles ("Home", "Live") are not kept as teaser headlines
NUMBER = re.compile(r"\d+([.,:/]\d+)*")
# a word with a capital letter anywhere: names, tickers, brands ("iPhone"), German nouns; hyphens and
# apostrophes split compounds, so "Alibaba-Aktie" is "N-N" and "Nvidia's" is "N's"
NAME = re.compile(r"[^\W\d_]*[A-ZÀ-ÝΑ-ΩА-Я][^\W\d_]*")
NAME_RUN = re.compile(r"N(?:[\s\-–/&.'’]+N)+")
STRUCTURAL = "structural:"  # the key prefix under which a page's own patterns are saved
SHAPE_VERSION = "2"  # part of every key: shapes saved with another masking never match by accident


@lru_cache(maxsize=16384)  # a site repeats its template lines, and learning asks twice per paragraph
def masked(text: str) -> str:
    """A paragraph with numbers as 0 and every run of capitalised words as N, case-folded."""
    out = NAME.sub("N", NUMBER.sub("0", " ".join(text.split())))
    return NAME_RUN.sub("N", out).casefold()


@lru_cache(maxsize=16384)
def shape(text: str) -> str:
    """A paragraph with names, numbers and dates masked, hashed to a short key."""
    key = f"{SHAPE_VERSION}:{masked(text)}"
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


KEPT_WORD = re.compile(r"\b[^\W\d_]{2,}\b")  # a word the masking left: "or" in "N: N or N?!"


@lru_cache(maxsize=16384)
def learnable(text: str) -> bool:
    """Short, and not names alone: a heading of capitalised words ("Key Takeaways") masks to "N", the
    shape of every such heading of the site."""
    return 0 < len(text.split()) <= MAX_WORDS and KEPT_WORD.search(masked(text)) is not None


LABEL = re.compile(r"^\W*([^\W\d_][\w'’]*(?: [\w'’]+){0,2})\s*(?::|\||»|>>?)\s+\S")
LABEL_PREFIX = "label:"
LABEL_MAX_WORDS = 25  # "READ MORE: <another article's headline>" is a short line


def label_key(text: str) -> str | None:
    """The key of a short line's leading label ("READ MORE: ...", "Lesen Sie auch | ..."): site learning
    counts the label across the site's pages, whatever headline follows it."""
    head = text[:40]
    if ":" not in head and "|" not in head and ">" not in head and "»" not in head:
        return None  # the common case, without the regex
    found = LABEL.match(text)
    if found is None or len(text.split()) > LABEL_MAX_WORDS:
        return None
    return LABEL_PREFIX + found.group(1).casefold()


@lru_cache(maxsize=16384)
def keys(text: str) -> tuple[str, ...]:
    """What site learning counts for a paragraph: its shape, and its label when it has one."""
    label = label_key(text)
    return (shape(text), label) if label else (shape(text),)


def headline_key(text: str | None) -> str:
    """A headline as compared with paragraphs: case-folded words, '' when too short to be one."""
    words = re.findall(r"\w+", (text or "").casefold())
    return " ".join(words) if len(words) >= HEADLINE_MIN_WORDS else ""


class SiteHeadlines:
    """The headline keys of one site's pages, indexed by their first words for the teaser rule."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self._by_start: dict[str, set[str]] = defaultdict(set)

    def add(self, key: str) -> None:
        if key and key not in self.keys:
            self.keys.add(key)
            self._by_start[_start(key)].add(key)

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def starting_like(self, key: str) -> frozenset[str]:
        """The headlines whose first words are ``key``'s first words."""
        return frozenset(self._by_start.get(_start(key), ()))


def _start(key: str) -> str:
    return " ".join(key.split()[:HEADLINE_MIN_WORDS])


class BoilerplateMemory:
    """Counts on how many pages of each site every paragraph shape occurred.

    With a database, what was learned is loaded per site on first use and saved to the
    ``boilerplate_shapes`` table (every ``flush_every`` changed shapes and on :meth:`save`), so
    later crawls of the site start from it.
    """

    def __init__(
        self,
        min_pages: int = MIN_PAGES,
        db: sqlite_utils.Database | None = None,
        flush_every: int = 500,
        call_pages: int = CALL_PAGES,
    ) -> None:
        self.min_pages = min_pages
        self.call_pages = min(call_pages, min_pages)
        self.db = db
        self.flush_every = flush_every
        self.pages: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.examples: dict[tuple[str, str], str] = {}
        self._learned: dict[str, set[str]] = defaultdict(set)  # kept up to date: no scan per page
        self._loaded: set[str] = set()
        self._dirty: dict[str, set[str]] = defaultdict(set)
        self._headlines: dict[str, SiteHeadlines] = defaultdict(SiteHeadlines)
        self._structural: dict[str, set[str]] = defaultdict(set)  # shapes seen twice on one page
        self._label_shapes: dict[tuple[str, str], set[str]] = defaultdict(set)  # the shapes a label leads

    def learned(self, site: str) -> frozenset[str]:
        self._load_once(site)
        return frozenset(self._learned.get(site, ()))

    def headlines(self, site: str) -> SiteHeadlines:
        """The headline keys (:func:`headline_key`) of the site's pages seen so far."""
        return self._headlines[site]

    def page_count(self, site: str, text: str) -> int:
        """On how many pages of the site a paragraph's shape was seen."""
        return len(self.pages.get((site, shape(text)), ()))

    def needed(self, example: str) -> int:
        """On how many pages a shape must be seen to count: fewer for a call to action or a teaser."""
        return self.call_pages if looks_like_call(example) else self.min_pages

    def _count(self, key: tuple[str, str]) -> None:
        if key[1] in self._structural[key[0]]:
            return
        if key[1].startswith(LABEL_PREFIX) and len(self._label_shapes[key]) < 2:
            return  # a label counts when what follows it varies ("READ MORE: <another headline>")
        pages = len(self.pages[key])
        if pages >= self.call_pages and pages >= self.needed(self.examples[key]):
            self._learned[key[0]].add(key[1])

    def observe(
        self, site: str, page: str, paragraphs: Iterable[str], title: str | None = None
    ) -> list[tuple[str, str, int]]:
        """Record a page's paragraphs (and its headline); returns (shape, example, page count) of changed
        shapes."""
        self._load_once(site)
        self._headlines[site].add(headline_key(title))
        changed = []
        keyed = [(text, keys(text)) for text in dict.fromkeys(paragraphs) if learnable(text)]
        seen = Counter(k for _, ks in keyed for k in ks)  # over distinct lines: a block placed twice is one
        repeated = {k for k, n in seen.items() if n > 1}  # a pattern of the page ("X: pros and cons")
        repeated |= {k for _, ks in keyed if ks[0] in repeated for k in ks}  # and the labels of its lines
        for one in repeated - self._structural[site]:
            self._structural[site].add(one)
            self._learned[site].discard(one)
            self._dirty[site].add(STRUCTURAL + one)  # saved, so a later crawl does not learn it either
        for text, text_keys in keyed:
            for one in text_keys[1:]:
                self._label_shapes[(site, one)].add(text_keys[0])
            for one in text_keys:
                key = (site, one)
                if page not in self.pages[key]:
                    self.pages[key].add(page)
                    self.examples.setdefault(key, text)
                    self._count(key)
                    changed.append((key[1], self.examples[key], len(self.pages[key])))
        self._dirty[site].update(s for s, _, _ in changed)
        if sum(map(len, self._dirty.values())) >= self.flush_every:
            self.save()
        return changed

    def load(self, site: str, rows: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        """Restore what was learned earlier: (shape, example, pages)."""
        for key_shape, example, pages in rows:
            if key_shape.startswith(STRUCTURAL):  # a page's own pattern: never learned, also after a reload
                self._structural[site].add(key_shape.removeprefix(STRUCTURAL))
                self._learned[site].discard(key_shape.removeprefix(STRUCTURAL))
                continue
            self.pages[(site, key_shape)].update(pages)
            self.examples[(site, key_shape)] = example
            self._count((site, key_shape))

    def _load_once(self, site: str) -> None:
        if self.db is not None and site not in self._loaded:
            self._loaded.add(site)
            self.load(site, database.load_boilerplate(self.db, site))

    def save(self) -> None:
        """Write the shapes that changed since the last save (no-op without a database)."""
        if self.db is None:
            self._dirty.clear()
            return
        for site, shapes in self._dirty.items():
            rows = [
                (s, "", [])
                if s.startswith(STRUCTURAL)
                else (s, self.examples[(site, s)], sorted(self.pages[(site, s)]))
                for s in shapes
            ]
            database.save_boilerplate(self.db, site, rows)
        self._dirty.clear()
