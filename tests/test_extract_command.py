"""`newscrawl extract`: saved pages in (files or a manifest), one JSON line per page out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newscrawl.cli import main
from pipelines.extract import MAX_HTML_CHARS

TOPICS = {  # each page's own article text: only the promo repeats across the site
    "Alibaba": "raised its forecast for the full year, citing strong demand from data centres",
    "Tencent": "cut its dividend after a weak quarter in its games business and lower advertising sales",
    "Nvidia": "announced a new chip for laptops that will ship in the spring with several partners",
    "Siemens": "won a large order for wind turbines from a utility in the north of the country",
}
PROMO = "Our analysts rate {company} a strong buy for the coming months."  # a shape no rule names


def paragraphs(company: str) -> list[str]:
    return [
        f"Shares of {company} moved on Tuesday after the company {TOPICS[company]}.",
        f"Analysts who follow {company} welcomed the news that it {TOPICS[company]}, and some of them "
        "changed their price targets in notes to clients on the same day.",
    ]


def page(company: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in [*paragraphs(company), PROMO.format(company=company)])
    return (
        f"<html><head><title>{company} raises forecast</title>"
        '<meta name="author" content="Jane Doe"></head>'
        f"<body><article><h1>{company} raises forecast</h1>{body}</article></body></html>"
    )


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]], str]:
    code = main(["extract", "--quiet", "--no-entities", *argv])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def write_manifest(folder: Path, companies: list[str]) -> Path:
    pages = folder / "pages"
    pages.mkdir()
    lines = []
    for i, company in enumerate(companies):
        name = f"p{i}.html.gz" if i % 2 else f"p{i}.html"
        data = page(company).encode()
        (pages / name).write_bytes(gzip.compress(data) if i % 2 else data)
        lines.append({"id": f"case-{i}", "html_file": f"pages/{name}", "url": f"https://news.example/a/{i}"})
    manifest = folder / "cases.jsonl"
    manifest.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return manifest


def test_manifest_pages_give_one_line_each_with_the_id_copied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path, ["Alibaba", "Tencent"])
    code, rows, err = run(["--manifest", str(manifest)], capsys)
    assert (code, err) == (0, "")
    assert [r["id"] for r in rows] == ["case-0", "case-1"]
    assert [r["url"] for r in rows] == ["https://news.example/a/0", "https://news.example/a/1"]
    assert rows[1]["title"] == "Tencent raises forecast"  # read from a .html.gz file
    assert rows[1]["authors"] == ["Jane Doe"]
    # the promo, a call to action ("buy") on both pages of the site, is learned from two pages
    assert rows[1]["text"] == "\n\n".join(paragraphs("Tencent"))
    assert rows[1]["language"] == "en"


def test_site_learning_applies_across_the_pages_of_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    companies = ["Alibaba", "Tencent", "Nvidia", "Siemens"]
    code, rows, _ = run(["--manifest", str(write_manifest(tmp_path, companies))], capsys)
    assert code == 0
    # two passes: the first pages are cleaned with what the whole run learned, not only the later ones
    learned = {"headline": 1, "learned": 1}  # the <h1> repeated at the top of the body, and the promo
    assert [r["removed"] for r in rows] == [learned] * 4
    assert [r["text"] for r in rows] == ["\n\n".join(paragraphs(c)) for c in companies]


def test_an_unreadable_file_is_reported_and_the_others_still_come_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.html"
    good.write_text(page("Alibaba"), encoding="utf-8")
    missing = tmp_path / "missing.html"
    code, rows, err = run([str(missing), str(good)], capsys)
    assert code == 1
    assert err == f"newscrawl: error: cannot read {missing}: No such file or directory\n"
    assert [(r["id"], r["error"]) for r in rows] == [
        (str(missing), f"cannot read {missing}: No such file or directory"),
        (str(good), None),
    ]


def test_bad_pages_give_an_empty_text_and_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = {
        "empty.html": b"",
        "binary.html": b"\x00\x01\x02PNG" * 100,
        "huge.html": b"<p>" + b"x" * MAX_HTML_CHARS + b"</p>",
        "nested.html": b"<html><body>" + b"<div>" * 50_000 + b"</body></html>",
        "no_article.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    }
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
    code, rows, err = run([str(tmp_path / name) for name in inputs], capsys)
    assert (code, err) == (0, "")
    assert [(r["text"], r["error"]) for r in rows] == [
        ("", "empty_body"),
        ("", "binary"),
        ("", "too_large"),
        ("", "no_text"),
        ("", "no_text"),
    ]


def test_a_bad_manifest_line_is_one_line_of_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "cases.jsonl"
    manifest.write_text('{"id": 1, "html_file": "a.html"}\nnot json\n', encoding="utf-8")
    code, rows, err = run(["--manifest", str(manifest)], capsys)
    assert (code, rows) == (2, [])
    assert err.startswith(f"newscrawl: error: {manifest}:2: not a manifest line (")
    assert err.count("\n") == 1
