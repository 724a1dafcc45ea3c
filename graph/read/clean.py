"""Scraped plain text → the article's paragraphs, boilerplate dropped.

Works line by line on normalised text: lines of page furniture (see `boilerplate`)
and datelines are dropped, a "Läs mer" heading drops the link list under it, lines
broken inside a sentence are joined back, and captions printed twice are kept once.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from graph.read.boilerplate import (
    is_furniture_line,
    opens_link_list,
    unglue_labels,
    without_credit,
)
from graph.read.dates import dateline_day

_BULLET = re.compile(r"^[•·▪►■◦‣]\s*")
_MAX_HEADLINE_WORDS = 16
_MAX_HEADLINE_CHARS = 140
_DIALOGUE = re.compile(r"^[–—-]\s")  # "– Det var en sanning…": an answer, not a headline
#: Paragraphs shorter than this may repeat legitimately ("– Ja."); longer repeats are
#: scraped captions printed twice.
_MIN_DEDUP_WORDS = 5


class Cleaned(NamedTuple):
    """Scraped text cleaned: the article's paragraphs, and the date of a dateline if seen."""

    paragraphs: list[str]
    date: str | None


def clean(text: str) -> Cleaned:
    """Drop the boilerplate of scraped Swedish news from normalised text, line by line.

    Lines become paragraphs; a line broken inside a sentence (next line starts in lower
    case) is joined back. Dropped lines separate paragraphs.
    """
    kept: list[str | None] = []  # None: a paragraph break
    date: str | None = None
    in_link_list = False
    for raw_line in text.split("\n"):
        line = _BULLET.sub("", unglue_labels(raw_line))
        if in_link_list:
            if not line or looks_like_headline(line):
                continue
            in_link_list = False
        if not line:
            kept.append(None)
            continue
        if opens_link_list(line):
            in_link_list = True
            kept.append(None)
            continue
        if (day := dateline_day(line)) is not None:
            date = date or day
            kept.append(None)
            continue
        line = without_credit(line)
        kept.append(None if not line or is_furniture_line(line) else line)
    return Cleaned(_deduplicated(_paragraphs(kept)), date)


def looks_like_headline(line: str) -> bool:
    """A short line without a full stop: an item of a link list, a title, a sub-heading."""
    return (
        0 < len(line.split()) <= _MAX_HEADLINE_WORDS
        and len(line) <= _MAX_HEADLINE_CHARS
        and not line.endswith((".", ":", ","))
        and not _DIALOGUE.match(line)
    )


def _paragraphs(lines: list[str | None]) -> list[str]:
    """Lines to paragraphs, joining a line broken inside a sentence to its successor."""
    paragraphs: list[str] = []
    previous: str | None = None
    for line in lines:
        if line is None:
            previous = None
            continue
        if previous is not None and _continues(previous, line):
            paragraphs[-1] = previous = f"{previous} {line}"
        else:
            paragraphs.append(line)
            previous = line
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped sentence: a line stopping mid-sentence, the next going on in lower case."""
    return (previous[-1].isalnum() or previous[-1] in ",-") and line[0].islower()


def _deduplicated(paragraphs: list[str]) -> list[str]:
    """The paragraphs with long repeats left out (the first of each kept)."""
    seen: set[str] = set()
    unique: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph.split()) >= _MIN_DEDUP_WORDS:
            if paragraph in seen:
                continue
            seen.add(paragraph)
        unique.append(paragraph)
    return unique
