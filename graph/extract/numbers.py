"""Swedish numbers and amounts, normalised: "drygt 14 000 anställda" → 14000 persons.

Swedish news writes one number in many ways: digits grouped by spaces
("14 000", also with no-break or thin spaces) or dots ("1.000.000"), a
decimal comma ("1,1"), number words ("nio", "fyrtiofem", "tvåhundra"),
scale words ("13 miljarder"), abbreviations ("mkr", "tkr"), and a hedge in
front ("drygt", "cirka", "nära"). `parse_number` reads one such number;
`find_quantities` finds every amount, count, share and duration in a Doc
and says what it counts.

Both work on token text only, never on POS tags, so they give the same
answer on a blank Swedish pipeline and on the trained one. A number may come
as one token ("14 000", when a pipeline merged it) or as several ("14",
"000"); both read the same.

A range of people or things ("20-30 medarbetare", "mellan 20 och 30 nya
jobb") is one quantity with its upper bound as the value and `low` the lower
one; a part of a whole ("4 500 av 13 400 anställda") is one quantity of the
part with `total` the whole.

Deliberately *not* quantities: years ("2014", "under 2019", "2019 års"),
ordinals ("första"), vague amounts with no value ("hundratals",
"tusentals"), ranges with nothing counted ("300-400"), clock times and dates
("04:00", "2008-04-23", "3 april"), and a bare "en"/"ett", which is nearly
always an article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.tokens import Doc


class Number(NamedTuple):
    """A number as read, with the hedge written in front of it, if any."""

    value: Decimal
    #: Normalised hedge: "drygt", "cirka", "nära", "knappt", "över", "minst", ...
    qualifier: str | None


class Quantity(NamedTuple):
    """A number in a Doc, with what it counts: `doc[start:end]` is the phrase."""

    start: int
    end: int
    #: The phrase as written, hedge and unit included: "cirka 800 miljoner kronor".
    text: str
    #: Normalised value: kronor for SEK, 9.3 for "9,3 procent", 3 for "tre månader".
    value: Decimal
    #: "SEK", "person", "percent", "duration" or "count".
    unit: str
    #: The counted noun in lower case ("personer", "månader", "platser"); None for
    #: money and percentages, whose unit says it all, and for a bare number.
    noun: str | None
    qualifier: str | None
    #: The lower bound of a range ("20-30 medarbetare"); `value` is the upper one.
    low: Decimal | None = None
    #: The whole that the value is a part of: 13400 in "4 500 av 13 400 anställda".
    total: Decimal | None = None


SEK = "SEK"
PERSON = "person"
PERCENT = "percent"
DURATION = "duration"
COUNT = "count"

# ---------------------------------------------------------------- vocabulary

#: Hedges before a number, as written (lower case) → the qualifier reported.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("drygt",): "drygt",
    ("dryga",): "drygt",
    ("cirka",): "cirka",
    ("circa",): "cirka",
    ("ca",): "cirka",
    ("ca.",): "cirka",
    ("c:a",): "cirka",
    ("omkring",): "omkring",
    ("runt",): "runt",
    ("kring",): "kring",
    ("ungefär",): "ungefär",
    ("uppskattningsvis",): "uppskattningsvis",
    ("nära",): "nära",
    ("närmare",): "närmare",
    ("knappt",): "knappt",
    ("knappa",): "knappt",
    ("över",): "över",
    ("mer", "än"): "mer än",
    ("fler", "än"): "fler än",
    ("under",): "under",
    ("mindre", "än"): "mindre än",
    ("färre", "än"): "färre än",
    ("minst",): "minst",
    ("högst",): "högst",
    ("max",): "högst",
    ("maximalt",): "högst",
    ("upp", "till"): "upp till",
    ("uppemot",): "uppemot",
    ("upp", "emot"): "uppemot",
    ("ytterligare",): "ytterligare",
    ("totalt",): "totalt",
    ("sammanlagt",): "sammanlagt",
    ("hela",): "hela",
    ("bara",): "bara",
    ("endast",): "endast",
}
_LONGEST_QUALIFIER = max(len(words) for words in QUALIFIERS)

#: Number words and the parts of compound number words ("fyrtio"+"fem").
_UNITS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5,
    "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
}  # fmt: skip
_TEENS = {
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
}  # fmt: skip
_TENS = {
    "tjugo": 20, "tjugu": 20, "trettio": 30, "tretti": 30, "fyrtio": 40, "förtio": 40,
    "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90,
}  # fmt: skip
_HUNDRED, _THOUSAND = "hundra", "tusen"
#: Longest first, so "sexton" is read before "sex" and "trettio" before "tre".
_NUMBER_PARTS = sorted([*_UNITS, *_TEENS, *_TENS, _HUNDRED, _THOUSAND], key=len, reverse=True)
#: "halvannan miljard" is one and a half billion.
_ONE_AND_A_HALF = "halvannan"
#: The indefinite article doubles as "one": only a number before a scale word.
_ARTICLES = frozenset({"en", "ett"})
_HALF = frozenset({"halv", "halvt"})
#: "en och en halv miljard", "två och ett halvt år".
_AND_A_HALF = (["och", "en", "halv"], ["och", "ett", "halvt"])

#: Scale words after a number (as in "13 miljarder", "tre tusen").
SCALES: dict[str, Decimal] = {
    "hundra": Decimal(100),
    "tusen": Decimal(1000),
    "miljon": Decimal(10**6),
    "miljoner": Decimal(10**6),
    "milj": Decimal(10**6),
    "milj.": Decimal(10**6),
    "mn": Decimal(10**6),
    "miljard": Decimal(10**9),
    "miljarder": Decimal(10**9),
    "mdr": Decimal(10**9),
    "md": Decimal(10**9),
    "biljon": Decimal(10**12),
    "biljoner": Decimal(10**12),
}

#: Money words (lower case) → how many kronor one of them is.
MONEY: dict[str, Decimal] = {
    "kronor": Decimal(1),
    "krona": Decimal(1),
    "kronors": Decimal(1),
    "kr": Decimal(1),
    "sek": Decimal(1),
    "tkr": Decimal(1000),
    "tsek": Decimal(1000),
    "mkr": Decimal(10**6),
    "mnkr": Decimal(10**6),
    "msek": Decimal(10**6),
    "mdkr": Decimal(10**9),
    "mdsek": Decimal(10**9),
}
#: "100:-" is how prices are written in ads and some news.
_PRICE_SUFFIX = ":-"

#: Percentage points keep their noun: 1,5 procentenheter is not 1,5 procent.
PERCENT_POINTS = "procentenheter"
PERCENT_WORDS = frozenset({"procent", "%", PERCENT_POINTS})

DURATION_NOUNS = frozenset(
    {
        "sekund", "sekunder", "minut", "minuter", "min", "timme", "timmar", "dygn",
        "dag", "dagar", "dagarna", "dagars", "vecka", "veckor", "veckorna", "veckors",
        "månad", "månader", "månaderna", "månaders", "kvartal", "halvår",
        "år", "åren", "års", "decennier",
    }
)  # fmt: skip

#: Nouns for people, whole words.
PERSON_NOUNS = frozenset({"person", "människor", "män", "individer", "personal"})
#: Heads of compound nouns for people: "försäkringshandläggare", "deltidsanställda".
PERSON_HEADS = (
    "personer", "anställda", "handläggare", "medarbetare", "tjänstemän", "chefer",
    "läkare", "sjuksköterskor", "poliser", "lärare", "forskare", "arbetare",
    "studenter", "elever", "patienter", "kunder", "invånare", "medborgare",
    "deltagare", "sökande", "pensionärer", "ungdomar", "kvinnor", "barn",
    "medlemmar", "konsulter", "sekreterare", "inspektörer", "utredare", "jurister",
    "experter", "arbetslösa", "sjukskrivna", "försäkrade", "flyktingar",
)  # fmt: skip
#: Posts to fill count as people: each is one person hired, so "300 nya tjänster"
#: is a headcount just like "300 personer". Whole words only: "e-tjänster" are
#: services, not posts.
POSITION_NOUNS = frozenset(
    {
        "tjänster", "heltidstjänster", "jobb", "arbetstillfällen", "årsarbetskrafter",
        "årsarbetare", "befattningar", "anställningar", "nyanställningar",
    }
)  # fmt: skip
#: Words after a number that are not what it counts. spaCy's Swedish stop words
#: lack a few common verbs ("de tre är kritiska").
NOT_NOUNS = STOP_WORDS | {"är", "var", "sa", "bör", "ville"}
#: Words that make a following "hundra"/"tusen" vague: "flera hundra utdrag".
VAGUE_BEFORE = frozenset({"flera", "några", "par", "många"})
#: Words that may stand between a number and its noun: "300 nya tjänster".
NOUN_MODIFIERS = frozenset(
    {"nya", "fler", "färre", "extra", "ytterligare", "fast", "fasta", "tillfälligt"}
)
#: Plural adjective endings, for modifiers not in the list ("82 nya lokala kontor").
_ADJECTIVE_ENDING = re.compile(r"(?:liga|iga|iska|ska|ella|ala|ade|rade)$")
_MAX_MODIFIERS = 2

MONTHS = frozenset(
    {
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
        "september", "oktober", "november", "december",
    }
)  # fmt: skip
#: Words before a year: "i 2019", "under 2019", "inför 2014", "september 2016".
YEAR_CUES = MONTHS | {
    "i", "år", "året", "under", "inför", "sedan", "från", "till", "efter", "före",
    "innan", "för", "av", "mellan", "fram", "våren", "sommaren", "hösten", "vintern",
}  # fmt: skip
#: "under" before a duration means "during", not "fewer than": "under tre månader".
_DURING = "under"
_YEARS = range(1900, 2101)
#: "2019 års budget" is the budget of the year 2019, not 2019 years.
_YEAR_GENITIVE = "års"

# ---------------------------------------------------------------- digit patterns

_SPACES = " \u00a0\u2009\u202f"
#: One token with the whole number: "14000", "14 000" (merged), "1.000.000",
#: "9,3", "100:-".
_DIGITS = re.compile(
    rf"(?P<int>\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+|\d+)"
    rf"(?:,(?P<frac>\d+))?(?P<price>{_PRICE_SUFFIX})?"
)
#: A thousands group in a token of its own: the "000" of "14", "000".
_GROUP = re.compile(rf"(?P<int>\d{{3}})(?:,(?P<frac>\d+))?(?P<price>{_PRICE_SUFFIX})?")
#: A number that may take more thousands groups after it.
_GROUPABLE = re.compile(r"\d{1,3}(?: \d{3})*")
#: Letters, maybe hyphenated ("e-tjänster"); lower case makes it a common noun.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: "45-procentig", "9,5-procentiga": a share written as an adjective.
_PERCENT_ADJECTIVE = re.compile(r"(?P<num>\d+(?:,\d+)?)-?procentig[at]?", re.IGNORECASE)


# ---------------------------------------------------------------- reading words


class _Word(NamedTuple):
    """A non-space token (or, for plain strings, a white-space separated word)."""

    text: str
    lower: str
    #: Token index in the Doc (word index for a plain string).
    token: int
    #: Only spaces on the same line lie between this word and the one before,
    #: so a thousands group here may continue the number there.
    joins_previous: bool


class _Core(NamedTuple):
    """The number itself, scale words included, without hedge or unit."""

    value: Decimal
    end: int
    #: Written with a ":-" price suffix ("100:-"), which makes it kronor.
    price: bool
    #: Only an article-like "en"/"ett", which is a number in a phrase of its own
    #: but an article in running text.
    bare_article: bool
    #: A plain four-digit integer in 1900 to 2100: could be a year.
    year_like: bool


def _word_value(word: str) -> Decimal | None:
    """The value of one number word, compounds included: "fyrtiofem" → 45."""
    if word == _ONE_AND_A_HALF:
        return Decimal("1.5")
    parts: list[str] = []
    rest = word
    while rest:
        part = next((p for p in _NUMBER_PARTS if rest.startswith(p)), None)
        if part is None:
            return None
        parts.append(part)
        rest = rest[len(part) :]
    return _combine_parts(parts)


def _combine_parts(parts: Sequence[str]) -> Decimal | None:
    """Add up number-word parts; None when they do not make a number ("femfem")."""
    total, group = 0, 0
    # Within a group below a hundred only one tens word and then one unit word
    # may come, in that order; "hundra" and "tusen" close a group.
    last_small: str | None = None
    for part in parts:
        if part == _HUNDRED:
            group = (group or 1) * 100
            last_small = None
        elif part == _THOUSAND:
            total += (group or 1) * 1000
            group, last_small = 0, None
        elif part in _TENS:
            if last_small is not None:
                return None
            group += _TENS[part]
            last_small = "tens"
        else:  # a unit (1-9) or a teen (10-19): after nothing, or a unit after a ten
            if last_small == "unit" or (last_small == "tens" and part in _TEENS):
                return None
            group += _UNITS.get(part, _TEENS.get(part, 0))
            last_small = "unit"
    return Decimal(total + group)


def _read_digits(words: Sequence[_Word], i: int) -> _Core | None:
    """Digits at `words[i]`, with thousands groups in the tokens after it."""
    match = _DIGITS.fullmatch(words[i].text)
    if match is None:
        return None
    integer = re.sub(rf"[{_SPACES}]", " ", match["int"])
    frac, price, end = match["frac"], bool(match["price"]), i + 1
    while frac is None and not price and end < len(words) and words[end].joins_previous:
        group = _GROUP.fullmatch(words[end].text)
        if group is None or not _GROUPABLE.fullmatch(integer):
            break
        integer = f"{integer} {group['int']}"
        frac, price, end = group["frac"], bool(group["price"]), end + 1
    digits = re.sub(rf"[{_SPACES}.]", "", integer)
    value = Decimal(f"{digits}.{frac}" if frac else digits)
    year_like = end == i + 1 and frac is None and len(integer) == 4 and int(digits) in _YEARS
    return _Core(value, end, price, bare_article=False, year_like=year_like)


def _read_number_words(words: Sequence[_Word], i: int) -> _Core | None:
    """A number written in words at `words[i]`: "nio", "en halv", "tjugo"."""
    lower = words[i].lower
    if lower in _ARTICLES and i + 1 < len(words) and words[i + 1].lower in _HALF:
        return _Core(Decimal("0.5"), i + 2, price=False, bare_article=False, year_like=False)
    value = _word_value(lower)
    if value is None:
        return None
    if lower in (_HUNDRED, _THOUSAND) and i > 0 and words[i - 1].lower in VAGUE_BEFORE:
        return None
    return _Core(value, i + 1, price=False, bare_article=lower in _ARTICLES, year_like=False)


def _read_core(words: Sequence[_Word], i: int) -> _Core | None:
    """The number at `words[i]` with "och en halv" and scale words after it."""
    core = _read_digits(words, i) or _read_number_words(words, i)
    if core is None or core.price:
        return core
    value, end, bare_article = core.value, core.end, core.bare_article
    if [w.lower for w in words[end : end + 3]] in _AND_A_HALF:
        value, end, bare_article = value + Decimal("0.5"), end + 3, False
    scale = Decimal(0)
    # Scales may stack upwards only: "hundra tusen", "tusen miljoner".
    while end < len(words) and SCALES.get(words[end].lower, Decimal(0)) > scale:
        scale = SCALES[words[end].lower]
        value, end, bare_article = value * scale, end + 1, False
    year_like = core.year_like and end == core.end
    return _Core(value, end, core.price, bare_article, year_like)


def _read_qualifier(words: Sequence[_Word], i: int) -> tuple[str, int] | None:
    """A hedge at `words[i]` and the index after it: "drygt", "mer än", "ca ."."""
    for size in range(_LONGEST_QUALIFIER, 0, -1):
        key = tuple(w.lower for w in words[i : i + size])
        if len(key) == size and key in QUALIFIERS:
            end = i + size
            # spaCy splits "ca." into "ca" and ".".
            if key == ("ca",) and end < len(words) and words[end].text == ".":
                end += 1
            return QUALIFIERS[key], end
    return None


def _tidy(value: Decimal) -> Decimal:
    """Drop a zero fraction that scaling left behind: 1,1 miljard → 1100000000."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# ---------------------------------------------------------------- public: one number


def parse_number(text: str) -> Number | None:
    """Read one Swedish number, hedge and scale included, and nothing else.

    "drygt 14 000" → Number(14000, "drygt"); "1,1 miljard" → 1100000000;
    "fyrtiofem" → 45; "en miljon" → 1000000. Units are not part of a number:
    "120 miljoner kronor" gives None here; `find_quantities` reads those.
    Vague amounts ("hundratals") and ordinals ("första") give None.
    """
    words = [_Word(w, w.lower(), n, True) for n, w in enumerate(text.split())]
    if not words:
        return None
    qualifier: str | None = None
    start = 0
    hedge = _read_qualifier(words, 0)
    if hedge is not None:
        qualifier, start = hedge
    if start >= len(words):
        return None
    core = _read_core(words, start)
    if core is None or core.end != len(words) or core.price:
        return None
    return Number(_tidy(core.value), qualifier)


# ---------------------------------------------------------------- public: quantities


class _Unit(NamedTuple):
    """What a number counts, where its phrase ends, and what one unit is worth."""

    unit: str
    noun: str | None
    end: int
    multiplier: Decimal = Decimal(1)


def _is_modifier(lower: str) -> bool:
    """An adjective between a number and its noun ("nya", "lokala"), not a verb like "ska"."""
    return lower in NOUN_MODIFIERS or (
        lower not in NOT_NOUNS and _ADJECTIVE_ENDING.search(lower) is not None
    )


def _is_person_noun(lower: str) -> bool:
    """People ("personer", "deltidsanställda") or posts for people ("tjänster")."""
    return lower in PERSON_NOUNS or lower in POSITION_NOUNS or lower.endswith(PERSON_HEADS)


def _read_unit(words: Sequence[_Word], i: int) -> _Unit:
    """What the number ending before `words[i]` counts; a bare count if nothing."""
    if i >= len(words):
        return _Unit(COUNT, None, i)
    lower = words[i].lower
    # spaCy keeps the period of some abbreviations in the token: "kr.", "min.".
    abbreviation = lower.removesuffix(".")
    if abbreviation in MONEY:
        return _Unit(SEK, None, i + 1, MONEY[abbreviation])
    if lower in PERCENT_WORDS:
        return _Unit(PERCENT, lower if lower == PERCENT_POINTS else None, i + 1)
    noun_at = i
    while noun_at - i < _MAX_MODIFIERS and noun_at + 1 < len(words):
        if not _is_modifier(words[noun_at].lower):
            break
        noun_at += 1
    noun = words[noun_at]
    if noun.lower.removesuffix(".") in DURATION_NOUNS:
        return _Unit(DURATION, noun.lower.removesuffix("."), noun_at + 1)
    if _is_person_noun(noun.lower):
        return _Unit(PERSON, noun.lower, noun_at + 1)
    if _WORD.fullmatch(noun.text) and noun.text.islower() and noun.lower not in NOT_NOUNS:
        return _Unit(COUNT, noun.lower, noun_at + 1)
    return _Unit(COUNT, None, i)


def _is_year(
    words: Sequence[_Word], start: int, core: _Core, unit: _Unit, qualifier: str | None
) -> bool:
    """A plain year such as "2014" rather than an amount of 2014 of something.

    A year-like number is a year after a year word ("under 2019", "september
    2016"), before "års" ("2019 års budget"), and when no unit that only
    amounts take (kronor, procent, personer, dagar) follows it, unless a hedge
    and a noun make it a count ("ytterligare 2000 platser").
    """
    if not core.year_like:
        return False
    if start > 0 and words[start - 1].lower in YEAR_CUES:
        return True
    if core.end < len(words) and words[core.end].lower == _YEAR_GENITIVE:
        return True
    # "mer än 2018" stands alone: a hedge makes an amount only with a noun.
    return unit.unit == COUNT and (unit.noun is None or qualifier is None)


class _Reading(NamedTuple):
    """A quantity found in the word list, before it becomes a `Quantity`."""

    start: int
    core: _Core
    unit: _Unit
    qualifier: str | None
    low: Decimal | None = None


#: "20-30", "20–30": a range written as one token.
_RANGE = re.compile(r"(?P<low>\d{1,6})[-–](?P<high>\d{1,6})")
#: "mellan 20 och 30 nya jobb".
_BETWEEN, _AND = "mellan", "och"
#: "4 500 av 13 400 anställda": a part of a whole.
_OF = "av"


def _read_range(words: Sequence[_Word], i: int) -> _Reading | None:
    """A range of counted things at `words[i]`; a range with no noun (years, pages) is none."""
    one = _RANGE.fullmatch(words[i].text)
    if one is not None:
        low, high, end = Decimal(one["low"]), Decimal(one["high"]), i + 1
    elif words[i].lower == _BETWEEN and i + 3 < len(words) and words[i + 2].lower == _AND:
        first, second = _read_core(words, i + 1), _read_core(words, i + 3)
        if first is None or second is None or first.end != i + 2 or first.bare_article:
            return None
        low, high, end = first.value, second.value, second.end
    else:
        return None
    unit = _read_unit(words, end)
    years = int(low) in _YEARS and int(high) in _YEARS
    if low >= high or (unit.unit == COUNT and (unit.noun is None or years)):
        return None
    core = _Core(high, end, price=False, bare_article=False, year_like=False)
    return _Reading(i, core, unit, None, low)


def _read_quantity(words: Sequence[_Word], i: int) -> _Reading | None:
    """The quantity starting at `words[i]`, if one does."""
    glued = _PERCENT_ADJECTIVE.fullmatch(words[i].text)
    if glued is not None:
        value = Decimal(glued["num"].replace(",", "."))
        share = _Core(value, i + 1, price=False, bare_article=False, year_like=False)
        return _Reading(i, share, _Unit(PERCENT, None, i + 1), None)
    qualifier: str | None = None
    start = i
    hedge = _read_qualifier(words, i)
    if hedge is not None and hedge[1] < len(words):
        qualifier, start = hedge
    ranged = _read_range(words, start)
    if ranged is not None:
        return ranged._replace(start=i, qualifier=qualifier)
    core = _read_core(words, start)
    if core is None and qualifier is not None:
        # The hedge word was something else here ("hela dagen"); try without it.
        qualifier, start, core = None, i, _read_core(words, i)
    if core is None or core.bare_article:
        return None
    unit = _Unit(SEK, None, core.end) if core.price else _read_unit(words, core.end)
    if unit.noun in MONTHS:  # a date: "3 april"
        return None
    if _is_year(words, start, core, unit, qualifier):
        return None
    if qualifier == _DURING and unit.unit == DURATION:
        return _Reading(start, core, unit, None)
    return _Reading(i, core, unit, qualifier)


def _words_of(doc: Doc) -> list[_Word]:
    """The Doc's non-space tokens, each marked whether it may continue a number."""
    words: list[_Word] = []
    previous_end: int | None = None
    text = doc.text  # Doc.text joins every token: read it once
    for token in doc:
        if token.is_space:
            continue
        gap = text[previous_end : token.idx] if previous_end is not None else ""
        joins = bool(gap) and not gap.strip(_SPACES)
        words.append(_Word(token.text, token.lower_, token.i, joins))
        previous_end = token.idx + len(token.text)
    return words


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every amount, count, share and duration in `doc`, in text order.

    Works on any Swedish Doc, `spacy.blank("sv")` included: it reads token
    text only. Years, ordinals, vague amounts and articles are skipped.
    """
    words = _words_of(doc)
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        read = _read_quantity(words, i)
        if read is None:
            i += 1
            continue
        first, last = words[read.start].token, words[read.unit.end - 1].token + 1
        quantity = Quantity(
            start=first,
            end=last,
            text=doc[first:last].text,
            value=_tidy(read.core.value * read.unit.multiplier),
            unit=read.unit.unit,
            noun=read.unit.noun,
            qualifier=read.qualifier,
            low=None if read.low is None else _tidy(read.low * read.unit.multiplier),
        )
        found.append(_part_of_whole(doc, found, quantity))
        i = read.unit.end
    return found


#: The smallest scale that makes a bare sum money in a sentence about money.
_SUM_SCALE = Decimal(10**6)


def is_bare_sum(doc: Doc, q: Quantity) -> bool:
    """Millions or billions with nothing counted ("500 miljoner till asylmottagningen",
    "200 miljoner i anslag"): money when the sentence is about money, which the caller
    knows and this reader of numbers does not. What text alone reads as the counted word
    is none when the parse calls it no noun ("300 miljoner innebär …")."""
    if q.unit != COUNT:
        return False
    phrase = doc[q.start : q.end]
    scale = next((t for t in reversed(phrase) if t.lower_ in SCALES), None)
    if scale is None or SCALES[scale.lower_] < _SUM_SCALE:
        return False
    return all(t.pos_ not in ("NOUN", "PROPN") for t in doc[scale.i + 1 : q.end])


def _part_of_whole(doc: Doc, found: list[Quantity], whole: Quantity) -> Quantity:
    """ "4 500 av 13 400 anställda": the bare number before "av" counts what the whole counts;
    it replaces its bare reading in `found` and carries the whole as `total`."""
    if not found or (whole.unit == COUNT and whole.noun is None):
        return whole
    part = found[-1]
    if not (part.unit == COUNT and part.noun is None and part.end + 1 == whole.start):
        return whole
    if doc[part.end].lower_ != _OF:
        return whole
    found.pop()
    return whole._replace(
        start=part.start,
        text=doc[part.start : whole.end].text,
        value=part.value,
        qualifier=part.qualifier,
        total=whole.value,
    )
