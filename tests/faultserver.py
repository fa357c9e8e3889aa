"""A local misbehaving news site (127.0.0.1 only) for the fault tests: one path per way the web breaks.

``serve()`` starts it in a thread and returns the server; ``server.hits`` counts requests per path and
``server.times`` keeps their arrival times (retries, Retry-After and trap bounds are asserted from them).
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WORDS = " ".join(f"Sentence {i} about chip makers, central banks, bond markets and the economy."
                 for i in range(40))
# each page adds its own words: one sentence on four pages of a site would be its template
UMLAUTS = "Die Münchner Börse schloss höher; Anleger in Zürich zahlten 5 € mehr für Aktien."


def article(title: str, extra: str = "", head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{title}</title>{head}'
        f'<meta property="og:type" content="article"></head><body><article><h1>{title}</h1>'
        f"<p>{extra}</p><p>{WORDS}</p><p>{WORDS}</p></article></body></html>"
    )


# article-shaped paths listed in the feed; what each does is in FaultHandler.route
FEED_PATHS = [
    "/news/good-article-about-chip-makers",
    "/news/server-error-500-story-page",
    "/news/bad-gateway-502-story-page",
    "/news/unavailable-503-story-page",
    "/news/rate-limited-429-story-page",
    "/news/busy-503-with-retry-after-story",
    "/news/always-rate-limited-429-story",
    "/news/stalled-response-story-page",
    "/news/connection-reset-story-page",
    "/news/truncated-body-story-page",
    "/news/latin1-page-without-charset-story",
    "/news/utf8-page-declared-as-latin1-story",
    "/news/cp1252-page-declared-as-utf8-story",
    "/news/page-with-unknown-charset-story",
    "/news/gzip-bomb-story-page-here",
    "/news/twenty-megabyte-story-page-here",
    "/news/annual-report-served-as-pdf",
    "/news/chart-image-served-as-article",
    "/news/redirect-loop-a-story-page",
    "/news/redirect-chain-long-story-page",
    "/news/redirect-chain-short-story-page",
    "/news/canonical-story-about-chip-makers",
    "/amp/news/canonical-story-about-chip-makers",
    "/news/canonical-story-about-chip-makers-print",
    "/news/this-story-was-removed-long-ago",
    "/private/secret-story-behind-robots-txt",
]
HUGE_INDEX_SIZE = 20_000
BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB of zeros in ~64 KB


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    hits: Counter[str]
    times: defaultdict[str, list[float]]

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hang up on stalled, reset and oversized responses: expected here

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class FaultHandler(BaseHTTPRequestHandler):
    server: FaultServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        self.server.hits[path] += 1
        self.server.times[path].append(time.monotonic())
        self.route(path)

    # --- plumbing ----------------------------------------------------------------
    def send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, to: str) -> None:
        self.send(302, b"", "", Location=to)

    def partial(self, declared: int, body: bytes, reset: bool) -> None:
        """Promise ``declared`` bytes, send ``body``, then close (cleanly, or with a TCP RST)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(declared))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        if reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            self.connection.shutdown(socket.SHUT_WR)
        self.connection.close()
        self.close_connection = True

    # --- routes ------------------------------------------------------------------
    def route(self, path: str) -> None:
        base = self.server.base
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/feed.xml":
            items = "".join(f"<item><link>{base}{p}</link></item>" for p in FEED_PATHS)
            self.send(200, f"<rss><channel>{items}</channel></rss>".encode(), "application/rss+xml")
        elif path == "/bad-feed.xml":
            self.send(200, b"this is {not} an <rss feed <item><link", "application/rss+xml")
        elif path == "/bad-sitemap.xml":
            self.send(200, b"<<<urlset <url><loc>nope", "application/xml")
        elif path == "/sitemap-index-huge.xml":
            entries = "".join(f"<sitemap><loc>{base}/sitemaps/s-{i}.xml</loc></sitemap>"
                              for i in range(HUGE_INDEX_SIZE))
            body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"{entries}</sitemapindex>").encode()
            self.send(200, body, "application/xml")
        elif path.startswith("/sitemaps/"):
            self.send(200, b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                      b"</urlset>", "application/xml")
        elif path.startswith("/calendar/"):
            year, month = (int(x) for x in path.strip("/").split("/")[1:3])
            nxt = f"/calendar/{year + month // 12}/{month % 12 + 1:02d}/"
            self.send(200, f'<html><head><link rel="next" href="{nxt}"></head><body><h1>Events {year}-{month}'
                      f'</h1><a href="{nxt}">next month</a></body></html>'.encode())
        elif path.startswith("/archive"):
            page = int(path.rsplit("=", 1)[1]) if "?page=" in path else 1
            self.send(200, f'<html><body><h1>Archive</h1><a href="/archive?page={page + 1}">more</a>'
                      f"</body></html>".encode())
        else:
            self.article_route(path)

    def article_route(self, path: str) -> None:
        if path in ("/news/good-article-about-chip-makers", "/news/redirect-chain-short-final"):
            self.send(200, article("Chip makers rally").encode())
        elif path.startswith("/news/server-error-500"):
            self.send(500, b"<h1>Internal Server Error</h1>")
        elif path.startswith("/news/bad-gateway-502"):
            self.send(502, b"<h1>Bad Gateway</h1>")
        elif path.startswith("/news/unavailable-503"):
            self.send(503, b"<h1>Service Unavailable</h1>")
        elif path == "/news/rate-limited-429-story-page":
            if self.server.hits[path] == 1:
                self.send(429, b"slow down", Retry_After="1")
            else:
                self.send(200, article("Rate limits lifted").encode())
        elif path == "/news/busy-503-with-retry-after-story":
            if self.server.hits[path] == 1:
                self.send(503, b"busy", Retry_After="1")
            else:
                self.send(200, article("Servers back").encode())
        elif path == "/news/always-rate-limited-429-story":
            self.send(429, b"slow down", Retry_After="3600")
        elif path == "/news/stalled-response-story-page":
            time.sleep(10)
            self.send(200, article("Too late").encode())
        elif path == "/news/connection-reset-story-page":
            self.partial(20_000, article("Reset").encode()[:1500], reset=True)
        elif path == "/news/truncated-body-story-page":
            self.partial(20_000, article("Truncated").encode()[:1500], reset=False)
        elif path == "/news/latin1-page-without-charset-story":
            meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            html = article("Börse Zürich", f"Zürich: {UMLAUTS} Der Handel begann früh.", meta)
            self.send(200, html.encode("cp1252"), "text/html")
        elif path == "/news/utf8-page-declared-as-latin1-story":
            html = article("Börse München", f"München: {UMLAUTS} Der Umsatz blieb gering.")
            self.send(200, html.encode(), "text/html; charset=iso-8859-1")
        elif path == "/news/cp1252-page-declared-as-utf8-story":
            html = article("Börse Frankfurt", f"Frankfurt: {UMLAUTS} Die Kurse schwankten stark.")
            self.send(200, html.encode("cp1252"), "text/html; charset=utf-8")
        elif path == "/news/page-with-unknown-charset-story":
            html = article("Börse Wien", f"Wien: {UMLAUTS} Viele Anleger warteten ab.")
            self.send(200, html.encode(), "text/html; charset=x-no-such-charset")
        elif path == "/news/gzip-bomb-story-page-here":
            self.send(200, BOMB, "text/html", Content_Encoding="gzip")
        elif path == "/news/twenty-megabyte-story-page-here":
            self.big_page(20 * 1024 * 1024)
        elif path == "/news/annual-report-served-as-pdf":
            self.send(200, b"%PDF-1.4\n" + bytes(2000), "application/pdf")
        elif path == "/news/chart-image-served-as-article":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
        elif path == "/news/redirect-loop-a-story-page":
            self.redirect("/news/redirect-loop-b-story-page")
        elif path == "/news/redirect-loop-b-story-page":
            self.redirect("/news/redirect-loop-a-story-page")
        elif path == "/news/redirect-chain-long-story-page":
            self.redirect("/hop/long/1")
        elif path.startswith("/hop/long/"):
            self.redirect(f"/hop/long/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/news/redirect-chain-short-story-page":
            self.redirect("/hop/short/1")
        elif path.startswith("/hop/short/"):
            step = int(path.rsplit("/", 1)[1])
            self.redirect(f"/hop/short/{step + 1}" if step < 4 else "/news/redirect-chain-short-final")
        elif "canonical-story-about-chip-makers" in path:
            canonical = f"{self.server.base}/news/canonical-story-about-chip-makers"
            head = f'<link rel="canonical" href="{canonical}">'
            self.send(200, article("One story, three addresses", head=head).encode())
        elif path == "/news/this-story-was-removed-long-ago":
            self.send(200, b"<html><head><title>Page not found</title></head><body><h1>Sorry, this page "
                      b"does not exist</h1><p>Try the home page.</p></body></html>")
        else:
            self.send(404, b"<h1>Not found</h1>")

    def big_page(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        try:
            for _ in range(size // len(chunk) + 1):
                self.wfile.write(chunk)
        except OSError:
            pass
        self.close_connection = True


def serve() -> FaultServer:
    server = FaultServer(("127.0.0.1", 0), FaultHandler)
    server.hits = Counter()
    server.times = defaultdict(list)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
