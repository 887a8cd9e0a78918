"""The callout policy: which external endpoints queries may call (cluster only).

`.alter` replaces the list. `.alter-merge` adds its entries, except that an entry with the same
`CalloutType` and `CalloutUriRegex` as one already set replaces that entry's `CanCall`; whether
two commands of one script clash that way is a matter of the whole script, not of this payload.
If a URI matches several entries of its type and any of them has `CanCall: false`, the call is
denied.

`CalloutUriRegex` is a .NET regular expression, and kqllint has no .NET engine. It reports a
pattern only where it is sure .NET rejects it:
- errors that Python's `re` and .NET both raise, at the first place either engine stops:
  an unbalanced parenthesis or character class, a quantifier with nothing to repeat or after
  another quantifier, `{n,m}` with n > m, a reversed range such as `[z-a]`, a trailing `\\`;
- constructs Python accepts and .NET does not: Python's named groups `(?P<name>...)` and
  `(?P=name)`, and possessive quantifiers (`a*+`, `a++`, `a?+`, `a{2}+`).
It cannot check what only .NET knows: `(?<name>...)`, `\\p{L}`, class subtraction `[a-z-[aeiou]]`,
an inline option in mid-pattern, a variable-length lookbehind are all left alone, valid or not,
and so is any pattern in `x` (free-spacing) mode apart from what both engines reject.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

from kqllint import lazy_re
from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    BOOL, CLUSTER, STRING, WRITE_VERBS, ArrayType, PolicyKind, PayloadShape, Verb, enum_of, forms, obj, prop,
    show_delete,
)  # fmt: skip
from kqllint.policies.validate import members

CALLOUT_TYPES = (
    "kusto", "sql", "mysql", "postgresql", "azure_digital_twins", "cosmosdb", "sandbox_artifacts", "external_data",
    "webapi", "azure_openai",
)  # fmt: skip

# Python's messages for the errors .NET also raises on the same text.
_SHARED = (
    "missing ), unterminated subpattern", "unbalanced parenthesis", "unterminated character set", "nothing to repeat",
    "multiple repeat", "min repeat greater than max repeat", "bad escape (end of pattern)",
)  # fmt: skip
_LITERAL_RANGE = lazy_re.compile(r"bad character range ([^\\\[])-([^\\\[])")
_FREE_SPACING = lazy_re.compile(r"\(\?[a-wyzA-Z]*x")
_QUANTIFIER = lazy_re.compile(r"[*+?]|\{\d+(?:,\d*)?\}")


def regex_problem(pattern: str) -> str | None:
    """Why .NET rejects `pattern`, when kqllint can be sure of it; None otherwise."""
    reason = _python_says(pattern)
    if reason is not None or _FREE_SPACING.search(pattern):
        return reason
    return _dotnet_only(pattern)


def _python_says(pattern: str) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "possible nested set" for .NET's `[a-[b]]`
            re.compile(pattern)
    except re.error as e:
        message = e.msg
        if "{," in pattern:
            return None  # Python reads `{,n}` as a quantifier, .NET as text: no certain verdict
        if message in _SHARED or _LITERAL_RANGE.fullmatch(message):
            return message
    except (RecursionError, OverflowError):  # absurd nesting or counts: no verdict
        return None
    return None


def _dotnet_only(pattern: str) -> str | None:
    """Python-only constructs, found by a scan that skips escapes and character classes."""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            continue
        if c == "(":
            if pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
                return "`(?P...)` is Python's group syntax; .NET writes `(?<name>...)` and `\\k<name>`"
            if pattern.startswith("(?#", i):
                end = pattern.find(")", i)
                i = n if end < 0 else end + 1  # a comment
                continue
            i += 2 if pattern.startswith("(?", i) else 1
            continue
        m = _QUANTIFIER.match(pattern, i)
        if m is not None:
            j = m.end()
            if j < n and pattern[j] == "?":
                j += 1  # lazy
            if j < n and _QUANTIFIER.match(pattern, j):
                return f"`{pattern[i:j + 1]}`: .NET has no possessive quantifiers (a quantifier after a quantifier)"
            i = j
            continue
        i += 1
    return None


def _class_end(pattern: str, start: int) -> int:
    """The index after the character class opening at `start` (`[]a]` and `[^]a]` hold `]`)."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _regexes(value: Any, context: Context) -> Iterator[Problem]:
    """Every `CalloutUriRegex` that .NET certainly rejects."""
    for i, item in enumerate(value):
        regex = members(item).get("callouturiregex")
        if regex is None or not isinstance(regex[1], str):
            continue
        reason = regex_problem(regex[1])
        if reason is not None:
            message = f"`{regex[0]}` is not a valid .NET regular expression: {reason}"
            yield problem("invalid-callout-regex", (i, regex[0]), message, "fix the pattern")


KIND = PolicyKind(
    name="callout",
    title="Callout",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_ARRAY, CLUSTER),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_ARRAY, CLUSTER, note="updates `CanCall` of matching entries"),
        *show_delete(CLUSTER, CLUSTER),
    ),
    payload=ArrayType(
        item=obj(
            prop("CalloutType", enum_of(*CALLOUT_TYPES), "the kind of endpoint; the docs write them in lower case",
                 required=WRITE_VERBS),
            prop("CalloutUriRegex", STRING, "a .NET regular expression over the URI, such as "
                 "`sqlname\\\\.database\\\\.azure\\\\.com/?$`", required=WRITE_VERBS,
                 range_doc="a regular expression"),
            prop("CanCall", BOOL, "whether matching calls are allowed", required=WRITE_VERBS),
        ),
        max_items=None,
    ),  # fmt: skip
    checks=(_regexes,),
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/callout-policy?view=azure-data-explorer",
    doc="JSON array of `{CalloutType, CalloutUriRegex, CanCall}` objects; all three are marked required, as the"
    " docs give none of them a default. `.alter-merge` appends its entries,"
    " but an entry with an existing entry's type and regex replaces that entry's `CanCall`. kqllint reports"
    " a regex only where .NET certainly rejects it (see the module's docstring).",
)
