"""The building blocks a policy kind is declared with: verbs, entities, value types, properties."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

# Plain classes with __slots__ rather than dataclasses: the registry is built at import, and
# a dataclass costs about a millisecond to create (issue 15 measured it). `_Value` gives them
# value semantics and refuses assignment after __init__.


class _Value:
    __slots__ = ()

    def __init__(self, **fields: Any) -> None:
        for name in self.__slots__:
            object.__setattr__(self, name, fields.pop(name, getattr(type(self), "_" + name, None)))
        if fields:
            raise TypeError(f"{type(self).__name__}: unknown fields {sorted(fields)}")

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, n) for n in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, *(_hashable(v) for v in self._key())))

    def __repr__(self) -> str:
        args = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({args})"


def _hashable(value: object) -> object:
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


# Re-exported: the kind modules take everything they declare with from this module.
from kqllint.policies.commands import (  # noqa: F401
    ALTER_ONLY, CLUSTER, COLUMN, DATABASE, DATABASE_LEVEL, ENTITY_TEXT, EXTERNAL_TABLE, GRAPH_MODEL,
    NAMED_DATABASE, PLAIN_VIEW, TABLE, TABLES, VIEW, WORKLOAD_GROUP, WRITE_VERBS, Entity, PayloadShape, Verb,
)  # fmt: skip


# ---- value types ------------------------------------------------------------------------


class Type(_Value):
    """A JSON value type. `name` is how messages say it: "a string", "a timespan"."""

    __slots__ = ()
    name = "a value"


class AnyType(Type):
    """Any JSON value: the docs say nothing about it."""

    __slots__ = ()
    name = "any value"


class StringType(Type):
    __slots__ = ()
    name = "a string"


class BoolType(Type):
    __slots__ = ()
    name = "`true` or `false`"


class Range(_Value):
    """A documented range; `low_open`/`high_open` exclude the bound. Bounds are numbers
    (seconds, for timespans) or None for no bound."""

    __slots__ = ("low", "high", "low_open", "high_open", "text")
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    text: str
    _low_open = False
    _high_open = False

    def contains(self, x: float) -> bool:
        low, high = self.low, self.high
        if low is not None and (x < low or (self.low_open and x == low)):
            return False
        return high is None or not (x > high or (self.high_open and x == high))


class IntType(Type):
    __slots__ = ("range",)
    range: Range | None
    name = "an integer"


class RealType(Type):
    __slots__ = ("range",)
    range: Range | None
    name = "a number"


class TimespanType(Type):
    """A JSON string in .NET `TimeSpan` form `[-][d.]hh:mm[:ss[.fffffff]]`."""

    __slots__ = ("range",)
    range: Range | None
    name = "a timespan"


class LiteralTimespanType(Type):
    """A Kusto timespan literal outside JSON, such as `7d` (keyword forms)."""

    __slots__ = ("range",)
    range: Range | None
    name = "a timespan literal"


class DatetimeType(Type):
    __slots__ = ()
    name = "a datetime"


class EnumType(Type):
    """A string with a closed set of values, spelled as the docs spell them. `legacy` maps
    old names (any case) to today's; `any_case` says the docs themselves write the values in
    more than one case, so case is not checked; `keyword` says the values are keywords of the
    command's grammar, which Kusto matches case-sensitively."""

    __slots__ = ("values", "legacy", "any_case", "keyword")
    values: tuple[str, ...]
    legacy: dict[str, str]
    any_case: bool
    keyword: bool
    _legacy: dict[str, str] = {}
    _any_case = False
    _keyword = False
    name = "one of its documented values"


class GuidOrSystemType(Type):
    """An identity: a GUID (8-4-4-4-12 hexadecimal digits, any case) or `system`."""

    __slots__ = ()
    name = "a GUID or `system`"


class ObjectType(Type):
    """A JSON object with a closed set of properties, in canonical order."""

    __slots__ = ("properties", "by_name", "required", "flagged")
    properties: tuple[Property, ...]
    by_name: dict[str, Property]  # by lowercase name: the service binds names ignoring case
    required: tuple[Property, ...]  # those required on some verb
    flagged: frozenset[str]  # documented spellings of properties whose name alone is a finding
    name = "an object"

    def __init__(self, properties: tuple[Property, ...]) -> None:
        by_name = {p.name.lower(): p for p in properties}
        required = tuple(p for p in properties if p.required)
        flagged = frozenset(p.name for p in properties if p.output or p.removed or p.scopes is not None)
        super().__init__(properties=properties, by_name=by_name, required=required, flagged=flagged)

    def _key(self) -> tuple[object, ...]:
        return (self.properties,)

    def property(self, name: str) -> Property | None:
        """The property called `name`, ignoring case."""
        return self.by_name.get(name.lower())


class ArrayType(Type):
    __slots__ = ("item", "max_items")
    item: Type
    max_items: int | None
    name = "an array"


# ---- properties and kinds ---------------------------------------------------------------

# A `Property.layout`: a string value that is a comma-separated list, written `"A, B"`.
COMMA_LIST = "comma-list"


class Slot(enum.Enum):
    """What Kusto's grammar takes as a keyword argument's value."""

    LITERAL = "literal"  # `<timespan>`: any one literal (`7d`, `30`, `'7d'`, `datetime(...)`)
    STRING = "string"  # `<string>`: one string literal
    KEYWORD = "keyword"  # one of its enum's values, a lowercase keyword
    RANGE = "range"  # `<datetime> .. <datetime>`


class Property(_Value):
    """One documented property: its spelling, type and what the docs say about it.

    `required` lists the verbs on which it must be given; `output` marks a property the service
    fills (shown by `.show`, not input); `scopes` limits the entities where it may be given
    (None: everywhere); `nullable` says `null` is a documented value; `removed` marks a
    property the docs no longer list; `keyword` marks a keyword argument's name that is a
    keyword of the grammar (`softdelete`), matched case-sensitively. `layout` is how the
    formatter writes the value when it is not plain JSON layout: `COMMA_LIST` for a string
    holding a comma-separated list (its items trimmed and joined by `", "`).

    For a keyword argument, how it sits in its form (Kusto's grammar strings): `slot` is what
    its value must be (None: as its type says); `comma` says a comma may come before it;
    `repeat` that it may be given again (the repeats separated by commas); `instead_of` names
    the argument it stands in for together with the others that name it (`hotdata` and
    `hotindex` instead of `hot`); `parser_entities` limits the entities after which Kusto's
    parser takes it (None: all; the docs may show more, as a docs-only form). Kusto takes them
    in the order the kind lists them.
    """

    __slots__ = (
        "name", "type", "required", "output", "scopes", "range_doc", "default", "doc", "nullable", "removed", "keyword",
        "layout", "slot", "comma", "repeat", "instead_of", "parser_entities",
    )  # fmt: skip
    name: str
    type: Type
    required: frozenset[Verb]
    output: bool
    scopes: frozenset[Entity] | None
    range_doc: str
    default: object
    doc: str
    nullable: bool
    removed: bool
    keyword: bool
    layout: str
    slot: Slot | None
    comma: bool
    repeat: bool
    instead_of: str
    parser_entities: frozenset[Entity] | None
    _keyword = False
    _layout = ""
    _comma = False
    _repeat = False
    _instead_of = ""
    _required = frozenset()
    _output = False
    _nullable = False
    _removed = False
    _range_doc = ""
    _doc = ""


class Form(_Value):
    """The entities a verb accepts with one payload shape; `example` is a valid argument."""

    __slots__ = ("verb", "entities", "shape", "example", "note")
    verb: Verb
    entities: frozenset[Entity]
    shape: PayloadShape
    example: str
    note: str
    _note = ""


# A kind-specific check: (root value, context) -> problems. `Context` and `Problem` live in
# `validate.py`; the kind modules import them from there.
KindCheck = Callable[[Any, Any], Iterable[Any]]


class PolicyKind(_Value):
    """One policy kind, as data: what the linter, the formatter and the docs need of it.

    `forms` are exactly what Kusto.Language accepts; `docs_forms` are forms the docs show and
    the parser rejects. `payload` is the JSON schema (an ObjectType, or an ArrayType of one),
    None when the docs give none. `keyword_args` are the `name = value` arguments of keyword
    forms and `with (...)` lists. `checks` are the kind's own checks over a JSON payload,
    `argument_checks` over the keyword arguments. `keywords` are the words of its keyword
    forms (bare values such as `enable`, directions such as `asc`); `keyword_required` names
    the `name = value` arguments of which a keyword form needs at least one (the arguments
    that stand `instead_of` one count for it). `policy_word` is False for a kind whose
    commands are not `policy` commands: the workload group's `.create-or-alter workload_group
    Name '<json>'`, where `name` is the entity keyword and no `policy` word comes before it.
    """

    __slots__ = (
        "name", "title", "forms", "docs_forms", "payload", "keywords", "keyword_args", "keyword_required", "checks",
        "argument_checks", "cluster_only", "url", "doc", "policy_word",
    )  # fmt: skip
    name: str
    title: str
    forms: tuple[Form, ...]
    docs_forms: tuple[Form, ...]
    payload: ObjectType | ArrayType | None
    keywords: tuple[str, ...]
    keyword_args: tuple[Property, ...]
    keyword_required: tuple[str, ...]
    checks: tuple[KindCheck, ...]
    argument_checks: tuple[KindCheck, ...]
    cluster_only: bool
    url: str
    doc: str
    policy_word: bool
    _policy_word = True
    _docs_forms = ()
    _keywords = ()
    _keyword_args = ()
    _keyword_required = ()
    _checks = ()
    _argument_checks = ()
    _cluster_only = False
    _doc = ""

    def shapes(self, verb: Verb) -> tuple[PayloadShape, ...]:
        """The payload shapes `verb` takes, in declaration order."""
        out: list[PayloadShape] = []
        for form in self.forms:
            if form.verb is verb and form.shape not in out:
                out.append(form.shape)
        return tuple(out)

    def keyword_form_args(self) -> tuple[Property, ...]:
        """The `name = value` arguments of its keyword forms, in the order Kusto takes them
        (the others of `keyword_args` go in `with (...)` lists)."""
        return tuple(p for p in self.keyword_args if p.keyword)

    def key_order(self) -> tuple[str, ...]:
        """The canonical key order of the payload's (or its items') top-level object."""
        schema = self.payload
        if isinstance(schema, ArrayType):
            schema = schema.item
        if isinstance(schema, ObjectType):
            return tuple(p.name for p in schema.properties)
        return ()


_EXAMPLES = {PayloadShape.JSON_OBJECT: "'{}'", PayloadShape.JSON_ARRAY: "'[]'", PayloadShape.STRING: "'{}'"}


def forms(verb: Verb, shape: PayloadShape, *entity_sets: Iterable[Entity], example: str = "", note: str = "") -> Form:
    """A `Form` for `verb` on the union of `entity_sets`, with the shape's usual example."""
    entities = frozenset().union(*entity_sets)
    example = example or _EXAMPLES.get(shape, "")
    return Form(verb=verb, entities=entities, shape=shape, example=example, note=note)


def show_delete(show: Iterable[Entity], delete: Iterable[Entity]) -> tuple[Form, ...]:
    """The `.show` and `.delete` forms, on their entities."""
    out = [forms(Verb.SHOW, PayloadShape.NONE, show)]
    if delete:
        out.append(forms(Verb.DELETE, PayloadShape.NONE, delete))
    return tuple(out)


def prop(name: str, type_: Type, doc: str = "", **more: Any) -> Property:
    """A `Property`, with keyword arguments for the rarer fields."""
    if "required" in more:
        more["required"] = frozenset(more["required"])
    if more.get("parser_entities") is not None:
        more["parser_entities"] = frozenset(more["parser_entities"])
    if "scopes" in more and more["scopes"] is not None:
        more["scopes"] = frozenset(more["scopes"])
    return Property(name=name, type=type_, doc=doc, **more)


def obj(*properties: Property) -> ObjectType:
    return ObjectType(properties=tuple(properties))


def enum_of(
    *values: str, legacy: dict[str, str] | None = None, any_case: bool = False, keyword: bool = False
) -> EnumType:
    return EnumType(values=tuple(values), legacy=dict(legacy or {}), any_case=any_case, keyword=keyword)


def span_range(low: float | None = None, high: float | None = None, text: str = "", **open_: bool) -> Range:
    return Range(low=low, high=high, text=text, **open_)


STRING = StringType()
BOOL = BoolType()
INT = IntType(range=None)
REAL = RealType(range=None)
TIMESPAN = TimespanType(range=None)
LITERAL_TIMESPAN = LiteralTimespanType(range=Range(low=0, high=None, text="0 or longer"))
DATETIME = DatetimeType()
GUID_OR_SYSTEM = GuidOrSystemType()
ANY = AnyType()
