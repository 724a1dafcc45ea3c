"""Words of organisations working together: "samarbetar med", "i samverkan med",
"samverkan mellan A och B", "tillsammans med", "A:s och B:s gemensamma kontor".

Source: written for this project from Swedish usage in agency press releases and news
(Svenska Akademiens ordlista forms).
"""

from __future__ import annotations

#: Lemmas (and forms a lemmatizer may leave) of collaborating, followed by "med" or "mellan".
COLLABORATION = frozenset(
    {
        "samarbete", "samarbetet", "samarbeta", "samarbetar", "samverkan", "samverka",
        "samverkar", "arbeta", "partnerskap", "partnerskapet",
    }
)  # fmt: skip
#: Nouns of collaborating that take "mellan A och B" (the verb "arbeta" does not).
COLLABORATION_NOUNS = frozenset(
    {"samarbete", "samarbetet", "samverkan", "partnerskap", "partnerskapet"}
)
#: "tillsammans med X": the clause's subject works with X.
TOGETHER = "tillsammans"
#: "gemensamma servicekontor", "ett gemensamt kontor": what two organisations share.
JOINT = frozenset({"gemensam", "gemensamt", "gemensamma"})
#: The prepositions before the partners: "med X", "mellan A och B".
WITH, BETWEEN = "med", "mellan"
#: Words that may stand between the partners of a list ("med AF och Skatteverket").
LIST_WORDS = frozenset({",", "och", "samt", "bland", "annat", "bl.a.", "både", "även", "liksom"})
#: Subjects that leave a quote's collaborator to its speaker: "vi samarbetar med …",
#: "man", and the empty "det" of "det har handlat om … samarbete med …".
WE = frozenset({"vi", "oss", "man", "det"})
