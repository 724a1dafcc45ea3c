"""What a SPARQL query answered, and that answer as a table, CSV or SPARQL JSON.

The answer is written from its cells (graph.store.cells), so `kg query` formats what it
was sent without loading rdflib; a `QueryResult` of rdflib terms is read into cells first.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from graph.store.cells import XSD_BOOLEAN, Cell, Table
from graph.store.choices import RESULT_FORMATS
from graph.store.errors import StoreError
from graph.store.terms import json_printable, pastable_iri, printable

if TYPE_CHECKING:
    from graph.store.rdflib_terms import Term

#: A literal in a table longer than this is cut with an ellipsis; csv and json keep it whole.
MAX_CELL_WIDTH = 80


class QueryResult(NamedTuple):
    """What a SPARQL query answered.

    SELECT: ``variables`` in query order and one row per solution; a cell is an
    rdflib term (a ``str`` subclass: ``str(cell)`` is the IRI or the literal's
    lexical form) or None where the variable is unbound.
    ASK: no variables, no rows, ``boolean`` holds the answer.
    CONSTRUCT / DESCRIBE: variables ``subject predicate object``, one row per triple.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    boolean: bool | None = None


def format_result(result: QueryResult | Table, fmt: str, *, terminal: bool = False) -> str:
    """Render `result` as "table" (aligned text), "csv" (RFC 4180) or "json" (SPARQL 1.1 JSON).

    csv follows the SPARQL 1.1 CSV results format (IRIs in full, literals as their
    lexical form, blank nodes as ``_:id``); an ASK answer is a one-column
    ``boolean`` table in table and csv form. Every format ends with a line break.
    Control characters never come out raw in a table or JSON (JSON escapes them);
    csv keeps values as they are unless it goes to a `terminal`.
    """
    cells = result if isinstance(result, Table) else _cells(result)
    if fmt == "table":
        return _table(cells)
    if fmt == "csv":
        return _csv(cells, printable if terminal else str)
    if fmt == "json":
        return _json(cells)
    raise StoreError(f"unknown result format {fmt!r}: use one of {', '.join(RESULT_FORMATS)}")


def _cells(result: QueryResult) -> Table:
    from graph.store.rdflib_terms import as_cell  # rdflib: loaded already, it made `result`

    rows = tuple(tuple(None if t is None else as_cell(t) for t in row) for row in result.rows)
    return Table(result.variables, rows, result.boolean)


def _tabular(result: Table) -> Table:
    """An ASK answer as a one-column table, so every format has one shape to write."""
    if result.boolean is None:
        return result
    answer = Cell("literal", "true" if result.boolean else "false", datatype=XSD_BOOLEAN)
    return Table(variables=("boolean",), rows=((answer,),))


def _table(result: Table) -> str:
    result = _tabular(result)
    cells = [[_short(cell) for cell in row] for row in result.rows]
    widths = [
        max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(result.variables)
    ]

    def line(values: list[str]) -> str:
        return "  ".join(value.ljust(width) for value, width in zip(values, widths, strict=True))

    count = len(result.rows)
    lines = [line(list(result.variables)), line(["-" * width for width in widths])]
    lines += [line(row) for row in cells]
    lines.append(f"({count} {'row' if count == 1 else 'rows'})")
    return "".join(text.rstrip() + "\n" for text in lines)


def _short(cell: Cell | None) -> str:
    """A cell as a person reads it: IRIs as a query takes them, literals without quotes.

    An IRI is never cut, so it can be pasted into the next query; control characters
    in a literal are spelt out, so a label cannot drive the terminal.
    """
    if cell is None:
        return ""
    if cell.kind == "uri":
        return pastable_iri(cell.value)
    if cell.kind == "bnode":
        return f"_:{cell.value}"
    text = printable(" ".join(cell.value.split()))  # an evidence sentence may hold line breaks
    return text if len(text) <= MAX_CELL_WIDTH else text[: MAX_CELL_WIDTH - 1] + "…"


def _csv(result: Table, shown: Callable[[str], str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 ends records with CRLF
    result = _tabular(result)
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if cell is None else shown(_csv_cell(cell)) for cell in row])
    return buffer.getvalue()


def _csv_cell(cell: Cell) -> str:
    return f"_:{cell.value}" if cell.kind == "bnode" else cell.value


def _json(result: Table) -> str:
    document: dict[str, object]
    if result.boolean is not None:
        document = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {
                name: _json_term(cell)
                for name, cell in zip(result.variables, row, strict=True)
                if cell is not None
            }
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json_printable(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _json_term(cell: Cell) -> dict[str, str]:
    term = {"type": cell.kind, "value": cell.value}
    if cell.language:
        term["xml:lang"] = cell.language
    elif cell.datatype:
        term["datatype"] = cell.datatype
    return term
