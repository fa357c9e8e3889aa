"""The ``newscrawl`` command: extraction and tagging of saved pages, outside a crawl."""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newscrawl.progress import tqdm
from pipelines.boilerplate import BoilerplateMemory
from pipelines.entities import configure as configure_entities
from pipelines.entities import tag_many
from pipelines.language import SHORT_TEXT_WORDS, detect_language
from pipelines.stages import Rejected, clean_stage, entities_stage, extract_stage, language_stage


class UserError(Exception):
    """A problem the user can fix; printed as one line, no traceback."""


def read_html(path: Path) -> str:
    """A saved page, plain or gzip-compressed, decoded as UTF-8 (bad bytes replaced)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise UserError(f"{path}: not a valid gzip file") from exc
    return data.decode("utf-8", errors="replace")


def manifest_jobs(manifest: Path) -> Iterator[dict[str, Any]]:
    """Jobs of a JSON lines manifest: id, html_file (relative to the manifest), url."""
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UserError(f"cannot read manifest {manifest}: {exc.strerror}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            yield {
                "id": entry.get("id"),
                "path": manifest.parent / entry["html_file"],
                "url": entry.get("url"),
            }
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(f"{manifest}:{number}: not a manifest line ({exc})") from exc


def first_pass(html: str, url: str | None, memory: BoilerplateMemory) -> dict[str, Any]:
    """Extract one page and show its paragraphs and headline to site learning; cleaned by
    :func:`second_pass` once the whole batch has been seen."""
    site = urlsplit(url or "").hostname or "local"
    article: dict[str, Any] = {"url": url, "html": html, "site": site}
    clock = time.perf_counter()
    try:
        article = extract_stage(article)
        page = url or str(id(article))
        memory.observe(site, page, [b.text for b in article.get("blocks", [])], article.get("title"))
    except Rejected as rejected:
        article.update(text="", error=rejected.reason)
    article["timings"] = {"extract": time.perf_counter() - clock}
    return article


def second_pass(article: dict[str, Any], memory: BoilerplateMemory, debug: bool) -> dict[str, Any]:
    """Clean an extracted page with what site learning knows of its whole batch, then detect its language."""
    timings = article.setdefault("timings", {})
    clock = time.perf_counter()
    if not article.get("error"):
        site = article["site"]
        try:
            article = clean_stage(article, memory.learned(site), 0, debug, memory.headlines(site))
            timings["extract_clean"] = timings.get("extract", 0.0) + time.perf_counter() - clock
            article = language_stage(article)
        except Rejected as rejected:
            article.update(text="", error=rejected.reason)
    timings.setdefault("extract_clean", timings.get("extract", 0.0) + time.perf_counter() - clock)
    timings["total"] = timings.get("extract", 0.0) + time.perf_counter() - clock
    return article


def process(html: str, url: str | None, memory: BoilerplateMemory, debug: bool) -> dict[str, Any]:
    """Run extract -> clean -> language on one page, with what ``memory`` learned so far; entities are
    tagged later in batches. A batch is better served by :func:`first_pass` on every page, then
    :func:`second_pass`."""
    return second_pass(first_pass(html, url, memory), memory, debug)


FIELDS = (
    "id",
    "url",
    "title",
    "text",
    "authors",
    "published",
    "modified",
    "language",
    "entities",
    "facts",
    "description",
    "date_source",
    "tags",
    "image",
    "sitename",
    "is_free",
    "word_count",
    "removed",
    "error",
)


def cmd_extract(args: argparse.Namespace) -> int:
    jobs = [{"id": str(p), "path": Path(p), "url": args.url} for p in args.files]
    if args.manifest:
        jobs += list(manifest_jobs(Path(args.manifest)))
    if not jobs:
        raise UserError("nothing to extract: give HTML files or --manifest FILE.jsonl")
    memory = BoilerplateMemory()
    extracted: list[dict[str, Any]] = []
    unreadable = 0
    quiet = len(jobs) < 20 or args.quiet
    for job in tqdm(jobs, desc="extract", unit="page", disable=quiet):
        try:
            article = first_pass(read_html(job["path"]), job["url"], memory)
        except UserError as exc:  # one bad file: said on stderr and in its own line, the others go on
            print(f"newscrawl: error: {exc}", file=sys.stderr)
            article, unreadable = {"url": job["url"], "text": "", "error": str(exc)}, unreadable + 1
        article["id"] = job["id"]
        extracted.append(article)
    # second pass: the first pages of a site are cleaned with what its last pages taught
    batch: list[dict[str, Any]] = []
    for article in tqdm(extracted, desc="clean", unit="page", disable=quiet):
        batch.append(second_pass(article, memory, args.debug))
        if len(batch) >= 32:
            emit(batch, args.no_entities)
            batch = []
    emit(batch, args.no_entities)
    return 1 if unreadable else 0


def emit(batch: list[dict[str, Any]], no_entities: bool) -> None:
    if not no_entities:
        entities_stage(batch)
    for article in batch:
        row = {k: article.get(k) for k in FIELDS}
        row["entities"] = row["entities"] or []
        print(json.dumps(row, ensure_ascii=False), flush=False)
    sys.stdout.flush()


def cmd_entities(args: argparse.Namespace) -> int:
    configure_entities(args.tickers_file or os.environ.get("NEWSCRAWL_TICKERS_FILE", ""))
    stream = open(args.input, encoding="utf-8") if args.input != "-" else sys.stdin  # noqa: SIM115
    with stream:
        batch: list[dict[str, Any]] = []
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                language = doc.get("language") or text_language(str(doc["text"]))
                batch.append({"id": doc.get("id"), "text": str(doc["text"]), "language": language})
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise UserError(f'line {number}: expected {{"id", "text"}} ({exc})') from exc
            if len(batch) >= 32:
                print_entities(batch)
                batch = []
        print_entities(batch)
    return 0


def text_language(text: str) -> str:
    """The language of a text given without one: detected, as the English model on a German text tags
    its capitalised nouns as names; English for a text too short to tell ("Apple rose 3%." reads as
    Afrikaans) or when detection fails."""
    if len(text.split()) < SHORT_TEXT_WORDS:
        return "en"
    return detect_language(text) or "en"


def print_entities(batch: list[dict[str, Any]]) -> None:
    """One JSON line per document: its mentions with offsets, canonical names and tickers."""
    tagged = tag_many([d["text"] for d in batch], [d["language"] for d in batch])
    for doc, mentions in zip(batch, tagged, strict=True):
        entities = [
            {
                "text": m.text,
                "label": m.label,
                "start": m.start,
                "end": m.end,
                "canonical": m.canonical,
                "ticker": m.ticker,
            }
            for m in mentions
        ]
        print(json.dumps({"id": doc["id"], "entities": entities}, ensure_ascii=False))
    sys.stdout.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="extract clean articles from saved HTML (JSON lines out)")
    ext.add_argument("files", nargs="*", help="HTML files (.html or .html.gz)")
    ext.add_argument("--url", help="the URL the files were fetched from")
    ext.add_argument("--manifest", help='JSON lines: {"id", "html_file", "url"}')
    ext.add_argument("--debug", action="store_true", help="log every removed paragraph and why")
    ext.add_argument("--no-entities", action="store_true", help="skip entity tagging")
    ext.add_argument("--quiet", action="store_true", help="no progress bar")
    ext.set_defaults(func=cmd_extract)
    ent = sub.add_parser("entities", help='tag entities of JSON lines {"id", "text"}')
    ent.add_argument("input", nargs="?", default="-", help="JSON lines file (default: stdin)")
    ent.add_argument(
        "--tickers-file",
        default="",
        help="SEC company_tickers_exchange.json for ticker links (default: $NEWSCRAWL_TICKERS_FILE)",
    )
    ent.set_defaults(func=cmd_entities)
    add_scale_commands(sub)
    return parser


def add_scale_commands(sub: Any) -> None:
    """``write`` (the cluster's writer), ``reprocess``, ``ingest-warc`` (newscrawl.writer, newscrawl.warc)."""
    from newscrawl import warc, writer

    for name, text, add_arguments, func in (
        ("write", "store the articles cluster workers push to Redis", writer.add_arguments, writer.cmd_write),
        ("reprocess", "re-run the stages on archived pages (WARC)", warc.add_reprocess_arguments,
         warc.cmd_reprocess),
        ("ingest-warc", "run the stages on the article pages of WARC files", warc.add_ingest_arguments,
         warc.cmd_ingest_warc),
    ):
        command = sub.add_parser(name, help=text)
        add_arguments(command)
        command.set_defaults(func=func)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "debug", False) else logging.WARNING,
        format="%(levelname)s %(message)s",
        stream=sys.stderr,
    )
    if getattr(args, "debug", False):  # what extraction itself removed (articleBody check) is logged at DEBUG
        logging.getLogger("pipelines.extract").setLevel(logging.DEBUG)
    else:  # "discarding data: None" on an empty page: each page's own line says why it has no text
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"newscrawl: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
