"""From the positioned payload model to the validator's plain values, and from a path back to a node."""

from __future__ import annotations

from typing import Any

from kqllint.model import JsonArray, JsonConstant, JsonNumber, JsonObject, JsonString, JsonValue
from kqllint.policies.problem import Path, Problem


_SCALARS = (JsonString, JsonNumber, JsonConstant)


def to_plain(root: JsonValue) -> Any:
    """The value `json.loads(text, object_pairs_hook=tuple)` gives for the same JSON: what the
    lenient path (single quotes, trailing commas) hands the validator. No recursion: payloads
    may nest deeper than Python's stack."""
    # The usual payload first: an object, or an array of objects, of scalar values (a third of
    # the time of the general walk below).
    flat = _flat(root) if type(root) is JsonObject else None
    if flat is not None:
        return flat
    if type(root) is JsonArray:
        items = [_flat(item) if type(item) is JsonObject else None for item in root.items]
        if None not in items:
            return items
    return _walk(root)


def _flat(obj: JsonObject) -> tuple[tuple[str, Any], ...] | None:
    members = obj.members
    for m in members:
        if type(m.value) not in _SCALARS:
            return None
    return tuple([(m.key.value, m.value.value) for m in members])  # type: ignore[union-attr]


def _walk(root: JsonValue) -> Any:
    done: dict[int, Any] = {}
    stack: list[tuple[JsonValue, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if isinstance(node, (JsonString, JsonNumber, JsonConstant)):
            done[id(node)] = node.value
        elif not children_done:
            stack.append((node, True))
            kids = [m.value for m in node.members] if isinstance(node, JsonObject) else node.items
            stack.extend((kid, False) for kid in kids)
        elif isinstance(node, JsonObject):
            done[id(node)] = tuple((m.key.value, done[id(m.value)]) for m in node.members)
        else:
            done[id(node)] = [done[id(item)] for item in node.items]
    return done[id(root)]


def locate(root: JsonValue, problem: Problem) -> JsonValue | None:
    """The node `problem` is about: a member's key (`on_key`) or a value; None if the path
    does not lead anywhere (it always does for problems of the same payload)."""
    return locate_path(root, problem.path, problem.occurrence, problem.on_key)


def locate_path(root: JsonValue, path: Path, occurrence: int = -1, on_key: bool = False) -> JsonValue | None:
    """The node at `path`: the value (or with `on_key` the key) of the last step's member
    spelt so (its `occurrence`-th, -1: the last), through the last member of earlier steps."""
    node: JsonValue = root
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(step, int):
            if not isinstance(node, JsonArray) or step >= len(node.items):
                return None
            node = node.items[step]
            continue
        if not isinstance(node, JsonObject):
            return None
        members = [m for m in node.members if m.key.value == step]
        index = occurrence if last else -1
        if not members or index >= len(members):
            return None
        member = members[index]
        node = member.key if last and on_key else member.value
    return node
