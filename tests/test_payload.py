"""The payload reader agrees with `json.loads` on strict JSON, in every literal form, and is bounded."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kqllint.literals import decode_literal
from kqllint.model import JsonArray, JsonConstant, JsonNumber, JsonObject, JsonString, JsonValue
from kqllint.payload import MAX_DEPTH, parse_payload

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
