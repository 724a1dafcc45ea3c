"""What the page furniture of scraped Swedish news looks like, one line at a time.

Scraped text carries, besides the article: ads, share and comment widgets, bylines,
photo credits, cookie notices, "Läs mer" link lists, and section labels glued to the
first word of a news brief. Each is recognised here by its wording and shape; `clean`
decides what to do with the lines.
"""

from __future__ import annotations

import re

from graph.read.dates import CLOCK

#: Labels a site puts on a piece to say what kind it is. Scraped, they end up glued
#: between the section name and the first word of a brief ("KriminalvårdenNyhetFör att…").
_KIND_LABELS = (
    "Nyheter",
    "Nyhet",
    "Debatt",
    "Ledare",
    "Krönika",
    "Analys",
    "Reportage",
    "Intervju",
    "Fördjupning",
    "Notis",
    "Replik",
    "Insändare",
    "Recension",
    "Granskning",
)
#: Lines that, alone, are page furniture (compared case-folded, without punctuation around).
_FURNITURE_LINES = frozenset(
    {
        "annons",
        "annonser",
        "reklam",
        "sponsrat",
        "sponsrad artikel",
        "foto",
        "bild",
        "video",
        "mer läsning",
        "läs mer",
        "läs också",
        "läs även",
        "relaterat",
        "relaterade artiklar",
        "fler artiklar",
        "mest läst",
        "mest lästa",
        "senaste nytt",
        "dela",
        "dela artikeln",
        "dela på facebook",
        "dela på twitter",
        "dela på linkedin",
        "skriv ut",
        "kopiera länk",
        "tipsa",
        "tipsa oss",
        "tipsa redaktionen",
        "prenumerera",
        "logga in",
        "meny",
        "sök",
        "stäng",
        "lyssna",
        "spela upp",
        "kommentarer",
        "kommentera",
        "tyck till",
        "visa fler",
        "visa kommentarer",
        "bli den första att tycka till",
        "så jobbar vi med nyheter",
        "nyhetsbrev",
        "följ",
        "gilla",
        "publicerad",
        "uppdaterad",
        "till startsidan",
        "hoppa till innehållet",
        *(label.casefold() for label in _KIND_LABELS),
    }
)
_FURNITURE_STRIP = " \t:;.,!?|/•·–—-"

_UPPER = "A-ZÅÄÖÉÜØÆ"
_LOWER = "a-zåäöéüøæ"
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}]?[{_LOWER}'’]+)*"  # Lars-Åke, Marie-Louise
_FULL_NAME = rf"{_CAPITALISED}(?:\s+(?:(?:von|af|van|de|der|den)\s+)?{_CAPITALISED}){{1,3}}"

# A byline: "Av Anna Svensson", "Text: Per Ek och Eva Lind", and, scraped, "AVSusanne Eriksson"
# with the comment counter glued on. What may follow the names is short and no sentence.
_BYLINE = re.compile(
    rf"^(?:AV(?=[{_UPPER}])|(?:Av|AV|Text|Text och (?:foto|bild)|(?:Foto|Bild) och text|Reporter"
    rf"|Skribent)(?:\s*:\s*|\s+))"
    rf"{_FULL_NAME}(?:\s*(?:,|och|&)\s*{_FULL_NAME})*"
    rf"(?:\s*|\s*\d[^.!?]{{0,30}}|\s*[|,/]\s*[^.!?]{{0,40}}|\s*\S+@\S+.*|\s*(?:Publicerad|Uppdaterad).*)$"
)
_CREDIT_WORD = r"(?:Foto|FOTO|Bild|BILD|Fotograf|Illustration|Grafik)"
# "Foto:", "Foto: Håkan Luthman", "Bild: TT", "Foto Jonas Ekströmer/TT" as a line of their own.
_CREDIT_LINE = re.compile(
    rf"^{_CREDIT_WORD}(?:\s*:\s*[^.!?]{{0,60}}|\s+{_FULL_NAME}(?:\s*/\s*\S+)?)$"
)
# A credit glued to the end of a caption: "…försäkringscenter.Foto: Robert Gahnfelt".
_CREDIT_TAIL = re.compile(rf"(?:(?<=[.!?”\"»)])|\s+)\(?{_CREDIT_WORD}\s*:\s*[^.!?:()]{{1,60}}\)?$")
#: A caption left with fewer words than this once its credit is gone only named the
#: person pictured ("Johan Quist."), which the article says anyway.
_MIN_CAPTION_WORDS = 3

_COOKIE = re.compile(r"\b(?:cookies?|kakor)\b", re.IGNORECASE)
_CONSENT = re.compile(
    r"godkänn|acceptera|samtyck|\bvi (?:använder|sparar)\b|läs mer|inställningar|hantera",
    re.IGNORECASE,
)
_MAX_NOTICE_WORDS = 60
_COMMENT_WIDGET = re.compile(r"\d+\s*kommentar|tyck till!|kommentera artikeln", re.IGNORECASE)
_MAX_WIDGET_WORDS = 10

# "Läs mer:" or "Mer läsning" over a list of headline links, and one-line "Läs mer här!" teasers.
_READ_MORE_HEADING = re.compile(
    r"^(?:läs (?:mer|också|även)|mer läsning|mer om ämnet|relaterat|relaterade artiklar"
    r"|fler artiklar|se också|mest lästa?)(?:\s+(?:om|från|i)\s+[^.!?]{1,40})?\s*:?$",
    re.IGNORECASE,
)
_READ_MORE_LINE = re.compile(
    r"^(?:läs (?:mer|också|även)|se också)\b|\bläs mer(?: här)?\s*[!.]?$", re.IGNORECASE
)
_MAX_TEASER_WORDS = 12

# A clock time or a clip's length alone: "04:00", "3:30 min".
_TIME_LINE = re.compile(rf"^{CLOCK}(?:\s*(?:min|minuter|sek|tim))?$", re.IGNORECASE)
_EMAIL_LINE = re.compile(r"^(?:e-?post:?\s*)?\S+@\S+\.\w+$", re.IGNORECASE)

# Section labels glued to a brief's first word, in three shapes: a kind label between
# ("RättsväsendetNyhetRegeringen"), a lower-case word run into a capital ("…
# automatiseringPå jobbet"), a label run into an opening quote ("På jobbet”Administration").
# Brand names in camel case start with a capital (PostNord) and so are left alone.
_KIND_GLUE = re.compile(
    rf"^\S.{{0,40}}?[^\W\d_](?:{'|'.join(_KIND_LABELS)})\s*(?=[{_UPPER}0-9\"”«–])"
)
_CAMEL_GLUE = re.compile(rf"^(?:[^\s.!?]+\s+){{0,5}}[{_LOWER}]{{4,}}(?=[{_UPPER}][{_LOWER}])")
_QUOTE_GLUE = re.compile(
    rf"^(?:[^\s.!?”\"«»]+\s+){{0,4}}[^\s.!?”\"«»]*[^\W\d_](?=[”\"«][{_UPPER}])"
)
_MAX_GLUED_LABELS = 3


def unglue_labels(line: str) -> str:
    """Split section labels off the first word of a brief and drop them."""
    for _ in range(_MAX_GLUED_LABELS):
        match = _KIND_GLUE.match(line) or _CAMEL_GLUE.match(line) or _QUOTE_GLUE.match(line)
        if match is None:
            break
        line = line[match.end() :].lstrip()
    return line


def opens_link_list(line: str) -> bool:
    """Whether a line heads a list of links to other articles ("Läs mer:", "Mest lästa")."""
    return _READ_MORE_HEADING.match(line) is not None


def without_credit(line: str) -> str:
    """The line without a photo credit glued to its end ("" if only a name was left)."""
    if _CREDIT_LINE.match(line):
        return ""
    stripped = _CREDIT_TAIL.sub("", line)
    if stripped != line and len(stripped.split()) < _MIN_CAPTION_WORDS:
        return ""
    return stripped


def is_furniture_line(line: str) -> bool:
    """Whether a whole line is page furniture: ads, widgets, bylines, cookie notices, …"""
    words = line.split()
    if not any(ch.isalnum() for ch in line):
        return True  # "/", "***", a lone bullet
    if line.strip(_FURNITURE_STRIP).casefold() in _FURNITURE_LINES:
        return True
    if len(words) == 1 and line.isupper() and len(line) >= 4:
        return True  # a kicker naming the topic: "FÖRSÄKRINGSKASSAN"
    if _TIME_LINE.match(line) or _BYLINE.match(line) or _EMAIL_LINE.match(line):
        return True
    if _COOKIE.search(line) and _CONSENT.search(line) and len(words) <= _MAX_NOTICE_WORDS:
        return True
    if len(words) <= _MAX_WIDGET_WORDS and not line.endswith(".") and _COMMENT_WIDGET.search(line):
        return True
    return len(words) <= _MAX_TEASER_WORDS and _READ_MORE_LINE.search(line) is not None
