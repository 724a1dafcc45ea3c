"""Measure what each improvement step over spaCy's default config gave.

    python -m training.steps

Each step trains the syntax pipeline with configs/syntax.cfg plus the step's
overrides (into training/runs/steps/<name>/, reused if present; the shipped
run of training.build is the "pretrained" step) and scores it
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
from training.build import (
    BEST,
    PRETRAIN_RUN,
    SYNTAX_CONFIG,
    add_lemma_lookup,
    start_pretraining,
    start_training,
    wait,
)
from training.lexicon import add_lexicon_pos


class Step(NamedTuple):
    """One row of the improvement table."""

    name: str
    change: str
    overrides: dict[str, str]
    lemma_lookup: bool = False
    lexicon_pos: bool = False  # the hunspell-sv constraint on unseen words' tags (needs the lookup)


# spaCy's `init config -l sv -o efficiency` values, the starting point.
DEFAULTS = {
    "components.tok2vec.model.encode.width": "96",
    "components.tok2vec.model.embed.rows": "[5000, 1000, 2500, 2500]",
    "training.dropout": "0.1",
    "training.max_steps": "2000",
}
NO_PRETRAINING = {"paths.init_tok2vec": "null"}

STEPS = [
    Step("baseline", "spaCy's efficiency config, 2,000 steps", {**DEFAULTS, **NO_PRETRAINING}),
    Step(
        "wider",
        "width 128, larger hash tables, dropout 0.2, 3,000 steps",
        NO_PRETRAINING,
    ),
    Step("pretrained", "+ tok2vec pretrained on the raw training sentences", {}),
    Step("pretrained", "+ lemma lookup fallback", {}, lemma_lookup=True),
    Step(
        "pretrained",
        "+ hunspell-sv word classes for unseen words' tags (shipped)",
        {},
        lemma_lookup=True,
        lexicon_pos=True,
    ),
]


def measure(step: Step) -> dict[str, object]:
    """Train (unless done before) and score one step."""
    run = paths.RUNS_DIR / "steps" / step.name
    if not (run / BEST).exists():
        if not (PRETRAIN_RUN / "model-last.bin").exists():
            wait(start_pretraining(SYNTAX_CONFIG, PRETRAIN_RUN))
        wait(start_training(SYNTAX_CONFIG, run, step.overrides))
    nlp = spacy.load(run / BEST)
    if step.lemma_lookup:
        add_lemma_lookup(nlp)
    if step.lexicon_pos:
        add_lexicon_pos(nlp)
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
