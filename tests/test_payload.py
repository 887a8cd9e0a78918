"""The payload reader agrees with `json.loads` on strict JSON, in every literal form, and is bounded;
its fast paths build exactly what its general path builds."""

from __future__ import annotations

import json
import re
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kqllint import payload as payload_module
from kqllint.command import with_payload
from kqllint.literals import decode_literal
from kqllint.model import JsonArray, JsonConstant, JsonNumber, JsonObject, JsonString, JsonValue
from kqllint.payload import MAX_DEPTH, parse_payload
from kqllint.script import parse_script

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=8),
)  # fmt: skip
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


def _plain(node: JsonValue) -> object:
    if isinstance(node, JsonObject):
        return {m.key.value: _plain(m.value) for m in node.members}
    if isinstance(node, JsonArray):
        return [_plain(item) for item in node.items]
    assert isinstance(node, (JsonString, JsonNumber, JsonConstant))
    return node.value


def _literal(text: str, form: str) -> str:
    if form == "fence":
        return f"```{text}```"
    if form == "double":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return '@"' + text.replace('"', '""') + '"'


@settings(max_examples=300, deadline=None)
@given(_json, st.sampled_from([None, 2]), st.sampled_from(["fence", "double", "verbatim"]))
def test_reads_what_json_loads_reads(value: object, indent: int | None, form: str) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    if form == "fence" and "```" in text:
        return
    literal, errors = decode_literal(_literal(text, form), 5)
    assert not errors and literal.value == text
    payload = parse_payload(literal)
    assert payload.error is None
    assert _plain(payload.value) == json.loads(text)


@settings(max_examples=200, deadline=None)
@given(_json)
def test_every_string_maps_back_to_its_file_text(value: object) -> None:
    text = json.dumps({"k": value}, ensure_ascii=False)
    source = _literal(text, "double")
    literal, _ = decode_literal(source, 0)
    node = parse_payload(literal).value
    key = node.members[0].key
    assert source[key.sub_span(0, 1).start] == "k"


def test_nesting_beyond_the_cap_is_an_error_not_a_crash() -> None:
    literal, _ = decode_literal("```" + "[" * 10_000 + "]" * 10_000 + "```", 0)
    payload = parse_payload(literal)
    assert payload.value is None and payload.error is not None
    assert f"{MAX_DEPTH} levels" in payload.error.message


_lenient = st.builds(
    lambda value, indent, quote: _requote(json.dumps(value, indent=indent, ensure_ascii=False), quote),
    _json, st.sampled_from([None, 0, 2]), st.sampled_from(['"', "'"]),
)  # fmt: skip


def _requote(text: str, quote: str) -> str:
    """`text` with its plain strings in `quote` (escaped ones stay double-quoted)."""
    if quote == '"':
        return text
    return re.sub(r'"([^"\\\x00-\x1f\']*)"', r"'\1'", text)


@settings(max_examples=300, deadline=None)
@given(_lenient, st.sampled_from(["fence", "double", "verbatim"]))
def test_the_fast_paths_build_what_the_general_path_builds(text: str, form: str) -> None:
    if form == "fence" and "```" in text:
        return
    literal, _ = decode_literal(_literal(text, form), 3)
    fast = parse_payload(literal)
    never = re.compile(r"(?!)")
    fast_paths = ("_FIRST_MEMBER", "_NEXT_MEMBER", "_FIRST_OBJECT", "_NEXT_OBJECT")
    with ExitStack() as stack:
        for name in fast_paths:
            stack.enter_context(patch.object(payload_module, name, never))
        general = parse_payload(literal)
    assert fast == general


RULE_CASES = sorted((Path(__file__).parent / "data" / "rules").glob("*/*.kql"))


@pytest.mark.parametrize("path", RULE_CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_with_payload_changes_nothing_but_the_payload(path: Path) -> None:
    for command in parse_script(path.read_text(encoding="utf-8"), payloads=False).commands:
        if command.argument is not None:
            assert with_payload(command) == replace(command, payload=parse_payload(command.argument))
