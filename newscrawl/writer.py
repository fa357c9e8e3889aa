"""The single writer of a cluster crawl, and the article processing shared with reprocess/ingest-warc.

``newscrawl write`` (or ``python -m newscrawl.writer``) pops the article pages the ``news_cluster``
workers push to Redis and runs extract -> clean -> language -> entities -> store on them into SQLite.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter, defaultdict
from typing import Any

import redis
import sqlite_utils
from scrapy.settings import Settings

from newscrawl.cluster import DEFAULT_REDIS_URL, active_workers, items_key, workers_key
from newscrawl.siteconfig import Site, load_sites, site_for_url
from pipelines import database, entities
from pipelines.boilerplate import BoilerplateMemory
from pipelines.stages import (
    Rejected,
    clean_stage,
    entities_stage,
    extract_stage,
    language_stage,
    reclean_stored,
)

logger = logging.getLogger(__name__)
Article = dict[str, Any]


def project_settings() -> Settings:
    """The project's Scrapy settings, wherever the command runs."""
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    return settings


class ArticleProcessor:
    """extract -> clean -> language -> entities -> store for batches of fetched pages.

    An article is a dict with ``url``, ``site``, ``fetched_url``, ``html`` (and optionally ``warc``:
    ``[file, offset]``). Boilerplate shapes are learned per site and kept in the database, as the
    crawl pipelines do; :meth:`reclean_stored` cleans the articles it stored again with what it learned
    since. ``stats`` counts with the crawl's stats keys (``newscrawl/stored`` ...).
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        sites: dict[str, Site],
        min_words: int = 60,
        entities_enabled: bool = True,
    ) -> None:
        self.db = db
        self.sites = sites
        self.min_words = min_words
        self.entities_enabled = entities_enabled
        self.memory = BoilerplateMemory(db=db)
        self.stats: Counter[str] = Counter()
        self.stored: dict[str, set[str]] = defaultdict(set)  # site -> canonical URLs stored by this run

    @classmethod
    def from_settings(cls, settings: Settings, db: sqlite_utils.Database) -> ArticleProcessor:
        enabled = settings.getbool("NEWSCRAWL_ENTITIES_ENABLED", True)
        if enabled:
            entities.configure(settings.get("NEWSCRAWL_TICKERS_FILE") or "")
        return cls(
            db,
            load_sites(settings.get("NEWSCRAWL_SITES_DIR") or None),
            settings.getint("NEWSCRAWL_MIN_WORDS", 60),
            enabled,
        )

    def site(self, article: Article) -> Site | None:
        name = str(article.get("site") or "")
        if name in self.sites:
            return self.sites[name]
        url = str(article.get("url") or "")
        return site_for_url(self.sites.values(), url)

    @staticmethod
    def learning_site(article: Article, site: Site | None) -> str:
        """The name the article's site learns under (the article's site, else its definition's)."""
        return str(article.get("site") or (site.name if site else "local"))

    def prepare(self, article: Article) -> Article | None:
        """extract, clean and language; None (and a counted reason) when the page is not stored."""
        site = self.site(article)
        name = self.learning_site(article, site)
        try:
            article = extract_stage(article, site.drop_selectors if site else (), article_only=True)
            blocks = [b.text for b in article["blocks"]]
            self.memory.observe(name, str(article.get("url")), blocks, article.get("title"))
            article = clean_stage(
                article, self.memory.learned(name), self.min_words, headlines=self.memory.headlines(name)
            )
            article = language_stage(article, site.languages if site else ())
        except Rejected as rejected:
            self.stats[rejected.counter] += 1
            return None
        for stage, count in article.get("removed", {}).items():
            self.stats[f"clean/removed/{stage}"] += count
        return article

    def process(self, batch: list[Article]) -> None:
        """Run every stage on a batch (entities are tagged in one call) and store the survivors."""
        ready = [a for a in map(self.prepare, batch) if a is not None]
        if self.entities_enabled and ready:
            entities_stage(ready)
        for article in ready:
            self.stats[f"newscrawl/{database.store_article(self.db, article)}"] += 1
            self.stored[self.learning_site(article, self.site(article))].add(str(article["url"]))
            warc = article.get("warc")
            if warc:
                database.record_warc(self.db, str(article["url"]), str(warc[0]), int(warc[1]))

    def reclean_stored(self) -> None:
        """Clean the articles stored by this run again with what was learned (as a crawl does at its end:
        the pages stored before a promo's shape was learned lose it too); their entities stay as tagged."""
        for site, urls in self.stored.items():
            learned, headlines = self.memory.learned(site), self.memory.headlines(site)
            self.stats.update(reclean_stored(self.db, urls, learned, headlines, site))
        self.stored.clear()

    def save_learned(self) -> None:
        self.memory.save()


def unwrap(raw: bytes | str) -> Article:
    """An item pushed by ``RedisItemPipeline``: the article with its WARC location and worker."""
    envelope = json.loads(raw)
    article = dict(envelope["article"])
    article["warc"] = envelope.get("warc")
    article["worker"] = envelope.get("worker")
    return article


def writing_key(key: str) -> str:
    """The list holding the batch being stored: items leave it only once they are in the database."""
    return f"{key}:writing"


def take_batch(server: redis.Redis, key: str, size: int, wait: int) -> list[bytes | str]:
    """Up to ``size`` items, moved (LMOVE, atomic) to :func:`writing_key` rather than popped: a batch a
    killed writer left there is taken again, first, by the next writer (the store is an upsert)."""
    writing = writing_key(key)
    left: list[bytes | str] = server.lrange(writing, 0, -1)
    if left:
        return left
    first = server.blmove(key, writing, wait, "LEFT", "RIGHT")
    if first is None:
        return []
    batch: list[bytes | str] = [first]
    while len(batch) < size and (item := server.lmove(key, writing, "LEFT", "RIGHT")) is not None:
        batch.append(item)
    return batch


def run_writer(
    server: redis.Redis,
    processor: ArticleProcessor,
    spider: str = "news_cluster",
    batch_size: int = 16,
    idle_exit: float = 0,
) -> Counter[str]:
    """Store items until interrupted, or (``idle_exit`` > 0) until the crawl is over: a worker has
    been seen (alive or finished), none is alive, and no item arrived for ``idle_exit`` seconds."""
    key = items_key(spider)
    last = time.monotonic()
    started = False
    while True:
        raw = take_batch(server, key, batch_size, wait=1)
        if raw:
            processor.process([unwrap(r) for r in raw])
            server.delete(writing_key(key))  # stored: the batch is done
            processor.stats["writer/items"] += len(raw)
            last = time.monotonic()
            continue
        if not idle_exit:
            continue
        alive = active_workers(server, spider)
        started = started or bool(alive) or bool(server.hlen(workers_key(spider)))
        if started and not alive and time.monotonic() - last >= idle_exit:
            return processor.stats
        if alive:
            last = time.monotonic()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="SQLite database (default: NEWSCRAWL_DB)")
    parser.add_argument("--redis-url", help=f"Redis URL (default: NEWSCRAWL_REDIS_URL, {DEFAULT_REDIS_URL})")
    parser.add_argument("--sites-dir", help="folder of site definitions (default: NEWSCRAWL_SITES_DIR)")
    parser.add_argument("--spider", default="news_cluster", help="spider name: Redis key prefix")
    parser.add_argument("--no-entities", action="store_true", help="skip entity tagging")
    parser.add_argument(
        "--idle-exit",
        type=float,
        default=0,
        help="exit once no worker is alive and no item arrived for this many seconds (0: run until Ctrl-C)",
    )


def cmd_write(args: argparse.Namespace) -> int:
    settings = project_settings()
    overrides = {
        "NEWSCRAWL_DB": args.db,
        "NEWSCRAWL_REDIS_URL": args.redis_url,
        "NEWSCRAWL_SITES_DIR": args.sites_dir,
        "NEWSCRAWL_ENTITIES_ENABLED": False if args.no_entities else None,
    }
    settings.setdict({k: v for k, v in overrides.items() if v is not None}, priority="cmdline")
    server = redis.Redis.from_url(str(settings.get("NEWSCRAWL_REDIS_URL") or DEFAULT_REDIS_URL))
    db = database.open_db(settings.get("NEWSCRAWL_DB"))
    processor = ArticleProcessor.from_settings(settings, db)
    run_id = database.start_run(db, "writer", sorted(processor.sites))
    logger.warning("Writer: %s -> %s", items_key(args.spider), settings.get("NEWSCRAWL_DB"))
    reason = "finished"
    try:
        run_writer(server, processor, args.spider, idle_exit=args.idle_exit)
    except KeyboardInterrupt:
        reason = "shutdown"
    finally:
        processor.reclean_stored()
        processor.save_learned()
        database.finish_run(db, run_id, dict(processor.stats), reason)
    print(json.dumps(dict(sorted(processor.stats.items()))))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawl.writer", description=__doc__)
    add_arguments(parser)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s", stream=sys.stderr)
    return cmd_write(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
