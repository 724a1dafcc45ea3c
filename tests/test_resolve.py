"""graph.resolve: mentions from several documents → one entity per real thing.

Mentions are written by hand as the extractors would hand them over; offsets
only need to tell the mentions of one document apart.
"""

from __future__ import annotations

from itertools import count

import pytest

from graph.names import abbreviates
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


#: A mention as (document id, text, class), in the order the extractors hand them over.
Written = tuple[str, str, str]

ONE_THING = [
    pytest.param(
        [
            ("a", "Lars-Åke Brattlunds", "Person"),
            ("a", "Lars-Åke Brattlund", "Person"),
            ("a", "Brattlunds", "Person"),
        ],
        "Lars-Åke Brattlund",
        ("Brattlunds", "Lars-Åke Brattlunds"),
        ("a",),
        id="genitive and base form are one person labelled without the s",
    ),
    pytest.param(
        [("b", "Dagens Arenas", "Organization"), ("a", "Dagens Arena", "Organization")],
        "Dagens Arena",
        ("Dagens Arenas",),
        ("a", "b"),
        id="genitive of an organisation without a gazetteer entry",
    ),
    pytest.param(
        [*[("a", "arbetsförmedlingen", "Agency")] * 3, ("b", "Arbetsförmedlingen", "Agency")],
        "Arbetsförmedlingen",
        ("arbetsförmedlingen",),
        ("a", "b"),
        id="case does not split a name and the capitalised form is the label",
    ),
    pytest.param(
        [("a", "Lars-Åke Brattlund", "Person"), ("a", "Brattlund", "Person")],
        "Lars-Åke Brattlund",
        ("Brattlund",),
        ("a",),
        id="surname after the full name in the same document",
    ),
    pytest.param(
        [("a", "Dan Eliasson", "Person"), ("b", "Dan Eliasson", "Person")],
        "Dan Eliasson",
        (),
        ("a", "b"),
        id="the same full name in two documents is one person",
    ),
    pytest.param(
        [("a", "Dan Eliassons", "Person"), ("a", "Eliasson", "Person")],
        "Dan Eliasson",
        ("Dan Eliassons", "Eliasson"),
        ("a",),
        id="a surname after a full name seen only in the genitive",
    ),
    pytest.param(
        [
            ("a", "Lars-Åke Brattlund", "Person"),
            ("a", "Lars-Åke Brattlunds", "Person"),
            ("a", "Lars-Åke", "Person"),
        ],
        "Lars-Åke Brattlund",
        ("Lars-Åke", "Lars-Åke Brattlunds"),
        ("a",),
        id="a first name after a full name and its genitive",
    ),
    pytest.param(
        [("a", "Nils Öbergs", "Person"), ("b", "Nils Öberg", "Person")],
        "Nils Öberg",
        ("Nils Öbergs",),
        ("a", "b"),
        id="a genitive alone in one document is the person another document names",
    ),
    pytest.param(
        [("a", "Stina Hed-Lund", "Person"), ("b", "Stina Hed Lund", "Person")],
        "Stina Hed-Lund",
        ("Stina Hed Lund",),
        ("a", "b"),
        id="a hyphen or a space in a double surname",
    ),
    pytest.param(
        [
            ("a", "Ann-Marie Holk", "Person"),
            ("a", "Ann-Marie Holk", "Person"),
            ("b", "Anne-Marie Holk", "Person"),
        ],
        "Ann-Marie Holk",
        ("Anne-Marie Holk",),
        ("a", "b"),
        id="spellings of one given name with the same surname, the commoner is the label",
    ),
    pytest.param(
        [
            ("a", "Michael Rönnkvist", "Person"),
            ("a", "Mikael Rönnkvist", "Person"),
            ("a", "Rönnkvist", "Person"),
        ],
        "Michael Rönnkvist",
        ("Mikael Rönnkvist", "Rönnkvist"),
        ("a",),
        id="a surname after two spellings of one full name",
    ),
    pytest.param(
        [("a", "Eva Lind Hallström", "Person"), ("a", "Lind Hallström", "Person")],
        "Eva Lind Hallström",
        ("Lind Hallström",),
        ("a",),
        id="a double surname after the full name",
    ),
]


@pytest.mark.parametrize(("written", "label", "alt_labels", "documents"), ONE_THING)
def test_mentions_of_one_thing_are_one_entity(
    written: list[Written], label: str, alt_labels: tuple[str, ...], documents: tuple[str, ...]
) -> None:
    mentions = [mention(doc_id, text, cls) for doc_id, text, cls in written]
    resolution = resolve(mentions)
    assert len(resolution.entities) == 1
    assert len({resolution.of[m] for m in mentions}) == 1
    entity = entity_of(resolution, mentions[-1])
    assert (entity.label, entity.alt_labels, entity.documents) == (label, alt_labels, documents)
    assert entity.cls == mentions[-1].cls


def test_a_name_ending_in_s_is_not_cut_when_no_shorter_name_is_known() -> None:
    full = mention("a", "Niklas Tynelius", "Person")
    surname = mention("a", "Tynelius", "Person")
    first_name = mention("a", "Niklas", "Person")
    resolution = resolve([full, surname, first_name])
    assert len(resolution.entities) == 1
    assert entity_of(resolution, first_name).label == "Niklas Tynelius"
    alone = mention("b", "Niklas", "Person")
    assert entity_of(resolve([alone]), alone).label == "Niklas"


def test_a_surname_does_not_reach_a_full_name_in_another_document() -> None:
    full = mention("a", "Lars Andersson", "Person")
    surname = mention("b", "Andersson", "Person")
    resolution = resolve([full, surname])
    assert resolution.of[surname] != resolution.of[full]
    assert entity_of(resolution, full).label == "Lars Andersson"
    assert entity_of(resolution, surname).label == "Andersson"
    assert entity_of(resolution, surname).documents == ("b",)


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


def test_names_that_differ_in_more_than_spelling_stay_apart() -> None:
    written = [
        mention("a", "Ann Holk", "Person"),
        mention("b", "Anna Holk", "Person"),
        mention("c", "Ann Holm", "Person"),
        mention("d", "Mattias Berg", "Person"),
        mention("e", "Matthias Berg", "Person"),
    ]
    resolution = resolve(written)
    assert len({resolution.of[m] for m in written}) == 4  # only the two Mattias are one


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


def written_after(name: Mention, text: str, gap: str, cls: str = "Organization") -> Mention:
    """A mention `gap` characters after `name` in its document, as "Name (ABBR)" is."""
    start = name.end + len(gap)
    return Mention(name.doc_id, start, start + len(text), text, cls)


def test_an_abbreviation_written_beside_its_name_is_that_name_in_its_document() -> None:
    name = mention("a", "Statens servicecenter", "Agency", "agency/statens-servicecenter")
    abbreviation = written_after(name, "SSC", ", ")
    later = mention("a", "SSC", "Organization")
    elsewhere = mention("b", "SSC", "Organization")
    resolution = resolve([name, abbreviation, later, elsewhere])
    assert resolution.of[abbreviation] == resolution.of[later] == "agency/statens-servicecenter"
    assert "SSC" in entity_of(resolution, name).alt_labels
    # Another article's "SSC" is not tied to a definition it does not give.
    assert resolution.of[elsewhere] == "organization/ssc"


@pytest.mark.parametrize(
    ("text", "gap"),
    [
        pytest.param("SVT", " ", id="capitals that do not spell the name"),
        pytest.param("SSC", " och ", id="an abbreviation further away than a comma"),
    ],
)
def test_capitals_that_are_no_abbreviation_beside_a_name_stay_apart(text: str, gap: str) -> None:
    name = mention("a", "Statens servicecenter", "Agency", "agency/statens-servicecenter")
    other = written_after(name, text, gap)
    assert resolve([name, other]).of[other] == f"organization/{text.lower()}"


def test_a_persons_full_name_typed_as_an_organisation_is_the_person() -> None:
    person = mention("a", "Vera Holmqvist", "Person")
    as_organisation = mention("b", "Vera Holmqvist", "Organization")
    genitive = mention("a", "Vera Holmqvists", "Organization")
    resolution = resolve([person, as_organisation, genitive])
    assert len(resolution.entities) == 1
    assert entity_of(resolution, as_organisation).cls == "Person"
    # A one-word organisation that shares a surname is no person.
    company = mention("a", "Holmqvist", "Organization")
    assert resolve([person, company]).of[company] == "organization/holmqvist"


@pytest.mark.parametrize(
    ("short", "name", "expected"),
    [
        ("PPM", "Premiepensionsmyndigheten", True),
        ("RFV", "Riksförsäkringsverket", True),
        ("ISF", "Inspektionen för socialförsäkringen", True),
        ("SVT", "Sveriges Television", True),
        ("SR", "Sveriges Television", False),
        ("SCB", "Skatteverket", False),
        ("ST", "Försäkringskassan", False),
        ("Ppm", "Premiepensionsmyndigheten", False),
    ],
)
def test_an_abbreviation_spells_its_name_word_by_word(
    short: str, name: str, expected: bool
) -> None:
    assert abbreviates(short, name) is expected
