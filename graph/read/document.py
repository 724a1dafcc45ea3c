"""The `Document` every later stage reads, and cleaning one article's text into it."""

from __future__ import annotations

from dataclasses import dataclass

from graph.read.clean import clean, looks_like_headline
from graph.read.decode import inline, normalise


@dataclass(frozen=True)
class Document:
    """One article, ready for the language pipeline."""

    id: str  # stable and unique within one read: file stem, or a JSON record's "id"
    text: str  # clean article text, paragraphs separated by "\n\n"
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None  # outlet name if given
    path: str | None = None  # the file it came from


class ReadError(Exception):
    """Input that cannot be read; the message is one line naming the file and the problem."""


def read_text(
    raw: str,
    *,
    doc_id: str,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Document:
    """Clean one article given as a string (plain text, possibly scraped) into a Document.

    Without a `title`, a short first paragraph that reads like a headline becomes the
    title; without a `date`, a dateline in the text ("2008-04-23 04:00") gives it.
    """
    return make_document(raw, doc_id=doc_id, where=path or doc_id, title=title, url=url,
                         date=date, source=source, path=path)


def make_document(
    raw: str,
    *,
    doc_id: str,
    where: str,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Document:
    """`read_text`, with `where` naming the input in error messages (a file, a line of one)."""
    cleaned = clean(normalise(raw))
    if not cleaned.paragraphs:
        raise ReadError(f"{where}: empty article (no text left after removing boilerplate)")
    first = cleaned.paragraphs[0]
    if title is None and looks_like_headline(first):
        title = first
    return Document(
        id=doc_id,
        text="\n\n".join(cleaned.paragraphs),
        title=inline(title) if title else None,
        url=url,
        date=date or cleaned.date,
        source=source,
        path=path,
    )
