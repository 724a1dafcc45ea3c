"""Measure what each improvement step over spaCy's default config gave.

    python -m training.steps

Each step trains the syntax pipeline with configs/syntax.cfg plus the step's
overrides (into training/runs/steps/<name>/, reused if present), after
pretraining its tok2vec with the same overrides when the step pretrains
(training/runs/steps/<name>-pretrain/), and scores it on the Talbanken dev
slice, which decides, on the same slice with news quotes and dashes
(training.augment.with_news_marks), and on PUD, which is only reported. The last step is
the shipped configuration. The rows go to training/steps.json, from which
training.evaluate writes the table in the model card.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.tokens import DocBin

from training import conllu, paths, scoring
from training.augment import with_news_marks
from training.build import (
    BEST,
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
    pretrained: bool = True  # the tok2vec starts from `spacy pretrain` weights
    lemma_lookup: bool = False
    lexicon_pos: bool = False  # the hunspell-sv constraint on unseen words' tags (needs the lookup)
    lemma_edits: bool = False  # the lookup's entries checked against the treebank's edits


# spaCy's `init config -l sv -o efficiency` values, the starting point.
DEFAULTS = {
    "components.tok2vec.model.encode.width": "96",
    "components.tok2vec.model.embed.rows": "[5000, 1000, 2500, 2500]",
    "training.dropout": "0.1",
    "training.max_steps": "2000",
}
NO_SIGNATURES = {"components.tok2vec.model.embed.signature_rows": "0"}  # spaCy's MultiHashEmbed
NOT_AVERAGED = {
    "training.optimizer.use_averages": "false",
    "components.parser.min_action_freq": "30",
}
NO_NEWS_MARKS = {"corpora.train.augmenter.level": "0"}  # training/augment.py: no augmenter
EARLY = {**NO_SIGNATURES, **NOT_AVERAGED, **NO_NEWS_MARKS}

STEPS = [
    Step(
        "baseline",
        "spaCy's efficiency config, 2,000 steps",
        {**DEFAULTS, **EARLY},
        pretrained=False,
    ),
    Step(
        "wider",
        "width 128, larger hash tables, dropout 0.2, 3,000 steps",
        EARLY,
        pretrained=False,
    ),
    Step("pretrained", "+ tok2vec pretrained on the raw training sentences", EARLY),
    Step("pretrained", "+ lemma lookup fallback", EARLY, lemma_lookup=True),
    Step(
        "pretrained",
        "+ hunspell-sv word classes for unseen words' tags",
        EARLY,
        lemma_lookup=True,
        lexicon_pos=True,
    ),
    Step(
        "averaged",
        "+ averaged weights; parser labels seen 5 times kept (not 30); 4,000 steps",
        {**NO_SIGNATURES, **NO_NEWS_MARKS, "training.max_steps": "4000"},
        lemma_lookup=True,
        lexicon_pos=True,
    ),
    Step(
        "signatures",
        "+ hunspell-sv signatures as a tok2vec feature",
        NO_NEWS_MARKS,
        lemma_lookup=True,
        lexicon_pos=True,
    ),
    Step(
        "signatures",
        "+ lookup entries checked against the treebank's lemma edits",
        NO_NEWS_MARKS,
        lemma_lookup=True,
        lexicon_pos=True,
        lemma_edits=True,
    ),
    Step(
        "news-marks",
        "+ news quotes and dashes in half of the training documents (shipped)",
        {},
        lemma_lookup=True,
        lexicon_pos=True,
        lemma_edits=True,
    ),
]


def train(step: Step) -> Path:
    """The step's trained pipeline: pretrain and train it unless done before."""
    run = paths.RUNS_DIR / "steps" / step.name
    if not (run / BEST).exists():
        overrides = {**step.overrides, "paths.init_tok2vec": "null"}
        if step.pretrained:
            pretrain_run = run.with_name(f"{step.name}-pretrain")
            if not (pretrain_run / "model-last.bin").exists():
                wait(start_pretraining(SYNTAX_CONFIG, pretrain_run, step.overrides))
            overrides["paths.init_tok2vec"] = str(pretrain_run / "model-last.bin")
        wait(start_training(SYNTAX_CONFIG, run, overrides))
    return run / BEST


def measure(step: Step) -> dict[str, object]:
    """Train (unless done before) and score one step."""
    nlp = spacy.load(train(step))
    if step.lemma_lookup:
        add_lemma_lookup(nlp, check_edits=step.lemma_edits)
    if step.lexicon_pos:
        add_lexicon_pos(nlp)
    dev = list(DocBin().from_disk(paths.SYNTAX_DEV).get_docs(nlp.vocab))
    dev_news_marks = [with_news_marks(doc) for doc in dev]
    pud = conllu.read_docs(paths.PUD, nlp.vocab, sentences_per_doc=1)
    return {
        "name": step.name,
        "change": step.change,
        "dev": scoring.score_syntax(nlp, dev)._asdict(),
        "dev_news_marks": scoring.score_syntax(nlp, dev_news_marks)._asdict(),
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
