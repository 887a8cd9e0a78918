"""The pure core of `kqllint check`: text in, diagnostics out, no I/O."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from kqllint.command import with_payload
from kqllint.config import Config
from kqllint.diagnostic import Diagnostic
from kqllint.gcpause import paused
from kqllint.model import BadStatement, Command, Script
from kqllint.rules import RULES, RULES_BY_CODE
from kqllint.rules._rule import Context, Finding, Rule
from kqllint.salvage import payload_is_certain
from kqllint.script import parse_script
from kqllint.suggest import is_near
from kqllint.suppression import apply_suppressions

_DEFAULT = Config()
_PAYLOAD_FAMILIES = ("J", "P", "I")


def lint_text(text: str, path: str | None = None, config: Config | None = None) -> list[Diagnostic]:
    """Every finding in the script `text`, sorted by position."""
    # Payload trees are read one command at a time while its rules run (`with_payload`), so
    # peak memory stays near the size of the text and the light model, not every payload's tree.
    with paused():
        return lint_script(parse_script(text, payloads=False), path, config)


def lint_script(script: Script, path: str | None = None, config: Config | None = None) -> list[Diagnostic]:
    """Every finding in an already parsed script, sorted by position."""
    config = config or _DEFAULT
    context = Context(path=path, identities=config.identities)
    found = _problems(script) + _rule_findings(script, context, config, path)
    enabled = [d for d in found if config.enabled(d.code, path)]
    kept = [_with_config_severity(d, config) for d in apply_suppressions(script, enabled, _enabler(config, path))]
    kept.sort(key=Diagnostic.sort_key)
    return kept


def _enabler(config: Config, path: str | None) -> Callable[[str], bool]:
    return lambda code: config.enabled(code, path)


def _problems(script: Script) -> list[Diagnostic]:
    """The parser's syntax problems, reported under their syntax rules."""
    found = []
    for statement in script.statements:
        if isinstance(statement, (Command, BadStatement)):
            for p in statement.problems:
                rule = RULES_BY_CODE[p.code]
                found.append(rule.diagnostic(Finding(p.span, p.message, p.help, p.fix)))
    return found


def _rule_findings(script: Script, context: Context, config: Config, path: str | None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    command_rules = [r for r in RULES if r.check_command and config.enabled(r.code, path)]
    # The payload (J), policy (P) and identity (I) rules judge the policy JSON: a command
    # without one (`.show`, `.delete`) is checked by the others only.
    head_rules = [r for r in command_rules if r.code[0] not in _PAYLOAD_FAMILIES]
    script_rules = [r for r in RULES if r.check_script and config.enabled(r.code, path)]
    # After a syntax error in the head, only the payload is checked, by the rules that read
    # nothing of the head, and without fixes: what they change depends on what the command is.
    salvage_rules = [r for r in command_rules if r.code[0] in _PAYLOAD_FAMILIES and not r.reads_head]
    for command in script.commands:
        if command.broken:
            if payload_is_certain(command) and _managed_identity(command):
                found.extend(_without_fixes(with_payload(command), salvage_rules, context))
            continue  # else the command's meaning is unknown (as pyflakes does)
        command = with_payload(command)
        for rule in command_rules if command.payload is not None and _managed_identity(command) else head_rules:
            # A plain loop, not `extend(map(...))`: most checks find nothing, and the loop
            # costs less to set up (10 ms of the rules' 0.12 s on the 1 MB benchmark corpus).
            for finding in rule.check_command(command, context):  # type: ignore[misc]
                found.append(rule.diagnostic(finding))
    for rule in script_rules:
        found.extend(map(rule.diagnostic, rule.check_script(script, context)))  # type: ignore[misc]
    return found


def _managed_identity(command: Command) -> bool:
    """Whether the payload rules (written for ManagedIdentity) apply; a stopgap until the
    linter dispatches rules by the command's kind (the `rules` branch of issue 12)."""
    return command.kind is None or is_near(command.kind.text.replace("-", "_"), "managed_identity")


def _without_fixes(command: Command, rules: list[Rule], context: Context) -> list[Diagnostic]:
    found = []
    for rule in rules:
        for finding in rule.check_command(command, context):  # type: ignore[misc]
            found.append(rule.diagnostic(dataclasses.replace(finding, fix=None) if finding.fix else finding))
    return found


def _with_config_severity(diagnostic: Diagnostic, config: Config) -> Diagnostic:
    severity = config.severity_of(diagnostic.code, diagnostic.severity)
    return diagnostic if severity is diagnostic.severity else diagnostic.with_severity(severity)
