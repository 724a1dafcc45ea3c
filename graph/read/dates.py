"""Publication dates as Swedish pages write them → ISO days ("2008-04-23")."""

from __future__ import annotations

import re

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_DATE = (
    r"(?:(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    rf"|(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_MONTHS)})\.?\s+(?P<year>\d{{4}}))"
)
#: A clock time: "04:00", "kl. 9.30".
CLOCK = r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}"
_STAMP = r"(?:senast uppdaterad|publicerad|uppdaterad|publ\.|uppd\.)"
# A dateline is a date (and time) alone, after "Publicerad", or glued to a section name
# ("Ekonomi, näringsliv & finans2008-04-23 04:00"); a sentence ending in a date is not.
_DATELINE = re.compile(
    rf"^(?:{_STAMP}\s*:?\s*|[^.!?]{{0,60}}[^\s\d])?{_DATE}(?:[\s,]*{CLOCK})?(?:\s*{_STAMP}.*)?$",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def dateline_day(line: str) -> str | None:
    """The ISO day of a line that is a dateline ("23 april 2008 kl. 04:00"), else None."""
    match = _DATELINE.match(line)
    if match is None:
        return None
    if match["y"]:
        return f"{match['y']}-{match['m']}-{match['d']}"
    return f"{match['year']}-{_MONTHS[match['month'].lower()]:02d}-{int(match['day']):02d}"


def iso_day(stamp: str) -> str:
    """ "2008-04-23T04:00:00+02:00" → "2008-04-23"; anything else stays as written."""
    match = _ISO_DAY.match(stamp.strip())
    return match.group() if match else stamp.strip()
