"""Site definitions: one TOML file per site in ``newscrawl/sites/``."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

BUNDLED_SITES_DIR = Path(__file__).parent / "sites"


class SiteConfigError(ValueError):
    """A site definition is missing, unreadable or malformed."""


@dataclass(frozen=True)
class Site:
    """What the spider and the pipelines need to know about one news site."""

    name: str
    title: str = ""
    homepage: str = ""
    allowed_domains: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    article_patterns: tuple[re.Pattern[str], ...] = ()
    deny_patterns: tuple[re.Pattern[str], ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    robots_sitemaps: bool = False
    sections: tuple[str, ...] = ()
    drop_selectors: tuple[str, ...] = ()
    download_delay: float | None = None
    concurrency: int | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def allows(self, url: str) -> bool:
        """True when the URL's host is one of the allowed domains or below one."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def is_denied(self, url: str) -> bool:
        return any(p.search(url) for p in self.deny_patterns)


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p) for p in patterns)
    except re.error as exc:
        raise SiteConfigError(f"{where}: bad regular expression: {exc}") from exc


def _require(data: dict[str, object], key: str, kind: type, where: str) -> object:
    value = data.get(key)
    if not isinstance(value, kind):
        raise SiteConfigError(f"{where}: '{key}' must be a {kind.__name__}")
    return value


def site_from_dict(data: dict[str, object], where: str = "site") -> Site:
    """Validate a parsed definition and build a :class:`Site`."""
    name = str(_require(data, "name", str, where))
    domains = list(_require(data, "allowed_domains", list, where))  # type: ignore[call-overload]
    discovery = data.get("discovery", {})
    extraction = data.get("extraction", {})
    crawl = data.get("crawl", {})
    if not (isinstance(discovery, dict) and isinstance(extraction, dict) and isinstance(crawl, dict)):
        raise SiteConfigError(f"{where}: [discovery], [extraction] and [crawl] must be tables")
    return Site(
        name=name,
        title=str(data.get("title", name)),
        homepage=str(data.get("homepage", "")),
        allowed_domains=tuple(str(d).lower() for d in domains),
        languages=tuple(data.get("languages", ())),  # type: ignore[arg-type]
        article_patterns=_compile(list(data.get("article_patterns", [])), where),  # type: ignore[call-overload]
        deny_patterns=_compile(list(data.get("deny_patterns", [])), where),  # type: ignore[call-overload]
        feeds=tuple(discovery.get("feeds", ())),
        sitemaps=tuple(discovery.get("sitemaps", ())),
        robots_sitemaps=bool(discovery.get("robots_sitemaps", False)),
        sections=tuple(discovery.get("sections", ())),
        drop_selectors=tuple(extraction.get("drop_selectors", ())),
        download_delay=crawl.get("download_delay"),
        concurrency=crawl.get("concurrency"),
    )


def load_site(path: Path) -> Site:
    """Read one TOML site definition."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SiteConfigError(f"{path}: {exc}") from exc
    site = site_from_dict(data, str(path))
    if site.name != path.stem:
        raise SiteConfigError(f"{path}: name {site.name!r} differs from the file name")
    return site


def load_sites(directory: Path | str | None = None) -> dict[str, Site]:
    """All site definitions of a folder, by name (the bundled folder by default)."""
    folder = Path(directory) if directory else BUNDLED_SITES_DIR
    if not folder.is_dir():
        raise SiteConfigError(f"site folder not found: {folder}")
    return {s.name: s for s in map(load_site, sorted(folder.glob("*.toml")))}


def site_for_url(sites: Iterable[Site], url: str) -> Site | None:
    """The first site whose allowed domains contain the URL's host."""
    return next((s for s in sites if s.allows(url)), None)


def select_sites(sites: dict[str, Site], names: str) -> list[Site]:
    """The sites named in a comma-separated list; unknown names are an error."""
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in sites]
    if unknown:
        known = ", ".join(sorted(sites))
        raise SiteConfigError(f"unknown site(s): {', '.join(unknown)} (known: {known})")
    return [sites[n] for n in wanted]
