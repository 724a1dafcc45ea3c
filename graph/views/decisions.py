"""A decision as a reader scans it: "anställer 300 · 120 mkr", "begär 250 mkr av regeringen".

The extractor keeps a decision's words as written ("begär myndigheten ökade anslag med 350
miljoner kronor nästa år och ännu …"); drawn in a box, that is a wall of text. The view says
instead what kind of decision it is and its figures, and leaves the sentence to the tooltip.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from rdflib import RDFS, Graph, URIRef

from graph.views.text import grouped, kronor, number, shortened
from graph.vocab import KG


class Kind(NamedTuple):
    """How a kind of decision (kg:decisionType, English, lower case) reads in Swedish."""

    verb: str  # present tense, takes the figures as its object: "anställer 300"
    noun: str  # names the kind: "nyanställning"
    counts_people: bool  # the verb's object is people, so a headcount needs no "personer"
    takes_figures: bool  # the verb reads with the figures; otherwise the noun heads the label
    asks: bool = False  # money asked of someone: the label names whom ("… av regeringen")


#: The kinds the decision extractor writes. An unknown kind reads as a plain decision.
KINDS: dict[str, Kind] = {
    "hiring": Kind("anställer", "nyanställning", counts_people=True, takes_figures=True),
    "budget request": Kind(
        "begär", "budgetbegäran", counts_people=False, takes_figures=True, asks=True
    ),
    "allocation": Kind("tilldelas", "anslag", counts_people=False, takes_figures=True),
    "cut": Kind("skär ner", "besparing", counts_people=True, takes_figures=True),
    "layoffs": Kind("varslar", "varsel", counts_people=True, takes_figures=True),
    "closure": Kind("lägger ner", "nedläggning", counts_people=False, takes_figures=False),
    "opening": Kind("öppnar", "öppning", counts_people=False, takes_figures=False),
    "reorganisation": Kind(
        "omorganiserar", "omorganisation", counts_people=False, takes_figures=False
    ),
    "decision": Kind("beslutar", "beslut", counts_people=False, takes_figures=False),
    "appointment": Kind("utser", "utnämning", counts_people=True, takes_figures=True),
}
_PLAIN = KINDS["decision"]
#: A label without figures quotes this many characters of the decision's own words.
SUMMARY_CHARS = 30


class DecisionFacts(NamedTuple):
    """What a decision node says, read from the graph."""

    kind: Kind
    summary: str  # the extractor's words for it (its rdfs:label)
    amount: Decimal | None  # kronor
    headcount: int | None
    requested_from: str | None  # the label of whom the money is asked from


def decision_facts(g: Graph, decision: URIRef, requested_from: str | None) -> DecisionFacts:
    """The kind, words and figures of `decision`; `requested_from` is already a label."""
    kind_value = g.value(decision, KG.decisionType)
    headcount = number(g.value(decision, KG.headcount))
    return DecisionFacts(
        KINDS.get(str(kind_value).strip().lower(), _PLAIN) if kind_value is not None else _PLAIN,
        str(g.value(decision, RDFS.label) or ""),
        number(g.value(decision, KG.amountSEK)),
        int(headcount) if headcount is not None else None,
        requested_from,
    )


def short_label(facts: DecisionFacts) -> str:
    """The box's text: the verb and figures, or the kind and the decision's first words."""
    figures = []
    if facts.headcount is not None:
        people = grouped(facts.headcount)
        figures.append(people if facts.kind.counts_people else f"{people} personer")
    if facts.amount is not None:
        figures.append(kronor(facts.amount))
    source = f" av {facts.requested_from}" if facts.requested_from and facts.kind.asks else ""
    if figures and facts.kind.takes_figures:
        return f"{facts.kind.verb} {' · '.join(figures)}{source}"
    if figures:
        return f"{facts.kind.noun} · {' · '.join(figures)}{source}"
    if facts.summary:
        return f"{facts.kind.noun}: {shortened(facts.summary, SUMMARY_CHARS)}"
    return facts.kind.noun
