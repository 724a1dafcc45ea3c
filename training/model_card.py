"""Render the model card (training/model-card.md) from measured figures."""

from __future__ import annotations

from typing import Any, NamedTuple

from training.ner_data import LABELS
from training.scoring import NerScores, SyntaxScores

TARGETS = {"UPOS": 0.91, "UAS": 0.76, "LAS": 0.68, "lemma": 0.92}


class CardFigures(NamedTuple):
    """Everything the model card reports, as measured by training.evaluate."""

    meta: dict[str, Any]
    pipeline: list[str]
    pud: SyntaxScores
    uner_test: NerScores
    news_test: NerScores
    words_per_second: float
    runtime_words_per_second: float
    size_mb: float
    steps: list[dict[str, Any]]


def render_card(figures: CardFigures) -> str:
    """The model card as Markdown."""
    meta = figures.meta
    pud = figures.pud
    lines = [
        f"# Model card: {meta['lang']}_{meta['name']} {meta['version']}",
        "",
        "The Swedish spaCy pipeline shipped in `graph/model/` and loaded by `graph.nlp.load()`.",
        "Every figure below is recomputed by `python -m training.evaluate`;",
        "the pipeline itself is rebuilt by `python -m training.build`.",
        "",
        f"- Pipeline: {', '.join(figures.pipeline)}",
        f"- Licence: {meta['license']} (it is trained on CC BY-SA 4.0 treebanks; "
        "the code of the project is MIT)",
        f"- Size on disk: {figures.size_mb:.1f} MB; needs spaCy {meta['spacy_version']}",
        "",
        "## Syntax on UD Swedish-PUD (held out, gold tokens)",
        "",
        f"{pud.sentences} sentences, {pud.words} words of news and Wikipedia text translated "
        "into Swedish. PUD is never trained or tuned on. UAS and LAS leave out punctuation.",
        "",
        "| measure | score | target |",
        "|---|---|---|",
        f"| UPOS accuracy | {pud.upos:.3f} | {TARGETS['UPOS']:.2f} |",
        f"| morphological features (all of a token's) | {pud.morph:.3f} | |",
        f"| lemma accuracy | {pud.lemma:.3f} | {TARGETS['lemma']:.2f} |",
        f"| UAS | {pud.uas:.3f} | {TARGETS['UAS']:.2f} |",
        f"| LAS | {pud.las:.3f} | {TARGETS['LAS']:.2f} |",
        "",
        "## Names (PER, ORG, LOC), exact spans, gold tokens",
        "",
        _ner_table("UNER Swedish-Talbanken test", figures.uner_test),
        "",
        _ner_table(
            "Swedish NER corpus (Webbnyheter 2012) test, MISC read as no name", figures.news_test
        ),
        "",
        "UNER's own annotators agreed with each other at F1 PER 0.91, LOC 0.86, ORG 0.67.",
        "",
        "## Speed",
        "",
        "Words per second of `nlp.pipe` on one CPU core (thread variables set to 1, no GPU, "
        "no torch) over the PUD sentences:",
        "",
        f"- the shipped pipeline (`spacy.load('graph/model')`): {figures.words_per_second:,.0f}",
        f"- `graph.nlp.load()` with its news rules and the components the project adds "
        f"after the trained ones: {figures.runtime_words_per_second:,.0f}",
        "",
        "## How it was built",
        "",
        "Two trainings with spaCy's training system, then assembled into one pipeline:",
        "",
        "1. `training/configs/syntax.cfg`: tok2vec + morphologizer + trainable_lemmatizer + "
        "parser on UD Swedish-Talbanken dev+test (the only Talbanken splits with syntax here), "
        "every tenth group of ten sentences kept aside as the dev set for picking the best "
        "checkpoint.",
        "2. `training/configs/ner.cfg`: ner with its own tok2vec on UNER Swedish-Talbanken train "
        "and the Swedish NER corpus train split (MISC read as no name); dev set: UNER dev plus a "
        "tenth of the NER corpus train split.",
        "3. `training/build.py` copies the NER (with its own tok2vec) into the syntax pipeline "
        "and adds the Swedish lemma lookup table of spacy-lookups-data as a fallback for words "
        "the trained lemmatizer never saw.",
        "",
        *_steps_table(figures.steps),
        "## Data sources and licences",
        "",
        *[
            f"- {source['name']}: {source['url']} ({source['license']})"
            for source in meta.get("sources", [])
        ],
        "",
        "The model is distributed under CC BY-SA 4.0 because the treebanks it learnt from are "
        "CC BY-SA 4.0. UD Swedish-PUD (CC BY-SA 4.0) is used for evaluation only.",
        "",
    ]
    return "\n".join(lines)


def _ner_table(title: str, scores: NerScores) -> str:
    """One Markdown table of per-label precision, recall and F1."""
    rows = [
        f"{title} ({scores.sentences} sentences):",
        "",
        "| label | precision | recall | F1 |",
        "|---|---|---|---|",
    ]
    for label in LABELS:
        s = scores.per_label[label]
        rows.append(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    m = scores.micro
    rows.append(f"| all | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} |")
    return "\n".join(rows)


def _steps_table(steps: list[dict[str, Any]]) -> list[str]:
    """The table of what each improvement step gave, if it was measured."""
    if not steps:
        return []
    rows = [
        "### What each step gave",
        "",
        "Choices were made on the Talbanken dev slice; PUD is shown for the record only.",
        "",
        "| step | dev UPOS | dev lemma | dev LAS | PUD UPOS | PUD UAS | PUD LAS | PUD lemma |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for step in steps:
        dev, pud = step["dev"], step["pud"]
        rows.append(
            f"| {step['change']} | {dev['upos']:.3f} | {dev['lemma']:.3f} | {dev['las']:.3f} "
            f"| {pud['upos']:.3f} | {pud['uas']:.3f} | {pud['las']:.3f} | {pud['lemma']:.3f} |"
        )
    return [*rows, ""]
