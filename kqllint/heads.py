"""The fast path of `parse_command`: a well-formed head read with one regular expression.

`.verb entity policy kind` and a simple argument (one string literal, a keyword form of plain
words such as `hot = 30d` or `enable`, or nothing) is read here; everything else (comments in
the head, odd names, tails, `with (...)`, `<|`, any syntax problem, any rejected form) returns
None and goes to the lark grammar, which says what is wrong. Both paths build the same
`Command`: tests/test_heads.py compares them on generated heads and on the conformance corpus.
With it `parse_script` reads the 1 MB deployment corpus 1.55x as fast as with lark reading every
head (2.1x on the ManagedIdentity corpus), and a script of well-formed heads never imports lark.
"""

from __future__ import annotations

import functools
import re

from kqllint import _terminals, keyword_forms
from kqllint.command_parts import (
    IDENTIFIER,
    KEYWORD_NAMES,
    PATH_ENTITIES,
    STAR_ENTITIES,
    Place,
    head_has_comment,
    name_text,
    rejected_form,
    resolve_kind,
    split_path,
)
from kqllint.diagnostic import Span
from kqllint.keyword_forms import Item
from kqllint.literals import decode_literal
from kqllint.model import Argument, Command, Name, NameQuoting, Scope, Verb, Word
from kqllint.payload import parse_payload
from kqllint.policies import KINDS_BY_NAME, POLICY_KINDS_BY_NAME
from kqllint.policies.commands import Entity, PayloadShape
from kqllint.policies.commands import Verb as PolicyVerb
from kqllint.policies.schema import PolicyKind

_WS = r"[ \t\r\n\f\v]"  # the grammar's WS: `\s` would also skip characters lark does not
# White space and comments to the end. One character or one whole comment at a time: `(?:\s+)*`
# backtracks exponentially on a run of spaces before something else.
_END = re.compile(r"(?:[ \t\r\n\f\v]|//[^\r\n]*(?![^\r\n]))*\Z")
# Every keyword of the grammar: a name spelled like one may be lexed as the keyword.
_KEYWORDS = frozenset({"alter-merge", "alter", "show", "delete", "cluster", "database", "table", "tables",
                       "materialized-view", "external", "column", "graph_model", "policy", "with"})  # fmt: skip
_VERBS = {v.value: v for v in Verb}
_PRODUCTIONS = {"table": "table", "materialized-view": "materialized_view", "column": "column",
                "graph_model": "graph_model"}  # fmt: skip
# One argument of a keyword form: `name = value` (a plain word, a call such as `datetime(...)`, or
# a range of two), a bare word, or a comma. Each must end where lark's token would: at white
# space, a comma or the end.
_ATOM = r"(?:[A-Za-z_][A-Za-z0-9_]*\([^()\r\n]*\)|[A-Za-z0-9_][A-Za-z0-9_.:+-]*)"  # CALL first, as lark's priority
_ITEM = re.compile(
    _WS + r"*(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)" + _WS + r"*=" + _WS + r"*(?P<value>" + _ATOM
    + "(?:" + _WS + r"*\.\." + _WS + "*" + _ATOM + ")?)"
    r"|(?P<bare>[A-Za-z0-9_]+)|(?P<comma>,))(?=[ \t\r\n\f\v,]|\Z)"
)
_STRING = re.compile(_WS + "*(?P<literal>" + _terminals.STRING + ")")


def _keyword(word: str) -> str:
    return word + r"(?![\w-])"


@functools.lru_cache(maxsize=1)
def _head() -> re.Pattern[str]:
    """`.verb entity policy kind`, the kind one of the registry's (built on first use)."""
    kinds = "|".join(re.escape(k) for k in sorted(POLICY_KINDS_BY_NAME, key=lambda k: (-len(k), k)))
    name = r"(?:[A-Za-z0-9_]+|" + _terminals.BRACKET_NAME + ")"
    gap = _WS + "+"
    entity = (
        r"(?:(?P<cluster>" + _keyword("cluster") + ")"
        r"|(?P<database>" + _keyword("database") + ")(?:" + gap + r"(?P<dbname>[A-Za-z0-9_]+|\*|"
        + _terminals.BRACKET_NAME + "))?"
        r"|(?P<tables>" + _keyword("tables") + ")" + _WS + r"*\(" + _WS + "*(?P<tlist>" + name
        + "(?:" + _WS + "*," + _WS + "*" + name + ")*)" + _WS + r"*\)"
        r"|(?:(?P<external>" + _keyword("external") + ")" + gap + ")?"
        r"(?P<pkw>" + _keyword("(?:table|materialized-view|column|graph_model)") + ")" + gap
        # The path, matched atomically (a lookahead, then the same text again): PATH is `(?:X+)+`,
        # which backtracks exponentially when what follows does not match.
        + "(?=(?P<path>" + _terminals.PATH + "))(?P=path))"
    )
    return re.compile(
        r"\." + _WS + r"*(?P<verb>" + _keyword("(?:alter-merge|alter|show|delete)") + ")" + gap + entity + gap
        + "(?P<policy>" + _keyword("policy") + ")" + gap + "(?P<kind>" + kinds + ")"
        r"(?![^\s\[\]{}()'\"`~|;,/\\=<>!@])",  # the kind is a whole WORD
        re.I,
    )



def fast_command(text: str, base: int, payloads: bool, place: Place) -> Command | None:
    """The command of the statement `text` (at file offset `base`), or None when its head is
    not one the fast path is sure of."""
    m = _head().match(text)
    if m is None:
        return _group_command(text, base, payloads, place)
    verb_text = m.group("verb")
    verb = _VERBS[verb_text.lower()]
    read = _entity(m, verb, base)
    if read is None:
        return None
    entity, names, database, keywords = read
    kind = resolve_kind(m.group("kind"))
    assert kind is not None  # the regex holds only the registry's kinds
    pos = m.end()
    literal, arguments, end, head_end = None, (), pos, pos
    if _END.match(text, pos):
        shape = PayloadShape.NONE
    elif not verb.takes_payload:
        return None
    else:
        string = _STRING.match(text, pos)
        if string is not None:
            if not _END.match(text, string.end()):
                return None
            literal, errors = decode_literal(string.group("literal"), base + string.start("literal"))
            if errors:
                return None  # an invalid escape (S012)
            shape, end, head_end = PayloadShape.STRING, string.end(), string.start("literal")
        else:
            form = _keyword_form(text, pos, base, kind, verb, entity)
            if form is None:
                return None
            arguments, shape, end, head_end = form
    if verb.takes_payload and shape is PayloadShape.NONE:
        return None  # missing the policy (S006)
    if not _accepted(kind.name, verb, entity, shape):
        return None
    payload = parse_payload(literal) if literal is not None and payloads else None
    cluster_or_db = Scope.CLUSTER if m.group("cluster") else Scope.DATABASE if m.group("database") else None
    return Command(
        Span(base, base + end), _word(m, "verb", base), verb, keywords[0], cluster_or_db, database,
        _word(m, "policy", base), _word(m, "kind", base), literal, payload, None,
        head_has_comment(text, base, base + head_end, place), (), place.container, place.block, place.joined,
        entity, names, arguments, (), None, keywords,
    )  # fmt: skip


@functools.lru_cache(maxsize=1)
def _group_head() -> re.Pattern[str]:
    """`.create-or-alter|.alter-merge workload_group Name <string literal>`: the commands of the
    kinds with no `policy` word, the name plain or bracketed."""
    kinds = "|".join(re.escape(k.name) for k in KINDS_BY_NAME.values() if not k.policy_word)
    return re.compile(
        r"\." + _WS + r"*(?P<verb>" + _keyword("(?:create-or-alter|alter-merge)") + ")" + _WS + "+"
        "(?P<kind>" + _keyword("(?:" + kinds + ")") + ")" + _WS + "+"
        "(?P<name>[A-Za-z0-9_]+|" + _terminals.BRACKET_NAME + ")" + _STRING.pattern,
        re.I,
    )


def _group_command(text: str, base: int, payloads: bool, place: Place) -> Command | None:
    """A workload group's command with a payload, or None for the grammar to read."""
    m = _group_head().match(text)
    if m is None or not _END.match(text, m.end()):
        return None
    literal, errors = decode_literal(m.group("literal"), base + m.start("literal"))
    if errors:
        return None  # an invalid escape (S012)
    name = name_text(m.group("name"), Span(base + m.start("name"), base + m.end("name")))
    if name.quoting is NameQuoting.PLAIN and _keyword_like(name):
        return None  # lexed as a keyword by lark
    verb = _VERBS[m.group("verb").lower()]
    return Command(
        Span(base, base + m.end()), _word(m, "verb", base), verb, None, None, None, None, _word(m, "kind", base),
        literal, parse_payload(literal) if payloads else None, None,
        head_has_comment(text, base, base + m.start("literal"), place), (), place.container, place.block,
        place.joined, Entity.WORKLOAD_GROUP, (name,),
    )  # fmt: skip


@functools.lru_cache(maxsize=1024)
def _accepted(kind: str, verb: Verb, entity: Entity, shape: PayloadShape) -> bool:
    """Whether lark's builder lets the form pass (no S015), kept per form."""
    return rejected_form(KINDS_BY_NAME[kind], verb, entity, shape) is None


def _word(m: re.Match[str], group: str, base: int) -> Word:
    return Word(m.group(group), Span(base + m.start(group), base + m.end(group)))


_Entity = tuple[Entity, tuple[Name, ...], Name | None, tuple[Word, ...]]


def _entity(m: re.Match[str], verb: Verb, base: int) -> _Entity | None:
    """The entity, its names, the database name and the entity's keywords; None when a name
    is one the grammar would report or lex as a keyword."""
    if m.group("cluster"):
        return Entity.CLUSTER, (), None, (_word(m, "cluster", base),)
    if m.group("database"):
        words = (_word(m, "database", base),)
        if m.group("dbname") is None:
            return None if verb is Verb.DELETE else (Entity.DATABASE_DEFAULT, (), None, words)
        name = name_text(m.group("dbname"), Span(base + m.start("dbname"), base + m.end("dbname")))
        if name.text == "*":
            return Entity.DATABASE_STAR, (name,), None, words
        if name.quoting is NameQuoting.PLAIN and (name.text.lower() in KEYWORD_NAMES[verb] or _keyword_like(name)):
            return None
        return Entity.DATABASE, (name,), name, words
    if m.group("tables"):
        return _tables(m, base)
    return _path(m, base)


def _tables(m: re.Match[str], base: int) -> _Entity | None:
    names = []
    start = m.start("tlist")
    for part in _LIST_NAME.finditer(m.group("tlist")):
        names.append(name_text(part.group(), Span(base + start + part.start(), base + start + part.end())))
    return Entity.TABLES, tuple(names), None, (_word(m, "tables", base),)


_LIST_NAME = re.compile(r"[A-Za-z0-9_]+|" + _terminals.BRACKET_NAME)


def _path(m: re.Match[str], base: int) -> _Entity | None:
    keyword = m.group("pkw").lower()
    if m.group("external"):
        if keyword != "table":
            return None
        tag, words = "external_table", (_word(m, "external", base), _word(m, "pkw", base))
    else:
        tag, words = _PRODUCTIONS[keyword], (_word(m, "pkw", base),)
    names = split_path(m.group("path"), base + m.start("path"))
    if names is None:
        return None
    if len(names) == 1 and names[0].text == "*":
        return STAR_ENTITIES[tag], names, None, words
    entity = PATH_ENTITIES[tag].get(len(names))
    if entity is None or any(n.quoting is NameQuoting.PLAIN and not _plain_name(n) for n in names):
        return None
    database = names[0] if len(names) == (3 if tag == "column" else 2) else None
    return entity, names, database, words


def _plain_name(name: Name) -> bool:
    return IDENTIFIER.match(name.text) is not None and not _keyword_like(name)


def _keyword_like(name: Name) -> bool:
    return name.text.lower() in _KEYWORDS


def _keyword_form(text: str, pos: int, base: int, kind: PolicyKind, verb: Verb,
                  entity: Entity) -> tuple[tuple[Argument, ...], PayloadShape, int, int] | None:  # fmt: skip
    """The arguments of a keyword form of plain words, its shape, its end and its start; None
    when it holds anything else or `keyword_forms.check` finds a problem."""
    arguments: list[Argument] = []
    items: list[Item] = []
    while not _END.match(text, pos):
        m = _ITEM.match(text, pos)
        if m is None:
            return None
        if m.group("comma"):
            items.append(Item("comma", Span(base + m.start("comma"), base + m.end("comma"))))
        elif m.group("bare"):
            if m.group("bare").lower() == "with":
                return None
            word = _word(m, "bare", base)
            arguments.append(Argument(None, word, word.span))
            items.append(Item("bare", word.span, arguments[-1]))
        else:
            if m.group("name").lower() == "with":
                return None
            name, value = _word(m, "name", base), _word(m, "value", base)
            arguments.append(Argument(name, value, Span(name.span.start, value.span.end)))
            items.append(Item("named", arguments[-1].span, arguments[-1]))
        pos = m.end()
    if not items:
        return None
    bare = len(arguments) == 1 and arguments[0].name is None and items[0].tag == "bare"
    shape = PayloadShape.BARE if bare else PayloadShape.KEYWORD
    if keyword_forms.check(kind, PolicyVerb(verb.value), entity, items) is not None:
        return None  # an S016 problem: lark's builder reports it
    return tuple(arguments), shape, items[-1].span.end - base, items[0].span.start - base
