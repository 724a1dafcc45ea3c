"""Rebuild the Swedish pipeline shipped in graph/model/, from the data to the model card.

    python -m training.build

1. convert the data sets into training/corpus/ (training.convert);
2. pretrain the syntax tok2vec on raw sentences, then train the syntax
   pipeline (configs/syntax.cfg), while the NER (configs/ner.cfg) trains on
   the other core, all into training/runs/;
3. assemble them into one pipeline with the lemma lookup fallback and the
   lexicon constraint on the tags of unseen words (training.lexicon), and write
   it to graph/model/;
4. recompute the model card (training.evaluate).

About 20 minutes on two free cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import spacy
import spacy_lookups_data
import srsly
from spacy.language import Language

from graph.nlp import LEMMA_LOOKUP, LemmaLookupFallback
from training import paths
from training.convert import convert
from training.lemma_sources import SIMPLEMMA_LANGUAGE, training_vocabulary
from training.lexicon import add_lexicon_pos

NAME = "myndighetsgraf"
VERSION = "0.1.0"
LICENSE = "CC BY-SA 4.0"
SOURCES = [
    {
        "name": "UD Swedish-Talbanken (dev and test)",
        "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "Universal NER Swedish-Talbanken",
        "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "Swedish NER corpus (Språkbanken Webbnyheter 2012)",
        "url": "https://github.com/klintan/swedish-ner-corpus",
        "license": "CC BY 4.0",
    },
    {
        "name": "spacy-lookups-data, Swedish lemma lookup table",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
    },
    {
        "name": "simplemma, Swedish lemma table (read from the installed package)",
        "url": "https://github.com/adbar/simplemma",
        "license": "MIT",
    },
]
SPACY_CODE = paths.TRAINING_DIR / "spacy_code.py"  # registers graph.nlp's architectures
SYNTAX_CONFIG = paths.CONFIG_DIR / "syntax.cfg"
NER_CONFIG = paths.CONFIG_DIR / "ner.cfg"
PRETRAIN_RUN = paths.RUNS_DIR / "pretrain"  # syntax.cfg reads its model-last.bin
SYNTAX_RUN = paths.RUNS_DIR / "syntax"
NER_RUN = paths.RUNS_DIR / "ner"
BEST = "model-best"
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
NER = "ner"
NER_TOK2VEC = "tok2vec"
LEMMATIZER = "trainable_lemmatizer"


def start_spacy(command: list[str], log: Path) -> subprocess.Popen[bytes]:
    """Start a spaCy CLI command on one CPU core in the background, output to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "spacy", *command, "--code", str(SPACY_CODE), "--gpu-id", "-1"],
        cwd=paths.REPO_DIR,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env={**os.environ, **ONE_THREAD},
    )


def start_training(
    config: Path, output: Path, overrides: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start `spacy train` into `output`, its log in `output`.log."""
    command = ["train", str(config), "--output", str(output), *_options(overrides)]
    return start_spacy(command, output.with_suffix(".log"))


def start_pretraining(
    config: Path, output: Path, overrides: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start `spacy pretrain` of the tok2vec in `config` into `output` (model-last.bin)."""
    return start_spacy(
        ["pretrain", str(config), str(output), *_options(overrides)], output.with_suffix(".log")
    )


def _options(overrides: Mapping[str, str] | None) -> list[str]:
    """Config overrides as spaCy command-line options."""
    return [part for key, value in (overrides or {}).items() for part in (f"--{key}", value)]


def wait(process: subprocess.Popen[bytes]) -> None:
    """Wait for a spaCy process and fail loudly if it failed."""
    if process.wait() != 0:
        raise RuntimeError(f"spaCy failed, see its log: {process.args!r}")


def lemma_table() -> dict[str, str]:
    """spacy-lookups-data's Swedish lemma table, lower-case forms only.

    A capitalised key is a proper name, whose lemma is the name itself.
    """
    table_path = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
    table: dict[str, str] = srsly.read_gzip_json(table_path)
    return {form: lemma for form, lemma in table.items() if form.islower()}


def add_lemma_lookup(nlp: Language, *, check_edits: bool = True) -> None:
    """Add the lookup fallback right after the trained lemmatizer, its tables filled.

    simplemma's table preferred over the own one, and its entries checked
    against the treebank's lemma edits, as training.lemma_sources chose.
    """
    fallback = nlp.add_pipe(LEMMA_LOOKUP, after=LEMMATIZER)
    assert isinstance(fallback, LemmaLookupFallback)
    vocabulary = training_vocabulary(paths.SYNTAX_TRAIN)
    fallback.set_data(
        lemma_table(),
        vocabulary.forms,
        vocabulary.lemmas,
        simplemma_language=SIMPLEMMA_LANGUAGE,
        edits=vocabulary.edits if check_edits else (),
    )


def assemble(syntax_model: Path, ner_model: Path, *, lemma_lookup: bool = True) -> Language:
    """One pipeline: the syntax pipes, the NER with its own tok2vec, the lemma fallback.

    The lexicon constraint needs the fallback's known forms, so it comes with it.
    """
    nlp = spacy.load(syntax_model)
    ner_nlp = spacy.load(ner_model)
    # Give the NER a private copy of its tok2vec so it no longer listens to a
    # component that the assembled pipeline does not have.
    ner_nlp.replace_listeners(NER_TOK2VEC, NER, ["model.tok2vec"])
    nlp.add_pipe(NER, source=ner_nlp)
    if lemma_lookup:
        add_lemma_lookup(nlp)
        add_lexicon_pos(nlp)
    nlp.meta.update(
        name=NAME,
        version=VERSION,
        license=LICENSE,
        sources=SOURCES,
        author="myndighetsgraf",
        description=(
            "Swedish tagger, morphologizer, lemmatizer, dependency parser and PER/ORG/LOC "
            "NER for public-sector news; see training/model-card.md"
        ),
    )
    return nlp


def write_model(nlp: Language, model_dir: Path) -> None:
    """Replace the pipeline in `model_dir` with `nlp`."""
    if model_dir.exists():
        shutil.rmtree(model_dir)
    nlp.to_disk(model_dir)
    size = sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file()) / 1e6
    print(f"wrote {model_dir} ({size:.1f} MB)")


def main() -> None:
    """Convert, train, assemble, write graph/model/ and the model card."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--reuse-runs",
        action="store_true",
        help="assemble from the existing training/runs/ instead of training again",
    )
    args = parser.parse_args()
    if not args.reuse_runs:
        convert()
        for run in (PRETRAIN_RUN, SYNTAX_RUN, NER_RUN):
            shutil.rmtree(run, ignore_errors=True)
        # One core trains the NER while the other pretrains, then trains, the syntax.
        ner = start_training(NER_CONFIG, NER_RUN)
        wait(start_pretraining(SYNTAX_CONFIG, PRETRAIN_RUN))
        wait(start_training(SYNTAX_CONFIG, SYNTAX_RUN))
        wait(ner)
    write_model(assemble(SYNTAX_RUN / BEST, NER_RUN / BEST), paths.MODEL_DIR)
    subprocess.run(
        [sys.executable, "-m", "training.evaluate"],
        cwd=paths.REPO_DIR,
        check=True,
        env={**os.environ, **ONE_THREAD},
    )


if __name__ == "__main__":
    main()
