"""The never-worse guard: recognise a failed extraction and fall back to bare trafilatura's own.

Our extraction prunes the page before trafilatura sees it and mends its output afterwards; each of those
steps can go wrong on a template nobody tuned for (the article's container named like a share bar, and a
menu comes out instead). Running trafilatura a second time on every page would double the cost, so
:func:`suspicion` looks at our result first, and only a suspicious page is compared with bare
trafilatura (:func:`prefer_theirs`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

WORD = re.compile(r"\w+")
SHORT_LINE = 4  # words: a menu entry, a label
NAV_SHARE = 0.6  # this share of short lines ...
NAV_MIN_LINES = 8  # ... among at least this many is a menu, not an article
LOST = 3.0  # a list of short lines this many times as long as our menu is a live ticker, not a menu


class HasText(Protocol):
    @property
    def text(self) -> str: ...


def _words(blocks: Sequence[HasText]) -> list[list[str]]:
    return [WORD.findall(b.text) for b in blocks]


def navigation_like(blocks: Sequence[HasText]) -> bool:
    """Mostly short lines, as a menu or a link list is."""
    lines = _words(blocks)
    short = sum(len(w) <= SHORT_LINE for w in lines)
    return len(lines) >= NAV_MIN_LINES and short >= NAV_SHARE * len(lines)


def suspicion(blocks: Sequence[HasText]) -> str | None:
    """Why our result needs checking against bare trafilatura, or None: ``empty`` or ``navigation``
    (menu-like lines). A short result is no sign of failure: measured on the corpus, falling back on
    short or partial results (even three times as long, or with no text in common) took text from more
    pages than it gave to."""
    if not blocks:
        return "empty"
    return "navigation" if navigation_like(blocks) else None


def prefer_theirs(ours: Sequence[HasText], theirs: Sequence[HasText]) -> bool:
    """Bare trafilatura's blocks win when ours are empty or a menu and theirs are not, or are a list of
    short lines three times as long (a live ticker)."""
    if not theirs:
        return False
    if not ours:
        return True
    if not navigation_like(ours):
        return False
    their_words = sum(map(len, _words(theirs)))
    return not navigation_like(theirs) or their_words >= LOST * sum(map(len, _words(ours)))
