"""The role timeline on a hand-written graph of role nodes (tests/fixtures/views/roles.ttl):
rows, bars on the axis, what the text leaves open drawn open, focus, escaping, the command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal

from graph.cli import main
from graph.views import ViewError, timeline_data, timeline_html, write_timeline
from graph.views.timeline import Bar, TimelineData
from graph.vocab import ID, KG

ROLES = Path(__file__).parent / "fixtures" / "views" / "roles.ttl"


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(ROLES)


def bars(data: TimelineData) -> dict[tuple[str, str], Bar]:
    return {(row.label, bar.holder): bar for row in data.rows for bar in row.bars}


def years(data: TimelineData, at: float) -> float:
    return data.first + at * (data.last - data.first)


def test_one_row_per_organisation_with_a_bar_for_every_role(g: Graph) -> None:
    data = timeline_data(g)
    assert data.by == "organisation"
    assert [row.label for row in data.rows] == ["Tullverket", "Kustbevakningen"]
    assert set(bars(data)) == {
        ("Tullverket", "Anna Berg"),
        ("Tullverket", "Erik Sand"),
        ("Tullverket", "Lena Ek"),
        ("Tullverket", "Per Lund"),
        ("Tullverket", "Maria Holm"),
        ("Kustbevakningen", "Anna Berg"),
    }
    assert len(list(g.subjects(RDF.type, KG.Role))) == 6


def test_a_year_covers_the_whole_year_and_a_post_still_held_runs_to_its_article(
    g: Graph,
) -> None:
    data = timeline_data(g)
    found = bars(data)
    kust = found["Kustbevakningen", "Anna Berg"]
    assert (years(data, kust.left), years(data, kust.right)) == pytest.approx((2015, 2021))
    assert kust.when == "2015–2020" and not kust.open_start and not kust.open_end
    tull = found["Tullverket", "Anna Berg"]
    assert years(data, tull.left) == pytest.approx(2021 + 2 / 12)  # March 2021
    assert years(data, tull.right) == pytest.approx(2024 + 123 / 366)  # the article: 2024-05-02
    assert tull.current and tull.open_end and tull.when == "2021-03–nu"
    assert tull.label == "Anna Berg, generaldirektör"


def test_what_the_text_leaves_open_is_drawn_open(g: Graph) -> None:
    data = timeline_data(g)
    found = bars(data)
    began = found["Tullverket", "Per Lund"]  # former, a start but no end
    assert began.dated and began.open_end and not began.current and began.when == "2010–?"
    ended = found["Tullverket", "Maria Holm"]  # an end but no start: fades in from the axis
    assert ended.open_start and ended.left == 0 and ended.when == "?–2019-06-30"
    assert years(data, ended.right) == pytest.approx(2019 + 181 / 365)
    undated = found["Tullverket", "Lena Ek"]
    assert not undated.dated and undated.current and undated.when == ""


def test_bars_that_overlap_in_time_stand_in_lanes(g: Graph) -> None:
    row = timeline_data(g).rows[0]
    dated = [bar for bar in row.bars if bar.dated]
    for a in dated:
        for b in dated:
            if a is not b and a.lane == b.lane:
                assert a.right <= b.left or b.right <= a.left
    assert row.lanes == 2  # Per Lund's open post under Maria Holm's and Anna Berg's


def test_each_bar_carries_its_evidence_with_the_names_marked(g: Graph) -> None:
    bar = bars(timeline_data(g))["Tullverket", "Anna Berg"]
    (quote,) = bar.evidence
    assert quote.sentence == "Anna Berg blev generaldirektör för Tullverket i mars 2021."
    assert [quote.sentence[s:e] for s, e in quote.marks] == [
        "Anna Berg",
        "generaldirektör",
        "Tullverket",
    ]
    assert quote.source.url == "https://example.se/tull"


def test_an_organisation_focus_gives_one_row_per_person(g: Graph) -> None:
    data = timeline_data(g, focus="tullverket")
    assert data.by == "person" and data.focus == ("Tullverket",)
    assert {row.label for row in data.rows} == {
        "Anna Berg",
        "Erik Sand",
        "Lena Ek",
        "Per Lund",
        "Maria Holm",
    }
    assert all(bar.organisation == "Tullverket" for row in data.rows for bar in row.bars)


def test_a_unit_s_posts_count_as_its_organisation_s(g: Graph) -> None:
    unit = Graph() + g
    unit.add((ID.Tullverket_Malmo, RDF.type, KG.Office))
    unit.add((ID.Tullverket_Malmo, RDFS.label, Literal("Tullverket i Malmö")))
    unit.add((ID.Tullverket_Malmo, KG.partOf, ID.Tullverket))
    unit.set((ID.role_ek_tull, KG.roleIn, ID.Tullverket_Malmo))
    data = timeline_data(unit, focus="Tullverket")
    assert bars(data)["Lena Ek", "Lena Ek"].organisation == "Tullverket i Malmö"
    assert "Lena Ek" not in {r.label for r in timeline_data(unit, focus="Kustbevakningen").rows}


def test_a_person_focus_gives_one_row_per_organisation(g: Graph) -> None:
    data = timeline_data(g, focus="Anna Berg")
    assert data.by == "organisation"
    assert [row.label for row in data.rows] == ["Kustbevakningen", "Tullverket"]
    assert [bar.label for row in data.rows for bar in row.bars] == [
        "generaldirektör",
        "generaldirektör",
    ]


def test_no_roles_or_an_unknown_focus_is_one_error(g: Graph) -> None:
    with pytest.raises(ViewError, match="no roles"):
        timeline_data(Graph())
    with pytest.raises(
        ViewError, match="no entity is called 'Tullverk'; close matches: Tullverket"
    ):
        timeline_data(g, focus="Tullverk")


def test_the_page_is_offline_and_every_label_is_escaped(g: Graph) -> None:
    html = timeline_html(timeline_data(g))
    assert "<img src=x" not in html and "<b>arbetade" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not re.search(r"\b(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert html.count('class="bar ') == 6
    script = html.split("var BARS = ", 1)[1].split(";\n", 1)[0]
    evidence = {b["holder"] + " " + b["organisation"]: b["evidence"] for b in json.loads(script)}
    assert (
        evidence["Erik Sand Tullverket"][0][0]
        == "Erik Sand <b>arbetade</b> tidigare på Tullverket."
    )


def test_kg_view_timeline_writes_the_page(g: Graph, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    done = CliRunner().invoke(
        main, ["view", str(ROLES), "--timeline", "--focus", "Anna Berg", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    assert done.output == f"{out}: 2 roles in 2 rows\n"
    assert out.read_text(encoding="utf-8") == timeline_html(timeline_data(g, focus="Anna Berg"))
    missing = CliRunner().invoke(main, ["view", str(ROLES), "--timeline", "--focus", "Nobody"])
    assert missing.exit_code != 0 and missing.output.startswith("Error: no entity is called")
    assert "Traceback" not in missing.output


def test_write_timeline_returns_what_it_drew(g: Graph, tmp_path: Path) -> None:
    path = tmp_path / "ut" / "timeline.html"
    assert write_timeline(g, path) == timeline_data(g)
    assert path.read_text(encoding="utf-8") == timeline_html(timeline_data(g))
