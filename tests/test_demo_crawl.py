"""End to end: `scrapy crawl news -a site=demo` over the bundled demo site into SQLite."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import EXPECTED

SEED_PATH = "/2025/12/16/alibabas-ai-breakthrough-contrasts-with-stock-market-pressures/"


def test_every_article_stored_exactly_once(crawl: dict[str, Any]) -> None:
    expected = sorted(a["path"] for a in EXPECTED["articles"])
    assert sorted(crawl["rows"]) == expected
    assert crawl["db"].execute("select count(*) from articles").fetchone()[0] == len(expected)


def test_no_non_article_page_stored(crawl: dict[str, Any]) -> None:
    assert not set(crawl["rows"]) & set(EXPECTED["non_articles"])
    assert not set(crawl["rows"]) & set(EXPECTED["duplicates"])
    assert "/private/draft/" not in crawl["log"] or "Forbidden by robots.txt" in crawl["log"]


def test_seed_article(crawl: dict[str, Any]) -> None:
    row = crawl["rows"][SEED_PATH]
    assert row["title"] == "Alibaba's AI Breakthrough Contrasts with Stock Market Pressures"
    assert json.loads(row["authors"]) == ["Brett Shapiro"]
    assert row["language"] == "en"
    assert row["published"] == "2025-12-16T09:12:00+00:00"
    text = row["text"]
    assert text.startswith("Alibaba Group Holding Ltd. shares faced")
    assert text.endswith("financial performance.")
    assert "Alibaba's AI Breakthrough" not in text.replace("’", "'")
    for gone in ["HomeAI", "AI & Quantum Computing", "Should investors sell immediately", "Buy or Sell",
                 "Buy or sell", "Read more here", "GovDocFiling", "Must Read", "spot_img"]:
        assert gone not in text, gone
    assert "\nAd\n" not in f"\n{text}\n"


def test_seed_facts(crawl: dict[str, Any]) -> None:
    facts = json.loads(crawl["rows"][SEED_PATH]["facts"])
    money = [(f["text"], f["currency"], f["amount"]) for f in facts if f["type"] == "money"]
    assert ("HKD 148.60", "HKD", 148.6) in money
    assert ("$53 billion", "USD", 53e9) in money
    assert {f["text"] for f in facts if f["type"] == "percent"} >= {"3.57 percent", "149 percent"}


def test_seed_entities(crawl: dict[str, Any]) -> None:
    names = {r["name"] for r in crawl["db"].query(
        "select e.name from entities e join article_entities ae on ae.entity_id = e.id "
        "join articles a on a.id = ae.article_id where a.url like ?", [f"%{SEED_PATH}"])}
    assert {"Alibaba", "Airbnb", "Meta", "Brian Chesky"} <= names


@pytest.mark.parametrize("article", EXPECTED["articles"], ids=lambda a: a["path"])
def test_article_clean(crawl: dict[str, Any], article: dict[str, Any]) -> None:
    row = crawl["rows"][article["path"]]
    assert row["title"] == article["title"]
    assert row["language"] == article["language"]
    assert json.loads(row["authors"]) == article["authors"]
    assert (row["published"] or "")[:10] == article["published"]
    known = KNOWN_LEAKS.get(article["path"], [])
    text = row["text"]
    for line in known:
        text = text.replace(f"\n\n{line}", "")
    assert text.startswith(article["first_words"])
    assert text.endswith(article["last_words"])
    leaked = [line for line in article["must_not"] if line in row["text"]]
    assert leaked == known


# Single-page "Click here to ..." plugs: the "click here" rule went (issue 13: over the corpus it removed 11
# paragraphs of article text for 7 of boilerplate, "You can CLICK HERE for the full tutorial."), and a
# line a site prints once gives site learning nothing to count. Known, and exact: a change shows here.
KNOWN_LEAKS = {
    "/markets/2025/copper-hits-record-as-chilean-mine-outage-tightens-supply":
        ["Click here to download our free guide to investing in commodities."],
    "/markets/2025/dividend-stocks-three-utilities-raising-payouts":
        ["Click here to see our full list of dividend stocks for 2026."],
}


def test_feed_export_alongside_store(crawl: dict[str, Any]) -> None:
    urls = sorted(item["url"].removeprefix(crawl["base"]) for item in crawl["export"])
    assert urls == sorted(crawl["rows"])
    assert not any("html" in item or "blocks" in item for item in crawl["export"])


def test_crawl_run_recorded(crawl: dict[str, Any]) -> None:
    run = crawl["db"].table("crawl_runs").get(1)
    assert run["stored"] == len(EXPECTED["articles"])
    assert run["duplicates"] == 1
    assert json.loads(run["stats"])["news/non_article/soft_404"] == 1
    assert run["finish_reason"] == "finished"
    assert crawl["db"].table("sites").get("demo")["title"] == "NewsCase Demo"
