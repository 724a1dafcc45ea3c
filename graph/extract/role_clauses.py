"""Role clauses read through the dependency parse, whatever the word order or tense.

The token patterns of roles.py see a role only where its parts stand side by side;
the parse also finds them with adverbials in between, in relative clauses and in
the passive:

    copula      Per Lind är i dag överdirektör på Kronofogden
    relative    … säger Ola Ström, som sedan 2019 är HR-direktör vid Polismyndigheten
    appointed   Eva Berg utsågs nyligen till chef för Tullverket
    appointing  Regeringen utsåg på torsdagen Anna Ek till ny generaldirektör för Tullverket
    holding     Per Holm tillträdde som rektor vid Lunds universitet
    working     Anna Ek har arbetat på Skatteverket sedan 2010   (no title: worksFor)
    leading     … för att i stället leda Migrationsverket         (no title: headOf)

A title's holder is the subject of its clause (or the object of an appointing verb
in the active); its organisation hangs on the title ("chef för X", "Skatteverkets
chef") or on the verb ("arbetar som jurist på X"). The evidence rule names the verb
("role-clause:utse"), so a build shows which facts the parse found and which the
patterns ("role:…"). A pronoun holder counts only when one person is in reach.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.extract.lexicon import CASE, OBJECTS, OBLIQUE, SUBJECTS
from graph.extract.titles import TitleMention, local_chair, relation, title_at
from graph.lang.sv.role_verbs import (
    APPOINTING_LEMMAS,
    HOLDING_LEMMAS,
    LEADING_LEMMAS,
    RELATIVE,
    TITLE_MARKERS,
    WORKING_LEMMAS,
)
from graph.lang.sv.titles import BRANCH_PREPOSITIONS, PERSON_PREPOSITIONS, TITLE_PREPOSITIONS
from graph.records import Evidence, Fact, Mention

COPULA = "cop"
MARK = "mark"
RELATIVE_CLAUSE = "acl:relcl"
GENITIVE = "nmod:poss"
NOMINAL_MODIFIER = "nmod"
#: How a title hangs on the verb that gives it: "utses till chef" (obl), "blir chef" (obj,
#: xcomp), "tillträdde som rektor".
TITLE_DEPS = (OBLIQUE, "xcomp", "obj", "advcl", "appos")
ORGANISATION_CLASSES = ("Office", "Agency", "Organization")
PASSIVE_SUBJECT = "nsubj:pass"
#: How a name hangs on the title before it: "generaldirektören Eva Berg".
NAME_DEPS = ("appos", "nmod", "flat:name", "flat")
EXPLETIVE = "expl"
LINKING_S = "s"
#: Definite singular endings that make a compound's first part an agency's name.
DEFINITE_ENDINGS = ("en", "et", "n")
#: Links a clause without a subject takes its subject through: "lämnar X för att leda Y"
#: (advcl), "ska tillträda" (xcomp), "är jurist och har arbetat som …" (conj); a complement
#: clause ("berättade att det blir …") has a subject of its own.
SUBJECT_LINKS = ("xcomp", "advcl", "conj")
#: How many clause links up a verb without a subject of its own looks for one ("lämnar X
#: för att i stället leda Y").
SUBJECT_REACH = 2


def find_role_clauses(ctx: DocContext) -> list[Fact]:
    """jobTitle / headOf / worksFor / memberOf facts from the clauses of role verbs."""
    facts: list[Fact] = []
    for token in ctx.doc:
        title = title_at(token)
        if title is not None and title.end - 1 == token.i:
            # the parse may hang the clause on a modifier ("har varit tillförordnad …")
            facts.extend(_title_clause(ctx, ctx.doc[title.start : title.end].root, title))
        elif token.pos_ in ("VERB", "AUX"):
            facts.extend(_verb_clause(ctx, token))
    return strongest(facts)


def strongest(facts: list[Fact], earlier: Sequence[Fact] = ()) -> list[Fact]:
    """The facts, less a worksFor where the same sentence (by these facts or earlier ones)
    says the person heads or is a member of the organisation ("Eva Lund på Tullverket" beside
    "generaldirektören Eva Lund på Tullverket")."""
    stronger = {
        (f.subject, f.object, f.evidence.start)
        for f in [*earlier, *facts]
        if f.predicate in ("headOf", "memberOf")
    }
    return [
        f
        for f in facts
        if f.predicate != "worksFor" or (f.subject, f.object, f.evidence.start) not in stronger
    ]


def _title_clause(ctx: DocContext, word: Token, title: TitleMention) -> Iterator[Fact]:
    predicate, rule = _governing_predicate(word)
    if predicate is None:
        return
    people = _holders(ctx, predicate, appointing=rule in APPOINTING_LEMMAS and _active(predicate))
    if not people:
        return
    org, preposition = None, None
    for part in ctx.doc[title.start : title.end]:
        if org is None:
            org, preposition = _organisation(ctx, part, TITLE_PREPOSITIONS, genitive=True)
    if org is None and predicate is not word:
        org, preposition = _organisation(ctx, predicate, TITLE_PREPOSITIONS, genitive=False)
    if org is None:
        org = title_agency(ctx, ctx.doc[title.end - 1], title)
    evidence = ctx.evidence(word, f"role-clause:{rule}")
    for person in people:
        yield Fact(person, "jobTitle", title.title, evidence)
        if org is not None:
            yield from affiliations(ctx, person, title, org, preposition, evidence)


def title_agency(ctx: DocContext, word: Token, title: TitleMention | None) -> Mention | None:
    """The agency a compound title names in its first part: "kriminalvårdschefen" is a chief
    of Kriminalvården, "säkerhetspolischefen" of Säkerhetspolisen (the first part in its
    definite form is the agency's name). The mention has no name of its own."""
    if title is None or not title.first_part:
        return None
    stem = title.first_part.removesuffix(LINKING_S) if len(title.first_part) > 4 else ""
    for ending in DEFINITE_ENDINGS:
        entry = gazetteers.lookup(stem + ending) if stem else None
        if entry is not None and entry.cls == "Agency":
            return ctx.add(ctx.mention(ctx.doc[word.i : word.i + 1], "Agency", entry.id, text=""))
    return None


def affiliations(
    ctx: DocContext,
    person: Mention,
    title: TitleMention | None,
    org: Mention,
    preposition: str | None,
    evidence: Evidence,
) -> Iterator[Fact]:
    """The relation a title gives; a union's local chair is a member of the union and works
    for the organisation the branch is in ("ordförande för ST inom Trafikverket")."""
    if not local_chair(title, org, preposition):
        yield Fact(person, relation(title, org, preposition), org, evidence)
        return
    yield Fact(person, "memberOf", org, evidence)
    span = ctx.span(org)
    after = span.end if span is not None else len(ctx.doc)
    if after < len(ctx.doc) and ctx.doc[after].lower_ in BRANCH_PREPOSITIONS:
        after += 1
    workplace = ctx.resolved(ctx.doc[after], "Agency") if after < len(ctx.doc) else None
    if workplace is not None:
        yield Fact(person, "worksFor", workplace, evidence)


def _governing_predicate(word: Token) -> tuple[Token | None, str]:
    """The clause a title is the predicate of: itself with a copula ("är chef"), or the
    appointing or holding verb it hangs on ("utses till chef", "blir chef")."""
    if any(child.dep_ == COPULA for child in word.children):
        return word, "vara"
    verb = word.head
    if word.dep_ not in TITLE_DEPS or verb.i == word.i:
        return None, ""
    lemma = verb.lemma_.lower()
    marked = any(c.lower_ in TITLE_MARKERS and c.dep_ in (CASE, MARK) for c in word.children)
    if lemma in APPOINTING_LEMMAS and marked:
        return verb, lemma
    if lemma in HOLDING_LEMMAS and (marked or lemma in ("vara", "bli")):
        return verb, lemma
    return None, ""


def _verb_clause(ctx: DocContext, verb: Token) -> Iterator[Fact]:
    lemma = verb.lemma_.lower()
    if lemma in WORKING_LEMMAS:
        org, _ = _organisation(ctx, verb, PERSON_PREPOSITIONS, genitive=False)
        predicate = "worksFor"
    elif lemma in LEADING_LEMMAS and _active(verb):
        org = next((m for c in verb.children if c.dep_ in OBJECTS and (m := _org_at(ctx, c))), None)
        predicate = "headOf"
    else:
        return
    if org is None:
        return
    evidence = ctx.evidence(verb, f"role-clause:{lemma}")
    for person in _holders(ctx, verb, appointing=False):
        yield Fact(person, predicate, org, evidence)


def _active(verb: Token) -> bool:
    """Not a passive ("utsågs", "leds"): no passive subject, no -s form."""
    passive = any(c.dep_ == PASSIVE_SUBJECT for c in verb.children)
    return not passive and not verb.lower_.endswith("s")


def _holders(ctx: DocContext, predicate: Token, *, appointing: bool) -> list[Mention]:
    """The people a clause gives its role: its subject, or an appointing verb's object."""
    wanted = OBJECTS if appointing else SUBJECTS
    for _ in range(SUBJECT_REACH + 1):
        candidates = [c for c in predicate.children if c.dep_ in wanted and _in_clause(c)]
        people = [person for c in candidates if (person := person_at(ctx, c))]
        if appointing and not people:
            # a weak parse hangs the appointee's name on the verb under another label
            people = [
                person
                for child in predicate.children
                if child.i > predicate.i
                and child.dep_ not in (OBLIQUE, NOMINAL_MODIFIER)
                and (person := person_at(ctx, child))
            ]
        if len(people) < len(candidates):
            return []  # "det blir …": a subject that is no person
        if people or appointing:
            return list(dict.fromkeys(people))
        has_subject = any(c.dep_ in (*SUBJECTS, EXPLETIVE) for c in predicate.children)
        if has_subject or predicate.dep_ not in SUBJECT_LINKS or _person_between(ctx, predicate):
            return []
        predicate = predicate.head
    return []


def _in_clause(argument: Token) -> bool:
    """Whether a subject or object stands inside its clause: not before the clause's own
    "att" or "som" ("berättade Eva Berg att det blir …" is no subject of "blir")."""
    clause = argument.head
    return not any(c.dep_ == MARK and argument.i < c.i < clause.i for c in clause.children)


def _person_between(ctx: DocContext, clause: Token) -> bool:
    """Whether a person is named between a clause and the one it takes its subject from
    ("Han efterträder Per Ek som lämnade X för att bli chef": Per Ek may be who became it)."""
    low, high = sorted((clause.i, clause.head.i))
    return bool(ctx.in_span(ctx.doc[low + 1 : high], "Person"))


def person_at(ctx: DocContext, token: Token) -> Mention | None:
    """The person a subject or object token stands for: a name, a pronoun with one person in
    reach, or the relative "som" of a clause on a name."""
    if token.lower_ == RELATIVE:
        if token.head.dep_ == RELATIVE_CLAUSE:
            return ctx.at(token.head.head, "Person")
        # a weak parse loses the clause's attachment: "som" right after a name stands for it
        before = token.i - 2 if token.i >= 2 and ctx.doc[token.i - 1].text == "," else token.i - 1
        return ctx.at(ctx.doc[before], "Person") if before >= 0 else None
    named = ctx.at(token, "Person")
    if named is not None:
        return named
    if title_at(token) is not None:
        # "ministern Per Holm förordnades …": the title's name is the subject
        return next(
            (m for c in token.children if c.dep_ in NAME_DEPS and (m := ctx.at(c, "Person"))),
            None,
        )
    person = ctx.resolved(token, "Person")
    return person if person is not None and one_person_in_reach(ctx, token, person) else None


def one_person_in_reach(ctx: DocContext, pronoun: Token, person: Mention) -> bool:
    """Whether a pronoun's person is the only one it could be: the only person named since
    the antecedent's sentence began, and that sentence's subject ("Hon är jurist" after a
    sentence naming two people goes to neither; after "X tar över efter Y" not to Y)."""
    sentence = pronoun.sent
    if person.start >= sentence.start_char:
        return True
    span = ctx.span(person)
    if span is None:
        return False
    between = ctx.doc[span.sent.start : pronoun.i]
    people = {ctx.identity(m) for m in ctx.in_span(between, "Person")}
    return len(people) == 1 and span.root.dep_ in SUBJECTS


def _organisation(
    ctx: DocContext, head: Token, prepositions: list[str], *, genitive: bool
) -> tuple[Mention | None, str | None]:
    """The organisation hanging on a word, after one of the prepositions (returned with it)
    or as a genitive (with None)."""
    for child in head.children:
        case = next((c.lower_ for c in child.children if c.dep_ == CASE), None)
        possessive = genitive and child.dep_ == GENITIVE and child.i < head.i
        governed = child.dep_ in (NOMINAL_MODIFIER, OBLIQUE) and case in prepositions
        if (possessive or governed) and (org := _org_at(ctx, child)) is not None:
            return org, None if possessive else case
    return None, None


def _org_at(ctx: DocContext, token: Token) -> Mention | None:
    return ctx.resolved(token, *ORGANISATION_CLASSES)
