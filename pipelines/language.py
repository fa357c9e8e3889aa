"""Language of an article body: langdetect (deterministic) cross-checked with the declared language."""

from __future__ import annotations

import re
from functools import lru_cache

from langdetect import DetectorFactory, LangDetectException
from langdetect.detector_factory import PROFILES_DIRECTORY

DetectorFactory.seed = 0  # langdetect is random without a fixed seed
# langdetect's random restarts (its default is 7): 3 gave the same language on all 1,148 corpus pages in
# 29% less time
TRIALS = 3
LONG_TEXT_WORDS = 40  # from this length on the text outweighs what the page declares
SHORT_TEXT_WORDS = 8  # below this the text alone is not trusted
CONFIDENT = 0.90
# langdetect is linear in length; on the fundus pages its answer is the same from 1,200 characters on
MAX_CHARS = 1500
# A declared code that is a more precise form of what langdetect reports (Norwegian Bokmål / Nynorsk).
VARIANTS = {"no": {"nb", "nn"}, "zh": {"zh"}}
# langdetect has no profile for Zulu or Xhosa and reports Swahili or guesses: their common function words
# decide (general vocabulary of the languages, distinct between them and from Swahili).
FUNCTION_WORDS = {
    "zu": frozenset(
        [
            "futhi",
            "ukuthi",
            "noma",
            "lokho",
            "kanye",
            "manje",
            "lapho",
            "njengoba",
            "kusho",
            "kodwa",
            "kakhulu",
            "ngoba",
            "kanti",
            "yini",
            "lezi",
            "lezo",
            "ukuze",
            "khona",
            "wathi",
            "uthe",
            "bathi",
            "kuze",
            "phakathi",
            "ngesikhathi",
        ]
    ),
    "xh": frozenset(
        [
            "kwaye",
            "ukuba",
            "okanye",
            "ngoko",
            "apho",
            "ngoku",
            "kunye",
            "njengoko",
            "utshilo",
            "kuba",
            "ngakumbi",
            "nangona",
            "kananjalo",
            "noko",
            "kodwa",
            "kakhulu",
            "ukuze",
            "xa",
            "phantsi",
            "kule",
            "ezi",
            "ezo",
            "loo",
            "kwi",
        ]
    ),
    "sw": frozenset(
        [
            "na",
            "ya",
            "wa",
            "za",
            "katika",
            "ni",
            "kuwa",
            "hiyo",
            "pia",
            "hii",
            "kama",
            "lakini",
            "huo",
            "wake",
            "yake",
            "cha",
            "hicho",
        ]
    ),
}
MIN_MARKER_SHARE = 0.025
MIN_MARKERS = 5


@lru_cache(maxsize=1)
def detector_factory() -> DetectorFactory:
    """langdetect's language profiles, loaded once (0.26 s): the stage pool's forkserver loads them before
    it forks the workers (``pipelines.preload``)."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def _detect(text: str) -> tuple[str, float] | None:
    try:
        detector = detector_factory().create()
        detector.n_trial = TRIALS
        detector.append(text[:MAX_CHARS])
        best = detector.get_probabilities()[0]
    except LangDetectException:
        return None
    return best.lang.split("-")[0], best.prob


def _function_word_language(text: str) -> str | None:
    """'zu' or 'xh' when their function words clearly dominate the text, else None."""
    words = re.findall(r"[a-z]+", text[:MAX_CHARS].lower())
    if len(words) < SHORT_TEXT_WORDS:
        return None
    hits = {lang: sum(w in vocab for w in words) for lang, vocab in FUNCTION_WORDS.items()}
    zu_xh = max(("zu", "xh"), key=lambda lang: (hits[lang], lang == "zu"))
    share = (hits["zu"] + hits["xh"]) / len(words)
    if (
        share < MIN_MARKER_SHARE
        or hits[zu_xh] < MIN_MARKERS
        or hits[zu_xh] <= hits["sw"]
        or hits["zu"] == hits["xh"]
    ):
        return None
    return zu_xh


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of the text; the declared language settles short or unsure cases."""
    text = text or ""
    declared = (declared or "").lower().split("-")[0].split("_")[0] or None
    words = len(text.split())
    if words >= LONG_TEXT_WORDS and (bantu := _function_word_language(text)):
        return bantu
    found = _detect(text) if words >= SHORT_TEXT_WORDS or not declared else None
    if found is None:
        return declared
    lang, prob = found
    if declared is None or lang == declared or declared in VARIANTS.get(lang, ()):
        return declared or lang
    if words >= LONG_TEXT_WORDS and prob >= CONFIDENT:
        return lang
    return declared
