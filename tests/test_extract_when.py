"""Dates in a role's words (graph.extract.when), read against an article's date."""

from __future__ import annotations

import datetime as dt

from extract_docs import build

from graph.extract.when import AT, END, START, When, article_day, dates_in

ARTICLE = dt.date(2026, 6, 10)


def dates(table: str, article: dt.date | None = ARTICLE, *, past: bool = False) -> list[When]:
    return dates_in(list(build(table)), article, past=past)


def words(text: str) -> str:
    """A sentence table of words in a row, each a noun hung on the first (tags matter little
    to dates: only a numeral tied to the next word counts it)."""
    rows = [f"{i} {w} NOUN _ 0 {'ROOT' if i == 0 else 'dep'}" for i, w in enumerate(text.split())]
    return "\n".join(rows)


def test_markers_give_start_and_end() -> None:
    found = dates(words("sedan 2012 fram till december 2015"))
    assert [(w.kind, w.value) for w in found] == [(START, "2012"), (END, "2015-12")]


def test_a_day_without_a_year_is_the_nearest_in_the_tenses_direction() -> None:
    assert dates(words("den 1 maj"))[0].value == "2027-05-01"  # present: still to come
    assert dates(words("den 1 maj"), past=True)[0].value == "2026-05-01"
    assert dates(words("i juli"), past=True)[0].value == "2025-07"


def test_relative_times_are_read_against_the_article_or_left_out() -> None:
    assert [w.value for w in dates(words("vid årsskiftet i fjol i dag"))] == [
        "2026-12-31",
        "2025",
        "2026-06-10",
    ]
    assert [w.value for w in dates(words("i år i fjol"), None)] == []
    assert dates(words("vid årsskiftet"), None)[0].value == "--12-31"


def test_a_range_is_one_date_with_its_end() -> None:
    (found,) = dates(words("mellan 2010 och 2015"))
    assert (found.kind, found.value, found.until) == (AT, "2010", "2015")


def test_a_number_that_counts_something_is_no_year() -> None:
    table = """
0 med       ADP  _ 2 case
1 2000      NUM  _ 2 nummod
2 anställda NOUN _ 2 ROOT
"""
    assert dates(table) == []


def test_the_article_day_is_read_from_an_iso_stamp_only() -> None:
    assert article_day("2026-06-10T08:00:00+02:00") == ARTICLE
    assert article_day("10 juni 2026") is None
    assert article_day(None) is None
