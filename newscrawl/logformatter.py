"""Log lines for scraped and dropped items that name the URL instead of dumping the page."""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


class NewsLogFormatter(LogFormatter):
    """Scrapy's formatter, with items shown as their URL (an article's text is long)."""

    def scraped(self, item: Any, response: Response | Failure | None, spider: Spider) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        return {**result, "args": {**dict(result["args"]), "item": f"<{item.get('url')}>"}}

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        return {**result, "args": {**dict(result["args"]), "item": f"<{item.get('url')}>"}}
