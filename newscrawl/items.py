"""The item that flows from the spider through the pipelines to the store."""

from __future__ import annotations

import scrapy


class ArticleItem(scrapy.Item):
    """One fetched article page; each pipeline stage fills in its own fields."""

    # filled by the spider
    url = scrapy.Field()  # canonical URL (rel=canonical / og:url, tracking parameters dropped)
    site = scrapy.Field()  # site definition name, or the host for ad-hoc crawls
    fetched_url = scrapy.Field()  # the URL that was actually fetched
    fetched_at = scrapy.Field()  # ISO 8601 UTC
    html = scrapy.Field()  # page source; removed by the extract stage
    etag = scrapy.Field()  # response validators, kept in `fetches` for conditional GET
    last_modified = scrapy.Field()
    sitemap_lastmod = scrapy.Field()  # <lastmod> of the sitemap entry that listed the page
    # filled by extract
    title = scrapy.Field()
    description = scrapy.Field()
    authors = scrapy.Field()  # list[str]
    published = scrapy.Field()  # ISO 8601
    modified = scrapy.Field()
    date_source = scrapy.Field()  # where `published` came from: jsonld, meta, time, url, text
    image = scrapy.Field()
    tags = scrapy.Field()  # list[str]
    sitename = scrapy.Field()
    is_free = scrapy.Field()  # bool | None
    declared_language = scrapy.Field()  # from <html lang>, og:locale, JSON-LD inLanguage
    blocks = scrapy.Field()  # list[str] paragraphs before cleaning; removed by the clean stage
    # filled by clean
    text = scrapy.Field()  # clean body, paragraphs separated by blank lines
    word_count = scrapy.Field()
    removed = scrapy.Field()  # dict: cleaning stage -> paragraphs removed
    # filled by language and entities
    language = scrapy.Field()
    facts = scrapy.Field()  # money amounts and percentages: list of dicts with offsets into text
    entities = scrapy.Field()  # list of dicts: text, label, canonical, count, start
