"""The Kusto docs' example commands of every policy kind (`tests/data/policy_examples/`): each file
holds the commands it claims, Kusto.Language accepts them, the registry files them under a form it
accepts and finds no error in their payloads, `check` finds no error and `format` keeps their
meaning; the docs' own bugs get what their file says they should."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from invariants import check_format
from kqllint import lint_text
from kqllint.diagnostic import Diagnostic
from kqllint.grammar import terminal_regex
from kqllint.literals import decode_literal
from kqllint.model import Opaque
from kqllint.policies import KINDS, KINDS_BY_NAME
from kqllint.policies.schema import Entity, PayloadShape, Verb
from kqllint.policies.validate import Verdict, form_allowed, validate
from kqllint.script import parse_script

DATA = Path(__file__).parent / "data" / "policy_examples"
BUGS = DATA / "docs_bugs.kql"
CLEAN = sorted(p for p in DATA.glob("*.kql") if p != BUGS)
_BLOCK = re.compile(r"^// form: ([^\n]+)\n// oracle: ([^\n]+)\n((?://[^\n]*\n)*)(.+?)(?=\n\n|\n?\Z)", re.M | re.S)
_NOTE = re.compile(r"^// (allow|expect|bug): (.*)$", re.M)
_KIND = re.compile(r"\bpolicy\s+(\w+)")
_STRING = re.compile(terminal_regex("command", "STRING"))


@dataclass(frozen=True)
class Example:
    verb: Verb
    entity: Entity
    shape: PayloadShape | None  # None for `.show`/`.delete`'s `none`
    verdict: str
    notes: dict[str, str]
    start: int
    text: str

    def codes(self, key: str) -> set[str]:
        """The codes and names a note lists (`P206 expiry-in-past` gives both)."""
        value = self.notes.get(key, "")
        return set() if value in ("", "nothing") else set(value.split())


def examples(path: Path) -> tuple[str, list[Example]]:
    text = path.read_text(encoding="utf-8")
    out = []
    for m in _BLOCK.finditer(text):
        verb, entity, shape = m.group(1).split()
        notes = dict(_NOTE.findall(m.group(3)))
        shape_ = None if shape == "none" else PayloadShape(shape)
        out.append(Example(Verb(verb), Entity(entity), shape_, m.group(2), notes, m.start(4), m.group(4)))
    return text, out


def claimed(text: str) -> int:
    found = re.search(r"^// commands: (\d+)$", text, re.M)
    assert found, "the file does not say how many commands it holds"
    return int(found.group(1))


def payload(example: Example, kind: str) -> object:
    """The example's JSON payload, read from its string literal as a plain value."""
    head = _KIND.search(example.text)
    assert head
    literal = _STRING.search(example.text, head.end())
    assert literal, "no string literal after the kind"
    decoded, errors = decode_literal(literal.group(0), 0)
    assert not errors
    return json.loads(decoded.value, object_pairs_hook=tuple)


def findings_of(found: list[Diagnostic], example: Example) -> list[Diagnostic]:
    end = example.start + len(example.text)
    return [d for d in found if example.start <= d.span.start <= end]


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_file_holds_the_commands_it_claims(path: Path) -> None:
    text, found = examples(path)
    statements = parse_script(text).statements
    assert claimed(text) == len(found) == len(statements) > 0
    assert [(s.span.start, text[s.span.start : s.span.end]) for s in statements] == [(e.start, e.text) for e in found]
    assert all(isinstance(s, Opaque) and s.is_command or hasattr(s, "verb") for s in statements)


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_the_registry_accepts_each_form_and_payload(path: Path) -> None:
    kind = KINDS_BY_NAME[path.stem]
    for example in examples(path)[1]:
        assert example.verdict == "syntax_ok", f"Kusto.Language rejects {example.text!r}"
        assert _KIND.search(example.text).group(1) == kind.name  # type: ignore[union-attr]
        assert form_allowed(kind, example.verb, example.entity, example.shape) is Verdict.ACCEPTED, example.text
        if example.shape in (PayloadShape.JSON_OBJECT, PayloadShape.JSON_ARRAY) and kind.payload is not None:
            problems = validate(kind, example.verb, example.entity, payload(example, kind.name))
            assert [p for p in problems if p.severity == "error"] == [], example.text


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_check_finds_no_error(path: Path) -> None:
    text, found = examples(path)
    diagnostics = lint_text(text)
    for example in found:
        errors = [d for d in findings_of(diagnostics, example) if d.severity.value == "error"]
        unexpected = [d for d in errors if not {d.code, d.name} & example.codes("allow")]
        assert unexpected == [], f"{example.text!r}: {unexpected}"


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_format_keeps_the_meaning_and_is_idempotent(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    formatted = check_format(text)
    assert len(parse_script(formatted).statements) == claimed(text)


def test_every_kind_with_a_documented_payload_has_its_examples() -> None:
    documented = {k.name for k in KINDS if k.payload is not None or k.keyword_args}
    assert documented - {p.stem for p in CLEAN} == set()
    assert {p.stem for p in CLEAN} <= set(KINDS_BY_NAME)


def test_docs_bugs_are_what_their_file_says() -> None:
    text, found = examples(BUGS)
    statements = parse_script(text).statements
    assert claimed(text) == len(found) == len(statements)
    diagnostics = lint_text(text)
    for example, statement in zip(found, statements):
        assert "bug" in example.notes and "expect" in example.notes
        expected = example.codes("expect")
        if "J001" in expected:  # the parser never looks inside the string: the JSON is the bug
            with pytest.raises(json.JSONDecodeError):
                payload(example, "")
        elif expected:
            assert example.verdict.startswith("rejected"), f"Kusto.Language accepts {example.text!r}"
        got = {c for d in findings_of(diagnostics, example) for c in (d.code, d.name)}
        if not isinstance(statement, Opaque):  # modelled: kqllint must find the bug
            assert expected <= got or not expected, f"{example.text!r}: expected {expected}, got {got}"
        if not expected:
            assert [d for d in findings_of(diagnostics, example) if d.severity.value == "error"] == []
