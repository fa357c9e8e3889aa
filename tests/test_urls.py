from __future__ import annotations

import pytest

from newscrawl.urls import looks_like_article, strip_tracking


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Example.com/a/b/?utm_source=rss&utm_medium=feed#comments", "https://example.com/a/b/"),
        ("https://example.com/a?id=7&fbclid=x&gclid=y", "https://example.com/a?id=7"),
        ("http://example.com:80/x", "http://example.com/x"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_strip_tracking(url: str, expected: str) -> None:
    assert strip_tracking(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://techcrunch.com/2025/12/16/alibaba-ai-breakthrough/", True),
        ("https://example.com/news/alibaba-stock-falls-in-hong-kong-12345.html", True),
        ("https://example.com/markets/2025/alibaba-shares-slide", True),
        ("https://example.com/", False),
        ("https://example.com/category/markets/", False),
        ("https://example.com/tag/ai/", False),
        ("https://example.com/author/brett-shapiro/", False),
        ("https://example.com/about/", False),
        ("https://example.com/video/some-long-video-title-here/", False),
        ("https://example.com/files/annual-report-2025-final.pdf", False),
        ("https://example.com/category/markets/page/2/", False),
    ],
)
def test_looks_like_article(url: str, expected: bool) -> None:
    assert looks_like_article(url) is expected
