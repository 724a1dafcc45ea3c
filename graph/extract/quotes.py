"""Quotes and their speakers: who said what.

Swedish news marks direct speech with a dash opening the paragraph and names
the speaker with a speech verb, inverted after the quote or in the next
sentence:

    – Vi tidigarelägger investeringar …, säger Lars-Åke Brattlund.
    – Vi tidigarelägger investeringar …
    Det säger personaldirektören på Försäkringskassan, Lars-Åke Brattlund.
    Johan Quist konstaterar att kontoren i Torsby och Göteborg …     (indirect)

A dash paragraph with no speech verb is by the last speaker, or by the person
the paragraph before it is about (an interview answer, a quote introduced by
"X tycker det är kul att …"). The speaker is the speech verb's subject (nsubj), or the person named
right after or before it; a pronoun speaker ("konstaterade han") is resolved.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.extract.context import DocContext
from graph.extract.lexicon import SUBJECTS, is_speech_verb
from graph.records import Mention, Quote

#: How many words after a speech verb the speaker's name may start.
SPEAKER_REACH = 6
DASHES = ("–", "—", "-", "―")


def find_quotes(ctx: DocContext) -> list[Quote]:
    """Direct and indirect quotes with their speakers."""
    found: list[Quote] = []
    last_speaker = None
    previous: Span | None = None
    for paragraph in _paragraphs(ctx):
        attributed = list(_attributed(ctx, paragraph, previous, found))
        found.extend(attributed)
        if attributed:
            last_speaker = attributed[-1].speaker
        elif _is_direct(paragraph):
            text = _quote_text(paragraph.text)
            if last_speaker and text:
                evidence = ctx.evidence(paragraph[0], "quote:continued", passage=paragraph)
                found.append(Quote(last_speaker, text, evidence))
        elif people := ctx.in_span(paragraph, "Person"):
            # a paragraph about someone introduces the quote that follows it
            last_speaker = people[-1]
        previous = paragraph
    return found


def _paragraphs(ctx: DocContext) -> Iterator[Span]:
    """The document's paragraphs as spans of whole sentences (a newline ends one)."""
    sents = ctx.sentences
    start = 0
    for i, sent in enumerate(sents):
        last = i == len(sents) - 1
        if (
            last
            or "\n" in ctx.text[sent.end_char : sents[i + 1].start_char]
            or sent[-1].text.endswith("\n")
        ):
            yield ctx.doc[sents[start].start : sent.end]
            start = i + 1


def _is_direct(paragraph: Span) -> bool:
    return paragraph.text.lstrip().startswith(DASHES)


def _quote_text(text: str) -> str:
    return text.strip().lstrip("".join(DASHES)).strip().rstrip(",").strip()


def _attributed(
    ctx: DocContext, paragraph: Span, previous: Span | None, earlier: list[Quote]
) -> Iterator[Quote]:
    for sent in paragraph.sents:  # type: ignore[attr-defined]  # Span.sents exists since spaCy 3.2
        for verb in (t for t in sent if is_speech_verb(t)):
            speaker = _speaker(ctx, verb)
            if speaker is None:
                continue
            text, rule = _said(ctx, paragraph, previous, sent, verb, earlier)
            if text:
                # a direct quote's evidence is the quote and its attribution, not only "…, säger X."
                passage = ctx.doc[paragraph.start : sent.end] if _is_direct(paragraph) else None
                yield Quote(speaker, text, ctx.evidence(sent, rule, passage=passage))
                break


def _speaker(ctx: DocContext, verb: Token) -> Mention | None:
    """Who said it: the verb's subject, else the person named right before it or in the few
    words after it ("säger personaldirektören på Försäkringskassan, Lars-Åke Brattlund")."""
    for child in verb.children:
        if child.dep_ in SUBJECTS and (m := ctx.resolved(child, "Person")):
            return m
    doc = ctx.doc
    if verb.i > 0 and (m := ctx.resolved(doc[verb.i - 1], "Person")):
        return m
    after = doc[verb.i + 1 : min(verb.i + 1 + SPEAKER_REACH, verb.sent.end)]
    return next((m for token in after if (m := ctx.resolved(token, "Person"))), None)


def _said(
    ctx: DocContext,
    paragraph: Span,
    previous: Span | None,
    sent: Span,
    verb: Token,
    earlier: list[Quote],
) -> tuple[str, str]:
    """The words said, and the rule that found them."""
    doc = ctx.doc
    if _is_direct(paragraph):
        # "– …, säger X." : everything before the comma that opens the attribution
        end = verb.i
        while end > paragraph.start and doc[end - 1].is_punct:
            end -= 1
        return _quote_text(doc[paragraph.start : end].text), "quote:direct"
    says_it = verb.i == sent.start + 1 and sent[0].lower_ == "det"
    if says_it and previous is not None and _is_direct(previous):
        # "Det säger X." : the dash paragraph before
        text = _quote_text(previous.text)
        if not any(q.text == text for q in earlier):
            return text, "quote:det-säger"
    if verb.i > sent.start + 2 and doc[verb.i - 1].text == ",":
        # "Vägen … blir smärtsam för personalen, konstaterade han." : reported, no dash
        return doc[sent.start : verb.i - 1].text.strip(), "quote:reported"
    marker = next((t for t in doc[verb.i + 1 : sent.end] if t.lower_ == "att"), None)
    if marker is not None and marker.i <= verb.i + 3:
        return doc[marker.i + 1 : sent.end].text.strip().rstrip("."), "quote:indirect"
    return "", ""
