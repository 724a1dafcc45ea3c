"""Swedish numbers and quantities (graph.extract.numbers) on blank Swedish Docs."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graph.extract.numbers import PERSON, Number, Quantity, find_quantities, parse_number


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("sv")


# ---------------------------------------------------------------- parse_number

PARSED = [
    ("2 000", "2000", None),
    ("5 478", "5478", None),
    ("14000", "14000", None),
    ("14\u00a0000", "14000", None),  # no-break space
    ("14\u2009000", "14000", None),  # thin space
    ("1 000 000", "1000000", None),
    ("1.000.000", "1000000", None),
    ("9,3", "9.3", None),
    ("1,1 miljard", "1100000000", None),
    ("1,6 miljoner", "1600000", None),
    ("13 miljarder", "13000000000", None),
    ("250 miljoner", "250000000", None),
    ("14 tusen", "14000", None),
    ("en miljon", "1000000", None),
    ("ett tusen", "1000", None),
    ("en halv miljard", "500000000", None),
    ("en och en halv miljard", "1500000000", None),
    ("halvannan miljon", "1500000", None),
    ("tre miljoner", "3000000", None),
    ("hundra tusen", "100000", None),
    ("nio", "9", None),
    ("Nio", "9", None),
    ("tjugo", "20", None),
    ("elva", "11", None),
    ("fyrtiofem", "45", None),
    ("tjugoen", "21", None),
    ("tvåhundrafemtio", "250", None),
    ("tretusenfemhundra", "3500", None),
    ("hundratusen", "100000", None),
    ("tusen", "1000", None),
    ("drygt 14 000", "14000", "drygt"),
    ("dryga 14 000", "14000", "drygt"),
    ("cirka 800", "800", "cirka"),
    ("ca. 800", "800", "cirka"),
    ("c:a 800", "800", "cirka"),
    ("nära 13 miljarder", "13000000000", "nära"),
    ("knappt 300", "300", "knappt"),
    ("mer än 2 000", "2000", "mer än"),
    ("upp till 50", "50", "upp till"),
    ("ytterligare 400 miljoner", "400000000", "ytterligare"),
]


@pytest.mark.parametrize(("text", "value", "qualifier"), PARSED)
def test_parse_number_reads_swedish_numbers(text: str, value: str, qualifier: str | None) -> None:
    assert parse_number(text) == Number(Decimal(value), qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hundratals",  # vague: no value
        "tusentals",
        "första",  # an ordinal
        "tredje",
        "femfem",  # number parts in an impossible order
        "tioelva",
        "120 miljoner kronor",  # a unit belongs to a quantity, not to a number
        "300-400",  # a range
        "14.00",  # a clock time
        "drygt",
        "Försäkringskassan",
    ],
)
def test_parse_number_refuses_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_decimals_keep_their_digits_and_integers_lose_the_zero_fraction() -> None:
    assert str(parse_number("9,3").value) == "9.3"  # type: ignore[union-attr]
    assert str(parse_number("1,1 miljard").value) == "1100000000"  # type: ignore[union-attr]


# ---------------------------------------------------------------- find_quantities


#: A sentence with one quantity marked [like this]; its value, unit, noun and qualifier.
Case = tuple[str, str, str, str | None, str | None]


def unmarked(marked: str) -> tuple[str, list[str]]:
    """The text without its [marks], and the stretches they mark, in order."""
    return marked.replace("[", "").replace("]", ""), re.findall(r"\[([^]]*)\]", marked)


def sek(marked: str, value: str, qualifier: str | None = None) -> Case:
    return (marked, value, "SEK", None, qualifier)


def people(marked: str, value: str, noun: str, qualifier: str | None = None) -> Case:
    return (marked, value, "person", noun, qualifier)


def count(marked: str, value: str, noun: str | None, qualifier: str | None = None) -> Case:
    return (marked, value, "count", noun, qualifier)


def duration(marked: str, value: str, noun: str) -> Case:
    return (marked, value, "duration", noun, None)


def percent(marked: str, value: str, qualifier: str | None = None, noun: str | None = None) -> Case:
    return (marked, value, "percent", noun, qualifier)


QUANTITIES = [
    sek("Reformen beräknas kosta [120 miljoner kronor].", "120000000"),
    sek("Kronofogden drev in [nära 13 miljarder kronor].", "13000000000", "nära"),
    sek("Det var [1,1 miljard kronor] mer.", "1100000000"),
    sek("Anslaget höjs med [cirka 800 miljoner kronor].", "800000000", "cirka"),
    sek("Myndigheten begär [ytterligare 400 miljoner kronor].", "400000000", "ytterligare"),
    sek("Han tog emot [10 000 kronor] i mutor.", "10000"),
    sek("Budgeten är [120 mkr] i år.", "120000000"),
    sek("Budgeten är [120 Mkr] i år.", "120000000"),
    sek("Kostnaden blev [35 MSEK].", "35000000"),
    sek("Kostnaden blev [2,5 mdkr].", "2500000000"),
    sek("Ersättningen är [450 tkr] per år.", "450000"),
    sek("Avgiften är [300 kr] i månaden.", "300"),
    sek("Bidraget är [5 000 SEK].", "5000"),
    sek("Priset var [14,5 mdr kr.]", "14500000000"),  # spaCy keeps "kr." as one token
    sek("Biljetten kostar [100:-] för vuxna.", "100"),
    sek("Kommunen får [en miljon kronor].", "1000000"),
    sek("Det handlar om [en och en halv miljard kronor].", "1500000000"),
    sek("Projektet får [tre miljoner kronor].", "3000000"),
    people(
        "Försäkringskassan har [drygt 14 000 anställda] i landet.", "14000", "anställda", "drygt"
    ),
    people("Kassan har [drygt 14\u00a0000 anställda].", "14000", "anställda", "drygt"),
    people("[300 personer] ska anställas.", "300", "personer"),
    people("Centret har [800 anställda].", "800", "anställda"),
    people("Totalt beviljades [5 478 personer] sjukersättning.", "5478", "personer"),
    people("Året fick [920 000 kunder] aktivitetsstöd.", "920000", "kunder"),
    people("Prognosen visar [3,5 miljoner kunder].", "3500000", "kunder"),
    people("Skatteverket anställer [200 nya handläggare].", "200", "handläggare"),
    people("Kontoret får [40 försäkringshandläggare].", "40", "försäkringshandläggare"),
    people("Satsningen ger [300 nya tjänster].", "300", "tjänster"),
    people("Det har inneburit [50 nya jobb].", "50", "jobb"),
    people("[Tjugo personer] deltog.", "20", "personer"),
    people("[Hela fyrtiofem personer] sökte.", "45", "personer", "hela"),
    people("[Cirka 300 personer] kom.", "300", "personer", "cirka"),
    people("[Ca. 300 personer] kom.", "300", "personer", "cirka"),
    people("[Upp till 500 personer] kan beröras.", "500", "personer", "upp till"),
    people("[Under 100 personer] sökte.", "100", "personer", "under"),
    count("Det behövs [ytterligare 2 000 platser] i anstalter.", "2000", "platser", "ytterligare"),
    # a year-like number with a hedge and a noun is a count
    count("Det behövs [ytterligare 2000 platser].", "2000", "platser", "ytterligare"),
    count("Det finns [82 nya lokala försäkringscenter].", "82", "försäkringscenter"),
    count("Systemet läser in [150 000 dokument].", "150000", "dokument"),
    count("Kontoret erbjuder [tre digitala e-tjänster].", "3", "e-tjänster"),
    count("Myndigheten har [nio kontor].", "9", "kontor"),
    count("[Fler än 1 000 ärenden] väntar.", "1000", "ärenden", "fler än"),
    count("Myndigheten har begärt [250 miljoner] från regeringen.", "250000000", None),
    count("Det var nummer [50] i ordningen.", "50", None),
    count("Hon har ansvar för [2 000].", "2000", None),
    duration("Försöket pågick i [16 månader].", "16", "månader"),
    duration("Vi ska nå dit på [tre månader].", "3", "månader"),
    duration("Efter [30 års] forskning vet vi mer.", "30", "års"),
    duration("Behovet gäller de närmaste [tio åren].", "10", "åren"),
    duration("Handläggningen tar [45 dagar].", "45", "dagar"),
    duration("Lyssna i [30 min.] nu.", "30", "min"),
    duration("Under [tre månader] testades arbetssättet.", "3", "månader"),  # "during"
    percent("Personalen har minskat med [9,3 procent].", "9.3"),
    percent("Arbetslösheten steg till [8 %].", "8"),
    percent("Andelen sjönk med [1,5 procentenheter].", "1.5", noun="procentenheter"),
    percent("En [45-procentig] besparing har uppnåtts.", "45"),
    percent("[Knappt 40 procent] svarade.", "40", "knappt"),
]


@pytest.mark.parametrize(("marked", "value", "unit", "noun", "qualifier"), QUANTITIES)
def test_find_quantities_reads_one_quantity(
    nlp: Language, marked: str, value: str, unit: str, noun: str | None, qualifier: str | None
) -> None:
    plain, [text] = unmarked(marked)
    doc = nlp(plain)
    (found,) = find_quantities(doc)
    assert (found.text, found.value, found.unit, found.noun, found.qualifier) == (
        text,
        Decimal(value),
        unit,
        noun,
        qualifier,
    )
    assert doc[found.start : found.end].text == found.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Inför 2014 kommer vi styra om arbetet.",
        "Under 2019 drev Kronofogden in pengar.",
        "Det framgår av årsredovisningen för 2019.",
        "Försöket startade i september 2016.",
        "Beslutet togs den 3 april 2019.",
        "Rapporten ska vara klar i slutet av 2018.",
        "Det blir större ökningar 2022.",
        "Det var mer än 2018.",
        "Det står i 2019 års budget.",
        "Det var den första reformen.",
        "Reformen har inneburit hundratals nya jobb.",
        "Tusentals ärenden väntar.",
        "Flera hundra utdrag blev felaktiga.",
        "Jacob är en av dem som jobbar där.",
        "Det var ett genomgripande förändringsarbete.",
        "Ekonomi2008-04-23 04:00",
        "Lyssna 3:30 min",
        "Se sidorna 300-400 i rapporten.",
        "Mellan 2008 och 2014 försvann jobben.",
        "Klockan är 14.00 nu.",
    ],
)
def test_find_quantities_skips_years_ordinals_vague_amounts_and_articles(
    nlp: Language, sentence: str
) -> None:
    assert find_quantities(nlp(sentence)) == []


#: A text with every quantity marked [like this], and each one's value, unit, noun, qualifier.
SEVERAL = [
    pytest.param(
        "Vi anställde [240 personer] på [tre månader] och nu är vi uppe i [530 personer].",
        [
            ("240", "person", "personer", None),
            ("3", "duration", "månader", None),
            ("530", "person", "personer", None),
        ],
        id="several quantities in one sentence in text order",
    ),
    pytest.param(
        "Beslutet gäller [2000 personer] och kostar [1999 kronor].",
        [("2000", "person", "personer", None), ("1999", "SEK", None, None)],
        id="a year still counts when a unit makes it an amount",
    ),
    pytest.param(
        "Sida [12]\n[300 personer] kom.",
        [("12", "count", None, None), ("300", "person", "personer", None)],
        id="thousands groups do not join across a line break",
    ),
    pytest.param(
        "För att klara ökningen behövs [ytterligare 2 000 platser] de närmaste [tio åren]. "
        "Myndigheten begär ökade anslag med [350 miljoner kronor] nästa år och större ökningar "
        "2022.",
        [
            ("2000", "count", "platser", "ytterligare"),
            ("10", "duration", "åren", None),
            ("350000000", "SEK", None, None),
        ],
        id="quantities in a news paragraph",
    ),
]


@pytest.mark.parametrize(("marked", "expected"), SEVERAL)
def test_find_quantities_reads_every_quantity_in_text_order(
    nlp: Language, marked: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    text, stretches = unmarked(marked)
    found = find_quantities(nlp(text))
    assert [q.text for q in found] == stretches
    assert [(q.value, q.unit, q.noun, q.qualifier) for q in found] == [
        (Decimal(value), unit, noun, qualifier) for value, unit, noun, qualifier in expected
    ]


def test_a_number_merged_into_one_token_reads_like_a_split_one(nlp: Language) -> None:
    split = nlp("Försäkringskassan har drygt 14 000 anställda.")
    merged = Doc(
        nlp.vocab,
        words=["Försäkringskassan", "har", "drygt", "14 000", "anställda", "."],
        spaces=[True, True, True, True, False, False],
    )
    (from_split,) = find_quantities(split)
    (from_merged,) = find_quantities(merged)
    assert from_merged == Quantity(
        2, 5, "drygt 14 000 anställda", Decimal(14000), "person", "anställda", "drygt"
    )
    assert from_split._replace(end=from_merged.end) == from_merged


@pytest.mark.parametrize(
    ("sentence", "value", "low", "noun"),
    [
        ("Kontoret får plats för 40-60 medarbetare.", 60, 40, "medarbetare"),
        ("Det blir ca 15–25 fler arbetstillfällen.", 25, 15, "arbetstillfällen"),
        ("Det handlar om mellan 10 och 20 nya jobb.", 20, 10, "jobb"),
    ],
)
def test_a_range_of_people_is_its_upper_bound_with_the_lower_kept(
    nlp: Language, sentence: str, value: int, low: int, noun: str
) -> None:
    (found,) = find_quantities(nlp(sentence))
    assert (found.value, found.low, found.unit, found.noun) == (value, low, PERSON, noun)


def test_a_part_of_a_whole_counts_what_the_whole_counts(nlp: Language) -> None:
    (found,) = find_quantities(nlp("Nu varslas 700 av 2 100 anställda."))
    assert (found.value, found.total, found.unit, found.noun) == (700, 2100, PERSON, "anställda")
    assert found.text == "700 av 2 100 anställda"


def test_a_number_before_av_and_a_bare_number_stay_apart(nlp: Language) -> None:
    found = find_quantities(nlp("Han fick 3 av 5 möjliga poäng och 20 av dem."))
    assert [(q.value, q.total) for q in found] == [(3, 5), (20, None)]
