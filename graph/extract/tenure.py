"""Role records: the post each role fact gives a person, current or former, and when.

Every headOf, worksFor and memberOf of a person becomes a `Role` with the title the same
sentence gives the same person, a status and the dates the text gives. They are read
from the role's own words: the tokens from the holder to the title and organisation
(an aside between commas that names none of them left out), two words before the
title ("tidigare generaldirektör", "f.d. chef", "nuvarande"), a clause-opening adverbial
("Tidigare har hon varit …", "I april 2018 utsågs hon …") and a date right after
("… chef för Tullverket sedan 2012"). A date elsewhere in the sentence is not the
role's ("… presenterade i april 2018 en rapport").

    former   a former word before the title or in the clause ("tidigare", "f.d.", "förre",
             "dåvarande"; not "tidigare i år"), a holding verb in the past ("var chef") or
             the perfect without "sedan" ("har varit chef"), a leaving verb ("lämnade",
             "petades", "går i pension") with no end still to come
    current  everything else, "sedan 2012", "nuvarande", and a post its holder leaves at
             a time still to come ("avgår vid årsskiftet": current, with its end)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from graph.extract.context import AFFILIATIONS, DocContext
from graph.extract.titles import title_at
from graph.extract.when import AT, END, START, When, article_day, dates_in
from graph.lang.sv.tenure import (
    AND_WITH,
    AT_WORDS,
    COMING_FROM,
    CURRENT_WORDS,
    END_WORDS,
    FORMER_PAIRS,
    FORMER_WORDS,
    HELD_LEMMAS,
    LEAVING_FORMS,
    LEAVING_LEMMAS,
    LEAVING_PHRASES,
    MONTHS,
    NOT_FORMER_BEFORE,
    RANGE_JOINERS,
    RECENTLY,
    RELATIVE_TIMES,
    START_WORDS,
    STARTING_LEMMAS,
)
from graph.records import Fact, Mention, Role

CURRENT = "current"
FORMER = "former"
#: The rule of a fact of a post left (graph.extract.former) names the verb: "left:lämna".
LEFT = "left:"
ORGANISATION_CLASSES = ("Office", "Agency", "Organization")
#: How many words before a title may say it is former or current: "f.d.", "före detta".
BEFORE_TITLE = 2
#: How many words a clause-opening adverbial may have ("Tidigare har hon …").
OPENING = 5
#: How many words after the role's own its date may follow ("… sedan den 1 maj 2019").
AFTER = 6
#: The words of a date and of leaving, all that may follow a role's words as its own
#: ("… chef för Tullverket sedan den 1 maj 2019", "… som går i pension vid årsskiftet").
TIME_WORDS = frozenset(
    {
        *START_WORDS,
        *END_WORDS,
        *AT_WORDS,
        *RANGE_JOINERS,
        *AND_WITH,
        "fram",
        *MONTHS,
        *(word for phrase in RELATIVE_TIMES for word in phrase),
        *(word for phrase in LEAVING_PHRASES for word in phrase),
    }
)
COMMA = ","
#: How many verbs ("tvingades", "ska", "att") may stand before a leaving verb after a role.
LEAVING_REACH = 2
#: Parts of speech of a clause-opening adverbial ("Tidigare", "I april 2018", "Sedan 2012").
ADVERBIAL = frozenset({"ADV", "ADP", "NUM", "NOUN", "DET", "ADJ", "PROPN"})


def find_tenures(ctx: DocContext, facts: Sequence[Fact], known: Sequence[Role] = ()) -> list[Role]:
    """One role per person's affiliation fact (one per holder, organisation, relation, title,
    status and sentence), but for the facts an earlier stage made a role of (`known`: a
    succession knows who left)."""
    recorded = {
        (ctx.identity(r.holder), ctx.identity(r.organisation), r.relation, r.evidence.start)
        for r in known
    }
    # a post a succession says was left is former wherever the document names it
    left = {
        (ctx.identity(r.holder), ctx.identity(r.organisation), r.relation)
        for r in known
        if r.status == FORMER
    }
    titles: dict[tuple[str, int], list[str]] = {}
    for fact in facts:
        if fact.predicate == "jobTitle" and isinstance(fact.object, str):
            key = (ctx.identity(fact.subject), fact.evidence.start)
            titles.setdefault(key, []).append(fact.object)
    found: dict[tuple[object, ...], Role] = {}
    for fact in facts:
        if fact.predicate not in AFFILIATIONS or not isinstance(fact.object, Mention):
            continue
        if fact.subject.cls != "Person":
            continue
        made = (ctx.identity(fact.subject), ctx.identity(fact.object), fact.predicate)
        if (*made, fact.evidence.start) in recorded:
            continue
        held = titles.get((ctx.identity(fact.subject), fact.evidence.start), [])
        role = role_of(ctx, fact, held)
        if made in left and not (role.status == CURRENT and role.end):
            role = role._replace(status=FORMER)  # (one leaving at a time to come is not yet)
        seen = (
            ctx.identity(role.holder),
            ctx.identity(role.organisation),
            role.relation,
            role.title,
            role.status,
            role.evidence.start,
        )
        found.setdefault(seen, role)
    return list(found.values())


def role_of(ctx: DocContext, fact: Fact, titles: Sequence[str]) -> Role:
    """The role an affiliation fact gives, with the title among `titles` its words name."""
    assert isinstance(fact.object, Mention)
    plain = Role(
        fact.subject,
        fact.object,
        fact.predicate,
        titles[0] if titles else None,
        CURRENT,
        None,
        None,
        fact.evidence,
    )
    span = ctx.doc.char_span(fact.evidence.start, fact.evidence.end, alignment_mode="expand")
    if span is None:
        return plain
    holders = _tokens_of(ctx, span, fact.subject, ("Person",))
    places = _tokens_of(ctx, span, fact.object, ORGANISATION_CLASSES)
    if not holders and not places:
        return plain
    org = _nearest(places, holders)
    holder = _nearest(holders, [org] if org is not None else [])
    title_token = _title_token(span, titles, org or holder)
    named = title_at(title_token) if title_token is not None else None
    anchors = [t for t in (holder, org, title_token) if t is not None]
    low = min(t.i for t in anchors)
    if named is not None:
        low = min(low, named.start)
    high = max(t.i for t in anchors)
    words = role_words(span, low, high, {t.i for t in anchors}, ctx, fact.subject)
    words = [t for t in words if not _leaves_another(ctx, t, fact.object)]
    status, start, end = reading(words, ctx.date)
    if fact.evidence.rule.startswith(LEFT) and not end:
        status = FORMER  # the verb of leaving may stand outside the role's words
    title = named.title if named is not None else plain.title
    return plain._replace(title=title, status=status, start=start, end=end)


def role_words(
    sentence: Span, low: int, high: int, anchors: set[int], ctx: DocContext, holder: Mention
) -> list[Token]:
    """A role's own words: tokens low..high less asides that name none of its anchors, the
    words just before, a clause-opening adverbial and what follows up to a new phrase."""
    doc = sentence.doc
    inside = _without_asides(doc[low : high + 1], anchors)
    before = list(doc[max(sentence.start, low - BEFORE_TITLE) : low])
    opening = fronted(doc[sentence.start : low])
    if len(opening) > OPENING or _names_another(ctx, opening, holder):
        opening = []
    after: list[Token] = []
    i, stop = high + 1, min(sentence.end, high + 1 + AFTER)
    while i < stop:
        token = doc[i]
        if doc[i : i + 2].text.lower() == ", som" and leaving_verb(doc[i + 2 : i + 5]) is not None:
            i += 2  # "…, som går i pension vid årsskiftet": the holder leaves
            stop = min(sentence.end, stop + 2)
            continue
        # "avgår", "går i pension", "tvingades avgå", "ska lämna": the holder leaves
        leaving = leaving_verb(doc[i : i + LEAVING_REACH + 2])
        joins = (  # "2010–2015"
            token.lower_ in RANGE_JOINERS
            and doc[i - 1].like_num
            and doc[i + 1 : i + 2].text.isdigit()
        )
        leaves = leaving is not None and leaving.i - i <= LEAVING_REACH
        if not (joins or leaves or token.lower_ in TIME_WORDS or token.text.isdigit()):
            break  # only a date and a leaving verb follow a role's words
        after.append(token)
        i += 1
    kept = {t.i: t for t in [*opening, *before, *inside, *after]}
    return [kept[i] for i in sorted(kept)]


def reading(words: Sequence[Token], date: str | None) -> tuple[str, str | None, str | None]:
    """Status, start and end from a role's words, relative dates read against `date`."""
    leaving = leaving_verb(words)
    past = any(_past(t) for t in words if t.pos_ in ("VERB", "AUX"))
    when = dates_in(words, article_day(date), past=past)
    if not any(t.lemma_.lower() in STARTING_LEMMAS for t in words):
        when = [w for w in when if not _today(words, w)]
    start, end = _dates(when, leaving=leaving is not None)
    since = any(w.kind == START for w in when)
    lowered = [t.lower_ for t in words]
    if any(word in CURRENT_WORDS for word in lowered) or _pair(lowered, ("i", "dag")):
        return CURRENT, start, end
    if _former_word(lowered) or _came_from(words):
        return FORMER, start, end
    if leaving is not None:
        still = end is not None and not _past(leaving) and _still_to_come(end, date)
        return (CURRENT if still or _participle(leaving) else FORMER), start, end
    held = [t for t in words if t.lemma_.lower() in HELD_LEMMAS and t.pos_ in ("VERB", "AUX")]
    if any("Past" in t.morph.get("Tense", []) and _finite(t) for t in held):
        return FORMER, start, end
    if any("Sup" in t.morph.get("VerbForm", []) for t in held) and not since:
        return FORMER, start, end
    return CURRENT, start, end


def _today(words: Sequence[Token], when: When) -> bool:
    """ "i dag", "idag": the day of the article, a start only with a verb of taking up."""
    return [t.lower_ for t in words[when.start : when.end]][-1:] in (["dag"], ["idag"])


def _dates(when: Iterable[When], *, leaving: bool) -> tuple[str | None, str | None]:
    start: str | None = None
    end: str | None = None
    for w in when:
        if w.kind == START or (w.kind == AT and not leaving):
            start = start or w.value
            end = end or w.until
        elif w.kind == END or (w.kind == AT and leaving):
            end = end or w.value
    return start, end


def _former_word(words: list[str]) -> bool:
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in FORMER_WORDS and following not in NOT_FORMER_BEFORE:
            return True
        if tuple(words[i : i + 2]) in FORMER_PAIRS:
            return True
    return False


def _came_from(words: Sequence[Token]) -> bool:
    """ "kommer närmast från en tjänst som …": the post held before this one (without
    "närmast", "senast", "kommer från Lunds universitet" says where one works)."""
    for i, token in enumerate(words[:-2]):
        if token.lemma_.lower() == COMING_FROM[0]:
            following = [t.lower_ for t in words[i + 1 : i + 3]]
            if following[0] in RECENTLY and following[1] == COMING_FROM[1]:
                return True
    return False


def leaving_verb(words: Sequence[Token] | Span) -> Token | None:
    """The verb of leaving a post among a role's words ("lämnar", "avgår", "går i pension")."""
    lowered = [t.lower_ for t in words]
    lemmas = [t.lemma_.lower() for t in words]
    for i, token in enumerate(words):
        if lemmas[i] in LEAVING_LEMMAS or lowered[i] in LEAVING_FORMS:
            return token
        for phrase in LEAVING_PHRASES:
            if (lemmas[i], *lowered[i + 1 : i + len(phrase)]) == phrase:
                return token
    return None


def _leaves_another(ctx: DocContext, token: Token, organisation: Mention) -> bool:
    """A leaving verb whose object is another organisation than the role's ("… som lämnade
    Migrationsverket för att bli chef för Röda korset": the post left is not this one)."""
    if leaving_verb([token]) is None:
        return False
    who = ctx.identity(organisation)
    for after in token.doc[token.i + 1 : token.i + 1 + BEFORE_TITLE]:
        left = ctx.resolved(after, *ORGANISATION_CLASSES)
        if left is not None:
            return ctx.identity(left) != who
    return False


def _past(token: Token) -> bool:
    return "Past" in token.morph.get("Tense", []) or "Sup" in token.morph.get("VerbForm", [])


def _finite(token: Token) -> bool:
    return "Part" not in token.morph.get("VerbForm", [])


def _participle(token: Token) -> bool:
    """A present participle ("avgående"): the holder is leaving, not yet gone."""
    return token.lower_.endswith(("ande", "ende"))


def _still_to_come(end: str, date: str | None) -> bool:
    """Whether an end date lies after the article's date (unknown without one: the text's
    present tense says it is to come)."""
    day = article_day(date)
    if day is None or end.startswith("--"):
        return True
    return end >= day.isoformat()[: len(end)]


def _pair(words: Sequence[str], *pairs: tuple[str, str]) -> bool:
    return any(tuple(words[i : i + 2]) in pairs for i in range(len(words)))


def _tokens_of(
    ctx: DocContext, span: Span, mention: Mention, classes: tuple[str, ...]
) -> list[Token]:
    """The first token of each mention in a span that stands for the same thing."""
    who = ctx.identity(mention)
    found = []
    for token in span:
        here = ctx.resolved(token, *classes)
        if here is not None and ctx.identity(here) == who:
            previous = ctx.resolved(token.nbor(-1), *classes) if token.i > span.start else None
            if previous != here:
                found.append(token)
    return found


def _nearest(tokens: Sequence[Token], to: Sequence[Token]) -> Token | None:
    if not tokens:
        return None
    if not to:
        return tokens[0]
    return min(tokens, key=lambda t: min(abs(t.i - other.i) for other in to))


def _title_token(span: Span, titles: Sequence[str], near: Token | None) -> Token | None:
    """The last token of a title in the span that is one of `titles`, nearest `near`."""
    found = [
        t
        for t in span
        if (title := title_at(t)) is not None and title.end - 1 == t.i and title.title in titles
    ]
    return _nearest(found, [near] if near is not None else [])


def fronted(opening: Span) -> list[Token]:
    """What stands before the finite verb of a main clause that opens with an adverbial
    ("Tidigare har hon …", "I april 2018 utsågs hon …"), the verb included; nothing if the
    sentence opens otherwise ("Det ledde till att …", "Han sa, …")."""
    for n, token in enumerate(opening):
        if token.pos_ in ("VERB", "AUX"):
            return list(opening[: n + 1]) if n > 0 else []
        if token.pos_ not in ADVERBIAL:
            return []
    return []


def _names_another(ctx: DocContext, tokens: Sequence[Token], holder: Mention) -> bool:
    """Whether some words name a person other than the holder ("Sedan Per Ek avgick …")."""
    who = ctx.identity(holder)
    return any(
        (person := ctx.resolved(t, "Person")) is not None and ctx.identity(person) != who
        for t in tokens
    )


def _without_asides(tokens: Span, anchors: set[int]) -> list[Token]:
    """The tokens less each part between two commas that holds no anchor ("Anna Berg, som i
    april presenterade rapporten, är chef för X")."""
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.text == COMMA:
            parts.append([])
        else:
            parts[-1].append(token)
    kept = [parts[0]] if parts else []
    for part in parts[1:-1]:
        if any(t.i in anchors for t in part):
            kept.append(part)
    if len(parts) > 1:
        kept.append(parts[-1])
    return [t for part in kept for t in part]
