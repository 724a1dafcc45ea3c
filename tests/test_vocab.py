"""The Python vocabulary and ontology/kg.ttl declare the same terms."""

from rdflib import OWL, RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, XSD

from graph.prefixes import PREFIX_IRIS
from graph.vocab import KG, ontology_dir


def declared_terms() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "kg.ttl")
    return g


def test_every_python_term_is_declared_in_the_turtle_and_back() -> None:
    g = declared_terms()
    in_turtle = {
        str(s).removeprefix(str(KG._NS))
        for s in g.subjects(RDF.type, None)
        if str(s).startswith(str(KG._NS)) and str(s) != str(KG._NS)
    }
    in_python = {name for name in KG.__annotations__}
    assert in_turtle == in_python


def test_every_term_has_swedish_and_english_labels_and_a_standard_mapping() -> None:
    g = declared_terms()
    for name in KG.__annotations__:
        term = KG[name]
        languages = {o.language for o in g.objects(term, RDFS.label) if isinstance(o, Literal)}
        assert {"sv", "en"} <= languages, name
        mapped = any(g.objects(term, p) for p in (
            RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty,
            OWL.inverseOf, RDFS.domain, RDFS.range))
        assert mapped, name


def test_a_misspelt_term_fails() -> None:
    import pytest

    with pytest.raises(AttributeError):
        KG.workFor  # noqa: B018


def test_every_error_a_user_can_fix_shares_one_base_that_the_cli_reports() -> None:
    from graph.errors import KgError
    from graph.evaluate import EvalError
    from graph.read import ReadError
    from graph.store import StoreError
    from graph.views import ViewError

    for error in (ReadError, StoreError, ViewError, EvalError):
        assert issubclass(error, KgError), error


def test_the_plain_prefix_table_names_the_standard_vocabularies_as_rdflib_does() -> None:
    standard = {"rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "prov": PROV}
    standard |= {"schema": SDO, "org": ORG, "foaf": FOAF, "dcterms": DCTERMS}
    assert {name: PREFIX_IRIS[name] for name in standard} == {
        name: str(namespace) for name, namespace in standard.items()
    }
    assert PREFIX_IRIS["kg"] == str(KG)
