"""`lint_text` for successive versions of one document, re-running command rules only on changed commands.

The language server re-lints a whole document after every edit. Most of that work is the rules
that look at one command at a time, and an edit changes one command: those findings are kept
per command, keyed by the command's text, and moved with it when text before it grows or shrinks.
Everything that looks across commands runs on the whole script every time: the parse, the syntax
problems, the script rules (`check_script`), suppressions and configured severities. The result is
exactly `lint_text`'s (tests/test_incremental.py holds the two equal on random edits of real scripts).

On the 500 KB deployment script of bench/lsp.py, a one-character edit is linted in 56 ms instead of
`lint_text`'s 77 ms (median of 10, alternating, one process); the parse and the script rules are the rest.
"""

from __future__ import annotations

import bisect
import dataclasses
import time

from kqllint.config import Config
from kqllint.diagnostic import Diagnostic, Edit, Span
from kqllint.gcpause import paused

# The pieces of `lint_script`, reused so that both assemble findings in the same order.
from kqllint.linter import command_findings, context_of, finish, problems, script_findings
from kqllint.model import Command, Script
from kqllint.rules._rule import Context
from kqllint.script import parse_script

# A command's findings may depend on the clock (`expiry-in-past`): kept no longer than this.
MAX_AGE_SECONDS = 60.0
_DEFAULT = Config()

_Key = tuple[str, object, bool]  # a command's text, its container, and whether it is joined to the one before


class Relinter:
    """Lints one document again and again; each call returns exactly `lint_text(text, path, config)`."""

    def __init__(self) -> None:
        self._cache: dict[_Key, list[Diagnostic]] = {}  # findings with spans relative to the command
        self._setting: tuple[str | None, Config, Context] | None = None
        self._born = 0.0

    def lint(self, text: str, path: str | None = None, config: Config | None = None) -> list[Diagnostic]:
        config = config or _DEFAULT
        with paused():
            script = parse_script(text, payloads=False)
            context = context_of(script, path, config)
            self._refresh((path, config, context))
            found = problems(script) + self._command_findings(script, context, config, path)
            # A new `Context` (so a new `shared`), as every run of the script rules has.
            found += script_findings(script, context_of(script, path, config), config, path)
            return finish(script, found, config, path)

    def _refresh(self, setting: tuple[str | None, Config, Context]) -> None:
        """Forget every kept finding when the path, configuration or context changed, or they are old."""
        now = time.monotonic()
        if setting != self._setting or now - self._born > MAX_AGE_SECONDS:
            self._cache.clear()
            self._setting, self._born = setting, now

    def _command_findings(self, script: Script, context: Context, config: Config,
                          path: str | None) -> list[Diagnostic]:  # fmt: skip
        """The findings of the command rules, command after command, as `lint_script` makes them."""
        text = script.text
        commands = script.commands
        keys = [(text[c.span.start : c.span.end], c.container, c.joined) for c in commands]
        new: dict[_Key, Command] = {}  # the first command of each new key: `_lint_commands` wants them in order
        for key, command in zip(keys, commands):
            if key not in self._cache:
                new.setdefault(key, command)
        if new:
            self._cache.update(_lint_commands(script, list(new.values()), list(new), config, path))
        self._cache = {k: self._cache[k] for k in keys}  # only this version's commands: it stays small
        found: list[Diagnostic] = []
        for command, key in zip(commands, keys):
            found.extend(_shifted(d, command.span.start) for d in self._cache[key])
        return found


def _lint_commands(script: Script, commands: list[Command], keys: list[_Key], config: Config,
                   path: str | None) -> dict[_Key, list[Diagnostic]]:  # fmt: skip
    """The command rules' findings of `commands` (in order), each relative to its command's start.

    One run over all of them, not one per command: opening a 500 KB document took four times as
    long with a run (and its script rules) per command.
    """
    alone = Script(script.text, tuple(commands), script.comments, ())
    starts = [c.span.start for c in commands]
    found: dict[_Key, list[Diagnostic]] = {k: [] for k in keys}
    for d in command_findings(alone, context_of(script, path, config), config, path):
        i = bisect.bisect_right(starts, d.span.start) - 1  # a command's findings lie in it
        found[keys[i]].append(_shifted(d, -starts[i]))
    return found


def _shifted(diagnostic: Diagnostic, by: int) -> Diagnostic:
    """`diagnostic` with its span and its fix's edits `by` characters further on."""
    if not by:
        return diagnostic
    fix = diagnostic.fix
    if fix is not None:
        fix = dataclasses.replace(fix, edits=tuple(Edit(_span(e.span, by), e.content) for e in fix.edits))
    return dataclasses.replace(diagnostic, span=_span(diagnostic.span, by), fix=fix)


def _span(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by)
