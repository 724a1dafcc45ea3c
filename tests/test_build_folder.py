"""--out is only ever a folder a build made, and it is never missing (graph.store.build_folder)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from spacy.language import Language

from graph.cli import main
from graph.layout import MARKER, STORE_DIR, TURTLE_FILE
from graph.pipeline import build
from graph.read import read_paths
from graph.store import StoreError, build_folder
from graph.store.build_folder import claimed, swap_in

ARTICLE = "Skatteverket anställer 40 handläggare i Gävle. Det säger Anna Berg, HR-chef.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "nyhet.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def kg_build(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *map(str, args)])
    return result.exit_code, result.output


def notes_folder(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.md").write_text("keep me", encoding="utf-8")
    return tmp_path / "notes"


def notes_file(tmp_path: Path) -> Path:
    (tmp_path / "notes.md").write_text("keep me", encoding="utf-8")
    return tmp_path / "notes.md"


def input_folder(tmp_path: Path) -> Path:
    return tmp_path  # where the article itself is


@pytest.mark.parametrize("existing", [notes_folder, notes_file, input_folder])
def test_a_target_no_build_made_is_refused_and_left_untouched(
    tmp_path: Path, article: Path, existing: Callable[[Path], Path]
) -> None:
    target = existing(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, output = kg_build(article, "--out", target)
    assert code != 0
    assert output.startswith("Error: --out ") and output.count("\n") == 1, output
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_an_earlier_build_is_replaced_and_marked(
    tmp_path: Path, article: Path, nlp: Language
) -> None:
    out = tmp_path / "out"
    build(read_paths([article]), out, nlp)
    assert (out / MARKER).exists() and (out / TURTLE_FILE).exists()
    (out / TURTLE_FILE).write_text("# stale", encoding="utf-8")
    build(read_paths([article]), out, nlp)
    assert "Skatteverket" in (out / TURTLE_FILE).read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == [".out.lock"]


def test_a_second_build_into_the_same_folder_is_refused_while_one_writes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with (
        claimed(out),
        pytest.raises(StoreError, match="another build is writing"),
        claimed(out),
    ):
        pass


def test_what_a_killed_build_left_is_tidied_and_a_set_aside_build_put_back(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    for name in (".out-x1y2", ".out-old-4242"):
        (tmp_path / name).mkdir()
        (tmp_path / name / MARKER).write_text("")
    (tmp_path / ".out-mine").mkdir()  # not a build's: never touched
    with claimed(out):
        pass
    assert (out / MARKER).exists()  # the set-aside build is back
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out-mine", ".out.lock", "out"]


def test_a_build_killed_at_any_moment_leaves_a_whole_graph(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-c", "from graph.cli import main; main()", "build", str(article)]
    command += ["--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    first = Graph().parse(out / TURTLE_FILE)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        staged = [p for p in tmp_path.glob(".out-*") if (p / STORE_DIR).exists()]
        if staged:  # the new build is being written: kill it there, as a power cut would
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    process.wait()
    assert len(Graph().parse(out / TURTLE_FILE)) == len(first)
    subprocess.run(command, check=True, capture_output=True)
    assert not [p for p in tmp_path.glob(".out-*")]


def old_and_new(tmp_path: Path) -> tuple[Path, Path]:
    target, new = tmp_path / "out", tmp_path / ".out-new"
    for folder, text in ((target, "old"), (new, "new")):
        folder.mkdir()
        (folder / TURTLE_FILE).write_text(text, encoding="utf-8")
    return target, new


def test_a_swap_puts_the_new_folder_in_place_and_removes_the_old(tmp_path: Path) -> None:
    target, new = old_and_new(tmp_path)
    swap_in(new, target)
    assert (target / TURTLE_FILE).read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "set aside"])
def test_a_failed_swap_leaves_the_old_folder_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    """The new folder is gone when its move comes (a real rename fails): the old one stays."""
    if not exchange:  # as on a system without RENAME_EXCHANGE: set aside, move, put back
        monkeypatch.setattr(build_folder, "_exchange", lambda a, b: False)
    target, new = old_and_new(tmp_path)
    shutil.rmtree(new)
    with pytest.raises(FileNotFoundError):
        swap_in(new, target)
    assert (target / TURTLE_FILE).read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
