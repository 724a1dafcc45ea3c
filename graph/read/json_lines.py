"""JSON Lines input: one article a line, {"text": …} with optional metadata."""

from __future__ import annotations

import json
from pathlib import Path

from graph.read.decode import inline
from graph.read.document import Document, ReadError, read_text


def jsonl_documents(raw: str, path: Path) -> list[Document]:
    """One document per non-blank line: {"text": …, "title"?, "url"?, "date"?, "source"?, "id"?}.

    A record without an "id" is named for the file and its line ("articles-3").
    """
    documents: list[Document] = []
    # Split on "\n" only: JSON strings may hold a raw U+2028, which str.splitlines breaks on.
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ReadError(f"{path}: invalid JSON on line {number} ({error.msg})") from None
        if not isinstance(record, dict):
            raise ReadError(f'{where}: expected a JSON object with "text"')
        text = record.get("text")
        if text is None:
            raise ReadError(f'{where}: record has no "text"')
        if not isinstance(text, str):
            raise ReadError(f'{where}: "text" is not a string')
        documents.append(
            read_text(
                text,
                doc_id=_record_field(record, "id") or f"{path.stem}-{number}",
                where=where,
                title=_record_field(record, "title"),
                url=_record_field(record, "url"),
                date=_record_field(record, "date"),
                source=_record_field(record, "source"),
                path=str(path),
            )
        )
    if not documents:
        raise ReadError(f"{path}: no articles (the file has no JSON lines)")
    return documents


def _record_field(record: dict[str, object], key: str) -> str | None:
    """A metadata field as a string (numbers too, as ids often are), or None if absent or blank."""
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return inline(str(value)) or None
