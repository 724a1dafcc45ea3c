"""Read by `spacy train` and `spacy pretrain` (--code): the project's own registered functions.

The tok2vecs embed the hunspell-sv signatures of words (graph/nlp/features.py);
importing graph.nlp registers that architecture and the pipeline's own
components. The syntax training corpus uses training/augment.py's augmenter.
"""

import graph.nlp  # noqa: F401
import training.augment  # noqa: F401
