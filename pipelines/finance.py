"""Rule-based finance entities, for every language: tickers, exchanges, market indices, money, percentages."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A rule match: label, character offsets, canonical name and (for tickers) symbol and exchange."""

    label: str
    start: int
    end: int
    canonical: str
    ticker: str | None = None
    exchange: str | None = None


# exchange code as written -> (canonical exchange name, Yahoo-style suffix for its symbols)
EXCHANGE_CODES: dict[str, tuple[str, str]] = {
    "NASDAQ": ("Nasdaq", ""),
    "Nasdaq": ("Nasdaq", ""),
    "NasdaqGS": ("Nasdaq", ""),
    "NasdaqGM": ("Nasdaq", ""),
    "NYSE": ("NYSE", ""),
    "NYSE American": ("NYSE American", ""),
    "NYSE Arca": ("NYSE Arca", ""),
    "NYSEArca": ("NYSE Arca", ""),
    "AMEX": ("NYSE American", ""),
    "CBOE": ("Cboe", ""),
    "Cboe": ("Cboe", ""),
    "OTC": ("OTC", ""),
    "OTCQX": ("OTC", ""),
    "OTCQB": ("OTC", ""),
    "OTCMKTS": ("OTC", ""),
    "TSX": ("Toronto Stock Exchange", ".TO"),
    "TSXV": ("TSX Venture Exchange", ".V"),
    "TSX-V": ("TSX Venture Exchange", ".V"),
    "CSE": ("Canadian Securities Exchange", ".CN"),
    "LSE": ("London Stock Exchange", ".L"),
    "LON": ("London Stock Exchange", ".L"),
    "AIM": ("London Stock Exchange", ".L"),
    "HKEX": ("Hong Kong Stock Exchange", ".HK"),
    "HKEx": ("Hong Kong Stock Exchange", ".HK"),
    "HKG": ("Hong Kong Stock Exchange", ".HK"),
    "SEHK": ("Hong Kong Stock Exchange", ".HK"),
    "SSE": ("Shanghai Stock Exchange", ".SS"),
    "SHA": ("Shanghai Stock Exchange", ".SS"),
    "SZSE": ("Shenzhen Stock Exchange", ".SZ"),
    "SHE": ("Shenzhen Stock Exchange", ".SZ"),
    "TYO": ("Tokyo Stock Exchange", ".T"),
    "TSE": ("Tokyo Stock Exchange", ".T"),
    "ASX": ("Australian Securities Exchange", ".AX"),
    "NZX": ("NZX", ".NZ"),
    "ETR": ("Xetra", ".DE"),
    "XETRA": ("Xetra", ".DE"),
    "Xetra": ("Xetra", ".DE"),
    "FRA": ("Frankfurt Stock Exchange", ".F"),
    "FWB": ("Frankfurt Stock Exchange", ".F"),
    "EPA": ("Euronext Paris", ".PA"),
    "AMS": ("Euronext Amsterdam", ".AS"),
    "EBR": ("Euronext Brussels", ".BR"),
    "BIT": ("Borsa Italiana", ".MI"),
    "BME": ("Bolsas y Mercados Españoles", ".MC"),
    "SIX": ("SIX Swiss Exchange", ".SW"),
    "SWX": ("SIX Swiss Exchange", ".SW"),
    "STO": ("Nasdaq Stockholm", ".ST"),
    "CPH": ("Nasdaq Copenhagen", ".CO"),
    "HEL": ("Nasdaq Helsinki", ".HE"),
    "OSL": ("Oslo Børs", ".OL"),
    "KRX": ("Korea Exchange", ".KS"),
    "KOSDAQ": ("Korea Exchange", ".KQ"),
    "NSE": ("National Stock Exchange of India", ".NS"),
    "BSE": ("Bombay Stock Exchange", ".BO"),
    "SGX": ("Singapore Exchange", ".SI"),
    "TWSE": ("Taiwan Stock Exchange", ".TW"),
    "TPE": ("Taiwan Stock Exchange", ".TW"),
    "JSE": ("Johannesburg Stock Exchange", ".JO"),
    "B3": ("B3", ".SA"),
    "BMV": ("Mexican Stock Exchange", ".MX"),
}
SUFFIX_EXCHANGES = {suffix: name for name, suffix in EXCHANGE_CODES.values() if suffix}

# Exchanges written out in running text (code or full name) -> canonical name.
EXCHANGE_NAMES: dict[str, str] = {
    "New York Stock Exchange": "NYSE",
    "NYSE": "NYSE",
    "Nasdaq Stock Market": "Nasdaq",
    "Nasdaq stock exchange": "Nasdaq",
    "Nasdaq Stock Exchange": "Nasdaq",
    "London Stock Exchange": "London Stock Exchange",
    "Hong Kong Stock Exchange": "Hong Kong Stock Exchange",
    "Hong Kong Exchanges and Clearing": "Hong Kong Stock Exchange",
    "HKEX": "Hong Kong Stock Exchange",
    "Shanghai Stock Exchange": "Shanghai Stock Exchange",
    "Shenzhen Stock Exchange": "Shenzhen Stock Exchange",
    "Tokyo Stock Exchange": "Tokyo Stock Exchange",
    "Toronto Stock Exchange": "Toronto Stock Exchange",
    "Australian Securities Exchange": "Australian Securities Exchange",
    "Frankfurt Stock Exchange": "Frankfurt Stock Exchange",
    "Frankfurter Wertpapierbörse": "Frankfurt Stock Exchange",
    "Frankfurter Börse": "Frankfurt Stock Exchange",
    "Euronext": "Euronext",
    "Euronext Paris": "Euronext Paris",
    "Euronext Amsterdam": "Euronext Amsterdam",
    "SIX Swiss Exchange": "SIX Swiss Exchange",
    "Korea Exchange": "Korea Exchange",
    "Bombay Stock Exchange": "Bombay Stock Exchange",
    "National Stock Exchange of India": "National Stock Exchange of India",
    "Singapore Exchange": "Singapore Exchange",
    "Taiwan Stock Exchange": "Taiwan Stock Exchange",
    "Johannesburg Stock Exchange": "Johannesburg Stock Exchange",
    "Xetra": "Xetra",
}

# Market indices as written -> canonical name.
INDICES: dict[str, str] = {
    "S&P 500": "S&P 500",
    "S&P500": "S&P 500",
    "S&P 500 index": "S&P 500",
    "Standard & Poor's 500": "S&P 500",
    "S&P 100": "S&P 100",
    "S&P MidCap 400": "S&P MidCap 400",
    "S&P/TSX Composite": "S&P/TSX Composite",
    "S&P/TSX composite index": "S&P/TSX Composite",
    "S&P/ASX 200": "S&P/ASX 200",
    "ASX 200": "S&P/ASX 200",
    "Dow Jones Industrial Average": "Dow Jones Industrial Average",
    "Dow Jones": "Dow Jones Industrial Average",
    "DJIA": "Dow Jones Industrial Average",
    "Dow": "Dow Jones Industrial Average",
    "Nasdaq Composite": "Nasdaq Composite",
    "Nasdaq composite": "Nasdaq Composite",
    "Nasdaq Composite Index": "Nasdaq Composite",
    "Nasdaq 100": "Nasdaq-100",
    "Nasdaq-100": "Nasdaq-100",
    "NASDAQ 100": "Nasdaq-100",
    "NASDAQ-100": "Nasdaq-100",
    "Russell 2000": "Russell 2000",
    "Russell 1000": "Russell 1000",
    "Russell 3000": "Russell 3000",
    "Hang Seng Index": "Hang Seng Index",
    "Hang Seng": "Hang Seng Index",
    "Hang Seng China Enterprises Index": "Hang Seng China Enterprises Index",
    "Hang Seng Tech Index": "Hang Seng Tech Index",
    "Hang Seng TECH Index": "Hang Seng Tech Index",
    "Hang Seng Tech": "Hang Seng Tech Index",
    "DAX": "DAX",
    "DAX 40": "DAX",
    "Dax": "DAX",
    "MDAX": "MDAX",
    "MDax": "MDAX",
    "SDAX": "SDAX",
    "SDax": "SDAX",
    "TecDAX": "TecDAX",
    "TecDax": "TecDAX",
    "FTSE 100": "FTSE 100",
    "FTSE 250": "FTSE 250",
    "FTSE All-Share": "FTSE All-Share",
    "FTSE MIB": "FTSE MIB",
    "Footsie": "FTSE 100",
    "CAC 40": "CAC 40",
    "CAC40": "CAC 40",
    "Nikkei 225": "Nikkei 225",
    "Nikkei Stock Average": "Nikkei 225",
    "Nikkei": "Nikkei 225",
    "TOPIX": "TOPIX",
    "Topix": "TOPIX",
    "Shanghai Composite": "Shanghai Composite",
    "Shanghai Composite Index": "Shanghai Composite",
    "SSE Composite": "Shanghai Composite",
    "Shenzhen Component": "Shenzhen Component",
    "CSI 300": "CSI 300",
    "KOSPI": "KOSPI",
    "Kospi": "KOSPI",
    "KOSDAQ Composite": "KOSDAQ Composite",
    "Sensex": "BSE Sensex",
    "BSE Sensex": "BSE Sensex",
    "Nifty 50": "Nifty 50",
    "Nifty": "Nifty 50",
    "Euro Stoxx 50": "Euro Stoxx 50",
    "EURO STOXX 50": "Euro Stoxx 50",
    "Euro STOXX 50": "Euro Stoxx 50",
    "Stoxx 600": "STOXX Europe 600",
    "STOXX 600": "STOXX Europe 600",
    "Stoxx Europe 600": "STOXX Europe 600",
    "STOXX Europe 600": "STOXX Europe 600",
    "IBEX 35": "IBEX 35",
    "Ibex 35": "IBEX 35",
    "AEX": "AEX",
    "SMI": "SMI",
    "OMX Stockholm 30": "OMX Stockholm 30",
    "OMXS30": "OMX Stockholm 30",
    "Ibovespa": "Ibovespa",
    "Bovespa": "Ibovespa",
    "TSX Composite": "S&P/TSX Composite",
    "VIX": "VIX",
    "Cboe Volatility Index": "VIX",
    "MSCI World": "MSCI World",
    "MSCI World Index": "MSCI World",
    "MSCI Emerging Markets": "MSCI Emerging Markets",
    "MSCI Emerging Markets Index": "MSCI Emerging Markets",
    "MSCI All Country World Index": "MSCI ACWI",
    "MSCI ACWI": "MSCI ACWI",
    "Straits Times Index": "Straits Times Index",
    "Taiex": "TAIEX",
    "TAIEX": "TAIEX",
    "ATX": "ATX",
}
# After these words an index name is something else ("Hang Seng Bank", "Nikkei Asia", "Dow Chemical").
NOT_INDEX_AFTER = re.compile(
    r"\s+(Bank|Asia|Asian Review|newspaper|Inc|Chemical|Newswires|& Co|Jones &|Jones Newswires|Jones & Co)\b"
)
# "the Nasdaq fell": an index; "listed on the Nasdaq": the exchange.
NASDAQ_MOVES = re.compile(
    r"\s+(?:[a-z]+\s+)?(rose|fell|gained|dropped|slipped|slid|climbed|added|lost|jumped|sank|surged|tumbled|ended"
    r"|closed|finished|advanced|declined|edged|rallied|was (?:up|down)|is (?:up|down))\b"
)

# 'Nasdaq: AAPL', '(NYSE:BABA)', '(HKEX: 9988)', 'Nasdaq: GOOGL, GOOG'
_CODES = "|".join(sorted((re.escape(c) for c in EXCHANGE_CODES), key=len, reverse=True))
_SYMBOL = r"[A-Z0-9]{1,6}(?:[.-][A-Z0-9]{1,3})?"
QUALIFIED = re.compile(rf"(?<![\w])({_CODES})\s?:\s?({_SYMBOL}(?:\s?,\s?{_SYMBOL}(?=[\s,);\]]))*)(?![\w])")
CASHTAG = re.compile(r"(?<![\w$])\$([A-Z]{1,6}(?:[.-][A-Z]{1,2})?)(?![\w])")
SUFFIXED = re.compile(
    r"(?<![\w.])((?:\d{3,6}|[A-Z]{2,5})\.(?:"
    + "|".join(s.lstrip(".") for s in SUFFIX_EXCHANGES)
    + r"))(?![\w.]\w)"
)


def _names_pattern(names: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w&/])({alternatives})(?![\w&/]|-\d)")


INDEX_PATTERN = _names_pattern(list(INDICES))
EXCHANGE_PATTERN = _names_pattern(list(EXCHANGE_NAMES))
NASDAQ_ALONE = re.compile(r"(?<![\w])(Nasdaq|NASDAQ)(?![\w&/-]| (?:Composite|composite|100|Stock|stock))")

_CURRENCY_BEFORE = (
    r"US\$|USD|A\$|AU\$|AUD|C\$|CA\$|CAD|HK\$|HKD|S\$|SGD|NZ\$|NZD|R\$|\$|€|EUR|£|GBP|¥|JPY|CNY|RMB|₹|INR|₩|KRW"
    r"|CHF|SEK|NOK|DKK|ZAR|R(?=\s?\d)|Rs\.?|₽|RUB|TRY|₺|PLN|zł"
)
_SCALE = (
    r"trillion|billion|million|thousand|tn|bn|mn|mln|m|b|k|K|M|B|Mrd\.?|Milliarden|Mio\.?|Millionen|Billionen"
    r"|crore|lakh"
)
_NUMBER = r"\d{1,3}(?:[,.\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_CURRENCY_AFTER = (
    r"dollars?|euros?|Euro|pounds?|yen|yuan|renminbi|francs?|rupees?|won|rand|kronor|kroner|USD|EUR|GBP|HKD|JPY"
    r"|CNY|CHF|€|\$|£"
)
MONEY = re.compile(
    rf"(?<![\w$€£¥₹])(?:({_CURRENCY_BEFORE})\s?({_NUMBER})(?:\s?({_SCALE})\b)?"
    rf"|({_NUMBER})(?:\s?({_SCALE}))?\s?({_CURRENCY_AFTER})(?![\w]))"
)
PERCENT = re.compile(
    rf"(?<![\w.])([-+−]?(?:{_NUMBER}))\s?"
    r"(%|percent\b|per cent\b|Prozent\b|pct\b|procent\b|pour cent\b|por ciento\b)"
)
CURRENCY_CODES = {
    "$": "USD",
    "US$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "Euro": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "RMB": "CNY",
    "₹": "INR",
    "rupee": "INR",
    "rupees": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "₩": "KRW",
    "won": "KRW",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "R": "ZAR",
    "rand": "ZAR",
    "₽": "RUB",
    "₺": "TRY",
    "zł": "PLN",
    "franc": "CHF",
    "francs": "CHF",
    "kronor": "SEK",
    "kroner": "NOK",
}
SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "Billionen": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "B": 1e9,
    "Mrd": 1e9,
    "Mrd.": 1e9,
    "Milliarden": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "M": 1e6,
    "Mio": 1e6,
    "Mio.": 1e6,
    "Millionen": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "K": 1e3,
    "crore": 1e7,
    "lakh": 1e5,
}


def _ticker_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in QUALIFIED.finditer(text):
        exchange, suffix = EXCHANGE_CODES[m.group(1)]
        spans.append(Span("EXCHANGE", m.start(1), m.end(1), exchange))
        for sym in re.finditer(_SYMBOL, m.group(2)):
            symbol = sym.group()
            canonical = symbol if not suffix or "." in symbol else f"{symbol}{suffix}"
            start = m.start(2) + sym.start()
            spans.append(Span("TICKER", start, start + len(symbol), canonical, canonical, exchange))
    for m in CASHTAG.finditer(text):
        spans.append(Span("TICKER", m.start(), m.end(), m.group(1), m.group(1)))
    for m in SUFFIXED.finditer(text):
        symbol = m.group(1)
        listed_on = SUFFIX_EXCHANGES.get("." + symbol.rsplit(".", 1)[1])
        spans.append(Span("TICKER", m.start(1), m.end(1), symbol, symbol, listed_on))
    return spans


def _index_spans(text: str) -> list[Span]:
    spans = []
    for m in INDEX_PATTERN.finditer(text):
        name = m.group(1)
        if NOT_INDEX_AFTER.match(text, m.end()):
            continue
        if name in ("Dow", "Nikkei", "Nifty") and not _index_context(text, m.start(), m.end()):
            continue
        spans.append(Span("INDEX", m.start(1), m.end(1), INDICES[name]))
    for m in NASDAQ_ALONE.finditer(text):
        if NASDAQ_MOVES.match(text, m.end()) or text[max(0, m.start() - 20) : m.start()].endswith(
            "tech-heavy "
        ):
            spans.append(Span("INDEX", m.start(1), m.end(1), "Nasdaq Composite"))
        else:
            spans.append(Span("EXCHANGE", m.start(1), m.end(1), "Nasdaq"))
    return spans


def _index_context(text: str, start: int, end: int) -> bool:
    """'the Dow fell', 'der Nikkei stieg': a bare short index name after an article or before a move."""
    before = text[max(0, start - 12) : start].split()
    return bool(before and before[-1].lower() in {"the", "der", "den", "dem", "le", "il", "el"}) or bool(
        NASDAQ_MOVES.match(text, end)
    )


def _exchange_spans(text: str) -> list[Span]:
    return [
        Span("EXCHANGE", m.start(1), m.end(1), EXCHANGE_NAMES[m.group(1)])
        for m in EXCHANGE_PATTERN.finditer(text)
    ]


def find_spans(text: str) -> list[Span]:
    """Ticker, exchange and index mentions, without overlaps (tickers first, then longer matches)."""
    candidates = _ticker_spans(text) + _index_spans(text) + _exchange_spans(text)
    priority = {"TICKER": 0, "INDEX": 1, "EXCHANGE": 2}
    candidates.sort(key=lambda s: (priority[s.label], -(s.end - s.start), s.start))
    taken: list[Span] = []
    for span in candidates:
        if all(span.end <= t.start or span.start >= t.end for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def _number(value: str) -> float | None:
    """'1,234.5' / '1.234,5' / '148.60' / '3,5' as a float."""
    value = value.replace(" ", "").replace("\u202f", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", value) or re.fullmatch(r"\d+,\d{1,2}", value):
        value = value.replace(".", "").replace(",", ".")
    else:
        value = value.replace(",", "")
    try:
        return float(value)
    except ValueError:
        return None


def facts(text: str) -> list[dict[str, object]]:
    """Money amounts with their currency and percentages, with offsets: the article's 'facts'."""
    found: list[dict[str, object]] = []
    for m in MONEY.finditer(text):
        before = m.group(2) is not None
        currency: str = m.group(1) if before else m.group(6)
        number: str = m.group(2) if before else m.group(4)
        scale: str | None = m.group(3) if before else m.group(5)
        amount = _number(number)
        if amount is None:
            continue
        code = CURRENCY_CODES.get(currency, currency.upper() if currency.isalpha() else currency)
        found.append(
            {
                "type": "money",
                "text": m.group(),
                "start": m.start(),
                "end": m.end(),
                "currency": code,
                "amount": amount * SCALES.get(scale or "", 1.0),
            }
        )
    for m in PERCENT.finditer(text):
        value = _number(m.group(1).replace("−", "-").lstrip("+-"))
        if value is not None:
            sign = -1.0 if m.group(1)[0] in "-−" else 1.0
            found.append(
                {
                    "type": "percent",
                    "text": m.group(),
                    "start": m.start(),
                    "end": m.end(),
                    "value": sign * value,
                }
            )
    return sorted(found, key=lambda f: int(str(f["start"])))
