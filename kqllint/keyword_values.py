"""The values of a keyword form's arguments (`hot = 7d`, `type = 'identifier'`, `recoverability =
disabled`): whether each is what its slot in Kusto's grammar takes. kqllint/keyword_forms.py
checks the form around them and reports under the same code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kqllint.diagnostic import Applicability, Edit, Fix, Span
from kqllint.model import Argument, Problem
from kqllint.policies.schema import EnumType, LiteralTimespanType, Property, Slot
from kqllint.policies.values import literal_timespan_seconds, timespan_seconds

CODE = "S016"  # invalid-keyword-form: the values and the form share it

# ---- values ------------------------------------------------------------------------------------

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
STRING = re.compile(r"""[hH]?@?(?:'.*'|".*"|```[\s\S]*```|~~~[\s\S]*~~~)\Z""")
_CALL = re.compile(r"(\w+)\s*\(.*\)\Z", re.S)
_LITERAL_CALLS = {"datetime", "date", "time", "timespan", "guid", "int", "long", "real", "double", "decimal",
                  "bool", "boolean", "dynamic"}  # fmt: skip
_DOTNET_SPAN = re.compile(r"(-?\d+(?:\.\d+)?)(:[\d:.]*)")
_WEEKS = re.compile(r"(\d+)\s*w(?:eeks?)?", re.I)
UNITS = {"d", "day", "days", "h", "hr", "hrs", "hour", "hours", "m", "min", "minute", "minutes", "s", "sec",
          "second", "seconds", "ms", "milli", "millis", "millisecond", "milliseconds", "micro", "micros",
          "microsecond", "microseconds", "tick", "ticks"}  # fmt: skip


def is_literal(text: str) -> bool:
    """Whether `text` is one Kusto literal, as the `<timespan>` slot of a keyword form takes it."""
    if NUMBER.fullmatch(text) or STRING.match(text) or text.lower() in ("true", "false"):
        return True
    call = _CALL.match(text)
    if call:
        return call[1] in _LITERAL_CALLS
    return literal_timespan_seconds(text) is not None


def _literal_problem(value: Argument, name: str) -> Problem | None:
    """Why the value of `name = value` is not one literal, or None."""
    text, span = value.value.text, value.value.span
    if is_literal(text):
        return None
    dotnet = _DOTNET_SPAN.fullmatch(text)
    if dotnet and timespan_seconds(text.lstrip("-")) is not None:
        read, skipped = dotnet[1], dotnet[2]
        better = _days(text)
        return Problem(
            CODE, f"Kusto reads `{name} = {read}` and skips `{skipped}`: `{text}` is not a timespan literal here",
            Span(span.start + len(read), span.end), f"write `{better}`",
            Fix(f"write `{better}`", (Edit(span, better),), Applicability.UNSAFE),
        )  # fmt: skip
    if literal_timespan_seconds(text.lower()) is not None:
        return Problem(CODE, f"`{text}` is not a timespan literal: Kusto's units are lowercase", span,
                       f"write `{text.lower()}`",
                       Fix(f"write `{text.lower()}`", (Edit(span, text.lower()),), Applicability.UNSAFE))  # fmt: skip
    weeks = _WEEKS.fullmatch(text)
    if weeks:
        days = f"{int(weeks[1]) * 7}d"
        return Problem(CODE, f"`{text}` is not a timespan literal: Kusto has no unit for weeks", span,
                       f"write `{days}`", Fix(f"write `{days}`", (Edit(span, days),), Applicability.UNSAFE))
    return Problem(CODE, f"`{text}` is not a literal: `{name}` takes a timespan such as `7d`", span,
                   f"write the value as a timespan literal, e.g. `{name} = 7d`")  # fmt: skip


def _days(text: str) -> str:
    """`10.00:00:00` as Kusto writes it: `10d` for whole days, else `time(10.00:00:00)`."""
    seconds = timespan_seconds(text)
    if seconds is not None and seconds >= 0 and seconds % 86400 == 0:
        return f"{int(seconds // 86400)}d"
    return f"time({text})"


def value_problem(prop: Property, arg: Argument) -> Problem | None:
    slot = prop.slot or _slot_of(prop)
    name = prop.name
    text, span = arg.value.text, arg.value.span
    if slot is Slot.LITERAL:
        return _literal_problem(arg, name)
    if slot is Slot.STRING and not STRING.match(text):
        quoted = f"'{text}'"
        return Problem(CODE, f"`{name}` takes a string literal, found `{text}`", span, f"write `{name} = {quoted}`",
                       Fix("quote the value", (Edit(span, quoted),), Applicability.UNSAFE))  # fmt: skip
    if slot is Slot.KEYWORD and isinstance(prop.type, EnumType):
        values = prop.type.values
        if text.lower() not in values:
            inner = text.strip("'\"`")
            fix = None
            if inner.lower() in values:
                fix = Fix(f"write `{inner.lower()}`", (Edit(span, inner.lower()),), Applicability.UNSAFE)
            return Problem(CODE, f"`{name}` takes {one_of(values)}, found `{text}`", span,
                           f"write `{name} = {values[0]}` or `{name} = {values[-1]}`, without quotes", fix)  # fmt: skip
    if slot is Slot.RANGE and not re.fullmatch(r"\S.*\s*\.\.\s*\S.*", text, re.S):
        return Problem(CODE, f"`{name}` takes a range, `datetime(from) .. datetime(to)`, found `{text}`", span,
                       f"write `{name} = datetime(from) .. datetime(to)`")  # fmt: skip
    return None


def _slot_of(prop: Property) -> Slot | None:
    if isinstance(prop.type, LiteralTimespanType):
        return Slot.LITERAL
    if isinstance(prop.type, EnumType) and prop.type.keyword:
        return Slot.KEYWORD
    return None


def one_of(words: Sequence[str]) -> str:
    """`a`; `a` or `b`; `a`, `b` or `c`: how a message lists what is allowed."""
    quoted = [f"`{w}`" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
