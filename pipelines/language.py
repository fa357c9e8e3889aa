"""Language of an article body: langdetect (deterministic) cross-checked with the declared language."""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0  # langdetect is random without a fixed seed
LONG_TEXT_WORDS = 40  # from this length on the text outweighs what the page declares
SHORT_TEXT_WORDS = 8  # below this the text alone is not trusted
CONFIDENT = 0.90
MAX_CHARS = 4000  # langdetect is linear in length; 4,000 characters decide any language


def _detect(text: str) -> tuple[str, float] | None:
    try:
        best = detect_langs(text[:MAX_CHARS])[0]
    except LangDetectException:
        return None
    return best.lang.split("-")[0], best.prob


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of the text; the declared language settles short or unsure cases."""
    words = len(text.split())
    found = _detect(text) if words >= SHORT_TEXT_WORDS or not declared else None
    if found is None:
        return declared
    lang, prob = found
    if declared is None or lang == declared:
        return lang
    if words >= LONG_TEXT_WORDS and prob >= CONFIDENT:
        return lang
    return declared
