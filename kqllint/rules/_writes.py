"""What one command writes, for the checks across commands (`_across.py`): its plain value, the
entities it writes to (names normalized as Kusto compares them), and where to point a finding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kqllint.diagnostic import Span
from kqllint.model import Command, Container, JsonArray, JsonObject, Name, Verb
from kqllint.payload import parse_payload
from kqllint.policies.commands import Entity
from kqllint.policies.values import literal_timespan_seconds, timespan_seconds
from kqllint.rules._rule import Context

_GROUPS = {Entity.TABLE: "table", Entity.TABLE_QUALIFIED: "table", Entity.TABLES: "table",
           Entity.MATERIALIZED_VIEW: "materialized-view", Entity.MATERIALIZED_VIEW_QUALIFIED: "materialized-view",
           Entity.EXTERNAL_TABLE: "external table", Entity.COLUMN: "column", Entity.GRAPH_MODEL: "graph_model"}  # fmt: skip
MISSING = object()
Key = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Write:
    """What one `.alter` or `.alter-merge` sets: its `form` (`object`, `array` or `keyword`),
    its `units` (property or argument -> canonical value; for an array, canonical entry ->
    index) and the decoded `value` (a dict, a list, or the keyword arguments)."""

    command: Command
    form: str
    units: dict[Any, Any]
    value: Any


def read(command: Command) -> Write | None:
    """The plain value of a write command; None when its payload is not strict JSON."""
    options = {("with", a.name.text): a.value.text for a in command.with_options if a.name is not None}
    if command.argument is None:
        units: dict[Any, Any] = {a.name.text if a.name else i: a.value.text for i, a in enumerate(command.arguments)}
        return Write(command, "keyword", units | options, units)
    try:
        value = json.loads(command.argument.value)
        if isinstance(value, dict):
            units = {k: _canon(v) for k, v in value.items()}
            if command.body is not None:
                units["<|"] = command.body  # request_classification's function body, by position
            return Write(command, "object", units | options, value)
        if isinstance(value, list):
            units = {}
            for i, item in enumerate(value):
                units.setdefault(_canon(item), i)
            return Write(command, "array", units, value)
    except (ValueError, RecursionError):  # lenient or too deep JSON: its own rules report it
        pass
    return None


_SCALARS = (str, int, float, bool, type(None))


def _canon(value: Any) -> Any:
    """A hashable value equal for equal JSON values, whatever their key order. Scalars keep
    their type (`true` is not `1`); a flat object is a frozenset, anything else its sorted JSON
    text (0.54 of the time of `json.dumps` for every entry, 17 ms against 32 ms for the 4,768
    entries of the 1 MB ManagedIdentity corpus)."""
    kind = type(value)
    if kind in _SCALARS:
        return (kind, value)
    if kind is dict and all(type(v) in _SCALARS for v in value.values()):
        return frozenset([(k, type(v), v) for k, v in value.items()])
    return json.dumps(value, sort_keys=True)


def entities(command: Command, context: Context) -> list[Key]:
    """The entities `command` is about, each normalized as Kusto compares names; none for the
    star forms (`.show` only)."""
    e, names = command.entity, command.names
    if e is Entity.CLUSTER:
        return [("cluster",)]
    if e is Entity.DATABASE:
        return [("database", names[0].value.casefold())]
    if e is Entity.DATABASE_DEFAULT:
        return [("database", _database(None, context))]
    group = _GROUPS.get(e)  # type: ignore[arg-type]
    rest = names[1:] if command.database is not None else names
    if group is None or not rest:
        return []
    db = _database(command.database, context)
    if e is Entity.TABLES:
        return [("table", db, n.value) for n in rest]
    return [(group, db, *(n.value for n in rest))]


def said(command: Command, key: Key) -> str:
    """How a message names the entity `key` of `command`, as the command writes it."""
    names = command.names
    if key[0] == "cluster":
        return "the cluster"
    if key[0] == "database":
        return f"database `{names[0].value}`" if names else "the database"
    if command.entity is Entity.TABLES:
        return f"table `{key[2]}`"
    return f"{key[0]} `{'.'.join(n.value for n in names)}`"


def _database(name: Name | None, context: Context) -> str | None:
    """Database names are case-insensitive; an unqualified name is in the database a
    database-context script is deployed to, if configured, else in an unknown one that only
    other unqualified names share."""
    if name is not None:
        return name.value.casefold()
    known = context.runs_in == "database" and context.database  # a cluster script's default is unknown
    return context.database.casefold() if known else None  # type: ignore[union-attr]


def fails_here(command: Command, context: Context) -> bool:
    """Whether Kusto rejects the command where it runs (C005): then it sets nothing."""
    cluster = command.entity is Entity.CLUSTER
    if command.container is Container.DATABASE_SCRIPT:
        return cluster
    if command.container is Container.CLUSTER_SCRIPT:
        return not cluster
    return cluster and context.runs_in == "database"


def head_span(command: Command) -> Span:
    """The verb with its dot: `.alter`."""
    return Span(command.span.start, command.verb.span.end)


def entry_span(command: Command, index: int, keys: tuple[str, ...]) -> Span:
    """Where the `index`-th entry of an array payload says the first of `keys` it has (else
    the entry's opening brace, else the literal): the one place the tree is built."""
    assert command.argument is not None
    root = parse_payload(command.argument).value
    if isinstance(root, JsonArray) and index < len(root.items) and isinstance(entry := root.items[index], JsonObject):
        for key in keys:
            member = entry.get(key)
            if member is not None:
                return member.value.span
        return Span(entry.span.start, entry.span.start + 1)
    return command.argument.span


def member_span(command: Command, key: str, keyword: str) -> Span:
    """The value of property `key` (any case) in an object payload, or of the keyword argument
    `keyword` (`SoftDeletePeriod`, `softdelete`); else the literal, or the head."""
    for a in command.arguments:
        if a.name is not None and a.name.text.lower() == keyword:
            return a.value.span
    if command.argument is None:
        return head_span(command)
    root = parse_payload(command.argument).value
    members = root.members if isinstance(root, JsonObject) else ()
    found = [m for m in members if m.key.value.lower() == key.lower()]
    return found[-1].value.span if found else command.argument.span


def zero_retention(write: Write, verb: Verb) -> bool | None:
    """Whether a retention write leaves a soft-delete period of 0 (None: it leaves it as it was)."""
    if write.form == "keyword":
        period = write.value.get("softdelete", MISSING)
        return None if period is MISSING else literal_timespan_seconds(period) == 0
    if write.form != "object":
        return None
    members = {k.lower(): v for k, v in write.value.items()}
    period = members.get("softdeleteperiod", MISSING)
    if period is MISSING:
        return False if verb is Verb.ALTER else None  # `.alter` resets it to 1,000 years
    return isinstance(period, str) and timespan_seconds(period) == 0


def _members(entry: Any) -> dict[str, Any]:
    return {k.lower(): v for k, v in entry.items()} if isinstance(entry, dict) else {}


def _true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def source_of(entry: Any) -> str | None:
    """The table an update policy entry reads; None for a wildcard or a missing `Source`."""
    m = _members(entry)
    source = m.get("source")
    return source if isinstance(source, str) and source and not _true(m.get("sourceiswildcard")) else None


def at_risk(entry: Any) -> bool:
    """An enabled entry that is not transactional (`IsTransactional` defaults to false)."""
    m = _members(entry)
    enabled = m.get("isenabled")
    return not _true(m.get("istransactional")) and not (enabled is False or enabled == "false")


