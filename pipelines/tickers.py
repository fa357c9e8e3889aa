"""Company name -> (ticker, exchange), from pytickersymbols and an SEC ``company_tickers_exchange.json``.

The SEC file (``NEWSCRAWL_TICKERS_FILE``) lists US-listed companies, largest first; pytickersymbols adds the
index members of European and Asian markets. A name is looked up by its normalised key: lower case, no
punctuation, no legal suffixes ("Meta Platforms, Inc." -> "meta").
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

LEGAL = re.compile(
    r"\s+(group holdings?|holdings?|group|inc|incorporated|corp|corporation|co|company|companies|ltd|limited"
    r"|plc|llc|lp|ag|se|sa|nv|asa|ab|oyj|spa|gmbh|kgaa|platforms|technologies|com|the|adr|class [a-c])$"
)
LISTED = {"NYSE", "Nasdaq", "CBOE"}
# Yahoo-style suffix -> exchange, for pytickersymbols' symbols
SUFFIXES = {
    "DE": "Xetra",
    "F": "Frankfurt Stock Exchange",
    "L": "London Stock Exchange",
    "PA": "Euronext Paris",
    "AS": "Euronext Amsterdam",
    "BR": "Euronext Brussels",
    "MI": "Borsa Italiana",
    "MC": "Bolsas y Mercados Españoles",
    "SW": "SIX Swiss Exchange",
    "ST": "Nasdaq Stockholm",
    "HE": "Nasdaq Helsinki",
    "CO": "Nasdaq Copenhagen",
    "OL": "Oslo Børs",
    "T": "Tokyo Stock Exchange",
    "HK": "Hong Kong Stock Exchange",
    "VI": "Vienna Stock Exchange",
    "LS": "Euronext Lisbon",
    "IR": "Euronext Dublin",
    "TO": "Toronto Stock Exchange",
}


@dataclass(frozen=True)
class Listing:
    ticker: str
    exchange: str | None
    listed: bool  # on a main US exchange or an index member (not OTC only)


def name_key(name: str) -> str:
    """'Meta Platforms, Inc.' -> 'meta'; 'ALIBABA GROUP HOLDING LTD /ADR/' -> 'alibaba'."""
    key = re.sub(r"/[a-z ]*/?$", "", name.lower().replace("&", " and "))
    key = re.sub(r"[^\w\s]", " ", key)
    key = " ".join(key.split())
    previous = None
    while previous != key:
        previous, key = key, LEGAL.sub("", key).strip()
    return key


def _sec(path: Path) -> dict[str, Listing]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fields = data["fields"]
        rows = [dict(zip(fields, row, strict=True)) for row in data["data"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        logger.warning("cannot read tickers file %s: %s", path, exc)
        return {}
    index: dict[str, Listing] = {}
    for row in rows:  # largest companies first: the first row of a name wins
        key = name_key(str(row.get("name") or ""))
        if key and row.get("ticker") and key not in index:
            exchange = row.get("exchange")
            index[key] = Listing(str(row["ticker"]), exchange, exchange in LISTED)
    return index


def _pytickersymbols() -> dict[str, Listing]:
    try:
        from pytickersymbols import PyTickerSymbols

        stocks = list(PyTickerSymbols().get_all_stocks())
    except Exception as exc:  # an optional source: any failure leaves it out
        logger.warning("pytickersymbols unavailable: %s", exc)
        return {}
    index: dict[str, Listing] = {}
    for stock in stocks:
        key = name_key(str(stock.get("name") or ""))
        us = stock.get("country") == "United States"
        symbol = str(stock.get("symbol") or "") if us else _home_symbol(stock)
        if key and symbol and key not in index:
            suffix = symbol.rsplit(".", 1)[1] if "." in symbol else ""
            index[key] = Listing(symbol, SUFFIXES.get(suffix), True)
    return index


def _home_symbol(stock: dict[str, object]) -> str | None:
    """The listing on the home market: a suffixed Yahoo symbol other than Frankfurt, else 'symbol'."""
    symbols = [s.get("yahoo") for s in stock.get("symbols") or [] if isinstance(s, dict)]  # type: ignore[attr-defined]
    home = [s for s in symbols if isinstance(s, str) and "." in s and not s.endswith(".F")]
    symbol = stock.get("symbol")
    return home[0] if home else (str(symbol) if symbol else None)


@lru_cache(maxsize=4)
def ticker_index(sec_file: str = "") -> dict[str, Listing]:
    """The name index: pytickersymbols (home market listing), then the SEC file for US and other names."""
    index = _pytickersymbols()
    if sec_file:
        for key, listing in _sec(Path(sec_file)).items():
            if key not in index or index[key].exchange is None:  # US stocks: the SEC knows the exchange
                index[key] = listing
    return index


def lookup(name: str, sec_file: str = "", listed_only: bool = False) -> Listing | None:
    """The listing of a company name, or None; ``listed_only`` skips OTC-only names."""
    key = name_key(name)
    listing = ticker_index(sec_file).get(key) if key else None
    if listing is None or (listed_only and not listing.listed):
        return None
    return listing
