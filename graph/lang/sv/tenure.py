"""Words of when a post was held: former and current markers, leaving, dates in the text.

Source: written for this project from Svenska Akademiens ordlista (month names, the
adverbs and adjectives of time Swedish news puts before a title or in a role clause:
"tidigare generaldirektör", "f.d. chef", "förre", "dåvarande", "nuvarande"; "sedan 2012",
"från den 1 maj", "avgår vid årsskiftet", "går i pension").
"""

from __future__ import annotations

#: Month names and their abbreviations → month number.
MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

#: Words before a title (or in its clause) that make the post a former one: "tidigare
#: generaldirektör", "f.d. chef", "förre rikspolischefen", "dåvarande överdirektör".
FORMER_WORDS = frozenset({"tidigare", "förre", "förra", "f.d.", "fd", "dåvarande", "förutvarande"})
#: Two-word former markers: "före detta generaldirektör".
FORMER_PAIRS = frozenset({("före", "detta")})
#: After these, "tidigare" is the time of something else, not a former post: "tidigare i
#: år", "tidigare under dagen", "tidigare på torsdagen", "tidigare än väntat".
NOT_FORMER_BEFORE = frozenset({"i", "under", "på", "denna", "detta", "samma", "än", "idag"})
#: Words that say the post is held now: "nuvarande generaldirektör", "är nu chef", "numera".
CURRENT_WORDS = frozenset({"nuvarande", "nu", "numera", "sittande", "idag"})

#: Verbs of holding a post: their past tense ("var chef", "arbetade på"), or their perfect
#: without "sedan" ("har varit chef", "har arbetat på"), is a post held before.
HELD_LEMMAS = frozenset(
    {"vara", "arbeta", "jobba", "sitta", "tjänstgöra", "verka", "leda", "forska"}
)

#: Verbs whose subject (or, active, object) leaves a post: "lämnar posten", "avgår",
#: "pensioneras", "petades", "avsattes", "entledigades".
LEAVING_LEMMAS = frozenset(
    {"lämna", "avgå", "sluta", "pensionera", "avsätta", "avskeda", "entlediga", "peta", "sparka"}
)
#: Leaving by a verb and its words: "går i pension".
LEAVING_PHRASES = (("gå", "i", "pension"),)
#: Forms of leaving verbs the tagger may not lemmatise (the participle "avgående").
LEAVING_FORMS = frozenset({"avgående", "pensioneras", "pensionerades"})

#: Words before a date that make it the post's start: "sedan 2012", "från den 1 maj".
START_WORDS = frozenset({"sedan", "från", "fr.o.m."})
#: Words before a date that make it the post's end: "till 2015", "fram till", "t.o.m.".
END_WORDS = frozenset({"till", "tills", "t.o.m."})
#: "från och med" / "till och med" are one marker: the first word decides.
AND_WITH = ("och", "med")
#: Prepositions a date is written with when it is neither start nor end of itself:
#: "i april 2018", "vid årsskiftet", "den 1 maj", "under 2019".
AT_WORDS = frozenset({"i", "vid", "den", "under", "per", "efter", "kring"})
#: Words joining a range: "2010–2015", "mellan 2010 och 2015".
RANGE_JOINERS = frozenset({"–", "-", "och", "till"})

#: Relative times read against the article's date: word(s) → (years to add, month, day);
#: month and day None keep the year only ("i år"), both 0 the article's day ("i dag").
RELATIVE_TIMES: dict[tuple[str, ...], tuple[int, int | None, int | None]] = {
    ("årsskiftet",): (0, 12, 31),
    ("i", "år"): (0, None, None),
    ("i", "fjol"): (-1, None, None),
    ("förra", "året"): (-1, None, None),
    ("nästa", "år"): (1, None, None),
    ("i", "dag"): (0, 0, 0),
    ("idag",): (0, 0, 0),
}

#: Verbs of taking up a post: with them "i dag" is the day it starts ("tillträder i dag");
#: without, "är i dag chef" says only that the post is held now.
STARTING_LEMMAS = frozenset({"tillträda", "börja", "bli", "utse", "utnämna", "ta", "anställa"})

#: Years a bare number may be: four digits in this range.
YEARS = range(1900, 2100)

#: Verbs of succeeding: the subject takes the object's post ("Eva Ek efterträder Per Holm",
#: "ersätter Per Holm som chef"); in the passive the other way round ("ersätts av Eva Ek").
SUCCESSION_LEMMAS = frozenset({"efterträda", "ersätta"})
#: Their forms by stem, for a tagger that gives no lemma ("efterträddes", "ersatte").
SUCCESSION_STEMS = ("efterträd", "ersätt", "ersatt")
#: "… generaldirektör efter Per Holm", "tar över efter Per Holm".
AFTER = "efter"
#: Words before a name after "efter" that still let it be the predecessor: "efter avgående
#: Per Holm", "efter förre generaldirektören …" is left to the title's own rules.
BEFORE_PREDECESSOR = frozenset({"avgående", "omdiskuterade", "avgångne", "avlidne"})
#: Words before a title that give it anew, to a successor: "ny generaldirektör",
#: "utsågs till generaldirektör", "tar över som chef".
SUCCESSOR_MARKERS = frozenset({"ny", "nya", "nye", "till", "som"})
#: Taking a post over: "tar över", "tillträder" (with "efter Y" the post was Y's).
TAKING_OVER = (("ta", "över"), ("tillträda",))
#: Nouns a leaver leaves a post by: "lämnar posten som …", "sitt uppdrag som …".
POST_NOUNS = frozenset({"post", "tjänst", "uppdrag", "jobb", "roll", "befattning", "ämbete"})
#: "kommer (närmast) från en tjänst som rättschef på …": the post held just before.
COMING_FROM = ("komma", "från")
#: Adverbs between "kommer" and "från": "kommer närmast från", "senast", "direkt".
RECENTLY = frozenset({"närmast", "senast", "direkt", "nyss", "närmare"})
