"""The generic ``news`` spider: discovers article URLs of configured or ad-hoc sites."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from newscrawl import errors
from newscrawl.items import ArticleItem
from newscrawl.jobstate import begin_job, write_job
from newscrawl.middlewares import read_fetches
from newscrawl.responses import canonical_url, content_type, encoding_repair, is_html
from newscrawl.siteconfig import Site, SiteConfigError, load_sites, select_sites
from newscrawl.urls import is_http_url, looks_like_article, strip_tracking
from pipelines.pagetype import classify_page

logger = logging.getLogger(__name__)

def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def user_agent(settings: BaseSettings) -> str:
    """USER_AGENT when the user set it, else one naming the project and NEWSCRAWL_CONTACT_URL."""
    if (settings.getpriority("USER_AGENT") or 0) >= (settings.getpriority("NEWSCRAWL_CONTACT_URL") or 0):
        return str(settings.get("USER_AGENT"))
    return f"newscrawl/0.1 (+{settings.get('NEWSCRAWL_CONTACT_URL')})"


def adhoc_site(urls: list[str]) -> Site:
    """A site definition for ad-hoc URLs: allowed domains are the URLs' hosts."""
    hosts = sorted({(urlsplit(u).hostname or "").lower() for u in urls})
    return Site(name=hosts[0] if len(hosts) == 1 else "adhoc", allowed_domains=tuple(hosts))


SPIDER_ARGUMENTS = ("site", "feed", "sitemap", "url")
def resolve_sites(site_arg: str | None, adhoc: dict[str, list[str]], sites_dir: str | None) -> list[Site]:
    """The sites a crawl covers: the ad-hoc URLs' hosts, the named sites, or every configured one."""
    adhoc_urls = [u for urls in adhoc.values() for u in urls]
    bad = [u for u in adhoc_urls if not is_http_url(u)]
    if bad:
        raise SiteConfigError(f"not an http(s) URL: {', '.join(bad)}")
    if adhoc_urls:
        return [adhoc_site(adhoc_urls)]
    sites = load_sites(sites_dir)
    return select_sites(sites, site_arg) if site_arg else list(sites.values())


def check_arguments(arguments: dict[str, str], sites_dir: str | None) -> None:
    """Raise SiteConfigError for spider arguments that would make the crawl fail."""
    unknown = [k for k in arguments if k not in SPIDER_ARGUMENTS and not k.startswith("_")]
    if unknown:
        expected = ", ".join(SPIDER_ARGUMENTS)
        raise SiteConfigError(f"unknown argument(s): {', '.join(unknown)} (expected {expected})")
    adhoc = {k: _split(arguments.get(k)) for k in ("feed", "sitemap", "url")}
    resolve_sites(arguments.get("site"), adhoc, sites_dir)


class NewsSpider(scrapy.Spider):
    """Crawl news sites: ``-a site=NAME[,NAME]`` or ad-hoc ``-a feed=/sitemap=/url=URL[,URL]``."""

    name = "news"
    user_agent: str  # set in from_crawler (see user_agent()); read by UserAgentMiddleware
    allowed_domains: list[str] = []  # noqa: RUF012  (set per instance in from_crawler)

    def __init__(
        self,
        site: str | None = None,
        feed: str | None = None,
        sitemap: str | None = None,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.adhoc = {"feed": _split(feed), "sitemap": _split(sitemap), "url": _split(url)}
        self.sites: list[Site] = []
        self.seen: set[str] = set()
        self.jobdir: Path | None = None
        self.job_started: str | None = None  # JOBDIR crawls: when the job (not this process) started
        self.resumed_after_kill = False
        self.checked: dict[str, str] | None = None  # fetches: URL -> checked_at, read once
        self.max_section_depth = 2
        self.max_sitemaps = 1000
        self.sitemaps_requested = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        site = kwargs.get("site")
        spider.max_section_depth = crawler.settings.getint("NEWSCRAWL_SECTION_DEPTH", 2)
        spider.max_sitemaps = crawler.settings.getint("NEWSCRAWL_MAX_SITEMAPS", 1000)
        spider.sites = resolve_sites(site, spider.adhoc, crawler.settings.get("NEWSCRAWL_SITES_DIR") or None)
        spider.allowed_domains = sorted({d for s in spider.sites for d in s.allowed_domains})
        spider.configure_slots(crawler)
        spider.user_agent = user_agent(crawler.settings)
        if crawler.settings.get("JOBDIR"):
            spider.jobdir = Path(crawler.settings["JOBDIR"])
            spider.job_started, spider.resumed_after_kill = begin_job(spider.jobdir)
        return spider

    def closed(self, reason: str) -> None:
        """The process ends cleanly (Scrapy has saved its JOBDIR queue): a later run resumes normally."""
        if self.jobdir is not None and self.job_started is not None:
            write_job(self.jobdir, self.job_started, running=False)

    def configure_slots(self, crawler: Crawler) -> None:
        """Per-domain delay and concurrency from the site definitions (Scrapy's DOWNLOAD_SLOTS)."""
        slots = dict(crawler.settings.getdict("DOWNLOAD_SLOTS"))
        for site in self.sites:
            conf = {"delay": site.download_delay, "concurrency": site.concurrency}
            conf = {k: v for k, v in conf.items() if v is not None}
            if conf:
                slots.update({d: conf for d in site.allowed_domains})
        if slots and not crawler.settings.frozen:
            crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")

    # --- start -----------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.resumed_after_kill:
            self.count("news/resume/after_kill")
            logger.warning("Resuming %s after a killed crawl: Scrapy's queue is rediscovered; articles "
                           "stored since the job started (%s) are skipped", self.jobdir, self.job_started)
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[scrapy.Request]:
        if any(self.adhoc.values()):
            yield from self.adhoc_requests(self.sites[0])
            return
        for site in self.sites:
            yield from self.site_requests(site)

    def adhoc_requests(self, site: Site) -> Iterator[scrapy.Request]:
        for url in self.adhoc["feed"]:
            yield self.make_request(url, self.parse_feed, site)
        for url in self.adhoc["sitemap"]:
            yield self.make_request(url, self.parse_sitemap, site)
        for url in self.adhoc["url"]:
            yield self.make_request(url, self.parse_page, site, depth=0)

    def site_requests(self, site: Site) -> Iterator[scrapy.Request]:
        for url in site.feeds:
            yield self.make_request(url, self.parse_feed, site)
        for url in site.sitemaps:
            yield self.make_request(url, self.parse_sitemap, site)
        if site.robots_sitemaps and site.homepage:
            yield self.make_request(urljoin(site.homepage, "/robots.txt"), self.parse_robots, site)
        for url in site.sections:
            yield self.make_request(url, self.parse_section, site, depth=0)

    def make_request(self, url: str, callback: Any, site: Site, **kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            url, callback=callback, cb_kwargs={"site": site, **kwargs}, errback=self.on_error
        )

    def on_error(self, failure: Any) -> None:
        """Every failed request: counted (``news/error/<kind>``) and recorded in ``crawl_errors``."""
        kind = errors.report_failure(self.crawler, failure.request.url, failure.value)
        logger.info("Fetch failed (%s): %s", kind, failure.request.url)

    def fault(self, url: str, kind: str, detail: str, counter: str | None = None) -> None:
        errors.report(self.crawler, url, kind, detail, counter)

    def count(self, key: str) -> None:
        if self.crawler.stats:
            self.crawler.stats.inc_value(key)

    # --- discovery ---------------------------------------------------------------
    def parse_robots(self, response: Response, site: Site) -> Iterator[scrapy.Request]:
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            yield self.make_request(url, self.parse_sitemap, site)

    def parse_sitemap(self, response: Response, site: Site) -> Iterator[scrapy.Request]:
        body = self.sitemap_body(response)
        try:
            sitemap = Sitemap(body) if body else None
        except Exception:  # lxml raises several kinds on garbage
            sitemap = None
        if sitemap is None:
            self.fault(
                response.url, "malformed_sitemap", "not a parsable XML sitemap", "news/sitemap/malformed"
            )
            logger.warning("Malformed sitemap: %s", response.url)
            return
        self.count("news/sitemap/parsed")
        entries = [entry for entry in sitemap if entry.get("loc")]
        locs = [entry["loc"] for entry in entries]
        if sitemap.type == "sitemapindex":
            yield from self.child_sitemaps(response.url, site, [u for u in locs if site.allows(u)])
            return
        lastmods = {strip_tracking(e["loc"]): e["lastmod"] for e in entries if e.get("lastmod")}
        yield from self.article_requests(site, locs, source="sitemap", lastmods=lastmods)

    def child_sitemaps(self, index_url: str, site: Site, locs: list[str]) -> Iterator[scrapy.Request]:
        """The sitemaps of an index, at most ``NEWSCRAWL_MAX_SITEMAPS`` per run (huge or endless indexes)."""
        room = max(0, self.max_sitemaps - self.sitemaps_requested)
        if len(locs) > room:
            self.fault(index_url, "sitemap_cap", f"{len(locs)} sitemaps listed, {room} followed "
                       f"(NEWSCRAWL_MAX_SITEMAPS={self.max_sitemaps})", "news/sitemap/capped")
        self.sitemaps_requested += min(room, len(locs))
        for loc in locs[:room]:
            yield self.make_request(loc, self.parse_sitemap, site)

    def sitemap_body(self, response: Response) -> bytes | None:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            except Exception:
                return None
        return body if body.lstrip()[:1] == b"<" else None

    def parse_feed(self, response: Response, site: Site) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            self.fault(response.url, "malformed_feed", "not a text response", "news/feed/malformed")
            return
        response.selector.remove_namespaces()
        links = response.xpath(
            "//item/link/text() | //entry/link[not(@rel) or @rel='alternate']/@href"
        ).getall()
        links += response.xpath("//item[not(link)]/guid[not(@isPermaLink='false')]/text()").getall()
        if not links:
            self.fault(response.url, "malformed_feed", "no entries (bad or empty XML)", "news/feed/empty")
            logger.warning("Feed without entries: %s", response.url)
            return
        self.count("news/feed/parsed")
        yield from self.article_requests(
            site, [urljoin(response.url, u.strip()) for u in links], source="feed"
        )

    def parse_section(self, response: Response, site: Site, depth: int) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        self.count("news/section/parsed")
        links = [
            strip_tracking(response.urljoin(h))
            for h in response.css("a::attr(href)").getall()
            if is_http_url(response.urljoin(h))
        ]
        yield from self.article_requests(site, links, source="section")
        pages = self.pagination_links(response, links)
        if depth < self.max_section_depth:
            for url in pages:
                yield self.make_request(url, self.parse_section, site, depth=depth + 1)
        elif pages:
            self.fault(response.url, "depth_limit", f"{len(pages)} further pages not followed "
                       f"(NEWSCRAWL_SECTION_DEPTH={self.max_section_depth})", "news/section/depth_limit")

    def pagination_links(self, response: Response, links: list[str]) -> list[str]:
        rel_next = response.css('link[rel="next"]::attr(href), a[rel="next"]::attr(href)').getall()
        base = strip_tracking(response.url).rstrip("/")
        paged = [u for u in links if u.startswith(base + "/page/") or "?page=" in u]
        return [strip_tracking(response.urljoin(u)) for u in rel_next] + paged

    def is_article_url(self, site: Site, url: str) -> bool:
        if not site.allows(url) or site.is_denied(url):
            return False
        if site.article_patterns:
            return any(p.search(url) for p in site.article_patterns)
        return looks_like_article(url)

    def article_requests(
        self, site: Site, urls: Iterable[str], source: str, lastmods: dict[str, str] | None = None
    ) -> Iterator[scrapy.Request]:
        for url in dict.fromkeys(strip_tracking(u) for u in urls):
            if self.is_article_url(site, url):
                self.count(f"news/discovered/{source}")
                if self.done_in_job(url):
                    self.count("news/skipped/resumed")
                    continue
                request = self.make_request(url, self.parse_article, site)
                # conditional GET from earlier fetches (ConditionalGetMiddleware); a 304 reaches parse_article
                request.meta.update(conditional=True, handle_httpstatus_list=[304])
                if lastmods and url in lastmods:
                    request.meta["sitemap_lastmod"] = lastmods[url]
                yield request

    def done_in_job(self, url: str) -> bool:
        """A resumed JOBDIR crawl: the page was stored (or found unchanged) since the job started."""
        if self.job_started is None:
            return False
        if self.checked is None:
            fetches = read_fetches(self.settings.get("NEWSCRAWL_DB") or "")
            self.checked = {u: str(row.get("checked_at") or "") for u, row in fetches.items()}
        return self.checked.get(url, "") >= self.job_started

    # --- pages -------------------------------------------------------------------
    def parse_page(self, response: Response, site: Site, depth: int) -> Iterator[Any]:
        """An ad-hoc URL: an article is yielded, anything else is scanned as a section."""
        if isinstance(response, TextResponse) and classify_page(response.text) == "article":
            yield from self.parse_article(response, site)
        else:
            yield from self.parse_section(response, site, depth)

    def parse_article(self, response: Response, site: Site) -> Iterator[Any]:
        if response.status == 304:
            self.not_modified(response)
            return
        if isinstance(response, TextResponse) and (fixed := encoding_repair(response)):
            detail = f"declared {response.encoding}, decoded as {fixed}"
            self.fault(response.url, "misdeclared_encoding", detail, "news/encoding/repaired")
            response = response.replace(encoding=fixed)
        if not isinstance(response, TextResponse) or not is_html(response):
            self.fault(response.url, "not_html", f"served as {content_type(response) or 'unknown type'}",
                       "newscrawl/dropped/not_html")
            logger.info("Not an HTML page (%s): %s", content_type(response), response.url)
            return
        if not response.body.strip():
            self.count("newscrawl/dropped/empty_body")
            logger.info("Empty page: %s", response.url)
            return
        # only the <head> is parsed here, for the canonical URL: whether the page is an article at all is
        # decided in the extract stage, on the page its worker parses anyway (pipelines.pagetype)
        url = canonical_url(response, site)
        if url in self.seen:
            self.fault(response.url, "duplicate", f"same article as {url}", "news/duplicate")
            return
        if url != strip_tracking(response.url) and not response.meta.get("canonical_hop"):
            yield from self.follow_canonical(response, url, site)
            return
        self.seen.add(url)
        self.count("news/article")
        yield ArticleItem(
            url=url,
            site=site.name,
            fetched_url=response.url,
            html=response.text,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            **self.validators(response),
        )

    def follow_canonical(self, response: Response, url: str, site: Site) -> Iterator[Any]:
        """A copy of an article (AMP page, tracking or syndication URL): the article is read from its
        canonical page, so that its metadata does not depend on which copy was fetched first."""
        self.fault(response.url, "duplicate", f"a copy of {url}", "news/duplicate")
        request = self.make_request(url, self.parse_article, site)
        request.meta["canonical_hop"] = True  # one hop: a canonical page pointing elsewhere is stored
        yield request

    def validators(self, response: Response) -> dict[str, str | None]:
        """What the next run's conditional GET and re-check decisions need."""

        def header(name: str) -> str | None:
            value = response.headers.get(name)
            return value.decode("latin-1") if value else None

        return {
            "etag": header("ETag"),
            "last_modified": header("Last-Modified"),
            "sitemap_lastmod": response.meta.get("sitemap_lastmod"),
        }

    def not_modified(self, response: Response) -> None:
        """A 304 to our conditional GET: nothing to store, the fetch is remembered as checked."""
        self.count("news/not_modified")
        self.crawler.signals.send_catch_log(
            errors.page_not_modified, url=strip_tracking(response.url), **self.validators(response)
        )
