"""Read by `spacy train` and `spacy pretrain` (--code): the project's own architectures.

The syntax tok2vec embeds the hunspell-sv signatures of words
(graph/nlp/features.py); importing graph.nlp registers that architecture and
the pipeline's own components.
"""

import graph.nlp  # noqa: F401
