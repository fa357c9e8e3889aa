"""newscrawl's Datasette plugin: article and entity pages, robots.txt, read-only guard.

Loaded with ``--plugins-dir datasette/plugins`` (or from ``plugins/`` in configuration-directory mode).
Configuration (``plugins: newscrawl: ...`` in metadata.yaml):

- ``block_robots`` (default true): ``/robots.txt`` disallows everything and pages carry
  ``X-Robots-Tag: noindex, nofollow``; set it to false to let search engines in.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from typing import Any

from urllib.parse import quote

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ArrayFacet
from datasette.utils import escape_fts, escape_sqlite, path_with_added_args, path_with_removed_args, urlsafe_components
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

ARTICLE_LIMIT = 200
_BLANK_LINES = re.compile(r"\n\s*\n")
# FTS5 syntax that marks a query as "advanced": passed to MATCH as written
_FTS_SYNTAX = re.compile(r'"|\*|\^|\bNEAR\(|\b(?:AND|OR|NOT)\b|\w+\s*:')
_MARK = re.compile(r"&lt;(/?)mark&gt;")


def _config(datasette: Any) -> dict[str, Any]:
    return datasette.plugin_config("newscrawl") or {}


def block_robots(datasette: Any) -> bool:
    return bool(_config(datasette).get("block_robots", True))


def paragraphs(text: str | None) -> list[str]:
    """The clean text's paragraphs (they are separated by blank lines); single newlines kept as spaces."""
    if not text:
        return []
    return [" ".join(p.split()) for p in _BLANK_LINES.split(text) if p.strip()]


def from_json(value: Any) -> Any:
    """Parse a JSON column (authors, tags, cleaning); bad or empty JSON gives an empty list."""
    if value in (None, ""):
        return []
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return []


_local = threading.local()


def _fts_syntax_ok(q: str) -> bool:
    """Whether FTS5 accepts the query (checked against an empty in-memory FTS5 table)."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(":memory:")
        conn.execute("create virtual table probe using fts5(title, text)")
    try:
        conn.execute("select rowid from probe where probe match ?", [q]).fetchall()
    except sqlite3.Error:
        return False
    return True


def fts_query(q: str | None) -> str:
    """A MATCH expression for a search box: queries using FTS5 syntax (``OR``, ``"phrases"``, ``prefix*``,
    ``NEAR``) are passed through when valid; anything else is matched as plain words, all required, so
    ``AT&T``, ``e-commerce`` or an unbalanced quote never raise a syntax error."""
    q = (q or "").strip()
    if q and _FTS_SYNTAX.search(q) and _fts_syntax_ok(q):
        return q
    return str(escape_fts(q.replace('"', " "))) or '""'


@hookimpl
def prepare_connection(conn: Any) -> None:
    conn.create_function("newscrawl_fts_query", 1, fts_query, deterministic=True)


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any):
    """In canned query results: snippets keep their <mark> highlights (everything else escaped),
    titles link to the article page, entities to the articles mentioning them."""
    if table is not None or not isinstance(value, str) or not value:
        return None
    keys = row.keys() if hasattr(row, "keys") else []
    if column == "snippet":
        return Markup(_MARK.sub(r"<\1mark>", str(escape(value))))
    if column == "title" and "id" in keys and row["id"] is not None:
        href = datasette.urls.row(database, "articles", row["id"])
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    if column == "entity":
        href = datasette.urls.database(database) + "/articles_mentioning?name=" + quote(value)
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    return None


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    env.filters["paragraphs"] = paragraphs
    env.filters["from_json"] = from_json


async def _article_entities(db: Any, article_id: str) -> list[dict[str, Any]]:
    results = await db.execute(
        """
        select entities.id, entities.name, entities.type, entities.ticker, entities.exchange,
          article_entities.mentions, article_entities.first_offset
        from article_entities join entities on entities.id = article_entities.entity_id
        where article_entities.article_id = :id
        order by article_entities.mentions desc, article_entities.first_offset, entities.name
        """,
        {"id": article_id},
    )
    return [dict(r) for r in results.rows]


async def _entity_articles(db: Any, entity_id: str) -> dict[str, Any]:
    total = await db.execute(
        "select count(*) from article_entities where entity_id = :id", {"id": entity_id}
    )
    # The newest are picked from the (entity_id, article_id, mentions) and (id, published) indexes, and only
    # they are read from articles: a popular entity is in most articles (70k in make bench-serve). INDEXED
    # BY because without ANALYZE statistics SQLite would look published up in the article rows instead.
    results = await db.execute(
        """
        with newest as (
          select article_entities.article_id, article_entities.mentions, articles.published
          from article_entities
          join articles indexed by idx_articles_id_published on articles.id = article_entities.article_id
          where article_entities.entity_id = :id
          order by articles.published desc limit :limit
        )
        select articles.id, newest.published, articles.site, articles.title, newest.mentions
        from newest join articles on articles.id = newest.article_id
        order by newest.published desc
        """,
        {"id": entity_id, "limit": ARTICLE_LIMIT},
    )
    return {"total": total.first()[0], "articles": [dict(r) for r in results.rows]}


@hookimpl
def extra_template_vars(view_name: str, database: str | None, table: str | None, request: Any, datasette: Any):
    if view_name != "row" or request is None or database is None:
        return {}

    async def inner() -> dict[str, Any]:
        components = urlsafe_components(request.url_vars.get("pks", ""))
        if len(components) != 1:
            return {}
        pks = components[0]
        db = datasette.get_database(database)
        if table == "articles":
            return {"article_entities": await _article_entities(db, pks)}
        if table == "entities":
            return {"entity_articles": await _entity_articles(db, pks)}
        return {}

    return inner


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/robots\.txt$", robots_txt)]


async def robots_txt(datasette: Any) -> Response:
    if block_robots(datasette):
        body = "User-agent: *\nDisallow: /\n"
    else:
        body = "User-agent: *\nAllow: /\n"
    return Response.text(body)


READ_METHODS = {"GET", "HEAD", "OPTIONS"}


@hookimpl
def asgi_wrapper(datasette: Any):
    """Read-only at the door: any other method than GET, HEAD and OPTIONS gets 405 (so no canned write
    query or write API can ever run); ``X-Robots-Tag`` on every response when robots are blocked."""

    def wrap(app: Any) -> Any:
        async def add_header(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http" and scope.get("method", "GET").upper() not in READ_METHODS:
                response = Response.text("Read-only: only GET and HEAD requests are allowed\n", status=405)
                response.headers["Allow"] = "GET, HEAD, OPTIONS"
                await response.asgi_send(send)
                return
            if scope.get("type") != "http" or not block_robots(datasette):
                await app(scope, receive, send)
                return

            async def wrapped_send(event: dict[str, Any]) -> None:
                if event["type"] == "http.response.start":
                    headers = [h for h in event.get("headers", []) if h[0].lower() != b"x-robots-tag"]
                    headers.append((b"x-robots-tag", b"noindex, nofollow"))
                    event = {**event, "headers": headers}
                await send(event)

            await app(scope, receive, wrapped_send)

        return add_header

    return wrap


class JsonArrayFacet(ArrayFacet):
    """``_facet_json_array=authors`` (metadata ``{json_array: authors}``): the array facet without
    Datasette 0.65's ``distinct j.value, inner.*`` de-duplication, which copies every row (texts included)
    into a temporary b-tree; this one reads only the array column, from an index when there is one
    (100k articles: ~70 ms instead of > 500 ms). Values repeated inside one array count once per repeat.
    Selecting a value filters with the standard ``COLUMN__arraycontains=VALUE``."""

    type = "json_array"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        facet_results: list[dict[str, Any]] = []
        facets_timed_out: list[str] = []
        facet_size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            facet_sql = f"""
                select j.value as value, count(*) as count
                from (select {escape_sqlite(column)} as facet_array from ({self.sql})) as inner
                join json_each(case when json_valid(inner.facet_array) then inner.facet_array else '[]' end) j
                group by j.value order by count(*) desc, j.value limit {facet_size + 1}
            """
            try:
                rows = await self.ds.execute(
                    self.database, facet_sql, self.params, truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                facets_timed_out.append(column)
                continue
            pairs = self.get_querystring_pairs()
            values = []
            for row in rows.rows[:facet_size]:
                value = str(row["value"])
                arg = {f"{column}__arraycontains": value}
                selected = (f"{column}__arraycontains", value) in pairs
                toggle = (path_with_removed_args if selected else path_with_added_args)(self.request, arg)
                values.append({
                    "value": value, "label": value, "count": row["count"],
                    "toggle_url": self.ds.absolute_url(self.request, toggle), "selected": selected,
                })
            facet_results.append({
                "name": column,
                "type": self.type,
                "results": values,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_json_array": column})),
                "truncated": len(rows.rows) > facet_size,
            })
        return facet_results, facets_timed_out


@hookimpl
def register_facet_classes() -> list[type]:
    return [JsonArrayFacet]
