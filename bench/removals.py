"""False removals per cleaning stage and rule: is what a rule removed in the gold body or not?

- fundus and wcxb (the whole body is gold): a paragraph is a false removal when half its shingles are in
  the gold body and not in our output (so a duplicate removed while its first copy stays is a true one);
  anything else a true one;
- promo: a paragraph holding a ``must_have`` paragraph is false, any other true (every body paragraph is
  a ``must_have``);
- trafilatura-eval: holding a ``with`` snippet is false, a ``without`` snippet true, neither unknown.

Promo removals are also counted per promo regex (the first of ``PROMO_SOURCES`` that matches, or the
site-notice pattern), so that a rule can be judged by its own false removals.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from bench.scoring import FULL_GOLD, NGRAM, TOKEN, contains, in_gold, shingles, words
from pipelines.promo import NOTICE, PROMO_SOURCES

PROMO_STAGES = {"promo", "tail"}
MAX_RATIO = 1 / 20  # a rule with more than one false removal per 20 true ones goes (issue 13)


@lru_cache(maxsize=1)
def _compiled() -> list[re.Pattern[str]]:
    return [re.compile(source, re.IGNORECASE) for source in PROMO_SOURCES]


def promo_source(text: str) -> str:
    """Which promo rule removed a paragraph: its regex source, cut short, or ``notice``."""
    if NOTICE.search(text):
        return "notice"
    for source, pattern in zip(PROMO_SOURCES, _compiled(), strict=True):
        if pattern.search(text):
            return source[:60]
    return "(tail: no own match)"


Gold = tuple[Counter[str], str, str]  # shingles the output misses, gold words, output words


def lost(paragraph: str, gold: Gold) -> bool:
    """Whether removing a paragraph lost gold text: half its shingles are gold shingles our output misses
    (for a paragraph shorter than a shingle: its words are in the gold and not in our output)."""
    missing, gold_words, out_words = gold
    if len(TOKEN.findall(paragraph)) < NGRAM:
        phrase = f" {words(paragraph)} "
        return phrase.strip() != "" and phrase in f" {gold_words} " and phrase not in f" {out_words} "
    return in_gold(paragraph, missing, "")


def verdict(folder: str, case: dict[str, Any], text: str, gold: Gold | None) -> str:
    """``false`` (the paragraph is gold body), ``true`` (it is not) or ``unknown``."""
    if gold is not None:
        return "false" if lost(text, gold) else "true"
    if folder == "promo":
        return "false" if any(contains(text, m) or contains(m, text) for m in case["must_have"]) else "true"
    if any(contains(text, m) for m in case.get("with") or []):
        return "false"
    return "true" if any(contains(text, m) for m in case.get("without") or []) else "unknown"


class RemovalTally:
    """Counts of false, true and unknown removals per stage and per promo rule."""

    def __init__(self) -> None:
        self.stages: dict[str, Counter[str]] = defaultdict(Counter)
        self.rules: dict[str, Counter[str]] = defaultdict(Counter)
        self.examples: dict[str, list[str]] = defaultdict(list)

    def add(self, folder: str, case: dict[str, Any], reasons: Iterable[tuple[str, str]], output: str) -> None:
        """Judge the removals of one page; ``output``: our text of the page."""
        key = FULL_GOLD.get(folder)
        gold: Gold | None = None
        if key:  # what the gold has that our output lacks: a removal there lost text
            body = case.get(key) or ""
            gold = (shingles(body) - shingles(output), words(body), words(output))
        for stage, text in reasons:
            judged = verdict(folder, case, text, gold)
            self.stages[stage][judged] += 1
            if stage in PROMO_STAGES:
                self.rules[promo_source(text)][judged] += 1
            if judged == "false" and len(self.examples[stage]) < 3:
                self.examples[stage].append(text[:100])

    @staticmethod
    def _line(name: str, counts: Counter[str]) -> str:
        false, true = counts["false"], counts["true"]
        flag = "  TOO MANY" if false > max(true, 1) * MAX_RATIO and false > 1 else ""
        return f"  {name:<62} {false:>6} {true:>6} {counts['unknown']:>8}{flag}"

    def table(self) -> str:
        lines = ["", "removals, all folders: false = in the gold body, true = not in it",
                 f"  {'stage':<62} {'false':>6} {'true':>6} {'unknown':>8}"]  # fmt: skip
        for stage, counts in sorted(self.stages.items(), key=lambda kv: -sum(kv[1].values())):
            lines.append(self._line(stage, counts))
        lines.append(f"  {'promo rule (promo and tail stages)':<62}")
        ranked = sorted(self.rules.items(), key=lambda kv: (-kv[1]["false"], -kv[1]["true"]))
        shown = [(rule, counts) for rule, counts in ranked if counts["false"] or counts["true"] > 4]
        lines += [self._line(rule, counts) for rule, counts in shown]
        lines.append("  false removals, examples per stage:")
        for stage, texts in sorted(self.examples.items()):
            lines += [f"    {stage}: {t}" for t in texts]
        return "\n".join(lines)
