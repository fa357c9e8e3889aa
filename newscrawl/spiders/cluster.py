"""The ``news_cluster`` spider: ``news`` on a shared scrapy-redis frontier (see newscrawl.cluster)."""

from __future__ import annotations

from newscrawl.cluster import ClusterMixin
from newscrawl.spiders.news import NewsSpider


class ClusterNewsSpider(ClusterMixin, NewsSpider):
    """On each worker: ``scrapy crawl news_cluster -a site=NAME -s NEWSCRAWL_REDIS_URL=redis://HOST:6379/0``."""

    name = "news_cluster"
