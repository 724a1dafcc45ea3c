"""The build cache: each document's analysis on disk, keyed by a hash of its content.

A build folder keeps ``cache/``: one pickle per document (its `Analysis`: the records
the extractors gave, before any cross-document resolution) and ``manifest.json``, the
key of each document id built. The next build into the same folder analyses only the
documents whose key is new, reuses the others' pickles, and runs resolution and RDF over
all of them again, so its output is what a fresh build would give. A key hashes the
document's fields and a fingerprint of the code, word lists and model that made the
analysis: editing any of them makes every key new.

The pickles are the build's own files; a cache folder from somewhere untrusted should be
deleted (or the build run with ``--full``), as with any pickle.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from graph.read import Document
from graph.vocab import ontology_dir

if TYPE_CHECKING:
    from graph.pipeline import Analysis

MANIFEST_FILE = "manifest.json"
#: Files past this size (the model's weights) enter the fingerprint by size and time only.
_HASHED_FILE_SIZE = 1 << 20


class Changes(NamedTuple):
    """How the documents of a build compare with the previous build in the same folder."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    reused: tuple[str, ...]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of what makes an analysis: the graph package (code, model, word lists) and the
    ontology's gazetteers."""
    digest = hashlib.sha256()
    for root in (Path(__file__).parent, ontology_dir()):
        for path in sorted(root.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            stat = path.stat()
            digest.update(str(path.relative_to(root)).encode())
            if stat.st_size <= _HASHED_FILE_SIZE:
                digest.update(path.read_bytes())
            else:
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def document_key(document: Document) -> str:
    """The cache key of a document: its fields that the graph is made of, and the fingerprint."""
    fields = [document.id, document.text, document.title, document.url, document.date]
    fields.append(document.source)
    payload = json.dumps([fingerprint(), *fields], ensure_ascii=False).encode()
    return hashlib.sha256(payload).hexdigest()


class BuildCache:
    """The previous build's cache (read) and the new one being written in the staging folder."""

    def __init__(self, previous: Path | None, new: Path) -> None:
        self.previous = previous if previous and (previous / MANIFEST_FILE).is_file() else None
        self.new = new
        new.mkdir(parents=True, exist_ok=True)
        self.keys: dict[str, str] = {}

    def changes(self, documents: Sequence[Document]) -> tuple[Changes, list[Document]]:
        """What changed since the previous build, and the documents to analyse again."""
        old: dict[str, str] = {}
        if self.previous:
            old = json.loads((self.previous / MANIFEST_FILE).read_text(encoding="utf-8"))
        self.keys = {d.id: document_key(d) for d in documents}
        reused = [d for d in documents if old.get(d.id) == self.keys[d.id] and self._keep(d.id)]
        kept = {d.id for d in reused}
        changes = Changes(
            added=tuple(d.id for d in documents if d.id not in old),
            changed=tuple(d.id for d in documents if d.id in old and d.id not in kept),
            removed=tuple(sorted(set(old) - set(self.keys))),
            reused=tuple(d.id for d in reused),
        )
        return changes, [d for d in documents if d.id not in kept]

    def put(self, analysis: Analysis) -> None:
        path = self._file(self.new, analysis.facts.document.id)
        with path.open("wb") as file:
            pickle.dump(analysis, file, protocol=pickle.HIGHEST_PROTOCOL)

    def get(self, document: Document) -> Analysis:
        """A document's analysis from the new cache, with the document as read this time
        (its path may have changed; nothing of the graph has)."""
        with self._file(self.new, document.id).open("rb") as file:
            analysis: Analysis = pickle.load(file)
        return analysis._replace(facts=analysis.facts._replace(document=document))

    def finish(self) -> None:
        """Write the manifest: the cache now answers for these documents."""
        manifest = json.dumps(self.keys, ensure_ascii=False, indent=0, sort_keys=True)
        (self.new / MANIFEST_FILE).write_text(manifest, encoding="utf-8")

    def _keep(self, doc_id: str) -> bool:
        """Carry a document's pickle over from the previous cache (a hard link where possible)."""
        assert self.previous is not None
        source, target = self._file(self.previous, doc_id), self._file(self.new, doc_id)
        if not source.is_file():
            return False
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        return True

    def _file(self, folder: Path, doc_id: str) -> Path:
        return folder / f"{self.keys[doc_id]}.pickle"
