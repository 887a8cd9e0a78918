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

import bisect
import re
from typing import Any

from kqllint.diagnostic import Span
from kqllint.model import Command, Opaque, Script, Verb
from kqllint.policies import KINDS_BY_NAME
from kqllint.rules._rule import Context, Finding
from kqllint.rules._writes import (
    MISSING, Key, Write, at_risk, entities, entry_span, fails_here, head_span, member_span, read, said, source_of,
    zero_retention,
)  # fmt: skip

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


class History:
    """One pass over a script: what each entity's policies hold so far, and the findings."""

    def __init__(self, script: Script, context: Context) -> None:
        self.script, self.context = script, context
        self.found: dict[str, list[Finding]] = {name: [] for name in _NAMES}
        self.live: dict[tuple[str, Key], list[Command]] = {}  # (kind, entity) -> writes since its `.alter`
        self.writes: dict[int, Write | None] = {}  # each command read once, by id
        self.offsets, self.line_at = [0], [1]  # offsets whose line is known, in order, and their lines
        self.zero: dict[Key, Command] = {}  # tables whose soft-delete period is 0, and the command
        # Source table -> {target table: its update command}; built when the first table gets a
        # soft-delete period of 0 (most scripts have none, and then no update payload is read
        # unless its table gets a second one).
        self.readers: dict[Key, dict[Key, Command]] | None = None
        self.enabled: dict[tuple[str, Key], Command] = {}  # (RLS or RVA kind, table) -> the enabling command

    def run(self) -> dict[str, list[Finding]]:
        for command in statements(self.script):
            if command is None:
                self.reset()
                continue
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
        found = self.writes.get(id(command), MISSING)
        if found is MISSING:
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
        """The line a command starts on, for the messages that name an earlier command: counted
        (`\r\n`, `\r`, `\n`) only when a finding names one, from the nearest offset counted
        before (a line index of the whole text would cost 30 ms a MB, mostly for nothing)."""
        start = command.span.start
        i = bisect.bisect_right(self.offsets, start) - 1
        at, line = self.offsets[i], self.line_at[i]
        text = self.script.text
        line += text.count("\n", at, start) + text.count("\r", at, start) - text.count("\r\n", at, start)
        if at != start:
            self.offsets.insert(i + 1, start)
            self.line_at.insert(i + 1, line)
        return line

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
                gone = [u for u, v in e.units.items() if write.units.get(u, MISSING) != v]
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
        source = source_of(write.value[index])
        runs = f"every ingestion into `{source}` runs it twice" if source else "it runs twice"
        message = (f"this entry is already in the update policy of {entity} (set at line {self.line(earlier)}); "
                   f"`.alter-merge` appends it again, and {runs}")  # fmt: skip
        self.report(DUPLICATE_ENTRY, entry_span(write.command, index, ()), message, "remove the entry")

    # ---- update policies reading a table with a soft-delete period of 0 --------------------

    def update(self, key: Key, write: Write) -> None:
        if write.form != "array" or self.readers is None:
            return
        for i, entry in enumerate(write.value):
            source = source_of(entry)
            if source is None:
                continue
            table = ("table", key[1], source)
            self.readers.setdefault(table, {})[key] = write.command
            zero = self.zero.get(table)
            if zero is not None and at_risk(entry):
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
                                if (source := source_of(entry)) is not None:
                                    self.readers.setdefault(("table", target[1], source), {})[target] = command
        for target in self.readers.get(key, {}):
            for command in self.live.get(("update", target), ()):
                e = self.read(command)
                if e is not None and e.form == "array" and any(source_of(x) == key[2] and at_risk(x) for x in e.value):
                    message = (f"table `{key[2]}` gets a soft-delete period of 0, but the update policy of "
                               f"{said(command, target)} (set at line {self.line(command)}) reads it and is not "
                               "transactional")  # fmt: skip
                    span = member_span(write.command, "SoftDeletePeriod", "softdelete")
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


def _describe(write: Write, units: list[Any], kind: str, values: bool = True) -> list[str]:
    """How a message names the units of `write` (for an array, `units` are its entries), with
    a keyword argument's value when `values`."""
    if write.form == "array":
        if kind == "update":
            return [f"`{s}`" if (s := source_of(e)) else "" for e in units]
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
