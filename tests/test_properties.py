"""Properties of the formatter and `--fix` on generated scripts (tests/strategies.py).

A few hundred examples by default; `HYPOTHESIS_PROFILE=thorough` runs thousands.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from kqllint import format_text, lint_text
from kqllint.fixes import applicable, fix_text
from kqllint.model import Command, JsonArray, JsonObject, JsonString, JsonValue, Script
from kqllint.script import parse_script
from strategies import scripts

settings.register_profile("default", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def outside_commands(script: Script) -> list[str]:
    """The text between (and around) the modelled commands."""
    pieces, last = [], 0
    for command in script.commands:
        pieces.append(script.text[last : command.span.start])
        last = command.span.end
    return pieces + [script.text[last:]]


def json_meaning(value: JsonValue | None, top: bool = True) -> object:
    """JSON values as a reader sees them, written independently of the formatter: a policy
    object's members grouped by lowercased key (Json.NET binds keys ignoring case, so only the
    order within a group matters), `AllowedUsages` as its trimmed items."""
    if isinstance(value, JsonArray):
        return [json_meaning(v, top=False) if not top or not isinstance(v, JsonObject) else policy(v) for v in value.items]
    if isinstance(value, JsonObject):
        return [(m.key.value, json_meaning(m.value, top=False)) for m in value.members]
    if isinstance(value, JsonString):
        return ("s", value.value)
    return None if value is None else ("v", value.text)


def policy(obj: JsonObject) -> dict:
    groups: dict[str, list] = {}
    for m in obj.members:
        v = m.value
        if m.key.value.lower() == "allowedusages" and isinstance(v, JsonString):
            meaning: object = [u.strip() for u in v.value.split(",")]
        else:
            meaning = json_meaning(v, top=False)
        groups.setdefault(m.key.value.lower(), []).append((m.key.value, meaning))
    return groups


def command_meaning(text: str, command: Command) -> tuple:
    words = [w.text if w else None for w in (command.verb, command.scope, command.policy, command.kind)]
    db = command.database.value if command.database else None
    tail = text[command.tail.start : command.tail.end] if command.tail else None
    literal = command.argument
    if literal is None:
        payload: object = None
    elif literal.obfuscated or command.payload is None or command.payload.value is None:
        payload = text[literal.span.start : literal.span.end]
    else:
        payload = json_meaning(command.payload.value)
    return words, db, tail, payload


@given(scripts())
def test_formatting_is_safe_and_idempotent(text: str) -> None:
    result = format_text(text)
    assert result.changed == (result.text != text)
    blocked = any(d.code == "F001" for d in result.diagnostics)
    assert not (blocked and result.changed), "a blocked file must come back unchanged"
    assert not any(d.code in ("F002", "F003") for d in result.diagnostics), result.diagnostics
    again = format_text(result.text)
    assert again.text == result.text and not again.changed, "not idempotent"
    before, after = parse_script(text), parse_script(result.text)
    assert outside_commands(before) == outside_commands(after), "a byte outside the commands changed"
    assert len(before.commands) == len(after.commands)
    for old, new in zip(before.commands, after.commands):
        assert command_meaning(text, old) == command_meaning(result.text, new)


@given(scripts())
def test_fix_leaves_no_fixable_finding(text: str) -> None:
    for unsafe in (False, True):
        outcome = fix_text(text, unsafe=unsafe)
        assert outcome.remaining == lint_text(outcome.text)
        left = [(d.code, d.message) for d in outcome.remaining if applicable(d, unsafe)]
        assert not left, f"fixable findings left (unsafe={unsafe}): {left}\n{outcome.text!r}"
        assert broken_statements(outcome.text) <= broken_statements(text), "a fix broke a command"


def broken_statements(text: str) -> int:
    return sum(bool(getattr(s, "problems", ())) for s in parse_script(text).statements)
