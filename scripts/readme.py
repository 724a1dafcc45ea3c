"""Keep README.md true: run the `kg` commands it shows, and write the figures it quotes.

    python scripts/readme.py            # check: say what differs, exit 1 if anything does
    python scripts/readme.py --write    # write README.md with what the commands print now

A *command block* is a fenced block whose first line starts with ``$ kg``. Each ``$ kg …``
line in it (continued over the following lines while a quote is open or a line ends in
a backslash, as a shell reads it) is run, and the lines after it, up to the next ``$``
line or the end of the block, are what it prints on standard output (progress and
status lines go to standard error and are not shown). The commands run in a sandbox
laid out as a checkout is after `kg build`: ``out/`` (a fresh build of the seeds),
``seeds/``, and ``../shared`` beside it (development data; see the README's
Development section).

The quality section, between ``<!-- quality: … -->`` and ``<!-- end of quality -->``, is
written from a measurement made here: the graph of the seeds the dev gold annotates and
of the news-dev passages, each built in memory and scored as `kg eval` scores it, with
recall per class and per property as the reference scorer (../shared/eval/score.py)
breaks it down. The model section's tables, between ``<!-- model: … -->`` and
``<!-- end of model -->``, are copied from training/model-card.md, which
``python -m training.evaluate`` writes.

tests/test_readme.py runs the same functions, so a README that no longer tells the truth
fails the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib.util
import json
import shlex
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language

    from graph.evaluate import Score

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
SEEDS = REPO / "seeds"
#: Development data, beside the repository (never needed by a user).
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
DEV_GOLD = EVAL / "gold-dev.jsonl"
NEWS_DEV = EVAL / "news-dev"
NEWS_GOLD = EVAL / "gold-news-dev.jsonl"
#: The seed articles the dev gold annotates (it says nothing about 001 and 003).
GOLD_SEEDS = ("000_8adb13b578de104f", "002_36c1be6c0ebd9dcc", "004_bb64b5817bba7c47")

MODEL_CARD = REPO / "training" / "model-card.md"
#: The model card's tables that the README's model section copies, by their header rows.
MODEL_TABLES = ("| measure | score | target |", "| test set | pipeline | PER | ORG | LOC | all |")
FENCE = "```"
PROMPT = "$ "


class Section(NamedTuple):
    """A part of the README that this script writes, between two comment lines."""

    start: str
    end: str

    def body(self, text: str) -> str:
        """What `text` holds between the markers."""
        begin = text.index(self.start) + len(self.start) + 1
        return text[begin : text.index(self.end, begin)]

    def written(self, text: str, body: str) -> str:
        """`text` with `body` between the markers."""
        begin = text.index(self.start) + len(self.start) + 1
        return text[:begin] + body + text[text.index(self.end, begin) :]


QUALITY = Section(
    "<!-- quality: written by python scripts/readme.py --write -->", "<!-- end of quality -->"
)
MODEL = Section(
    "<!-- model: copied from training/model-card.md by python scripts/readme.py --write -->",
    "<!-- end of model -->",
)


class Shown(NamedTuple):
    """A command the README shows, and the output it shows for it."""

    #: The command as written, continuation lines included ("$ " left out).
    command: str
    #: The words a shell would make of it.
    args: tuple[str, ...]
    #: What the README shows it printing.
    output: str
    #: Lines [start, end) of README.md (counted from 0) that hold the output.
    start: int
    end: int

    @property
    def needs_shared(self) -> bool:
        """Whether it reads development data from ../shared."""
        return any(arg.startswith("../shared") for arg in self.args)


def shown_commands(text: str) -> list[Shown]:
    """Every ``$ kg …`` command of every command block in `text`, with its shown output."""
    lines = text.split("\n")
    found: list[Shown] = []
    inside = False
    i = 0
    while i < len(lines):
        if lines[i].startswith(FENCE):
            inside = not inside and i + 1 < len(lines) and lines[i + 1].startswith(f"{PROMPT}kg ")
            i += 1
            continue
        if inside and lines[i].startswith(PROMPT):
            command, i = _command(lines, i)
            start = i
            while i < len(lines) and not lines[i].startswith((FENCE, PROMPT)):
                i += 1
            output = "".join(f"{line}\n" for line in lines[start:i])
            found.append(Shown(command, tuple(shlex.split(_joined(command))), output, start, i))
            continue
        i += 1
    return found


def _command(lines: Sequence[str], i: int) -> tuple[str, int]:
    """The command starting at line `i` (continued while a quote is open or a line ends
    in a backslash), and the index of the line after it."""
    command = lines[i].removeprefix(PROMPT)
    i += 1
    while command.endswith("\\") or not _complete(command):
        command += "\n" + lines[i]
        i += 1
    return command, i


def _joined(command: str) -> str:
    """The command with each backslash-newline removed, as a shell does outside quotes."""
    return command.replace("\\\n", "")


def _complete(command: str) -> bool:
    try:
        shlex.split(_joined(command))
    except ValueError:  # "No closing quotation"
        return False
    return True


def with_outputs(text: str, outputs: Sequence[str]) -> str:
    """`text` with the shown output of each command replaced by `outputs` (in order)."""
    lines = text.split("\n")
    shown = shown_commands(text)
    for command, output in reversed(list(zip(shown, outputs, strict=True))):
        lines[command.start : command.end] = output.splitlines()
    return "\n".join(lines)


def printed(output: str) -> str:
    """Output as the README can show it: no trailing spaces, no blank lines at the end."""
    lines = [line.rstrip() for line in output.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "".join(f"{line}\n" for line in lines)


# --- the sandbox ---------------------------------------------------------------------


@contextlib.contextmanager
def sandbox(out: Path | None = None, nlp: Language | None = None) -> Iterator[Path]:
    """A folder laid out as a checkout after `kg build`: seeds/, out/, ../shared beside it.

    `out` is a finished seed build to use as out/ (read only); without it the seeds are
    built here, with `nlp` (default: the shipped pipeline).
    """
    with tempfile.TemporaryDirectory(prefix="readme-") as temporary:
        root = Path(temporary) / "repo"
        root.mkdir()
        (root / "seeds").symlink_to(SEEDS, target_is_directory=True)
        if SHARED.is_dir():
            (root.parent / "shared").symlink_to(SHARED, target_is_directory=True)
        if out is not None:
            (root / "out").symlink_to(out.resolve(), target_is_directory=True)
        else:
            from graph.nlp import load
            from graph.pipeline import build
            from graph.read import read_paths

            build(read_paths([SEEDS]), root / "out", nlp or load())
        yield root


def run(args: Sequence[str], where: Path) -> str:
    """What `kg ARGS` prints on standard output when run in the folder `where`."""
    from click.testing import CliRunner

    from graph.cli import main

    if args[0] != "kg":
        raise ValueError(f"not a kg command: {shlex.join(args)}")
    with contextlib.chdir(where):
        result = CliRunner().invoke(main, list(args[1:]))
    if result.exit_code != 0:
        raise RuntimeError(f"{shlex.join(args)} failed ({result.exit_code}): {result.output}")
    return printed(result.stdout)


# --- the quality section -------------------------------------------------------------


class Measured(NamedTuple):
    """One corpus scored against its gold."""

    name: str
    documents: int
    score: Score
    by_class: dict[str, float]
    by_property: dict[str, float]


def reference_scorer() -> ModuleType:
    """../shared/eval/score.py, imported by path: its per-class and per-property breakdown."""
    spec = importlib.util.spec_from_file_location("reference_score", EVAL / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(name: str, gold: Path, inputs: Sequence[Path], nlp: Language) -> Measured:
    """Build `inputs` in memory and score them as `kg eval GOLD INPUTS` does."""
    from graph.evaluate import as_json
    from graph.read import read_paths
    from graph.scoring import score_build

    documents = {d.id for d in read_paths(list(inputs))}
    score = score_build(gold, inputs, nlp=nlp)
    with gold.open(encoding="utf-8-sig") as lines:
        raw = [json.loads(line) for line in lines if line.strip()]
    picked = [item for item in raw if item.get("doc") in documents]
    breakdown = reference_scorer().breakdown(picked, as_json(score))
    return Measured(
        name,
        len(documents),
        score,
        breakdown["recall_by_class"],
        breakdown["recall_by_property"],
    )


def measurements(nlp: Language) -> list[Measured]:
    """The seeds the dev gold annotates, and the news-dev passages."""
    seeds = [SEEDS / f"{doc_id}.txt" for doc_id in GOLD_SEEDS]
    return [
        measure("seeds 000, 002, 004", DEV_GOLD, seeds, nlp),
        measure("news-dev", NEWS_GOLD, [NEWS_DEV], nlp),
    ]


def quality_section(measured: Sequence[Measured]) -> str:
    """The markdown between the quality markers."""
    rows = [
        f"| {m.name} | {m.documents} | {_rates(m.score, 'entity')} | {_rates(m.score, 'fact')} |"
        for m in measured
    ]
    lines = [
        "| measured on | documents | entities P | R | F1 | facts P | R | F1 |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        *_recall_table("class", [m.by_class for m in measured], measured),
        "",
        *_recall_table("property", [m.by_property for m in measured], measured),
    ]
    return "\n".join(lines) + "\n"


def _rates(score: Score, kind: str) -> str:
    values = (getattr(score, f"{kind}_{m}") for m in ("precision", "recall", "f1"))
    return " | ".join(f"{value:.3f}" for value in values)


def _recall_table(
    what: str, recalls: Sequence[dict[str, float]], measured: Sequence[Measured]
) -> list[str]:
    keys = sorted({key for recall in recalls for key in recall})
    return [
        f"| recall by {what} | {' | '.join(m.name for m in measured)} |",
        "|---|" + "---|" * len(measured),
        *(
            f"| {key} | "
            + " | ".join(f"{r[key]:.3f}" if key in r else "–" for r in recalls)
            + " |"
            for key in keys
        ),
    ]


def model_tables(card: str) -> str:
    """The tables of the model card (training/model-card.md) that the README shows."""
    lines = card.split("\n")
    tables: list[str] = []
    for header in MODEL_TABLES:
        start = lines.index(header)
        end = start
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        tables.append("".join(f"{line}\n" for line in lines[start:end]))
    return "\n".join(tables)


# --- check or write ------------------------------------------------------------------


def current(text: str, where: Path, nlp: Language) -> str:
    """`text` with every command's output, the quality figures and the model card's as now."""
    outputs = [run(shown.args, where) for shown in shown_commands(text)]
    text = QUALITY.written(with_outputs(text, outputs), quality_section(measurements(nlp)))
    return MODEL.written(text, model_tables(MODEL_CARD.read_text(encoding="utf-8")))


def main(argv: Sequence[str] | None = None, say: Callable[[str], object] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite README.md")
    options = parser.parse_args(argv)
    if not SHARED.is_dir():
        say(f"Error: {SHARED} is not beside the repository: the README's figures need it")
        return 2
    from graph.nlp import load

    nlp = load()
    text = README.read_text(encoding="utf-8")
    with sandbox(nlp=nlp) as where:
        now = current(text, where, nlp)
    if options.write:
        README.write_text(now, encoding="utf-8")
        say(f"{README.relative_to(REPO)} written")
        return 0
    difference = list(difflib.unified_diff(text.splitlines(), now.splitlines(), lineterm=""))
    for line in difference:
        say(line)
    return 1 if difference else 0


if __name__ == "__main__":
    sys.exit(main())
