"""merge() in graph.extract.decisions: when two reports are one decision."""

from __future__ import annotations

from decimal import Decimal

from graph.extract.decisions import merge
from graph.records import Decision, Evidence, Mention

AGENCY = Mention("doc-1", 0, 12, "Skatteverket", "Agency", "agency/skatteverket")


def reported(
    start: int, end: int, headcount: int | None = None, amount_sek: Decimal | None = None
) -> Decision:
    evidence = Evidence("doc-1", "…", start, end, "decision:move")
    return Decision(AGENCY, "move", "flytta 150 tjänster", evidence, amount_sek, headcount)


def test_the_next_sentence_that_goes_on_about_a_decision_merges_into_it() -> None:
    # "Skatteverket ska flytta 150 tjänster. Flytten beräknas kosta 45 miljoner kronor."
    first = reported(0, 38, headcount=150)
    costs = reported(39, 82, amount_sek=Decimal(45_000_000))
    [decision] = merge([first, costs])
    assert (decision.headcount, decision.amount_sek) == (150, Decimal(45_000_000))
    assert decision.more_evidence == (costs.evidence,)


def test_a_report_further_on_with_other_numbers_is_another_decision() -> None:
    first = reported(0, 38, headcount=150)
    later = reported(120, 160, amount_sek=Decimal(45_000_000))
    assert merge([first, later]) == [first, later]


def test_numbers_that_disagree_never_merge_even_next_to_each_other() -> None:
    first = reported(0, 38, headcount=150)
    other = reported(39, 82, headcount=80)
    assert merge([first, other]) == [first, other]
