"""Words of a workforce: "har drygt 6 000 medarbetare", "där arbetar 150 personer",
"antalet anställda har minskat från 8 000 till 6 000", "varav 120 i Borlänge".

Source: written for this project from Swedish usage in agency annual reports and news
(Svenska Akademiens ordlista forms).
"""

from __future__ import annotations

#: Nouns that count a workforce.
STAFF_NOUNS = frozenset({"anställda", "medarbetare", "anställd", "årsarbetskrafter", "personal"})
#: Nouns for people that a following "anställda" makes staff: "14 000 personer anställda".
PEOPLE = frozenset({"personer", "person", "människor"})
EMPLOYED = frozenset({"anställda", "anställd", "sysselsatta"})
#: Verbs that have a workforce: "har 800 anställda", "sysselsätter 430 personer".
HAVING = frozenset(
    {"ha", "har", "hade", "sysselsätta", "sysselsätter", "med", "omfatta", "omfattar", "räknar"}
)
#: "Tullverket med 2 000 anställda": the having word right after the owner's name.
WITH = "med"
#: Verbs of working somewhere: "där arbetar 150 personer", "på kontoret jobbar 40 personer".
WORKING = frozenset({"arbeta", "arbetar", "jobba", "jobbar", "tjänstgöra", "tjänstgör"})
#: "där"/"här": the workplace named before, not the organisation as a whole.
LOCAL_ADVERBS = frozenset({"där", "här"})
#: "antalet anställda", "antalet medarbetare": a staff figure as the subject.
NUMBER_OF = frozenset({"antalet", "antal"})
#: Before the current figure of a change ("från 8 000 till 6 000") or a level ("är uppe i").
NOW_WORDS = frozenset({"till", "i", "är", "blir", "på"})
#: Before the earlier figure of a change.
FROM = "från"
#: "varav 120 i Borlänge", "var av 120 i Borlänge": the part of a workforce in one place.
OF_WHICH = (("varav",), ("var", "av"), ("därav",))
