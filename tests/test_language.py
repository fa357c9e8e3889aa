"""Language detection: deterministic, the text wins on long bodies, the declared language on short ones."""

from __future__ import annotations

from pipelines.language import detect_language

EN_LONG = (
    "The central bank kept interest rates unchanged on Wednesday, saying inflation was still too high "
    "for comfort even as growth slowed. Officials signalled that they expect to cut rates later this year "
    "if prices keep cooling, but warned that the labour market remains tight and wages are rising quickly."
)
DE_LONG = (
    "Die Notenbank hat die Leitzinsen am Mittwoch unverändert gelassen und erklärt, die Inflation sei "
    "weiterhin zu hoch, obwohl sich das Wachstum verlangsamt habe. Die Währungshüter deuteten an, dass sie "
    "die Zinsen später im Jahr senken könnten, wenn die Preise weiter nachgeben."
)
ZU_LONG = (
    "Uthe umndeni futhi ukuthi lokho kwenzeke ngesikhathi lapho amaphoyisa efika khona. Kodwa manje "
    "kusho ukuthi kanye nabo bazosiza, noma kunzima kakhulu njengoba kuze kube manje akekho oboshiwe. "
    "Bathi futhi ukuthi bazoqhubeka nophenyo ngoba lokho kubalulekile emphakathini wonke. Uma "
    "kukhona onolwazi, kufanele athinte amaphoyisa khona manje."
)


def test_long_text_without_declared_language() -> None:
    assert detect_language(EN_LONG) == "en"
    assert detect_language(DE_LONG) == "de"


def test_long_text_wins_over_a_wrong_declaration() -> None:
    assert detect_language(EN_LONG, "de") == "en"
    assert detect_language(DE_LONG, "en-US") == "de"


def test_short_text_keeps_the_declared_language() -> None:
    assert detect_language("Apple stock rises", "de") == "de"
    assert detect_language("Zinsen steigen wieder", "de") == "de"
    assert detect_language("", "fr") == "fr"


def test_short_text_without_declaration_is_still_detected() -> None:
    assert detect_language("Die Aktie fiel am Montag deutlich") == "de"
    assert detect_language("") is None


def test_deterministic() -> None:
    assert len({detect_language(EN_LONG[:80]) for _ in range(5)}) == 1


def test_declared_variant_of_detected_language() -> None:
    text = (
        "Regjeringen la fram statsbudsjettet i dag, og finansministeren sa at økonomien går bedre "
        "enn ventet. "
        "Arbeidsledigheten er lav, men prisveksten er fortsatt høyere enn målet til Norges Bank."
    )
    assert detect_language(text, "nb") == "nb"
    assert detect_language(text) == "no"


def test_languages_langdetect_lacks() -> None:
    assert detect_language(ZU_LONG, "en") == "zu"
