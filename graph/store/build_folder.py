"""The build folder a user names with --out: only ever one a build made, never left missing.

- A build writes a marker file into every folder it makes; an existing folder without
  it (a home folder, the input articles, notes) is refused and left untouched.
- The new folder takes the old one's place in one atomic step (Linux renameat2 with
  RENAME_EXCHANGE), so at every instant `out` is the old build or the new one; where
  the system cannot exchange, the old folder is set aside first and a later build puts
  it back if the process died in between.
- Staging and set-aside folders a killed build left behind are removed by the next one.
- A lock beside the folder refuses a second build into it while one is writing.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.layout import MARKER
from graph.store.errors import StoreError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def check_target(out: Path) -> None:
    """Refuse an --out that is not a folder an earlier build made (or a new, empty one)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise StoreError(f"--out {out}: is not a folder; name a folder for the build")
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        raise StoreError(
            f"--out {out}: the folder holds files that no build wrote; "
            "name an empty or new folder, or an earlier build's"
        )


def mark(folder: Path) -> None:
    (folder / MARKER).write_text("made by kg build; kg build may replace this folder\n")


def staging_prefix(out: Path) -> str:
    return f".{out.name}-"


@contextmanager
def claimed(out: Path) -> Iterator[None]:
    """Hold the build lock of `out` and tidy what a killed build left beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with (out.parent / f".{out.name}.lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(
                f"--out {out}: another build is writing this folder; try again when it is done"
            ) from None
        _recover(out)
        yield


def _leftovers(out: Path) -> list[Path]:
    """Folders beside `out` that a build made (marked) under its staging prefix."""
    return [
        p
        for p in out.parent.glob(staging_prefix(out) + "*")
        if p.is_dir() and not p.is_symlink() and (p / MARKER).exists()
    ]


def _recover(out: Path) -> None:
    leftovers = _leftovers(out)
    if not out.exists():  # died between setting the old build aside and moving the new in
        aside = [p for p in leftovers if p.name.startswith(f".{out.name}-old-")]
        if aside:
            os.rename(aside[0], out)
            leftovers.remove(aside[0])
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Put folder `new` at `target`; the old `target` stays until the new one is in place."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old build
        return
    aside = target.with_name(f".{target.name}-old-{os.getpid()}")
    shutil.rmtree(aside, ignore_errors=True)
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (renameat2 RENAME_EXCHANGE); False where it is not offered."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))
