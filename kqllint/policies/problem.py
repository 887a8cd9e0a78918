"""What the payload validator reports: `Problem`s at paths, and the checks they come from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Union

from kqllint.policies.schema import Entity, Verb, _Value
from kqllint.suggest import did_you_mean

if TYPE_CHECKING:
    from datetime import datetime

Step = Union[str, int]  # an object key (as written) or an array index
Path = tuple[Step, ...]

ERROR, WARNING, INFO = "error", "warning", "info"  # the values of kqllint.diagnostic.Severity

# Every check the validator and the kind modules report: id -> (severity, what it means).
# Severity follows docs/design.md: error where Kusto or the service rejects the command, warning
# where the docs say it is wrong but the service's reaction is unknown, info for style.
CHECKS: dict[str, tuple[str, str]] = {
    # generic: read from the schema
    "wrong-shape": (ERROR, "the payload is an object where an array belongs, or the reverse"),
    "wrong-type": (ERROR, "a value has another JSON type than the property's"),
    "unknown-property": (WARNING, "a property the docs do not list"),
    "property-case": (WARNING, "a property name in another case than the docs'"),
    "service-filled": (WARNING, "a property the service fills, given as input"),
    "removed-property": (INFO, "a property the docs once listed and no longer do"),
    "not-allowed-at-scope": (ERROR, "a property not allowed on this entity"),
    "missing-required": (ERROR, "a required property is missing"),
    "duplicate-key": (WARNING, "a key given twice in one object (names bind ignoring case)"),
    "unknown-enum": (WARNING, "a value outside a property's documented set"),
    "enum-case": (WARNING, "a documented value in another case"),
    "renamed-enum": (WARNING, "a value under its old, renamed spelling"),
    "bad-timespan": (WARNING, "a timespan not in `[d.]hh:mm[:ss[.fffffff]]` form"),
    "bad-datetime": (ERROR, "a datetime that does not parse"),
    "out-of-range": (ERROR, "a value outside its documented range"),
    "invalid-guid": (ERROR, "an identity that is neither a GUID nor `system`"),
    "placeholder-guid": (ERROR, "template text where an identity belongs"),
    "nil-guid": (ERROR, "the all-zero GUID as an identity"),
    "braced-guid": (WARNING, "a GUID in braces"),
    "uppercase-guid": (INFO, "a GUID in upper case"),
    "system-case": (WARNING, "`system` in another case"),
    "keyword-case": (ERROR, "a keyword of the command's syntax in another case (Kusto rejects it)"),
    # kind-specific: declared by the kind modules
    "zero-retention-on-database": (ERROR, "a soft-delete period of 0 on a database"),
    "zero-retention-recoverable": (ERROR, "a soft-delete period of 0 with recoverability enabled"),
    "not-transactional": (INFO, "an update policy that is not transactional"),
    "partition-key-conflict": (WARNING, "partition keys of one kind twice, or properties of the other kind"),
    "custom-lookback-without-period": (WARNING, "a `Custom` merge lookback without `CustomPeriod`"),
    "expiry-in-past": (ERROR, "an auto-delete expiry date that has passed"),
    "bad-tag-prefix": (ERROR, "an extent tag prefix not ending in its only colon"),
    "invalid-callout-regex": (WARNING, "a callout `CalloutUriRegex` that no regular-expression engine compiles"),
    "min-above-max": (WARNING, "a minimum above its maximum (capacity, weak consistency, hot windows)"),
    "partial-alter": (INFO, "an `.alter` that resets the properties it does not give to their defaults"),
    "duplicate-sandbox-kind": (WARNING, "two sandbox policies for one `SandboxKind`"),
    "queuing-without-concurrency-limit": (WARNING, "request queuing on a workload group without a group-wide concurrency limit"),
    "built-in-workload-group": (ERROR, "a change the service does not allow to a built-in workload group"),
}


class Problem(_Value):
    """One finding in a payload, by path.

    `path` leads from the payload's root to the value (or key, when `on_key`): a `str` step is
    an object key as written, an `int` an array index. A key step names the last member with
    that spelling; when the last step's key is spelt the same more than once in its object,
    `occurrence` (0-based) says which member is meant (-1: the last). `fix` is the replacement
    text for that key or value: JSON text in a payload, source text in a keyword argument.
    """

    __slots__ = ("path", "on_key", "check", "severity", "message", "help", "fix", "occurrence")
    path: Path
    on_key: bool
    check: str
    severity: str
    message: str
    help: str | None
    fix: str | None
    occurrence: int
    _on_key = False
    _occurrence = -1


def problem(check: str, path: Path, message: str, help: str | None = None, **more: object) -> Problem:
    """A `Problem` of `check`, with that check's severity."""
    return Problem(path=path, check=check, severity=CHECKS[check][0], message=message, help=help, **more)


class Context:
    """What a check knows besides the payload: the command's verb and entity, "now", and the
    entity's name as Kusto reads it (the last name of the head: the table of `db.T`, the
    workload group), when there is one.
    (A plain class: one is made per payload, and `_Value`'s generic __init__ is slower.)"""

    __slots__ = ("verb", "entity", "now", "name")

    def __init__(self, verb: Verb, entity: Entity, now: datetime | None, name: str | None = None) -> None:
        self.verb = verb
        self.entity = entity
        self.now = now
        self.name = name


# ---- how messages name things ------------------------------------------------------------


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
