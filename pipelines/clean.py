"""Cleaning of extracted paragraphs: promos, calls to action, repeated headlines, bylines, bios.

Every rule is a pure function of the paragraph list. :func:`clean` applies them in
order and records, per stage, which paragraphs were removed and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.boilerplate import shape
from pipelines.extract import Block

SHORT = 45  # promo rules only judge paragraphs of at most this many words

PROMO_SOURCES = (
    # buy/sell teasers, English and German
    r"\b(buy or sell|sell or buy|kaufen oder verkaufen|verkaufen oder kaufen)\b\s*[?!.:]",
    r"\b(buy|sell|hold), (buy|sell|hold),? or (buy|sell|hold)\b",
    r"\b(kaufen|verkaufen) oder (lieber )?(abwarten|halten|verkaufen|kaufen)\s*\?",
    r"\bshould (investors|you) (sell|buy)\b",
    r"\bworth buying\b",
    r"\bkaufen\s*\?",
    r"\bverkaufen\s*\?",
    r"\burgent action needed\b",
    r"\bfree (stock )?analysis\b",
    r"\bkostenlose[nr]? analyse\b",
    r"\bspeak for themselves\b",
    r"\bhandlungsbedarf\b",
    # read more / click here
    r"^\W*(read|see|watch|listen)\s+(more|also|next)\b",
    r"\bread more here\b",
    r"^\W*related\s*:",
    r"^\W*(also read|more on this|recommended|trending|most popular|must read|top stories)\b",
    r"^\W*(lesen sie (auch|mehr)|mehr zum thema|auch interessant|weiterlesen|hier weiterlesen)\b",
    r"\bhier weiterlesen\b",
    # "read also / read more" in other languages (pl, no, da, sv, nl/af, fr, es, it, pt, zu, sw)
    r"^\W*(czytaj (więcej|też|także)|les også|les mer|læs også|læs mere|läs också|läs mer"
    r"|lees ook|lees meer|lire aussi|à lire aussi|lee también|leer más|te puede interesar"
    r"|leggi anche|leia também|leia mais|funda futhi|funda olunye udaba(?: lapha)?|soma pia|soma zaidi"
    r"|more)\s*[:|»>]",
    r"^\W*(czytaj więcej|les også|læs også|läs också|lees ook|lire aussi|leggi anche|leia também"
    r"|funda futhi|soma pia)\W*$",
    r"^\W*>>",
    r"^\W*(watch|listen|video|podcast|don't miss)\s*:",
    r"\bclick here\b",
    r"\bklicken sie hier\b",
    r"^\W*tap here\b",
    r"\bstory continues below\b",
    r"\barticle continues below\b",
    r"\bcontinue reading\b",
    # subscriptions, newsletters, apps
    r"^\W*(sign up|subscribe|register|join)\b",
    r"\bsign up (for|to)\b",
    r"\bsubscribe (to|for|now)\b",
    r"\bnewsletter\b",
    r"\bjetzt (kostenlos )?(abonnieren|anmelden|registrieren)\b",
    r"\b(download|get) (our|the) (free )?app\b",
    r"\bin (our|the) app\b",
    r"\bin unserer app\b",
    r"\bapps? for (ios|iphone) and android\b",
    r"\bcanal de (telegram|youtube|whatsapp)\b",
    r"\b(references to|links to) products from one or more of our (advertisers|partners)\b",
    r"^\W*(kategorie|kategorien|category|categories|schlagworte|schlagwörter|tags|filed under)\s*:",
    r"^\W*(inhaltsverzeichnis|table of contents)\W*$",
    r"^\W*(last modified|last updated|release date|zuletzt aktualisiert|zuletzt geändert|letzte änderung)"
    r"\s*:?\s*$",
    r"^\W*(kontakt|contact|telefon|phone|tel|fax|e-mail|suche|search)\s*:?\s*$",
    r"\b(must|need to) be (logged|signed) in to (post|leave|write) a comment\b",
    r"\bangemeldet sein,? um (kommentare|einen kommentar) zu\b",
    r"\b(provision|geld|eine kleine provision) erhalten wir\b",
    r"\be-?paper\b.{0,40}\bapp\b",
    r"\bfollow us on\b",
    r"\bunlimited (digital )?access\b",
    r"\bstart your free trial\b",
    r"\b(delivered|straight) (to|in) your inbox\b",
    r"\b(log|sign) in or (create|register)\b",
    r"\bcreate an? (free )?account\b",
    r"\b(wochen|monate?) (kostenlos|gratis) (testen|lesen)\b",
    r"\btesten sie\b[^.!?]{0,40}\b(wochen|monate?|kostenlos|gratis)\b",
    r"^\W*(ähnliche( artikel| themen)?|verwandte artikel|das könnte sie auch interessieren)\W*$",
    r"\bbrowser version with limited support\b",
    r"\b(enable|activate) javascript\b",
    r"\bjavascript (is )?(disabled|deaktiviert)\b",
    r"(有料会員|有料記事|会員登録|会員限定|読み放題)",
    r"\bpodcast\b.*\bsubscribe\b",
    r"\bshare (this|on) (article|story|facebook|twitter|x|linkedin)\b",
    # embedded-content consent, affiliate and translation notes, disclaimers
    r"^\W*(empfohlener (redaktioneller )?inhalt|recommended editorial content)\W*$",
    r"\bausgewählten,? externen inhalt\b",
    r"\bexterne[nr]? inhalte? ((\w+ ){0,3})?(anzeigen|angezeigt|laden|geladen|zulassen|aktivieren)\b",
    r"\baffiliate[- ]links?\b",
    r"\b(earn|receive) (us )?(a )?(small )?(commission|provision)\b",
    r"\b(lest|lesen sie) den originalartikel\b",
    r"\bread the original article\b",
    r"\bmaschinelle übersetzung\b",
    r"\btotalverlust des eingesetzten kapitals\b",
    r"^\W*mit (agenturmaterial|material von)\b.{0,40}$",
    r"^\W*(fehler gefunden|spotted an? (error|mistake|typo)|found an? (error|mistake|typo))\b",
    r"\b(dieser|der) (artikel|beitrag) (ist|erschien) zuerst\b",
    r"\bthis (article|story) (was )?(originally|first) (published|appeared)\b",
    r"\bmüssen nicht (der|die) meinung der redaktion\b",
    r"\b(do not|don't) necessarily (reflect|represent) the (views|opinions?)\b",
    r"^\W*(hinweis|bitte beachten|disclaimer|anmerkung der redaktion|editor's note)\s*:?\s*$",
    r"\bfollow (our |the )?live (updates|coverage|blog)\b",
    r"^\W*we want to hear from you\b",
    r"^\W*(advertisement|anzeige|werbung|sponsored( content)?|ad|promoted|partner content)\W*$",
    # related-content headings and subscription plugs in French, Spanish, Italian, Portuguese and Dutch
    r"^\W*(notas|noticias|art[íi]culos|contenidos?|art[íi]gos|not[íi]cias|articoli|notizie|articles)"
    r" (relacionad[oa]s?|correlat[ie]|li[ée]s|connexes)\W*$",
    r"^\W*(sur le même sujet|dans la même rubrique|gerelateerde artikelen|meer over dit onderwerp)\W*$",
    r"\b(pour lire la suite|la suite (de cet article )?est réservée|pour accéder en illimité|abonnez-vous"
    r"|suscr[íi]bete|hazte (socio|suscriptor)|abbonati|assine j[áa]|word abonnee)\b",
    r"\b(cancel anytime|cancela cuando quieras|résiliable à tout moment|jederzeit kündbar)\b",
    # "read also" / "see also" prefixes and follow-us plugs in Spanish
    r"^\W*(lea|lee|vea|ver|mira|puedes ver|le puede interesar|te puede interesar)( también| más)?\s*:",
    r"^\W*(le|te) puede interesar\W*$",
    r"^\W*escucha esta nota\b",
    r"\bs[íi]guenos en\b",
    r"\bnuestro canal de (telegram|youtube|whatsapp)\b",
    # German teasers, comment and loading widgets, ad labels
    r"^\W*(schon gelesen|weitere artikel zum thema|zum weiterlesen|mehr themen|weitere themen"
    r"|weitere beiträge|das (thema )?könnte dich auch interessieren|vorschau auf den nächsten artikel"
    r"|top-themen)\b",
    r"^\W*(kommentieren|keine kommentare|kommentare( insgesamt)?|wird geladen|bild anzeigen)\W*$",
    r"\b(sie sind|du bist) (aktuell |derzeit )?nicht eingeloggt\b",
    r"\b(dieser|der) (beitrag|artikel) enthält werbung\b",
    r"^\W*anzeige\s*[-–:]",
    r"\balle angaben ohne gewähr\b",
    # English reader plugs
    r"^\W*follow [\w .@&'-]{1,40} on (twitter|instagram|facebook|x|linkedin|tiktok|youtube)\b",
    r"\bsubmit (your|a) letter to the editor\b",
    r"\balready (a )?subscriber\b",
    r"\bfirst-time subscribers\b",
    # Polish
    r"\bzapraszamy (też )?do subskrypcji\b",
    r"\bmateriał chroniony prawem\b",
    # investment-newsletter plugs ("Should you invest $1,000 in X right now?", "10 stocks we like better
    # than X", "Before you consider X, you'll want to hear this", "... delivers the answer:")
    r"\bshould you invest \$?[\d,.]+",
    r"\bwhere to invest \$?[\d,.]+",
    r"\b(\d+|ten|five) stocks (we like better|to buy|you can buy|set to soar)\b",
    r"^\W*see the (\d+|ten|five) stocks\b",
    r"\bstock advisor returns as of\b",
    r"\bbefore you (consider|buy|invest in)\b.{0,60}\b(consider this|hear this|read this)\b",
    r"\bdelivers the answer\s*:",
    r"\bliefert die antwort\b",
    r"\bget (our|the|your|a) free (report|guide|e-?book|trial|newsletter|analysis|stock)\b",
    r"\benter your e-?mail( address)?\b",
    r"\breceive news (&|and) ratings\b",
    # paywall and sharing widgets
    r"\bscroll (down )?to continue\b",
    r"^\W*this (article|story|content) is (only )?(for|available to|exclusive to|reserved for)"
    r" (paying )?(subscribers|members)\b",
    r"\b(sign|log) in to (read|continue|keep reading|view|access)\b",
    r"^\W*unlock (this|the full|full) (article|story|access)\b",
    r"\balready have an account\b",
    r"^\W*support (our|independent|quality) journalism\b",
    r"\bjournalismus braucht (deine|ihre|eure) unterstützung\b",
    r"^\W*article content\W*$",
    r"^\W*try (\d+|one|two|three|four) (weeks?|months?) for\b",
    r"^\W*(share|teilen|copy link|link kopieren|share this|print|drucken|jetzt lesen|mehr lesen)\W*$",
    r"^\W*hier (geht es|geht's) zu[rm]?\b",
    # copyright and reprint notices
    r"\b(all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés"
    r"|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden)\b",
    r"\b(copyrighted property of|without (the )?(prior )?written permission|written permission must be"
    r" obtained)\b",
)


def _top_level(alternation: str) -> list[str] | None:
    """The parts of ``a|b|c`` split at the top level of parentheses, or None when it is unbalanced."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(alternation):
        if char == "\\":
            continue
        if char == "(" and alternation[i - 1 : i] != "\\":
            depth += 1
        elif char == ")" and alternation[i - 1 : i] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
    return [*parts, alternation[start:]] if depth == 0 else None


def _first_letters(rule: str) -> set[str] | None:
    """The letters a rule's match must start with ("(read|see)..." -> {r, s}), or None when that is not
    plain to see (a class, an escape, an optional first letter...)."""
    if rule[:1] == "(" and not rule.startswith("(?"):
        depth, end = 0, -1
        for i, char in enumerate(rule):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                end = i
                break
        optional = rule[end + 1 : end + 2] in ("?", "*", "{")
        parts = _top_level(rule[1:end]) if end > 0 and not optional else None
        found = [_first_letters(part) for part in parts or []]
        letters = [f for f in found if f is not None]
        return set().union(*letters) if parts and len(letters) == len(found) else None
    if rule[:1].isalpha() and rule[1:2] not in ("?", "*", "{"):
        return {rule[0].casefold()}
    return None


def _word_start_group(rules: list[str]) -> str:
    """``\\b`` rules bucketed by their first letter behind a one-letter lookahead: at each word start the
    engine tries only the rules that can start with its letter (about 20 times fewer than all)."""
    buckets: dict[str, list[str]] = {}
    rest = []
    for rule in rules:
        letters = _first_letters(rule)
        if letters is None:
            rest.append(rule)
        for letter in sorted(letters or ()):
            buckets.setdefault(letter, []).append(rule)
    branches = [
        f"(?={re.escape(letter)})(?:{'|'.join(f'(?:{r})' for r in rules)})"
        for letter, rules in sorted(buckets.items())
    ]
    return r"\b(?:" + "|".join([*branches, *(f"(?:{r})" for r in rest)]) + ")"


def _one_pattern(sources: tuple[str, ...]) -> re.Pattern[str]:
    """All rules in one regex: those starting with ``^`` behind a single one (tried only at the start),
    those starting with ``\\b`` behind one word start, bucketed by first letter: one scan instead of
    sixty."""
    start = [p.removeprefix("^") for p in sources if p.startswith("^")]
    words = [p.removeprefix(r"\b") for p in sources if p.startswith(r"\b")]
    others = [f"(?:{p})" for p in sources if not p.startswith(("^", r"\b"))]
    anchored = "^(?:" + "|".join(f"(?:{p})" for p in start) + ")"
    return re.compile("|".join([anchored, _word_start_group(words), *others]), re.IGNORECASE)


PROMO = _one_pattern(PROMO_SOURCES)
BYLINE = re.compile(
    r"^\W*(?i:by|von|written by|reported by|from)\s+[A-ZÀ-Ý][\w.'’-]+(\s+[A-ZÀ-Ý][\w.'’-]+){0,3}"
    r"(\s*(,|and|und|&)\s*[A-ZÀ-Ý][\w.'’-]+(\s+[A-ZÀ-Ý][\w.'’-]+){0,3})*"
    r"(\s*[|,•·–-]\s*.*)?$"
)
DATELINE = re.compile(
    r"^\W*(published|updated|veröffentlicht|aktualisiert|posted|publicerad|uppdaterad|publisert|oppdatert"
    r"|udgivet|opdateret|gepubliceerd|bijgewerkt|publié|mis à jour|publicado|actualizado|pubblicato"
    r"|aggiornato)\b.{0,80}$"
    r"|^\W*\w+\s+\d{1,2},\s+\d{4}(\s+(at\s+)?\d{1,2}:\d{2}.*)?$"
    r"|^\W*\d{1,2}\.\s*\w+\s+\d{4}(,?\s+\d{1,2}[:.]\d{2}.*)?$",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"^\W*(photo|image|picture|foto|bild|titelbild|beitragsbild|credit|source|quelle|illustration|фото|zdjęcie"
    r"|kuva|bilde|billede)s?"
    r"\s*(credit)?\s*[:©]"
    r"|\b(getty images|reuters|afp|dpa|ap photo|shutterstock|imago|picture alliance)\W*$"
    r"|^©",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^\W*(pictured|in the picture|im bild|auf dem bild)\b"  # photo captions
    r"|^\W*((additional )?reporting|writing|editing) by\b"  # agency credits: "Reporting by ..."
    r"|.*\bcontributed( reporting)? to this (report|story|article)\W*$",  # "... contributed to this report."
    re.IGNORECASE,
)
CAPTION_WORDS = 60
# site notices are longer than promos but never article prose
NOTICE = re.compile(
    r"\b(browser version with limited support|(enable|activate) javascript"
    r"|javascript (is )?(disabled|deaktiviert)"
    # investment risk disclaimers and syndication notes
    r"|totalverlust des eingesetzten kapitals|keine aufforderung zum kauf"
    r"|ersetzen keine (fachliche )?beratung|keine anlageberatung"
    r"|(does|do|shall) not constitute (investment|financial|an offer)"
    r"|not (a )?(solicitation|recommendation) to (buy|sell)|ist eine partnermarke)\b",
    re.IGNORECASE,
)
NOTICE_WORDS = 90
# a teaser of a link list: its date and its headline in adjacent elements, glued with no space between
# them ("19.03.2024Fahndung nach ...", "2024-03-19Title"); prose never glues a date to a word
GLUED_DATE = re.compile(r"^\W*(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?=[^\W\d_])")
# template syntax the page printed as text: "+++dropcap", kramdown's "{: .class}", "[caption id=...]",
# "{{ var }}", and separator lines without a word ("___", "* * *")
MARKUP = re.compile(
    r"^(\+{3}[\w-]+|\{:[^{}]*\}|\[/?[a-z_]+(\s[^\]]*)?\]|\{\{[^{}]*\}\}|[\s\-_*=~#•·◇◆●■★.—–]*)$"
)
BIO = re.compile(
    r"^[A-ZÀ-Ý][\w.'’-]+(\s+[A-ZÀ-Ý][\w.'’-]+){0,3}\s+((is|was|has been|ist|war)\s+(a|an|the|our|ein|eine)\b"
    r"|(ist|is) (bei|at) |(covers|writes about|berichtet|schreibt über) )"
)
# a reporter's title before the name in a bio ("Korrespondent Ulrich Exner ist bei WELT für ...")
BIO_TITLE = re.compile(
    r"^(korrespondent|redakteur|reporter|autor|kolumnist|correspondent|editor|columnist|senior|chief)(in)?\s+",
    re.IGNORECASE,
)


@dataclass
class Cleaned:
    """Paragraphs that survived, with counts and reasons for what was removed."""

    blocks: list[Block]
    removed: dict[str, int] = field(default_factory=dict)
    reasons: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Case-folded letters and digits only, for comparing paragraphs."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


WORDS = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def word_count(text: str) -> int:
    return len(WORDS.findall(text))


@lru_cache(maxsize=4096)
def is_promo(text: str) -> bool:
    """A short paragraph that matches a promo or call-to-action rule."""
    words = word_count(text)
    if words <= NOTICE_WORDS and NOTICE.search(text):
        return True
    return words <= SHORT and PROMO.search(text) is not None


NAME_LIST = re.compile(r"[/;&]")  # between the authors' names in a byline of names only


def _same_as_title(text: str, title: str | None) -> bool:
    return bool(title) and normalise(text) == normalise(title or "")


def _is_byline(text: str, authors: Iterable[str]) -> bool:
    short = word_count(text) <= 16
    names = [normalise(a) for a in authors if a]
    listed = [normalise(p) for p in NAME_LIST.split(text) if normalise(p)]  # "Ann Lee/Bo Chan"
    if short and names and listed and all(n in names for n in listed):
        return True
    return short and bool(BYLINE.match(text) or DATELINE.match(text) or CREDIT.search(text))


def _is_bio(text: str, authors: Iterable[str]) -> bool:
    text = BIO_TITLE.sub("", text)
    first = normalise(text)[:60]
    return (
        any(normalise(a) and first.startswith(normalise(a)) for a in authors)
        and bool(BIO.match(text))
        and word_count(text) <= 90
    )


Rule = Callable[[list[Block], "Context"], list[bool]]


@dataclass
class Context:
    title: str | None
    authors: list[str]
    learned: frozenset[str]


def headline_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """The headline repeated at the top of the body."""
    return [i < 3 and _same_as_title(b.text, ctx.title) for i, b in enumerate(blocks)]


def byline_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Bylines, datelines and photo credits in the first paragraphs, captions anywhere."""
    return [
        (i < 4 and _is_byline(b.text, ctx.authors))
        or (word_count(b.text) <= 12 and CREDIT.search(b.text) is not None)
        or (word_count(b.text) <= CAPTION_WORDS and CAPTION.match(b.text) is not None)
        for i, b in enumerate(blocks)
    ]


def promo_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Promo lines, teasers and calls to action, anywhere in the body."""
    return [is_promo(b.text) for b in blocks]


def teaser_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Teasers of related-article lists whose date is glued to their headline."""
    return [bool(GLUED_DATE.match(b.text)) for b in blocks]


def markup_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Template syntax printed as text and separator lines without a word."""
    return [bool(MARKUP.match(b.text.strip())) for b in blocks]


def bio_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Author boxes after the body: the author's name alone or a short bio."""
    tail_start = max(len(blocks) - 4, 1)
    return [
        i >= tail_start and (_is_bio(b.text, ctx.authors) or _is_byline(b.text, ctx.authors))
        for i, b in enumerate(blocks)
    ]


def tail_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """An ad block at the end: from a promo marker on, a short tail of promo-like lines goes."""
    hits = [is_promo(b.text) or b.kind == "h" for b in blocks]
    for start in range(max(len(blocks) - 6, 1), len(blocks)):
        rest = blocks[start:]
        if (
            is_promo(blocks[start].text)
            and sum(hits[start:]) * 2 >= len(rest)
            and all(word_count(b.text) <= 70 for b in rest)
        ):
            return [i >= start for i in range(len(blocks))]
    return [False] * len(blocks)


def learned_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Paragraph shapes learned as template boilerplate of the site."""
    return [bool(ctx.learned) and shape(b.text) in ctx.learned for b in blocks]


def duplicate_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """A paragraph that repeats an earlier one."""
    seen: set[str] = set()
    flags = []
    for b in blocks:
        key = normalise(b.text)
        flags.append(key in seen and len(key) > 0)
        seen.add(key)
    return flags


TRAILING_HEADINGS = 2  # a longer run of headings at the end is content (a list of points), not debris


def trailing_heading_rule(blocks: list[Block], ctx: Context) -> list[bool]:
    """Headings left dangling at the end once what followed them is gone (one or two of them)."""
    run = 0
    while run < len(blocks) and blocks[len(blocks) - 1 - run].kind == "h":
        run += 1
    if run > TRAILING_HEADINGS:
        return [False] * len(blocks)
    return [i >= len(blocks) - run for i in range(len(blocks))]


RULES: list[tuple[str, Rule]] = [
    ("headline", headline_rule),
    ("byline", byline_rule),
    ("promo", promo_rule),
    ("teaser", teaser_rule),
    ("markup", markup_rule),
    ("tail", tail_rule),
    ("bio", bio_rule),
    ("learned", learned_rule),
    ("duplicate", duplicate_rule),
    ("trailing_heading", trailing_heading_rule),
]


def clean(
    blocks: list[Block], title: str | None = None, authors: Iterable[str] = (), learned: Iterable[str] = ()
) -> Cleaned:
    """Apply every rule in order; a paragraph removed by one rule is not seen by the next."""
    ctx = Context(title=title, authors=list(authors), learned=frozenset(learned))
    result = Cleaned(blocks=list(blocks))
    for name, rule in RULES:
        flags = rule(result.blocks, ctx)
        gone = [b for b, f in zip(result.blocks, flags, strict=True) if f]
        if gone:
            result.removed[name] = len(gone)
            result.reasons += [(name, b.text) for b in gone]
            result.blocks = [b for b, f in zip(result.blocks, flags, strict=True) if not f]
    return result
