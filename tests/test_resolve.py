"""graph.resolve: mentions from several documents → one entity per real thing.

Mentions are written by hand as the extractors would hand them over; offsets
only need to tell the mentions of one document apart.
"""

from __future__ import annotations

from itertools import count

from graph.records import Mention
from graph.resolve import Entity, Resolution, resolve

FK = "agency/forsakringskassan"
TORSBY = "place/torsby"

_offsets = count(0, 100)


def mention(doc_id: str, text: str, cls: str, key: str | None = None) -> Mention:
    """A mention at a fresh offset, so two mentions of one name are two records."""
    start = next(_offsets)
    return Mention(doc_id, start, start + len(text), text, cls, key)


def entity_of(resolution: Resolution, m: Mention) -> Entity:
    return resolution.entity(m)


def test_genitive_and_base_form_are_one_person_labelled_without_the_s() -> None:
    full = mention("a", "Lars-Åke Brattlund", "Person")
    genitive = mention("a", "Lars-Åke Brattlunds", "Person")
    surname_genitive = mention("a", "Brattlunds", "Person")
    resolution = resolve([genitive, full, surname_genitive])
    assert resolution.of[genitive] == resolution.of[full] == resolution.of[surname_genitive]
    person = entity_of(resolution, full)
    assert person.label == "Lars-Åke Brattlund"
    assert set(person.alt_labels) == {"Lars-Åke Brattlunds", "Brattlunds"}


def test_genitive_of_an_organisation_without_a_gazetteer_entry() -> None:
    base = mention("a", "Dagens Arena", "Organization")
    genitive = mention("b", "Dagens Arenas", "Organization")
    resolution = resolve([genitive, base])
    assert resolution.of[base] == resolution.of[genitive]
    assert entity_of(resolution, genitive).label == "Dagens Arena"
    assert entity_of(resolution, genitive).documents == ("a", "b")


def test_a_name_ending_in_s_is_not_cut_when_no_shorter_name_is_known() -> None:
    full = mention("a", "Niklas Tynelius", "Person")
    surname = mention("a", "Tynelius", "Person")
    first_name = mention("a", "Niklas", "Person")
    resolution = resolve([full, surname, first_name])
    assert len(resolution.entities) == 1
    assert entity_of(resolution, first_name).label == "Niklas Tynelius"
    alone = mention("b", "Niklas", "Person")
    assert entity_of(resolve([alone]), alone).label == "Niklas"


def test_case_does_not_split_a_name_and_the_capitalised_form_is_the_label() -> None:
    lower = [mention("a", "arbetsförmedlingen", "Agency") for _ in range(3)]
    capitalised = mention("b", "Arbetsförmedlingen", "Agency")
    resolution = resolve([*lower, capitalised])
    assert len(resolution.entities) == 1
    agency = entity_of(resolution, capitalised)
    assert agency.label == "Arbetsförmedlingen"
    assert agency.alt_labels == ("arbetsförmedlingen",)
    assert agency.cls == "Agency"


def test_surname_after_the_full_name_in_the_same_document() -> None:
    full = mention("a", "Lars-Åke Brattlund", "Person")
    surname = mention("a", "Brattlund", "Person")
    resolution = resolve([full, surname])
    assert resolution.of[surname] == resolution.of[full]
    assert entity_of(resolution, surname).label == "Lars-Åke Brattlund"
    assert entity_of(resolution, surname).alt_labels == ("Brattlund",)


def test_a_surname_does_not_reach_a_full_name_in_another_document() -> None:
    full = mention("a", "Lars Andersson", "Person")
    surname = mention("b", "Andersson", "Person")
    resolution = resolve([full, surname])
    assert resolution.of[surname] != resolution.of[full]
    assert entity_of(resolution, full).label == "Lars Andersson"
    assert entity_of(resolution, surname).label == "Andersson"
    assert entity_of(resolution, surname).documents == ("b",)


def test_the_same_full_name_in_two_documents_is_one_person() -> None:
    first = mention("a", "Dan Eliasson", "Person")
    second = mention("b", "Dan Eliasson", "Person")
    resolution = resolve([first, second])
    assert resolution.of[first] == resolution.of[second]
    assert entity_of(resolution, first).documents == ("a", "b")


def test_two_full_names_with_one_surname_keep_a_lone_surname_apart() -> None:
    lars = mention("a", "Lars Andersson", "Person")
    eva = mention("a", "Eva Andersson", "Person")
    surname = mention("a", "Andersson", "Person")
    resolution = resolve([lars, eva, surname])
    assert len({resolution.of[lars], resolution.of[eva], resolution.of[surname]}) == 3
    # The first name still tells who is meant.
    first_name = mention("a", "Eva", "Person")
    resolution = resolve([lars, eva, first_name])
    assert resolution.of[first_name] == resolution.of[eva]


def test_a_gazetteer_key_gives_the_gazetteer_label_class_and_wikidata_link() -> None:
    abbreviation = mention("a", "FK", "Organization", FK)
    lower = mention("b", "försäkringskassan", "Agency", FK)
    genitive = mention("b", "Försäkringskassans", "Agency", FK)
    resolution = resolve([abbreviation, lower, genitive])
    assert len(resolution.entities) == 1
    agency = entity_of(resolution, abbreviation)
    assert agency == Entity(
        id=FK,
        cls="Agency",
        label="Försäkringskassan",
        alt_labels=("FK", "Försäkringskassans", "försäkringskassan"),
        wikidata="Q3372219",
        documents=("a", "b"),
    )


def test_an_office_is_labelled_agency_i_place() -> None:
    office_key = f"office/{FK}@{TORSBY}"
    short = mention("a", "Torsbykontoret", "Office", office_key)
    spelled_out = mention("b", "kontoret i Torsby", "Office", office_key)
    place = mention("a", "Torsby", "Place", TORSBY)
    resolution = resolve([short, spelled_out, place])
    office = entity_of(resolution, short)
    assert resolution.of[spelled_out] == office.id == office_key
    assert office.cls == "Office"
    assert office.label == "Försäkringskassan i Torsby"
    assert office.alt_labels == ("Torsbykontoret", "kontoret i Torsby")
    assert office.wikidata is None
    assert entity_of(resolution, place).label == "Torsby"
    assert entity_of(resolution, place).id != office.id


def test_a_surname_after_a_full_name_seen_only_in_the_genitive() -> None:
    genitive = mention("a", "Dan Eliassons", "Person")
    surname = mention("a", "Eliasson", "Person")
    resolution = resolve([genitive, surname])
    assert resolution.of[genitive] == resolution.of[surname]
    assert entity_of(resolution, surname).label == "Dan Eliasson"


def test_a_first_name_after_a_full_name_and_its_genitive() -> None:
    full = mention("a", "Lars-Åke Brattlund", "Person")
    genitive = mention("a", "Lars-Åke Brattlunds", "Person")
    first_name = mention("a", "Lars-Åke", "Person")
    resolution = resolve([full, genitive, first_name])
    assert len(resolution.entities) == 1
