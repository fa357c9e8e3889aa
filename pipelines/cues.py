"""Cue words of calls to action and teasers, kept as data files per language (``pipelines/lexicons/cues``).

A cue never removes a line by itself: site learning lets a repeated line that looks like a call to action
or a teaser count from fewer pages (:mod:`pipelines.boilerplate`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

CUES_DIR = Path(__file__).resolve().parent / "lexicons" / "cues"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# a line that asks, exclaims or trails off: teasers and calls to action end so, prose seldom does
CALL_END = re.compile(r"(\?|!|\.\.\.|…|:|»|>)\W*$")


def load_cues(directory: Path = CUES_DIR) -> frozenset[str]:
    """The cue words of every language file in ``directory`` (one word a line, ``#`` comments)."""
    words: set[str] = set()
    for path in sorted(directory.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip().casefold()
            if word:
                words.add(word.replace("’", "'"))
    return frozenset(words)


@lru_cache(maxsize=1)
def cues() -> frozenset[str]:
    return load_cues()


def cue_words(text: str) -> list[str]:
    """The cue words of a text, in order (compounds split at hyphens: "Alibaba-Aktie" gives "aktie")."""
    lexicon = cues()
    return [w for w in (m.casefold().replace("’", "'") for m in WORD.findall(text)) if w in lexicon]


@lru_cache(maxsize=8192)
def looks_like_call(text: str) -> bool:
    """A line that ends as a question, exclamation or ellipsis, or that has a cue word."""
    return bool(CALL_END.search(text)) or bool(cue_words(text))
