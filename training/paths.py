"""Where the training data, the intermediate files and the shipped pipeline live."""

from __future__ import annotations

import os
from pathlib import Path

TRAINING_DIR = Path(__file__).resolve().parent
REPO_DIR = TRAINING_DIR.parent
CONFIG_DIR = TRAINING_DIR / "configs"
CORPUS_DIR = TRAINING_DIR / "corpus"  # git-ignored: converted .spacy files
RUNS_DIR = TRAINING_DIR / "runs"  # git-ignored: training output
MODEL_DIR = REPO_DIR / "graph" / "model"  # the shipped pipeline (committed)
MODEL_CARD = TRAINING_DIR / "model-card.md"

# The shared data sets; MYNDIGHETSGRAF_DATA points elsewhere if they moved.
DATA_DIR = Path(os.environ.get("MYNDIGHETSGRAF_DATA", REPO_DIR.parent / "shared" / "data"))
TALBANKEN = [
    DATA_DIR / "ud-sv-talbanken" / "sv_talbanken-ud-dev.conllu",
    DATA_DIR / "ud-sv-talbanken" / "sv_talbanken-ud-test.conllu",
]
PUD = DATA_DIR / "ud-sv-pud" / "sv_pud-ud-test.conllu"  # evaluation only, never trained on
UNER_TRAIN = DATA_DIR / "uner-sv-talbanken" / "sv_talbanken-ud-train.iob2"
UNER_DEV = DATA_DIR / "uner-sv-talbanken" / "sv_talbanken-ud-dev.iob2"
UNER_TEST = DATA_DIR / "uner-sv-talbanken" / "sv_talbanken-ud-test.iob2"  # model card only
NER_CORPUS_TRAIN = DATA_DIR / "swedish-ner-corpus" / "train_corpus.txt"
NER_CORPUS_TEST = DATA_DIR / "swedish-ner-corpus" / "test_corpus.txt"  # model card only

SYNTAX_TRAIN = CORPUS_DIR / "syntax-train.spacy"
SYNTAX_DEV = CORPUS_DIR / "syntax-dev.spacy"
NER_TRAIN = CORPUS_DIR / "ner-train.spacy"
NER_DEV = CORPUS_DIR / "ner-dev.spacy"
RAW_TEXT = CORPUS_DIR / "raw-text.jsonl"  # unlabelled sentences for `spacy pretrain`
STEPS_FILE = TRAINING_DIR / "steps.json"  # measured improvement steps (committed)
