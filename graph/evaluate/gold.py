"""The gold file: JSON Lines of entities, relations, attributes and decisions, checked as read."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NamedTuple

from graph.errors import KgError
from graph.evaluate.names import CORE_CLASSES, LOCATED_IN, PART_OF
from graph.vocab import ENTITY_CLASSES, KG, local_name

JsonObject = Mapping[str, Any]


class EvalError(KgError):
    """A gold file that cannot be read, with one line saying where and why."""


@dataclass(frozen=True, kw_only=True)
class GoldLine:
    """What every gold record keeps of its line: the document, the line number, the JSON."""

    doc: str | None
    line: int
    #: The JSON object as written (reports echo it so it can be pasted back).
    source: JsonObject = field(compare=False, repr=False)

    def as_jsonl(self) -> str:
        return json.dumps(self.source, ensure_ascii=False)


class OfficeSignature(NamedTuple):
    """An office known by where it is and whose it is, whatever it is called."""

    located_in: str
    part_of: str


@dataclass(frozen=True)
class Entity(GoldLine):
    """A named thing that the graph should have one node for."""

    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    #: The classes that count as typed right (the gold's "classes", else its "class").
    accepted_classes: tuple[str, ...] = ()
    optional: bool = False
    signature: OfficeSignature | None = None


@dataclass(frozen=True)
class Relation(GoldLine):
    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class Attribute(GoldLine):
    subject: str
    predicate: str
    #: A whole number is compared as a number, anything else as folded text.
    value: str | int | float


@dataclass(frozen=True)
class DecisionGold(GoldLine):
    """A decision that the actor (or also_actor) took, with the numbers it must carry."""

    actor: str
    amount_sek: float | None = None
    headcount: float | None = None
    requested_from: str | None = None
    also_actor: str | None = None


GoldItem = Entity | Relation | Attribute | DecisionGold
GoldFact = Relation | Attribute | DecisionGold


class _Type(NamedTuple):
    """What a field's value must be, and the problem an error names (with `{value!r}`)."""

    accepts: Callable[[Any], bool]
    problem: str


def _is_number(value: object) -> bool:
    # bool is an int in Python; a gold `true` is a slip, not a count.
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_class(value: object) -> bool:
    return isinstance(value, str) and value in CORE_CLASSES


def _is_predicate(value: object) -> bool:
    # A local name of the vocabulary, as the graph is read by local names.
    return isinstance(value, str) and local_name(value) == value and value in KG


_CLASS_NAMES: Final = ", ".join(ENTITY_CLASSES)
_TEXT: Final = _Type(
    lambda v: isinstance(v, str) and bool(v.strip()), "must be a non-empty string, not {value!r}"
)
_TEXTS: Final = _Type(
    lambda v: isinstance(v, list) and all(isinstance(s, str) for s in v),
    "must be a list of strings, not {value!r}",
)
_NUMBER: Final = _Type(_is_number, "must be a number, not {value!r}")
_VALUE: Final = _Type(
    lambda v: isinstance(v, str) or _is_number(v), "must be a string or a number, not {value!r}"
)
_FLAG: Final = _Type(lambda v: isinstance(v, bool), "must be true or false, not {value!r}")
_OBJECT: Final = _Type(lambda v: isinstance(v, dict), "must be an object, not {value!r}")
_CLASS: Final = _Type(_is_class, f"unknown class {{value!r}} (one of {_CLASS_NAMES})")
_CLASSES: Final = _Type(
    lambda v: isinstance(v, list) and all(map(_is_class, v)),
    f"must be a list of classes, each one of {_CLASS_NAMES}; not {{value!r}}",
)
_PREDICATE: Final = _Type(_is_predicate, "{value!r} is not a term of the kg: vocabulary")


class _Line(NamedTuple):
    """One gold line's JSON object, read field by field; errors name the line."""

    obj: JsonObject
    kind: str
    where: str
    number: int

    def get(self, name: str, type_: _Type = _TEXT, required: bool = True) -> Any:
        """The field's value, checked; None when an optional field is absent."""
        if name not in self.obj:
            if not required:
                return None
            raise EvalError(f"{self.where}: missing field {name!r} for kind {self.kind!r}")
        value = self.obj[name]
        # null is refused rather than read as "absent": the reference scorer
        # reads a key that is there as a value (a null amount misses every decision).
        if value is None:
            raise EvalError(f"{self.where}: field {name!r} is null; leave it out instead")
        if not type_.accepts(value):
            problem = type_.problem.format(value=value)
            raise EvalError(f"{self.where}: field {name!r}: {problem}")
        return value

    def common(self) -> dict[str, Any]:
        """The GoldLine fields."""
        return {"doc": self.get("doc", required=False), "line": self.number, "source": self.obj}


def _entity(line: _Line) -> Entity:
    cls = line.get("class", _CLASS)
    classes = line.get("classes", _CLASSES, required=False)
    return Entity(
        label=line.get("label"),
        cls=cls,
        aliases=tuple(line.get("aliases", _TEXTS, required=False) or ()),
        accepted_classes=tuple(classes if classes is not None else [cls]),
        optional=bool(line.get("optional", _FLAG, required=False)),
        signature=_signature(line),
        **line.common(),
    )


def _signature(line: _Line) -> OfficeSignature | None:
    value = line.get("signature", _OBJECT, required=False)
    if value is None:
        return None
    inner = _Line(value, "signature", line.where, line.number)
    return OfficeSignature(inner.get(LOCATED_IN), inner.get(PART_OF))


def _relation(line: _Line) -> Relation:
    subject, predicate = line.get("subject"), line.get("predicate", _PREDICATE)
    return Relation(subject, predicate, line.get("object"), **line.common())


def _attribute(line: _Line) -> Attribute:
    value = line.get("value", _VALUE)
    return Attribute(line.get("subject"), line.get("predicate", _PREDICATE), value, **line.common())


def _decision(line: _Line) -> DecisionGold:
    return DecisionGold(
        actor=line.get("actor"),
        amount_sek=line.get("amountSEK", _NUMBER, required=False),
        headcount=line.get("headcount", _NUMBER, required=False),
        requested_from=line.get("requestedFrom", required=False),
        also_actor=line.get("alsoActor", required=False),
        **line.common(),
    )


_PARSERS: Final[Mapping[str, Callable[[_Line], GoldItem]]] = {
    "entity": _entity,
    "relation": _relation,
    "attribute": _attribute,
    "decision": _decision,
}


def _parse_line(text: str, where: str, number: int) -> GoldItem:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise EvalError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(obj, dict):
        raise EvalError(f"{where}: a gold line must be a JSON object, not {type(obj).__name__}")
    if "kind" not in obj:
        raise EvalError(f"{where}: missing field 'kind'")
    kind = obj["kind"]
    if not isinstance(kind, str) or kind not in _PARSERS:
        raise EvalError(f"{where}: unknown kind {kind!r} (one of {', '.join(_PARSERS)})")
    return _PARSERS[kind](_Line(obj, kind, where, number))


def parse_gold(lines: Iterable[str], name: str = "gold") -> list[GoldItem]:
    """Gold records from JSON Lines text; blank lines are skipped; `name` is used in errors."""
    numbered = enumerate(lines, start=1)
    return [_parse_line(text, f"{name} line {n}", n) for n, text in numbered if text.strip()]


def load_gold(path: Path) -> list[GoldItem]:
    """The records of a gold JSONL file, checked: an EvalError names the first bad line."""
    try:
        # utf-8-sig: a byte-order mark written by an editor is not part of line 1.
        with path.open(encoding="utf-8-sig") as lines:
            return parse_gold(lines, str(path))
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"cannot read gold file {path}: {err}") from err


def gold_documents(gold: Iterable[GoldItem]) -> set[str]:
    """The "doc" ids that the gold covers."""
    return {item.doc for item in gold if item.doc is not None}
