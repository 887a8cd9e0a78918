"""What the generic policy rules share: turning the validator's problems of one check into findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Span
from kqllint.model import Command, JsonArray, JsonConstant, JsonNumber, JsonObject, JsonString
from kqllint.policies.problem import Problem
from kqllint.rules._policy import content_span, encode, head_span
from kqllint.rules._rule import Finding
from kqllint.rules._view import Node, View

Accept = Callable[[Problem], bool]
_JSON = (JsonString, JsonNumber, JsonConstant, JsonObject, JsonArray)


def findings(
    view: View, check: str, applicability: Applicability | None = None, accept: Accept | None = None
) -> Iterator[Finding]:
    """A finding for each problem of `check` (that `accept` takes), where the problem is; with
    the validator's fix, at `applicability`, when one is given and the literal can hold it."""
    for p, node in view.located(check):
        if accept is None or accept(p):
            fix = _fix(view.command, p, node, applicability) if p.fix is not None and applicability else None
            yield Finding(span_of(node, p), p.message, p.help, fix)


def span_of(node: Node, problem: Problem) -> Span:
    """Where to point: a key's characters, a value with its quotes, a container's opening
    bracket (an object's `{}` when empty), a keyword argument's name or value."""
    if isinstance(node, JsonString) and problem.on_key:
        return content_span(node)
    if isinstance(node, JsonObject):
        return head_span(node)
    if isinstance(node, JsonArray):
        return Span(node.span.start, node.span.start + 1)
    if isinstance(node, _JSON):
        return node.span
    word = node.name if problem.on_key and node.name is not None else node.value  # a keyword `Argument`
    return word.span


def _fix(command: Command, problem: Problem, node: Node, applicability: Applicability) -> Fix | None:
    text = problem.fix
    assert text is not None
    if isinstance(node, JsonString) and node.value and _plain_string(text):
        # Only the characters change: the quotes stay as written (`'objectId'` -> `'ObjectId'`).
        text, span = text[1:-1], content_span(node)
    elif isinstance(node, _JSON):
        span = node.span
    else:  # a keyword argument: source text
        return Fix(_fix_message(problem, text), (Edit(span_of(node, problem), text),), applicability)
    literal = command.argument
    content = encode(text, literal) if literal is not None else None
    if content is None:
        return None  # the literal cannot hold it (a fence inside a fenced literal)
    return Fix(_fix_message(problem, problem.fix), (Edit(span, content),), applicability)  # type: ignore[arg-type]


def _plain_string(text: str) -> bool:
    """Whether `text` is a JSON string whose characters need no escape in any quotes."""
    inner = text[1:-1]
    return len(text) >= 2 and text[0] == text[-1] == '"' and inner.isprintable() and not any(c in inner for c in "\\\"'")


def _fix_message(problem: Problem, text: str) -> str:
    help = problem.help or ""
    return help if help.startswith("write `") else f"write `{text}`"
