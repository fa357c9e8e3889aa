"""Page kinds (pipelines/pagetype.py): decided in the extract stage, on the page the worker parses."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from newscrawl.responses import canonical_url, head_selector
from newscrawl.siteconfig import Site
from pipelines.extract import parse_html
from pipelines.pagetype import classify_page, classify_tree
from pipelines.stages import Rejected, extract_stage

WORDS = " ".join(["The chipmaker raised its forecast for the year as demand for its products grew."] * 12)
XHTML_ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chipmaker raises forecast</title>
<link rel="canonical" href="https://news.example.com/2025/01/02/chipmaker-forecast/"/></head>
<body><h1>Chipmaker raises forecast</h1><p>{WORDS}</p><p>{WORDS}</p></body></html>"""
SOFT_404 = ("<html><head><title>Page not found</title></head>"
            "<body><h1>Page not found</h1><p>Sorry.</p></body></html>")
LISTING = ("<html><head><title>Markets</title></head>"
           "<body><ul><li><a href='/a'>One</a></li></ul></body></html>")
URL = "https://news.example.com/x"


def test_an_xhtml_article_with_an_xml_declaration_is_an_article() -> None:
    doc = parse_html(XHTML_ARTICLE)
    assert doc is not None
    assert classify_tree(doc) == "article"


@pytest.mark.parametrize(("html", "kind"), [(SOFT_404, "soft_404"), (LISTING, "listing")])
def test_crawls_reject_pages_that_are_not_articles(html: str, kind: str) -> None:
    with pytest.raises(Rejected) as rejected:
        extract_stage({"url": URL, "html": html}, (), article_only=True)
    assert rejected.value.reason == kind


def test_the_extract_command_does_not_judge_the_page() -> None:
    """``newscrawl extract`` (no article_only) extracts whatever it is given."""
    listing = extract_stage({"url": URL, "html": LISTING})
    assert (listing["title"], [b.text for b in listing["blocks"]]) == ("Markets", ["One"])
    article = extract_stage({"url": URL, "html": XHTML_ARTICLE}, (), article_only=True)
    assert article["title"] == "Chipmaker raises forecast"


def test_canonical_url_from_the_head_of_an_xhtml_page() -> None:
    response = HtmlResponse("https://news.example.com/amp/1", body=XHTML_ARTICLE.encode(), encoding="utf-8")
    site = Site(name="example", allowed_domains=["news.example.com"])
    head = head_selector(response)
    assert head.css("title::text").get() == "Chipmaker raises forecast"
    assert canonical_url(response, site) == "https://news.example.com/2025/01/02/chipmaker-forecast/"


def test_the_spider_s_classification_reads_xhtml_pages_too() -> None:
    assert classify_page(XHTML_ARTICLE) == "article"
