"""Page metadata on small pages written for the test: titles, people, dates and their sources."""

from __future__ import annotations

import json

from pipelines.extract import parse_html
from pipelines.metadata import (
    Metadata,
    _trafilatura_authors,
    clean_title,
    normalise_date,
    page_metadata,
    people,
    plain_text,
)


def meta_of(head: str, body: str = "", url: str | None = "https://news.example.com/a") -> Metadata:
    doc = parse_html(f"<html><head>{head}</head><body>{body}<p>Text of the article.</p></body></html>")
    assert doc is not None
    return page_metadata(doc, url)


def ld(obj: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_json_ld_is_trusted_first() -> None:
    m = meta_of(
        ld(
            {
                "@type": "NewsArticle",
                "headline": "Chip maker raises forecast",
                "author": [
                    {"@type": "Person", "name": "Jane Doe"},
                    {"@type": "Organization", "name": "Reuters"},
                ],
                "datePublished": "2025-03-04T10:15:00Z",
                "dateModified": "2025-03-04T12:00:00+0100",
                "isAccessibleForFree": "False",
            }
        )
        + '<meta property="og:title" content="Other title | Example News">'
        + '<meta property="article:published_time" content="2024-01-01T00:00:00Z">'
    )
    assert m.title == "Chip maker raises forecast"
    assert m.authors == ["Jane Doe"]
    assert m.published == "2025-03-04T10:15:00+00:00"
    assert m.modified == "2025-03-04T12:00:00+01:00"
    assert m.date_source == "jsonld"
    assert m.is_free is False


def test_og_title_without_site_name_and_entities_decoded() -> None:
    m = meta_of(
        '<meta property="og:site_name" content="Example News">'
        '<meta property="og:title" content="R&amp;uuml;ckbau: T&amp;uuml;rme gesprengt | Example News">'
    )
    assert m.title == "Rückbau: Türme gesprengt"


def test_site_name_from_the_domain_when_undeclared() -> None:
    assert clean_title("Markets rally - Marketwatch", "marketwatch") == "Markets rally"
    m = meta_of("<title>Markets rally again - Newsdomain</title>", url="https://www.newsdomain.com/x")
    assert m.title == "Markets rally again"


def test_meta_date_then_url_date() -> None:
    m = meta_of('<meta property="article:published_time" content="2025-02-01 08:00:00+01:00">')
    assert (m.published, m.date_source) == ("2025-02-01T08:00:00+01:00", "meta")
    m = meta_of("", url="https://example.com/2024/05/17/story")
    assert (m.published, m.date_source) == ("2024-05-17", "url")


def test_time_element_date() -> None:
    m = meta_of("", body='<time datetime="2023-11-16T09:30:00+02:00">16 Nov</time>', url=None)
    assert (m.published, m.date_source) == ("2023-11-16T09:30:00+02:00", "time")


def test_normalise_date() -> None:
    assert normalise_date("2025-06-05T14:46:12Z") == "2025-06-05T14:46:12+00:00"
    assert normalise_date("2025-06-05") == "2025-06-05"
    assert normalise_date("yesterday") is None
    assert normalise_date(None) is None


def test_people_only() -> None:
    found = people(
        [
            "By Jane Doe and John Smith",
            "Reuters Staff",
            "https://www.facebook.com/example",
            "Example News",
            "dpa",
            "Max Muster, Senior Reporter",
            "Foto Mads Rasmussen",
        ],
        sitename="Example News",
    )
    assert found == ["Jane Doe", "John Smith", "Max Muster"]


def test_meta_author_filtered_to_people() -> None:
    m = meta_of('<meta name="author" content="Redaktion; Anna Beispiel">')
    assert m.authors == ["Anna Beispiel"]


def test_article_body_html_is_plain_text() -> None:
    assert plain_text("<p>One &amp; two</p><p>Three</p>") == "One & two\nThree"
    assert plain_text("") is None


def test_description_image_canonical_language_tags() -> None:
    m = meta_of(
        '<meta name="description" content="A short summary.">'
        '<meta property="og:image" content="https://img.example/a.jpg">'
        '<link rel="canonical" href="https://news.example.com/a">'
        '<meta name="keywords" content="chips, markets">'
        '<meta property="article:section" content="Tech">'
    )
    assert m.description == "A short summary."
    assert m.image == "https://img.example/a.jpg"
    assert m.canonical == "https://news.example.com/a"
    assert m.tags == ["Tech", "chips", "markets"]


def test_section_tail_dropped_when_another_source_confirms_the_headline() -> None:
    m = meta_of(
        ld({"@type": "NewsArticle", "headline": "Coach asks for patience | Sport"})
        + '<meta property="og:title" content="Coach asks for patience">'
    )
    assert m.title == "Coach asks for patience"
    assert "Coach asks for patience" in m.headlines


def test_site_suffix_matched_on_part_of_the_site_name() -> None:
    assert clean_title("Growth stalls this quarter - WELT", "DIE WELT") == "Growth stalls this quarter"
    assert clean_title("Markets › Rally continues › Example Blog", "example") == "Markets › Rally continues"


def test_site_banner_h1_is_not_the_title() -> None:
    m = meta_of(
        "<title>Podcasts in Plex einbinden » Disfunctions.de</title>",
        "<h1>Disfunctions.de</h1><h2>Podcasts in Plex einbinden</h2>",
        url="https://www.disfunctions.de/post",
    )
    assert m.title == "Podcasts in Plex einbinden"


def test_people_lists_conjunctions_and_markers() -> None:
    assert people(["Trine Jørgensen og Tôrtia Reimer"]) == ["Trine Jørgensen", "Tôrtia Reimer"]
    assert people(["Ann Lee, Bo Chan, Cy Dee and Di Ross"]) == ["Ann Lee", "Bo Chan", "Cy Dee", "Di Ross"]
    assert people(["Max Muster, Senior Reporter"]) == ["Max Muster"]
    assert people(["Rachel Brazil0"]) == ["Rachel Brazil"]
    assert people(["VnExpress"], sitename="vnexpress.net") == []


def test_meta_names_are_case_insensitive() -> None:
    assert meta_of('<meta name="Author" content="Anna Martel und Lea Wagner, Nairobi">').authors == [
        "Anna Martel",
        "Lea Wagner",
    ]


def test_trafilatura_byline_search_skips_comments_and_figures() -> None:
    body = '<figure><span class="author">Photo Agency</span></figure>'
    body += '<div class="comments"><span class="author">Troll Commenter</span></div>'
    body += '<div class="meta"><span class="story-writer">Jane Byline</span></div>'
    doc = parse_html(f"<html><body>{body}<p>Text of the article.</p></body></html>")
    assert doc is not None
    assert _trafilatura_authors(doc) == ["Jane Byline"]
