"""Words of deciding as news writes it: hiring, asking for money, allocating it, cutting,
closing, opening, reorganising ("tillförs 445 miljoner kronor", "får 30 miljoner",
"anslaget höjs med", "delar ut 12 miljoner", "varslar 400 anställda", "lägger ned kontoret").

Source: written for this project from Swedish usage in agency press releases, budget
news and union press (Svenska Akademiens ordlista forms; the s-passive and the
particle verbs as SAOL lists them). Lemmas first, then forms a lemmatizer may miss.
"""

from __future__ import annotations

HIRING = "hiring"
REQUEST = "budget request"
ALLOCATION = "allocation"
CUT = "cut"
LAYOFFS = "layoffs"
CLOSURE = "closure"
OPENING = "opening"
REORGANISATION = "reorganisation"
DECISION = "decision"
APPOINTMENT = "appointment"

#: Verbs of deciding, by lemma (or particle verb "lemma particle") → kind of decision.
VERB_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(
        ["anställa", "nyanställa", "rekrytera", "anställs", "anställas", "skapa"], HIRING
    ),
    **dict.fromkeys(["begära", "begär", "begärt", "begärde", "äska", "äskar"], REQUEST),
    **dict.fromkeys(["varsla", "avskeda", "säga upp"], LAYOFFS),
    **dict.fromkeys(["lägga ner", "lägga ned", "avveckla", "stänga", "dra in"], CLOSURE),
    **dict.fromkeys(["öppna", "inviga", "återupprätta", "återöppna"], OPENING),
    **dict.fromkeys(["omorganisera", "omlokalisera", "flytta"], REORGANISATION),
    **dict.fromkeys(["besluta", "beslutat"], DECISION),
    **dict.fromkeys(["utse", "utsett", "utnämna", "utnämnt"], APPOINTMENT),
    **dict.fromkeys(
        ["tillföra", "tilldela", "anslå", "bevilja", "dela ut", "skjuta till", "fördela",
         "satsa", "ge", "få", "erhålla", "tillkomma", "utlysa"],
        ALLOCATION,
    ),
}  # fmt: skip
#: Particle verbs: lemma + particle → the trigger key above ("delar årligen ut medel").
PARTICLE_VERBS = frozenset(
    {
        ("lägga", "ner"), ("lägga", "ned"), ("säga", "upp"), ("dra", "in"), ("dela", "ut"),
        ("skjuta", "till"), ("skära", "ner"), ("skära", "ned"), ("dra", "ner"),
        ("dra", "ned"),
    }
)  # fmt: skip
#: Verbs that may move money only when it is money they move: a plain "ge" or "få" is
#: no allocation without an amount, and "får" before a verb is "may" ("får betala").
NEEDS_MONEY = frozenset({"ge", "få", "erhålla", "tillkomma", "satsa", "fördela"})
#: With a particle they are no allocation: "fick in 300 miljoner i skatt", "får tillbaka".
NO_PARTICLE = NEEDS_MONEY

#: Verbs of creating, a hiring only when what is created is posts ("400 nya jobb skapas",
#: not "platser som ska skapas").
NEEDS_POSTS = frozenset({"skapa"})

#: Allocating verbs whose subject receives the money ("Polisen får 200 miljoner");
#: the others' subject gives it ("regeringen tillför", "Försäkringskassan delar ut").
RECEIVING = frozenset({"få", "erhålla"})
#: Allocating verbs with no giver or receiver as subject: the money comes ("tillkommer
#: 200 miljoner i anslag"), the receiver is whom the text is about.
ARRIVING = frozenset({"tillkomma"})
#: Prepositions before the receiver of money: "tillförs 445 miljoner till Försäkringskassan".
TO_RECEIVER = frozenset({"till", "åt"})
#: The giver in a passive ("tilldelas av regeringen") or a receiving verb ("får från").
FROM_GIVER = frozenset({"av", "från"})

#: Verbs of changing a sum: with a sum of money as object ("höjde anslaget till polisen
#: med 2 miljarder") they allocate (or cut) it; on anything else they decide nothing.
CHANGING = {
    **dict.fromkeys(["höja", "öka", "utöka", "förstärka"], ALLOCATION),
    **dict.fromkeys(["sänka", "minska", "kapa", "skära ner", "skära ned", "dra ner",
                     "dra ned"], CUT),
}  # fmt: skip
#: Words for a sum of public money, whole or as a compound's head ("förvaltningsanslaget").
FUNDS = ("anslag", "anslaget", "budget", "budgeten", "ramen", "medel", "medlen",
         "pengar", "pengarna", "bidrag", "bidraget", "stöd", "stödet", "tillskott")  # fmt: skip
#: Staff as the subject of a cut: "personalstyrkan ska minska med 1 000 personer".
STAFF_SUBJECTS = ("personal", "personalstyrka", "personalstyrkan", "arbetsstyrka",
                  "arbetsstyrkan", "anställda", "medarbetare", "tjänster")  # fmt: skip
#: "får 30 miljoner kronor mindre": less money is a cut.
LESS = "mindre"
#: "regeringen och Sverigedemokraterna": two deciders, the first named leads.
AND = frozenset({"och", "samt"})
#: "minska med 1 000": the size of a cut (not "minskat från 8 000 till 6 000", a level).
BY = "med"

#: Nouns that name a decision.
NOUN_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["nyanställning", "rekrytering"], HIRING),
    **dict.fromkeys(["begäran", "anslagsbegäran"], REQUEST),
    **dict.fromkeys(["varsel", "uppsägning"], LAYOFFS),
    **dict.fromkeys(["nedläggning", "avveckling"], CLOSURE),
    **dict.fromkeys(["invigning"], OPENING),
    **dict.fromkeys(["omorganisation", "omlokalisering", "flytt", "flytten"], REORGANISATION),
    **dict.fromkeys(["beslut", "beslutet"], DECISION),
    **dict.fromkeys(["satsning", "satsningen"], ALLOCATION),
    **dict.fromkeys(["sparkrav", "besparing", "besparingar", "nedskärning",
                     "nedskärningar"], CUT),
}  # fmt: skip
#: Compound nouns by their head: "budgetunderlaget", "förvaltningsanslaget", "anslagshöjningen".
NOUN_SUFFIX_TRIGGERS = {
    "budgetunderlag": REQUEST,
    "anslag": ALLOCATION,
    "anslaget": ALLOCATION,
    "anslagshöjning": ALLOCATION,
    "anslagshöjningen": ALLOCATION,
    "tillskott": ALLOCATION,
    "tillskottet": ALLOCATION,
    "sparkrav": CUT,
    "sparkravet": CUT,
}
#: Money that is paid, not allocated: a price, a wage, a fine ("500 kronor mer i lön",
#: "ett vite på 200 000 kronor", "får betala 2 000 kronor").
PAYMENTS = ("lön", "lönen", "löner", "böter", "vite", "vitet", "avgift", "avgiften", "pris",
            "priset", "skadestånd", "skadeståndet", "hyra", "hyran", "kostnad", "kostnaden",
            "straffavgift", "sanktionsavgift", "arvode")  # fmt: skip
PAYING = frozenset({"betala", "kosta", "böta"})

#: Words of deciding: with one in the sentence, a trigger without numbers is still a decision.
#: (Verbs, and "beslutet": the decision at hand; "snabbare beslut" decides nothing.)
DECIDING = frozenset({"besluta", "beslutat", "beslutade", "beslutet"})
#: Words before an organisation that say the money was asked from it.
SOURCE_WORDS = frozenset({"från", "av", "hos"})
#: "budgetunderlag till regeringen", "begäran till regeringen".
REQUEST_NOUNS = ("underlag", "begäran", "ansökan")
#: Verbs of wanting: money moved in a clause someone wants is asked for ("vill att anslaget
#: ska höjas", "föreslår att myndigheten får 50 miljoner").
WANTING = frozenset({"vilja", "önska", "föreslå", "kräva", "begära", "äska", "hoppas"})
#: "för att anställa": a purpose, which a request or allocation is made for.
PURPOSE = ("för", "att")

#: A sentence that goes on about the decision just reported names it as its subject
#: ("Summan var 8,9 miljoner kronor", "Stödet omfattar …") with a verb of amounting to,
#: or says "det handlar om …" ("Totalt handlar det om 200 arbetstillfällen").
BACK_REFERENCES = frozenset({"summa", "summan", "beloppet", "stödet", "satsningen",
                             "tillskottet", "pengarna", "medlen", "anslaget", "rekryteringen",
                             "nedskärningen", "besparingen", "varslet", "flytten"})  # fmt: skip
AMOUNTING = frozenset({"vara", "omfatta", "uppgå", "landa", "bli", "gälla"})
IT = "det"
ABOUT = frozenset({"handla", "röra"})
