"""Recompute every figure of the model card and write training/model-card.md.

    python -m training.evaluate [--model graph/model]

- Syntax on UD Swedish-PUD (held out: never trained or tuned on): UPOS,
  morphology, lemma accuracy, UAS, LAS, on PUD's gold tokens.
- Names on the UNER Talbanken test split and the Swedish NER corpus test
  split: precision, recall and F1 per label.
- Speed: words per second of `nlp.pipe` on one core, for the shipped
  pipeline alone and for graph.nlp.load() (news rules and whatever
  components the project added after the trained ones).
- The improvement table, read from training/steps.json (written by
  `python -m training.steps`).
"""

from __future__ import annotations

import os

# One core for the speed figure: the BLAS libraries read these when numpy loads.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

import graph.nlp  # noqa: E402  (registers the pipeline's own components)
from training import conllu, ner_data, paths, scoring  # noqa: E402
from training.model_card import CardFigures, render_card  # noqa: E402

# The gazetteer rulers of graph.nlp.load() label names by their class in the
# vocabulary; the NER test sets know only PER, ORG and LOC.
GAZETTEER_LABELS = {"Agency": "ORG", "Organization": "ORG", "Place": "LOC"}


def evaluate(model_dir: Path) -> CardFigures:
    """Compute every model-card figure for the pipeline in `model_dir`."""
    nlp = spacy.load(model_dir)
    pud = conllu.read_docs(paths.PUD, nlp.vocab, sentences_per_doc=1)
    uner_test = ner_data.group_docs(nlp.vocab, ner_data.read_iob2(paths.UNER_TEST), 1)
    news_test = ner_data.group_docs(nlp.vocab, ner_data.read_ner_corpus(paths.NER_CORPUS_TEST), 1)
    texts = [doc.text for doc in pud]
    runtime = _runtime_pipeline(model_dir)
    return CardFigures(
        meta=nlp.meta,
        pipeline=nlp.pipe_names,
        pud=scoring.score_syntax(nlp, pud),
        uner_test=scoring.score_ner(nlp, uner_test),
        news_test=scoring.score_ner(nlp, news_test),
        uner_test_runtime=scoring.score_ner(runtime, uner_test, renamed=GAZETTEER_LABELS),
        news_test_runtime=scoring.score_ner(runtime, news_test, renamed=GAZETTEER_LABELS),
        words_per_second=scoring.words_per_second(nlp, texts),
        runtime_words_per_second=scoring.words_per_second(runtime, texts),
        size_mb=sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file()) / 1e6,
        steps=_read_steps(),
    )


def _runtime_pipeline(model_dir: Path) -> Language:
    """The pipeline as graph.nlp.load() builds it, from `model_dir`."""
    if model_dir.resolve() == graph.nlp.MODEL_DIR.resolve():
        return graph.nlp.load()
    return spacy.load(model_dir)


def _read_steps() -> list[dict[str, object]]:
    """The improvement table rows recorded by training.steps, if any."""
    if not paths.STEPS_FILE.exists():
        return []
    rows: list[dict[str, object]] = json.loads(paths.STEPS_FILE.read_text(encoding="utf-8"))
    return rows


def main() -> None:
    """Evaluate the shipped pipeline and write the model card."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=paths.MODEL_DIR)
    parser.add_argument("--card", type=Path, default=paths.MODEL_CARD)
    args = parser.parse_args()
    figures = evaluate(args.model)
    args.card.write_text(render_card(figures), encoding="utf-8")
    print(f"wrote {args.card}")
    print(
        f"PUD: UPOS {figures.pud.upos:.3f} UAS {figures.pud.uas:.3f} "
        f"LAS {figures.pud.las:.3f} lemma {figures.pud.lemma:.3f}; "
        f"NER F1 UNER {figures.uner_test.micro.f1:.3f} news {figures.news_test.micro.f1:.3f}; "
        f"{figures.words_per_second:,.0f} words/s"
    )


if __name__ == "__main__":
    main()
