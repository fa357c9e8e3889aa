"""Scoring helpers of the extraction benchmark: shingle and word F1, snippets, the tune/check split."""

from __future__ import annotations

import hashlib
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

FULL_GOLD = {"fundus": "body_text", "wcxb": "main_content"}  # folders whose gold is the whole body
TOKEN = re.compile(r"\w+")
NGRAM = 4
Match = tuple[float, float, float]  # tp, fp, fn of one page, normalised to sum to 1


def half(url: str | None) -> str:
    """``tune`` when the first hex digit of sha256 of the page's host (lower-case, no ``www.``) is even,
    ``check`` when it is odd (../shared/README.md)."""
    host = (urlsplit(url or "").hostname or "").lower().removeprefix("www.")
    return "tune" if int(hashlib.sha256(host.encode()).hexdigest()[0], 16) % 2 == 0 else "check"


def shingles(text: str, n: int = NGRAM) -> Counter[str]:
    tokens = TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def _normalised(true: Counter[str], guess: Counter[str]) -> Match:
    tp = sum((true & guess).values())
    fp = sum((guess - true).values())
    fn = sum((true - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_match(gold: str, pred: str) -> Match:
    """Clipped-count tp, fp, fn of 4-token shingles (the article-extraction benchmark's method)."""
    return _normalised(shingles(gold), shingles(pred))


def word_match(gold: str, pred: str) -> Match:
    """Clipped-count tp, fp, fn of lower-cased ``\\w+`` words, a bag of words (WCXB's evaluate.py)."""
    return _normalised(Counter(TOKEN.findall(gold.lower())), Counter(TOKEN.findall(pred.lower())))


def page_prf(match: Match) -> tuple[float, float, float]:
    tp, fp, fn = match
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def prf(matches: Iterable[Match]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages, F1 from the two averages (shingle method)."""
    pages = [page_prf(m) for m in matches]
    if not pages:
        return 0.0, 0.0, 0.0
    precision = statistics.fmean(p for p, _, _ in pages)
    recall = statistics.fmean(r for _, r, _ in pages)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def mean_f1(matches: Iterable[Match]) -> tuple[float, float, float]:
    """Precision, recall and F1 each averaged over pages (WCXB's method)."""
    pages = [page_prf(m) for m in matches]
    if not pages:
        return 0.0, 0.0, 0.0
    return tuple(statistics.fmean(page[i] for page in pages) for i in range(3))  # type: ignore[return-value]


def norm(text: str | None) -> str:
    """Case-folded, NFKC, whitespace-collapsed text for snippet and title comparison."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[‘’‚‛`´]", "'", re.sub(r"[“”„‟«»]", '"', text))
    return " ".join(text.split())


def words(text: str | None) -> str:
    return " ".join(TOKEN.findall(norm(text)))


def contains(haystack: str, needle: str) -> bool:
    """Snippet present: as written, or word for word (markup can change punctuation spacing)."""
    return norm(needle) in norm(haystack) or (bool(words(needle)) and words(needle) in words(haystack))


def gold_authors(value: Any) -> list[str]:
    """The names of a gold author field: a list, or one string naming several ("A und B", "A, B; C"),
    maybe with a "Von"/"By" byline prefix, as trafilatura-eval's gold writes them."""
    if isinstance(value, str):
        byline = re.sub(r"^(?:von|by)\s+", "", value.strip(), flags=re.IGNORECASE)
        value = re.split(r"\s*(?:[;|,&]|\bund\b|\band\b)\s*", byline)
    return [a for a in (value or []) if isinstance(a, str) and a.strip()]


def authors_found(gold: list[str], found: list[str]) -> bool:
    joined = words(" ; ".join(found))
    return all(words(name) and words(name) in joined for name in gold)


def same_day(gold: str | None, found: str | None) -> bool:
    return bool(gold and found) and str(gold)[:10] == str(found)[:10]


def in_gold(paragraph: str, gold: Counter[str], gold_words: str) -> bool:
    """Whether a paragraph is (mostly) part of a gold body: half its shingles, or all its words in a
    row for a paragraph shorter than a shingle."""
    own = shingles(paragraph)
    if len(TOKEN.findall(paragraph)) < NGRAM:
        return bool(words(paragraph)) and f" {words(paragraph)} " in f" {gold_words} "
    return sum((own & gold).values()) >= 0.5 * sum(own.values())


def quantile(values: list[float], q: int) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]
