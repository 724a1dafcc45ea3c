"""People's roles: who works for, heads or belongs to which organisation, and as what.

Swedish news writes a role around a name in a handful of phrase shapes; each
is a Matcher pattern over the token tags of `tags.py`, with named slots:

    title-org-person   personaldirektören på Försäkringskassan, Lars-Åke Brattlund
    person-title-org   Johan Quist, universitetslektor på Centrum för tjänsteforskning
                       Curt Malmborg, generaldirektör för försäkringskassan
    org-title-person   Försäkringskassans generaldirektör Dan Eliasson
    title-person-org   forskarna Martin Fransson och Johan Quist vid centrum för …
    appointed          Anna Svensson utses till ny generaldirektör för Skatteverket
    appointing         Regeringen har utsett Maria Lindqvist till generaldirektör för …
    person-org         Marie-Louise Löfvenholm på försäkringskassan
    person-works-at    Anna Berg arbetar numera på Skatteverket
    title-person       generaldirektören Stefan Strömberg
    person-title       Jacob Widgren, handläggare som …
    led-by             (myndigheten) leds sedan i somras av Martin Holmgren
    former-title       Martin Holmgren, tidigare överdirektör på Polisen (the role is former:
                       graph.extract.tenure reads "tidigare" before the title)
    person-party       Eva Nordmark (S), Eva Nordmark, S,

The title's role (gazetteer titles.tsv) picks the relation: a head title gives
headOf, others worksFor; a union or party gives memberOf. An agency head's title with
no organisation in the phrase ("generaldirektören Irene Wennemo") belongs to
the agency named just before, in the same or the previous sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, NamedTuple

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from graph import gazetteers
from graph.extract.context import DocContext
from graph.extract.lexicon import SUBJECTS
from graph.extract.role_clauses import affiliations, person_at, strongest, title_agency
from graph.extract.tags import EXTENSION
from graph.extract.titles import POLITICIAN, TitleMention, title_at, title_word
from graph.lang.sv.tenure import CURRENT_WORDS
from graph.lang.sv.titles import AGENCY_HEADS, PERSON_PREPOSITIONS, TITLE_PREPOSITIONS
from graph.records import Fact, Mention, Quote

#: Verb forms of being made or being something: "utses till", "blir", "är".
APPOINTED = [
    "utses",
    "utsågs",
    "utsetts",
    "utsedd",
    "blir",
    "blev",
    "blivit",
    "är",
    "var",
    "tillträder",
    "tillträdde",
    "anställs",
    "anställdes",
    "anställts",
    "väljs",
    "valdes",
]
#: Patterns whose verb says the person heads the organisation.
LEADERSHIP = {"led-by", "led-by-inverted"}
#: Verbs of appointing someone, the appointee as object: "har utsett Maria Lindqvist till …".
APPOINTING = [
    "utsett",
    "utsåg",
    "utser",
    "utnämnt",
    "utnämnde",
    "utnämner",
    "anställt",
    "anställde",
    "rekryterat",
    "rekryterade",
    "valt",
    "valde",
    "väljer",
    # the passive with the subject after the verb: "I fredags utsågs Eva Ek till …"
    "utsågs",
    "utses",
    "utnämndes",
    "utnämns",
]
NEW = ["ny", "nya", "nye", "tillförordnad"]
#: Passive verbs of leading: "myndigheten leds av …", "Sedan i somras leds myndigheten av …".
LED = ["leds", "leddes", "styrs", "styrdes"]
#: Words that make a title a former one: "Martin Holmgren, tidigare överdirektör på …".
FORMER = ["tidigare", "förre", "förra", "dåvarande", "f.d."]
#: Present-tense verbs of working somewhere (the past, "jobbade på", is a former job).
WORKING = ["arbetar", "jobbar", "forskar", "verkar", "tjänstgör"]


def _tag(*tags: str, op: str | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"_": {EXTENSION: {"IN": list(tags)}}}
    if op:
        spec["OP"] = op
    return spec


PERSON = _tag("PER", op="+")
ORG = _tag("ORG", "OFFICE", op="+")
TITLE = _tag("TITLE", op="+")
COMMA = {"ORTH": ","}
MAYBE_COMMA = {"ORTH": ",", "OP": "?"}
#: A present-time adverb between the comma and the title: "Per Holm, i dag överdirektör
#: för …", "Eva Berg, numera chef på …" ("i dag" is two tokens, each optional).
NOW: list[tuple[str, dict[str, Any]]] = [
    ("", {"LOWER": {"IN": sorted(CURRENT_WORDS)}, "OP": "?"}),
    ("", {"LOWER": "i", "OP": "?"}),
    ("", {"LOWER": "dag", "OP": "?"}),
]
#: A name alone on its line, its title on the next after a comma: "Anna Berg\n, professor …".
LINE_BREAK = {"IS_SPACE": True, "OP": "?"}
ADJECTIVES = {"POS": "ADJ", "OP": "*"}
TITLE_PREP = {"LOWER": {"IN": TITLE_PREPOSITIONS}}
PERSON_PREP = {"LOWER": {"IN": PERSON_PREPOSITIONS}}

#: A party letter in brackets after a name: "Per Holm (C), ordförande i …".
MAYBE_PARTY: list[tuple[str, dict[str, Any]]] = [
    ("", {"ORTH": "(", "OP": "?"}),
    (
        "",
        {
            "LOWER": {"IN": sorted({letter.lower() for letter in gazetteers.party_letters()})},
            "OP": "?",
        },
    ),
    ("", {"ORTH": ")", "OP": "?"}),
]

#: name → the pattern as (slot, token spec); slot "" is glue that names nothing.
PATTERNS: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "title-org-person": [
        ("title", TITLE),
        ("prep", TITLE_PREP),
        ("org", ORG),
        ("", MAYBE_COMMA),
        ("person", PERSON),
    ],
    "person-title-org": [
        ("person", PERSON),
        *MAYBE_PARTY,
        ("", LINE_BREAK),
        ("", MAYBE_COMMA),
        *NOW,
        ("title", TITLE),
        ("prep", TITLE_PREP),
        ("org", ORG),
    ],
    "org-title-person": [("org", ORG), ("", ADJECTIVES), ("title", TITLE), ("person", PERSON)],
    "title-person-org": [("title", TITLE), ("person", PERSON), ("prep", PERSON_PREP), ("org", ORG)],
    "appointed": [
        ("person", PERSON),
        ("", {"POS": "AUX", "OP": "*"}),
        ("", {"LOWER": {"IN": APPOINTED}}),
        ("", {"LOWER": {"IN": ["till", "som"]}, "OP": "?"}),
        ("", {"LOWER": {"IN": NEW}, "OP": "?"}),
        ("title", TITLE),
        ("prep", {**TITLE_PREP, "OP": "?"}),
        ("org", {**ORG, "OP": "*"}),
    ],
    "appointing": [
        ("", {"LOWER": {"IN": APPOINTING}}),
        ("person", PERSON),
        ("", {"LOWER": {"IN": ["till", "som"]}}),
        ("", {"LOWER": {"IN": NEW}, "OP": "?"}),
        ("title", TITLE),
        ("prep", TITLE_PREP),
        ("org", ORG),
    ],
    "person-org": [("person", PERSON), ("prep", PERSON_PREP), ("org", ORG)],
    "person-works-at": [
        ("person", PERSON),
        ("", {"LOWER": {"IN": WORKING}}),
        ("", {"POS": "ADV", "OP": "*"}),
        ("prep", PERSON_PREP),
        ("org", ORG),
    ],
    "led-by": [
        ("org", ORG),
        ("", {"LOWER": {"IN": LED}}),
        ("", {"POS": "ADV", "OP": "*"}),
        ("", {"LOWER": "av"}),
        ("person", PERSON),
    ],
    "led-by-inverted": [
        ("", {"LOWER": {"IN": LED}}),
        ("org", ORG),
        ("", {"POS": "ADV", "OP": "*"}),
        ("", {"LOWER": "av"}),
        ("person", PERSON),
    ],
    "former-title": [
        ("person", PERSON),
        ("", COMMA),
        ("", {"LOWER": {"IN": FORMER}}),
        ("title", TITLE),
        ("prep", {**TITLE_PREP, "OP": "?"}),
        ("org", {**ORG, "OP": "*"}),
    ],
    "title-person": [("title", TITLE), ("person", PERSON)],
    "person-title": [
        ("person", PERSON),
        *MAYBE_PARTY,
        ("", LINE_BREAK),
        ("", COMMA),
        ("title", TITLE),
    ],
}


class RoleMatch(NamedTuple):
    rule: str
    people: tuple[Mention, ...]
    title: TitleMention | None
    org: Mention | None
    where: Span
    #: The preposition between title (or person) and organisation; None for a genitive.
    preposition: str | None = None


@cache
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for name, pattern in PATTERNS.items():
        # the longest match only: "blev chef för Skatteverket", not also "blev chef"
        matcher.add(name, [[spec for _, spec in pattern]], greedy="LONGEST")
    return matcher


def find_roles(ctx: DocContext, earlier: Sequence[Fact] = ()) -> list[Fact]:
    """worksFor / headOf / memberOf / jobTitle facts from the phrases around names (a
    worksFor that `earlier` facts of the sentence make a headOf or memberOf left out)."""
    facts: list[Fact] = []
    for match in _matches(ctx):
        evidence = ctx.evidence(match.where, f"role:{match.rule}")
        org = match.org or _context_agency(ctx, match)
        leading = "headOf" if match.rule in LEADERSHIP else None
        for person in match.people:
            if match.title:
                facts.append(Fact(person, "jobTitle", match.title.title, evidence))
            if org and leading:
                facts.append(Fact(person, leading, org, evidence))
            elif org:
                facts.extend(
                    affiliations(ctx, person, match.title, org, match.preposition, evidence)
                )
    facts.extend(_party_members(ctx))
    found = strongest(facts, earlier)
    return found + _parent_employers(ctx, [*earlier, *found])


def _parent_employers(ctx: DocContext, facts: Sequence[Fact]) -> list[Fact]:
    """The head of a department works for the organisation it is part of ("chef för
    Skatteverkets avdelning för analys" works for Skatteverket); a local office's head (an
    office with a place) is counted as the office's, as its staff are."""
    parents: dict[str, list[Mention]] = {}
    placed = {ctx.identity(f.subject) for f in facts if f.predicate == "locatedIn"}
    for fact in facts:
        if fact.predicate == "partOf" and isinstance(fact.object, Mention):
            parents.setdefault(ctx.identity(fact.subject), []).append(fact.object)
    return [
        Fact(fact.subject, "worksFor", parent, fact.evidence)
        for fact in facts
        if fact.predicate == "headOf"
        and isinstance(fact.object, Mention)
        and ctx.identity(fact.object) not in placed
        and fact.object.cls == "Office"
        for parent in parents.get(ctx.identity(fact.object), [])
        if parent.cls in ("Agency", "Organization")
    ]


def _matches(ctx: DocContext) -> Iterator[RoleMatch]:
    doc = ctx.doc
    matcher = _matcher(doc.vocab)
    matches = matcher(doc, with_alignments=True)
    for match_id, start, end, alignment in matches:  # type: ignore[misc]  # stubs lack alignments
        rule = doc.vocab.strings[match_id]
        slots: dict[str, list[Token]] = {}
        for token, index in zip(doc[start:end], alignment, strict=True):
            slots.setdefault(PATTERNS[rule][index][0], []).append(token)
        people = tuple(dict.fromkeys(m for t in slots["person"] if (m := person_at(ctx, t))))
        title = title_at(slots["title"][-1]) if "title" in slots else None
        org = _org(ctx, slots.get("org", []), genitive=rule == "org-title-person")
        if org is None and "title" in slots:
            org = _office_holder_agency(ctx, slots["title"][-1]) or title_agency(
                ctx, slots["title"][-1], title
            )
        preposition = slots["prep"][0].lower_ if "prep" in slots else None
        if people and (title or org) and not (rule == "org-title-person" and org is None):
            yield RoleMatch(rule, people, title, org, doc[start:end], preposition)


def _org(ctx: DocContext, tokens: list[Token], *, genitive: bool) -> Mention | None:
    """The organisation (or office) a slot names; in front of a title it must be a genitive."""
    if not tokens:
        return None
    org = ctx.resolved(tokens[0], "Office", "Agency", "Organization")
    if org and genitive and not tokens[-1].text.endswith("s"):
        return None
    return org


def _office_holder_agency(ctx: DocContext, title: Token) -> Mention | None:
    """A title that is an agency's own name: "diskrimineringsombudsmannen Agneta Broberg",
    "justitiekanslern Mari Heidenborg" head the agency named Diskrimineringsombudsmannen,
    Justitiekanslern."""
    entry = gazetteers.lookup(title.text)
    if entry is None or entry.cls != "Agency":
        return None
    return ctx.add(ctx.mention(ctx.doc[title.i : title.i + 1], "Agency", entry.id))


def _context_agency(ctx: DocContext, match: RoleMatch) -> Mention | None:
    """For an agency head's title without an organisation: the agency the text is about just
    then, the subject of the same or the previous sentence ("… sammanfattar Medlingsinstitutet
    året som lugnt. Generaldirektören Irene Wennemo …"); an agency named in passing ("tidigare
    överdirektör på Polismyndigheten") is not it."""
    if not match.title or match.title.head not in AGENCY_HEADS:
        return None
    sent = match.where.sent
    start = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(ctx.doc[start : match.where.start]):
        if token.dep_ in SUBJECTS and (agency := ctx.resolved(token, "Agency")):
            return agency
    return None


def _party_members(ctx: DocContext) -> Iterator[Fact]:
    """ "Eva Nordmark (S)" / "Eva Nordmark, S,": a party letter right after a name."""
    doc = ctx.doc
    for person in [m for m in ctx.mentions if m.cls == "Person"]:
        span = ctx.span(person)
        if span is None or span.end + 2 >= len(doc):
            continue
        opening, letter, closing = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        if (opening.text, closing.text) not in (("(", ")"), (",", ","), (",", ".")):
            continue
        party = gazetteers.party_letters().get(letter.text)
        if party is None:
            continue
        mention = ctx.add(ctx.mention(doc[letter.i : letter.i + 1], "Organization", party.id))
        yield Fact(person, "memberOf", mention, ctx.evidence(span, "role:person-party"))


#: First person plural: a speaker talking as "we" speaks for an organisation.
WE = {"vi", "oss", "vår", "vårt", "våra"}


def speaking_for(ctx: DocContext, quotes: Sequence[Quote], facts: Sequence[Fact]) -> list[Fact]:
    """A quoted person with no stated affiliation who says "vi" works for the agency being
    talked about ("– Vi har också fått kritik …, berättade Jerker Sjöberg"): the agency the
    whole article is about, or else one named in the quote's paragraph or the one before
    (a page of short news items is about no one agency)."""
    found: dict[str, Fact] = {}
    for quote in quotes:
        who = ctx.identity(quote.speaker)
        words = {w.strip('.,!?–-»«"').casefold() for w in quote.text.split()}
        if who in found or not words & WE or ctx.affiliations(quote.speaker, facts):
            continue
        if _politician(ctx, quote.speaker, facts):
            continue
        organisation = _agency_spoken_for(ctx, quote)
        if organisation and not _named_in_quote(ctx, quote, organisation):
            evidence = quote.evidence._replace(rule="role:speaks-for")
            found[who] = Fact(quote.speaker, "worksFor", organisation, evidence)
    return list(found.values())


def _politician(ctx: DocContext, speaker: Mention, facts: Sequence[Fact]) -> bool:
    """A minister or member of parliament speaks for the government or a party, not for the
    agency being talked about."""
    who = ctx.identity(speaker)
    return any(
        f.predicate == "jobTitle"
        and isinstance(f.object, str)
        and ctx.identity(f.subject) == who
        and (word := title_word(f.object.split()[-1])) is not None
        and word.role == POLITICIAN
        for f in facts
    )


def _named_in_quote(ctx: DocContext, quote: Quote, organisation: Mention) -> bool:
    """Whether the quote names the organisation by name: its own people say "vi" ("Nu kan vi
    erbjuda Skatteverket nya lokaler" is said by someone else)."""
    start = ctx.text.find(quote.text, quote.evidence.start)
    if start < 0:
        return False
    who = ctx.identity(organisation)
    return any(
        start <= m.start < start + len(quote.text) and ctx.identity(m) == who
        for m in ctx.mentions
        if m.cls == organisation.cls
    )


def _agency_spoken_for(ctx: DocContext, quote: Quote) -> Mention | None:
    agencies = [m for m in ctx.mentions if m.cls == "Agency" and m.key]
    main = ctx.dominant("Agency")
    if main and 2 * sum(m.key == main.key for m in agencies) > len(agencies):
        return main
    text = ctx.text
    paragraph = text.rfind("\n", 0, quote.evidence.start)
    window_start = text.rfind("\n", 0, max(paragraph - 1, 0)) + 1 if paragraph > 0 else 0
    nearby = [m for m in agencies if window_start <= m.start < quote.evidence.end]
    return nearby[-1] if nearby else None
