"""From the positioned payload model to the validator's plain values, and from a path back to a node."""

from __future__ import annotations

from typing import Any

from kqllint.model import JsonArray, JsonConstant, JsonNumber, JsonObject, JsonString, JsonValue
from kqllint.policies.problem import Problem


def to_plain(root: JsonValue) -> Any:
    """The value `json.loads(text, object_pairs_hook=tuple)` gives for the same JSON: what the
    lenient path (single quotes, trailing commas) hands the validator. No recursion: payloads
    may nest deeper than Python's stack."""
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
    node: JsonValue = root
    path = problem.path
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
        index = problem.occurrence if last else -1
        if not members or index >= len(members):
            return None
        member = members[index]
        node = member.key if last and problem.on_key else member.value
    return node
