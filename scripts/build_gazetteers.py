"""Build the curated gazetteers in ontology/gazetteers/ from the CC0 registers.

    .venv/bin/python scripts/build_gazetteers.py [--data ../shared/data]

Inputs: ../shared/data/myndighetsdata (wd, esv, scb, stkt, matchlist: CC0),
../shared/data/swedish-geodata (counties, municipalities, postal localities:
CC0), the hand-written lists in ontology/gazetteers/curated/, and the word
forms of UD Swedish-Talbanken and the NER corpus's training split, used only to
decide which names are also ordinary Swedish words (no text of theirs is
copied, only a yes/no per gazetteer name, see ordinary_words.tsv).

Outputs (TSV, UTF-8, header row, `|` between variants): agencies.tsv,
organizations.tsv, places.tsv, titles.tsv, ordinary_words.tsv. The run is
deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from graph.gazetteers import fold, is_abbreviation
from graph.lang.sv.inflection import inflect

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "ontology" / "gazetteers"
CURATED = OUT / "curated"
DEFAULT_DATA = REPO.parent / "shared" / "data"

#: Words whose presence marks a register entry as a university or university
#: college (typed kg:Organization, not kg:Agency). Matched against whole words,
#: or word endings for compounds ("Linnéuniversitetet", "Försvarshögskolan").
UNIVERSITY_WORD = re.compile(r"(universitet|universitetet|högskola|högskolan)$", re.IGNORECASE)
UNIVERSITY_NAMES = {"karolinska institutet", "konstfack"}

#: SCB register groups of agencies that exist today (its removed agencies have none).
SCB_CURRENT_GROUPS = {
    "Statliga förvaltningsmyndigheter",
    "Svenska utlandsmyndigheter",
    "Sveriges domstolar samt Domstolsverket",
    "AP-fonder",
    "Myndigheter under riksdagen",
    "Statliga affärsverk",
}

#: Generic class names that some sources list as if they were agencies.
NOT_AN_AGENCY = {"kammarrätter", "tingsrätter", "förvaltningsrätter", "hovrätter"}

#: Misspellings in the registers, corrected so that the names can be found.
TYPOS = {"Svergies ambassad Santigao": "Sveriges ambassad Santiago"}


# ---------------------------------------------------------------- helpers


def slug(text: str) -> str:
    """ASCII slug for ids: "Försäkringskassan" -> "forsakringskassan"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def unique(names: Iterable[str], *, drop: Iterable[str] = ()) -> list[str]:
    """Names in first-seen order, one per folded form, without those in `drop`."""
    seen = {fold(name) for name in drop}
    kept = []
    for name in names:
        name = " ".join(name.split())
        if name and fold(name) not in seen:
            seen.add(fold(name))
            kept.append(name)
    return kept


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path, header: list[str], rows: Iterable[list[str]]) -> int:
    """Write one TSV; tabs and newlines never occur inside a field."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(header) + "\n")
        for row in rows:
            assert all("\t" not in cell and "\n" not in cell for cell in row), row
            handle.write("\t".join(row) + "\n")
            count += 1
    return count


# ---------------------------------------------------------- ordinary words


def ordinary_words(data: Path) -> set[str]:
    """Lower-case word forms that Swedish text mostly writes in lower case.

    Counted in UD Talbanken (dev+test) and the NER corpus's training split: a
    form is ordinary when its lower-case uses are at least as many as its
    capitalised uses inside a sentence (sentence-initial capitals say
    nothing). "sida", "mark", "vara" are ordinary, "torsby" is not. So is
    "försäkringskassan", which Talbanken's 1970s texts write as a common
    noun: see INSTITUTIONS_IN_LOWER_CASE.
    """
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()

    def count(sentence: list[str]) -> None:
        for position, form in enumerate(sentence):
            if form[:1].islower():
                lower[form] += 1
            elif position > 0 and form[:1].isupper():
                capital[form.lower()] += 1

    for conllu in sorted((data / "ud-sv-talbanken").glob("*.conllu")):
        sentence: list[str] = []
        for line in conllu.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                sentence.append(cols[1])
            elif not line.strip():
                count(sentence)
                sentence = []
        count(sentence)
    sentence = []
    ner = data / "swedish-ner-corpus" / "train_corpus.txt"
    for line in ner.read_text(encoding="utf-8").splitlines():
        token = line.partition("\t")[0].strip()
        if token:
            sentence.append(token)
        else:
            count(sentence)
            sentence = []
    count(sentence)
    return {form for form, uses in lower.items() if uses >= capital[form]}


# ---------------------------------------------------------------- agencies


@dataclass
class Agency:
    """Everything the registers say about one agency, merged across sources."""

    official: str
    names: list[str] = field(default_factory=list)  # cased names, best label first
    wd_names: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)  # confirmed abbreviations and old names
    english: list[str] = field(default_factory=list)
    wikidata: list[str] = field(default_factory=list)
    status: dict[str, bool] = field(default_factory=dict)  # source -> listed as current
    ended: list[str] = field(default_factory=list)
    employees: tuple[int, int] | None = None  # (year, staff)


#: Sources by how recent their picture of the agencies is (ESV's is of 2026).
NEWEST_FIRST = ("esv", "stkt", "scb", "wd")


def is_current(agency: Agency) -> bool:
    """The newest register that knows the agency decides whether it exists.

    Only the match list knowing a name means a historic name from the legal
    database: defunct.
    """
    for source in NEWEST_FIRST:
        if source in agency.status:
            return agency.status[source]
    return False


class UnionFind:
    """Groups register rows that name the same agency (by name or org number)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class Row(NamedTuple):
    source: str  # wd | esv | stkt | scb | matchlist
    name: str  # as the source writes it (SCB: recovered casing)
    data: dict


def register_rows(folder: Path) -> tuple[list[Row], dict[str, str]]:
    """Every agency row of the four registers plus the match list's names."""
    matchlist: dict[str, str] = {}
    with (folder / "matchlist.csv").open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            matchlist[record["name"]] = record["official_name"]
    rows: list[Row] = []
    for source in ("wd", "esv", "stkt", "scb"):
        table = json.loads((folder / f"{source}.json").read_text(encoding="utf-8"))
        for name, data in table.items():
            if source == "scb" and name.isupper():
                # SCB writes most names in capitals; the match list knows the casing.
                name = matchlist.get(name.lower(), name)
                name = name.capitalize() if name.isupper() else name
            rows.append(Row(source, TYPOS.get(name, name), data))
    known = {fold(row.name) for row in rows}
    for official in sorted(set(matchlist.values())):
        if fold(official) not in known:
            rows.append(Row("matchlist", official, {}))
            known.add(fold(official))
    return rows, matchlist


def looks_like_agency_name(name: str) -> bool:
    """Reject match-list debris: titles, plural class names, broken hyphenation.

    A Swedish agency name has a head noun in the definite form
    ("Lotterinämnden", "Statens planverk" via the genitive "Statens") or
    starts with a capital and names a place ("... i Stockholm").
    """
    if re.search(r"\w- [a-zåäö]", name) or fold(name) in NOT_AN_AGENCY:
        return False
    if name.startswith(("Statens ", "Sveriges ", "Riksdagens ", "Kungl")):
        return True
    return any(re.search(r"(en|et|na|rna|an)$", word) for word in name.split())


def merge_agencies(rows: list[Row], matchlist: dict[str, str]) -> list[Agency]:
    """One Agency per real agency: rows join by organisation number and name.

    A row with its own organisation number (one that no source gives to two
    rows, as SCB's courts all carry Domstolsverket's) belongs to that
    number. A name joins the number only when it never stands for two
    numbers: "Statskontoret" is both the agency closed in 2025 and ESV, which
    took its name in 2026, and the two stay apart.
    """

    def official(row: Row) -> str:
        return fold(matchlist.get(row.name.lower(), row.name))

    per_source = Counter((row.source, org_number(row)) for row in rows)
    shared = {number for (_, number), count in per_source.items() if count > 1}
    own = {id(row): org_number(row) for row in rows if org_number(row) not in shared}
    numbers_of_name: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if own.get(id(row)):
            numbers_of_name[official(row)].add(own[id(row)])
    groups = UnionFind()
    for name, numbers in numbers_of_name.items():
        if len(numbers) == 1:
            groups.union("name:" + name, "org:" + next(iter(numbers)))
    merged: dict[str, Agency] = {}
    # Rows in order of how well their names read: Wikidata's labels are the
    # names people write ("Energimyndigheten", "Sida"), then ESV's register.
    order = {"wd": 0, "esv": 1, "stkt": 2, "scb": 3, "matchlist": 4}
    for row in sorted(rows, key=lambda r: order[r.source]):
        if row.source == "matchlist" and not looks_like_agency_name(row.name):
            continue
        if fold(row.name) in NOT_AN_AGENCY:
            continue
        number = own.get(id(row))
        key = groups.find("org:" + number if number else "name:" + official(row))
        name = matchlist.get(row.name.lower(), row.name)
        name = name.capitalize() if name.isupper() else name
        agency = merged.setdefault(key, Agency(official=re.sub(r"\s*\(gamla\)$", "", name)))
        add_row(agency, row)
    return list(merged.values())


def org_number(row: Row) -> str:
    return re.sub(r"\D", "", str(row.data.get("org_nr", "")))


def add_row(agency: Agency, row: Row) -> None:
    """Fold one register row into the agency it belongs to."""
    data = row.data
    # "Statskontoret (gamla)": the register's own note, not part of the name.
    agency.names.append(re.sub(r"\s*\((gamla|nya)\)$", "", row.name))
    if row.source == "wd":
        agency.wd_names.append(row.name)
        agency.wikidata.append(data["id"])
        # Wikidata's other names mix abbreviations with buildings, parts and
        # titles ("Skandalhuset", "Statsgeolog"): only its abbreviations are
        # taken as they stand; its longer names only when a register confirms them.
        agency.short.extend(n for n in data.get("other_names", []) if is_short_name(n))
    if row.source == "esv":
        agency.short.extend(data.get("old_names", []))
        agency.short.append(data.get("short_name", ""))  # kept only if confirmed, see below
    if row.source == "stkt":
        agency.short.extend(data.get("other_names", []))
    if row.source == "scb":
        agency.short.extend(data.get("old_names", []))
    if data.get("name_en"):
        agency.english.append(" ".join(data["name_en"].split()))
    end = str(data.get("end") or "")
    if end:
        agency.ended.append(end[:4])
    current = not end and (row.source != "scb" or data.get("group") in SCB_CURRENT_GROUPS)
    agency.status[row.source] = agency.status.get(row.source, False) or current
    staff = data.get("employees") or {}
    if staff:
        year = max(staff, key=int)
        if agency.employees is None or int(year) > agency.employees[0]:
            agency.employees = (int(year), int(staff[year]))


def is_short_name(name: str) -> bool:
    """An abbreviation as the loader sees one ("FK", "KTH", "HaV", "Ei"), of letters only."""
    return 2 <= len(name) <= 6 and name.isalpha() and is_abbreviation(name)


def confirmed_short_names(rows: list[Row]) -> set[str]:
    """Short names some source gives as a name of its own, not only ESV's code.

    ESV gives every agency a code ("POLM", "MIGR"); many are internal. A code
    counts as a real abbreviation when Wikidata or Statskontoret list it too,
    or when the curated list names it.
    """
    confirmed: set[str] = set()
    for row in rows:
        if row.source == "wd":
            confirmed.update(n for n in row.data.get("other_names", []) if is_short_name(n))
        if row.source == "stkt":
            confirmed.update(row.data.get("other_names", []))
        if row.source == "esv":
            confirmed.update(row.data.get("old_names", []))
    return confirmed


def is_university(names: Iterable[str]) -> bool:
    """A university or university college, by the head of its name.

    The head is the last word once a trailing place ("... i Stockholm") is
    cut: "Högskolan i Borås", "Karlstads universitet", "Kungliga Tekniska
    högskolan". A name with "för" is a board about universities
    ("Överklagandenämnden för högskolan"), not one.
    """
    for name in names:
        if fold(name) in UNIVERSITY_NAMES:
            return True
        if " för " in name:
            continue
        head = re.sub(r" (i|på|vid) [A-ZÅÄÖ].*$", "", name).split()[-1]
        if UNIVERSITY_WORD.search(head):
            return True
    return False


class Curated(NamedTuple):
    label: str
    variants: list[str]


def curated_agencies() -> dict[str, Curated]:
    return {
        fold(row["name"]): Curated(row["label"], [v for v in row["variants"].split("|") if v])
        for row in read_tsv(CURATED / "agencies.tsv")
    }


class AgencyRow(NamedTuple):
    id: str
    label: str
    variants: list[str]
    wikidata: str
    status: str
    employees: str
    university: bool
    ended: str  # the year a defunct agency closed, if known


def agency_rows(folder: Path) -> list[AgencyRow]:
    rows, matchlist = register_rows(folder)
    agencies = merge_agencies(rows, matchlist)
    confirmed = confirmed_short_names(rows)
    curated = curated_agencies()
    result: list[AgencyRow] = []
    for agency in agencies:
        names = unique(agency.names)
        current = is_current(agency)
        # The curated list speaks of agencies as they are today.
        override = next((curated[fold(n)] for n in names if fold(n) in curated), None)
        override = override if current else None
        label = pick_label(agency, names, override)
        shorts = [s for s in agency.short if s and (s in confirmed or not s.isupper())]
        extra = override.variants if override else []
        variants = unique([*names, agency.official, *extra, *shorts, *agency.english], drop=[label])
        # "?" stands for a character lost in a source's encoding.
        variants = [v for v in variants if "?" not in v and any(c.isalpha() for c in v)]
        result.append(
            AgencyRow(
                id="",
                label=label,
                variants=variants,
                wikidata=agency.wikidata[0] if agency.wikidata else "",
                status="current" if current else "defunct",
                employees=str(agency.employees[1]) if agency.employees else "",
                university=is_university([label, *names]),
                ended="" if current else max(agency.ended, default=""),
            )
        )
    return assign_ids(result)


def pick_label(agency: Agency, names: list[str], override: Curated | None) -> str:
    """The name a Swedish reader writes: curated, else Wikidata's, else the register's."""
    if override and override.label:
        return override.label
    for name in agency.wd_names:
        if "(" not in name:
            return name
    return names[0]


def assign_ids(rows: list[AgencyRow]) -> list[AgencyRow]:
    """Stable slugs; current agencies first so they keep the plain slug."""
    rows.sort(key=lambda r: (r.status != "current", fold(r.label)))
    used: set[str] = set()
    out = []
    for row in rows:
        prefix = "org" if row.university else "agency"
        base = f"{prefix}/{slug(row.label)}"
        if base in used and row.ended:
            base = f"{base}-{row.ended}"
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        out.append(row._replace(id=ident))
    return out


# ----------------------------------------------------------- organisations


ORGANIZATION_HEADER = ["id", "label", "variants", "wikidata", "kind", "part_of", "letter", "status"]


#: "Karlstads universitet": a place in the genitive and the kind of school.
GENITIVE_SCHOOL = re.compile(r"^(\S+)s (universitet|högskola)$")


def school_variants(label: str) -> list[str]:
    """Forms news writes a university's name in besides its own: the genitive -s dropped
    ("Karlstad universitet") and, for a universitet, "Universitetet i Karlstad"."""
    match = GENITIVE_SCHOOL.match(label)
    if not match:
        return []
    place, kind = match.groups()
    forms = [f"{place} {kind}"]
    if kind == "universitet":
        forms.append(f"Universitetet i {place}")
    return forms


def organization_rows(universities: list[AgencyRow]) -> list[list[str]]:
    """The curated organisations, then the universities of the registers."""
    rows = [
        [row[column] for column in ORGANIZATION_HEADER]
        for row in read_tsv(CURATED / "organizations.tsv")
    ]
    for uni in universities:
        rows.append(
            [
                uni.id,
                uni.label,
                "|".join(uni.variants),
                uni.wikidata,
                "university",
                "",
                "",
                uni.status,
            ]
        )
    for row in rows:
        if row[ORGANIZATION_HEADER.index("kind")] == "university":
            variants = row[2].split("|") if row[2] else []
            row[2] = "|".join(unique([*variants, *school_variants(row[1])], drop=[row[1]]))
    return rows


# ------------------------------------------------------------------ places


#: Localities that are ordinary words but whose capitalised use names the place.
SAFE_LOCALITIES = {"Kista", "Handen"}

PLACE_HEADER = ["id", "label", "variants", "kind", "county", "wikidata", "part_of"]


def place_rows(geodata: Path, ordinary: set[str]) -> list[list[str]]:
    """Counties, municipalities, postal localities and the curated places.

    One entry per real place: a locality named like a municipality (Torsby,
    Östersund) is that municipality's entry; a county gets its short name
    ("Västra Götaland") as a variant only when no other place is called so
    ("Stockholm" is the municipality, "Jämtland" the landscape). A one-word
    locality that is also an ordinary word ("Mark", "Bro") is left out:
    a locality is too small for its capitalised use to be safe.
    """
    curated = read_tsv(CURATED / "places.tsv")
    counties = read_csv(geodata / "counties.csv")
    municipalities = read_csv(geodata / "municipalities.csv")
    county_id = {c["county_code"]: f"place/{slug(c['county_name'])}" for c in counties}
    municipality_id: dict[str, str] = {}
    for m in municipalities:  # "Håbo" and "Habo" share a slug; the county tells them apart
        ident = f"place/{slug(m['municipality_name_short'])}"
        if ident in municipality_id.values():
            ident += "-" + county_id[m["county_code"]].removeprefix("place/")
        municipality_id[m["municipality_code"]] = ident
    municipality_names = {fold(m["municipality_name_short"]) for m in municipalities}
    taken = set(municipality_names)
    taken |= {fold(p["label"]) for p in curated}
    taken |= {fold(v) for p in curated for v in p["variants"].split("|") if v}
    localities = main_municipality(geodata)
    clashes = taken | {fold(name) for name in localities}
    rows: list[list[str]] = []
    # A landscape named like a municipality ("Härjedalen") gives the name to
    # the municipality, the place news mean by it, as "Stockholm" does.
    curated = [p for p in curated if fold(p["label"]) not in municipality_names]
    for p in curated:
        rows.append([p["id"], p["label"], p["variants"], p["kind"], "", p["wikidata"], ""])
    for c in counties:
        short = c["county_name_short"]
        variants = [short] if fold(short) not in clashes else []
        rows.append(
            [
                county_id[c["county_code"]],
                c["county_name"],
                "|".join(variants),
                "county",
                "",
                "",
                "",
            ]
        )
    for m in municipalities:
        county = county_id[m["county_code"]]
        rows.append(
            [
                municipality_id[m["municipality_code"]],
                m["municipality_name_short"],
                m["municipality_name"],
                "municipality",
                county,
                "",
                county,
            ]
        )
    used = {row[0] for row in rows}
    code_county = {m["municipality_code"]: county_id[m["county_code"]] for m in municipalities}
    for locality, code in localities.items():
        if fold(locality) in taken:
            continue
        word = " " not in locality and locality.lower() in ordinary
        if word and locality not in SAFE_LOCALITIES:
            continue
        ident = f"place/{slug(locality)}"
        if ident in used:
            ident = f"{ident}-{municipality_id[code].removeprefix('place/')}"
        used.add(ident)
        rows.append([ident, locality, "", "locality", code_county[code], "", municipality_id[code]])
    return rows


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main_municipality(geodata: Path) -> dict[str, str]:
    """Each postal locality and the municipality holding most of its codes."""
    codes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_csv(geodata / "postal_to_municipality.csv"):
        codes[" ".join(row["locality"].split())][row["municipality_code"]] += 1
    return {name: min(c, key=lambda code: (-c[code], code)) for name, c in sorted(codes.items())}


# ------------------------------------------------------------------ titles


TITLE_HEADER = ["title", "role", "forms", "en"]


def title_rows() -> list[list[str]]:
    rows = []
    for row in read_tsv(CURATED / "titles.tsv"):
        forms = unique(inflect(row["title"], row["paradigm"]))
        rows.append([row["title"], row["role"], "|".join(forms), row["en"]])
    return rows


# ---------------------------------------------------------- ordinary names


#: Institutions Swedish writes in lower case, so the corpora count them as
#: ordinary words although the word means the institution itself.
INSTITUTIONS_IN_LOWER_CASE = re.compile(
    r"^(regeringen|riksdag(en)?|försäkringskassan|arbetsförmedlingen|polisen|telestyrelsen"
    r"|\w+departementet)$"
)


def ordinary_names(names: Iterable[str], ordinary: set[str]) -> list[str]:
    """Gazetteer names that are also ordinary words ("Sida", "Vision", "Vara").

    Abbreviations ("BO", "DIN") are matched case-sensitively anyway and are
    left out; so are the institutions Swedish writes in lower case.
    """
    found = set()
    for name in names:
        word = name.lower()
        if " " in name or sum(c.isupper() for c in name) > 1 or not name[:1].isupper():
            continue
        if word in ordinary and not INSTITUTIONS_IN_LOWER_CASE.match(word):
            found.add(word)
    return sorted(found)


# -------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    data = parser.parse_args().data
    # The corpora are small: names of unions, papers and places that are
    # everyday words ("Ledarna", "Vision", "Bro") are added by hand.
    by_hand = {row["word"] for row in read_tsv(CURATED / "ordinary_words.tsv")}
    ordinary = ordinary_words(data) | by_hand
    agencies = agency_rows(data / "myndighetsdata")
    counts = {}
    counts["agencies.tsv"] = write_tsv(
        OUT / "agencies.tsv",
        ["id", "label", "variants", "wikidata", "status", "employees"],
        (
            [a.id, a.label, "|".join(a.variants), a.wikidata, a.status, a.employees]
            for a in agencies
            if not a.university
        ),
    )
    organizations = organization_rows([a for a in agencies if a.university])
    counts["organizations.tsv"] = write_tsv(
        OUT / "organizations.tsv", ORGANIZATION_HEADER, organizations
    )
    places = place_rows(data / "swedish-geodata", ordinary)
    counts["places.tsv"] = write_tsv(OUT / "places.tsv", PLACE_HEADER, places)
    counts["titles.tsv"] = write_tsv(OUT / "titles.tsv", TITLE_HEADER, title_rows())
    names = [a.label for a in agencies] + [v for a in agencies for v in a.variants]
    names += [n for row in organizations + places for n in [row[1], *row[2].split("|")] if n]
    words = ordinary_names(names, ordinary)
    counts["ordinary_words.tsv"] = write_tsv(
        OUT / "ordinary_words.tsv", ["word"], ([w] for w in words)
    )
    for name, count in counts.items():
        print(f"{name}: {count} entries")


if __name__ == "__main__":
    main()
