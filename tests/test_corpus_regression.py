"""A few regression checks on the shared corpus, read in place (it must be there: no silent skip)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from newscrawl.cli import process, read_html
from pipelines.boilerplate import BoilerplateMemory


def cases(shared: Path, folder: str) -> list[dict[str, Any]]:
    path = shared / "corpus" / folder / "cases.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def test_promo_site_leaks_no_promo_and_keeps_the_body(shared: Path) -> None:
    memory = BoilerplateMemory()
    leaked, lost, total = [], 0, 0
    for case in cases(shared, "promo")[:12]:
        html = read_html(shared / "corpus" / "promo" / case["html_file"])
        text = words(process(html, case["url"], memory, debug=False)["text"])
        leaked += [m for m in case["must_not"] if words(m) in text]
        lost += sum(words(m) not in text for m in case["must_have"])
        total += len(case["must_have"])
    assert leaked == []
    assert lost <= total * 0.01


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
