"""``scrapy crawl`` that reports bad ``news`` spider arguments in one line instead of a traceback, and
starts the stage pool's forkserver before Scrapy builds the crawl (it loads the stages meanwhile)."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import crawl

from newscrawl.siteconfig import SiteConfigError
from newscrawl.spiders.news import NewsSpider, check_arguments
from pipelines.pool import prestart_forkserver, worker_count


class Command(crawl.Command):
    """Scrapy's crawl command, with the news spider's arguments checked before the crawl starts."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args and args[0] == NewsSpider.name and self.settings is not None:
            try:
                check_arguments(opts.spargs, self.settings.get("NEWSCRAWL_SITES_DIR") or None)
            except SiteConfigError as exc:
                print(f"error: {exc}", file=sys.stderr)
                self.exitcode = 2
                return
        if self.settings is not None and worker_count(self.settings.get("NEWSCRAWL_STAGE_WORKERS")):
            prestart_forkserver(self.settings.getbool("NEWSCRAWL_ENTITIES_ENABLED", True))
        super().run(args, opts)
