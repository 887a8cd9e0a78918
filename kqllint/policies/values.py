"""Reading the scalar values of policy payloads: timespans, datetimes and identities."""

from __future__ import annotations

import re

from kqllint import lazy_re

# .NET TimeSpan "constant" form, the only one the policy docs use: [-][d.]hh:mm[:ss[.fffffff]].
_TIMESPAN = lazy_re.compile(r"(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?")
# Kusto timespan literals (`10d`, `1.5h`, `30m`) and ISO 8601 durations (`P10D`, `PT1H30M`):
# forms whose meaning is certain, so a fix can rewrite them.
_KUSTO_SPAN = lazy_re.compile(
    r"(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|ms|millis(?:econds?)?)"
)
_UNIT_SECONDS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
# Kusto timespan literals outside JSON (`softdelete = 7d`), as Kusto.Language reads them:
# case-sensitive suffixes, an optional `time(...)`/`timespan(...)` wrapper.
_LITERAL = lazy_re.compile(r"(-?)(\d+(?:\.\d+)?)(d|days?|h|hrs?|hours?|m|min|minutes?|s|sec|seconds?|"
                      r"ms|milli|millis|millisec|milliseconds?|micro|micros|microsec|microseconds?|"
                      r"nano|nanos|nanosec|nanoseconds?|ticks?)")  # fmt: skip
_LITERAL_UNIT = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0, "ms": 1e-3, "mi": 1e-3, "mic": 1e-6,
                 "n": 1e-9, "t": 1e-7}  # fmt: skip
_WRAPPED = lazy_re.compile(r"(?:time|timespan)\(\s*(.*?)\s*\)")
_ISO_SPAN = lazy_re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?", re.I)
_DATETIME = lazy_re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?(Z|[+-]\d{2}:\d{2})?"
)
GUID = lazy_re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
NIL_GUID = "00000000-0000-0000-0000-000000000000"
LOWER_GUID = lazy_re.compile(r"[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}")
_GUID_SHAPED = lazy_re.compile(r"[0-9A-Za-z]{8}-(?:[0-9A-Za-z]{4}-){3}[0-9A-Za-z]{12}")
_TEMPLATE = lazy_re.compile(r"[<>]|\{\{|\}\}|\$\(|\$\{|#\{|%\w+%|__\w+__|\[\[|@@")
_PLACEHOLDER_WORD = lazy_re.compile(r"(?i)object.?id|guid|your|replace|todo|tbd|placeholder|changeme|xxxx")


def timespan_seconds(text: str) -> float | None:
    """The length of a `[-][d.]hh:mm[:ss[.fffffff]]` timespan in seconds; None if not one."""
    m = _TIMESPAN.fullmatch(text)
    if m is None:
        return None
    sign, days, hours, minutes, seconds, fraction = m.groups()
    if int(hours) > 23 or int(minutes) > 59 or int(seconds or 0) > 59:
        return None  # .NET rejects them
    total = int(days or 0) * 86400 + int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)
    total += float("0." + fraction) if fraction else 0.0
    return -total if sign else total


def format_timespan(seconds: float) -> str | None:
    """`seconds` written as `[d.]hh:mm:ss[.fffffff]`; None for a negative or absurd length."""
    if seconds < 0 or seconds >= 10**13:
        return None
    ticks = round(seconds * 10**7)
    whole, frac = divmod(ticks, 10**7)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours:02}:{minutes:02}:{secs:02}"
    if days:
        text = f"{days}.{text}"
    return text + (f".{frac:07}".rstrip("0") if frac else "")


def timespan_fix(text: str) -> str | None:
    """The canonical form of a timespan written another way whose meaning is certain:
    a Kusto literal (`10d`, `1.5h`) or an ISO 8601 duration (`P10D`). None otherwise."""
    stripped = text.strip()
    m = _KUSTO_SPAN.fullmatch(stripped)
    if m:
        number, unit = m.groups()
        key = "ms" if unit.startswith("ms") or unit.startswith("milli") else unit[0]
        return format_timespan(float(number) * _UNIT_SECONDS[key])
    m = _ISO_SPAN.fullmatch(stripped)
    if m and any(m.groups()) and not stripped.upper().endswith("T"):
        days, hours, minutes, seconds = (float(g) if g else 0.0 for g in m.groups())
        return format_timespan(days * 86400 + hours * 3600 + minutes * 60 + seconds)
    return None


def literal_timespan_seconds(text: str) -> float | None:
    """The length of a Kusto timespan literal (`7d`, `1.5h`, `time(10.00:00:00)`, `timespan(2)`)
    in seconds; None when `text` is not one, or is `timespan(null)`."""
    text = text.strip()
    wrapped = _WRAPPED.fullmatch(text)
    if wrapped:
        inner = wrapped[1]
        if re.fullmatch(r"-?\d+(?:\.\d+)?", inner):
            return float(inner) * 86400  # a bare number in `timespan(...)` means days
        seconds = timespan_seconds(inner)
        return seconds if seconds is not None else literal_timespan_seconds(inner) if "(" not in inner else None
    m = _LITERAL.fullmatch(text)
    if m is None:
        return None
    sign, number, unit = m.groups()
    key = _unit_key(unit)
    return float(number) * _LITERAL_UNIT[key] * (-1 if sign else 1)


def _unit_key(unit: str) -> str:
    if unit.startswith("micro"):
        return "mic"
    if unit.startswith("milli") or unit == "ms":
        return "ms"
    if unit.startswith("min"):
        return "m"
    return unit[0]


def datetime_ok(text: str) -> bool:
    """Whether `text` is a date or date-time as the policy docs write them (ISO 8601, `T` or a
    space between date and time, optional fraction and `Z` or offset)."""
    m = _DATETIME.fullmatch(text.strip())
    if m is None:
        return False
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if not (1 <= month <= 12 and 1 <= day <= _days_in(year, month)):
        return False
    return m[4] is None or (int(m[4]) <= 23 and int(m[5]) <= 59 and int(m[6] or 0) <= 59)


def datetime_key(text: str) -> str:
    """A sortable `YYYY-MM-DDThh:mm:ss` key of a valid datetime (offsets ignored)."""
    m = _DATETIME.fullmatch(text.strip())
    assert m is not None
    return f"{m[1]}-{m[2]}-{m[3]}T{m[4] or '00'}:{m[5] or '00'}:{m[6] or '00'}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def identity_problems(value: str) -> tuple[str, ...]:
    """What is wrong with an identity (`ObjectId`, `ManagedIdentity`): check ids, or ().

    The same judgements as the ManagedIdentity rules P003-P008: a braced GUID can also be
    the nil GUID or have uppercase digits; the other findings exclude each other.
    """
    if value.lower() == "system":
        return () if value == "system" else ("system-case",)
    inner = value
    found: list[str] = []
    if value.startswith("{") and value.endswith("}") and GUID.fullmatch(value, 1, len(value) - 1):
        inner = value[1:-1]
        found.append("braced-guid")
    if not GUID.fullmatch(inner):
        is_placeholder = _TEMPLATE.search(value) or _GUID_SHAPED.fullmatch(value) or _PLACEHOLDER_WORD.search(value)
        return ("placeholder-guid",) if is_placeholder else ("invalid-guid",)
    if inner == NIL_GUID:
        found.append("nil-guid")
    if inner != inner.lower():
        found.append("uppercase-guid")
    return tuple(found)
