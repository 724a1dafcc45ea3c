"""From a parsed Doc to typed records: entities, facts, decisions and quotes.

The stages run in the order of `STAGES` over one `DocContext` and one `Found`;
each stage's `reads` and `writes` say which earlier results it uses and what it
adds. A new stage is one entry in the table; tests run a prefix of it
(`run_stages(ctx, until="roles")`) or single stages (`only=`).

Shared word lists and UD dependency labels are in lexicon.py; Swedish numbers
and amounts in numbers.py.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from graph.extract.collaboration import find_collaborations
from graph.extract.context import DocContext, find_subject
from graph.extract.coref import resolve_references
from graph.extract.decisions import find_decisions
from graph.extract.entities import recognise
from graph.extract.former import find_former
from graph.extract.links import find_links
from graph.extract.offices import find_offices
from graph.extract.quotes import find_quotes
from graph.extract.role_clauses import find_role_clauses
from graph.extract.roles import find_roles, speaking_for
from graph.extract.staff import find_staff
from graph.extract.successions import find_successions
from graph.extract.svo import fallback
from graph.extract.tags import tag_tokens
from graph.extract.tenure import find_tenures
from graph.extract.units import find_units
from graph.records import Decision, Fact, Mention, Quote, Role


@dataclass
class Found:
    """What the stages have found so far in one document (besides ctx's mentions)."""

    facts: list[Fact] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


class Stage(NamedTuple):
    name: str
    run: Callable[[DocContext, Found], None]
    #: What it reads besides the parse: "ctx.mentions", "facts", ...
    reads: tuple[str, ...]
    #: What it adds to: "ctx.mentions", "ctx.refers_to", "token tags", "facts", ...
    writes: str


def _entities(ctx: DocContext, found: Found) -> None:
    recognise(ctx)


def _subject(ctx: DocContext, found: Found) -> None:
    ctx.subject = find_subject(ctx)


def _offices(ctx: DocContext, found: Found) -> None:
    found.facts += find_offices(ctx)


def _units(ctx: DocContext, found: Found) -> None:
    found.facts += find_units(ctx)


def _coref(ctx: DocContext, found: Found) -> None:
    resolve_references(ctx)


def _tags(ctx: DocContext, found: Found) -> None:
    tag_tokens(ctx)


def _role_clauses(ctx: DocContext, found: Found) -> None:
    found.facts += find_role_clauses(ctx)


def _roles(ctx: DocContext, found: Found) -> None:
    found.facts += find_roles(ctx, found.facts)


def _former(ctx: DocContext, found: Found) -> None:
    found.facts += find_former(ctx, found.facts)


def _successions(ctx: DocContext, found: Found) -> None:
    facts, roles = find_successions(ctx, found.facts)
    found.facts += facts
    found.roles += roles


def _links(ctx: DocContext, found: Found) -> None:
    found.facts += find_links(ctx, found.facts)


def _collaboration(ctx: DocContext, found: Found) -> None:
    found.facts += find_collaborations(ctx, found.facts)


def _staff(ctx: DocContext, found: Found) -> None:
    found.facts += find_staff(ctx, found.facts)


def _decisions(ctx: DocContext, found: Found) -> None:
    found.decisions += find_decisions(ctx, found.facts)


def _quotes(ctx: DocContext, found: Found) -> None:
    found.quotes += find_quotes(ctx)


def _speakers(ctx: DocContext, found: Found) -> None:
    found.facts += speaking_for(ctx, found.quotes, found.facts)


def _tenure(ctx: DocContext, found: Found) -> None:
    found.roles += find_tenures(ctx, unique(found.facts), found.roles)


def _svo(ctx: DocContext, found: Found) -> None:
    found.facts += fallback(ctx, found.facts)


#: The extraction stages in the order they run.
STAGES: tuple[Stage, ...] = (
    # gazetteers, NER, people's name cues, short forms, projects
    Stage("entities", _entities, reads=(), writes="ctx.mentions"),
    # the organisation the document is about (context.Subject), for words with no antecedent
    Stage("subject", _subject, reads=("ctx.mentions",), writes="ctx.subject"),
    # office mentions with partOf / locatedIn
    Stage("offices", _offices, reads=("ctx.mentions",), writes="ctx.mentions, facts"),
    # named units ("Försäkringskassans avdelning för analys") with partOf their parent
    Stage("units", _units, reads=("ctx.mentions", "ctx.subject"), writes="ctx.mentions, facts"),
    # pronouns and role nouns ("myndigheten") pointed at their entity
    Stage("coref", _coref, reads=("ctx.mentions", "ctx.subject"), writes="ctx.refers_to"),
    # token tags for the Matcher patterns
    Stage("tags", _tags, reads=("ctx.mentions", "ctx.refers_to"), writes="token tags"),
    # worksFor / headOf / memberOf / jobTitle from the parse of role clauses
    Stage("role-clauses", _role_clauses, reads=("token tags",), writes="facts"),
    # the same from word-order patterns, where the parse found nothing
    Stage("roles", _roles, reads=("token tags", "facts"), writes="facts"),
    # each organisation of a list, a post come from ("kommer närmast från") or left
    Stage("former", _former, reads=("token tags", "facts"), writes="facts"),
    # both people of a succession get the post, the predecessor's role former
    Stage("successions", _successions, reads=("ctx.mentions", "facts"), writes="facts, roles"),
    # partOf, leads, participatesIn
    Stage("links", _links, reads=("ctx.mentions", "facts"), writes="facts"),
    # collaboratesWith between organisation-like mentions
    Stage("collaboration", _collaboration, reads=("ctx.mentions", "facts"), writes="facts"),
    # numberOfEmployees of organisations and offices (offices from the facts)
    Stage("staff", _staff, reads=("ctx.mentions", "facts"), writes="facts"),
    Stage("decisions", _decisions, reads=("ctx.mentions", "facts"), writes="decisions"),
    Stage("quotes", _quotes, reads=("ctx.mentions", "ctx.refers_to"), writes="quotes"),
    # worksFor for a speaker who says "vi"
    Stage("speakers", _speakers, reads=("quotes", "facts"), writes="facts"),
    # a role record (title, current or former, dates) for each person's affiliation
    Stage("tenure", _tenure, reads=("facts",), writes="roles"),
    # verb:… facts for what no pattern covered
    Stage("svo", _svo, reads=("facts",), writes="facts"),
)

STAGE_NAMES = tuple(stage.name for stage in STAGES)


class Extraction(NamedTuple):
    mentions: list[Mention]
    facts: list[Fact]
    decisions: list[Decision]
    quotes: list[Quote]
    roles: list[Role]


def run_stages(
    ctx: DocContext, *, until: str | None = None, only: Collection[str] | None = None
) -> Found:
    """Run the stages in order: all, those up to and including `until`, or just `only`."""
    for name in ([until] if until else []) + list(only or ()):
        if name not in STAGE_NAMES:
            raise ValueError(f"no extraction stage {name!r}; the stages are {STAGE_NAMES}")
    found = Found()
    for stage in STAGES:
        if only is None or stage.name in only:
            stage.run(ctx, found)
        if stage.name == until:
            break
    return found


def extract(doc: Doc, doc_id: str, date: str | None = None) -> Extraction:
    """Everything the rules find in one parsed document (`date`: the article's, if known)."""
    ctx = DocContext(doc, doc_id, date=date)
    found = run_stages(ctx)
    facts = unique(found.facts)
    return Extraction(ctx.mentions, facts, found.decisions, found.quotes, found.roles)


def unique(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per subject, predicate, object and sentence (several rules may find it)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for fact in facts:
        key = (fact.subject, fact.predicate, fact.object, fact.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
