"""Serving speed at scale (``make bench-serve``): p50/p95 of the pages people use, on synthetic articles.

Builds (once, cached in ``data/bench/news.db``) a database with the real schema (``pipelines.database``
migrations) and N synthetic articles: Zipf-distributed words, sites, languages, authors and entities over a
year, then serves it as ``make serve`` does (immutable, inspect data, ``datasette/`` config) with Datasette's
in-process client and times full page renders (HTML) of:

- ranked full-text search (canned query ``search``, FTS5 rank + snippet),
- the articles table page with its facets (site, language, publication day, author),
- an entity's article list (canned query ``articles_mentioning``), for popular and rare entities,
- the top entities this week (canned query ``top_entities``).

Targets: p95 <= 100 ms for search and entity pages, <= 500 ms for the faceted table page.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import sqlite_utils
import yaml
from datasette.app import Datasette

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.database import migrations, open_db  # noqa: E402

CONFIG = ROOT / "datasette"
SEED = 20251216
SITES = ["heise", "reuters", "ft", "bloomberg", "techcrunch", "handelsblatt", "lesechos", "wsj", "verge",
         "cnbc", "finanzen", "theinformation"]
LANGUAGES = {"en": 0.75, "de": 0.17, "fr": 0.08}
TYPES = ["ORG", "ORG", "ORG", "PERSON", "PERSON", "LOC", "TICKER", "INDEX", "EXCHANGE"]
SYLLABLES = ["ka", "ro", "mi", "tel", "san", "vo", "li", "dex", "qua", "zen", "bar", "lo", "nex", "pha",
             "tri", "mor", "el", "sta", "gra", "on", "ix", "ber", "ca", "du", "fin", "ter", "ul", "ny"]
COMMON = [
    "market", "shares", "stock", "investors", "bank", "rate", "inflation", "growth", "revenue", "profit",
    "quarter", "chip", "cloud", "AI", "model", "data", "energy", "oil", "bond", "yield", "earnings", "deal",
    "merger", "startup", "funding", "price", "sales", "the", "a", "of", "and", "to", "in", "on", "for",
    "with", "as", "by", "at", "from", "that", "is", "was", "will", "has",
]


def words(n: int, rng: random.Random) -> list[str]:
    """n distinct synthetic words made of syllables."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def zipf_cum(n: int, s: float = 1.05) -> list[float]:
    total = 0.0
    cum = []
    for rank in range(1, n + 1):
        total += 1 / rank**s
        cum.append(total)
    return cum


def generate(n: int, rng: random.Random) -> Iterator[tuple[dict[str, Any], list[tuple[int, int, int]]]]:
    vocab = COMMON + words(30_000, rng)
    vocab_cum = zipf_cum(len(vocab))
    entity_cum = zipf_cum(ENTITY_COUNT, 1.1)
    authors = [f"{a.title()} {b.title()}" for a, b in zip(words(400, rng), words(400, rng), strict=True)]
    site_cum = zipf_cum(len(SITES), 0.8)
    langs, lang_w = list(LANGUAGES), list(LANGUAGES.values())
    end = datetime(2025, 12, 16, 18, 0, tzinfo=UTC)
    for i in range(1, n + 1):
        published = end - timedelta(seconds=rng.randint(0, 365 * 86400))
        paragraphs = []
        for _ in range(rng.randint(4, 9)):
            sentence = rng.choices(vocab, cum_weights=vocab_cum, k=rng.randint(20, 60))
            paragraphs.append(" ".join(sentence) + ".")
        text = "\n\n".join(paragraphs)
        title = " ".join(rng.choices(vocab, cum_weights=vocab_cum, k=rng.randint(5, 11))).capitalize()
        site = rng.choices(SITES, cum_weights=site_cum)[0]
        entity_ids = sorted(set(rng.choices(range(1, ENTITY_COUNT + 1), cum_weights=entity_cum,
                                            k=rng.randint(3, 14))))
        article = {
            "id": i,
            "url": f"https://{site}.example/{published:%Y/%m/%d}/story-{i}",
            "site": site,
            "title": title,
            "description": paragraphs[0][:200],
            "authors": json.dumps(rng.sample(authors, rng.choice([0, 1, 1, 1, 2]))),
            "published": published.isoformat(timespec="seconds"),
            "date_source": "jsonld",
            "language": rng.choices(langs, weights=lang_w)[0],
            "text": text,
            "word_count": len(text.split()),
            "content_hash": f"{i:064x}",
            "tags": "[]",
            "cleaning": "{}",
            "first_seen": published.isoformat(timespec="seconds"),
            "last_seen": published.isoformat(timespec="seconds"),
        }
        yield article, [(i, e, rng.randint(1, 6)) for e in entity_ids]


ENTITY_COUNT = 20_000


def build(path: Path, n: int) -> None:
    rng = random.Random(SEED)
    partial = path.with_suffix(".partial.db")
    for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        p.unlink(missing_ok=True)
    db = open_db(partial)
    names = words(ENTITY_COUNT, random.Random(SEED + 1))
    entities = []
    for i, name in enumerate(names, 1):
        kind = TYPES[i % len(TYPES)]
        entities.append({"id": i, "name": name.title(), "type": kind,
                         "ticker": name[:4].upper() if kind in ("ORG", "TICKER") else None,
                         "exchange": "NYSE" if kind in ("ORG", "TICKER") else None})
    with db.conn:
        db.table("entities").insert_all(entities)
        db.table("sites").insert_all({"name": s, "title": s.title(), "homepage": f"https://{s}.example/",
                                      "allowed_domains": json.dumps([f"{s}.example"]), "languages": '["en"]',
                                      "updated": "2025-12-16T00:00:00+00:00"} for s in SITES)
    started = time.monotonic()
    batch: list[dict[str, Any]] = []
    links: list[tuple[int, int, int]] = []
    for article, article_links in generate(n, rng):
        batch.append(article)
        links.extend(article_links)
        if len(batch) == 2000:
            _flush(db, batch, links)
            print(f"bench: {article['id']:,}/{n:,} articles ({time.monotonic() - started:.0f}s)",
                  file=sys.stderr, flush=True)
            batch, links = [], []
    _flush(db, batch, links)
    db.execute("insert into articles_fts(articles_fts) values('optimize')")
    db.execute("analyze")
    db.conn.commit()
    db.execute("pragma wal_checkpoint(truncate)")
    db.execute("pragma journal_mode = delete")
    db.close()
    partial.replace(path)


def _flush(db: Any, batch: list[dict[str, Any]], links: list[tuple[int, int, int]]) -> None:
    if not batch:
        return
    with db.conn:
        db.table("articles").insert_all(batch, batch_size=500)
        db.conn.executemany(
            "insert into article_entities (article_id, entity_id, mentions, first_offset) "
            "values (?, ?, ?, 0)",
            links,
        )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, math.ceil(p / 100 * len(ordered)) - 1)
    return ordered[k]


async def measure(path: Path, repeat: int) -> dict[str, dict[str, float]]:
    inspect_file = path.with_name("inspect-data.json")
    if not inspect_file.exists() or inspect_file.stat().st_mtime < path.stat().st_mtime:
        subprocess.run([sys.executable, "-m", "datasette", "inspect", path.name, "--inspect-file",
                        inspect_file.name], cwd=path.parent, check=True)
    ds = Datasette(
        immutables=[str(path)],
        metadata=yaml.safe_load((CONFIG / "metadata.yaml").read_text(encoding="utf-8")),
        template_dir=str(CONFIG / "templates"),
        plugins_dir=str(CONFIG / "plugins"),
        static_mounts=[("static", str(CONFIG / "static"))],
        settings=json.loads((CONFIG / "settings.json").read_text(encoding="utf-8")),
        inspect_data=json.loads(inspect_file.read_text(encoding="utf-8")),
    )
    await ds.invoke_startup()
    db = ds.get_database("news")
    popular = [r[0] for r in (await db.execute(
        "select e.name from entities e where e.id <= 3 order by e.id")).rows]
    middling = [r[0] for r in (await db.execute(
        "select name from entities where id in (50, 400, 3000, 15000)")).rows]
    common = ["market", "shares", "bank", "cloud"]
    rare = [r[0] for r in (await db.execute(
        "select name from entities where id in (700, 5000, 9000)")).rows]
    searches = [
        *(f"{a} {b}" for a, b in zip(common, ["inflation", "earnings", "revenue", "startup"], strict=True)),
        *(w.lower() for w in middling + rare),
        "market", "chip OR cloud", '"bond yield"', "fin*",
    ]
    days = ["", "2025-12-01", "2025-10-15", "2025-06-30"]
    cases: dict[str, list[str]] = {
        "search (ranked, snippet)": [f"/news/search?q={quote_plus(q)}" for q in searches],
        "articles table + facets": ["/news/articles", "/news/articles?language=de",
                                    f"/news/articles?site={SITES[0]}", "/news/articles?_sort=published"],
        "entity article list": [f"/news/articles_mentioning?name={e}" for e in popular + middling + rare],
        "entity page": ["/news/entities/1", "/news/entities/2", "/news/entities/500", "/news/entities/9000"],
        "top entities (week)": [f"/news/top_entities?day={d}&type=" for d in days]
        + ["/news/top_entities?day=&type=ORG"],
    }
    results: dict[str, dict[str, float]] = {}
    for name, urls in cases.items():
        for url in urls:  # warm up: first use of each statement, page cache
            response = await ds.client.get(url)
            assert response.status_code == 200, (url, response.status_code, response.text[:300])
            assert "timed out" not in response.text, f"{url}: a facet timed out"
        timings: list[float] = []
        by_url: dict[str, list[float]] = {url: [] for url in urls}
        for _ in range(repeat):
            for url in urls:
                t = time.perf_counter()
                response = await ds.client.get(url)
                elapsed = (time.perf_counter() - t) * 1000
                timings.append(elapsed)
                by_url[url].append(elapsed)
                assert response.status_code == 200
        slowest = sorted(by_url.items(), key=lambda kv: -statistics.median(kv[1]))[:3]
        worst = ", ".join(f"{u} {statistics.median(t):.0f} ms" for u, t in slowest)
        print(f"bench: {name}: slowest {worst}", file=sys.stderr)
        results[name] = {
            "n": len(timings),
            "p50": statistics.median(timings),
            "p95": percentile(timings, 95),
            "max": max(timings),
        }
    return results


TARGETS = {"search (ranked, snippet)": 100, "articles table + facets": 500, "entity article list": 100,
           "entity page": 100, "top entities (week)": 100}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench" / "news.db")
    parser.add_argument("--repeat", type=int, default=10, help="timed passes over each case's URLs")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the database")
    args = parser.parse_args(argv)
    marker = args.db.with_suffix(".json")
    # the schema is part of the workload: a cached database built before a new migration is rebuilt
    schema = [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]
    wanted = {"articles": args.articles, "seed": SEED, "entities": ENTITY_COUNT, "migrations": schema}
    stale = not args.db.exists() or not marker.exists() or json.loads(marker.read_text()) != wanted
    if args.rebuild or stale:
        args.db.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        build(args.db, args.articles)
        marker.write_text(json.dumps(wanted))
        print(f"bench: built {args.db} in {time.monotonic() - started:.0f}s", file=sys.stderr)
    size = args.db.stat().st_size / 1e6
    results = asyncio.run(measure(args.db, args.repeat))
    print(f"\n{args.articles:,} articles, {size:,.0f} MB database ({args.db})\n")
    print("| page | requests | p50 ms | p95 ms | max ms | target p95 |")
    print("|---|---:|---:|---:|---:|---|")
    failed = False
    for name, r in results.items():
        ok = r["p95"] <= TARGETS[name]
        failed |= not ok
        print(f"| {name} | {r['n']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | "
              f"≤ {TARGETS[name]} ms {'ok' if ok else 'MISSED'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
