"""Dates in a role's words: "sedan 2012", "från den 1 maj", "i april 2018", "vid årsskiftet".

A date is read as precisely as the text gives it, as the lexical form of an XSD type:
"2012" (gYear), "2018-04" (gYearMonth), "2019-05-01" (date). A month or day without a
year takes the year of the article's date, the nearest one the clause's tense allows
("tillträder den 1 maj" in a June article is next May, "tillträdde i april" in a March
one last April); with no article date it stays as written, without a year ("--05-01"
gMonthDay, "--04" gMonth), and a relative time ("i år", "vid årsskiftet") without one is
no date at all: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Token

from graph.lang.sv.tenure import (
    AND_WITH,
    AT_WORDS,
    END_WORDS,
    MONTHS,
    RANGE_JOINERS,
    RELATIVE_TIMES,
    START_WORDS,
    YEARS,
)

START = "start"
END = "end"
#: A date with no word of its own saying start or end ("i april 2018", "2012").
AT = "at"
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAYS = range(1, 32)
NUMERAL = "nummod"


class When(NamedTuple):
    """A date in the text: tokens [start, end) of `tokens`, its value and what it marks."""

    start: int
    end: int
    kind: str
    value: str
    #: The second date of a range ("2010–2015", "mellan 2010 och 2015").
    until: str | None = None


def article_day(date: str | None) -> dt.date | None:
    """The article's day from its `date` field ("2024-03-05", "2024-03-05T09:00"), if any."""
    match = _ISO_DAY.match(date or "")
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def dates_in(tokens: Sequence[Token], article: dt.date | None, *, past: bool) -> list[When]:
    """The dates written in some tokens, in order; `past` is the tense of their clause (a
    month without a year is the nearest one before the article, or after it)."""
    # a number before a noun counts something ("2000 anställda"), it is no year
    words = [
        "#" if t.like_num and _counts(t, tokens[i + 1 : i + 2]) else t.lower_
        for i, t in enumerate(tokens)
    ]
    found: list[When] = []
    i = 0
    while i < len(words):
        kind, after = _marker(words, i)
        read = _core(words, after, article, past=past or kind == START)
        if read is None and after > i:
            # "i år" is a date of its own; "sedan i april" a marker and a preposition
            read = _core(words, i, article, past=past)
            if read is not None:
                kind = AT
            elif after < len(words) and words[after] in AT_WORDS:
                read = _core(words, after + 1, article, past=past or kind == START)
        if read is None or not read[0]:
            i += 1
            continue
        value, end = read
        until = None
        if end + 1 < len(words) and words[end] in RANGE_JOINERS:
            second = _core(words, end + 1, article, past=past)
            if second is not None and second[0]:
                until, end = second
        found.append(When(i, end, kind, value, until))
        i = end
    return found


def _counts(number: Token, after: Sequence[Token]) -> bool:
    """Whether a number counts its next word ("2000 anställda"): the parse ties it to that
    word as its numeral, and the word is no month ("1 maj")."""
    return (
        bool(after)
        and number.dep_ == NUMERAL
        and number.head.i == after[0].i
        and after[0].lower_ not in MONTHS
    )


def _marker(words: list[str], i: int) -> tuple[str, int]:
    """What the word at i marks (start, end or neither) and where the date itself begins."""
    word = words[i]
    if word in START_WORDS or word in END_WORDS:
        kind = START if word in START_WORDS else END
        if tuple(words[i + 1 : i + 3]) == AND_WITH:  # "från och med", "till och med"
            return kind, i + 3
        return kind, i + 1
    if word == "fram" and words[i + 1 : i + 2] == ["till"]:
        return END, i + 2
    if word in AT_WORDS:
        return AT, i + 1
    return AT, i


def _core(
    words: list[str], i: int, article: dt.date | None, *, past: bool
) -> tuple[str, int] | None:
    """The date starting at word i (a relative time, a day and month, a month, a year), with
    the index after it; "den" before a day is skipped."""
    if i < len(words) and words[i] == "den":
        i += 1
    for phrase, (years, month, day) in RELATIVE_TIMES.items():
        if tuple(words[i : i + len(phrase)]) == phrase:
            return _relative(article, years, month, day), i + len(phrase)
    day = _number(words, i, _DAYS)
    at_month = i + 1 if day is not None else i
    month = MONTHS.get(words[at_month].rstrip(".")) if at_month < len(words) else None
    if month is None:
        if day is not None:
            return None
        year = _number(words, i, YEARS)
        return (str(year), i + 1) if year is not None else None
    year = _number(words, at_month + 1, YEARS)
    end = at_month + 2 if year is not None else at_month + 1
    if year is None and article is not None:
        year = _nearest_year(article, month, day, past=past)
    return _iso(year, month, day), end


def _relative(article: dt.date | None, years: int, month: int | None, day: int | None) -> str:
    if article is None:
        # no article date: a relative time stays unread, but a fixed day of the year is
        # what the text says ("vid årsskiftet" → the last of December)
        return "" if month in (None, 0) else _iso(None, month, day)
    if month == 0:
        return article.isoformat()
    return _iso(article.year + years, month, day)


def _nearest_year(article: dt.date, month: int, day: int | None, *, past: bool) -> int:
    """The year of a month (and day) nearest the article in the clause's direction."""
    here = (article.month, article.day if day is not None else 0)
    there = (month, day or 0)
    if past and there > here:
        return article.year - 1
    if not past and there < here:
        return article.year + 1
    return article.year


def _iso(year: int | None, month: int | None, day: int | None) -> str:
    if year is None:
        return f"--{month:02d}" + (f"-{day:02d}" if day else "")
    if month is None:
        return str(year)
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")


def _number(words: list[str], i: int, allowed: range) -> int | None:
    if i >= len(words):
        return None
    word = words[i].rstrip(".")
    return int(word) if word.isdigit() and int(word) in allowed else None
