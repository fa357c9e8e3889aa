"""The paragraph-classifier experiment: could a model over general features (``bench/paragraph_features.py``),
trained on the ``tune`` half of ../shared/corpus, remove what the rules leave?

    .venv/bin/python -m pip install -r requirements-train.txt
    .venv/bin/python bench/train_paragraphs.py [--dump paragraphs.jsonl]

Every page goes through ``newscrawl extract``'s first pass and the rule-based cleaning; what the rules
leave is labelled: boilerplate when it is not in the gold body (fundus, wcxb articles), a ``must_not``
line (promo) or a ``without`` snippet (trafilatura-eval); content when it is in the gold body, a
``must_have`` line or holds a ``with`` snippet; others are left out. A logistic regression over the
standardised features is fitted on ``tune``; the threshold is the lowest at which the paragraphs removed
on ``tune`` hold at most one content paragraph per 20 boilerplate ones. The same counts on ``check`` are
printed next to the rules alone (the baseline: the classifier removes nothing). Measured on 2026-12-08:
no threshold meets 20:1 (logistic regression, also with pairwise interactions, and gradient boosting);
random forests and extra trees reach it on ``check`` only with what a "no letter or digit" rule already
removes, and not stably across seeds. So no model is shipped; ``--dump`` writes the labelled paragraphs
for other experiments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.paragraph_features import FEATURES, features  # noqa: E402
from bench.scoring import FULL_GOLD, contains, half, in_gold, shingles, words  # noqa: E402
from newscrawl.cli import first_pass, read_html  # noqa: E402
from pipelines.boilerplate import BoilerplateMemory  # noqa: E402
from pipelines.clean import clean  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("fundus", "wcxb", "promo", "trafilatura-eval")
MAX_RATIO = 1 / 20  # content paragraphs removed per boilerplate paragraph removed, at most


def cases(folder: str) -> list[dict[str, Any]]:
    path = CORPUS / folder / "cases.jsonl"
    if not path.is_file():
        sys.exit(f"train_paragraphs: {path} is missing (the corpus is read in place from ../shared)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return [r for r in rows if folder != "wcxb" or r.get("page_type") == "article"]


def label(folder: str, case: dict[str, Any], text: str) -> int | None:
    """1 boilerplate, 0 content, None unknown."""
    key = FULL_GOLD.get(folder)
    if key:
        body = case.get(key) or ""
        return 0 if in_gold(text, shingles(body), words(body)) else 1
    if folder == "promo":
        if any(contains(text, m) for m in case["must_not"]):
            return 1
        return 0 if any(contains(text, m) or contains(m, text) for m in case["must_have"]) else None
    if any(contains(text, m) for m in case.get("with") or []):
        return 0
    return 1 if any(contains(text, m) for m in case.get("without") or []) else None


def samples(folder: str) -> Iterator[tuple[str, list[float], int, int]]:
    """(half, features, label, words) of every labelled paragraph the rules leave, page by page."""
    memory = BoilerplateMemory()
    firsts = []
    for case in cases(folder):
        html = read_html(CORPUS / folder / case["html_file"])
        firsts.append((case, first_pass(html, case.get("url"), memory)))
    for case, article in firsts:
        if article.get("error"):
            continue
        site = article["site"]
        kept = clean(article["blocks"], article.get("title"), article.get("authors") or [],
                     memory.learned(site), memory.headlines(site)).blocks  # fmt: skip
        counts = [memory.page_count(site, b.text) for b in kept]
        for block, row in zip(kept, features(kept, article.get("title"), counts), strict=True):
            y = label(folder, case, block.text)
            if y is not None:
                yield half(case.get("url")), row, y, len(block.text.split())


def counts(probs: list[float], labels: list[int], threshold: float) -> tuple[int, int]:
    """(boilerplate removed, content removed) at a threshold."""
    removed = [y for p, y in zip(probs, labels, strict=True) if p >= threshold]
    return sum(removed), len(removed) - sum(removed)


def pick_threshold(probs: list[float], labels: list[int]) -> float:
    """The lowest threshold whose removals keep content under MAX_RATIO of boilerplate."""
    for threshold in [t / 100 for t in range(50, 100)]:
        good, bad = counts(probs, labels, threshold)
        if good and bad <= MAX_RATIO * good:
            return threshold
    return 1.01  # nothing is removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dump", help="also write the labelled paragraphs (half, features, label, words)")
    args = parser.parse_args(argv)
    try:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        sys.exit("train_paragraphs: scikit-learn is missing; `make train` installs requirements-train.txt")
    data: dict[str, list[tuple[list[float], int, int]]] = {"tune": [], "check": []}
    for folder in FOLDERS:
        for which, row, y, n in samples(folder):
            data[which].append((row, y, n))
        print(f"{folder}: {len(data['tune'])} tune and {len(data['check'])} check paragraphs so far",
              file=sys.stderr)  # fmt: skip
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for which, rows in data.items():
                for row, y, n in rows:
                    out.write(json.dumps([which, row, y, n]) + "\n")
    x = np.array([r for r, _, _ in data["tune"]], dtype=float)
    y = np.array([t for _, t, _ in data["tune"]], dtype=int)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    fit = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit((x - mean) / scale, y)
    weights, intercept = fit.coef_[0], float(fit.intercept_[0])

    def probabilities(rows: list[list[float]]) -> list[float]:
        z = intercept + ((np.array(rows, dtype=float) - mean) / scale) @ weights
        return list(1 / (1 + np.exp(-z)))

    tune_p = probabilities([r for r, _, _ in data["tune"]])
    threshold = pick_threshold(tune_p, [t for _, t, _ in data["tune"]])
    none = " (none meets 20:1: nothing is removed)" if threshold > 1 else ""
    print(f"threshold picked on tune: {threshold}{none}")
    head = f"{'half':<6} {'paragraphs':>10} {'boilerplate':>11}"
    print(f"{head}   {'rules alone':>22}   {'rules + classifier':>26}")
    for which, rows in data.items():
        probs = probabilities([r for r, _, _ in rows])
        labels = [t for _, t, _ in rows]
        good, bad = counts(probs, labels, threshold)
        print(f"{which:<6} {len(rows):>10} {sum(labels):>11}   {'0 removed':>22}   "
              f"{good:>5} boilerplate, {bad:>3} content removed")  # fmt: skip
    print("weights (standardised features):")
    for name, weight in sorted(zip(FEATURES, weights, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<20} {weight:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
