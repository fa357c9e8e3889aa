"""Crawl faults: what kind a failure is, and one way to report it (stats counter + ``crawl_errors`` row).

The spider (errbacks, malformed feeds, traps, ...) and the middlewares call :func:`report`; it counts
``news/error/<kind>`` and sends the :data:`crawl_error` signal. The store pipeline, the only writer of
the database, connects to the signal and writes the row.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import exceptions as scrapy_errors
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.internet.defer import CancelledError
from twisted.internet.defer import TimeoutError as DeferTimeoutError

logger = logging.getLogger(__name__)

crawl_error = object()  # signal: url, kind, detail
page_not_modified = object()  # signal: url, etag, last_modified, sitemap_lastmod (a 304)


class NotDue(IgnoreRequest):
    """A page skipped on purpose: its sitemap ``lastmod`` is unchanged and it was checked recently."""


def _scrapy(*names: str) -> tuple[type[BaseException], ...]:
    """Scrapy's download exceptions (2.13+ wraps Twisted's); absent names are skipped."""
    return tuple(getattr(scrapy_errors, n) for n in names if hasattr(scrapy_errors, n))


KINDS: list[tuple[tuple[type[BaseException], ...], str]] = [
    ((*_scrapy("DownloadTimeoutError"), net.TimeoutError, net.TCPTimedOutError, DeferTimeoutError,
      TimeoutError), "timeout"),
    ((*_scrapy("ResponseDataLossError"),), "truncated"),
    ((*_scrapy("DownloadConnectionRefusedError"), net.ConnectionRefusedError), "connection_refused"),
    ((*_scrapy("CannotResolveHostError"), net.DNSLookupError), "dns"),
    ((*_scrapy("DownloadCancelledError"), CancelledError), "cancelled"),
    ((net.ConnectionLost, net.ConnectionDone), "connection_lost"),
]


def _response_failed_kind(exc: BaseException) -> str | None:
    """``truncated`` (body shorter than Content-Length) or ``connection_lost`` (reset mid-body)."""
    for cause in (exc, exc.__cause__):
        reasons = getattr(cause, "reasons", None)
        if reasons:
            values = [getattr(r, "value", r) for r in reasons]
            # Twisted reports [how the connection ended, _DataLoss]: a reset is ConnectionLost, while a
            # clean close before Content-Length bytes arrived is ConnectionDone
            if any(isinstance(v, net.ConnectionLost) for v in values):
                return "connection_lost"
            return "truncated" if any("DataLoss" in type(v).__name__ for v in values) else "connection_lost"
    if type(exc).__name__ == "DownloadFailedError":
        return "connection_lost"
    return None


def _ignored_kind(message: str) -> str:
    text = message.lower()
    if "robots.txt" in text:
        return "robots_forbidden"
    if "max redirections" in text:
        return "too_many_redirects"
    if "redirect loop" in text:
        return "redirect_loop"
    if "download_maxsize" in text or "max size" in text:
        return "too_large"
    return "ignored"


def classify(exc: BaseException) -> tuple[str, str]:
    """(kind, detail) of a download or processing failure."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"http_{status}", f"HTTP {status} (after retries)"
    if isinstance(exc, IgnoreRequest):
        return _ignored_kind(detail), detail
    failed = _response_failed_kind(exc)
    if failed:
        return failed, f"{type(exc).__name__}: {detail}"
    for types, kind in KINDS:
        if isinstance(exc, types):
            if kind == "cancelled" and "max size" in detail.lower():
                return "too_large", detail
            return kind, detail
    return type(exc).__name__, detail


def report(
    crawler: Crawler | None, url: str, kind: str, detail: str = "", counter: str | None = None
) -> None:
    """Count the fault (``news/error/<kind>`` unless the caller already keeps its own ``counter``; then
    that one) and hand it to the store, which writes a ``crawl_errors`` row."""
    if crawler is None:
        return
    if crawler.stats:
        crawler.stats.inc_value(counter or f"news/error/{kind}")
    crawler.signals.send_catch_log(crawl_error, url=url, kind=kind, detail=detail)
    logger.info("Crawl fault %s: %s (%s)", kind, url, detail[:200])


def report_failure(crawler: Crawler | None, url: str, exc: Any) -> str:
    """Classify a download failure, count and record it; returns the kind."""
    if isinstance(exc, NotDue):
        return "not_due"  # not a fault: counted by the middleware that skipped it
    kind, detail = classify(exc)
    report(crawler, url, kind, detail)
    return kind
