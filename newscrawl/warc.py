"""WARC archive of every fetched response, and reprocessing/ingesting pages from WARC files.

``NEWSCRAWL_WARC_DIR`` turns the :class:`WarcArchive` extension on: each response goes to rotating
gzip-compressed WARC files (``NEWSCRAWL_WARC_MAX_MB`` each, one gzip member per record so every
record can be read alone), and :class:`WarcIndexPipeline` records each stored article's file and
byte offset in ``articles.warc_file`` / ``articles.warc_offset``.

``newscrawl reprocess`` re-runs extract -> clean -> language -> entities -> store on the archived page
of every article; ``newscrawl ingest-warc FILE...`` runs them on the article pages of any WARC files.
"""

from __future__ import annotations

import argparse
import http
import io
import logging
import os
import socket
from collections import OrderedDict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawl.progress import tqdm
from newscrawl.responses import canonical_url
from newscrawl.siteconfig import Site, site_for_url
from newscrawl.spiders.news import adhoc_site
from newscrawl.urls import is_http_url, strip_tracking
from newscrawl.writer import Article, ArticleProcessor, project_settings
from pipelines import database

logger = logging.getLogger(__name__)
SKIPPED_HEADERS = {b"content-encoding", b"transfer-encoding", b"content-length"}
LOCATIONS_KEPT = 20_000


class RotatingWarcWriter:
    """gzip WARC files ``<prefix>-<UTC time>-<serial>.warc.gz``; a new one past ``max_bytes``."""

    def __init__(self, directory: Path, prefix: str, max_bytes: int) -> None:
        self.directory = directory
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.serial = 0
        self.stream: IO[bytes] | None = None
        self.path = Path()
        self.writer: WARCWriter | None = None
        directory.mkdir(parents=True, exist_ok=True)

    def open_next(self) -> WARCWriter:
        self.close()
        self.serial += 1
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        self.path = self.directory / f"{self.prefix}-{stamp}-{self.serial:05d}.warc.gz"
        self.stream = open(self.path, "wb")  # noqa: SIM115  (kept open across records)
        self.writer = WARCWriter(self.stream, gzip=True)
        info = {"software": "newscrawl", "format": "WARC File Format 1.1", "hostname": socket.gethostname()}
        self.writer.write_record(self.writer.create_warcinfo_record(self.path.name, info))
        return self.writer

    def write(self, url: str, status: int, headers: list[tuple[str, str]], body: bytes) -> tuple[str, int]:
        """Write one response record; returns (file path, byte offset of the record)."""
        if self.writer is None or self.stream is None or self.stream.tell() >= self.max_bytes:
            self.open_next()
        assert self.writer is not None and self.stream is not None
        phrase = http.HTTPStatus(status).phrase if status in http.HTTPStatus._value2member_map_ else "Unknown"
        http_headers = StatusAndHeaders(f"{status} {phrase}", headers, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http_headers
        )
        offset = self.stream.tell()
        self.writer.write_record(record)
        return str(self.path), offset

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None
        self.writer = None


def response_headers(response: Response) -> list[tuple[str, str]]:
    """The response headers as received, minus those that described the transfer-encoded body."""
    return [
        (key.decode("latin-1"), value.decode("latin-1"))
        for key, values in response.headers.items()
        if key.lower() not in SKIPPED_HEADERS
        for value in values
    ]


class WarcArchive:
    """Extension: every response the downloader returns, into the WARC archive."""

    def __init__(self, crawler: Crawler, writer: RotatingWarcWriter) -> None:
        self.crawler = crawler
        self.writer = writer
        self.locations: OrderedDict[str, tuple[str, int]] = OrderedDict()
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchive:
        folder = crawler.settings.get("NEWSCRAWL_WARC_DIR")
        if not folder:
            raise NotConfigured
        max_bytes = int(crawler.settings.getfloat("NEWSCRAWL_WARC_MAX_MB", 100) * 1024 * 1024)
        prefix = f"newscrawl-{socket.gethostname()}-{os.getpid()}"
        return cls(crawler, RotatingWarcWriter(Path(folder), prefix, max_bytes))

    def response_received(self, response: Response) -> None:
        location = self.writer.write(response.url, response.status, response_headers(response), response.body)
        self.locations[response.url] = location
        if len(self.locations) > LOCATIONS_KEPT:
            self.locations.popitem(last=False)
        if self.crawler.stats:
            self.crawler.stats.inc_value("warc/records")

    def location(self, url: str) -> tuple[str, int] | None:
        """Where the response fetched from ``url`` was archived (recent responses only)."""
        return self.locations.pop(url, None)

    def spider_closed(self) -> None:
        self.writer.close()


def find_archive(crawler: Crawler) -> WarcArchive | None:
    middlewares = crawler.extensions.middlewares if crawler.extensions else ()
    return next((m for m in middlewares if isinstance(m, WarcArchive)), None)


class WarcIndexPipeline:
    """After the store: ``articles.warc_file`` / ``warc_offset`` of each stored article."""

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcIndexPipeline:
        if not crawler.settings.get("NEWSCRAWL_WARC_DIR"):
            raise NotConfigured
        if not crawler.settings.get("NEWSCRAWL_DB"):
            raise NotConfigured("NEWSCRAWL_DB is empty")
        return cls(crawler, str(crawler.settings.get("NEWSCRAWL_DB")))

    def open_spider(self) -> None:
        self.db = database.open_db(self.db_path)
        self.archive = find_archive(self.crawler)

    def close_spider(self) -> None:
        self.db.close()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        location = self.archive.location(str(adapter.get("fetched_url"))) if self.archive else None
        if location is not None:
            database.record_warc(self.db, str(adapter.get("url")), *location)
            if self.crawler.stats:
                self.crawler.stats.inc_value("warc/indexed")
        return item


# --- reading ---------------------------------------------------------------------------
def read_record(path: str | Path, offset: int) -> HtmlResponse:
    """The response archived at ``offset`` of a WARC file."""
    with open(path, "rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        return to_response(record)


def to_response(record: Any) -> HtmlResponse:
    headers = record.http_headers.headers if record.http_headers else []
    body = record.content_stream().read()
    return HtmlResponse(url=record.rec_headers.get_header("WARC-Target-URI"), body=body, headers=headers)


def iter_responses(path: Path) -> Iterator[tuple[int, HtmlResponse, int]]:
    """(offset, response, HTTP status) of every response record of a WARC file (.warc or .warc.gz)."""
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = int(record.http_headers.get_statuscode() or 0)
            response = to_response(record)
            yield records.get_record_offset(), response, status


def page_article(response: HtmlResponse, sites: dict[str, Site]) -> Article | None:
    """An article dict from an archived HTML page; None for anything that is not HTML. Whether the page
    is an article is decided by the extract stage, as in a crawl (``article_only``)."""
    kind = (response.headers.get(b"Content-Type") or b"text/html").decode("latin-1").lower()
    if not is_http_url(response.url) or "html" not in kind:
        return None
    site = site_for_url(sites.values(), response.url) or adhoc_site([response.url])
    return {
        "url": canonical_url(response, site),
        "site": site.name if site.name in sites else urlsplit(response.url).hostname,
        "fetched_url": response.url,
        "html": response.text,
    }


# --- commands --------------------------------------------------------------------------
def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="SQLite database (default: NEWSCRAWL_DB)")
    parser.add_argument("--sites-dir", help="folder of site definitions (default: NEWSCRAWL_SITES_DIR)")
    parser.add_argument("--no-entities", action="store_true", help="skip entity tagging")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def add_reprocess_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--site", help="only the articles of this site")


def add_ingest_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", help="WARC files (.warc or .warc.gz), e.g. CC-NEWS")
    add_common(parser)


def open_processor(args: argparse.Namespace) -> ArticleProcessor:
    settings = project_settings()
    overrides = {
        "NEWSCRAWL_DB": args.db,
        "NEWSCRAWL_SITES_DIR": args.sites_dir,
        "NEWSCRAWL_ENTITIES_ENABLED": False if args.no_entities else None,
    }
    settings.setdict({k: v for k, v in overrides.items() if v is not None}, priority="cmdline")
    return ArticleProcessor.from_settings(settings, database.open_db(settings.get("NEWSCRAWL_DB")))


def run_batches(processor: ArticleProcessor, articles: Iterator[Article], size: int = 16) -> None:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            processor.process(batch)
            batch = []
    processor.process(batch)
    processor.reclean_stored()  # as a crawl ends: what was learned late reaches the first articles too
    processor.save_learned()


def archived_articles(processor: ArticleProcessor, site: str | None, quiet: bool) -> Iterator[Article]:
    query = "select url, site, fetched_url, warc_file, warc_offset from articles where warc_file is not null"
    params: list[str] = []
    if site:
        query += " and site = ?"
        params.append(site)
    rows = list(processor.db.query(query + " order by warc_file, warc_offset", params))
    for row in tqdm(rows, desc="reprocess", unit="article", disable=quiet):
        try:
            response = read_record(row["warc_file"], row["warc_offset"])
        except (OSError, StopIteration) as exc:
            logger.warning("Cannot read %s at %s: %s", row["warc_file"], row["warc_offset"], exc)
            processor.stats["warc/unreadable"] += 1
            continue
        yield {
            "url": row["url"],
            "site": row["site"],
            "fetched_url": row["fetched_url"],
            "html": response.text,
            "warc": (row["warc_file"], row["warc_offset"]),
        }


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Re-run the stages on the archived page of every article (no network)."""
    processor = open_processor(args)
    run_batches(processor, archived_articles(processor, args.site, args.quiet))
    print(dict(sorted(processor.stats.items())))
    return 0


def warc_articles(processor: ArticleProcessor, files: list[str], quiet: bool) -> Iterator[Article]:
    """The article pages of WARC files, once per canonical URL. A copy (AMP page, tracking URL) is
    used only when its canonical page is not archived, as the crawl reads the canonical page."""
    seen: set[str] = set()
    copies: list[tuple[str, int]] = []
    bar = tqdm(desc="ingest-warc", unit="record", disable=quiet)
    for name in files:
        for offset, response, status in iter_responses(Path(name)):
            bar.update()
            article = page_article(response, processor.sites) if status == 200 else None
            if article is not None and article["url"] != strip_tracking(response.url):
                copies.append((name, offset))
                continue
            yield from _first(processor, seen, article, name, offset)
    for name, offset in copies:
        article = page_article(read_record(name, offset), processor.sites)
        yield from _first(processor, seen, article, name, offset)
    bar.close()


def _first(processor: ArticleProcessor, seen: set[str], article: Article | None, name: str,
           offset: int) -> Iterator[Article]:
    """The article unless it is None or its canonical URL was already yielded (counted as skipped)."""
    if article is None or article["url"] in seen:
        processor.stats["warc/skipped"] += 1
        return
    seen.add(article["url"])
    article["warc"] = (name, offset)
    yield article


def cmd_ingest_warc(args: argparse.Namespace) -> int:
    """Feed the article pages of WARC files through the stages into the database."""
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise SystemExit(f"newscrawl: error: no such file: {', '.join(missing)}")
    processor = open_processor(args)
    run_batches(processor, warc_articles(processor, args.files, args.quiet))
    print(dict(sorted(processor.stats.items())))
    return 0
