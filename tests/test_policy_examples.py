"""The Kusto docs' example commands of every policy kind (`tests/data/policy_examples/`): each file
holds the commands it claims, Kusto.Language accepts them, the registry files them under a form it
accepts and finds no error in their payloads, `check` finds no error and `format` keeps their
meaning; the docs' own bugs get what their file says they should."""

from __future__ import annotations

import importlib.util
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
from kqllint.policies.validate import Verdict, form_allowed, validate, validate_arguments
from kqllint.script import parse_script

DATA = Path(__file__).parent / "data" / "policy_examples"
BUGS = DATA / "docs_bugs.kql"
CLEAN = sorted(p for p in DATA.glob("*.kql") if p != BUGS)
_BLOCK = re.compile(r"^// form: ([^\n]+)\n// oracle: ([^\n]+)\n((?://[^\n]*\n)*)(.+?)(?=\n\n|\n?\Z)", re.M | re.S)
_NOTE = re.compile(r"^// (allow|expect|bug): (.*)$", re.M)
# The kind word: after `policy`, or the workload group's keyword (its commands have no `policy` word).
_KIND = re.compile(r"(?:\bpolicy\s+|^\.(?:create-or-alter|alter-merge)\s+(?=workload_group\b))(\w+)")
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

    def codes(self, key: str) -> list[set[str]]:
        """The alternatives a note lists, each as its code and name (`P206 expiry-in-past`)."""
        value = self.notes.get(key, "")
        return [] if value in ("", "nothing") else [set(a.split()) for a in value.split(" or ")]


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
    # Not the string of a bracketed name: `workload_group ['$materialized-views'] '{...}'`.
    literal = next((m for m in _STRING.finditer(example.text, head.end()) if example.text[m.start() - 1] != "["), None)
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
        allowed = set().union(*example.codes("allow"))
        unexpected = [d for d in errors if not {d.code, d.name} & allowed]
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
        if any("J001" in a for a in expected):  # the parser never reads the string: the JSON is the bug
            with pytest.raises(json.JSONDecodeError):
                payload(example, "")
        elif expected:
            assert example.verdict.startswith("rejected"), f"Kusto.Language accepts {example.text!r}"
        got = {c for d in findings_of(diagnostics, example) for c in (d.code, d.name)}
        if not isinstance(statement, Opaque) and expected:  # modelled: kqllint must find the bug
            assert any(a & got for a in expected), f"{example.text!r}: expected {example.notes['expect']}, got {got}"
        if not expected:
            assert [d for d in findings_of(diagnostics, example) if d.severity.value == "error"] == []


# ---- examples/deploy-good.kql and deploy-bad.kql ------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
# A policy command's head, as the deployment examples write it (a plain reading, not kqllint's).
_HEAD = re.compile(
    r"\.(alter-merge|alter|show|delete) (cluster|database \w+|table \w+|tables \([\w, ]+\)|materialized-view \w+)"
    r" policy (\w+)\s*(.*)", re.S)  # fmt: skip
_PAIR = re.compile(r"(\w+) = (\S+)")


def _entity(text: str) -> Entity:
    word = text.split()[0]
    return {"cluster": Entity.CLUSTER, "database": Entity.DATABASE, "tables": Entity.TABLES,
            "materialized-view": Entity.MATERIALIZED_VIEW}.get(word, Entity.TABLE)  # fmt: skip


def registry_findings(path: Path) -> list[tuple[str, str]]:
    """What the registry says of each policy command of `path`: (kind, check) for each problem
    of its payload or keyword arguments, and (kind, "rejected-form") for a form Kusto rejects."""
    text = path.read_text(encoding="utf-8")
    out = []
    for statement in parse_script(text).statements:
        head = _HEAD.fullmatch(text[statement.span.start : statement.span.end])
        if head is None:
            continue
        kind, verb, entity = KINDS_BY_NAME[head.group(3)], Verb(head.group(1)), _entity(head.group(2))
        rest = head.group(4)
        literal = _STRING.match(rest)
        shape = None if not rest else kind.shapes(verb)[0] if literal else PayloadShape.BARE
        if shape is not None and not literal and "=" in rest:
            shape = PayloadShape.KEYWORD
        if shape is not None and form_allowed(kind, verb, entity, shape) is not Verdict.ACCEPTED:
            out.append((kind.name, "rejected-form"))
            continue
        if literal:
            value = json.loads(decode_literal(literal.group(0), 0)[0].value, object_pairs_hook=tuple)
            out += [(kind.name, p.check) for p in validate(kind, verb, entity, value)]
        elif shape is PayloadShape.KEYWORD:
            out += [(kind.name, p.check) for p in validate_arguments(kind, verb, entity, _PAIR.findall(rest))]
        elif shape is PayloadShape.BARE and rest not in kind.keywords:
            out.append((kind.name, "unknown-keyword"))
    return out


def test_the_good_deployment_is_clean() -> None:
    """Every command of it is `syntax_ok` for Kusto.Language 12.4.1 (checked when it was
    written); the registry finds nothing in its forms and payloads, nor does `check`."""
    path = EXAMPLES_DIR / "deploy-good.kql"
    text = path.read_text(encoding="utf-8")
    assert registry_findings(path) == []
    assert lint_text(text) == []
    check_format(text)
    kinds = set(_KIND.findall(text))
    assert {"retention", "caching", "update", "streamingingestion", "ingestionbatching", "managed_identity"} <= kinds
    assert re.search(r"softdelete = ", text) and re.search(r'"SoftDeletePeriod"', text), "retention in both forms"
    assert re.search(r"policy update\n@'\[", text), "the update policy in an `@'...'` literal"


def test_the_bad_deployment_has_the_mistakes_it_says() -> None:
    path = EXAMPLES_DIR / "deploy-bad.kql"
    assert sorted(set(registry_findings(path))) == [
        ("caching", "rejected-form"),  # `.alter-merge ... caching`
        ("ingestionbatching", "out-of-range"),
        ("ingestionbatching", "unknown-property"),
        ("managed_identity", "invalid-guid"),
        ("retention", "bad-timespan"),
        ("retention", "enum-case"),
        ("retention", "rejected-form"),  # `.alter ... softdelete =`
        ("streamingingestion", "unknown-keyword"),  # `Enable`
        ("update", "wrong-shape"),  # its cut-short `ManagedIdentity` shows once the object is in `[...]`
    ]
    codes = {d.code for d in lint_text(path.read_text(encoding="utf-8"))}
    assert {"P003", "P011"} <= codes  # the ManagedIdentity mistakes, found today
    assert "P301" in codes  # `Metrics`' update policy set twice: the second replaces the first


def test_readme_table_of_policy_kinds_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_policy_docs", ROOT / "tools" / "gen_policy_docs.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == gen.readme(readme), "the README's policy kinds are stale: run python3 tools/gen_policy_docs.py"
    table = readme.partition(gen.START)[2].partition(gen.END)[0]
    assert [m for m in re.findall(r"^\| \[`(\w+)`\]", table, re.M)] == [k.name for k in KINDS]
