"""Checking a policy payload against its kind's schema: pure functions over plain JSON values.

Values are as `json.loads(text, object_pairs_hook=tuple)` gives them: an object is a tuple of
`(key, value)` pairs (so repeated keys survive, and `{}` is told from `[]`), an array a list,
and strings, numbers, booleans and None as usual. The positioned scanner's nodes turn into the
same values, so the lenient path (single quotes, trailing commas) is checked the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kqllint.policies.problem import Context, Path, Problem, describe, problem, suggest, where
from kqllint.policies.scalars import identity, scalar, wrong_type
from kqllint.policies.values import LOWER_GUID as _LOWER_GUID
from kqllint.policies.values import NIL_GUID
from kqllint.policies.schema import (
    AnyType, ArrayType, BoolType, Entity, EnumType, GuidOrSystemType, ObjectType, PayloadShape, PolicyKind,
    Property, StringType, Type, Verb,
)  # fmt: skip

__all__ = ["Verdict", "describe", "form_allowed", "json_shape", "members", "suggest", "validate", "validate_arguments", "where"]

if TYPE_CHECKING:
    from datetime import datetime


class Verdict(enum.Enum):
    """What Kusto makes of a verb x entity x kind form."""

    ACCEPTED = "accepted"
    DOCS_ONLY = "docs-only"  # the docs show it; Kusto.Language rejects it
    REJECTED = "rejected"


def form_allowed(kind: PolicyKind, verb: Verb, entity: Entity, shape: PayloadShape | None = None) -> Verdict:
    """Whether `.verb entity policy kind` (with an argument of `shape`, if given) is accepted.

    A string-literal shape stands for all of them: the parser does not look inside the string.
    """

    def matches(forms: Iterable[Any]) -> bool:
        for f in forms:
            if f.verb is verb and entity in f.entities:
                if shape is None or f.shape is shape or (shape.is_string and f.shape.is_string):
                    return True
        return False

    if matches(kind.forms):
        return Verdict.ACCEPTED
    return Verdict.DOCS_ONLY if matches(kind.docs_forms) else Verdict.REJECTED


def validate(
    kind: PolicyKind, verb: Verb, entity: Entity, value: Any, now: datetime | None = None, name: str | None = None
) -> list[Problem]:
    """The problems of `value`, the JSON payload of `.verb entity policy kind`.

    `now` is the time `expiry-in-past` compares with; without it that check is skipped. `name`
    is the entity's name (the workload group's, for its built-in groups).
    Never raises on a JSON value; returns [] for a kind or verb without a JSON payload.
    """
    shape = json_shape(kind, verb)
    if shape is None:
        return []
    context = Context(verb, entity, now, name)
    want_array = shape is PayloadShape.JSON_ARRAY
    value = _plain(value)
    out = _duplicate_keys(value)
    if isinstance(value, list) != want_array or not isinstance(value, (list, tuple)):
        return [_wrong_shape(kind, value, want_array), *out]
    if kind.payload is not None:
        _check(kind.payload, value, (), context, out)
    for check in kind.checks:
        out.extend(check(value, context))
    return out


_JSON_SHAPES: dict[tuple[str, Verb], PayloadShape | None] = {}


def json_shape(kind: PolicyKind, verb: Verb) -> PayloadShape | None:
    """The JSON shape `verb` takes for `kind`, if any, None when `validate` does not look at
    a payload of `verb` (asked once per payload: kept)."""
    key = (kind.name, verb)
    if key not in _JSON_SHAPES:
        shapes = [s for s in kind.shapes(verb) if s in (PayloadShape.JSON_OBJECT, PayloadShape.JSON_ARRAY)]
        _JSON_SHAPES[key] = shapes[0] if shapes else None
    return _JSON_SHAPES[key]


_ARGUMENT_SCHEMAS: dict[str, ObjectType] = {}


def validate_arguments(
    kind: PolicyKind, verb: Verb, entity: Entity, pairs: Iterable[tuple[str, Any]]
) -> list[Problem]:
    """The problems of a keyword form's `name = value` arguments, or of a `with (...)` list, as
    plain pairs; values are their source text (`7d`, `disabled`) or, in `with`, plain values."""
    context = Context(verb, entity, None)
    arguments = tuple(pairs)
    out: list[Problem] = []
    schema = _ARGUMENT_SCHEMAS.get(kind.name)
    if schema is None:  # made once per kind: an `ObjectType` indexes its properties
        schema = _ARGUMENT_SCHEMAS[kind.name] = ObjectType(properties=kind.keyword_args)
    _object(schema, arguments, (), context, out)
    for check in kind.argument_checks:
        out.extend(check(arguments, context))
    return out


def members(value: Any) -> dict[str, tuple[str, Any]]:
    """An object's members by lowercase name, `(key as written, value)`; the last one wins."""
    if not isinstance(value, tuple):
        return {}
    return {key.lower(): (key, v) for key, v in value}


def _plain(value: Any) -> Any:
    return tuple(value.items()) if isinstance(value, dict) else value


def _wrong_shape(kind: PolicyKind, value: Any, want_array: bool) -> Problem:
    expected = "a JSON array" if want_array else "a JSON object"
    message = f"the `{kind.name}` policy payload must be {expected}, found {describe(value)}"
    if want_array and isinstance(value, tuple):
        help = "wrap the object in `[...]`"
    elif isinstance(value, list) and len(value) == 1 and isinstance(value[0], tuple):
        help = "write the object without the `[...]` around it"
    else:
        help = f"write {expected}"
    return problem("wrong-shape", (), message, help)


# ---- the walk ---------------------------------------------------------------------------


def _check(type_: Type, value: Any, path: Path, context: Context, out: list[Problem]) -> None:
    kind = type(type_)
    if kind is StringType and type(value) is str:
        return  # the common case first: most values are strings
    if kind is ObjectType:
        if isinstance(value, tuple):
            _object(type_, value, path, context, out)  # type: ignore[arg-type]
        else:
            out.append(wrong_type(type_, value, path))
    elif kind is ArrayType:
        if isinstance(value, list):
            item = type_.item  # type: ignore[attr-defined]
            for i, element in enumerate(value):
                _check(item, element, (*path, i), context, out)
            _array_length(type_, value, path, out)  # type: ignore[arg-type]
        else:
            out.append(wrong_type(type_, value, path))
    elif kind is GuidOrSystemType:
        out.extend(identity(type_, value, path))  # type: ignore[arg-type]
    elif kind is not AnyType:
        found = scalar(type_, value, path)
        if found is not None:
            out.append(found)


def _array_length(type_: ArrayType, value: list[Any], path: Path, out: list[Problem]) -> None:
    most = type_.max_items
    if most is not None and len(value) > most:
        out.append(problem("out-of-range", path, f"{where(path)} may hold at most {most} items, found {len(value)}"))


def _object(schema: ObjectType, pairs: tuple[Any, ...], path: Path, context: Context, out: list[Problem]) -> None:
    # Key checks judge every member, as written; value checks judge the member a JSON reader
    # keeps, the last of those whose names are equal ignoring case.
    by_name = schema.by_name
    repeats = len({k for k, _ in pairs}) < len(pairs)
    last: dict[str, tuple[str, Any]] = {}
    for i, (key, value) in enumerate(pairs):
        low = key.lower()
        last[low] = (key, value)
        spec = by_name.get(low)
        occurrence = _occurrence(pairs, i) if repeats else -1
        if spec is None:
            out.append(_unknown(schema, key, (*path, key), occurrence))
        elif key != spec.name or key in schema.flagged:
            _key(spec, key, (*path, key), occurrence, context, out)
    for low, (key, value) in last.items():
        spec = by_name.get(low)
        if spec is None or (value is None and spec.nullable) or _plainly_right(spec.type, value):
            continue
        _check(spec.type, value, (*path, key), context, out)
    for spec in schema.required:
        if context.verb in spec.required and spec.name.lower() not in last:
            out.append(_missing(schema, spec, last, path))


def _plainly_right(type_: Type, value: Any) -> bool:
    """A quick yes for the usual string, boolean, enum and identity values (no path to build)."""
    kind = type(type_)
    if kind is StringType:
        return type(value) is str
    if kind is BoolType:
        return type(value) is bool
    if kind is GuidOrSystemType:
        # A lowercase GUID other than the nil one, or `system`: most identities.
        return type(value) is str and (value == "system" or (_LOWER_GUID.fullmatch(value) is not None and value != NIL_GUID))
    return kind is EnumType and type(value) is str and value in type_.values  # type: ignore[attr-defined]


def _occurrence(pairs: tuple[Any, ...], i: int) -> int:
    """Which of the members spelt as member `i` it is (0-based), or -1 for the last one."""
    key = pairs[i][0]
    if all(k != key for k, _ in pairs[i + 1 :]):
        return -1
    return sum(1 for k, _ in pairs[:i] if k == key)


def _duplicate_keys(value: Any) -> list[Problem]:
    """Every key given again in its object, at any depth, schema or not (names equal ignoring
    case collide: the service binds them so). An explicit stack, and paths kept as links to
    the parent's, so deep nesting costs neither recursion nor quadratic copying."""
    out: list[Problem] = []
    stack: list[tuple[Any, Any]] = [(value, None)]
    while stack:
        node, link = stack.pop()
        if isinstance(node, list):
            stack.extend((item, (link, i)) for i, item in enumerate(node) if isinstance(item, (list, tuple)))
            continue
        if not isinstance(node, tuple):
            continue
        members = node
        if len({k.lower() for k, _ in node}) < len(node):
            out.extend(_repeats(node, _path(link)))
            # A path names the last member of a spelling: an earlier one is overwritten anyway.
            members = tuple({k: v for k, v in node}.items())
        stack.extend((v, (link, k)) for k, v in members if isinstance(v, (list, tuple)))
    return out


def _path(link: Any) -> Path:
    steps = []
    while link is not None:
        link, step = link
        steps.append(step)
    return tuple(reversed(steps))


def _repeats(pairs: tuple[Any, ...], path: Path) -> list[Problem]:
    first: dict[str, str] = {}
    out = []
    for i, (key, _) in enumerate(pairs):
        low = key.lower()
        if low in first:
            how = "again" if first[low] == key else f"again as `{key}` (names bind ignoring case)"
            message = f"property `{first[low]}` is given {how}; only the last value is kept"
            at = {"on_key": True, "occurrence": _occurrence(pairs, i)}
            out.append(problem("duplicate-key", (*path, key), message, "keep one of them", **at))
        first.setdefault(low, key)
    return out


def _key(spec: Property, key: str, path: Path, occurrence: int, context: Context, out: list[Problem]) -> None:
    """The checks of a member's name: its case, and whether it may be given here."""
    name = spec.name
    at = {"on_key": True, "occurrence": occurrence}
    if key != name and spec.keyword:
        message = f"`{key}` must be written `{name}`: Kusto's keywords are case-sensitive"
        out.append(problem("keyword-case", path, message, f"write `{name}`", fix=name, **at))
    elif key != name:
        message = f"property `{key}` is not written as the docs write it"
        out.append(problem("property-case", path, message, f"write `{name}`", fix=f'"{name}"', **at))
    if spec.output:
        out.append(problem("service-filled", path, f"`{name}` is filled in by the service", "remove it", **at))
    if spec.removed:
        message = f"`{name}` is no longer documented"
        out.append(problem("removed-property", path, message, "remove it unless support asked for it", **at))
    if spec.scopes is not None and context.entity is not None and context.entity not in spec.scopes:
        message = f"`{name}` is not allowed on `{context.entity.value}`"
        out.append(problem("not-allowed-at-scope", path, message, "remove it", **at))


def _unknown(schema: ObjectType, key: str, path: Path, occurrence: int) -> Problem:
    names = [p.name for p in schema.properties]
    guess = suggest(key, names)
    if guess:
        help = f"did you mean `{guess}`?"
    elif names:
        help = "the documented properties are " + ", ".join(f"`{n}`" for n in names)
    else:
        help = "no property is documented here"
    return problem("unknown-property", path, f"unknown property `{key}`", help, on_key=True, occurrence=occurrence)


def _missing(schema: ObjectType, spec: Property, last: dict[str, tuple[str, Any]], path: Path) -> Problem:
    name = spec.name
    known = {p.name.lower() for p in schema.properties}
    help = f"add `{name}`"
    for low, (key, _) in last.items():
        if low not in known and suggest(key, [name]) == name:
            help = f"did you mean `{name}` instead of `{key}`?"
            break
    top = not path or (len(path) == 1 and isinstance(path[0], int))  # a policy object itself
    where_ = "policy object" if top else f"the object at {where(path)}"
    return problem("missing-required", path, f"{where_} has no `{name}`", help)


