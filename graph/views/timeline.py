"""The role timeline's data: who held which post when, from the role nodes (kg:Role).

Data first, as for the network view: `timeline_data` turns the graph's roles into rows of
bars placed on a time axis (fractions of it, 0 to 1), and `graph.views.timeline_page` draws
them. One row per organisation by default; around a focus, the other side: an organisation's
people, or a person's organisations.

A date is as precise as the text was ("2015", "2021-03", "2019-06-30"); a year or a month
covers all of it, so a post held "2015-2020" runs from the start of 2015 to the end of 2020.
What the text leaves open is drawn open:

- a start without an end: a current post runs to the date of the article that says so (or
  the axis's end), a former one fades out there, since it ended somewhere before;
- an end without a start: the bar fades in from the axis's start;
- no date at all: an undated marker in the row's last column, "nu" or "tidigare".
"""

from __future__ import annotations

import datetime
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from rdflib import DCTERMS, PROV, RDF, Graph, URIRef

from graph.views.data import focus_nodes, node_classes
from graph.views.labels import EvidenceIndex, evidence, label, names
from graph.views.records import Quoted, Source, ViewError
from graph.views.roles import Role, role_evidence, roles
from graph.views.text import marked
from graph.vocab import KG

#: The axis has at most about this many year ticks.
MAX_TICKS = 12
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class Bar(NamedTuple):
    """One post on the axis (or undated): its holder's title in an organisation."""

    role: str  # the role node's IRI
    label: str  # what the bar says: the other side of its row and the title
    holder: str
    organisation: str
    title: str
    current: bool
    when: str  # the dates as a reader says them: "2015–2020", "2021–", "–2019-06-30", ""
    left: float  # where the bar starts and ends, as fractions of the axis; 0, 0 if undated
    right: float
    open_start: bool  # the text gives no start: the bar fades in
    open_end: bool  # the text gives no end: it runs on (current) or fades out (former)
    lane: int  # bars of one row that overlap in time stand in lanes one under the other
    evidence: tuple[Quoted, ...]

    @property
    def dated(self) -> bool:
        return self.right > self.left


class Row(NamedTuple):
    id: str  # the organisation's or the person's IRI
    label: str
    bars: tuple[Bar, ...]
    lanes: int  # how many lanes its dated bars need (at least 1)


class Tick(NamedTuple):
    year: int
    at: float  # fraction of the axis


class TimelineData(NamedTuple):
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    first: float  # the axis's ends, in years (2015.0 is the start of 2015)
    last: float
    focus: tuple[str, ...]  # labels of the focus entities, if any
    by: str  # what a row is: "organisation" or "person"


def timeline_data(g: Graph, *, focus: str | None = None) -> TimelineData:
    """The rows and bars of the timeline of `g`'s roles.

    focus: a label or alt label of an organisation (its posts and those of its units, one row
        per person) or of a person (their posts, one row per organisation).
    """
    found = roles(g)
    seeds: list[URIRef] = []
    if focus is not None:
        seeds = focus_nodes(g, node_classes(g), focus)
        found = _around(g, found, set(seeds))
    if not found:
        where = f" for {focus!r}" if focus is not None else ""
        raise ViewError(f"no roles (kg:Role) to draw{where}; a build makes them from the text")
    by_person = bool(seeds) and not any(r.holder in seeds for r in found)
    by = "person" if by_person else "organisation"
    backed_by = evidence(g)
    spans = {r.id: _span(g, r) for r in found}
    first, last = _axis(spans.values())
    grouped: dict[URIRef, list[Role]] = defaultdict(list)
    for r in found:
        grouped[r.holder if by_person else r.organisation].append(r)
    rows = []
    for key, held in grouped.items():
        bars = [
            _bar(g, r, spans[r.id], (first, last), by_person, r.holder in seeds, backed_by)
            for r in held
        ]
        laned = _lanes(sorted(bars, key=lambda b: (not b.dated, b.left, b.right, b.role)))
        rows.append(
            Row(str(key), label(g, key), laned, 1 + max((b.lane for b in laned), default=0))
        )
    rows.sort(key=lambda row: (_row_start(row), row.label.casefold(), row.id))
    return TimelineData(
        tuple(rows),
        _ticks(first, last),
        first,
        last,
        tuple(label(g, s) for s in seeds),
        by,
    )


class _Span(NamedTuple):
    start: float | None  # years; None where the text gives no date
    end: float | None
    said: float | None  # the date of the latest article that says the post was held


def _span(g: Graph, r: Role) -> _Span:
    start, end = _year(r.start), _year(r.end, whole=True)
    if start is not None and end is not None and end < start:
        start, end = end, start  # a slip in the text: still draw the post, the right way round
    return _Span(start, end, max(_article_dates(g, r), default=None))


def _article_dates(g: Graph, r: Role) -> Iterable[float]:
    for ev in g.subjects(RDF.subject, URIRef(r.id)):
        for document in g.objects(ev, PROV.wasDerivedFrom):
            day = _year(str(g.value(document, DCTERMS.date) or ""), whole=True)
            if day is not None:
                yield day


def _year(text: str, *, whole: bool = False) -> float | None:
    """A date as a year with a fraction; `whole`: the end of the year, month or day given."""
    found = _DATE.match(text.strip())
    if not found:
        return None
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    try:
        if month is None:
            return year + (1.0 if whole else 0.0)
        if day is None:
            return year + (month - (0 if whole else 1)) / 12
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    days = 366 if _leap(year) else 365
    return year + (date.timetuple().tm_yday - (0 if whole else 1)) / days


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _axis(spans: Iterable[_Span]) -> tuple[float, float]:
    """Whole years from the earliest date to the latest (article dates included)."""
    dates = [d for s in spans for d in (s.start, s.end, s.said) if d is not None]
    if not dates:
        return 0.0, 0.0
    first, last = math.floor(min(dates)), math.ceil(max(dates))
    return float(first), float(max(last, first + 1))


def _bar(
    g: Graph,
    r: Role,
    span: _Span,
    axis: tuple[float, float],
    by_person: bool,
    focused: bool,
    backed_by: EvidenceIndex,
) -> Bar:
    """The bar of one role; `focused`: its holder is the focus, whose posts the rows are."""
    first, last = axis
    holder, organisation = label(g, r.holder), label(g, r.organisation)
    if focused:  # the row names the organisation, the page the person: the title says the rest
        text = r.title or organisation
    else:
        other = organisation if by_person else holder
        text = f"{other}, {r.title}" if r.title else other
    left = right = 0.0
    if span.start is not None or span.end is not None:
        start = span.start if span.start is not None else first
        end = span.end if span.end is not None else (span.said or last)
        if span.end is None and span.said is not None and span.said < start:
            end = last  # the article is older than the start it gives: run to the axis's end
        width = last - first
        left, right = (start - first) / width, (end - first) / width
        right = max(right, left + 0.5 / width)  # an instant still shows as a short bar
    words = [*names(g, r.holder), *names(g, r.organisation), *([r.title] if r.title else [])]
    backing = role_evidence(backed_by, r) or (
        backed_by.get((r.holder, r.relation, r.organisation), []) if r.relation else []
    )
    quoted = tuple(
        Quoted(ev.sentence, marked(ev.sentence, words), Source(ev.document, ev.url))
        for ev in backing
    )
    return Bar(
        r.id,
        text,
        holder,
        organisation,
        r.title,
        r.current,
        _when(r),
        left,
        right,
        span.start is None and span.end is not None,
        span.end is None and span.start is not None,
        0,
        quoted,
    )


def _when(r: Role) -> str:
    """The dates as given, "?" where the text gives none and "nu" for a post still held."""
    if not r.start and not r.end:
        return ""
    return f"{r.start or '?'}–{r.end or ('nu' if r.current else '?')}"


def _lanes(bars: list[Bar]) -> tuple[Bar, ...]:
    """Each dated bar in the first lane where it overlaps no other (bars sorted by start);
    undated ones in lane 0 of the row's last column."""
    ends: list[float] = []
    placed = []
    for bar in bars:
        if not bar.dated:
            placed.append(bar)
            continue
        lane = next((i for i, end in enumerate(ends) if end <= bar.left), len(ends))
        if lane == len(ends):
            ends.append(bar.right)
        ends[lane] = bar.right
        placed.append(bar._replace(lane=lane))
    return tuple(placed)


def _row_start(row: Row) -> float:
    return min((b.left for b in row.bars if b.dated), default=math.inf)


def _ticks(first: float, last: float) -> tuple[Tick, ...]:
    years = int(last - first)
    if years <= 0:
        return ()
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 10**6) if years / s <= MAX_TICKS)
    start = math.ceil(first / step) * step
    return tuple(
        Tick(year, (year - first) / (last - first))
        for year in range(int(start), int(last) + 1, step)
    )


def _around(g: Graph, found: list[Role], seeds: set[URIRef]) -> list[Role]:
    """The roles of a focus person, or those in a focus organisation and its units."""
    within = set(seeds)
    frontier = set(seeds)
    while frontier:  # units of units, however deep kg:partOf goes
        frontier = {
            unit
            for whole in frontier
            for unit in g.subjects(KG.partOf, whole)
            if isinstance(unit, URIRef) and unit not in within
        }
        within |= frontier
    return [r for r in found if r.holder in seeds or r.organisation in within]
