"""The `Document` every later stage reads, and cleaning one article's text into it."""

from __future__ import annotations

from dataclasses import dataclass

from graph.errors import KgError
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


class ReadError(KgError):
    """Input that cannot be read; the message is one line naming the file and the problem."""


def read_text(
    raw: str,
    *,
    doc_id: str,
    where: str | None = None,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Document:
    """Clean one article given as a string (plain text, possibly scraped) into a Document.

    Without a `title`, a short first paragraph that reads like a headline becomes the
    title; without a `date`, a dateline in the text ("2008-04-23 04:00") gives it.
    `where` names the input in error messages (a file, a line of one); it defaults to
    `path`, else `doc_id`.
    """
    cleaned = clean(normalise(raw))
    if not cleaned.paragraphs:
        where = where or path or doc_id
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
