"""The pure core of `kqllint check`: text in, diagnostics out, no I/O."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timezone
from typing import NamedTuple

from kqllint.command import with_payload
from kqllint.config import Config
from kqllint.diagnostic import Diagnostic
from kqllint.gcpause import paused
from kqllint.policies import KINDS_BY_NAME, lookup_kind
from kqllint.policies.schema import PolicyKind
from kqllint.model import BadStatement, Command, Script
from kqllint.rules import RULES, RULES_BY_CODE
from kqllint.rules._rule import Context, Finding, Rule
from kqllint.rules._quiet import MIRRORED, READ_PLAIN_RULES, UNREAD, is_quiet, read_plain
from kqllint.rules._view import View
from kqllint.salvage import payload_is_certain
from kqllint.script import parse_script
from kqllint.suppression import apply_suppressions, file_context

_DEFAULT = Config()


def lint_text(
    text: str, path: str | None = None, config: Config | None = None, *, exact: bool = False
) -> list[Diagnostic]:
    """Every finding in the script `text`, sorted by position (`exact`: as `lint_script`)."""
    # Payload trees are read one command at a time while its rules run (`with_payload`), so
    # peak memory stays near the size of the text and the light model, not every payload's tree.
    with paused():
        return lint_script(parse_script(text, payloads=False), path, config, exact=exact)


def lint_script(
    script: Script, path: str | None = None, config: Config | None = None, *, exact: bool = False
) -> list[Diagnostic]:
    """Every finding in an already parsed script, sorted by position.

    `exact` reads every payload into its positioned tree and runs the payload rules on it,
    without the fast check (`kqllint.rules._quiet`); the findings are the same either way.
    """
    config = config or _DEFAULT
    context = context_of(script, path, config)
    found = problems(script) + command_findings(script, context, config, path, exact)
    return finish(script, found + script_findings(script, context, config, path), config, path)


def context_of(script: Script, path: str | None, config: Config) -> Context:
    """What the rules of one run know: the path, the configured identities, where the script
    runs (its `// kqllint: context=` directive wins over the configuration) and the database."""
    runs_in = file_context(script) or config.context_of(path)
    return Context(path, config.identities, runs_in, config.database_of(path))


def finish(script: Script, found: list[Diagnostic], config: Config, path: str | None) -> list[Diagnostic]:
    """The findings a user sees: enabled, not suppressed, at their configured severity, sorted."""
    enabled = [d for d in found if config.enabled(d.code, path)]
    kept = [_with_config_severity(d, config) for d in apply_suppressions(script, enabled, _enabler(config, path))]
    kept.sort(key=Diagnostic.sort_key)
    return kept


def _enabler(config: Config, path: str | None) -> Callable[[str], bool]:
    return lambda code: config.enabled(code, path)


def problems(script: Script) -> list[Diagnostic]:
    """The parser's syntax problems, reported under their syntax rules."""
    found = []
    for statement in script.statements:
        if isinstance(statement, (Command, BadStatement)):
            for p in statement.problems:
                rule = RULES_BY_CODE[p.code]
                found.append(rule.diagnostic(Finding(p.span, p.message, p.help, p.fix)))
    return found


class _Chosen(NamedTuple):
    """The enabled rules for commands of one policy kind."""

    command: list[Rule]  # every rule with `check_command`
    view: list[Rule]  # every rule with `check_view`
    # The command and view rules that do not read the payload: all that run on a command whose
    # payload the fast check found quiet.
    quiet: tuple[list[Rule], list[Rule]]
    reads_payload: bool  # whether any of them reads the payload
    # Whether the fast check vouches for every payload rule among them (one it does not
    # mirror keeps the kind on the exact path), and whether it needs the validator for them.
    fast: bool
    validated: bool


class _Chooser:
    """The enabled rules for each policy kind, chosen once per kind (not per command)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.chosen: dict[tuple[str | None, bool], _Chosen] = {}

    def __call__(self, kind: str | None, has_argument: bool) -> _Chosen:
        """The rules for a command of `kind`: those that read the policy argument only when the
        command has one (a literal or keyword arguments)."""
        key = (kind, has_argument)
        found = self.chosen.get(key)
        if found is None:
            rules = [r for r in self.rules if r.applies_to(kind) and (has_argument or not r.reads_payload)]
            command = [r for r in rules if r.check_command]
            view = [r for r in rules if r.check_view]
            quiet = ([r for r in command if not r.reads_payload], [r for r in view if not r.reads_payload])
            payload = [r for r in rules if r.reads_payload]
            fast = all(r.reports_check is not None or r.code in MIRRORED for r in payload)
            validated = any(r.code not in READ_PLAIN_RULES for r in payload)
            found = self.chosen[key] = _Chosen(command, view, quiet, bool(payload), fast, validated)
        return found


def command_findings(
    script: Script, context: Context, config: Config, path: str | None, exact: bool = False
) -> list[Diagnostic]:
    """The findings of the rules that check one command at a time, command after command."""
    found: list[Diagnostic] = []
    enabled = [r for r in RULES if r.checks_commands and config.enabled(r.code, path)]
    choose = _Chooser(enabled)
    # After a syntax error in the head, only the payload is checked, by the rules that read
    # nothing of the head, and without fixes: what they change depends on what the command is.
    salvage = _Chooser([r for r in enabled if r.reads_payload and not r.reads_head])
    now = datetime.now(timezone.utc).replace(tzinfo=None)  # what `expiry-in-past` compares with
    for command in script.commands:
        if command.broken:
            if payload_is_certain(command):
                kind = _salvaged_kind(command, script.text)
                command = with_payload(command)
                view = View(command, kind, now)
                chosen = salvage(kind and kind.name, True)
                found.extend(_without_fixes(command, view, (chosen.command, chosen.view), context))
            continue  # else the command's meaning is unknown (as pyflakes does)
        kind = _kind_of(command.kind.text) if command.kind is not None else None
        chosen = choose(kind and kind.name, _has_argument(command))
        view = _plain_view(command, kind, now) if chosen.reads_payload and chosen.fast and not exact else None
        if not chosen.reads_payload or (view is not None and is_quiet(view, context, chosen.validated)):
            command_rules, view_rules = chosen.quiet  # no tree: no rule that runs reads the payload
        else:
            command_rules, view_rules = chosen.command, chosen.view
            command = with_payload(command)
            if view is not None:
                view.read_positions(command)
        # Plain loops, not `extend(map(...))`: most checks find nothing, and the loop
        # costs less to set up (10 ms of the rules' 0.12 s on the 1 MB benchmark corpus).
        for rule in command_rules:
            for finding in rule.check_command(command, context):  # type: ignore[misc]
                found.append(rule.diagnostic(finding))
        if view_rules:
            found.extend(_view_findings(command, view or View(command, kind, now), view_rules, context))
    return found


def script_findings(script: Script, context: Context, config: Config, path: str | None) -> list[Diagnostic]:
    """The findings of the rules that read the whole script (blank lines, checks across commands)."""
    found: list[Diagnostic] = []
    for rule in RULES:
        if rule.check_script and config.enabled(rule.code, path):
            found.extend(map(rule.diagnostic, rule.check_script(script, context)))
    return found


def _plain_view(command: Command, kind: PolicyKind | None, now: datetime) -> View | None:
    """The view of `command` with its payload as `json.loads` reads it, for the fast check;
    None without a string-literal payload or when only the positioned scanner can read it.

    Skipping the positioned tree and the payload rules for the payloads found quiet takes the
    rules' part of linting 1 MB of clean deployment scripts from 63 to 40 ms, and of the
    ManagedIdentity benchmark corpus from 283 to 189 ms (CPU time, best of 15).
    """
    if command.argument is None or kind is None:
        return None
    plain = read_plain(command.argument.value)
    return None if plain is UNREAD else View(command, kind, now, plain)


# Kinds by lowercase name: a kind in another case (`Managed_Identity`) is C002's finding, and
# the kind's rules still check the command.
_KINDS_BY_LOWER = {name.lower(): kind for name, kind in KINDS_BY_NAME.items()}


def _kind_of(word: str) -> PolicyKind | None:
    return KINDS_BY_NAME.get(word) or _KINDS_BY_LOWER.get(word.lower())


def _view_findings(command: Command, view: View, rules: list[Rule], context: Context) -> list[Diagnostic]:
    found = []
    checks = None
    for rule in rules:
        check = rule.reports_check
        if check is not None:
            # A generic rule reports one check: skip it, without a call, when there is none of
            # it (most commands have no problems).
            if checks is None:
                checks = view.checks()
            if check not in checks:
                continue
        for finding in rule.check_view(command, view, context):  # type: ignore[misc]
            found.append(rule.diagnostic(finding))
    return found


def _has_argument(command: Command) -> bool:
    return command.argument is not None or bool(command.arguments)


def _salvaged_kind(command: Command, text: str) -> PolicyKind | None:
    """The kind of a command whose head did not parse: the kind word read, else the word
    right before the policy literal (`... polcy managed_identity "[]"`)."""
    if command.kind is not None:
        word = command.kind.text
    elif command.argument is not None and (words := text[command.span.start : command.argument.span.start].split()):
        word = words[-1]
    else:
        return None
    kind, near = lookup_kind(word)  # a near miss (`managed_identitty`, S008) is the kind it is near
    return kind or _kind_of(word) or (KINDS_BY_NAME[near] if near else None)


def _without_fixes(
    command: Command, view: View, rules: tuple[list[Rule], list[Rule]], context: Context
) -> list[Diagnostic]:
    findings: list[tuple[Rule, Finding]] = []
    command_rules, view_rules = rules
    for rule in command_rules:
        findings += [(rule, f) for f in rule.check_command(command, context)]  # type: ignore[misc]
    for rule in view_rules:
        findings += [(rule, f) for f in rule.check_view(command, view, context)]  # type: ignore[misc]
    return [rule.diagnostic(dataclasses.replace(f, fix=None) if f.fix else f) for rule, f in findings]


def _with_config_severity(diagnostic: Diagnostic, config: Config) -> Diagnostic:
    severity = config.severity_of(diagnostic.code, diagnostic.severity)
    return diagnostic if severity is diagnostic.severity else diagnostic.with_severity(severity)
