"""Measure what each improvement step over spaCy's default config gave.

    python -m training.steps

Each step trains the syntax pipeline with configs/syntax.cfg plus the step's
overrides (into training/runs/steps/<name>/, reused if present) and scores it
on the Talbanken dev slice, which decides, and on PUD, which is only reported.
The rows go to training/steps.json, from which training.evaluate writes the
table in the model card.
"""

from __future__ import annotations

import json
from typing import NamedTuple

import spacy
from spacy.tokens import DocBin

from training import conllu, paths, scoring
from training.build import BEST, add_lemma_lookup, start_training, wait


class Step(NamedTuple):
    """One row of the improvement table."""

    name: str
    change: str
    overrides: dict[str, str]
    lemma_lookup: bool = False


# spaCy's `init config -l sv -o efficiency` values, the starting point.
DEFAULTS = {
    "components.tok2vec.model.encode.width": "96",
    "components.tok2vec.model.embed.rows": "[5000, 1000, 2500, 2500]",
    "training.dropout": "0.1",
    "training.max_steps": "2000",
}

STEPS = [
    Step("baseline", "spaCy's efficiency config, 2,000 steps", DEFAULTS),
    Step("final-config", "configs/syntax.cfg (see its header)", {}),
    Step("final-config", "+ lemma lookup fallback for unseen words", {}, lemma_lookup=True),
]


def measure(step: Step) -> dict[str, object]:
    """Train (unless done before) and score one step."""
    run = paths.RUNS_DIR / "steps" / step.name
    if not (run / BEST).exists():
        wait(start_training(paths.CONFIG_DIR / "syntax.cfg", run, step.overrides))
    nlp = spacy.load(run / BEST)
    if step.lemma_lookup:
        add_lemma_lookup(nlp)
    dev = list(DocBin().from_disk(paths.SYNTAX_DEV).get_docs(nlp.vocab))
    pud = conllu.read_docs(paths.PUD, nlp.vocab, sentences_per_doc=1)
    return {
        "name": step.name,
        "change": step.change,
        "dev": scoring.score_syntax(nlp, dev)._asdict(),
        "pud": scoring.score_syntax(nlp, pud)._asdict(),
    }


def main() -> None:
    """Measure every step and write training/steps.json."""
    rows = []
    for step in STEPS:
        rows.append(measure(step))
        print(json.dumps(rows[-1]))
    paths.STEPS_FILE.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
