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

from kqllint.policies.problem import Context, Path, Problem, problem
from kqllint.policies.schema import (
    AnyType,
    ArrayType,
    BoolType,
    DatetimeType,
    Entity,
    EnumType,
    GuidOrSystemType,
    IntType,
    ObjectType,
    PolicyKind,
    Property,
    RealType,
    Shape,
    StringType,
    TimespanType,
    Type,
    Verb,
)
from kqllint.policies.values import datetime_ok, identity_problems, timespan_fix, timespan_seconds
from kqllint.suggest import did_you_mean

if TYPE_CHECKING:
    from datetime import datetime


class Verdict(enum.Enum):
    """What Kusto makes of a verb x entity x kind form."""

    ACCEPTED = "accepted"
    DOCS_ONLY = "docs-only"  # the docs show it; Kusto.Language rejects it
    REJECTED = "rejected"


def form_allowed(kind: PolicyKind, verb: Verb, entity: Entity, shape: Shape | None = None) -> Verdict:
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
    kind: PolicyKind, verb: Verb, entity: Entity, value: Any, now: datetime | None = None
) -> list[Problem]:
    """The problems of `value`, the JSON payload of `.verb entity policy kind`.

    `now` is the time `expiry-in-past` compares with; without it that check is skipped.
    Never raises on a JSON value; returns [] for a kind or verb without a JSON payload.
    """
    shape = _json_shape(kind, verb)
    if shape is None:
        return []
    context = Context(verb, entity, now)
    want_array = shape is Shape.JSON_ARRAY
    value = _plain(value)
    out = _duplicate_keys(value)
    if isinstance(value, list) != want_array or not isinstance(value, (list, tuple)):
        return [_wrong_shape(kind, value, want_array), *out]
    if kind.payload is not None:
        _check(kind.payload, value, (), context, out)
    for check in kind.checks:
        out.extend(check(value, context))
    return out


_JSON_SHAPES: dict[tuple[str, Verb], Shape | None] = {}


def _json_shape(kind: PolicyKind, verb: Verb) -> Shape | None:
    """The JSON shape `verb` takes for `kind`, if any (asked once per payload: kept)."""
    key = (kind.name, verb)
    if key not in _JSON_SHAPES:
        shapes = [s for s in kind.shapes(verb) if s in (Shape.JSON_OBJECT, Shape.JSON_ARRAY)]
        _JSON_SHAPES[key] = shapes[0] if shapes else None
    return _JSON_SHAPES[key]


def validate_arguments(kind: PolicyKind, verb: Verb, entity: Entity, pairs: Iterable[tuple[str, Any]]) -> list[Problem]:
    """The problems of a keyword form's `name = value` list (`with (...)`), as plain pairs."""
    context = Context(verb, entity, None)
    out: list[Problem] = []
    _object(ObjectType(properties=kind.keyword_args), tuple(pairs), (), context, out)
    return out


def members(value: Any) -> dict[str, tuple[str, Any]]:
    """An object's members by lowercase name, `(key as written, value)`; the last one wins."""
    if not isinstance(value, tuple):
        return {}
    return {key.lower(): (key, v) for key, v in value}


def where(path: Path) -> str:
    """How a message names the value at `path`: "`Kind`", "element 0 of `PartitionKeys`"."""
    if not path:
        return "the payload"
    last = path[-1]
    if isinstance(last, int):
        return f"element {last} of {where(path[:-1])}"
    return f"`{last}`"


def describe(value: Any) -> str:
    """How a message names a JSON value's type: "a string", "`null`", "an object"."""
    if value is None or isinstance(value, bool):
        return "`null`" if value is None else f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


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
            out.append(_wrong_type(type_, value, path))
    elif kind is ArrayType:
        if isinstance(value, list):
            item = type_.item  # type: ignore[attr-defined]
            for i, element in enumerate(value):
                _check(item, element, (*path, i), context, out)
            _array_length(type_, value, path, out)  # type: ignore[arg-type]
        else:
            out.append(_wrong_type(type_, value, path))
    elif kind is GuidOrSystemType:
        out.extend(_identity(type_, value, path))  # type: ignore[arg-type]
    elif kind is not AnyType:
        found = _scalar(type_, value, path)
        if found is not None:
            out.append(found)


def _array_length(type_: ArrayType, value: list[Any], path: Path, out: list[Problem]) -> None:
    most = type_.max_items
    if most is not None and len(value) > most:
        out.append(problem("out-of-range", path, f"{where(path)} may hold at most {most} items, found {len(value)}"))


def _wrong_type(type_: Type, value: Any, path: Path, fix: str | None = None) -> Problem:
    container = isinstance(type_, (ObjectType, ArrayType)) and isinstance(value, (list, tuple))
    check = "wrong-shape" if container else "wrong-type"
    message = f"{where(path)} must be {type_.name}, found {describe(value)}"
    help = f"write `{fix}`" if fix else None
    return problem(check, path, message, help, fix=fix)


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
    """A quick yes for the usual string, boolean and enum values (no path to build)."""
    kind = type(type_)
    if kind is StringType:
        return type(value) is str
    if kind is BoolType:
        return type(value) is bool
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
    if key != name:
        message = f"property `{key}` is not written as the docs write it"
        out.append(problem("property-case", path, message, f"write `{name}`", fix=f'"{name}"', **at))
    if spec.output:
        out.append(problem("service-filled", path, f"`{name}` is filled in by the service", "remove it", **at))
    if spec.removed:
        message = f"`{name}` is no longer documented"
        out.append(problem("removed-property", path, message, "remove it unless support asked for it", **at))
    if spec.scopes is not None and context.entity not in spec.scopes:
        message = f"`{name}` is not allowed on `{context.entity.value}`"
        out.append(problem("not-allowed-at-scope", path, message, "remove it", **at))


def suggest(word: str, names: Iterable[str]) -> str | None:
    """The name `word` probably meant: a near miss, else the one name that contains it or that
    it contains (`SourceTable` -> `Source`), ignoring case."""
    names = list(names)
    guess = did_you_mean(word, names)
    if guess is not None or len(word) < 4:
        return guess
    low = word.lower()
    within = [n for n in names if len(n) >= 4 and (n.lower() in low or low in n.lower())]
    return within[0] if len(within) == 1 else None


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
    where_ = "the policy object" if not path else f"the object at {where(path)}"
    return problem("missing-required", path, f"{where_} has no `{name}`", help)


# ---- scalars ----------------------------------------------------------------------------


def _scalar(type_: Type, value: Any, path: Path) -> Problem | None:
    if isinstance(type_, StringType):
        return None if isinstance(value, str) else _wrong_type(type_, value, path)
    if isinstance(type_, BoolType):
        if isinstance(value, bool):
            return None
        text = value.strip().lower() if isinstance(value, str) else None
        return _wrong_type(type_, value, path, text if text in ("true", "false") else None)
    if isinstance(type_, (IntType, RealType)):
        return _number(type_, value, path)
    if isinstance(type_, TimespanType):
        return _timespan(type_, value, path)
    if isinstance(type_, DatetimeType):
        if not isinstance(value, str):
            return _wrong_type(type_, value, path)
        if datetime_ok(value):
            return None
        help = 'write an ISO 8601 date, such as `"2030-01-01"` or `"2030-01-01T00:00:00Z"`'
        return problem("bad-datetime", path, f"{where(path)} is not a datetime: `{value}`", help)
    if isinstance(type_, EnumType):
        return _enum(type_, value, path)
    return None


def _number(type_: IntType | RealType, value: Any, path: Path) -> Problem | None:
    integral = isinstance(type_, IntType)
    ok = isinstance(value, int) if integral else isinstance(value, (int, float))
    if isinstance(value, bool) or not ok:
        fix = value.strip() if isinstance(value, str) and value.strip().isdigit() else None
        return _wrong_type(type_, value, path, fix)
    return _range(type_, value, value, path)


def _range(type_: Any, number: float, shown: object, path: Path) -> Problem | None:
    bounds = type_.range
    if bounds is None or bounds.contains(number):
        return None
    return problem("out-of-range", path, f"{where(path)} must be {bounds.text}, found `{shown}`")


def _timespan(type_: TimespanType, value: Any, path: Path) -> Problem | None:
    if not isinstance(value, str):
        help = 'write a timespan string such as `"00:05:00"` (`[d.]hh:mm[:ss]`)'
        return problem("wrong-type", path, f"{where(path)} must be a timespan string, found {describe(value)}", help)
    seconds = timespan_seconds(value)
    if seconds is not None:
        return _range(type_, seconds, value, path)
    fix = timespan_fix(value)
    message = f"{where(path)} is not a timespan in `[d.]hh:mm[:ss]` form: `{value}`"
    if value.strip().isdigit():
        message += " (.NET would read a bare number as days)"
    help = f'write `"{fix}"`' if fix else 'write it as `d.hh:mm:ss`, such as `"1.00:00:00"` for one day'
    return problem("bad-timespan", path, message, help, fix=f'"{fix}"' if fix else None)


def _enum(type_: EnumType, value: Any, path: Path) -> Problem | None:
    if not isinstance(value, str):
        return _wrong_type(type_, value, path)
    values = type_.values
    if value in values:
        return None
    low = value.lower()
    exact = next((v for v in values if v.lower() == low), None)
    if exact is not None:
        if type_.any_case:
            return None
        message = f"{where(path)} value `{value}` is not written as the docs write it"
        return problem("enum-case", path, message, f"write `{exact}`", fix=f'"{exact}"')
    renamed = type_.legacy.get(low)
    if renamed is not None:
        message = f"{where(path)} value `{value}` is the old name of `{renamed}`"
        return problem("renamed-enum", path, message, f"write `{renamed}`", fix=f'"{renamed}"')
    guess = suggest(value, values)
    help = f"did you mean `{guess}`?" if guess else "use one of " + ", ".join(f"`{v}`" for v in values)
    return problem("unknown-enum", path, f"unknown {where(path)} value `{value}`", help)


def _identity(type_: GuidOrSystemType, value: Any, path: Path) -> list[Problem]:
    if not isinstance(value, str):
        return [_wrong_type(type_, value, path)]
    return [_identity_problem(check, value, path) for check in identity_problems(value)]


def _identity_problem(check: str, value: str, path: Path) -> Problem:
    name = where(path)
    if check == "system-case":
        return problem(check, path, f"`system` is written `{value}` in {name}", "write `system`", fix='"system"')
    if check == "uppercase-guid":
        return problem(check, path, f"{name} has uppercase digits", "write it in lower case", fix=f'"{value.lower()}"')
    if check == "braced-guid":
        return problem(check, path, f"{name} is a GUID in braces", "remove the braces", fix=f'"{value[1:-1]}"')
    if check == "nil-guid":
        return problem(check, path, f"{name} is the nil GUID, which is no identity", "write a real identity's object id")
    if check == "placeholder-guid":
        return problem(check, path, f"{name} is a placeholder: `{value}`", "write the identity's object id")
    return problem(check, path, f"{name} must be a GUID or `system`, found `{value}`", "write an object id or `system`")
