"""Body extraction on small pages written for the test, and its robustness on hostile input."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract import Block, drop_boilerplate, extract, find_lead, parse_html, reconcile, standfirst

PARAS = [
    "Shares of the chip maker rose sharply on Tuesday after the company raised its forecast for the "
    "full year, citing strong demand from data centres across Europe and Asia.",
    "Analysts said the guidance was well above expectations and lifted their price targets for the "
    "stock by an average of twelve percent, the biggest revision this year.",
    "The company also announced a new buyback programme worth two billion dollars, to be completed "
    "over the next eighteen months, and confirmed its dividend for the quarter.",
]


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Chip maker raises forecast</title>{head}</head><body>{body}</body></html>"


def article(extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return page(f"<article><h1>Chip maker raises forecast</h1>{paras}{extra}</article>")


def test_extracts_paragraphs_in_order() -> None:
    result = extract(article(), "https://example.com/news/1")
    assert result is not None
    assert [b.text for b in result.blocks if b.kind == "p"] == PARAS


def test_promo_container_dropped_before_extraction() -> None:
    promo = '<div class="promo-box"><p>Nvidia Stock: Buy or Sell?! Find out in our analysis.</p></div>'
    result = extract(article(promo), "https://example.com/news/1")
    assert result is not None
    assert all("Buy or Sell" not in b.text for b in result.blocks)


def test_paywall_marked_paragraphs_are_kept() -> None:
    body = "".join(f'<p class="paywall">{p}</p>' for p in PARAS)
    result = extract(page(f"<article><h1>Title</h1>{body}</article>"), None)
    assert result is not None
    assert [b.text for b in result.blocks if b.kind == "p"] == PARAS


def test_drop_selectors_from_the_site_definition() -> None:
    doc = parse_html(article('<div class="x-box"><p>Site specific junk</p></div>'))
    assert doc is not None
    assert drop_boilerplate(doc, [".x-box", "::bad selector"]) == 1
    assert "Site specific junk" not in doc.text_content()


def test_teaser_card_inside_the_article_dropped_a_nested_article_of_prose_kept() -> None:
    card = '<article class="card"><a href="/x"><h3>Europol takes down a phishing site</h3></a></article>'
    quoted = f'<article class="embed"><p>{PARAS[0]} <a href="/src">Source</a></p></article>'
    doc = parse_html(article(card + quoted))
    assert doc is not None
    assert drop_boilerplate(doc) == 1
    assert "Europol" not in doc.text_content()
    assert PARAS[0] in " ".join(doc.xpath("//article[@class='embed']//text()"))


def test_article_cut_in_sections_that_all_carry_a_boilerplate_word_is_kept() -> None:
    box = '<section class="Report__Section Report__Section--Ads"><p>{}</p></section>'
    sections = "".join(box.format(p) for p in PARAS)
    ad = '<section class="Report__Ads"><p>Buy the new phone today at a special price.</p></section>'
    doc = parse_html(page(f"<article><h1>Chip maker raises forecast</h1>{sections}{ad}</article>"))
    assert doc is not None
    assert drop_boilerplate(doc) == 1
    assert all(p in doc.text_content() for p in PARAS)
    assert "special price" not in doc.text_content()


def test_container_with_most_of_the_text_is_never_dropped() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    doc = parse_html(page(f'<div class="page-hero-ad-hidden">{body}</div>'))
    assert doc is not None
    assert drop_boilerplate(doc) == 0


def test_article_body_confirms_away_short_lines_not_in_it() -> None:
    blocks = [Block("p", p) for p in PARAS]
    teaser = Block("p", "Related: Ten stocks to watch this week")
    kept, gone = reconcile([blocks[0], teaser, *blocks[1:]], "\n".join(PARAS))
    assert kept == blocks
    assert gone == [("article_body", teaser.text)]


def test_article_body_keeps_the_lead_above_the_body() -> None:
    lead = Block("p", "The forecast beat every estimate.")
    kept, _ = reconcile([lead, *[Block("p", p) for p in PARAS]], "\n".join(PARAS))
    assert kept[0] == lead


def test_truncated_article_body_confirms_nothing() -> None:
    blocks = [Block("p", p) for p in PARAS] + [Block("p", "A short closing line.")]
    kept, gone = reconcile(blocks, "\n".join(PARAS) + " ...")
    assert kept == blocks and gone == []


def test_article_body_repairs_an_incomplete_extraction() -> None:
    more = [p.replace("chip maker", "rival") + " More detail follows here." for p in PARAS]
    full = "\n\n".join(PARAS + more + [m + " Again." for m in more])
    kept, gone = reconcile([Block("p", PARAS[0])], full)
    assert [b.text for b in kept] == [" ".join(p.split()) for p in full.split("\n\n")]
    assert gone == [("article_body_repair", PARAS[0])]


def test_article_body_from_json_ld_completes_the_page() -> None:
    extra = [f"Paragraph {i} of the hidden part of the story continues with more words." for i in range(9)]
    body = "\n".join(PARAS + extra)
    ld = json.dumps({"@type": "NewsArticle", "headline": "Chip maker", "articleBody": body})
    html = page(
        f"<article><h1>Chip maker</h1><p>{PARAS[0]}</p></article>",
        f'<script type="application/ld+json">{ld}</script>',
    )
    result = extract(html, None)
    assert result is not None
    assert extra[-1] in " ".join(b.text for b in result.blocks)


def test_visible_standfirst_from_description_is_kept() -> None:
    lead = "The company expects sales to grow by a third as data centre demand keeps rising."
    html = page(
        f'<header><h1>Chip maker</h1><div class="teaser-text">{lead}</div></header>'
        + "<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>",
        f'<meta name="description" content="{lead}">',
    )
    doc = parse_html(html)
    assert doc is not None
    assert find_lead(doc, lead) == lead
    result = extract(html, None)
    assert result is not None
    assert result.blocks[0].text == lead


def test_description_only_in_the_header_above_the_h1_is_not_a_lead() -> None:
    tagline = "The best independent news about chips, markets and the companies behind them."
    doc = parse_html(page(f"<p>{tagline}</p><h1>Chip maker</h1><p>{PARAS[0]}</p>"))
    assert doc is not None
    assert find_lead(doc, tagline) is None


def test_standfirst_named_by_its_class_is_kept_when_the_description_differs() -> None:
    lead = "Europe's banks want to depend less on US payment firms, and a new system is their plan."
    html = page(
        f'<header><h1>Chip maker</h1><div class="article__intro">{lead}</div></header>'
        + "<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>",
        '<meta name="description" content="A text for search engines that the page does not show at all.">',
    )
    doc = parse_html(html)
    assert doc is not None
    assert standfirst(next(doc.iter("h1"))) == lead
    result = extract(html, None)
    assert result is not None
    assert [b.text for b in result.blocks] == [lead, *PARAS]


def test_an_image_caption_or_an_author_box_is_no_standfirst() -> None:
    caption = '<figure><div class="image__description">The bank tower in Frankfurt at night</div></figure>'
    author = '<div class="avatar__description">Jane Doe is a professor of economics in Vilnius</div>'
    doc = parse_html(page(f"<header><h1>Chip maker</h1>{caption}{author}</header><p>{PARAS[0]}</p>"))
    assert doc is not None
    assert standfirst(next(doc.iter("h1"))) is None


def test_xml_declaration_is_parsed() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + article()
    assert parse_html(html) is not None
    assert extract(html, None) is not None


def test_control_characters_in_the_text_do_not_lose_the_body() -> None:
    """Stray C0 control characters (a bell, a group separator) are dropped, not the whole body."""
    noisy = "".join(f"<p>{p[:40]}\x07{p[40:80]}<b>\x1d{p[80:]}</b></p>" for p in PARAS)
    result = extract(page(f"<article><h1>Chip maker raises forecast</h1>{noisy}</article>"), "https://example.com/news/1")
    assert result is not None
    assert [b.text for b in result.blocks if b.kind == "p"] == PARAS


def test_empty_binary_huge_and_nested_inputs_give_none() -> None:
    assert extract("", None) is None
    assert extract("   \n", None) is None
    assert extract(b"\x00\x01\x02\xff" * 100, None) is None
    assert extract("<html><body>" + "x" * 10_000_001 + "</body></html>", None) is None
    assert extract("<div>" * 100_000 + "deep" + "</div>" * 100_000, None) is None
    assert extract("<html><head><title>No body</title></head></html>", None) is None


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=3000), st.binary(max_size=3000)))
def test_extract_never_raises(data: str | bytes) -> None:
    result = extract(data, "https://example.com/a")
    assert result is None or all(b.text for b in result.blocks)


TAGS = st.sampled_from(["div", "p", "span", "article", "section", "ul", "li", "table", "td", "h2", "script"])


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(TAGS, st.text(max_size=80), st.booleans()), max_size=40))
    return "".join(f"<{t}>{txt}" + (f"</{t}>" if close else "") for t, txt, close in parts)


@settings(max_examples=60, deadline=None)
@given(html_soup())
def test_extract_never_raises_on_malformed_markup(html: str) -> None:
    result = extract(html, None)
    assert result is None or all(b.text for b in result.blocks)


def test_body_split_by_an_ad_is_joined() -> None:
    more = [p.replace("company", "group") for p in PARAS]
    first = "".join(f"<p>{p}</p>" for p in PARAS)
    second = "".join(f"<p>{p}</p>" for p in [*more, *more])
    html = page(
        f'<h1>Chip maker raises forecast</h1><div class="body articleBody">{first}</div>'
        f'<div class="ad-slot"><p>Advertisement</p></div><div class="body articleBody">{second}</div>'
    )
    result = extract(html, "https://example.com/news/1")
    assert result is not None
    texts = [b.text for b in result.blocks]
    assert texts[: len(PARAS)] == PARAS
    assert more[0] in texts


def test_headline_with_kicker_repeated_in_body_removed() -> None:
    head = '<meta property="og:title" content="Forecast: Chip maker raises its outlook for the year">'
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = page(f"<article><p>Forecast Chip maker raises its outlook for the year</p>{body}</article>", head)
    result = extract(html, "https://example.com/news/1")
    assert result is not None
    assert [b.text for b in result.blocks] == PARAS
    assert result.removed.get("headline") == 1


def test_parse_html_xml_declaration_and_declared_charset() -> None:
    html = '<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta charset="iso-8859-1"></head>'
    doc = parse_html(html + "<body><p>Grüße aus Köln</p></body></html>")
    assert doc is not None
    assert doc.findtext(".//p") == "Grüße aus Köln"
