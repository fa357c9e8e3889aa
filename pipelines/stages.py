"""The per-article stages, on plain dicts: what the Scrapy pipelines and the CLI both run.

extract -> clean -> language -> entities; each returns the article or raises
:class:`Rejected` with a short reason (the pipelines turn it into ``DropItem``).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from pipelines import database
from pipelines.boilerplate import SiteHeadlines
from pipelines.clean import clean, reclean
from pipelines.entities import summarise, tag_many
from pipelines.extract import extract, refusal
from pipelines.finance import facts
from pipelines.language import detect_language
from pipelines.pagetype import NON_ARTICLE_DETAIL
from pipelines.promo import word_count

logger = logging.getLogger(__name__)
Article = dict[str, Any]


class Rejected(Exception):
    """The page is not stored; ``reason`` is a short snake_case key for the stats."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason

    @property
    def not_an_article(self) -> bool:
        """A soft 404, a listing or a video page rather than an article that failed a stage."""
        return self.reason in NON_ARTICLE_DETAIL

    @property
    def counter(self) -> str:
        """Its stats key: ``news/non_article/<kind>`` or ``newscrawl/dropped/<reason>``."""
        prefix = "news/non_article" if self.not_an_article else "newscrawl/dropped"
        return f"{prefix}/{self.reason}"


def extract_stage(
    article: Article, drop_selectors: Iterable[str] = (), article_only: bool = False
) -> Article:
    """Fill metadata and body blocks from ``article['html']`` (which is removed). With ``article_only``
    (crawls), a page that is not an article is rejected with its kind (``soft_404``, ``listing``, ``video``:
    :data:`~pipelines.pagetype.NON_ARTICLE_DETAIL`) as the reason."""
    html = article.pop("html", None)
    refused = refusal(html) if html else "empty_body"
    if refused:
        raise Rejected(refused, f"{len(html)} characters" if refused == "too_large" else "")
    result = extract(html, article.get("url"), drop_selectors, article_only)
    if result is not None and result.kind != "article":
        raise Rejected(result.kind, NON_ARTICLE_DETAIL.get(result.kind, ""))
    if result is None:
        raise Rejected("no_text")
    meta = result.metadata
    article.update(
        title=meta.title,
        description=meta.description,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        date_source=meta.date_source,
        image=meta.image,
        tags=meta.tags,
        sitename=meta.sitename,
        is_free=meta.is_free,
        declared_language=meta.declared_language,
        blocks=result.blocks,
        removed=dict(result.removed),  # extraction's removals: a repeated headline, lines not in articleBody
        reasons=list(result.reasons),  # (rule, text) of every paragraph removed, for --debug and the eval
    )
    return article


def clean_stage(
    article: Article,
    learned: Iterable[str] = (),
    min_words: int = 0,
    debug: bool = False,
    headlines: SiteHeadlines | None = None,
) -> Article:
    """Replace ``blocks`` by the clean ``text``; reject bodies shorter than ``min_words``. ``learned`` and
    ``headlines``: what site learning knows of the article's site (:mod:`pipelines.boilerplate`)."""
    cleaned = clean(
        article.pop("blocks", []),
        article.get("title"),
        article.get("authors") or [],
        learned,
        headlines,
    )
    if debug:
        for rule, text in cleaned.reasons:
            logger.info("clean: removed by %s: %s | %.120s", rule, article.get("url"), text)
    removed = dict(article.get("removed") or {})
    for rule, count in cleaned.removed.items():
        removed[rule] = removed.get(rule, 0) + count
    reasons = [*(article.get("reasons") or []), *cleaned.reasons]
    article.update(text=cleaned.text, word_count=word_count(cleaned.text), removed=removed, reasons=reasons)
    if not cleaned.blocks:
        raise Rejected("no_text", "nothing left after cleaning")
    if article["word_count"] < min_words:
        raise Rejected("too_short", f"{article['word_count']} words")
    return article


def reclean_stored(
    db: sqlite_utils.Database,
    urls: Iterable[str],
    learned: Iterable[str],
    headlines: SiteHeadlines | None = None,
    site: str = "",
) -> Counter[str]:
    """Clean the stored articles ``urls`` of a site again with what site learning knows at the end of a
    crawl (:func:`pipelines.clean.reclean`): the pages stored before a promo's shape or a teaser's headline
    was learned. Returns the stats: ``clean/retroactive/articles`` (articles changed) and
    ``clean/retroactive/<rule>`` (paragraphs removed). Entities of a changed article stay as tagged."""
    learned = frozenset(learned)

    def again(text: str, title: str | None) -> tuple[str, dict[str, int]]:
        cleaned = reclean(text, title, learned, headlines)
        return cleaned.text, cleaned.removed

    stats: Counter[str] = Counter()
    for removed in database.reclean_articles(db, urls, again):
        stats["clean/retroactive/articles"] += 1
        stats.update({f"clean/retroactive/{rule}": count for rule, count in removed.items()})
    if stats["clean/retroactive/articles"]:
        logger.info(
            "Re-cleaned %d earlier articles of %s with what the crawl learned",
            stats["clean/retroactive/articles"],
            site or "the site",
        )
    return stats


def language_stage(article: Article, allowed: Iterable[str] = ()) -> Article:
    """Set ``language``; reject languages the site does not publish in, when it says so."""
    article["language"] = detect_language(article.get("text") or "", article.get("declared_language"))
    allowed = list(allowed)
    if allowed and article["language"] not in allowed:
        raise Rejected("wrong_language", str(article["language"]))
    return article


def entities_stage(articles: list[Article]) -> list[Article]:
    """Tag entities of several articles in one batch; money amounts and percentages become ``facts``."""
    tagged = tag_many([a.get("text") or "" for a in articles], [a.get("language") for a in articles])
    for article, mentions in zip(articles, tagged, strict=True):
        article["entities"] = summarise(mentions)
        article["facts"] = facts(article.get("text") or "")
    return articles
