"""README.md tells the truth: its commands table is the CLI's, every --help has an example.

scripts/readme.py runs the README's `$ kg …` commands and writes their outputs and the
quality figures; the tests here check its reading and rewriting of a README on an
invented one, and the parts of the real README that need no build.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest
from click.testing import CliRunner

from graph.cli import main

REPO = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme", REPO / "scripts" / "readme.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme"] = module  # a NamedTuple's module must be importable by name
    spec.loader.exec_module(module)
    return module


readme = _script()
TEXT = readme.README.read_text(encoding="utf-8")

INVENTED = """# Ett verktyg

```
$ python3 -m venv .venv && kg build
```

```
$ kg query 'SELECT ?x WHERE {
    ?x a kg:Agency
  }'
x
--
(0 rows)
$ kg eval gold.jsonl a.txt \\
      b.txt
entities  1.000
```

```
$ dask scheduler
$ kg build archive/ --cluster local:2
```

<!-- quality: written by python scripts/readme.py --write -->
| old | figures |
<!-- end of quality -->
"""


# --- reading and rewriting a README ---------------------------------------------------


def test_commands_are_read_with_their_continuation_lines_and_outputs() -> None:
    shown = readme.shown_commands(INVENTED)
    assert [s.args for s in shown] == [
        ("kg", "query", "SELECT ?x WHERE {\n    ?x a kg:Agency\n  }"),
        ("kg", "eval", "gold.jsonl", "a.txt", "b.txt"),
    ]
    assert [s.output for s in shown] == ["x\n--\n(0 rows)\n", "entities  1.000\n"]


def test_blocks_that_do_not_start_with_kg_are_not_run() -> None:
    commands = [s.command for s in readme.shown_commands(INVENTED)]
    assert not any("venv" in c or "cluster" in c for c in commands)


def test_outputs_are_written_in_place_of_the_shown_ones() -> None:
    written = readme.with_outputs(INVENTED, ["x\n--\n(1 row)\n", "entities  0.900\nfacts  1.0\n"])
    assert [s.output for s in readme.shown_commands(written)] == [
        "x\n--\n(1 row)\n",
        "entities  0.900\nfacts  1.0\n",
    ]
    assert written.replace("(1 row)", "(0 rows)").replace("0.900\nfacts  1.0", "1.000") == INVENTED


def test_a_section_is_replaced_between_its_markers() -> None:
    assert readme.QUALITY.body(INVENTED) == "| old | figures |\n"
    written = readme.QUALITY.written(INVENTED, "| new |\n| figures |\n")
    assert readme.QUALITY.body(written) == "| new |\n| figures |\n"
    assert written.replace("| new |\n| figures |", "| old | figures |") == INVENTED


def test_the_model_section_is_the_model_cards_tables() -> None:
    card = readme.MODEL_CARD.read_text(encoding="utf-8")
    assert readme.MODEL.body(TEXT) == readme.model_tables(card)
    for header in readme.MODEL_TABLES:
        assert header in readme.MODEL.body(TEXT)


def test_printed_output_loses_trailing_spaces_and_blank_lines() -> None:
    assert readme.printed("a  \nb\n\n\n") == "a\nb\n"


# --- the commands table ---------------------------------------------------------------


def table_lines() -> dict[str, list[str]]:
    """The lines of the README's commands table, by the command they describe."""
    block = TEXT.split("## Commands\n", 1)[1].split("```\n", 2)[1]
    lines: dict[str, list[str]] = {}
    for line in block.splitlines():
        found = re.match(r"kg (\w+)", line)
        if found:
            lines.setdefault(found[1], []).append(line)
    return lines


def command(name: str) -> click.Command:
    found = main.commands.get(name)
    assert found is not None, f"the table names kg {name}, which the CLI does not have"
    return found


def option_names(cmd: click.Command) -> dict[str, click.Parameter]:
    return {name: p for p in cmd.params for name in (*p.opts, *p.secondary_opts)}


def test_the_table_describes_every_command() -> None:
    assert set(table_lines()) == set(main.commands)


@pytest.mark.parametrize("name", sorted(table_lines()))
def test_every_option_in_the_table_exists(name: str) -> None:
    known = option_names(command(name))
    for line in table_lines()[name]:
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", line):
            assert option in known, f"kg {name} has no {option} (README: {line.strip()})"


@pytest.mark.parametrize("name", sorted(table_lines()))
def test_the_choices_in_the_table_are_the_cli_choices(name: str) -> None:
    known = option_names(command(name))
    for line in table_lines()[name]:
        for option, choices in re.findall(r"(--[a-z][\w-]*) ([a-z]+(?:\|[a-z]+)+)\b", line):
            kind = known[option].type
            assert isinstance(kind, click.Choice), option
            assert choices.split("|") == list(kind.choices), line


# --- help -------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], *([name] for name in sorted(main.commands))])
def test_every_help_has_an_example(args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^\s+kg \w+.*$", result.stdout, re.MULTILINE), result.stdout
