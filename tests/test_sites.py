"""The bundled site definitions: shape, addresses and article patterns."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscrawl.siteconfig import (
    BUNDLED_SITES_DIR,
    SiteConfigError,
    load_site,
    load_sites,
    select_sites,
)

SITES = load_sites()


def test_at_least_twelve_real_sites() -> None:
    assert len(SITES) >= 12
    assert {
        "techcrunch",
        "theverge",
        "arstechnica",
        "wired",
        "theregister",
        "heise",
        "cnbc",
        "marketwatch",
        "reuters",
        "yahoofinance",
        "businessinsider",
        "fool",
    } <= set(SITES)


@pytest.mark.parametrize("name", sorted(SITES))
def test_site_shape(name: str) -> None:
    site = SITES[name]
    sources = [*site.feeds, *site.sitemaps, *site.sections]
    assert site.allowed_domains and site.article_patterns and site.languages
    assert sources or site.robots_sitemaps
    for url in [site.homepage, *sources]:
        assert urlsplit(url).scheme == "https", url
        assert site.allows(url), url
        assert not any(p.search(url) for p in site.article_patterns), url
    assert all(len(code) == 2 for code in site.languages)


@pytest.mark.parametrize("name", sorted(SITES))
def test_example_articles_match(name: str) -> None:
    """Each definition names example article URLs in a comment; its patterns must match them."""
    text = (BUNDLED_SITES_DIR / f"{name}.toml").read_text(encoding="utf-8")
    examples = [
        w
        for line in text.splitlines()
        if line.lstrip().startswith("#")
        for w in line.split()
        if w.startswith("https://")
    ]
    site = SITES[name]
    articles = [u for u in examples if any(p.search(u) for p in site.article_patterns)]
    assert articles, f"{name}: no example article URL matches article_patterns"
    assert not any(site.is_denied(u) for u in articles)


def test_select_unknown_site_is_a_clear_error() -> None:
    with pytest.raises(SiteConfigError, match="unknown site"):
        select_sites(SITES, "techcrunch,nosuchsite")


def test_bad_definition_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\nallowed_domains = ["x.com"]\narticle_patterns = ["(unclosed"]\n')
    with pytest.raises(SiteConfigError, match="bad regular expression"):
        load_site(bad)
    bad.write_text('name = "other"\nallowed_domains = ["x.com"]\n')
    with pytest.raises(SiteConfigError, match="differs from the file name"):
        load_site(bad)
