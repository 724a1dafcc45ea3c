"""Facts between organisations and about them: partOf and projects.

    partOf            Centrum för tjänsteforskning vid Karlstads universitet
    leads             (han) har lett forskningsprojektet »Tillitslabbet«, with a co-leader
                      "tillsammans med kollegan Martin Fransson"
    participatesIn    Försäkringskassan … medverkar i forskningsprojektet

A person or pronoun as the subject of an organisation-level verb stands for
the organisation the document says the person works for (`organisation_of`).
collaboratesWith is in collaboration.py, numberOfEmployees in staff.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.extract.lexicon import accompanies, subjects_of
from graph.records import Fact, Mention

ORGANISATIONS = ("Agency", "Organization", "Office")
#: "X vid Y": a unit of an organisation named with it.
PART_PREPOSITIONS = {"vid", "på", "inom", "under"}
#: Gazetteer kinds and name openings of units inside a larger organisation.
UNIT_KINDS = {"research", "department", "faculty", "institute"}
UNIT_WORDS = (
    "centrum",
    "center",
    "institut",
    "institution",
    "avdelning",
    "enhet",
    "fakultet",
    "laboratori",
    "labb",
    "sektion",
    "skola",
    "forskarskola",
)
LEADING = {"leda", "lett", "leder", "ledde"}
PARTICIPATING = {"medverka", "delta", "deltaga", "ingå"}


def find_links(ctx: DocContext, facts: Sequence[Fact]) -> list[Fact]:
    out: list[Fact] = []
    out.extend(_part_of(ctx))
    out.extend(_projects(ctx, facts))
    return out


def _part_of(ctx: DocContext) -> Iterator[Fact]:
    """A unit named "vid"/"på" an organisation is part of it: "Centrum för tjänsteforskning vid
    Karlstads universitet". Only units: "IF Metall på DN Debatt" is not."""
    doc = ctx.doc
    for unit in [m for m in ctx.mentions if m.cls == "Organization" and _is_unit(m)]:
        span = ctx.span(unit)
        if span is None or span.end + 1 >= len(doc):
            continue
        if doc[span.end].lower_ not in PART_PREPOSITIONS:
            continue
        parent = ctx.at(doc[span.end + 1], "Organization", "Agency")
        if parent and ctx.identity(parent) != ctx.identity(unit):
            yield Fact(unit, "partOf", parent, ctx.evidence(span, "link:unit-vid-org"))


def _is_unit(mention: Mention) -> bool:
    """A research centre, institute or department, by its gazetteer kind or its first word."""
    if mention.key:
        entry = gazetteers.by_id(mention.key)
        return entry.kind in UNIT_KINDS or entry.part_of is not None
    return mention.text.split()[0].casefold().startswith(UNIT_WORDS)


def organisation_of(ctx: DocContext, token: Token, facts: Sequence[Fact]) -> list[Mention]:
    """The organisations a subject token stands for: itself, or its people's employers."""
    if m := ctx.resolved(token, *ORGANISATIONS):
        return [m]
    return list(
        dict.fromkeys(
            org
            for person in _people(ctx, token)
            for org in ctx.affiliations(person, facts)
            if org.cls in ("Agency", "Organization")
        )
    )


def _people(ctx: DocContext, token: Token) -> list[Mention]:
    """A person token, or "de" for the people named in the previous sentence."""
    if m := ctx.resolved(token, "Person"):
        return [m]
    if token.lower_ in ("de", "dem") and token.sent.start > 0:
        previous = ctx.doc[token.sent.start - 1].sent
        return ctx.in_span(previous, "Person")
    return []


def _projects(ctx: DocContext, facts: Sequence[Fact]) -> Iterator[Fact]:
    """leads / participatesIn: a verb of leading or taking part with a project as object."""
    projects = [m for m in ctx.mentions if m.cls == "Project"]
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        if lemma not in LEADING | PARTICIPATING and token.lower_ not in LEADING:
            continue
        project = _project_after(ctx, token, projects)
        if project is None:
            continue
        subjects = subjects_of(token)
        people = [p for s in subjects if not accompanies(s) for p in _people(ctx, s)]
        evidence = ctx.evidence(token, "link:project")
        if lemma in PARTICIPATING:
            participants = people or first(organisation_of(ctx, s, facts) for s in subjects)
            for participant in participants:
                yield Fact(participant, "participatesIn", project, evidence)
            continue
        for person in dict.fromkeys([*people, *_co_leaders(ctx, token)]):
            yield Fact(person, "leads", project, evidence)


def _project_after(ctx: DocContext, token: Token, projects: list[Mention]) -> Mention | None:
    """The project a verb governs: named after it, or "projektet" when the text has one project;
    in a relative clause the noun it describes ("projektet X, som Arbetsförmedlingen deltar i")."""
    if token.dep_ == "acl:relcl" and (m := ctx.at(token.head, "Project")):
        return m
    for t in ctx.doc[token.i + 1 : token.sent.end]:
        if m := ctx.at(t, "Project"):
            return m
        if (
            t.lower_.endswith(("projektet", "projekt"))
            and len({p.text.casefold() for p in projects}) == 1
        ):
            return projects[0]
    return None


def _co_leaders(ctx: DocContext, verb: Token) -> list[Mention]:
    """ "Tillsammans med kollegan Martin Fransson har han lett …": the people led with."""
    sent = verb.sent
    words = [t.lower_ for t in sent]
    if "tillsammans" not in words:
        return []
    start = sent.start + words.index("tillsammans")
    return ctx.in_span(ctx.doc[start : verb.i], "Person")


def first(candidates: Iterable[list[Mention]]) -> list[Mention]:
    """The first non-empty list: the first subject of a verb that names something."""
    return next((found for found in candidates if found), [])
