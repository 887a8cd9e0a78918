"""The payload fast check (`kqllint.rules._quiet`) against the exact path it stands in for.

`lint_text(text)` skips the payload rules for a payload the fast check finds quiet;
`lint_text(text, exact=True)` runs them on every positioned tree. Every diagnostic (code, span,
message, help, fix) must be the same both ways: on every script under tests/data and examples/,
on every documented example and bad-payload case of the registry, and on payloads generated
from them for every kind with a JSON payload, then mutated.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kqllint.config import Config
from kqllint.identities import load_identities
from kqllint.linter import lint_text
from kqllint.payload import MAX_DEPTH
from kqllint.policies import KINDS, KINDS_BY_NAME
from kqllint.policies.commands import Verb
from kqllint.policies.locate import to_plain
from kqllint.policies.validate import json_shape
from kqllint import linter
from kqllint.rules import RULES, RULES_BY_CODE
from kqllint.rules._quiet import MIRRORED, READ_PLAIN_RULES, UNREAD, is_quiet, read_plain
from kqllint.rules._rule import Context
from kqllint.rules._view import View
from kqllint.script import parse_script
from kqllint.source import decode
from strategies import LONE_SURROGATES, json_string_text, kind_commands, literals, mi_commands
from test_rules import _config

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
SCRIPTS = sorted([*DATA.rglob("*.kql"), *(ROOT / "examples").rglob("*.kql")])
POLICIES = DATA / "policies"
IDENTITIES = Config(identities=load_identities([DATA / "identities" / "cluster-prod.json"]))


def _both_ways(text: str, config: Config | None = None) -> None:
    assert lint_text(text, config=config) == lint_text(text, config=config, exact=True)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_script_lints_the_same_both_ways(path: Path) -> None:
    text = decode(path.read_bytes()).text
    _both_ways(text, _config(text))


def _jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (POLICIES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


# The documented examples with a JSON payload that are commands (some are a payload alone).
EXAMPLES = [e for e in _jsonl("examples.jsonl") if e["shape"].startswith("json") and e["command"].startswith(".")]


def _head_and_tail(command: str) -> tuple[str, str]:
    """The text around the payload literal of a documented command."""
    parsed = parse_script(command).commands[0]
    assert parsed.argument is not None, command
    return command[: parsed.argument.span.start], command[parsed.argument.span.end :]


def _plain(command: str) -> Any:
    """The payload of `command` as the validator reads it (some documented ones are lenient),
    None when it is not JSON."""
    payload = parse_script(command).commands[0].payload
    return None if payload is None or payload.value is None else to_plain(payload.value)


# Every documented command with a JSON payload, by kind, split around its literal, with its
# payload's value; for a kind documented by its payload alone, the head of its first form.
FRAMES: dict[str, list[tuple[str, str, str, Any]]] = {}
for _e in _jsonl("examples.jsonl"):
    if not _e["shape"].startswith("json") or (not _e["command"].startswith(".") and _e["kind"] in FRAMES):
        continue
    _text = _e["command"]
    if not _text.startswith("."):
        _form = next(f for f in _jsonl("forms.jsonl") if f["kind"] == _e["kind"] and f["argument"] == "string" and f["syntax_ok"])
        _text = _form["text"]
    _head, _tail = _head_and_tail(_text)
    _value = _plain(_head + "```" + _e["payload"] + "```" + _tail)
    if _value is not None:
        FRAMES.setdefault(_e["kind"], []).append((_head, _tail, _e["verb"], _value))
# The documented ManagedIdentity examples use Microsoft's example GUIDs (P024): add clean ones.
_IDENTITY = (("ObjectId", "8f4c2c52-43e1-4b5b-a4d2-1e6a0b2c3d4e"), ("AllowedUsages", "NativeIngestion, SqlRequest"))
FRAMES["managed_identity"] += [
    (".alter-merge database db policy managed_identity ", "", "alter-merge", [_IDENTITY]),
    (".alter cluster policy managed_identity ", "", "alter", [_IDENTITY, (("ObjectId", "system"), ("AllowedUsages", "All"))]),
]
KIND_NAMES = sorted(FRAMES)


def test_every_kind_with_a_json_payload_has_a_frame() -> None:
    with_json = {k.name for k in KINDS if json_shape(k, Verb.ALTER) or json_shape(k, Verb.ALTER_MERGE)}
    assert set(KIND_NAMES) == with_json


def _cases() -> list[str]:
    """Every bad-payload case of the registry, in a documented command of its kind and verb."""
    out = []
    for path in sorted((POLICIES / "cases").glob("*.jsonl")):
        for case in _jsonl(f"cases/{path.name}"):
            frames = [f for f in FRAMES[path.stem] if f[2] == case["verb"]] or FRAMES[path.stem]
            head, tail, _, _ = frames[0]
            out.append(f"{head}```{case['payload']}```{tail}")
    return out


@pytest.mark.parametrize("text", [e["command"] for e in EXAMPLES] + _cases())
def test_every_documented_and_bad_payload_lints_the_same_both_ways(text: str) -> None:
    _both_ways(text)
    _both_ways(text, IDENTITIES)


# ---- generated payloads ---------------------------------------------------------------------

# Values to put anywhere: wrong types, timespans and datetimes good and bad, GUIDs and `system`
# in every case, enum values in other cases, usages, lone surrogates, and every JSON scalar.
SCALARS = (
    0, 1, -1, 2.5, 1e3, 10**20, True, False, None, "", " ", "x", "10d", "1.00:00:00", "00:05:00", "P10D",
    "2020-01-01", "2999-01-01T00:00:00", "not a date", "Enabled", "enabled", "Disabled", "Custom", "Hash",
    "XxHash64", "system", "System", "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "8f4c2c52-43e1-4b5b-a4d2-1e6a0b2c3d4e",
    "8F4C2C52-43E1-4B5B-A4D2-1E6A0B2C3D4E", "{8f4c2c52-43e1-4b5b-a4d2-1e6a0b2c3d4e}",
    "00000000-0000-0000-0000-000000000000", "<object-id>", "NativeIngestion", "NativeIngestion, SqlRequest",
    "All", "All, SqlRequest", "nativeingestion", "AutomatedFlow", "NativeIngestion;SqlRequest", "SandboxArtifacts",
    "NativeIngestion,,SqlRequest", "NativeIngestion, NativeIngestion", "Bogus", "é ü 😀", "a\\b\"c", *LONE_SURROGATES,
)  # fmt: skip
NAMES = ("ObjectId", "AllowedUsages", "Extra", "SoftDeletePeriod", "IsEnabled", "Kind")


def _keys(value: Any) -> list[str]:
    out: list[str] = []
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            out += [k for k, _ in node]
            stack += [v for _, v in node]
        elif isinstance(node, list):
            stack += node
    return out


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path into `value` (an index or a member's position)."""
    out = [path]
    if isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*path, i))
    elif isinstance(value, tuple):
        for i, (_, v) in enumerate(value):
            out += _paths(v, (*path, i))
    return out


def _replace(value: Any, path: tuple, new: Any) -> Any:
    """`value` with the node at `path` replaced by `new(node)` (a member: its `(key, value)`)."""
    if not path:
        return new(value)
    i, rest = path[0], path[1:]
    if isinstance(value, list):
        return [*value[:i], _replace(value[i], rest, new), *value[i + 1 :]]
    key, v = value[i]
    if not rest:
        return (*value[:i], *new((key, v), member=True), *value[i + 1 :])
    return (*value[:i], (key, _replace(v, rest, new)), *value[i + 1 :])


@st.composite
def mutations(draw: st.DrawFn, value: Any, names: list[str]) -> Any:
    """`value` after one to three mutations at random places."""
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(value)))
        how = draw(st.sampled_from(["value", "value", "key", "duplicate", "delete", "wrap", "empty"]))
        scalar = draw(st.sampled_from(SCALARS))
        key = draw(st.sampled_from([*names, *NAMES]))
        key = draw(st.sampled_from([key, key.lower(), key.upper(), key[:-1], key + "s"]))

        def new(node: Any, member: bool = False, how: str = how, scalar: Any = scalar, key: str = key) -> Any:
            if not member:
                if how == "wrap":
                    return [node]
                if how == "empty":
                    return [] if isinstance(node, list) else ()
                if how == "delete" and isinstance(node, list) and node:
                    return node[:-1]
                if how == "key" and isinstance(node, tuple):
                    return (*node, (key, scalar))
                return node[0] if how == "delete" and isinstance(node, list) and node else scalar
            k, v = node
            if how == "key":
                return [(key, v)]
            if how == "duplicate":
                return [(k, v), (draw(st.sampled_from([k, k.lower(), k.upper()])), scalar)]
            if how == "delete":
                return []
            if how == "wrap":
                return [(k, [v])]
            return [(k, scalar if how == "value" else ([] if how == "empty" else ()))]

        value = _replace(value, path, new)
    return value


@st.composite
def json_text(draw: st.DrawFn, value: Any) -> str:
    """`value` written as JSON: any spacing, `\\u` escapes or not, now and then single quotes
    and trailing commas (lenient JSON), which only the positioned path reads."""
    ws = st.sampled_from(["", " ", "\n  ", "\t"])
    quote = "'" if draw(st.integers(0, 9)) == 0 else '"'
    comma = "," if draw(st.integers(0, 9)) == 0 else ""
    ascii = draw(st.booleans())

    def write(v: Any) -> str:
        if isinstance(v, str):
            return json_string_text(v, quote, ascii)
        if isinstance(v, list):
            inner = ("," + draw(ws)).join(write(x) for x in v)
            return "[" + draw(ws) + inner + (comma if v else "") + draw(ws) + "]"
        if isinstance(v, tuple):
            inner = ("," + draw(ws)).join(f"{write(k)}{draw(ws)}:{draw(ws)}{write(x)}" for k, x in v)
            return "{" + draw(ws) + inner + (comma if v else "") + draw(ws) + "}"
        return json.dumps(v)

    return draw(ws) + write(value) + draw(ws)


@st.composite
def kind_scripts(draw: st.DrawFn) -> str:
    """A documented command of any kind with a JSON payload, its payload mutated."""
    kind = draw(st.sampled_from(KIND_NAMES))
    head, tail, _, value = draw(st.sampled_from(FRAMES[kind]))
    names = [p.name for p in _schema_names(KINDS_BY_NAME[kind])] + _keys(value)
    if draw(st.integers(0, 4)):
        value = draw(mutations(value, names))
    return head + draw(literals(draw(json_text(value)))) + tail


USAGE_WORDS = ("All", "NativeIngestion", "SqlRequest", "SandboxArtifacts") * 3 + ("nativeingestion", "AutomatedFlow", "Bogus", "")
OBJECT_IDS = ("system", "8f4c2c52-43e1-4b5b-a4d2-1e6a0b2c3d4e", "0b2c3d4e-43e1-4b5b-a4d2-1e6a8f4c2c52",
              "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb")  # fmt: skip


@st.composite
def _identities(draw: st.DrawFn) -> tuple:
    """A ManagedIdentity object of mostly good values, its usages in any mix."""
    usages = draw(st.lists(st.sampled_from(USAGE_WORDS), min_size=1, max_size=3))
    separator = draw(st.sampled_from([",", ", ", " , "]))
    return (("ObjectId", draw(st.sampled_from(OBJECT_IDS))), ("AllowedUsages", separator.join(usages)))


@st.composite
def identity_scripts(draw: st.DrawFn) -> str:
    """A ManagedIdentity command whose objects mostly have good values, for the rules that read
    `ObjectId` and `AllowedUsages` beyond the validator."""
    head = draw(st.sampled_from([".alter-merge database db policy managed_identity ", ".alter cluster policy managed_identity "]))
    value = draw(st.lists(_identities(), max_size=3))
    return head + draw(literals(draw(json_text(value))))


def _schema_names(kind: Any) -> list[Any]:
    schema = kind.payload
    item = getattr(schema, "item", schema)
    return list(getattr(item, "properties", ()))


SCRIPTS_GENERATED = st.one_of(
    kind_scripts(), kind_scripts(), kind_scripts(), identity_scripts(), mi_commands(broken=False), kind_commands()
)
PAYLOAD_CODES = frozenset(code for code, rule in RULES_BY_CODE.items() if rule.reads_payload)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SCRIPTS_GENERATED, st.booleans())
@example('.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```', False)
@example('.alter table T policy retention ```{"SoftDeletePeriod": NaN}```', False)
@example('.alter table T policy retention ```{"SoftDeletePeriod": "\\ud83d\\ude00"}```', False)
@example(".alter table T policy retention ```" + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "```", False)
@example('.alter database db policy managed_identity "[]"', True)
def test_generated_payloads_lint_the_same_both_ways(text: str, identities: bool) -> None:
    _both_ways(text, IDENTITIES if identities else None)


_GUID = "8f4c2c52-43e1-4b5b-a4d2-1e6a0b2c3d4e"


@pytest.mark.parametrize(
    ("code", "scope", "objects"),
    [
        ("P010", "cluster", [(_GUID, "Bogus")]),
        ("P011", "cluster", [(_GUID, "AutomatedFlow")]),
        ("P012", "cluster", [(_GUID, "nativeingestion")]),
        ("P013", "cluster", [(_GUID, "SqlRequest, SqlRequest")]),
        ("P014", "cluster", [(_GUID, "All, SqlRequest")]),
        ("P015", "cluster", [(_GUID, " ")]),
        ("P016", "database db", [(_GUID, "SandboxArtifacts")]),
        ("P017", "cluster", [(_GUID, "SqlRequest"), (_GUID, "All")]),
        ("P021", "cluster", []),
        ("P023", "cluster", [(_GUID, "SqlRequest,")]),
        ("P024", "cluster", [("aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "SqlRequest")]),
    ],
)
def test_each_managed_identity_rule_keeps_its_command_off_the_fast_path(code: str, scope: str, objects: list) -> None:
    items = ", ".join(f'{{"ObjectId": "{oid}", "AllowedUsages": "{usages}"}}' for oid, usages in objects)
    text = f".alter-merge {scope} policy managed_identity ```[{items}]```"
    assert _quiet_commands(text) == []
    assert code in {d.code for d in lint_text(text)}
    _both_ways(text)


def test_a_clean_managed_identity_command_takes_the_fast_path() -> None:
    text = f'.alter database db policy managed_identity ```[{{"ObjectId": "{_GUID}", "AllowedUsages": "All"}}]```'
    assert _quiet_commands(text) == [(0, len(text))]
    on_cluster = text.replace('"All"', '"SandboxArtifacts"').replace("database db", "cluster")
    assert _quiet_commands(on_cluster) == [(0, len(on_cluster))]


def _quiet_commands(text: str) -> list[tuple[int, int]]:
    """The spans of the commands whose payload the fast check finds quiet."""
    out = []
    now = datetime.now(timezone.utc).replace(tzinfo=None)  # as the linter's, for `expiry-in-past`
    for command in parse_script(text, payloads=False).commands:
        kind = KINDS_BY_NAME.get(command.kind.text.lower()) if command.kind is not None else None
        if command.broken or command.argument is None or kind is None:
            continue
        plain = read_plain(command.argument.value)
        if plain is not UNREAD and is_quiet(View(command, kind, now, plain), Context()):
            out.append((command.span.start, command.span.end))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SCRIPTS_GENERATED)
def test_a_quiet_payload_gives_the_payload_rules_nothing(text: str) -> None:
    quiet = _quiet_commands(text)
    for d in lint_text(text, exact=True):
        inside = any(start <= d.span.start < end for start, end in quiet)
        assert not (inside and d.code in PAYLOAD_CODES), (d, text)


@pytest.mark.parametrize(
    "text",
    [
        '[{"a": NaN}]',  # J001's: the positioned scanner rejects what `json` accepts
        '{"a": -Infinity}',
        "[" * MAX_DEPTH + "]" * MAX_DEPTH,
        '"\\ud83d\\ude00"',  # one character to `json`, two to the positioned scanner
        "[1,]",
        "{'a': 1}",
        "",
    ],
)
def test_what_only_the_positioned_path_reads(text: str) -> None:
    assert read_plain(text) is UNREAD


def test_the_fast_check_reads_plain_json() -> None:
    assert read_plain(' [{"a": [1, 2.5, null]}, {"a": 1, "a": 2}] ') == [(("a", [1, 2.5, None]),), (("a", 1), ("a", 2))]
    assert read_plain("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) is not UNREAD


# ---- rules that pay only for what they read ------------------------------------------------


def test_the_fast_check_mirrors_every_payload_rule_without_a_check() -> None:
    """A new payload rule without `CHECK` must be added to the mirror (and `MIRRORED`); until
    then the linter keeps its kinds on the exact path."""
    unchecked = {r.code for r in RULES if r.reads_payload and r.reports_check is None}
    assert unchecked == MIRRORED
    assert READ_PLAIN_RULES <= MIRRORED


SELECTIONS = [("J",), ("J001", "J005"), ("P103",), ("P013", "C001"), ("P1",), ("C", "S")]


@pytest.mark.parametrize("select", SELECTIONS, ids=",".join)
def test_a_selection_lints_the_same_both_ways(select: tuple[str, ...]) -> None:
    config = Config(select=select)
    for path in SCRIPTS[::7]:
        text = decode(path.read_bytes()).text
        _both_ways(text, config)


def test_no_tree_is_built_when_no_payload_rule_is_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    monkeypatch.setattr(linter, "with_payload", lambda command: built.append(command) or command)
    text = '.alter table T policy retention ```{"SoftDeletePeriod": 7}```'
    assert [d.code for d in lint_text(text, config=Config(select=("C",)))] == []
    assert built == []
    assert [d.code for d in lint_text(text, config=Config(select=("J001",)))] == []
    assert built == []  # `json.loads` alone proves J001 has nothing to say
    lint_text(text)
    assert len(built) == 1  # P103 reports the number: the exact path
