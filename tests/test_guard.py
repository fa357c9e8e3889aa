"""The never-worse guard: a failed result is recognised and bare trafilatura's output taken instead."""

from __future__ import annotations

from pipelines.extract import Block, guard
from pipelines.guard import navigation_like, prefer_theirs, suspicion

PROSE = [
    "The central bank left its key rate unchanged on Thursday, as most economists had expected, and "
    "said it would watch the labour market closely before it moves again later in the year.",
    "Inflation slowed for a third month in a row, helped by lower energy prices, but the prices of "
    "services kept rising faster than the bank would like, its governor told reporters afterwards.",
    "Markets took the decision calmly: the currency barely moved and government bond yields fell a "
    "little, while the main share index closed slightly higher on the day in thin trading.",
]
MENU = ["Home", "News", "Markets", "Economy", "Tech", "Opinion", "Video", "Podcasts", "Newsletters"]


def blocks(texts: list[str]) -> list[Block]:
    return [Block("p", t) for t in texts]


def page() -> str:
    paragraphs = "".join(f"<p>{t}</p>" for t in PROSE)
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    return (
        "<html><head><title>Rates on hold</title></head><body>"
        f"<nav><ul>{menu}</ul></nav><article><h1>Rates on hold</h1>{paragraphs}</article></body></html>"
    )


def test_a_menu_is_navigation_like_and_prose_is_not() -> None:
    assert navigation_like(blocks(MENU)) is True
    assert navigation_like(blocks(PROSE)) is False
    assert navigation_like(blocks(MENU[:5])) is False  # too few lines to tell


def test_suspicion_names_why_a_result_needs_a_second_look() -> None:
    assert suspicion(blocks(MENU)) == "navigation"
    assert suspicion([]) == "empty"
    assert suspicion(blocks(PROSE[:1])) is None  # short is no sign of failure


def test_theirs_win_only_over_a_menu_or_nothing() -> None:
    assert prefer_theirs(blocks(MENU), blocks(PROSE)) is True
    assert prefer_theirs([], blocks(PROSE)) is True
    assert prefer_theirs(blocks(PROSE[:1]), blocks(PROSE)) is False  # a part of theirs: ours were cleaned
    assert prefer_theirs(blocks(["A short unrelated line about the weather today."]), blocks(PROSE)) is False
    assert prefer_theirs(blocks(PROSE), blocks(MENU)) is False  # never fall back to a menu
    assert prefer_theirs(blocks(MENU), blocks(MENU * 2)) is False  # menu for menu: not worth it
    assert prefer_theirs(blocks(MENU[:8]), blocks(MENU * 4)) is True  # a list three times as long: a ticker


def test_guard_falls_back_to_bare_trafilatura_and_says_so() -> None:
    kept, reasons = guard(blocks(MENU), page(), "https://news.example/rates")
    assert [b.text for b in kept][-3:] == PROSE
    assert [r for r, _ in reasons] == ["guard_fallback"] * len(MENU)
    same, none = guard(blocks(PROSE), page(), "https://news.example/rates")
    assert ([b.text for b in same], none) == (PROSE, [])
