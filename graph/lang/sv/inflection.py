"""How Swedish job titles inflect: the singular and plural, indefinite and definite forms.

Source: the noun declensions of Svenska Akademiens grammatik, as far as titles use them;
the curated titles (ontology/gazetteers/curated/titles.tsv) and the compound heads of
titles.py name their paradigm by these keys.
"""

from __future__ import annotations

#: Inflection classes of the curated titles: suffixes for the definite
#: singular, indefinite plural and definite plural (Swedish declensions).
PARADIGMS: dict[str, tuple[str, str, str]] = {
    "er": ("en", "er", "erna"),  # direktör, chef, jurist, docent
    "ar": ("en", "ar", "arna"),  # landshövding
    "are": ("n", "", "na"),  # handläggare: handläggaren, handläggare, handläggarna
    "ande": ("n", "", "na"),  # ordförande: ordföranden, ordförande, ordförandena
    "iker": ("n", "", "na"),  # analytiker
    "or": ("n", "er", "erna"),  # professor: professorn, professorer, professorerna
    "et": ("et", "", "en"),  # kommunalråd: kommunalrådet, kommunalråd, kommunalråden
    "kansler": ("n", "er", "erna"),  # justitiekansler: justitiekanslern, justitiekansler
}


def inflect(title: str, paradigm: str) -> list[str]:
    """The title's base form and inflected forms, lower case."""
    if paradigm.startswith("="):
        return [title, *paradigm[1:].split("|")]
    if paradigm == "minister":  # minister, ministern, ministrar, ministrarna
        stem = title.removesuffix("er")
        return [title, title + "n", stem + "rar", stem + "rarna"]
    if paradigm == "man":  # ombudsman, ombudsmannen, ombudsmän, ombudsmännen
        stem = title.removesuffix("man")
        return [title, stem + "mannen", stem + "män", stem + "männen"]
    if paradigm == "ot":  # ledamot, ledamoten, ledamöter, ledamöterna
        stem = title.removesuffix("ot")
        return [title, title + "en", stem + "öter", stem + "öterna"]
    if paradigm == "vd":
        return [title, title + ":n", title + ":ar", title + ":arna", title + "n"]
    if paradigm == "are":
        stem = title.removesuffix("e")
        return [title, title + "n", title, stem + "na"]
    if paradigm == "ande":
        return [title, title + "n", title, title + "na"]
    definite, plural, definite_plural = PARADIGMS[paradigm]
    return [title, title + definite, title + plural, title + definite_plural]
