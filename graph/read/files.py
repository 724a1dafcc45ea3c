"""Input paths → Documents: files and folders of .txt, .html/.htm and .jsonl articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from graph.read.decode import decode
from graph.read.document import Document, ReadError, read_text
from graph.read.html_article import extract_html
from graph.read.json_lines import jsonl_documents

#: A reader turns one decoded file into its documents.
Reader = Callable[[str, Path], list[Document]]


def _text_documents(raw: str, path: Path) -> list[Document]:
    return [read_text(raw, doc_id=path.stem, path=str(path))]


def _html_documents(raw: str, path: Path) -> list[Document]:
    page = extract_html(raw)
    return [
        read_text(
            page.text,
            doc_id=path.stem,
            title=page.title,
            url=page.url,
            date=page.date,
            source=page.source,
            path=str(path),
        )
    ]


def _jsonl_documents(raw: str, path: Path) -> list[Document]:
    return _unique_ids(jsonl_documents(raw, path))


#: The readers by file suffix; help texts and errors list what is here.
READERS: dict[str, Reader] = {
    ".txt": _text_documents,
    ".html": _html_documents,
    ".htm": _html_documents,
    ".jsonl": _jsonl_documents,
}
SUPPORTED_SUFFIXES = frozenset(READERS)


def supported_types() -> str:
    """The readable suffixes as a reader writes them: ".txt, .html, .htm or .jsonl"."""
    suffixes = list(READERS)
    return ", ".join(suffixes[:-1]) + " or " + suffixes[-1]


def read_paths(paths: Iterable[Path]) -> list[Document]:
    """Read files and folders (a folder: its files of a suffix in READERS, sorted by name).

    A file named twice is read once; ids are made unique across the whole read.
    """
    if isinstance(paths, str | Path):  # one path given bare: not its characters one by one
        paths = [Path(paths)]
    documents: list[Document] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        for file in _folder_files(path) if path.is_dir() else [path]:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                documents.extend(read_file(file))
    return _unique_ids(documents)


def read_file(path: Path) -> list[Document]:
    """Read one file with the reader of its suffix (.jsonl: one document a line)."""
    path = Path(path)
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file (read_paths reads folders)")
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"{path}: unsupported file type (use {supported_types()})")
    try:
        raw = decode(path.read_bytes())
    except OSError as error:
        raise ReadError(f"{path}: cannot be read ({error.strerror})") from None
    return reader(raw, path)


def _folder_files(folder: Path) -> list[Path]:
    """The article files directly in a folder; hidden files and READMEs are not articles."""
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.startswith(".")  # editor and macOS side files ("._x.txt")
        and p.stem.upper() != "README"
    )
    if not files:
        raise ReadError(f"{folder}: folder has no articles (no {supported_types()} files)")
    return files


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Give later documents with an id already used the suffix -2, -3, … (first one keeps it)."""
    used: set[str] = set()
    unique: list[Document] = []
    for document in documents:
        doc_id, n = document.id, 1
        while doc_id in used:
            n += 1
            doc_id = f"{document.id}-{n}"
        used.add(doc_id)
        unique.append(document if doc_id == document.id else replace(document, id=doc_id))
    return unique
