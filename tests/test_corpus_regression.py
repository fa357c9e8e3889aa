"""A few regression checks on the shared corpus, read in place (it must be there: no silent skip)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from newscrawl.cli import first_pass, process, read_html, second_pass
from pipelines.boilerplate import BoilerplateMemory


def cases(shared: Path, folder: str) -> list[dict[str, Any]]:
    path = shared / "corpus" / folder / "cases.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def test_promo_sites_leak_almost_no_promo_and_keep_the_body(shared: Path) -> None:
    """All 34 pages of the three promo sites, through `newscrawl extract`'s two passes."""
    memory = BoilerplateMemory()
    pages = [
        (case, first_pass(read_html(shared / "corpus" / "promo" / case["html_file"]), case["url"], memory))
        for case in cases(shared, "promo")
    ]
    leaked, lines, lost, total = 0, 0, 0, 0
    for case, article in pages:
        text = words(second_pass(article, memory, debug=False)["text"])
        leaked += sum(words(m) in text for m in case["must_not"])
        lines += len(case["must_not"])
        lost += sum(words(m) not in text for m in case["must_have"])
        total += len(case["must_have"])
    assert (lines, total) == (144, 928)
    assert leaked <= 0.025 * lines
    assert lost <= 0.005 * total


def test_fundus_pages_keep_their_metadata(shared: Path) -> None:
    picked = {"us/TheNewYorker_2023_05_16", "us/WashingtonTimes_2023_04_28", "us/Reuters_2023_05_16"}
    for case in [c for c in cases(shared, "fundus") if c["id"] in picked]:
        html = read_html(shared / "corpus" / "fundus" / case["html_file"])
        article = process(html, case["url"], BoilerplateMemory(), debug=False)
        assert article["title"] == case["title"], case["id"]
        assert article["published"][:10] == case["publishing_date"][:10], case["id"]
        gold = words(case["body_text"])
        # the whole body, not a fragment: most of the gold text's words are there
        assert len(set(words(article["text"]).split()) & set(gold.split())) >= 0.9 * len(set(gold.split()))


def test_no_corpus_page_raises(shared: Path) -> None:
    memory = BoilerplateMemory()
    for case in cases(shared, "trafilatura-eval")[:40]:
        html = read_html(shared / "corpus" / "trafilatura-eval" / case["html_file"])
        article = process(html, case["url"], memory, debug=False)
        assert article["text"] or article["error"]
