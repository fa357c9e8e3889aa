"""Extraction benchmark: our pipeline (the code of ``newscrawl extract``) against bare trafilatura.

Reads ``../shared/corpus`` in place and prints one table plus the ten worst pages::

    .venv/bin/python bench/eval_extraction.py [--folders fundus,promo] [--limit 20]

Body text is scored like the article-extraction benchmark: ``\\w+`` tokens, 4-token shingles with
clipped counts, tp/fp/fn normalised per page, precision and recall averaged over pages, F1 from
the averages. Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura
from tqdm import tqdm

from newscrawl.cli import process, read_html
from pipelines.boilerplate import BoilerplateMemory

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("fundus", "promo", "trafilatura-eval")
TOKEN = re.compile(r"\w+")
NGRAM = 4
SYSTEMS = ("ours", "trafilatura")


# ---------------------------------------------------------------- scoring helpers


def shingles(text: str, n: int = NGRAM) -> Counter[str]:
    tokens = TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_match(gold: str, pred: str) -> tuple[float, float, float]:
    """Clipped-count tp, fp, fn of 4-token shingles, normalised to sum to 1 for the page."""
    true, guess = shingles(gold), shingles(pred)
    tp = sum((true & guess).values())
    fp = sum((guess - true).values())
    fn = sum((true - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(matches: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages, F1 from the two averages."""
    pages = list(matches)
    if not pages:
        return 0.0, 0.0, 0.0
    precision = statistics.fmean(tp / (tp + fp) if tp + fp else 0.0 for tp, fp, _ in pages)
    recall = statistics.fmean(tp / (tp + fn) if tp + fn else 0.0 for tp, _, fn in pages)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


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


# ---------------------------------------------------------------- running the systems


@dataclass
class Output:
    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    seconds: float = 0.0


def run_ours(html: str, url: str | None, memory: BoilerplateMemory) -> Output:
    article = process(html, url, memory, debug=False)
    seconds = float((article.get("timings") or {}).get("extract_clean", 0.0))
    return Output(
        text=article.get("text") or "",
        title=article.get("title"),
        authors=list(article.get("authors") or []),
        date=article.get("published"),
        language=article.get("language"),
        seconds=seconds,
    )


def run_trafilatura(html: str, url: str | None, with_metadata: bool) -> Output:
    start = time.perf_counter()
    try:
        text = trafilatura.extract(html, url=url, include_comments=False) or ""
    except Exception:  # the baseline must not stop the benchmark
        text = ""
    seconds = time.perf_counter() - start
    out = Output(text=text, seconds=seconds)
    if not with_metadata:
        return out
    try:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    except Exception:
        doc = None
    if doc is not None:
        out.title = getattr(doc, "title", None)
        out.authors = gold_authors(getattr(doc, "author", None))
        out.date = getattr(doc, "date", None)
        out.language = getattr(doc, "language", None)
    return out


# ---------------------------------------------------------------- per-page evaluation


@dataclass
class Page:
    folder: str
    case: dict[str, Any]
    out: dict[str, Output]
    match: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    badness: float = 0.0
    kept: list[str] = field(default_factory=list)  # what ours wrongly kept
    lost: list[str] = field(default_factory=list)  # what ours wrongly lost


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text or "") if p.strip()]


def diff_paragraphs(gold: str, pred: str) -> tuple[list[str], list[str]]:
    """Predicted paragraphs mostly absent from gold (kept) and gold paragraphs mostly missed (lost)."""
    gold_sh, pred_sh = shingles(gold), shingles(pred)

    def outside(par: str, other: Counter[str]) -> bool:
        own = shingles(par)
        return sum(own.values()) > 0 and sum((own & other).values()) < 0.5 * sum(own.values())

    return (
        [p for p in paragraphs(pred) if outside(p, gold_sh)],
        [p for p in paragraphs(gold) if outside(p, pred_sh)],
    )


def score_page(page: Page) -> None:
    case, ours = page.case, page.out["ours"]
    if page.folder == "fundus":
        gold = case.get("body_text") or ""
        for name in SYSTEMS:
            page.match[name] = shingle_match(gold, page.out[name].text)
        p, r, _ = prf([page.match["ours"]])
        page.badness = 1 - (2 * p * r / (p + r) if p + r else 0.0)
        page.kept, page.lost = diff_paragraphs(gold, ours.text)
    elif page.folder == "promo":
        page.kept = [m for m in case["must_not"] if contains(ours.text, m)]
        page.lost = [m for m in case["must_have"] if not contains(ours.text, m)]
        page.badness = len(page.kept) / max(len(case["must_not"]), 1) + len(page.lost) / max(
            len(case["must_have"]), 1
        )
    else:
        page.kept = [m for m in case.get("without") or [] if contains(ours.text, m)]
        page.lost = [m for m in case.get("with") or [] if not contains(ours.text, m)]
        total = len(case.get("with") or []) + len(case.get("without") or [])
        page.badness = (len(page.kept) + len(page.lost)) / max(total, 1)


def load_cases(folder: str, limit: int | None) -> list[dict[str, Any]]:
    path = CORPUS / folder / "cases.jsonl"
    if not path.is_file():
        sys.exit(f"eval_extraction: {path} is missing (the corpus is read in place from ../shared)")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return cases[:limit] if limit else cases


def run_folder(folder: str, limit: int | None) -> list[Page]:
    memory = BoilerplateMemory()  # one extract run per folder, as `newscrawl extract --manifest`
    pages = []
    for case in tqdm(load_cases(folder, limit), desc=folder, unit="page", file=sys.stderr):
        html = read_html(CORPUS / folder / case["html_file"])
        url = case.get("url")
        out = {
            "ours": run_ours(html, url, memory),
            "trafilatura": run_trafilatura(html, url, with_metadata=folder != "promo"),
        }
        page = Page(folder, case, out)
        score_page(page)
        pages.append(page)
    return pages


# ---------------------------------------------------------------- the table


def pct(values: list[bool]) -> str:
    return f"{100 * sum(values) / len(values):5.1f}% (n={len(values)})" if values else "-"


def metric_rows(folder: str, pages: list[Page]) -> list[tuple[str, Callable[[str], str]]]:
    rows: list[tuple[str, Callable[[str], str]]] = []
    if folder == "fundus":
        for i, label in enumerate(("body precision", "body recall", "body F1")):
            rows.append((label, body_score(pages, i)))
    if folder == "promo":
        rows.append(
            (
                "promo lines leaked",
                lambda s: pct([contains(p.out[s].text, m) for p in pages for m in p.case["must_not"]]),
            )
        )
        rows.append(
            (
                "body paragraphs kept",
                lambda s: pct([contains(p.out[s].text, m) for p in pages for m in p.case["must_have"]]),
            )
        )
    if folder == "trafilatura-eval":
        rows.append(
            (
                "`with` present",
                lambda s: pct([contains(p.out[s].text, m) for p in pages for m in p.case.get("with") or []]),
            )
        )
        rows.append(
            (
                "`without` absent",
                lambda s: pct(
                    [not contains(p.out[s].text, m) for p in pages for m in p.case.get("without") or []]
                ),
            )
        )
    if folder != "promo":
        title_key, author_key, date_key = (
            ("title", "authors", "publishing_date") if folder == "fundus" else ("title", "author", "date")
        )
        rows.append(
            (
                "title exact",
                lambda s: pct(
                    [norm(p.out[s].title) == norm(p.case[title_key]) for p in pages if p.case.get(title_key)]
                ),
            )
        )
        rows.append(
            (
                "authors all found",
                lambda s: pct(
                    [
                        authors_found(gold_authors(p.case[author_key]), p.out[s].authors)
                        for p in pages
                        if gold_authors(p.case.get(author_key))
                    ]
                ),
            )
        )
        rows.append(
            (
                "date same day",
                lambda s: pct(
                    [same_day(p.case[date_key], p.out[s].date) for p in pages if p.case.get(date_key)]
                ),
            )
        )
    if folder == "fundus":
        rows.append(
            (
                "language",
                lambda s: pct(
                    [
                        (p.out[s].language or "").split("-")[0] == p.case["language"]
                        for p in pages
                        if p.case.get("language")
                    ]
                ),
            )
        )
    for q, label in ((50, "median ms/page *"), (90, "p90 ms/page *")):
        rows.append((label, time_score(pages, q)))
    return rows


def body_score(pages: list[Page], index: int) -> Callable[[str], str]:
    return lambda system: f"{prf(p.match[system] for p in pages)[index]:.3f}"


def time_score(pages: list[Page], q: int) -> Callable[[str], str]:
    return lambda system: f"{quantile([p.out[system].seconds for p in pages], q) * 1000:.1f}"


def quantile(values: list[float], q: int) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def table(results: dict[str, list[Page]]) -> str:
    lines = [f"{'folder':<17} {'metric':<22} {'ours':>22} {'trafilatura':>22}", "-" * 86]
    for folder, pages in results.items():
        for label, value in metric_rows(folder, pages):
            lines.append(f"{folder:<17} {label:<22} {value('ours'):>22} {value('trafilatura'):>22}")
        lines.append("")
    all_pages = [p for pages in results.values() for p in pages]
    ratio = quantile([p.out["ours"].seconds for p in all_pages], 50) / max(
        quantile([p.out["trafilatura"].seconds for p in all_pages], 50), 1e-9
    )
    lines.append(f"median time ratio ours / trafilatura, all pages: {ratio:.2f}x")
    lines.append("* ours: extraction + cleaning (metadata included; language and entities not)")
    return "\n".join(lines)


def short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def worst(results: dict[str, list[Page]], n: int = 10) -> str:
    pages = sorted((p for ps in results.values() for p in ps), key=lambda p: -p.badness)[:n]
    lines = [f"\n{n} worst pages (ours)"]
    for page in pages:
        name = page.case.get("id") or page.case.get("html_file")
        lines.append(f"- [{page.folder}] {name} badness={page.badness:.2f} {page.case.get('url', '')}")
        lines += [f"    kept: {short(t)}" for t in page.kept[:4]]
        lines += [f"    lost: {short(t)}" for t in page.lost[:4]]
        if not page.out["ours"].text:
            lines.append("    (ours extracted nothing)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folders", default=",".join(FOLDERS), help="comma-separated corpus folders")
    parser.add_argument("--limit", type=int, default=None, help="at most this many pages per folder")
    parser.add_argument("--json", help="also write per-page results to this JSON lines file")
    args = parser.parse_args(argv)
    folders = [f.strip() for f in args.folders.split(",") if f.strip()]
    unknown = set(folders) - set(FOLDERS)
    if unknown:
        parser.error(f"unknown folders: {', '.join(sorted(unknown))}")
    results = {folder: run_folder(folder, args.limit) for folder in folders}
    print(table(results))
    print(worst(results))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            for pages in results.values():
                for p in pages:
                    row = {
                        "folder": p.folder,
                        "id": p.case.get("id") or p.case.get("html_file"),
                        "badness": p.badness,
                        "kept": p.kept,
                        "lost": p.lost,
                        "title": [p.out["ours"].title, p.case.get("title")],
                        "authors": [p.out["ours"].authors, p.case.get("authors") or p.case.get("author")],
                        "date": [p.out["ours"].date, p.case.get("publishing_date") or p.case.get("date")],
                        "language": [p.out["ours"].language, p.case.get("language")],
                    }
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
