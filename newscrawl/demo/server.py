"""Static server for the bundled demo news site.

Usage: ``python -m newscrawl.demo.server [--host 127.0.0.1] [--port 8765] [--verbose]``

Pages live in ``newscrawl/demo/site/``. In text responses (HTML, XML, plain text) the
placeholder ``{{BASE}}`` is replaced by the server's base URL (``http://127.0.0.1:8765``,
no trailing slash), so canonical links, feeds, sitemaps and robots.txt work on any port.

URL mapping: ``/x/`` serves ``x/index.html``; ``/x`` redirects to ``/x/`` when ``x`` is a
directory; an extension-less ``/x`` serves ``x.html`` (finance-portal style article URLs).
Anything else that does not exist is a real 404.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

SITE_DIR = Path(__file__).resolve().parent / "site"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
PLACEHOLDER = b"{{BASE}}"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ico": "image/x-icon",
}
SPECIAL_TYPES = {"feed.xml": "application/rss+xml; charset=utf-8"}
TEXT_SUFFIXES = {".html", ".xml", ".txt"}
NOT_FOUND_PAGE = (
    b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    b"<title>404 Not Found</title></head><body><h1>404 Not Found</h1>"
    b"<p>The requested URL was not found on this server.</p></body></html>\n"
)


class DemoServer(ThreadingHTTPServer):
    """Threading HTTP server that knows its site directory and public base URL."""

    daemon_threads = True

    def __init__(self, host: str, port: int, site_dir: Path = SITE_DIR,
                 verbose: bool = False) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), DemoHandler)
        self.site_dir = site_dir.resolve()
        self.verbose = verbose
        self.base_url = base_url_for(host, self.server_address[1])


def base_url_for(host: str, port: int) -> str:
    """Base URL without trailing slash; wildcard binds are advertised as loopback."""
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def content_type(path: Path) -> str:
    if path.name in SPECIAL_TYPES:
        return SPECIAL_TYPES[path.name]
    return CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")


def resolve(site_dir: Path, url_path: str) -> tuple[Path | None, str | None]:
    """Map a URL path to ``(file, None)``, ``(None, redirect_location)`` or ``(None, None)``."""
    parts = [p for p in unquote(url_path).split("/") if p]
    if any(p in (".", "..") or "\\" in p or "\0" in p for p in parts):
        return None, None
    target = site_dir.joinpath(*parts) if parts else site_dir
    if not target.resolve().is_relative_to(site_dir):
        return None, None
    if target.is_dir():
        if not url_path.endswith("/"):
            return None, url_path + "/"
        target = target / "index.html"
    elif url_path.endswith("/"):
        return None, None
    elif not target.is_file() and parts and not PurePosixPath(parts[-1]).suffix:
        target = target.with_name(parts[-1] + ".html")
    return (target, None) if target.is_file() else (None, None)


def render(path: Path, base_url: str) -> bytes:
    data = path.read_bytes()
    if path.suffix.lower() in TEXT_SUFFIXES:
        data = data.replace(PLACEHOLDER, base_url.encode("ascii"))
    return data


class DemoHandler(BaseHTTPRequestHandler):
    """GET/HEAD only; everything else gets the stdlib's 501."""

    server_version = "NewsCaseDemo/1.0"

    @property
    def demo(self) -> DemoServer:
        assert isinstance(self.server, DemoServer)
        return self.server

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        file, location = resolve(self.demo.site_dir, url.path or "/")
        if location is not None:
            location += f"?{url.query}" if url.query else ""
            self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain; charset=utf-8",
                       send_body, location=location)
        elif file is None:
            self._send(HTTPStatus.NOT_FOUND, NOT_FOUND_PAGE, "text/html; charset=utf-8",
                       send_body)
        else:
            self._send(HTTPStatus.OK, render(file, self.demo.base_url), content_type(file),
                       send_body)

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, send_body: bool,
              location: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if location:
            self.send_header("Location", location)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.demo.verbose:
            code_value = code.value if isinstance(code, HTTPStatus) else code
            sys.stderr.write(f"{self.command} {self.path} {code_value}\n")

    def log_message(self, format: str, *args: object) -> None:
        if self.demo.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                verbose: bool = False) -> DemoServer:
    return DemoServer(host, port, verbose=verbose)


def serve_in_thread(host: str = DEFAULT_HOST, port: int = 0) -> tuple[DemoServer, str]:
    """Start the server in a daemon thread (port 0 = any free port).

    Returns ``(server, base_url)``; stop it with ``server.shutdown(); server.server_close()``.
    """
    server = make_server(host, port)
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    return server, server.base_url


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m newscrawl.demo.server",
        description="Serve the bundled offline demo news site.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="bind address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8765)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log one line per request")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        server = make_server(args.host, args.port, verbose=args.verbose)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    print(f"demo news site on {server.base_url}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
