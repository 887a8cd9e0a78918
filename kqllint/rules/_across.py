"""The checks across the commands of one script: one pass that follows each entity's policies.

The pass walks the script's statements once, in order, and keeps what the script has set so far
in dicts keyed by policy kind and normalized entity, so a command is compared only with what
was set earlier on the same entity (no pass per pair). Names compare as Kusto compares them:
database names ignoring case, every other name (table, view, column) exactly, after unquoting
(`['T']` is `T`). An unqualified `T` and a qualified `db.T` are the same table only when the
configuration names the database the script is deployed to (`Context.database`).

Payloads are read as plain values (`json.loads`), and only those the checks need: update and
retention payloads always, any other kind only when the same entity gets a second one. A
payload's positioned tree is built only to point a finding at one entry of it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from kqllint.diagnostic import Span
from kqllint.model import Command, Container, JsonArray, JsonObject, Name, Opaque, Script, Verb
from kqllint.payload import parse_payload
from kqllint.policies import KINDS_BY_NAME
from kqllint.policies.commands import Entity
from kqllint.policies.values import literal_timespan_seconds, timespan_seconds
from kqllint.rules._rule import Context, Finding

# The findings of each check, by the name of the rule that reports it.
UPDATE_REPLACED = "update-policy-replaced"
DUPLICATE_ENTRY = "duplicate-update-entry"
ZERO_SOURCE = "zero-retention-source-not-transactional"
SECURITY_CONFLICT = "row-level-security-with-restricted-view"
POLICY_REPLACED = "policy-replaced"
_NAMES = (UPDATE_REPLACED, DUPLICATE_ENTRY, ZERO_SOURCE, SECURITY_CONFLICT, POLICY_REPLACED)

# A command that removes or renames an entity: what the script set before it no longer tells
# what the entity holds, so the pass forgets everything (a missed finding, never a false one).
_RESETS = re.compile(r"\.[ \t]*(?:drop|rename)\s+(?:table|tables|materialized-view|column|columns|external\s+table"
                     r"|graph_model|database)\b", re.IGNORECASE)  # fmt: skip
_GROUPS = {Entity.TABLE: "table", Entity.TABLE_QUALIFIED: "table", Entity.TABLES: "table",
           Entity.MATERIALIZED_VIEW: "materialized-view", Entity.MATERIALIZED_VIEW_QUALIFIED: "materialized-view",
           Entity.EXTERNAL_TABLE: "external table", Entity.COLUMN: "column", Entity.GRAPH_MODEL: "graph_model"}  # fmt: skip
_MISSING = object()
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


def member_span(command: Command, key: str) -> Span:
    """The value of property `key` (any case) in an object payload, or of the keyword argument
    named `key` in lowercase; else the literal."""
    for a in command.arguments:
        if a.name is not None and a.name.text == key.lower():
            return a.value.span
    assert command.argument is not None
    root = parse_payload(command.argument).value
    members = root.members if isinstance(root, JsonObject) else ()
    found = [m for m in members if m.key.value.lower() == key.lower()]
    return found[-1].value.span if found else command.argument.span


def findings(script: Script, context: Context, name: str) -> list[Finding]:
    """The findings of the rule `name`: the pass runs once per linted script, whichever of the
    five rules asks first, and is kept in the run's `Context.shared`."""
    found = context.shared.get(_SHARED)
    if found is None:
        found = context.shared[_SHARED] = History(script, context).run()
    return found.get(name, [])  # type: ignore[attr-defined]


_SHARED = "checks-across-commands"


def statements(script: Script) -> list[Command | None]:
    """The commands the pass reads, in order, with None where a statement resets it."""
    out: list[Command | None] = []
    text = script.text
    for s in script.statements:
        if type(s) is Command:
            if not s.broken and s.kind is not None and s.kind.text.lower() in KINDS_BY_NAME:
                out.append(s)
        elif type(s) is Opaque and s.is_command and _RESETS.match(text, s.span.start):
            out.append(None)
    return out


def zero_retention(write: Write, verb: Verb) -> bool | None:
    """Whether a retention write leaves a soft-delete period of 0 (None: it leaves it as it was)."""
    if write.form == "keyword":
        period = write.value.get("softdelete", _MISSING)
        return None if period is _MISSING else literal_timespan_seconds(period) == 0
    if write.form != "object":
        return None
    members = {k.lower(): v for k, v in write.value.items()}
    period = members.get("softdeleteperiod", _MISSING)
    if period is _MISSING:
        return False if verb is Verb.ALTER else None  # `.alter` resets it to 1,000 years
    return isinstance(period, str) and timespan_seconds(period) == 0



class History:
    """One pass over a script: what each entity's policies hold so far, and the findings."""

    def __init__(self, script: Script, context: Context) -> None:
        self.script, self.context = script, context
        self.found: dict[str, list[Finding]] = {name: [] for name in _NAMES}
        self.live: dict[tuple[str, Key], list[Command]] = {}  # (kind, entity) -> writes since its `.alter`
        self.writes: dict[int, Write | None] = {}  # each command read once, by id
        self.lines: dict[int, int] = {}  # each command's line, by id
        self.zero: dict[Key, Command] = {}  # tables whose soft-delete period is 0, and the command
        # Source table -> {target table: its update command}; built when the first table gets a
        # soft-delete period of 0 (most scripts have none, and then no update payload is read
        # unless its table gets a second one).
        self.readers: dict[Key, dict[Key, Command]] | None = None
        self.enabled: dict[tuple[str, Key], Command] = {}  # (RLS or RVA kind, table) -> the enabling command

    def run(self) -> dict[str, list[Finding]]:
        text, at, line = self.script.text, 0, 1
        for command in statements(self.script):
            if command is None:
                self.reset()
                continue
            # Lines counted on the way (`\r\n`, `\r`, `\n`), for the messages that name an earlier
            # command: a line index of the whole text costs 30 ms per MB.
            start = command.span.start
            line += text.count("\n", at, start) + text.count("\r", at, start) - text.count("\r\n", at, start)
            at = start
            self.lines[id(command)] = line
            if command.verb_kind is not Verb.SHOW and not fails_here(command, self.context):
                kind = command.kind.text.lower()  # type: ignore[union-attr]
                for key in entities(command, self.context):
                    if command.verb_kind is Verb.DELETE:
                        self.forget(kind, key)
                    else:
                        self.write(kind, key, command)
        return self.found

    def reset(self) -> None:
        self.live.clear()
        self.zero.clear()
        self.enabled.clear()
        self.readers = None

    def read(self, command: Command) -> Write | None:
        found = self.writes.get(id(command), _MISSING)
        if found is _MISSING:
            found = self.writes[id(command)] = read(command)
        return found  # type: ignore[return-value]

    def forget(self, kind: str, key: Key) -> None:
        self.live.pop((kind, key), None)
        self.enabled.pop((kind, key), None)
        if kind == "retention":
            self.zero.pop(key, None)

    def write(self, kind: str, key: Key, command: Command) -> None:
        live = self.live.get((kind, key))
        # Read only what a check needs: a second write on the entity, a retention policy on a
        # table, an update policy once some table has a soft-delete period of 0.
        needed = bool(live) or (kind == "retention" and key[0] == "table") or (kind == "update" and bool(self.zero))
        write = self.read(command) if needed else None
        if needed and write is None:
            self.forget(kind, key)  # what it sets is unknown: compare nothing with it
            return
        if live and write is not None:
            if command.verb_kind is Verb.ALTER:
                self.replaced(kind, key, write, live)
            else:
                self.merged(kind, key, write, live)
        if live and command.verb_kind is Verb.ALTER_MERGE:
            live.append(command)
        else:
            self.live[(kind, key)] = [command]
        if kind == "update" and write is not None:
            self.update(key, write)
        elif kind == "retention" and write is not None:
            self.retention(key, write)
        elif kind in ("row_level_security", "restricted_view_access") and key[0] == "table":
            self.security(kind, key, command)

    def report(self, name: str, span: Span, message: str, help: str) -> None:
        self.found[name].append(Finding(span, message, help))

    def line(self, command: Command) -> int:
        return self.lines[id(command)]

    # ---- `.alter` after earlier writes: what it drops --------------------------------------

    def replaced(self, kind: str, key: Key, write: Write, live: list[Command]) -> None:
        lost: list[str] = []
        earlier = None
        for command in live:
            e = self.read(command)
            if e is None or e.form != write.form:
                continue  # a JSON and a keyword form are not compared
            if e.form == "array":
                gone = [e.value[i] for u, i in e.units.items() if u not in write.units]
            else:
                gone = [u for u, v in e.units.items() if write.units.get(u, _MISSING) != v]
            if gone:
                earlier = command
                lost += [w for w in _describe(e, gone, kind) if w not in lost]
        if earlier is None:
            return  # an identical repeat, or one that keeps every earlier entry: nothing is lost
        n, entity = self.line(earlier), said(write.command, key)
        if kind == "update":
            message = f"this `.alter` replaces the update policy of {entity} set at line {n}, dropping {_entries(lost)}"
            help = "put every entry in one `.alter`, or append the later ones with `.alter-merge`"
            self.report(UPDATE_REPLACED, head_span(write.command), message, help)
        else:
            message = f"this `.alter` replaces the `{kind}` policy of {entity} set at line {n}, undoing {', '.join(lost)}"
            help = "set the policy once, with every property in one command"
            self.report(POLICY_REPLACED, head_span(write.command), message, help)

    # ---- `.alter-merge` after earlier writes: what it changes or repeats --------------------

    def merged(self, kind: str, key: Key, write: Write, live: list[Command]) -> None:
        current: dict[Any, tuple[Any, Command]] = {}
        for command in live:
            e = self.read(command)
            if e is not None and e.form == write.form:
                current.update((u, (v, command)) for u, v in e.units.items())
        if write.form == "array":
            if kind == "update":  # appended without removing duplicates (the docs say so)
                for unit, i in write.units.items():
                    if unit in current:
                        self.duplicate(said(write.command, key), write, i, current[unit][1])
            return  # other kinds merge entries by their own keys: nothing certain is lost
        changed = [(u, current[u][1]) for u, v in write.units.items() if u in current and current[u][0] != v]
        if changed:
            what = ", ".join(_describe(write, [u for u, _ in changed], kind, values=False))
            n = self.line(max((c for _, c in changed), key=lambda c: c.span.start))
            message = f"this `.alter-merge` changes {what} of the `{kind}` policy of {said(write.command, key)}, set to another value at line {n}"
            self.report(POLICY_REPLACED, head_span(write.command), message, "set each property once")

    def duplicate(self, entity: str, write: Write, index: int, earlier: Command) -> None:
        source = _source(write.value[index])
        runs = f"every ingestion into `{source}` runs it twice" if source else "it runs twice"
        message = (f"this entry is already in the update policy of {entity} (set at line {self.line(earlier)}); "
                   f"`.alter-merge` appends it again, and {runs}")  # fmt: skip
        self.report(DUPLICATE_ENTRY, entry_span(write.command, index, ()), message, "remove the entry")

    # ---- update policies reading a table with a soft-delete period of 0 --------------------

    def update(self, key: Key, write: Write) -> None:
        if write.form != "array" or self.readers is None:
            return
        for i, entry in enumerate(write.value):
            source = _source(entry)
            if source is None:
                continue
            table = ("table", key[1], source)
            self.readers.setdefault(table, {})[key] = write.command
            zero = self.zero.get(table)
            if zero is not None and _at_risk(entry):
                message = (f"the update policy of {said(write.command, key)} reads `{source}`, whose soft-delete "
                           f"period is 0 (set at line {self.line(zero)}), but is not transactional")  # fmt: skip
                span = entry_span(write.command, i, ("IsTransactional", "Source"))
                self.report(ZERO_SOURCE, span, message, 'set `"IsTransactional": true`')

    def retention(self, key: Key, write: Write) -> None:
        zero = zero_retention(write, write.command.verb_kind)
        if not zero:
            if zero is False:
                self.zero.pop(key, None)
            return
        if key in self.zero:
            return  # already 0: its readers were checked then, or when they came
        self.zero[key] = write.command
        if self.readers is None:
            self.readers = {}
            for (kind, target), commands in self.live.items():
                if kind == "update":
                    for command in commands:
                        if (w := self.read(command)) is not None and w.form == "array":
                            for entry in w.value:
                                if (source := _source(entry)) is not None:
                                    self.readers.setdefault(("table", target[1], source), {})[target] = command
        for target in self.readers.get(key, {}):
            for command in self.live.get(("update", target), ()):
                e = self.read(command)
                if e is not None and e.form == "array" and any(_source(x) == key[2] and _at_risk(x) for x in e.value):
                    message = (f"table `{key[2]}` gets a soft-delete period of 0, but the update policy of "
                               f"{said(command, target)} (set at line {self.line(command)}) reads it and is not "
                               "transactional")  # fmt: skip
                    span = member_span(write.command, "SoftDeletePeriod")
                    self.report(ZERO_SOURCE, span, message, 'make that update policy `"IsTransactional": true`')

    # ---- row level security and restricted view access on one table -------------------------

    def security(self, kind: str, key: Key, command: Command) -> None:
        if not command.arguments:
            return
        word = command.arguments[0].value
        if word.text.lower() not in ("enable", "true"):
            self.enabled.pop((kind, key), None)
            return
        rls = kind == "row_level_security"
        earlier = self.enabled.get(("restricted_view_access" if rls else "row_level_security", key))
        if earlier is None:
            self.enabled[(kind, key)] = command
            return  # a command Kusto rejects sets nothing: only the first of the two counts
        has, adds = ("restricted view access", "row level security") if rls else ("row level security", "restricted view access")
        message = (f"{said(command, key)} has {has} enabled (line {self.line(earlier)}); Kusto does not allow "
                   f"{adds} on it as well")  # fmt: skip
        self.report(SECURITY_CONFLICT, word.span, message, "enable only one of the two policies on a table")


def _members(entry: Any) -> dict[str, Any]:
    return {k.lower(): v for k, v in entry.items()} if isinstance(entry, dict) else {}


def _true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _source(entry: Any) -> str | None:
    """The table an update policy entry reads; None for a wildcard or a missing `Source`."""
    m = _members(entry)
    source = m.get("source")
    return source if isinstance(source, str) and source and not _true(m.get("sourceiswildcard")) else None


def _at_risk(entry: Any) -> bool:
    """An enabled entry that is not transactional (`IsTransactional` defaults to false)."""
    m = _members(entry)
    enabled = m.get("isenabled")
    return not _true(m.get("istransactional")) and not (enabled is False or enabled == "false")


def _describe(write: Write, units: list[Any], kind: str, values: bool = True) -> list[str]:
    """How a message names the units of `write` (for an array, `units` are its entries), with
    a keyword argument's value when `values`."""
    if write.form == "array":
        if kind == "update":
            return [f"`{s}`" if (s := _source(e)) else "" for e in units]
        return [f"{len(units)} {'entry' if len(units) == 1 else 'entries'}"]
    out = []
    for u in units:
        if isinstance(u, int):
            out.append(f"`{write.units[u]}`")
        elif isinstance(u, tuple):
            out.append(f"`{u[1]}`")
        elif u == "<|":
            out.append("the function body")
        else:
            out.append(f"`{u} = {write.units[u]}`" if values and write.form == "keyword" else f"`{u}`")
    return out


def _entries(sources: list[str]) -> str:
    """The dropped update entries, by the source each reads (`` for one without a `Source`)."""
    named = [s for s in sources if s]
    if len(sources) == 1:
        return f"its entry reading {named[0]}" if named else "one of its entries"
    reading = f" (reading {', '.join(named)})" if named else ""
    return f"{len(sources)} of its entries{reading}"
