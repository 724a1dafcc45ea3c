"""The curated gazetteers as shipped: loader, lookup, titles and ruler patterns."""

from __future__ import annotations

import csv

import pytest
import spacy
from spacy.pipeline import EntityRuler

from graph import gazetteers
from graph.gazetteers import Entry, by_id, entries, lookup, ruler_patterns, titles


def found(name: str) -> Entry:
    entry = lookup(name)
    assert entry is not None, name
    return entry


def test_forsakringskassan_with_its_wikidata_id_and_staff() -> None:
    fk = found("Försäkringskassan")
    assert (fk.id, fk.cls, fk.label, fk.defunct) == (
        "agency/forsakringskassan",
        "Agency",
        "Försäkringskassan",
        False,
    )
    # The id myndighetsdata's wd.json gives.
    assert fk.wikidata == "Q3372219"
    assert "FK" in fk.variants
    with (gazetteers.gazetteer_dir() / "agencies.tsv").open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle, delimiter="\t") if r["id"] == fk.id)
    assert int(row["employees"]) > 10_000


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Försäkringskassans", "Försäkringskassan"),
        ("Skatteverkets", "Skatteverket"),
        ("arbetsförmedlingen", "Arbetsförmedlingen"),
        ("  ARBETSFÖRMEDLINGEN ", "Arbetsförmedlingen"),
        ("AF", "Arbetsförmedlingen"),
        ("AF:s", "Arbetsförmedlingen"),
        ("JK", "Justitiekanslern"),
        ("DO", "Diskrimineringsombudsmannen"),
        ("IFAU", "Institutet för arbetsmarknads- och utbildningspolitisk utvärdering"),
        ("Statens energimyndighet", "Energimyndigheten"),
        ("Styrelsen för internationellt utvecklingssamarbete", "Sida"),
    ],
)
def test_lookup_by_variant_case_and_genitive(name: str, label: str) -> None:
    assert found(name).label == label


def test_unknown_name_is_none() -> None:
    assert lookup("Myndigheten för påhittade saker") is None
    assert lookup("s") is None


def test_defunct_agency_is_marked_and_current_wins_a_shared_name() -> None:
    assert found("Riksförsäkringsverket").defunct
    assert found("Banverket").defunct
    # "Statskontoret": ESV took the name in 2026 when the old agency closed.
    current = found("Statskontoret")
    assert not current.defunct
    assert found("ESV") == current
    old = [e for e in entries() if e.label == "Statskontoret" and e.defunct]
    assert old and old[0].id != current.id


def test_places_one_entry_per_real_place() -> None:
    torsby = found("Torsby")
    assert (torsby.cls, torsby.kind) == ("Place", "municipality")
    assert found("Torsby kommun") == torsby
    assert torsby.part_of == "place/varmlands-lan"
    visby = found("Visby")
    assert (visby.cls, visby.kind, visby.part_of) == ("Place", "locality", "place/gotland")
    assert found("Stockholm").kind == "municipality"
    assert found("Stockholms län").kind == "county"
    assert found("Västra Götaland").id == "place/vastra-gotalands-lan"
    assert found("Jämtland").kind == "landscape"
    assert found("Sverige").wikidata == "Q34"
    assert sum(e.kind == "county" for e in entries()) == 21
    assert sum(e.kind == "municipality" for e in entries()) == 290


def test_universities_and_research_centres_are_organizations() -> None:
    kau = found("Karlstads universitet")
    assert (kau.cls, kau.kind, kau.id) == (
        "Organization",
        "university",
        "org/karlstads-universitet",
    )
    ctf = found("CTF")
    assert ctf.label == "Centrum för tjänsteforskning"
    assert by_id(ctf.part_of or "") == kau
    assert found("KTH").kind == "university"
    # Boards about universities stay agencies.
    assert found("Universitets- och högskolerådet").cls == "Agency"


def test_organizations_and_party_letters() -> None:
    assert found("Regeringen").kind == "government"
    assert found("Regeringskansliet").cls == "Agency"
    assert found("ST").label == "Fackförbundet ST"
    assert found("SvD").kind == "media"
    assert lookup("S") is None
    assert gazetteers.party_letters()["S"].label == "Socialdemokraterna"
    assert gazetteers.party_letters()["MP"].label == "Miljöpartiet"


def test_ids_are_unique_ascii_slugs() -> None:
    ids = [e.id for e in entries()]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i == i.lower() and " " not in i for i in ids)
    assert all(e.part_of is None or by_id(e.part_of) for e in entries())


def test_titles_with_their_forms() -> None:
    table = titles()
    gd = table["generaldirektören"]
    assert (gd.title, gd.role) == ("generaldirektör", "head")
    assert {"generaldirektörer", "generaldirektörerna"} <= set(gd.forms)
    assert table["handläggarna"].role == "staff"
    assert table["ministrarna"].title == "minister"
    assert table["ombudsmännen"].title == "ombudsman"
    assert table["vd:n"].role == "head"
    assert table["riksdagsledamöter"].role == "politician"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("sv")
    ruler = nlp.add_pipe("entity_ruler")
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns(ruler_patterns())
    return nlp


def ents(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_ruler_finds_agency_genitive_and_place(nlp: spacy.language.Language) -> None:
    found_ents = ents(nlp, "Försäkringskassans kontor i Torsby stänger, säger AF:s chef.")
    assert found_ents == [
        ("Försäkringskassans", "Agency", "agency/forsakringskassan"),
        ("Torsby", "Place", "place/torsby"),
        ("AF:s", "Agency", "agency/arbetsformedlingen"),
    ]


def test_ruler_multiword_names_and_case(nlp: spacy.language.Language) -> None:
    text = (
        "Forskare vid Centrum för tjänsteforskning på Karlstads universitet och arbetsförmedlingen."
    )
    assert ents(nlp, text) == [
        ("Centrum för tjänsteforskning", "Organization", "org/centrum-for-tjansteforskning"),
        ("Karlstads universitet", "Organization", "org/karlstads-universitet"),
        ("arbetsförmedlingen", "Agency", "agency/arbetsformedlingen"),
    ]


def test_ruler_keeps_case_for_abbreviations_ordinary_words_and_places(
    nlp: spacy.language.Language,
) -> None:
    # "af", "sida", "vision", "torsby" in lower case are not names; nor is
    # "Sida" at the start of a sentence, nor the party letter "S".
    text = "Han läste en sida om sin vision av torsby, af och S."
    assert ents(nlp, text) == []
    assert ents(nlp, "Enligt Sida och Vision") == [
        ("Sida", "Agency", "agency/sida"),
        ("Vision", "Organization", "org/vision"),
    ]


def test_patterns_have_label_id_and_one_owner_per_surface() -> None:
    patterns = ruler_patterns()
    assert {p["label"] for p in patterns} == {"Agency", "Organization", "Place"}
    surfaces = [tuple(next(iter(t.values())).lower() for t in p["pattern"]) for p in patterns]
    assert len(surfaces) == len(set(surfaces))
    ids = {p["id"] for p in patterns}
    assert "agency/forsakringskassan" in ids and "place/torsby" in ids
