"""Role nodes (kg:Role): who held which post, where, with its status and dates.

A role node says what the plain relations (kg:headOf, kg:worksFor, kg:memberOf) cannot:
whether the post is held now or was held before, and from when to when. The network view
reads it to mark former posts (and hide them on request); the timeline draws it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from graph.views.labels import Evidence, EvidenceIndex, label
from graph.vocab import KG

#: The role vocabulary (kg:Role and its properties), read through the open namespace so a view of
#: a graph from before it was added to kg.ttl still opens.
ROLE = KG._NS
#: kg:status of a post its holder still has; anything else ("former") is a past post.
CURRENT = "current"
#: The plain relations a role node stands behind.
POST_RELATIONS = (KG.headOf, KG.worksFor, KG.memberOf)


class Role(NamedTuple):
    """One post held: a person's title in an organisation, and when."""

    id: str
    holder: URIRef
    organisation: URIRef
    title: str  # as written, lower case; "" if the text named none
    relation: URIRef | None  # the plain relation the post gives (kg:headOf, …)
    current: bool
    start: str  # xsd:date, gYearMonth or gYear as written in the graph; "" if unknown
    end: str


def roles(g: Graph) -> list[Role]:
    """Every role node with a holder and an organisation, in a stable order."""
    found = []
    for node in g.subjects(RDF.type, ROLE.Role):
        holder, organisation = g.value(node, ROLE.holder), g.value(node, ROLE.roleIn)
        if not isinstance(node, URIRef) or not isinstance(holder, URIRef):
            continue
        if not isinstance(organisation, URIRef):
            continue
        relation = g.value(node, ROLE.roleProperty)
        found.append(
            Role(
                str(node),
                holder,
                organisation,
                _text(g.value(node, ROLE.roleTitle)),
                relation if isinstance(relation, URIRef) else None,
                _text(g.value(node, ROLE.status)) == CURRENT,
                _text(g.value(node, ROLE.startDate)),
                _text(g.value(node, ROLE.endDate)),
            )
        )
    return sorted(found, key=lambda r: (label(g, r.organisation).casefold(), r.start, r.id))


def former_posts(g: Graph) -> set[tuple[URIRef, URIRef, URIRef]]:
    """(person, relation, organisation) of the posts that only former roles back: the text
    says the person held them once and never that they still do. A role that names no
    relation stands for each of them."""
    by_pair: dict[tuple[URIRef, URIRef], list[Role]] = defaultdict(list)
    for role in roles(g):
        by_pair[role.holder, role.organisation].append(role)
    former = set()
    for (holder, organisation), held in by_pair.items():
        for relation in POST_RELATIONS:
            matching = [r for r in held if r.relation in (relation, None)]
            if matching and not any(r.current for r in matching):
                former.add((holder, relation, organisation))
    return former


def role_evidence(backed_by: EvidenceIndex, role: Role) -> list[Evidence]:
    """The sentences that say the role was held."""
    return backed_by.get((URIRef(role.id), ROLE.holder, role.holder), [])


def _text(value: Node | None) -> str:
    return str(value) if value is not None else ""
