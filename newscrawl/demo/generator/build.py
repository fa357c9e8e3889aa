#!/usr/bin/env python3
"""Generate newscrawl/demo/site/ and newscrawl/demo/expected.json from the article data.

Run: /work/main/.venv/bin/python /tmp/newscrawl-demo-build/build.py
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from datetime import datetime, timezone
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xesc

sys.path.insert(0, str(Path(__file__).parent))
from articles_a import ARTICLES_A, AUTHOR_BIOS_A  # noqa: E402
from articles_b import ARTICLES_B, AUTHOR_BIOS_B  # noqa: E402
from articles_c import ARTICLES_C  # noqa: E402

DEMO = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
SITE = DEMO / "site"
B = "{{BASE}}"
Art = dict[str, Any]


def dt(a: Art) -> datetime:
    return datetime.fromisoformat(a["published"])


ALL: list[Art] = sorted(ARTICLES_A + ARTICLES_B + ARTICLES_C, key=dt, reverse=True)
BY_KEY = {a["key"]: a for a in ALL}
for _i, _a in enumerate(ALL):
    _a["post_id"] = 4870 - _i * 7

CATS = {
    "ai": {"name": "AI & Quantum Computing", "b": "AI", "c": "AI", "de": "KI"},
    "tech": {"name": "Tech", "b": "Technology", "c": "Tech", "de": "Technologie"},
    "markets": {"name": "Markets", "b": "Markets", "c": "Markets", "de": "Märkte"},
}
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
POPULAR = ["seed", "B1", "C2", "A6", "B2"]
PARTNER = "https://partner.example/free-analysis"
SOFT404 = "/2025/11/30/this-story-was-removed/"
VIDEO = "/video/qwen-demo/"
DRAFT = "/private/draft/"
FOOTER_NOTE = ("NewsCase Demo is a fictional news site: every story here was written as test "
               "data for newscrawl. Nothing on this site is investment advice.")


def e(s: str) -> str:
    return html.escape(s, quote=False)


def q(s: str) -> str:
    return html.escape(s, quote=True)


def date_us(d: datetime) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def date_uk(d: datetime) -> str:
    return f"{d.day} {d:%B} {d.year}"


def date_de(d: datetime) -> str:
    return f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}"


def paragraphs(a: Art) -> list[str]:
    return [b for b in a["body"] if isinstance(b, str)]


def excerpt(a: Art, n: int = 28) -> str:
    words = paragraphs(a)[0].split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def authors_text(names: list[str], conj: str = "and") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conj} " + names[-1]


def pick_others(a: Art, n: int, skip: tuple[str, ...] = ()) -> list[Art]:
    i = ALL.index(a)
    out: list[Art] = []
    for step in range(1, len(ALL)):
        cand = ALL[(i + step * 2) % len(ALL)]
        if cand is not a and cand["key"] not in skip and cand not in out:
            out.append(cand)
        if len(out) == n:
            break
    return out


class Ctx:
    """Collects the clean body and every boilerplate string inserted on one page."""

    def __init__(self) -> None:
        self.body: list[str] = []
        self.must_not: list[str] = []

    def bad(self, *texts: str) -> None:
        for t in texts:
            if t not in self.must_not:
                self.must_not.append(t)


# --------------------------------------------------------------------------- chrome (WordPress)
def wp_head(title: str, extra: str = "", lang: str = "en-US") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n{extra}"
        '<link rel="alternate" type="application/rss+xml" title="NewsCase &raquo; Feed" '
        f'href="{B}/feed.xml">\n'
        '<link rel="stylesheet" href="/assets/style.css">\n</head>\n'
    )


def wp_header() -> str:
    return (
        '<div id="td-outer-wrap" class="td-theme-wrap">\n'
        '<div class="td-header-wrap td-header-style-1">\n'
        '<div class="td-header-top-menu"><ul class="top-header-menu">'
        '<li><a href="/about/">About</a></li><li><a href="/feed.xml">RSS</a></li>'
        '<li><a href="/tag/ai/">#AI</a></li></ul></div>\n'
        '<div class="td-header-logo"><a class="td-main-logo" href="/">'
        '<img src="/assets/logo.svg" alt="NewsCase Demo" width="220" height="40"></a></div>\n'
        '<div class="td-header-menu-wrap"><ul id="menu-main" class="sf-menu">'
        '<li><a href="/">Home</a></li>'
        '<li><a href="/category/ai/">AI &amp; Quantum Computing</a></li>'
        '<li><a href="/category/tech/">Tech</a></li>'
        '<li><a href="/category/markets/">Markets</a></li>'
        f'<li><a href="{VIDEO}">Video</a></li></ul></div>\n</div>\n'
    )


def wp_footer() -> str:
    return (
        '<div class="td-footer-wrap"><div class="td-container">'
        f'<p class="footer-text">{e(FOOTER_NOTE)}</p>'
        '<ul class="footer-menu"><li><a href="/about/">About us</a></li>'
        '<li><a href="/author/brett-shapiro/">Our authors</a></li>'
        '<li><a href="/feed.xml">RSS feed</a></li><li><a href="/sitemap.xml">Sitemap</a></li>'
        f'<li><a href="{DRAFT}">Editorial preview</a></li></ul>'
        '<div class="td-sub-footer-copy">© 2025 NewsCase Demo. All rights reserved.</div>'
        "</div></div>\n</div>\n</body>\n</html>\n"
    )


def module_item(a: Art, href: str | None = None, comments: bool = True) -> str:
    d = dt(a)
    link = href or a["path"]
    com = ""
    if comments and a["layout"] == "A":
        n = a["post_id"] % 9 + 1
        com = f' <a class="td-module-comments" href="{a["path"]}#comments">{n}</a>'
    return (
        '<div class="td_module_10 td_module_wrap"><div class="td-module-thumb">'
        f'<a href="{q(link)}"><img class="entry-thumb" src="/assets/placeholder.svg" alt="" '
        'width="218" height="150"></a></div><div class="item-details">'
        f'<h3 class="entry-title td-module-title"><a href="{q(link)}" rel="bookmark">'
        f'{e(a["title"])}</a></h3><div class="td-module-meta-info">'
        f'<span class="td-post-author-name">{e(authors_text(a["authors"]))}</span> '
        f'<span class="td-post-date"><time class="entry-date" datetime="{a["published"]}">'
        f"{date_us(d)}</time></span>{com}</div>"
        f'<div class="td-excerpt">{e(excerpt(a))}</div></div></div>\n'
    )


# --------------------------------------------------------------------------- layout A
def a_content(a: Art, ctx: Ctx) -> str:
    out: list[str] = []
    if a.get("seed"):
        out.append(f"<h2>{e(a['title_h2'])}</h2>")
        ctx.body.append(a["title_h2"])
    for blk in a["body"]:
        if isinstance(blk, str):
            out.append(f"<p>{e(blk)}</p>")
            ctx.body.append(blk)
        elif blk[0] in ("h2", "h3"):
            out.append(f"<{blk[0]}>{e(blk[1])}</{blk[0]}>")
            ctx.body.append(blk[1])
        elif blk[0] == "ask":
            out.append(f'<p><strong><a href="{PARTNER}?src=inline&amp;id={a["post_id"]}" '
                       f'rel="sponsored nofollow" target="_blank">{e(blk[1])}</a></strong></p>')
            ctx.bad(blk[1])
        elif blk[0] == "ad":
            _, head, text, link, tag = blk
            head_html = (f"<h2>{e(head)}</h2>" if tag == "h2"
                         else f'<p class="promo-title"><strong>{e(head)}</strong></p>')
            out.append(
                '<div class="td-a-rec td-a-rec-id-content_bottom tdi_ad">'
                '<span class="td-adspot-title">Ad</span>'
                f'<div class="stock-analysis-box">{head_html}<p>{e(text)}</p>'
                f'<p><a href="{PARTNER}?src=box&amp;id={a["post_id"]}" rel="sponsored nofollow" '
                f'target="_blank">{e(link)}</a></p></div></div>'
            )
            ctx.bad(head, text, link)
        else:
            raise ValueError(blk)
    return "\n".join(out)


def a_author_box(a: Art, ctx: Ctx) -> str:
    name = a["authors"][0]
    bio = AUTHOR_BIOS_A[name]
    ctx.bad(bio)
    if name == "Brett Shapiro":
        ctx.bad("https://www.newscase.com/")
        name_html = f'<a href="/author/brett-shapiro/">{e(name)}</a>'
        url_html = ('<div class="td-author-url"><a href="https://www.newscase.com/">'
                    "https://www.newscase.com/</a></div>")
    else:
        name_html, url_html = f"<span>{e(name)}</span>", ""
    return (
        '<div class="td-author-box author-box-wrap">'
        f'<img class="avatar" src="/assets/placeholder.svg" alt="{q(name)}" width="96" '
        'height="96"><div class="desc">'
        f'<div class="td-author-name vcard author">{name_html}</div>{url_html}'
        f'<div class="td-author-description">{e(bio)}</div></div></div>\n'
    )


def a_must_read(a: Art, ctx: Ctx) -> str:
    keys = a.get("must_read")
    items = [BY_KEY[k] for k in keys] if keys else pick_others(a, 3)
    ctx.bad("Must Read", *[x["title"] for x in items])
    lis = "".join(
        f'<div class="td_module_related_posts"><h3 class="entry-title td-module-title">'
        f'<a href="{x["path"]}">{e(x["title"])}</a></h3></div>' for x in items
    )
    return (
        '<div class="td_block_wrap td_block_related_posts">'
        '<h4 class="block-title"><span>Must Read</span></h4>'
        f'{lis}<div class="td-module-thumb"><img class="entry-thumb" '
        'src="/assets/placeholder.svg" alt="spot_img" width="324" height="160"></div></div>\n'
    )


def a_sidebar(a: Art, ctx: Ctx) -> str:
    items = [BY_KEY[k] for k in POPULAR if k != a["key"]][:4]
    ctx.bad("Most popular", *[x["title"] for x in items], "Advertisement")
    lis = "".join(f'<li><a href="{x["path"]}">{e(x["title"])}</a></li>' for x in items)
    return (
        '<div class="td-pb-span4 td-main-sidebar"><div class="td_block_wrap td_block_popular">'
        f'<h4 class="block-title"><span>Most popular</span></h4><ul>{lis}</ul></div>'
        '<div class="td_block_wrap td-a-rec"><span class="td-adspot-title">- Advertisement -'
        '</span><div class="td-ad-300x600"></div></div></div>\n'
    )


def render_a(a: Art) -> tuple[str, Ctx]:
    ctx = Ctx()
    d = dt(a)
    cat = CATS[a["cat"]]
    url = B + a["path"]
    name = a["authors"][0]
    amp = f'<link rel="amphtml" href="{B}{a["amp"]}">\n' if a.get("amp") else ""
    head = wp_head(
        f"{a['title']} - NewsCase",
        f'<link rel="canonical" href="{url}">\n{amp}'
        f'<meta name="description" content="{q(excerpt(a, 24))}">\n'
        f'<meta name="author" content="{q(name)}">\n'
        '<meta property="og:locale" content="en_US">\n<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{q(a["title"])}">\n'
        f'<meta property="og:url" content="{url}">\n'
        '<meta property="og:site_name" content="NewsCase">\n'
        f'<meta property="og:image" content="{B}/assets/placeholder.svg">\n'
        f'<meta property="article:section" content="{q(cat["name"])}">\n'
        f'<meta property="article:published_time" content="{a["published"]}">\n',
    )
    meta = ""
    if not a.get("seed"):
        author_link = (f'<a href="/author/brett-shapiro/">{e(name)}</a>'
                       if name == "Brett Shapiro" else f"<span>{e(name)}</span>")
        meta = (
            '<div class="td-module-meta-info"><div class="td-post-author-name">'
            f'<span class="td-author-by">By</span> {author_link}</div> '
            '<span class="td-post-date"><time class="entry-date updated td-module-date" '
            f'datetime="{a["published"]}">{date_us(d)}</time></span></div>'
        )
        ctx.bad(f"By {name}", date_us(d))
    featured = ""
    if a.get("caption"):
        featured = (
            '<div class="td-post-featured-image"><figure class="wp-caption">'
            '<img class="entry-thumb" src="/assets/placeholder.svg" alt="" width="696" '
            f'height="392"><figcaption class="wp-caption-text">{e(a["caption"])}</figcaption>'
            "</figure></div>\n"
        )
        ctx.bad(a["caption"])
    content = a_content(a, ctx)
    ctx.bad("Leave a Reply", "You must be logged in to post a comment.")
    page = (
        head
        + f'<body class="post-template-default single single-post postid-{a["post_id"]} '
        'td-standard-pack">\n'
        + wp_header()
        + '<div class="td-main-content-wrap td-container-wrap"><div class="td-container">\n'
        '<div class="td-crumb-container"><div class="entry-crumbs">'
        '<span><a class="entry-crumb" href="/">Home</a></span> '
        '<i class="td-icon-right td-bread-sep"></i> '
        f'<span><a class="entry-crumb" href="/category/{a["cat"]}/">{e(cat["name"])}</a></span>'
        "</div></div>\n"
        '<div class="td-pb-row"><div class="td-pb-span8 td-main-content">\n'
        f'<article id="post-{a["post_id"]}" class="post-{a["post_id"]} post type-post '
        f'status-publish format-standard category-{a["cat"]}">\n'
        '<div class="td-post-header"><header class="td-post-title">'
        f'<h1 class="entry-title">{e(a["title"])}</h1>{meta}</header></div>\n'
        + featured
        + f'<div class="td-post-content tagdiv-type">\n{content}\n</div>\n'
        '<footer>' + a_author_box(a, ctx) + "</footer>\n</article>\n"
        + a_must_read(a, ctx)
        + '<div id="comments" class="comments"><div id="respond" class="comment-respond">'
        '<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>'
        '<p class="must-log-in">You must be logged in to post a comment.</p></div></div>\n'
        "</div>\n"
        + a_sidebar(a, ctx)
        + "</div></div></div>\n"
        + wp_footer()
    )
    return page, ctx


# --------------------------------------------------------------------------- layout B
def b_jsonld(a: Art) -> str:
    url = B + a["path"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": a["title"],
        "description": excerpt(a, 24),
        "image": [f"{B}/assets/placeholder.svg"],
        "datePublished": a["published"],
        "dateModified": a["modified"],
        "author": [{"@type": "Person", "name": n} for n in a["authors"]],
        "publisher": {
            "@type": "Organization",
            "name": "NewsCase",
            "logo": {"@type": "ImageObject", "url": f"{B}/assets/logo.svg"},
        },
        "articleSection": CATS[a["cat"]]["b"],
        "inLanguage": "en-GB",
        "isAccessibleForFree": True,
    }
    raw = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{raw}\n</script>\n'


def b_body(a: Art, ctx: Ctx) -> str:
    out: list[str] = []
    n_ad = 0
    for blk in a["body"]:
        if isinstance(blk, str):
            out.append(f"<p>{e(blk)}</p>")
            ctx.body.append(blk)
        elif blk[0] == "h2":
            out.append(f"<h2>{e(blk[1])}</h2>")
            ctx.body.append(blk[1])
        elif blk[0] == "readmore":
            t = BY_KEY[blk[1]]
            out.append(f'<p class="read-more"><strong>READ MORE:</strong> '
                       f'<a href="{t["path"]}">{e(t["title"])}</a></p>')
            ctx.bad(f"READ MORE: {t['title']}")
        elif blk[0] == "advert":
            n_ad += 1
            out.append('<aside class="ad-slot" aria-label="Advertisement">'
                       '<p class="ad-label">Advertisement</p>'
                       f'<div class="ad-unit" id="ad-inread-{n_ad}" data-size="300x250"></div>'
                       "</aside>")
            ctx.bad("Advertisement")
        elif blk[0] == "newsletter":
            _, head, text, button = blk
            out.append(
                '<aside class="newsletter-signup" data-component="newsletter">'
                f"<h3>{e(head)}</h3><p>{e(text)}</p>"
                '<form action="https://subscribe.example/newscase" method="post">'
                '<label>Email address <input type="email" name="email" required></label> '
                f'<button type="submit">{e(button)}</button></form></aside>'
            )
            ctx.bad(head, text, button, "Email address")
        else:
            raise ValueError(blk)
    return "\n".join(out)


def render_b(a: Art) -> tuple[str, Ctx]:
    ctx = Ctx()
    d = dt(a)
    mod = datetime.fromisoformat(a["modified"])
    url = B + a["path"]
    cat = CATS[a["cat"]]
    byline_links = [f'<a href="#authors" rel="author">{e(n)}</a>' for n in a["authors"]]
    byline_html = "By " + (byline_links[0] if len(byline_links) == 1
                           else ", ".join(byline_links[:-1]) + " and " + byline_links[-1])
    ctx.bad("By " + authors_text(a["authors"]))
    stamp = f"{date_uk(d)}, {d:%H:%M} GMT"
    ctx.bad(stamp)
    updated = ""
    if mod != d:
        utext = f"{mod:%H:%M} GMT" if mod.date() == d.date() else f"{date_uk(mod)}, {mod:%H:%M} GMT"
        updated = (f' <span class="updated">Updated <time datetime="{a["modified"]}">'
                   f"{utext}</time></span>")
        ctx.bad(f"Updated {utext}")
    share = ('<div class="share-bar" role="group" aria-label="Share this story">'
             f'<a class="share-x" href="https://x.com/intent/post?url={url}">Share on X</a> '
             '<a class="share-li" href="https://www.linkedin.com/sharing/share-offsite/?url='
             f'{url}">Share on LinkedIn</a> '
             '<button type="button" class="copy-link">Copy link</button></div>')
    ctx.bad("Share on X", "Share on LinkedIn", "Copy link")
    ctx.bad(a["caption"], a["credit"])
    body = b_body(a, ctx)
    plural = len(a["authors"]) > 1
    about = "About the authors" if plural else "About the author"
    cards = "".join(
        f'<div class="author-card"><p class="author-name">{e(n)}</p>'
        f'<p class="author-bio">{e(AUTHOR_BIOS_B[n])}</p></div>' for n in a["authors"]
    )
    ctx.bad(about, *[AUTHOR_BIOS_B[n] for n in a["authors"]])
    related = [BY_KEY[k] for k in a["related"]]
    rel_html = "".join(
        f'<li><a href="{r["path"]}"><img src="/assets/placeholder.svg" alt="" width="120" '
        f'height="68"><span>{e(r["title"])}</span></a></li>' for r in related
    )
    ctx.bad("Related stories", *[r["title"] for r in related])
    page = (
        f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(a['title'])} | NewsCase</title>\n"
        f'<link rel="canonical" href="{url}">\n'
        f'<meta name="description" content="{q(excerpt(a, 24))}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{q(a["title"])}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="og:image" content="{B}/assets/placeholder.svg">\n'
        '<meta property="og:site_name" content="NewsCase">\n'
        '<meta name="twitter:card" content="summary_large_image">\n'
        + b_jsonld(a)
        + '<link rel="stylesheet" href="/assets/style.css">\n</head>\n'
        '<body class="layout-b">\n'
        '<header class="site-header"><a class="brand" href="/">NewsCase</a>'
        '<nav aria-label="Sections"><a href="/category/markets/">Markets</a> '
        '<a href="/category/tech/">Technology</a> <a href="/category/ai/">AI</a> '
        f'<a href="{VIDEO}">Video</a></nav></header>\n'
        '<main id="main" class="page-grid">\n<article class="story">\n'
        '<header class="story-header">'
        f'<p class="kicker"><a href="/category/{a["cat"]}/">{e(cat["b"])}</a></p>'
        f'<h1 class="story-headline">{e(a["title"])}</h1>'
        f'<p class="byline">{byline_html}</p>'
        f'<p class="dateline"><time datetime="{a["published"]}">{stamp}</time>{updated}</p>'
        f"{share}</header>\n"
        '<figure class="lead-image"><img src="/assets/placeholder.svg" alt="" width="1200" '
        f'height="675"><figcaption>{e(a["caption"])} <span class="credit">{e(a["credit"])}'
        "</span></figcaption></figure>\n"
        f'<div class="story-body">\n{body}\n</div>\n'
        f'<footer class="story-footer"><section id="authors" class="author-cards">'
        f"<h2>{about}</h2>{cards}</section></footer>\n"
        "</article>\n"
        f'<aside class="related-rail"><h2>Related stories</h2><ul>{rel_html}</ul></aside>\n'
        "</main>\n"
        f'<footer class="site-footer"><p>{e(FOOTER_NOTE)}</p>'
        '<p><a href="/about/">About NewsCase</a> · <a href="/feed.xml">RSS</a> · '
        '<a href="/sitemap.xml">Sitemap</a></p></footer>\n</body>\n</html>\n'
    )
    return page, ctx


# --------------------------------------------------------------------------- layout C
def c_body(a: Art, ctx: Ctx, de: bool) -> str:
    out: list[str] = []
    n = 0
    for blk in a["body"]:
        if isinstance(blk, str):
            out.append(f"<p>{e(blk)}</p>")
            ctx.body.append(blk)
        elif blk[0] == "h3":
            out.append(f'<h3 class="crosshead">{e(blk[1])}</h3>')
            ctx.body.append(blk[1])
        elif blk[0] == "ask":
            out.append(f'<p><b><a href="{PARTNER}?src=portal&amp;p={a["post_id"]}" '
                       f'rel="sponsored">{e(blk[1])}</a></b></p>')
            ctx.bad(blk[1])
        elif blk[0] == "promo":
            _, head, text, link = blk
            label = "Anzeige" if de else "Sponsored"
            out.append(
                f'<div class="promo"><div class="promo-label">{label}</div>'
                f'<p class="promo-head"><b>{e(head)}</b></p><p>{e(text)}</p>'
                f'<p><a href="{PARTNER}?src=promo&amp;p={a["post_id"]}" rel="sponsored">'
                f"{e(link)}</a></p></div>"
            )
            ctx.bad(label, head, text, link)
        elif blk[0] == "continues":
            n += 1
            marker = "Weiter nach der Anzeige" if de else "Story continues below"
            out.append(f'<div class="story-continues">{marker}</div>'
                       f'<div class="ad-container" id="div-gpt-ad-{n}"></div>')
            ctx.bad(marker)
        elif blk[0] == "newsletter":
            _, head, text, button = blk
            placeholder = "Ihre E-Mail-Adresse" if de else "Your email"
            out.append(
                f'<div class="nl-box"><div class="nl-title">{e(head)}</div>'
                f'<div class="nl-text">{e(text)}</div>'
                '<form action="https://subscribe.example/portal" method="post">'
                f'<input type="email" name="email" placeholder="{placeholder}"> '
                f'<button type="submit">{e(button)}</button></form></div>'
            )
            ctx.bad(head, text, button)
        elif blk[0] == "plug":
            out.append(f'<p class="plug"><a href="{PARTNER}?src=plug&amp;p={a["post_id"]}" '
                       f'rel="sponsored">{e(blk[1])}</a></p>')
            ctx.bad(blk[1])
        elif blk[0] == "alsoread":
            t = BY_KEY[blk[1]]
            out.append(f'<p class="also-read">Lesen Sie auch: <a href="{t["path"]}">'
                       f"{e(t['title'])}</a></p>")
            ctx.bad(f"Lesen Sie auch: {t['title']}")
        else:
            raise ValueError(blk)
    return "\n".join(out)


def c_byline(a: Art, ctx: Ctx, de: bool) -> str:
    d = dt(a)
    name = a["authors"][0]
    date_txt = date_de(d) if de else date_us(d)
    by = "Von" if de else "By"
    kind = a["byline"]
    if kind == "text":
        text = f"{by} {name} | {date_txt}"
        ctx.bad(text)
        return f'<div class="byline-line">{e(text)}</div>'
    if kind == "time":
        ctx.bad(f"{by} {name} | {date_txt}")
        return (f'<div class="byline-line">{by} <span class="author">{e(name)}</span> | '
                f'<time datetime="{a["published"]}">{date_txt}</time></div>')
    short = f"{d:%b}. {d.day}, {d.year}"
    ctx.bad(f"{by} {name}", short)
    return (f'<div class="story-meta"><span class="author">{by} {e(name)}</span> '
            f'<span class="sep">·</span> <time datetime="{a["published"]}">{short}</time></div>')


def render_c(a: Art) -> tuple[str, Ctx]:
    ctx = Ctx()
    de = a["lang"] == "de"
    url = B + a["path"]
    cat = CATS[a["cat"]]
    meta = ""
    if a["canonical"]:
        meta = (f'<link rel="canonical" href="{url}">\n'
                f'<meta property="og:title" content="{q(a["title"])}">\n'
                f'<meta property="og:url" content="{url}">\n'
                '<meta property="og:type" content="article">\n')
    byline = c_byline(a, ctx, de)
    img = ""
    if a.get("caption"):
        img = ('<div class="img-wrap"><img src="/assets/placeholder.svg" alt="" width="640" '
               f'height="360"><div class="img-caption">{e(a["caption"])}</div></div>\n')
        ctx.bad(a["caption"])
    body = c_body(a, ctx, de)
    disclosure = ""
    if a.get("disclosure"):
        disclosure = f'\n<div class="disclosure"><i>{e(a["disclosure"])}</i></div>'
        ctx.bad(a["disclosure"])
    more = [BY_KEY[k] for k in a["more"]]
    more_title = "Mehr zum Thema" if de else "More from NewsCase Markets"
    ctx.bad(more_title, *[m["title"] for m in more])
    more_html = "".join(f'<li><a href="{m["path"]}">{e(m["title"])}</a></li>' for m in more)
    home, sec = ("Startseite", cat["de"]) if de else ("Home", cat["c"])
    tickers = "".join(f"<li>{t}</li>" for t in ("HLVS", "QBTR", "NWB", "SLGD", "KSTR", "CLVN"))
    page = (
        f'<!DOCTYPE html>\n<html lang="{"de-DE" if de else "en-US"}">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        f"<title>{e(a['title'])} | NewsCase Markets</title>\n"
        f'<meta name="description" content="{q(excerpt(a, 24))}">\n'
        + meta
        + '<link rel="stylesheet" href="/assets/style.css">\n</head>\n'
        '<body class="portal">\n<div id="portal-top"><div class="logo"><a href="/">NewsCase '
        '<span>Markets</span></a></div><div class="topnav">'
        f'<a href="/category/markets/">{"Märkte" if de else "Markets"}</a> | '
        f'<a href="/category/tech/">{"Technologie" if de else "Tech"}</a> | '
        f'<a href="/category/ai/">{"KI" if de else "AI"}</a></div></div>\n'
        '<div class="wrapper"><div class="main-col">\n'
        f'<div class="breadcrumbs"><a href="/">{home}</a> &rsaquo; '
        f'<a href="/category/{a["cat"]}/">{e(sec)}</a></div>\n'
        f'<div class="headline-box"><h1 class="story-title">{e(a["title"])}</h1>\n'
        f"{byline}</div>\n"
        + img
        + f'<div class="story-body"><div class="article-text">\n{body}\n</div>{disclosure}</div>\n'
        f'<div class="more-from"><div class="mf-title">{more_title}</div><ul>{more_html}</ul>'
        "</div>\n</div>\n"
        '<div class="right-col"><div class="widget"><div class="w-title">Trending tickers</div>'
        f"<ul>{tickers}</ul></div></div></div>\n"
        f'<div class="portal-footer">{e(FOOTER_NOTE)} | <a href="/about/">About</a> | '
        '<a href="/feed.xml">RSS</a></div>\n</body>\n</html>\n'
    )
    return page, ctx


# --------------------------------------------------------------------------- other pages
def render_amp(a: Art) -> str:
    d = dt(a)
    paras = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs(a))
    return (
        f'<!doctype html>\n<html amp lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(a['title'])} - NewsCase</title>\n"
        f'<link rel="canonical" href="{B}{a["path"]}">\n'
        '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
        "<style amp-custom>body{font-family:Georgia,serif;margin:1rem}</style>\n</head>\n"
        '<body>\n<header class="amp-header"><a href="/">NewsCase</a></header>\n'
        f"<article>\n<h1>{e(a['title'])}</h1>\n"
        f'<p class="amp-byline">By {e(a["authors"][0])} · {date_us(d)}</p>\n{paras}\n'
        '<div class="amp-ad-label">Advertisement</div>\n'
        '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/newscase">'
        "</amp-ad>\n</article>\n"
        f"<footer><p>{e(FOOTER_NOTE)}</p></footer>\n</body>\n</html>\n"
    )


def listing_page(path: str, title: str, heading: str, inner: str, lang: str = "en-US") -> str:
    head = wp_head(f"{title} - NewsCase",
                   f'<link rel="canonical" href="{B}{path}">\n'
                   '<meta property="og:type" content="website">\n'
                   f'<meta property="og:title" content="{q(title)}">\n', lang)
    return (
        head + '<body class="archive td-standard-pack">\n' + wp_header()
        + '<div class="td-main-content-wrap td-container-wrap"><div class="td-container">\n'
        f'<div class="td-page-header"><h1 class="entry-title td-page-title">{e(heading)}</h1>'
        f"</div>\n{inner}</div></div>\n" + wp_footer()
    )


def render_home() -> str:
    items = []
    for a in ALL[:12]:
        href = a["path"] + "?utm_campaign=homepage" if a["key"] == "B1" else None
        items.append(module_item(a, href))
    inner = (
        '<div class="td_block_wrap"><h2 class="block-title"><span>Latest news</span></h2>\n'
        + "".join(items)
        + "</div>\n"
        '<div class="td_block_wrap td-more-sections"><h2 class="block-title"><span>Sections'
        '</span></h2><ul><li><a href="/category/markets/">Markets</a></li>'
        '<li><a href="/category/markets/page/2/">Older market news</a></li>'
        '<li><a href="/category/tech/">Tech</a></li>'
        '<li><a href="/category/ai/">AI &amp; Quantum Computing</a></li></ul></div>\n'
        '<div class="td_block_wrap td-video-block"><h2 class="block-title"><span>Watch</span>'
        f'</h2><p><a href="{VIDEO}">Video: Qwen translates between nine languages in real time'
        "</a></p></div>\n"
    )
    return listing_page("/", "NewsCase Demo – Tech & Finance News", "NewsCase Demo", inner)


def render_category(cat: str, items: list[Art], page: int = 1, pages: int = 1,
                    extra_top: str = "", extra: dict[str, str] | None = None) -> str:
    name = CATS[cat]["name"]
    base = f"/category/{cat}/"
    path = base if page == 1 else f"{base}page/{page}/"
    rows: list[str] = [extra_top]
    for a in items:
        href = None
        if a["key"] == "C1":
            href = a["path"] + "?utm_campaign=x"
        rows.append(module_item(a, href))
        if extra and a["key"] in extra:
            rows.append(extra[a["key"]])
    nav = ""
    if pages > 1:
        if page == 1:
            nav = (f'<div class="page-nav td-pb-padding-side"><span class="current">1</span> '
                   f'<a href="{base}page/2/" class="page">2</a> '
                   f'<a href="{base}page/2/" class="next">Next ›</a></div>\n')
        else:
            nav = (f'<div class="page-nav td-pb-padding-side"><a href="{base}" class="prev">'
                   f'‹ Prev</a> <a href="{base}" class="page">1</a> '
                   f'<span class="current">{page}</span></div>\n')
    title = name if page == 1 else f"{name} - Page {page}"
    return listing_page(path, title, name, "".join(rows) + nav)


def render_soft404_item() -> str:
    return (
        '<div class="td_module_10 td_module_wrap"><div class="item-details">'
        f'<h3 class="entry-title td-module-title"><a href="{SOFT404}" rel="bookmark">'
        "Regulators Approve Merger of Two Regional Stock Exchanges</a></h3>"
        '<div class="td-module-meta-info"><span class="td-post-author-name">Brett Shapiro</span> '
        '<span class="td-post-date"><time class="entry-date" datetime="2025-11-30T10:00:00+00:00">'
        "November 30, 2025</time></span></div>"
        '<div class="td-excerpt">Two regional exchanges will combine their trading and clearing '
        "operations after regulators signed off on the deal…</div></div></div>\n"
    )


def render_soft404() -> str:
    latest = "".join(f'<li><a href="{a["path"]}">{e(a["title"])}</a></li>' for a in ALL[:3])
    head = wp_head("Page not found - NewsCase", '<meta name="robots" content="noindex, follow">\n')
    return (
        head + '<body class="error404 td-standard-pack">\n' + wp_header()
        + '<div class="td-main-content-wrap td-container-wrap"><div class="td-container">\n'
        '<div class="td-404-title"><h1 class="entry-title td-page-title">Page not found</h1></div>\n'
        '<div class="td-404-sub-title"><p>Sorry, the page you are looking for does not exist. It '
        "may have been moved or deleted.</p></div>\n"
        '<form class="td-search-form" action="/" method="get"><input name="s" type="text" '
        'placeholder="Search"><button type="submit">Search</button></form>\n'
        '<div class="td-404-sub-sub-title"><p>Maybe you were looking for one of these:</p>'
        f"<ul>{latest}</ul></div>\n"
        "</div></div>\n" + wp_footer()
    )


def render_about() -> str:
    inner = (
        '<div class="td-page-content tagdiv-type">\n'
        "<p>NewsCase is an independent digital publication covering technology, artificial "
        "intelligence and financial markets. It started in 2019 as a weekly newsletter and now "
        "publishes daily news and market commentary.</p>\n"
        "<p>Our small newsroom works from New York, London, Frankfurt and Stockholm. Sponsored "
        "content is always labelled, and editors decide independently what we cover.</p>\n"
        "<p>Spotted an error? Write to corrections@newscase.example and we will fix it.</p>\n"
        f"<p><em>{e(FOOTER_NOTE)}</em></p>\n</div>\n"
    )
    return listing_page("/about/", "About us", "About us", inner)


def render_tag() -> str:
    items = [a for a in ALL if a["cat"] == "ai" or a["key"] in ("A3", "B2", "B3")]
    inner = "".join(module_item(a) for a in items)
    return listing_page("/tag/ai/", "AI Archives", "Tag: AI", inner)


def render_author() -> str:
    mine = [a for a in ALL if "Brett Shapiro" in a["authors"]]
    inner = (
        '<div class="author-box-wrap td-author-page"><img class="avatar" '
        'src="/assets/placeholder.svg" alt="Brett Shapiro" width="96" height="96">'
        f'<div class="desc"><div class="td-author-description">{e(AUTHOR_BIOS_A["Brett Shapiro"])}'
        '</div><div class="td-author-url"><a href="https://www.newscase.com/">'
        "https://www.newscase.com/</a></div></div></div>\n"
        + "".join(module_item(a) for a in mine)
    )
    return listing_page("/author/brett-shapiro/", "Brett Shapiro, Author at NewsCase",
                        "Brett Shapiro", inner)


def render_video() -> str:
    head = wp_head(
        "Video: Qwen translates between nine languages in real time - NewsCase",
        f'<link rel="canonical" href="{B}{VIDEO}">\n'
        '<meta property="og:type" content="video.other">\n'
        '<meta property="og:title" content="Video: Qwen translates between nine languages in '
        'real time">\n'
        f'<meta property="og:url" content="{B}{VIDEO}">\n'
        f'<meta property="og:video" content="{B}/media/qwen-demo.mp4">\n',
    )
    return (
        head + '<body class="single single-video td-standard-pack">\n' + wp_header()
        + '<div class="td-main-content-wrap td-container-wrap"><div class="td-container">\n'
        '<div class="td-crumb-container"><div class="entry-crumbs"><span><a class="entry-crumb" '
        'href="/">Home</a></span> <span><a class="entry-crumb" href="/category/ai/">'
        "AI &amp; Quantum Computing</a></span></div></div>\n"
        '<h1 class="entry-title">Video: Qwen translates between nine languages in real time</h1>\n'
        '<div class="td-video-wrap"><video controls preload="none" width="640" height="360" '
        'poster="/assets/placeholder.svg"><source src="/media/qwen-demo.mp4" type="video/mp4">'
        "</video></div>\n"
        '<p class="video-caption">Alibaba’s Qwen team demonstrates live translation between nine '
        "languages during a product showcase in Hangzhou.</p>\n"
        "</div></div>\n" + wp_footer()
    )


def render_draft() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        "<title>DRAFT: Halvorsen weighs bid for Veridian Lithography - NewsCase</title>\n"
        '<link rel="stylesheet" href="/assets/style.css">\n</head>\n<body class="draft">\n'
        '<p class="draft-banner">EMBARGOED DRAFT – NOT FOR PUBLICATION</p>\n'
        "<article><h1>DRAFT: Halvorsen weighs bid for Veridian Lithography</h1>\n"
        "<p>Halvorsen Semiconductor is exploring an offer for the equipment maker Veridian "
        "Lithography, according to people familiar with the matter. [CHECK: second source, "
        "deal size, timing.]</p>\n"
        "<p>This page is an unpublished editorial draft. It is linked from the site footer but "
        "disallowed in robots.txt, so a polite crawler must never fetch or store it.</p>\n"
        "</article>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- discovery files
def rfc822(a: Art) -> str:
    return format_datetime(dt(a).astimezone(timezone.utc), usegmt=True)


def render_feed(items: list[Art]) -> str:
    rows = []
    for i, a in enumerate(items):
        link = f"{B}{a['path']}" + ("?utm_source=rss&utm_medium=feed" if i % 2 == 0 else "")
        rows.append(
            "<item>\n"
            f"<title>{xesc(a['title'])}</title>\n<link>{xesc(link)}</link>\n"
            f"<dc:creator>{xesc(authors_text(a['authors']))}</dc:creator>\n"
            f"<pubDate>{rfc822(a)}</pubDate>\n"
            f"<category>{xesc(CATS[a['cat']]['name'])}</category>\n"
            f'<guid isPermaLink="false">{B}/?p={a["post_id"]}</guid>\n'
            f"<description>{xesc(excerpt(a, 40))}</description>\n</item>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        "<title>NewsCase Demo</title>\n"
        f'<atom:link href="{B}/feed.xml" rel="self" type="application/rss+xml"/>\n'
        f"<link>{B}/</link>\n"
        "<description>Tech and finance news (fictional demo site for newscrawl)</description>\n"
        f"<lastBuildDate>{rfc822(items[0])}</lastBuildDate>\n<language>en-US</language>\n"
        + "".join(rows)
        + "</channel>\n</rss>\n"
    )


def render_sitemaps(news: list[Art], rest: list[Art]) -> dict[str, str]:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    index = (
        head + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"<sitemap><loc>{B}/sitemap-articles.xml</loc><lastmod>{rest[0]['published']}"
        "</lastmod></sitemap>\n"
        f"<sitemap><loc>{B}/news-sitemap.xml</loc><lastmod>{news[0]['published']}"
        "</lastmod></sitemap>\n</sitemapindex>\n"
    )
    arts = (
        head + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<url><loc>{B}{a['path']}</loc><lastmod>{a['published']}</lastmod></url>\n"
                  for a in rest)
        + "</urlset>\n"
    )
    news_rows = "".join(
        f"<url>\n<loc>{B}{a['path']}</loc>\n<news:news>\n<news:publication>"
        f"<news:name>NewsCase</news:name><news:language>{a['lang']}</news:language>"
        f"</news:publication>\n<news:publication_date>{a['published']}</news:publication_date>\n"
        f"<news:title>{xesc(a['title'])}</news:title>\n</news:news>\n</url>\n"
        for a in news
    )
    newsmap = (
        head + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + news_rows + "</urlset>\n"
    )
    return {"sitemap.xml": index, "sitemap-articles.xml": arts, "news-sitemap.xml": newsmap}


ROBOTS = f"""# NewsCase Demo
User-agent: *
Disallow: /private/
Allow: /

Sitemap: {B}/sitemap.xml
"""

STYLE = """body{margin:0;font:16px/1.6 Georgia,serif;color:#222}
a{color:#0b5394}img{max-width:100%;height:auto;background:#ddd}
.td-header-wrap,.site-header,#portal-top{padding:.6rem 1rem;background:#111;color:#fff}
.td-header-wrap a,.site-header a,#portal-top a{color:#fff;margin-right:.8rem}
.sf-menu,.top-header-menu,.footer-menu{list-style:none;padding:0;display:flex;gap:1rem}
.td-container,.page-grid,.wrapper{max-width:1100px;margin:0 auto;padding:1rem}
.td-pb-row,.page-grid,.wrapper{display:flex;gap:2rem}
.td-main-content,.story,.main-col{flex:2}.td-main-sidebar,.related-rail,.right-col{flex:1}
.entry-crumbs span+span:before{content:"› "}
.td-a-rec,.ad-slot,.promo,.nl-box,.newsletter-signup,.td-author-box{border:1px solid #ccc;
padding:.8rem;margin:1rem 0;background:#f7f7f7}
.td-adspot-title,.ad-label,.promo-label,.story-continues{font:11px sans-serif;
text-transform:uppercase;color:#888}
.td-footer-wrap,.site-footer,.portal-footer{background:#222;color:#bbb;padding:1rem}
"""

PLACEHOLDER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" \
viewBox="0 0 640 360"><rect width="640" height="360" fill="#d9d9d9"/><text x="320" y="190" \
font-family="sans-serif" font-size="28" text-anchor="middle" fill="#777">NewsCase</text></svg>
"""
LOGO_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="220" height="40" \
viewBox="0 0 220 40"><text x="0" y="30" font-family="Georgia,serif" font-size="28" \
fill="#c00">NewsCase</text></svg>
"""


# --------------------------------------------------------------------------- checks
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "ul", "figcaption", "figure", "header",
         "footer", "article", "aside", "section", "form", "button", "title", "nav", "main",
         "body", "br"}


class TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def page_text(doc: str) -> str:
    p = TextOf()
    p.feed(doc)
    return norm("".join(p.parts))


def check(a: Art, doc: str, ctx: Ctx) -> None:
    text = page_text(doc)
    body = norm(" ".join(ctx.body))
    words = len(body.split())
    assert 250 <= words <= 700, (a["key"], words)
    for m in ctx.must_not:
        assert norm(m) in text, (a["key"], "missing on page", m)
        assert norm(m).lower() not in body.lower(), (a["key"], "inside body", m)
    a["_words"] = words


# --------------------------------------------------------------------------- main
def write(rel: str, content: str) -> None:
    path = SITE / rel.lstrip("/")
    if rel.endswith("/"):
        path = path / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def article_file(a: Art) -> str:
    p = a["path"]
    if p.endswith("/") or p.endswith(".html"):
        return p
    return p + ".html"


def main() -> None:
    if SITE.exists():
        shutil.rmtree(SITE)
    SITE.mkdir(parents=True)
    render = {"A": render_a, "B": render_b, "C": render_c}
    gold: list[dict[str, Any]] = []
    for a in ALL:
        doc, ctx = render[a["layout"]](a)
        check(a, doc, ctx)
        write(article_file(a), doc)
        paras = paragraphs(a)
        gold.append({
            "path": a["path"],
            "layout": a["layout"],
            "language": a["lang"],
            "section": a["cat"],
            "title": a["title"],
            "authors": a["authors"],
            "published": a["published"][:10],
            "has_canonical": a.get("canonical", True),
            "first_words": " ".join(paras[0].split()[:8]),
            "last_words": " ".join(paras[-1].split()[-8:]),
            "must_not": ctx.must_not,
        })
    amp_src = BY_KEY["A3"]
    write(amp_src["amp"], render_amp(amp_src))

    markets = [a for a in ALL if a["cat"] == "markets"]
    tech = [a for a in ALL if a["cat"] == "tech"]
    ai = [a for a in ALL if a["cat"] == "ai"]
    amp_link = (f'<p class="td-amp-link"><a href="{amp_src["amp"]}">Read the AMP version: '
                f"{e(amp_src['title'])}</a></p>\n")
    video_link = (f'<p class="td-video-link"><a href="{VIDEO}">Video: Qwen translates between '
                  "nine languages in real time</a></p>\n")
    write("/", render_home())
    write("/category/markets/", render_category("markets", markets[:8], 1, 2))
    write("/category/markets/page/2/",
          render_category("markets", markets[8:], 2, 2, extra_top=render_soft404_item()))
    write("/category/tech/", render_category("tech", tech, extra={"A3": amp_link}))
    write("/category/ai/", render_category("ai", ai, extra_top=video_link))
    write("/tag/ai/", render_tag())
    write("/author/brett-shapiro/", render_author())
    write("/about/", render_about())
    write(VIDEO, render_video())
    write(SOFT404, render_soft404())
    write(DRAFT, render_draft())
    write("/feed.xml", render_feed(ALL[:10]))
    for name, content in render_sitemaps(ALL[:10], ALL[10:]).items():
        write("/" + name, content)
    write("/robots.txt", ROBOTS)
    write("/assets/style.css", STYLE)
    write("/assets/placeholder.svg", PLACEHOLDER_SVG)
    write("/assets/logo.svg", LOGO_SVG)

    expected = {
        "site": "NewsCase Demo",
        "articles": gold,
        "non_articles": ["/", "/category/markets/", "/category/markets/page/2/",
                         "/category/tech/", "/category/ai/", "/about/", "/tag/ai/",
                         "/author/brett-shapiro/", VIDEO, SOFT404, DRAFT],
        "duplicates": {amp_src["amp"]: amp_src["path"]},
        "soft_404": [SOFT404],
        "video": [VIDEO],
        "disallowed": [DRAFT],
        "feed_items": [a["path"] for a in ALL[:10]],
    }
    (DEMO / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for a in ALL:
        print(f'{a["layout"]} {a["lang"]} {a["_words"]:4d} {a["path"]}')
    total = sum(f.stat().st_size for f in SITE.rglob("*") if f.is_file())
    print(f"{len(ALL)} articles, site size {total / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
