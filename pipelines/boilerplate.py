"""Site-level boilerplate learning: paragraph shapes that recur across pages of one site."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

import sqlite_utils

from pipelines import database

MIN_PAGES = 3  # a shape seen on this many different pages of a site is template boilerplate
MAX_WORDS = 60  # long paragraphs are never learned: templates repeat short lines
NUMBER = re.compile(r"\d+([.,:/]\d+)*")
NAME = re.compile(r"(?<=\w )[A-ZÀ-Ý][\w’'&.-]*")


def shape(text: str) -> str:
    """A paragraph with names, numbers and dates masked, hashed to a short key."""
    masked = NAME.sub("N", NUMBER.sub("0", " ".join(text.split())))
    masked = re.sub(r"\bN( N)+\b", "N", masked).casefold()
    return hashlib.blake2b(masked.encode(), digest_size=8).hexdigest()


def learnable(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_WORDS


class BoilerplateMemory:
    """Counts on how many pages of each site every paragraph shape occurred.

    With a database, what was learned is loaded per site on first use and saved to the
    ``boilerplate_shapes`` table (every ``flush_every`` changed shapes and on :meth:`save`), so
    later crawls of the site start from it.
    """

    def __init__(
        self, min_pages: int = MIN_PAGES, db: sqlite_utils.Database | None = None, flush_every: int = 500
    ) -> None:
        self.min_pages = min_pages
        self.db = db
        self.flush_every = flush_every
        self.pages: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.examples: dict[tuple[str, str], str] = {}
        self._learned: dict[str, set[str]] = defaultdict(set)  # kept up to date: no scan per page
        self._loaded: set[str] = set()
        self._dirty: dict[str, set[str]] = defaultdict(set)

    def learned(self, site: str) -> frozenset[str]:
        self._load_once(site)
        return frozenset(self._learned.get(site, ()))

    def _count(self, key: tuple[str, str]) -> None:
        if len(self.pages[key]) >= self.min_pages:
            self._learned[key[0]].add(key[1])

    def observe(self, site: str, page: str, paragraphs: Iterable[str]) -> list[tuple[str, str, int]]:
        """Record a page's paragraphs; returns (shape, example, page count) of changed shapes."""
        self._load_once(site)
        changed = []
        for text in paragraphs:
            if not learnable(text):
                continue
            key = (site, shape(text))
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
            rows = [(s, self.examples[(site, s)], sorted(self.pages[(site, s)])) for s in shapes]
            database.save_boilerplate(self.db, site, rows)
        self._dirty.clear()
