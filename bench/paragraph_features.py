"""Features of the paragraph-classifier experiment (``bench/train_paragraphs.py``): is a paragraph the
rules leave boilerplate? General features that name no phrasing (:data:`FEATURES`): length and shape,
punctuation, cue words from the per-language lists (:mod:`pipelines.cues`), digits, block kind, position,
how much of its vocabulary the rest of the article shares, how often site learning saw its shape.

Not shipped: measured on ../shared/corpus (issue 13), no model over them removes boilerplate at 20 per
content paragraph on ``check`` beyond what the no-letter rule of ``pipelines/clean.py`` removes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from pipelines.boilerplate import LABEL
from pipelines.cues import cue_words

WORD = re.compile(r"[^\W_]+", re.UNICODE)
CONTENT = re.compile(r"[^\W\d_]{4,}")  # content-bearing words for the lexical overlap
SENTENCE_END = re.compile(r"[.!?…\"'”»)]\s*$")
CURRENCY = re.compile(r"[$€£¥%]|\b(usd|eur|dollars?|euros?|prozent|percent)\b", re.IGNORECASE)
LINKISH = re.compile(r"https?://|www\.|@\w|\.(com|de|org|net)\b", re.IGNORECASE)
KINDS = ("h", "li", "table", "quote")

FEATURES = (
    "log_words",  # log(1 + words)
    "mean_word_length",
    "capitalised_share",  # words starting with a capital letter
    "digit_share",  # characters that are digits
    "ends_sentence",  # ends as a sentence does
    "ends_question",
    "ends_exclamation",
    "ends_ellipsis",
    "ends_colon",
    "has_label",  # "READ MORE: ...", "Lesen Sie auch | ..."
    "cue_share",  # cue words per word
    "has_cue",
    "currency",
    "linkish",  # a URL, an e-mail or a handle
    *(f"kind_{k}" for k in KINDS),
    "position",  # 0 at the top of the body, 1 at the end
    "in_last_three",
    "shared_vocabulary",  # share of its content words the rest of the article also has
    "title_overlap",  # share of its content words in the headline
    "site_pages",  # log(1 + pages of the site with its shape), from site learning
)


class HasKindText(Protocol):
    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...


def _content(text: str) -> list[str]:
    return [w.casefold() for w in CONTENT.findall(text)]


def features(
    blocks: Sequence[HasKindText], title: str | None = None, site_pages: Sequence[int] | None = None
) -> list[list[float]]:
    """The feature vector of every block of one page, in :data:`FEATURES` order. ``site_pages``: on how many
    pages of the site each block's shape was seen (0 when unknown)."""
    vocab = [Counter(_content(b.text)) for b in blocks]
    total: Counter[str] = Counter()
    for counts in vocab:
        total.update(counts)
    headline = set(_content(title or ""))
    last = max(len(blocks) - 1, 1)
    rows = []
    for i, block in enumerate(blocks):
        text = block.text.strip()
        words = WORD.findall(text)
        n = max(len(words), 1)
        own = vocab[i]
        shared = sum(1 for w in own if total[w] > own[w]) / len(own) if own else 0.0
        in_title = sum(1 for w in own if w in headline) / len(own) if own else 0.0
        cues = len(cue_words(text))
        pages = site_pages[i] if site_pages is not None and i < len(site_pages) else 0
        rows.append([
            math.log1p(len(words)),
            sum(map(len, words)) / n,
            sum(w[:1].isupper() for w in words) / n,
            sum(c.isdigit() for c in text) / max(len(text), 1),
            float(bool(SENTENCE_END.search(text))),
            float(text.endswith("?")),
            float(text.endswith("!")),
            float(text.endswith(("...", "…"))),
            float(text.endswith(":")),
            float(LABEL.match(text) is not None),
            cues / n,
            float(cues > 0),
            float(CURRENCY.search(text) is not None),
            float(LINKISH.search(text) is not None),
            *(float(block.kind == k) for k in KINDS),
            i / last,
            float(i >= len(blocks) - 3),
            shared,
            in_title,
            math.log1p(pages),
        ])  # fmt: skip
    return rows
