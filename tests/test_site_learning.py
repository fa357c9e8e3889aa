"""Site learning: the masking of names and numbers, page thresholds, headline teasers, re-cleaning."""

from __future__ import annotations

from pathlib import Path

from pipelines.boilerplate import BoilerplateMemory, headline_key, label_key, learnable, masked, shape
from pipelines.clean import clean, reclean
from pipelines.cues import cue_words, load_cues, looks_like_call
from pipelines.extract import Block

BODY = [
    Block("p", "Shares of the chip maker rose sharply on Tuesday after the company raised its forecast."),
    Block("p", "Analysts said the guidance was well above expectations and lifted their price targets."),
]


def test_names_are_masked_at_a_line_start_in_compounds_and_as_tickers() -> None:
    assert masked("Alibaba stock: buy or sell?") == "n stock: buy or sell?"  # a name at the line start
    assert masked("Die Alibaba-Aktie: kaufen oder verkaufen?") == "n: kaufen oder verkaufen?"  # compound
    assert masked("Is $BABA (NYSE: BABA) a buy at 85.20 dollars?") == "n $n (n: n) a buy at 0 dollars?"
    assert masked("Nvidia's chips sold out") == "n's chips sold out"
    assert shape("Sollten Anleger jetzt SAP-Aktien kaufen?") == shape(
        "Sollten Anleger jetzt BASF-Aktien kaufen?"
    )
    assert shape("Alibaba: buy or sell?") == shape("Tencent Holdings: buy or sell?")


def test_names_alone_are_not_learnable() -> None:
    assert learnable("Key Takeaways") is False  # "N": the shape of every heading of capitalised words
    assert learnable("BREAKING NEWS") is False
    assert learnable("Alibaba: buy or sell?") is True
    assert learnable(" ".join(["word"] * 61)) is False  # long paragraphs are never learned


def test_cue_words_come_from_the_data_files(tmp_path: Path) -> None:
    (tmp_path / "xx.txt").write_text("# a comment\nKaufen  # inline comment\n\nyou\n", encoding="utf-8")
    assert load_cues(tmp_path) == frozenset({"kaufen", "you"})
    assert cue_words("Die Alibaba-Aktie jetzt kaufen") == ["aktie", "jetzt", "kaufen"]
    assert looks_like_call("Is it time to act?") is True  # a question
    assert looks_like_call("The company reported higher revenue in the quarter.") is False


def test_a_call_to_action_counts_from_two_pages_other_lines_from_three() -> None:
    memory = BoilerplateMemory()
    call = "Should investors sell {} immediately?"
    plain = "Our coverage of {} continues in the morning edition."
    for page, company in (("/a", "Alibaba"), ("/b", "Tencent")):
        memory.observe("site", page, [call.format(company), plain.format(company)])
    assert memory.learned("site") == {shape(call.format("X"))}
    memory.observe("site", "/c", [plain.format("Nvidia")])
    assert memory.learned("site") == {shape(call.format("X")), shape(plain.format("X"))}


def test_a_shape_repeated_within_one_page_is_the_page_s_pattern_not_a_template() -> None:
    memory = BoilerplateMemory()
    for page in ("/a", "/b", "/c"):
        memory.observe(
            "site", page, ["YouTube TV: further considerations", "Sling TV: further considerations"]
        )
    assert memory.learned("site") == frozenset()


def test_a_paragraph_that_is_another_article_s_headline_is_a_teaser() -> None:
    memory = BoilerplateMemory()
    memory.observe("site", "/a", [], title="Alibaba shares jump after a strong quarter")
    memory.observe("site", "/b", [], title="Tencent cuts its dividend for the first time")
    teasers = [
        Block("p", "Alibaba shares jump after a strong quarter"),  # the headline itself
        Block(
            "p", "Tencent cuts its dividend for the first time. The games maker said on Monday."
        ),  # + blurb
        Block("p", "Tencent cuts its dividend for…"),  # cut short
    ]
    own = Block("p", "Alibaba shares jump after a strong quarter, and the analysts agree.")
    body = [*BODY, BODY[0], BODY[1]]  # the teasers stand after the top, where a repeated headline goes
    title = "Alibaba shares jump after a strong quarter"
    result = clean([*body, *teasers], title=title, headlines=memory.headlines("site"))
    assert result.removed == {"teaser_headline": 2, "duplicate": 2}  # its own headline is no teaser
    assert [b.text for b in result.blocks] == [*(b.text for b in BODY), teasers[0].text]
    result = clean([*BODY, own], title="Something else entirely here", headlines=memory.headlines("site"))
    assert result.removed == {"teaser_headline": 1}  # headline, then more words
    assert headline_key("Live") == ""  # too short to be compared


def test_reclean_applies_what_was_learned_later_to_a_stored_text() -> None:
    memory = BoilerplateMemory()
    for page, company in (("/a", "Alibaba"), ("/b", "Tencent")):
        memory.observe(
            "site", page, [f"Should investors sell {company} now?"], title=f"{company} news of the day"
        )
    stored = "\n\n".join(
        [BODY[0].text, "Should investors sell Nvidia now?", "Tencent news of the day", BODY[1].text]
    )
    result = reclean(stored, "Nvidia news of the day", memory.learned("site"), memory.headlines("site"))
    assert result.text == f"{BODY[0].text}\n\n{BODY[1].text}"
    assert result.removed == {"learned": 1, "teaser_headline": 1}


def test_duplicates_spare_list_items_table_rows_and_short_answers() -> None:
    blocks = [
        *BODY,
        Block("li", "Free shipping"),
        Block("li", "Free shipping"),
        Block("table", "Price 10 USD"),
        Block("table", "Price 10 USD"),
        Block("p", "Yes."),
        Block("p", "Yes."),
        Block("p", BODY[0].text),
    ]
    result = clean(blocks)
    assert result.removed == {"duplicate": 1}
    assert [b.text for b in result.blocks] == [b.text for b in blocks[:-1]]


def test_a_label_the_site_puts_before_other_headlines_is_learned() -> None:
    memory = BoilerplateMemory()
    memory.observe("site", "/a", ["READ MORE: Death toll in Valencia fire rises to ten"])
    memory.observe("site", "/b", ["READ MORE: Green hydrogen pipeline flagged by the ministry"])
    assert label_key("Read more: Anything at all") == "label:read more"
    assert label_key("The plan is simple: buy low.") is None  # five words before the colon: no label
    result = clean(
        [*BODY, Block("p", "READ MORE: Harry and Meghan snubbed again")], learned=memory.learned("site")
    )
    assert result.removed == {"learned": 1}


def test_labels_of_lines_that_repeat_within_a_page_are_not_learned() -> None:
    memory = BoilerplateMemory()
    for page in ("/a", "/b", "/c"):
        memory.observe("site", page, ["Video: 4K/30p with no crop", "Video: 4K/60p with no crop"])
    assert memory.learned("site") == frozenset()


def test_a_promo_placed_twice_on_a_page_is_still_learned() -> None:
    memory = BoilerplateMemory()
    memory.observe("site", "/a", ["READ MORE: Nepal says no proof of a bird strike"] * 2)
    memory.observe("site", "/b", ["READ MORE: Green hydrogen pipeline flagged"])
    assert "label:read more" in memory.learned("site")


def test_a_page_s_own_pattern_stays_unlearned_after_a_reload(tmp_path: Path) -> None:
    from pipelines import database

    db = database.open_db(tmp_path / "news.db")
    first = BoilerplateMemory(db=db)
    first.observe("site", "/a", ["YouTube TV: further considerations", "Sling TV: further considerations"])
    first.save()
    later = BoilerplateMemory(db=db)  # a later crawl: the pattern was seen twice on one page before
    for page in ("/b", "/c", "/d"):
        later.observe("site", page, ["Hulu TV: further considerations"])
    assert later.learned("site") == frozenset()


def test_the_shipped_cue_lists_load() -> None:
    from pipelines.cues import CUES_DIR, cues

    assert sorted(p.name for p in CUES_DIR.glob("*.txt")) == ["de.txt", "en.txt"]
    assert {"you", "subscribe", "jetzt", "kostenlos"} <= cues()
