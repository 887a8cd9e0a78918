"""The checks of scalar values: strings, booleans, numbers, timespans, datetimes, enums, identities."""

from __future__ import annotations

from typing import Any

from kqllint.policies.problem import Path, Problem, describe, problem, suggest, where
from kqllint.policies.schema import (
    ArrayType, BoolType, DatetimeType, EnumType, GuidOrSystemType, IntType, LiteralTimespanType, ObjectType,
    RealType, StringType, TimespanType, Type,
)  # fmt: skip
from kqllint.policies.values import (
    datetime_ok, identity_problems, literal_timespan_seconds, timespan_fix, timespan_seconds,
)  # fmt: skip


def wrong_type(type_: Type, value: Any, path: Path, fix: str | None = None) -> Problem:
    container = isinstance(type_, (ObjectType, ArrayType)) and isinstance(value, (list, tuple))
    check = "wrong-shape" if container else "wrong-type"
    message = f"{where(path)} must be {type_.name}, found {describe(value)}"
    help = f"write `{fix}`" if fix else None
    return problem(check, path, message, help, fix=fix)


def scalar(type_: Type, value: Any, path: Path) -> Problem | None:
    if isinstance(type_, StringType):
        return None if isinstance(value, str) else wrong_type(type_, value, path)
    if isinstance(type_, BoolType):
        if isinstance(value, bool):
            return None
        text = value.strip().lower() if isinstance(value, str) else None
        return wrong_type(type_, value, path, text if text in ("true", "false") else None)
    if isinstance(type_, (IntType, RealType)):
        return _number(type_, value, path)
    if isinstance(type_, TimespanType):
        return _timespan(type_, value, path)
    if isinstance(type_, LiteralTimespanType):
        return _literal_timespan(type_, value, path)
    if isinstance(type_, DatetimeType):
        if not isinstance(value, str):
            return wrong_type(type_, value, path)
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
        return wrong_type(type_, value, path, fix)
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


def _literal_timespan(type_: LiteralTimespanType, value: Any, path: Path) -> Problem | None:
    """A keyword form's timespan, given as its source text (`7d`, `time(1.00:00:00)`)."""
    if not isinstance(value, str):
        return wrong_type(type_, value, path)
    seconds = literal_timespan_seconds(value)
    if seconds is not None:
        return _range(type_, seconds, value, path)
    message = f"{where(path)} is not a timespan literal: `{value}`"
    fix = _literal_fix(value)
    help = f"write `{fix}`" if fix else "write a timespan literal such as `7d` or `12h`"
    return problem("bad-timespan", path, message, help, fix=fix)


def _literal_fix(text: str) -> str | None:
    """`7D` -> `7d`, `'7d'` -> `7d`, `10.00:00:00` -> `time(10.00:00:00)`, when certain."""
    inner = text.strip()
    if len(inner) > 1 and inner[0] == inner[-1] and inner[0] in "'\"":
        inner = inner[1:-1]
    if timespan_seconds(inner) is not None:
        return f"time({inner})"
    for candidate in (inner, inner.lower()):
        if literal_timespan_seconds(candidate) is not None:
            return candidate if candidate != text else None
    return None


def _enum(type_: EnumType, value: Any, path: Path) -> Problem | None:
    if not isinstance(value, str):
        return wrong_type(type_, value, path)
    values = type_.values
    if value in values:
        return None
    low = value.lower()
    exact = next((v for v in values if v.lower() == low), None)
    if exact is not None:
        if type_.any_case:
            return None
        if type_.keyword:
            message = f"`{value}` must be written `{exact}`: Kusto's keywords are case-sensitive"
            return problem("keyword-case", path, message, f"write `{exact}`", fix=exact)
        message = f"{where(path)} value `{value}` is not written as the docs write it"
        return problem("enum-case", path, message, f"write `{exact}`", fix=f'"{exact}"')
    renamed = type_.legacy.get(low)
    if renamed is not None:
        message = f"{where(path)} value `{value}` is the old name of `{renamed}`"
        return problem("renamed-enum", path, message, f"write `{renamed}`", fix=f'"{renamed}"')
    guess = suggest(value, values)
    help = f"did you mean `{guess}`?" if guess else "use one of " + ", ".join(f"`{v}`" for v in values)
    return problem("unknown-enum", path, f"unknown {where(path)} value `{value}`", help)


def identity(type_: GuidOrSystemType, value: Any, path: Path) -> list[Problem]:
    if not isinstance(value, str):
        return [wrong_type(type_, value, path)]
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
        help = "write a real identity's object id"
        return problem(check, path, f"{name} is the nil GUID, which is no identity", help)
    if check == "placeholder-guid":
        return problem(check, path, f"{name} is a placeholder: `{value}`", "write the identity's object id")
    return problem(check, path, f"{name} must be a GUID or `system`, found `{value}`", "write an object id or `system`")
