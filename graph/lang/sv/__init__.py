"""Swedish words the extractors look for, as plain data: one module per topic.

Each list says where it came from. The algorithms in graph/extract/ import from
here; nothing here imports spaCy or any stage, so a list can be read, reviewed
and extended without reading code. Large curated lists (agencies, places, job
titles) live as TSV gazetteers in ontology/gazetteers/.

    verbs          auxiliaries, speech verbs
    references     role nouns and pronouns that stand for an organisation ("myndigheten", "vi")
    collaboration  words of organisations working together
    staff          words of a workforce and its size
    decisions      words of deciding, allocating and cutting, and their verb frames
"""
