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
    uner_test_runtime: NerScores  # graph.nlp.load(): news rules and gazetteer rulers
    news_test_runtime: NerScores
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
        "### With the gazetteers as entity rulers",
        "",
        "`graph.nlp.load()` runs the gazetteers of ontology/ as entity rulers beside the "
        "statistical NER (agencies, organisations, places; their labels read as ORG, ORG, LOC "
        "here). F1:",
        "",
        "| test set | pipeline | PER | ORG | LOC | all |",
        "|---|---|---|---|---|---|",
        _f1_row("UNER Swedish-Talbanken", "shipped model", figures.uner_test),
        _f1_row("UNER Swedish-Talbanken", "`graph.nlp.load()`", figures.uner_test_runtime),
        _f1_row("Swedish NER corpus", "shipped model", figures.news_test),
        _f1_row("Swedish NER corpus", "`graph.nlp.load()`", figures.news_test_runtime),
        "",
        "Two things differ. The rulers add the agencies and places of the registers (most of "
        "the ORG gain on UNER). And the news rules set the sentence boundaries before the "
        "parser: a name never crosses a sentence boundary, and the shipped model's parser "
        "sometimes splits a test sentence inside a name, which costs it names (most of the "
        "PER gain on the news corpus; measured on 2026-11-24 by turning the rulers off).",
        "",
        "## Speed",
        "",
        "Words per CPU second of `nlp.pipe` on one core (thread variables set to 1, no GPU, "
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
        "checkpoint. The tok2vec embeds each word by its spelling (NORM, PREFIX, SUFFIX, "
        "SHAPE) and by its hunspell-sv signatures, the inflection classes the dictionary "
        "derives it from (graph/nlp/features.py, `myndighetsgraf.LexiconHashEmbed.v1`), so "
        "words the treebank lacks share a feature with words it has; it starts from `spacy "
        "pretrain` weights (characters objective) learnt on the unlabelled sentences of the "
        "training sets. The optimizer averages the weights, and the parser keeps every label "
        "seen at least 5 times (spaCy's default of 30 folds the rarer ones into `dep`). "
        "Talbanken writes quotes as ' and dashes as -, news as \" ” » and –: half of the "
        "training documents get those instead (training/augment.py), so the model has seen "
        "them.",
        "2. `training/configs/ner.cfg`: ner with its own tok2vec on UNER Swedish-Talbanken train "
        "and the Swedish NER corpus train split (MISC read as no name); dev set: UNER dev plus a "
        "tenth of the NER corpus train split. Its tok2vec stays 96 wide: a 128-wide one "
        "scored lower on that dev set and was slower. It embeds the hunspell-sv signatures "
        "too (dev F1 0.816 without, 0.825 with); averaged weights gave nothing there "
        "(0.813).",
        "3. `training/build.py` copies the NER (with its own tok2vec) into the syntax pipeline "
        "and adds `lemma_lookup_fallback` (graph/nlp/lemmas.py) with the Swedish lemma table of "
        "spacy-lookups-data (MIT) and, preferred where both know a form, the Swedish table of "
        "simplemma (https://github.com/adbar/simplemma, MIT; read from the installed package, "
        "not copied): it lemmatizes open-class words the treebank never had, replaces "
        "trained guesses that are no known lemma, and drops sentence-initial capitals from "
        "common words' lemmas. The tables know no parts of speech, so an entry is taken only "
        "if the treebank makes lemmas of the word's part of speech by the same edit (the "
        'adjective "född" keeps its lemma instead of the verb "föda"), unless the trained '
        "guess is no word. `python -m training.lemma_sources` measures the choices on the dev "
        "slice (lemma accuracy: spacy-lookups-data alone 0.966, simplemma filling its gaps "
        "0.968, simplemma preferred 0.974, and edits checked 0.976; on the 447 dev words "
        "the training slice lacks 0.861, 0.870, 0.893, 0.908).",
        "4. `training/lexicon.py` adds `lexicon_pos_constraint` (graph/nlp/lexicon.py) after "
        "the morphologizer: for a word the training slice lacks, it reads the word's inflection "
        "classes from the hunspell-sv dictionary, and when a table learnt from the rare words of "
        "the training slice says those classes rule out the predicted tag, it takes the "
        "morphologizer's best label that they allow. Its effect is the row \"hunspell-sv word "
        'classes" of the table below; `python -m training.lexicon` also prints UPOS on the '
        "dev words the training slice lacks.",
        "",
        "`python -m training.build` ran in 14 minutes on the two-core machine "
        "(pretraining and syntax training on one core, the NER on the other).",
        "",
        *_steps_table(figures.steps),
        *_limits(figures.pud),
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
        "The hunspell-sv dictionary (https://github.com/yeager/hunspell-sv, LGPL-3.0) is read "
        "at run time from the installed PyPI package `hunspell-sv`; it is not part of the model "
        "and not redistributed with it (the model holds only counts learnt with it).",
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


def _f1_row(test_set: str, pipeline: str, scores: NerScores) -> str:
    """One row of F1 per label and overall."""
    f1 = " | ".join(f"{scores.per_label[label].f1:.3f}" for label in LABELS)
    return f"| {test_set} | {pipeline} | {f1} | {scores.micro.f1:.3f} |"


def _steps_table(steps: list[dict[str, Any]]) -> list[str]:
    """The table of what each improvement step gave, if it was measured."""
    if not steps:
        return []
    rows = [
        "### What each step gave",
        "",
        "Choices were made on the Talbanken dev slice (also scored with its quotes and dashes "
        "written as news writes them, ” and –); PUD is shown for the record only.",
        "",
        "| step | dev UPOS | dev lemma | dev LAS | dev LAS, ” and – | PUD UPOS | PUD UAS "
        "| PUD LAS | PUD lemma |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for step in steps:
        dev, pud = step["dev"], step["pud"]
        marks = step.get("dev_news_marks")
        rows.append(
            f"| {step['change']} | {dev['upos']:.3f} | {dev['lemma']:.3f} | {dev['las']:.3f} "
            f"| {marks['las'] if marks else float('nan'):.3f} "
            f"| {pud['upos']:.3f} | {pud['uas']:.3f} | {pud['las']:.3f} | {pud['lemma']:.3f} |"
        )
    return [*rows, ""]


def _limits(pud: SyntaxScores) -> list[str]:
    """Say which PUD targets the pipeline misses, and what was tried."""
    measured = {"UPOS": pud.upos, "UAS": pud.uas, "LAS": pud.las, "lemma": pud.lemma}
    missed = [
        f"{name} {measured[name]:.3f} < {target:.2f}"
        for name, target in TARGETS.items()
        if measured[name] < target
    ]
    if not missed:
        return []
    return [
        "### Limits",
        "",
        f"Targets missed on PUD: {'; '.join(missed)}. The syntax is learnt from 27,000 words "
        "of 1970s prose, with no word vectors; PUD is modern news and Wikipedia text. Tried "
        "and dropped: character embeddings instead of hash embeddings (lower dev scores "
        "at 1,200 steps) and a 256-wide tok2vec (several times slower to train and run).",
        "",
    ]
