"""What both head parsers share: a statement's place, names, and the registry's verdict on a form."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kqllint import keyword_forms
from kqllint.diagnostic import Span
from kqllint.literals import decode_literal
from kqllint.model import Command, Comment, Container, Name, NameQuoting, Verb
from kqllint.policies import KINDS_BY_NAME, POLICY_KINDS_BY_NAME
from kqllint.policies.commands import ENTITY_TEXT, Entity, PayloadShape
from kqllint.policies.commands import Verb as PolicyVerb
from kqllint.policies.schema import PolicyKind
from kqllint.policies.validate import Verdict, form_allowed

IDENTIFIER = re.compile(r"[A-Za-z0-9_]+\Z")
# Unbracketed words Kusto.Language takes as the next keyword instead of an optional name.
KEYWORD_NAMES = {
    Verb.ALTER: {"prettyname"},
    Verb.ALTER_MERGE: set(),
    Verb.SHOW: {"data", "cache", "extents", "schema"},
    Verb.DELETE: set(),
}
# The entity of each production, by how many names its path has (`*` is looked at apart).
PATH_ENTITIES = {
    "table": {1: Entity.TABLE, 2: Entity.TABLE_QUALIFIED},
    "materialized_view": {1: Entity.MATERIALIZED_VIEW, 2: Entity.MATERIALIZED_VIEW_QUALIFIED},
    "external_table": {1: Entity.EXTERNAL_TABLE},
    "column": {2: Entity.COLUMN, 3: Entity.COLUMN},
    "graph_model": {1: Entity.GRAPH_MODEL},
}
STAR_ENTITIES = {
    "database": Entity.DATABASE_STAR, "table": Entity.TABLE_STAR, "materialized_view": Entity.MATERIALIZED_VIEW_STAR,
    "external_table": Entity.EXTERNAL_TABLE_STAR, "column": Entity.COLUMN_STAR, "graph_model": Entity.GRAPH_MODEL_STAR,
}  # fmt: skip
_PATH_PART = re.compile(r"\[[^\]]*\]|[^.\[]+|\.")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a statement sits in its script, handed to `parse_command` so that the command is
    built once with it instead of copied (`dataclasses.replace` on a command cost 6% of
    parsing the 1 MB benchmark corpus)."""

    container: Container = Container.TOP
    block: int = 0
    joined: bool = False
    comments: Sequence[Comment] = ()  # the script's comments, to tell whether one is in the head


def head_has_comment(text: str, base: int, head_end: int, place: Place) -> bool:
    """Whether a `//` comment starts in the command's head (before its policy)."""
    return "//" in text[: head_end - base] and any(base <= c.span.start < head_end for c in place.comments)


def verb_kind_of(text: str) -> Verb:
    return Verb(text.lower()) if text.lower() in {v.value for v in Verb} else Verb.ALTER


def resolve_kind(word: str) -> PolicyKind | None:
    """The registry's kind spelled `word` in any case (keywords match in any case; the
    keyword-case rule reports the case)."""
    kind = POLICY_KINDS_BY_NAME.get(word)
    return kind if kind is not None else _KINDS_BY_LOWER.get(word.lower())


_KINDS_BY_LOWER = {name.lower(): kind for name, kind in POLICY_KINDS_BY_NAME.items()}


def split_path(text: str, start: int) -> tuple[Name, ...] | None:
    """The names of the dotted path `text` (at file offset `start`), split at the dots outside
    brackets; None when a part is empty (`a..b`, `.a`, `a.`)."""
    names: list[Name] = []
    expect_name = True
    for m in _PATH_PART.finditer(text):
        part = m.group()
        if part == ".":
            if expect_name:
                return None
            expect_name = True
            continue
        if not expect_name:
            return None
        names.append(name_text(part, Span(start + m.start(), start + m.end())))
        expect_name = False
    return None if expect_name else tuple(names)


def name_text(text: str, span: Span, type_: str = "") -> Name:
    """The `Name` written `text`; `type_` is the grammar's terminal when a parser read it."""
    if type_ == "PARAMETER" or (not type_ and text.startswith("{")):
        return Name(text, text[1:-1].strip(), span, NameQuoting.PARAMETER)
    if type_ == "STRING":
        literal, _ = decode_literal(text, span.start)
        return Name(text, literal.value, span, NameQuoting.STRING)
    if not text.startswith("["):
        return Name(text, text, span, NameQuoting.PLAIN)
    inner = text[1:-1].strip()
    if inner[:1] in ("'", '"'):
        literal, _ = decode_literal(inner, span.start)
        quoting = NameQuoting.BRACKET_SINGLE if inner[0] == "'" else NameQuoting.BRACKET_DOUBLE
        return Name(text, literal.value, span, quoting)
    return Name(text, inner, span, NameQuoting.BRACKET_BARE)


def form_verdict(command: Command) -> Verdict | None:
    """What Kusto makes of the command's verb x entity x argument form (None when the head did
    not read: an unknown kind, a broken entity)."""
    kind = resolve_kind(command.kind.text) if command.kind is not None else None
    if kind is None or command.entity is None:
        return None
    verb = PolicyVerb(command.verb_kind.value)
    if not command.verb_kind.takes_payload:
        shapes = (PayloadShape.NONE,)
    elif command.argument is not None:
        shapes = (PayloadShape.STRING,)
    else:
        shapes = (PayloadShape.KEYWORD, PayloadShape.BARE)
    verdicts = [_verdict(kind.name, verb, command.entity, shape) for shape in shapes]
    if Verdict.ACCEPTED in verdicts and command.arguments and not command.argument:
        if keyword_forms.docs_only(kind, verb, command.entity, command.arguments):
            return Verdict.DOCS_ONLY  # the form is accepted, an argument is one only the docs show
    for verdict in (Verdict.ACCEPTED, Verdict.DOCS_ONLY):
        if verdict in verdicts:
            return verdict
    return Verdict.REJECTED


@functools.lru_cache(maxsize=4096)
def _verdict(kind: str, verb: PolicyVerb, entity: Entity, shape: PayloadShape) -> Verdict:
    """`form_allowed`, kept per form (keyed by the kind's name: hashing a kind walks its schema)."""
    return form_allowed(KINDS_BY_NAME[kind], verb, entity, shape)


def rejected_form(kind: PolicyKind, verb: Verb, entity: Entity, shape: PayloadShape) -> tuple[str, str, str] | None:
    """Why Kusto rejects `.verb entity policy kind` with an argument of `shape`: (message, help,
    where: "verb", "entity" or "argument"), or None when it accepts it or the docs show it
    (the docs-only rule, C006, reports those)."""
    pverb = PolicyVerb(verb.value)
    if _verdict(kind.name, pverb, entity, shape) is not Verdict.REJECTED:
        return None
    if shape is PayloadShape.BARE and _verdict(kind.name, pverb, entity, PayloadShape.KEYWORD) is not Verdict.REJECTED:
        return None  # a bare word is a keyword form too (`enable`, `true`)
    head = f"`.{verb.value} {ENTITY_TEXT[entity]} policy {kind.name}`"
    if not kind.policy_word:  # `.create-or-alter workload_group G`
        head = f"`.{verb.value} {ENTITY_TEXT[entity]}`"
    all_forms = kind.forms + kind.docs_forms
    verbs = [f for f in all_forms if f.verb is pverb]
    if not verbs:
        others = sorted({f"`.{f.verb.value}`" for f in kind.forms})
        what = f"`.{verb.value}` command for the `{kind.name}` policy" if kind.policy_word else \
            f"`.{verb.value} {kind.name}` command"
        return f"Kusto has no {what}", f"its commands are {', '.join(others)}", "verb"
    on_entity = [f for f in verbs if entity in f.entities]
    if not on_entity:
        entities = sorted({_entity_words(e) for f in verbs for e in f.entities})
        return (f"{head} is not a form Kusto accepts",
                f"`.{verb.value} … policy {kind.name}` applies to {or_(entities)}", "entity")
    shapes = sorted({_shape_words(f.shape) for f in on_entity})
    found = _shape_words(shape)
    others = sorted({f"`.{f.verb.value}`" for f in all_forms if entity in f.entities and _shape_words(f.shape) == found})
    help = f"it takes {or_(shapes)}" + (f"; {or_(others)} takes {found}" if others else "")
    return f"{head} does not take {found}", help, "argument"


def _entity_words(entity: Entity) -> str:
    return f"`{ENTITY_TEXT[entity]}`"


def _shape_words(shape: PayloadShape) -> str:
    if shape.is_string:
        return "a string literal"
    return {PayloadShape.KEYWORD: "keyword arguments", PayloadShape.BARE: "keyword arguments",
            PayloadShape.NONE: "no argument"}[shape]  # fmt: skip


def or_(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def short(text: str) -> str:
    """The first line of `text`, cut to 40 characters, for a message."""
    first = text.splitlines()[0] if text else text
    return first if len(first) <= 40 else first[:37] + "..."
