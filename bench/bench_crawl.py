"""Crawl throughput and memory: our per-page work, ``scrapy crawl``, and the trafilatura CLI, side by side.

``make bench`` (or ``python bench/bench_crawl.py [--pages N] [--memory-check]``) serves N real pages from
``../shared/corpus`` (fundus and trafilatura-eval HTML, read and gunzipped before the runs, repeated under
new URLs when N exceeds the corpus) plus a sitemap and robots.txt on 127.0.0.1, then measures pages/s and
peak memory (of the whole process tree, sampled: summed RSS, the target's measure, and PSS, which counts
memory the workers share with their forkserver once; it rises towards RSS as the workers write to shared
pages) of:

1. a single-process loop of our per-page work (extract + clean + language + entities + store), its math
   libraries on one thread as the crawl's workers;
2. ``scrapy crawl news -a sitemap=...`` with the full pipeline;
3. the same crawl with ``NEWSCRAWL_ENTITIES_ENABLED=False``;
4. ``trafilatura -i urls.txt --parallel 2`` with ``SLEEP_TIME = 0`` (and ``SSRF_PROTECTION = off``: the
   pages are on 127.0.0.1).

``--memory-check`` adds crawl (2) at 1,000 and 5,000 pages and compares their peak memory: both serve the
same 1,000 corpus pages (the 5,000-page crawl five times, under new URLs), so what differs is the length
of the crawl, not which pages it meets.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newscrawl import ONE_MATH_THREAD

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
# the loop's math libraries use one thread, as the crawl's workers do (pipelines.pool.WORKER_ENVIRONMENT):
# the one-core baseline on one core, not spreading spaCy's matrix products over both
ONE_THREAD = {**os.environ, **ONE_MATH_THREAD}


def corpus_pages() -> list[Path]:
    pages = sorted((CORPUS / "fundus" / "html").rglob("*.html*"))
    pages += sorted((CORPUS / "trafilatura-eval" / "html").glob("*.html*"))
    if not pages:
        sys.exit(f"error: no pages under {CORPUS} (../shared/corpus is read in place)")
    return pages


def page_path(number: int) -> str:
    return f"/2025/01/{number % 28 + 1:02d}/bench-article-{number:05d}/"


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


class CorpusServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pages: list[Path], count: int) -> None:
        super().__init__(("127.0.0.1", 0), CorpusHandler)
        self.pages = pages
        self.count = count
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.by_path = {page_path(i): pages[i % len(pages)] for i in range(count)}
        # read (and gunzip) once, before any run: serving costs every run the same few socket writes
        self.bodies = {path: read_page(path) for path in set(self.by_path.values())}

    def urls(self) -> list[str]:
        return [self.base + page_path(i) for i in range(self.count)]

    def sitemap(self) -> bytes:
        entries = "".join(f"<url><loc>{u}</loc></url>" for u in self.urls())
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        ).encode()


class CorpusHandler(BaseHTTPRequestHandler):
    server: CorpusServer
    protocol_version = "HTTP/1.1"  # keep-alive, as news sites serve: no new connection for every page
    disable_nagle_algorithm = True  # headers and body leave at once (no delayed-ACK stall per response)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/sitemap.xml":
            self.reply(self.server.sitemap(), "application/xml")
        elif path == "/robots.txt":
            robots = f"User-agent: *\nAllow: /\nSitemap: {self.server.base}/sitemap.xml\n"
            self.reply(robots.encode(), "text/plain")
        elif path in self.server.by_path:
            self.reply(self.server.bodies[self.server.by_path[path]], "text/html; charset=utf-8")
        else:
            self.send_error(404)

    def reply(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


# --- measuring a process tree -------------------------------------------------------------
def tree_members(root: int) -> set[int]:
    """A process and all its descendants (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat[1])
    members, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [p for p, parent in parents.items() if parent == pid and p not in members]
        members.update(children)
        frontier.extend(children)
    return members


def rss(pid: int) -> int:
    """Resident bytes of one process (``statm``: cheap to read). A page shared with other processes counts
    in full in each of them."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def pss(pid: int) -> int:
    """Proportional set size of one process: a shared page divided among its sharers, so the PSS of a
    process tree is what it really occupies. Reading it makes the kernel walk the page tables (about
    16 ms of CPU for a crawl's processes), so it is sampled less often than RSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


@dataclass
class Result:
    name: str
    pages: int
    seconds: float
    peak_rss: int
    peak_pss: int
    note: str = ""

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def measure(name: str, command: list[str], pages: int, cwd: Path, env: dict[str, str] | None = None,
            note: str = "") -> Result:
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_pss = 0
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read() if process.stderr else b""))
    reader.start()
    samples = 0
    while process.poll() is None:  # RSS every 0.2 s, PSS every second: sampling takes <2% of a core
        members = tree_members(process.pid)
        peak = max(peak, sum(map(rss, members)))
        if samples % 5 == 0:
            peak_pss = max(peak_pss, sum(map(pss, members)))
        samples += 1
        time.sleep(0.2)
    seconds = time.monotonic() - start
    reader.join()
    if process.returncode != 0:
        tail = b"".join(errors).decode(errors="replace")[-2000:]
        sys.exit(f"error: {name} failed ({process.returncode}):\n{tail}")
    return Result(name, pages, seconds, peak, peak_pss, note)


# --- (1) the single-process loop ------------------------------------------------------------
def loop(pages: list[Path], count: int, db: Path) -> None:
    """Our per-page work, one page at a time, in this process (the one-core baseline)."""
    sys.path.insert(0, str(ROOT))
    from newscrawl.writer import ArticleProcessor, project_settings
    from pipelines import database

    processor = ArticleProcessor.from_settings(project_settings(), database.open_db(db))
    for i in range(count):
        url = f"http://127.0.0.1{page_path(i)}"
        html = read_page(pages[i % len(pages)]).decode("utf-8", errors="replace")
        processor.process([{"url": url, "site": "127.0.0.1", "fetched_url": url, "html": html}])
    processor.save_learned()


def crawl_command(base: str, db: Path, *settings: str) -> list[str]:
    command = [
        str(BIN / "scrapy"), "crawl", "news", "-a", f"sitemap={base}/sitemap.xml",
        "-s", f"NEWSCRAWL_DB={db}", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s", "NEWSCRAWL_MIN_WORDS=0", "-s", "LOG_LEVEL=WARNING", "-s", "LOGSTATS_INTERVAL=0",
    ]
    for setting in settings:
        command += ["-s", setting]
    return command


def trafilatura_run(server: CorpusServer, work: Path) -> Result:
    (work / "urls.txt").write_text("\n".join(server.urls()) + "\n")
    config = (Path(__import__("trafilatura").__file__).parent / "settings.cfg").read_text()
    config = config.replace("SLEEP_TIME = 5.0", "SLEEP_TIME = 0")
    config = config.replace("SSRF_PROTECTION = on", "SSRF_PROTECTION = off")
    (work / "trafilatura.cfg").write_text(config)
    out = work / "trafilatura-out"
    command = [str(BIN / "trafilatura"), "-i", "urls.txt", "--parallel", "2",
               "--config-file", "trafilatura.cfg", "-o", out.name]
    result = measure("(4) trafilatura CLI --parallel 2", command, server.count, work)
    result.note = f"{sum(1 for _ in out.rglob('*') if _.is_file())} texts written"
    return result


def stored(db: Path) -> str:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return f"{conn.execute('select count(*) from articles').fetchone()[0]} articles stored"


def table(results: list[Result]) -> None:
    print(f"\n{'run':<42} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak RSS MB':>12} {'peak PSS MB':>12}"
          "  note")
    for r in results:
        rss, pss = r.peak_rss / 2**20, r.peak_pss / 2**20
        numbers = f"{r.pages:>6} {r.seconds:>8.1f} {r.rate:>8.2f} {rss:>12.0f} {pss:>12.0f}"
        print(f"{r.name:<42} {numbers}  {r.note}")


def ratio(label: str, a: Result, b: Result, target: float) -> None:
    value = ratio_of(a, b)
    print(f"{label:<52} {value:5.2f}x  (target >= {target}x) {'ok' if value >= target else 'BELOW TARGET'}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=600, help="pages served and crawled (>= 500)")
    parser.add_argument("--memory-check", action="store_true", help="also crawl 1,000 and 5,000 pages")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of (1)-(4); the table shows the median")
    parser.add_argument("--loop", nargs=2, metavar=("COUNT", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    pages = corpus_pages()
    if args.loop:
        loop(pages, int(args.loop[0]), Path(args.loop[1]))
        return 0
    count = max(500, args.pages)
    print(f"{len(pages)} corpus pages, {count} served (nproc {os.cpu_count()}), {args.repeat} round(s)")
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        work = Path(tmp)
        server = CorpusServer(pages, count)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rounds = [one_round(server, work / f"round{i}", count) for i in range(args.repeat)]
        for i, results in enumerate(rounds, 1):
            if args.repeat > 1:
                print(f"round {i}: (2)/(1) {ratio_of(results[1], results[0]):.2f}x, "
                      f"(3)/(4) {ratio_of(results[2], results[3]):.2f}x")
        results = [median_run([r[i] for r in rounds]) for i in range(4)]
        table(results)
        print()
        ratio("(2) scrapy crawl / (1) single-process loop", results[1], results[0], 1.6)
        ratio("(3) crawl without entities / (4) trafilatura CLI", results[2], results[3], 1.0)
        crawls = [r[1] for r in rounds]
        memory_line("(2) peak memory", max(r.peak_rss for r in crawls), max(r.peak_pss for r in crawls))
        if args.memory_check:
            memory_check(server, pages, work)
        server.shutdown()
    return 0


def one_round(server: CorpusServer, work: Path, count: int) -> list[Result]:
    """(1) to (4) once, in that order."""
    work.mkdir()
    loop_run = measure("(1) single-process loop, full stages", [PYTHON, __file__, "--loop", str(count),
                       str(work / "loop.db")], count, ROOT, env=ONE_THREAD)
    loop_run.note = stored(work / "loop.db")
    full_crawl = crawl_command(server.base, work / "full.db")
    full = measure("(2) scrapy crawl, full pipeline", full_crawl, count, ROOT)
    full.note = stored(work / "full.db")
    noent_crawl = crawl_command(server.base, work / "noent.db", "NEWSCRAWL_ENTITIES_ENABLED=False")
    noent = measure("(3) scrapy crawl, entities off", noent_crawl, count, ROOT)
    noent.note = stored(work / "noent.db")
    return [loop_run, full, noent, trafilatura_run(server, work)]


def median_run(runs: list[Result]) -> Result:
    """The run with the median time (an actual run, so its memory and notes go with it)."""
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def ratio_of(a: Result, b: Result) -> float:
    return a.rate / b.rate if b.rate else 0.0


def memory_check(server: CorpusServer, pages: list[Path], work: Path) -> None:
    runs = []
    for count in (1000, 5000):  # the same 1,000 pages, the second crawl repeats them under new URLs
        big = CorpusServer(pages[:1000], count)
        threading.Thread(target=big.serve_forever, daemon=True).start()
        command = crawl_command(big.base, work / f"m{count}.db")
        runs.append(measure(f"(2) scrapy crawl, {count} pages", command, count, ROOT))
        big.shutdown()
    table(runs)
    for label, small, large in (("RSS", runs[0].peak_rss, runs[1].peak_rss), ("PSS", runs[0].peak_pss,
                                                                                runs[1].peak_pss)):
        growth = large / small - 1 if small else 0.0
        print(f"peak {label} 5,000 vs 1,000 pages: {growth:+.1%} (target within 10%, on RSS)")


def memory_line(label: str, rss: int, pss: int) -> None:
    """The memory target, on summed RSS (which counts pages the workers share with the forkserver in each
    of them: an upper bound); PSS, below it, is printed beside it."""
    verdict = "ok" if rss <= 1200 * 2**20 else "ABOVE TARGET"
    print(f"{label}: summed RSS {rss / 2**20:.0f} MB (target <= 1200 MB) {verdict}; PSS {pss / 2**20:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
