"""Parse one policy command (any kind in the registry) with the lark grammar into a `Command`."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lark import Token, Transformer
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from kqllint.diagnostic import Applicability, Edit, Fix, Span
from kqllint import keyword_forms
from kqllint.grammar import parser
from kqllint.keyword_forms import Item
from kqllint.literals import decode_literal
from kqllint.model import (
    Argument,
    Command,
    Comment,
    Container,
    Name,
    NameQuoting,
    Payload,
    Problem,
    Scope,
    StringLiteral,
    Verb,
    Word,
)
from kqllint.payload import parse_payload
from kqllint.policies import KINDS_BY_NAME
from kqllint.policies.commands import ENTITY_TEXT, Entity, PayloadShape
from kqllint.policies.commands import Verb as PolicyVerb
from kqllint.policies.schema import PolicyKind
from kqllint.policies.validate import Verdict, form_allowed
from kqllint.salvage import literal_after
from kqllint.suggest import did_you_mean, is_near

_VERBS = {"ALTER": Verb.ALTER, "ALTER_MERGE": Verb.ALTER_MERGE, "SHOW": Verb.SHOW, "DELETE": Verb.DELETE}
_IDENTIFIER = re.compile(r"[A-Za-z0-9_]+\Z")
_WORD_BEFORE = re.compile(r"([^\s\[\]{}()'\"`~|;,/\\=<>!@]+)\s*(?://[^\r\n]*\s*)*\Z")
_UNTERMINATED_OBFUSCATED = re.compile(r"[hH]@?(?:['\"]|```|~~~)")
_WORD_CHAR = re.compile(r"[^\s\[\]{}()'\"`~|;,/\\=<>!@]")
_DELETE_DATABASE = re.compile(r"\.(?:\s|//[^\r\n]*)*delete\s+(?:(?://[^\r\n]*)?\s)*database\b", re.I)
# Unbracketed words Kusto.Language takes as the next keyword instead of an optional name.
_KEYWORD_NAMES = {
    Verb.ALTER: {"prettyname"},
    Verb.ALTER_MERGE: set(),
    Verb.SHOW: {"data", "cache", "extents", "schema"},
    Verb.DELETE: set(),
}
_DISPLAY = {
    "DOT": "`.`", "ALTER_MERGE": "`alter-merge`", "ALTER": "`alter`", "SHOW": "`show`",
    "DELETE": "`delete`", "CLUSTER": "`cluster`", "DATABASE": "`database`", "POLICY": "`policy`",
    "TABLE": "`table`", "TABLES": "`tables`", "MATERIALIZED_VIEW": "`materialized-view`",
    "EXTERNAL": "`external`", "COLUMN": "`column`", "GRAPH_MODEL": "`graph_model`", "WITH": "`with`",
    "LPAR": "`(`", "RPAR": "`)`", "COMMA": "`,`", "EQUAL": "`=`", "RANGE": "`..`", "CALL": "a value",
    "BODY": "`<|`", "PATH": "a name", "WORD": "a name", "BRACKET_NAME": "a name",
    "PARAMETER": "a name", "STRING": "a string literal", "TAIL": "`|` or `;`",
    "$END": "the end of the command",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """Where a statement sits in its script, handed to `parse_command` so that the command is
    built once with it instead of copied (`dataclasses.replace` on a command cost 6% of
    parsing the 1 MB benchmark corpus)."""

    container: Container = Container.TOP
    block: int = 0
    joined: bool = False
    comments: Sequence[Comment] = ()  # the script's comments, to tell whether one is in the head


def parse_command(text: str, base: int, verb_hint: Word, payloads: bool = True, place: Place = Place()) -> Command:
    """Parse the statement `text` (found at file offset `base`) as a ManagedIdentity command.

    With `payloads=False` the policy literal is decoded but its JSON is not read: the linter
    reads each command's payload only while its rules run (`with_payload`), so a 10 MB script
    never holds every payload tree at once.
    """
    try:
        parts = parser("command", _SHAPE).parse(text)
    except UnexpectedInput as exc:
        span = Span(base, base + len(text.rstrip()))
        has_comment = _head_has_comment(text, base, span.end, place)
        problem = _bare_payload(exc, text, base, verb_hint) or _syntax_problem(exc, text, base)
        # After a head error the payload is still read when its extent is certain (salvage.py).
        literal = literal_after(problem, text, base, _verb_kind(verb_hint.text))
        payload = parse_payload(literal) if literal is not None and payloads else None
        return _broken(verb_hint, span, problem, place, has_comment, literal, payload)
    return _Builder(text, base, payloads, place).command(parts)


def _head_has_comment(text: str, base: int, head_end: int, place: Place) -> bool:
    """Whether a `//` comment starts in the command's head (before its policy)."""
    return "//" in text[: head_end - base] and any(base <= c.span.start < head_end for c in place.comments)


def with_payload(command: Command) -> Command:
    """`command` with its payload JSON read, when it was parsed with `payloads=False`."""
    if command.argument is None or command.payload is not None:
        return command
    c = command  # the constructor, not `dataclasses.replace`: 3.9 ms instead of 8.6 ms per MB
    return Command(
        c.span, c.verb, c.verb_kind, c.scope, c.scope_kind, c.database, c.policy, c.kind, c.argument,
        parse_payload(c.argument), c.tail, c.head_has_comment, c.problems, c.container, c.block, c.joined,
        c.entity, c.names, c.arguments, c.with_options, c.body, c.entity_words,
    )  # fmt: skip


def _broken(verb: Word, span: Span, problem: Problem, place: Place, head_has_comment: bool,
            literal: StringLiteral | None = None, payload: Payload | None = None) -> Command:  # fmt: skip
    verb_kind = _verb_kind(verb.text)
    return Command(span, verb, verb_kind, None, None, None, None, None, literal, payload, None, head_has_comment,
                   (problem,), place.container, place.block, place.joined)  # fmt: skip


def _verb_kind(text: str) -> Verb:
    return Verb(text.lower()) if text.lower() in {v.value for v in Verb} else Verb.ALTER


def _word(tok: Token, base: int) -> Word:
    return Word(str(tok), Span(base + tok.start_pos, base + tok.end_pos))


# What the transformer hands the builder for an entity: its tag (the production's alias), its
# keyword tokens (`external`, `table`; `tables` and its parentheses) and its name tokens.
_EntityParts = tuple[str, list[Token], list[Token]]


class _Shape(Transformer):
    """Flattens the productions of `command.lark` as lark reduces them (no parse tree is built:
    building the tree and walking it again took parsing the commands of the 1 MB benchmark
    corpus from 0.16 s to 0.20 s).

    Stateless, so one instance serves every parse; `_Builder` turns the result into a `Command`.
    Methods take the children list: a `v_args(inline=True)` wrapper costs a call per node.
    """

    def verb(self, children: list[Token]) -> Token:
        return children[0]

    def kind(self, children: list[Token]) -> Token:
        return children[0]

    def name(self, children: list[Token]) -> Token:
        return children[0]

    def path(self, children: list[Token]) -> Token:
        return children[0]

    def atom(self, children: list[Token]) -> Token:
        return children[0]

    def entity(self, children: list) -> _EntityParts:
        return children[0]  # a named entity: the production below made it

    def delete_entity(self, children: list) -> _EntityParts:
        return children[0]

    def cluster(self, children: list[Token]) -> _EntityParts:
        return "cluster", children[:1], children[1:]

    def database(self, children: list[Token]) -> _EntityParts:
        return "database", children[:1], children[1:]

    def table(self, children: list[Token]) -> _EntityParts:
        return "table", children[:1], children[1:]

    def tables(self, children: list[Token]) -> _EntityParts:
        keywords = [t for t in children if t.type in ("TABLES", "LPAR", "RPAR")]
        return "tables", keywords, [t for t in children if t.type not in ("TABLES", "LPAR", "RPAR", "COMMA")]

    def materialized_view(self, children: list[Token]) -> _EntityParts:
        return "materialized_view", children[:1], children[1:]

    def external_table(self, children: list[Token]) -> _EntityParts:
        return "external_table", children[:2], children[2:]

    def column(self, children: list[Token]) -> _EntityParts:
        return "column", children[:1], children[1:]

    def graph_model(self, children: list[Token]) -> _EntityParts:
        return "graph_model", children[:1], children[1:]

    def value(self, children: list[Token]) -> tuple[int, int]:
        return children[0].start_pos, children[-1].end_pos

    def group(self, children: list) -> tuple[int, int]:
        return children[0].start_pos, children[-1].end_pos

    def part(self, children: list[Token]) -> Token:
        return children[0]

    def literal(self, children: list[Token]) -> tuple:
        return "literal", children[0]

    def bare(self, children: list[Token]) -> tuple:
        return "bare", children[0]

    def keyword(self, children: list) -> tuple:
        return "keyword", children[0], children[2]

    def order(self, children: list[Token]) -> tuple:
        """The item's first token (the column) and the span of the rest (None: nothing)."""
        rest = (children[1].start_pos, children[-1].end_pos) if len(children) > 1 else None
        return children[0], rest

    def order_list(self, children: list) -> tuple:
        return "order", children[0], [c for c in children if isinstance(c, tuple)], children[-1]

    def option(self, children: list) -> tuple:
        return children[0], children[2]

    def with_list(self, children: list) -> tuple:
        return "with", children[0], [c for c in children if isinstance(c, tuple)], children[-1]

    def body(self, children: list[Token]) -> tuple:
        return "body", children[0]

    def comma(self, children: list[Token]) -> tuple:
        return "comma", children[0]

    def start(self, children: list) -> list:
        return children


_SHAPE = _Shape()

# The entity of each production, by how many names its path has (`*` is looked at apart).
_PATH_ENTITIES = {
    "table": {1: Entity.TABLE, 2: Entity.TABLE_QUALIFIED},
    "materialized_view": {1: Entity.MATERIALIZED_VIEW, 2: Entity.MATERIALIZED_VIEW_QUALIFIED},
    "external_table": {1: Entity.EXTERNAL_TABLE},
    "column": {2: Entity.COLUMN, 3: Entity.COLUMN},
    "graph_model": {1: Entity.GRAPH_MODEL},
}
_STAR_ENTITIES = {
    "database": Entity.DATABASE_STAR, "table": Entity.TABLE_STAR, "materialized_view": Entity.MATERIALIZED_VIEW_STAR,
    "external_table": Entity.EXTERNAL_TABLE_STAR, "column": Entity.COLUMN_STAR, "graph_model": Entity.GRAPH_MODEL_STAR,
}  # fmt: skip
_NOUNS = {
    "database": "database", "table": "table", "tables": "table", "materialized_view": "materialized view",
    "external_table": "external table", "column": "column", "graph_model": "graph model",
}  # fmt: skip
_SHAPES = {"table": "`Table` or `Database.Table`", "materialized_view": "`View` or `Database.View`",
           "external_table": "`ExternalTable`", "column": "`Table.Column` or `Database.Table.Column`",
           "graph_model": "`Model`"}  # fmt: skip
_PATH_PART = re.compile(r"\[[^\]]*\]|[^.\[]+|\.")
_PAYLOAD_WORDS = {
    PayloadShape.JSON_ARRAY: ("a JSON array in a string literal", "```[...]```"),
    PayloadShape.JSON_OBJECT: ("a JSON object in a string literal", "```{...}```"),
    PayloadShape.STRING: ("a string literal", "```...```"),
}


def resolve_kind(word: str) -> PolicyKind | None:
    """The registry's kind spelled `word` in any case (keywords match in any case; the
    keyword-case rule reports the case)."""
    kind = KINDS_BY_NAME.get(word)
    return kind if kind is not None else _KINDS_BY_LOWER.get(word.lower())


_KINDS_BY_LOWER = {name.lower(): kind for name, kind in KINDS_BY_NAME.items()}


class _Builder:
    """Builds the `Command` of one parse at file offset `base`, noting what is wrong."""

    def __init__(self, text: str, base: int, payloads: bool, place: Place) -> None:
        self.text = text
        self.base = base
        self.payloads = payloads
        self.place = place
        self.problems: list[Problem] = []
        self.items: list[Item] = []  # the keyword form as written, for `keyword_forms.check`

    def command(self, children: list) -> Command:
        dot, verb, entity_parts, policy, kind, *rest = children
        b = self.base
        verb_kind = _VERBS[verb.type]  # `verb` is the DELETE token itself in the delete production
        tail = rest[-1] if rest and isinstance(rest[-1], Token) else None
        args = rest[:-1] if tail is not None else rest
        kind_word = _word(kind, b)
        registered = self.kind_of(kind_word)
        tag, keyword_toks, name_toks = entity_parts
        entity, names, database = self.entity(tag, keyword_toks, name_toks, verb_kind)
        scope_kind = Scope.CLUSTER if tag == "cluster" else Scope.DATABASE if tag == "database" else None
        literal, arguments, options, body = self.arguments(args, verb_kind, kind_word, registered)
        if not self.problems and registered is not None and entity is not None:
            self.form(registered, verb_kind, entity, literal, arguments, verb, keyword_toks, name_toks, kind_word, args)
        if not self.problems and registered is not None and entity is not None and self.items:
            problem = keyword_forms.check(registered, PolicyVerb(verb_kind.value), entity, self.items)
            if problem is not None:
                self.problems.append(problem)
        payload = parse_payload(literal) if literal is not None and self.payloads else None
        ends = [kind.end_pos] + [_arg_end(a) for a in args]
        end = b + max(ends)
        if tail is not None:
            end = b + tail.start_pos + len(str(tail).rstrip())
        tail_span = Span(b + tail.start_pos, end) if tail is not None else None
        # The head ends where the policy starts, or at the kind: a comment in a `| query` tail
        # is not in the head.
        head_end = b + args[0][1].start_pos if args else kind_word.span.end
        place = self.place
        return Command(
            Span(b + dot.start_pos, end), _word(verb, b), verb_kind, _word(keyword_toks[0], b), scope_kind,
            database, _word(policy, b), kind_word, literal, payload, tail_span,
            _head_has_comment(self.text, b, head_end, place), tuple(self.problems), place.container, place.block,
            place.joined, entity, names, arguments, options, body,
            tuple(_word(t, b) for t in keyword_toks if t.type not in ("LPAR", "RPAR")),
        )  # fmt: skip

    def problem(self, code: str, message: str, span: Span, help: str | None = None, fix: Fix | None = None) -> None:
        self.problems.append(Problem(code, message, span, help, fix))

    # ---- the kind ----

    def kind_of(self, word: Word) -> PolicyKind | None:
        kind = resolve_kind(word.text)
        if kind is None:
            guess = did_you_mean(word.text.replace("-", "_"), KINDS_BY_NAME)
            help = f"did you mean `{guess}`?" if guess else "the policy kinds are listed in docs/policies.md"
            fix = Fix(f"replace with `{guess}`", (Edit(word.span, guess),), Applicability.UNSAFE) if guess else None
            self.problem("S008", f"unknown policy kind `{word.text}`", word.span, help, fix)
        return kind

    # ---- the entity ----

    def entity(self, tag: str, keywords: list[Token], toks: list[Token],
               verb: Verb) -> tuple[Entity | None, tuple[Name, ...], Name | None]:  # fmt: skip
        if tag == "cluster":
            if toks:
                self.cluster_name(toks[0])
            return Entity.CLUSTER, (), None
        if tag == "database":
            if not toks:
                return Entity.DATABASE_DEFAULT, (), None
            name = _name(toks[0], self.base)
            if name.text == "*":
                return Entity.DATABASE_STAR, (name,), None
            self.check_name(name, "database", verb)
            return Entity.DATABASE, (name,), name
        if tag == "tables":
            return self.tables(keywords, toks)
        keyword_end = keywords[-1]
        if not toks:
            after = _first_word(self.text, keyword_end.end_pos)
            self.problem("S001", f"expected the {_NOUNS[tag]} name, found `{after}`",
                         Span(self.base + keyword_end.end_pos, self.base + keyword_end.end_pos),
                         f"write {_SHAPES[tag]} after `{keyword_end}`")  # fmt: skip
            return None, (), None
        names = self.path(toks[0])
        if names is None:
            return None, (), None
        if len(names) == 1 and names[0].text == "*":
            return _STAR_ENTITIES[tag], names, None
        entity = _PATH_ENTITIES[tag].get(len(names))
        span = Span(names[0].span.start, names[-1].span.end)
        text = self.text[span.start - self.base : span.end - self.base]
        if entity is None:
            if tag == "external_table" and len(names) == 2:
                self.problem("S015", f"`external table` takes a plain name, not `{text}`", span,
                             "write the external table's name alone; run the command in its database")
            else:
                self.problem("S001", f"`{text}` is not a {_NOUNS[tag]} name", span, f"write {_SHAPES[tag]}")
            return None, (), None
        for name in names:
            self.check_name(name, _NOUNS[tag], verb)
        database = names[0] if len(names) == (3 if tag == "column" else 2) else None
        return entity, names, database

    def tables(self, keywords: list[Token], toks: list[Token]) -> tuple[Entity | None, tuple[Name, ...], None]:
        if not toks:
            rpar = keywords[-1]
            self.problem("S001", "expected a table name in `tables (...)`",
                         Span(self.base + rpar.start_pos, self.base + rpar.start_pos),
                         "list the tables: `tables (T1, T2)`")  # fmt: skip
            return None, (), None
        names = tuple(_name(t, self.base) for t in toks)
        for name in names:
            if name.quoting is NameQuoting.PLAIN and "." in name.text:
                self.problem("S015", f"`tables (...)` takes plain table names, not `{name.text}`", name.span,
                             "write the table's name alone; run the command in its database")
            else:
                self.check_name(name, "table", Verb.ALTER)
        return Entity.TABLES, names, None

    def path(self, tok: Token) -> tuple[Name, ...] | None:
        """The names of a dotted path token, split at the dots outside brackets."""
        if tok.type != "PATH":
            return (_name(tok, self.base),)
        text, start = str(tok), self.base + tok.start_pos
        names: list[Name] = []
        expect_name = True
        for m in _PATH_PART.finditer(text):
            part = m.group()
            if part == ".":
                if expect_name:
                    break
                expect_name = True
                continue
            if not expect_name:
                break
            names.append(_name_text(part, Span(start + m.start(), start + m.end())))
            expect_name = False
        else:
            if not expect_name:
                return tuple(names)
        span = Span(start, start + len(text))
        self.problem("S001", f"`{text}` is not a name", span, "write a name, or `Database.Name`, without empty parts")
        return None

    def cluster_name(self, tok: Token) -> None:
        name = _name(tok, self.base)
        self.problem("S009", f"the cluster form takes no name, found `{name.text}`", name.span,
                     "the command applies to the cluster it runs on; remove the name",
                     Fix("remove the cluster name", (Edit(_with_space_before(tok, self.base), ""),)))  # fmt: skip

    def check_name(self, name: Name, noun: str, verb: Verb) -> None:
        if name.quoting is not NameQuoting.PLAIN:
            return
        if not _IDENTIFIER.match(name.text):
            self.problem("S010", f"the {noun} name `{name.text}` must be bracketed", name.span,
                         f"write it as `['{name.text}']`",
                         Fix("bracket the name", (Edit(name.span, f"['{name.text}']"),)))  # fmt: skip
        elif noun == "database" and name.text.lower() in _KEYWORD_NAMES[verb]:
            self.problem("S010", f"`{name.text}` is read as a keyword here, not as the database name",
                         name.span, f"write it as `['{name.text}']`",
                         Fix("bracket the name", (Edit(name.span, f"['{name.text}']"),)))  # fmt: skip

    # ---- the arguments ----

    def arguments(self, args: list[tuple], verb: Verb, kind_word: Word, kind: PolicyKind | None,
                  ) -> tuple[StringLiteral | None, tuple[Argument, ...], tuple[Argument, ...], Span | None]:  # fmt: skip
        b = self.base
        if not verb.takes_payload:
            if args:
                self.no_arguments(args, verb)
            return None, (), (), None
        if not args:
            self.missing(verb, kind_word, kind)
            return None, (), (), None
        if args[0][0] == "literal":
            return self.payload_form(args)
        arguments: list[Argument] = []
        options: tuple[Argument, ...] = ()
        items = self.items
        for arg in args:
            tag = arg[0]
            if tag == "keyword":
                _, name, (start, end) = arg
                value = Word(self.text[start:end], Span(b + start, b + end))
                arguments.append(Argument(_word(name, b), value, Span(b + name.start_pos, b + end)))
                items.append(Item("named", arguments[-1].span, arguments[-1]))
            elif tag in ("bare", "literal"):
                arguments.append(Argument(None, _word(arg[1], b), _word(arg[1], b).span))
                items.append(Item("bare" if tag == "bare" else "string", arguments[-1].span, arguments[-1]))
            elif tag == "order":
                if not arg[2]:
                    items.append(Item("empty", Span(b + arg[1].start_pos, b + arg[3].end_pos)))
                for item in arg[2]:
                    arguments.append(self.order(item))
                    items.append(Item("order", arguments[-1].span, arguments[-1]))
            elif tag == "with":
                self.with_case(arg[1])
                options = options + self.options(arg[2])
                items.append(Item("with", Span(b + arg[1].start_pos, b + arg[3].end_pos)))
            elif tag == "comma":
                items.append(Item("comma", Span(b + arg[1].start_pos, b + arg[1].end_pos)))
            elif tag == "body":
                self.unexpected_after(arg[1])
        return None, tuple(arguments), options, None

    def payload_form(self, args: list[tuple]) -> tuple[StringLiteral | None, tuple[Argument, ...],
                                                       tuple[Argument, ...], Span | None]:  # fmt: skip
        """A string literal, then an optional `with (...)` and `<| body`."""
        b = self.base
        first = args[0][1]
        options: tuple[Argument, ...] = ()
        body = None
        for arg in args[1:]:
            tag = arg[0]
            if tag == "literal":
                tok = arg[1]
                self.problem("S004", "unexpected string literal after the policy",
                             Span(b + tok.start_pos, b + tok.end_pos),
                             "Kusto does not join adjacent string literals; put the whole policy in one literal")
            elif tag == "with" and not options and body is None:
                self.with_case(arg[1])
                options = self.options(arg[2])
            elif tag == "body" and body is None:
                tok = arg[1]
                rest = str(tok)[2:]
                lead = len(rest) - len(rest.lstrip())
                body = Span(b + tok.start_pos + 2 + lead, b + tok.start_pos + 2 + len(rest.rstrip()))
            else:
                self.unexpected_after(_arg_token(arg))
                break
        literal, errors = decode_literal(str(first), b + first.start_pos)
        for error in errors:
            self.problem("S012", error.message, error.span, "write a backslash as `\\\\`, or use a ```fenced``` literal")
        return literal, (), options, body

    def with_case(self, tok: Token) -> None:
        """`With (...)`: Kusto.Language skips the list without a word (C002, reported here: the
        model keeps the options, not the keyword)."""
        if str(tok) != "with":
            word = _word(tok, self.base)
            self.problem("C002", f"keyword `{word.text}` is not lowercase; Kusto matches command keywords "
                         "case-sensitively, and skips the whole `with (...)` list", word.span, "write `with`",
                         Fix(f"lowercase `{word.text}`", (Edit(word.span, "with"),)))  # fmt: skip

    def order(self, item: tuple) -> Argument:
        name_tok, rest = item
        name = _word(name_tok, self.base)
        if rest is None:
            value = Word("", Span(name.span.end, name.span.end))
        else:
            start, end = rest
            value = Word(self.text[start:end], Span(self.base + start, self.base + end))
        return Argument(name, value, Span(name.span.start, value.span.end))

    def options(self, items: list[tuple]) -> tuple[Argument, ...]:
        b = self.base
        out = []
        for name, (start, end) in items:
            value = Word(self.text[start:end], Span(b + start, b + end))
            out.append(Argument(_word(name, b), value, Span(b + name.start_pos, b + end)))
        return tuple(out)

    def unexpected_after(self, tok: Token) -> None:
        span = Span(self.base + tok.start_pos, self.base + tok.start_pos + len(_short(str(tok))))
        self.problem("S004", f"unexpected `{_short(str(tok))}` after the command", span,
                     "a command ends after its policy; start a query with `|`, or a new command after a blank line")

    def no_arguments(self, args: list[tuple], verb: Verb) -> None:
        """`.show` and `.delete` take nothing after the kind."""
        b = self.base
        other = next((a for a in args if a[0] != "literal"), None)
        if other is not None and other is args[0]:
            self.unexpected_after(_arg_token(other))
            return
        literals = [a[1] for a in args if a[0] == "literal"]
        last = literals[-1] if other is None else literals[-1]
        span = Span(b + literals[0].start_pos, b + last.end_pos)
        self.problem("S005", f"`.{verb.value}` takes no policy argument", span,
                     "remove the string literal, or use `.alter` to set the policy")

    def missing(self, verb: Verb, kind_word: Word, kind: PolicyKind | None) -> None:
        if kind is None:
            return  # S008 says what is wrong
        shapes = kind.shapes(PolicyVerb(verb.value))
        if not shapes:
            return  # the form itself is rejected (S015)
        shape = shapes[0]
        if shape in _PAYLOAD_WORDS:
            what, example = _PAYLOAD_WORDS[shape]
        else:
            example = next(f.example for f in kind.forms if f.verb.value == verb.value and f.shape is shape)
            what, example = "its arguments", f"`{example}`"
        self.problem("S006", f"missing the policy: `.{verb.value}` needs {what}",
                     Span(kind_word.span.end, kind_word.span.end),
                     f"add the policy after `{kind.name}`, e.g. {example}")  # fmt: skip

    # ---- the form ----

    def form(self, kind: PolicyKind, verb: Verb, entity: Entity, literal: StringLiteral | None,
             arguments: tuple[Argument, ...], verb_tok: Token, keyword_toks: list[Token], name_toks: list[Token],
             kind_word: Word, args: list[tuple]) -> None:  # fmt: skip
        """S015 when Kusto rejects this verb x entity x argument shape of the kind."""
        problem = rejected_form(kind, verb, entity, _shape_of(verb, literal, arguments, args))
        if problem is None:
            return
        message, help, where = problem
        b = self.base
        if where == "verb":
            span = Span(b + verb_tok.start_pos - 1, b + verb_tok.end_pos)
        elif where == "entity":
            last = name_toks[-1] if name_toks else keyword_toks[-1]
            span = Span(b + keyword_toks[0].start_pos, b + last.end_pos)
        else:
            span = Span(b + args[0][1].start_pos, b + _arg_end(args[-1])) if args else kind_word.span
        self.problem("S015", message, span, help)


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


def _shape_of(verb: Verb, literal: StringLiteral | None, arguments: tuple[Argument, ...],
              args: list[tuple]) -> PayloadShape:  # fmt: skip
    if not verb.takes_payload:
        return PayloadShape.NONE
    if literal is not None:
        return PayloadShape.STRING
    if len(arguments) == 1 and arguments[0].name is None and args[0][0] == "bare":
        return PayloadShape.BARE
    return PayloadShape.KEYWORD


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
    all_forms = kind.forms + kind.docs_forms
    verbs = [f for f in all_forms if f.verb is pverb]
    if not verbs:
        others = sorted({f"`.{f.verb.value}`" for f in kind.forms})
        return (f"Kusto has no `.{verb.value}` command for the `{kind.name}` policy",
                f"its commands are {', '.join(others)}", "verb")
    on_entity = [f for f in verbs if entity in f.entities]
    if not on_entity:
        entities = sorted({_entity_words(e) for f in verbs for e in f.entities})
        return (f"{head} is not a form Kusto accepts",
                f"`.{verb.value} … policy {kind.name}` applies to {_or(entities)}", "entity")
    shapes = sorted({_shape_words(f.shape) for f in on_entity})
    found = _shape_words(shape)
    others = sorted({f"`.{f.verb.value}`" for f in all_forms if entity in f.entities and _shape_words(f.shape) == found})
    help = f"it takes {_or(shapes)}" + (f"; {_or(others)} takes {found}" if others else "")
    return f"{head} does not take {found}", help, "argument"


def _entity_words(entity: Entity) -> str:
    return f"`{ENTITY_TEXT[entity]}`"


def _shape_words(shape: PayloadShape) -> str:
    if shape.is_string:
        return "a string literal"
    return {PayloadShape.KEYWORD: "keyword arguments", PayloadShape.BARE: "keyword arguments",
            PayloadShape.NONE: "no argument"}[shape]  # fmt: skip


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _arg_token(arg: tuple) -> Token:
    return arg[1]


def _arg_end(arg: tuple) -> int:
    tag = arg[0]
    if tag == "keyword":
        return arg[2][1]
    if tag in ("order", "with"):
        return arg[3].end_pos
    tok = arg[1]
    return tok.start_pos + len(str(tok).rstrip())


def _first_word(text: str, pos: int) -> str:
    m = re.compile(r"\s*(\S+)").match(text, pos)
    return _short(m.group(1)) if m else ""


def _with_space_before(tok: Token, base: int) -> Span:
    return Span(base + tok.start_pos - 1, base + tok.end_pos)


def _name(tok: Token, base: int) -> Name:
    return _name_text(str(tok), Span(base + tok.start_pos, base + tok.end_pos), tok.type)


def _name_text(text: str, span: Span, type_: str = "") -> Name:
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


# ---- a policy written as bare JSON -------------------------------------------------------------

_AFTER_JSON = re.compile(r"(?:\s|//[^\r\n]*)*(?:[|;]|\Z)")


def _bare_payload(exc: UnexpectedInput, text: str, base: int, verb: Word) -> Problem | None:
    """S014 when the policy of `.alter`/`.alter-merge` is JSON written without a string literal."""
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream
    elif isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        pos = exc.token.start_pos
    else:
        return None
    if text[pos : pos + 1] not in ("[", "{") or not _verb_kind(verb.text).takes_payload:
        return None
    before = _WORD_BEFORE.search(text, 0, pos)
    kind = KINDS_BY_NAME.get(before.group(1).lower()) if before is not None else None
    if kind is None or kind.payload is None:  # only a kind whose payload is JSON
        return None
    end = _json_end(text, pos)
    certain = end is not None and "```" not in text[pos:end] and _AFTER_JSON.match(text, end) is not None
    fix = None
    if certain:
        assert end is not None
        edits = (Edit(Span(base + pos, base + pos), "```"), Edit(Span(base + end, base + end), "```"))
        fix = Fix("put the JSON in a ```fenced``` string literal", edits)
    return Problem("S014", "the policy must be a string literal, not bare JSON", Span(base + pos, base + pos + 1),
                   "write it between triple backticks: ```[...]```", fix)  # fmt: skip


def _json_end(text: str, start: int) -> int | None:
    """Where the JSON value opening at `start` closes, or None when that is not certain: a
    bracket that does not match, a string that does not close on its line, a `//` comment
    (fenced, it would become JSON text), or no end."""
    closers: list[str] = []
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "/" and text.startswith("//", i):
            return None
        if ch in "[{":
            closers.append("]" if ch == "[" else "}")
        elif ch in "]}":
            if not closers or closers.pop() != ch:
                return None
            if not closers:
                return i + 1
        elif ch in "\"'":
            i = _string_end(text, i)
            if i < 0:
                return None
        i += 1
    return None


def _string_end(text: str, start: int) -> int:
    """The index of the quote closing the JSON string opening at `start`, or -1."""
    quote, i = text[start], start + 1
    while i < len(text) and text[i] not in "\r\n":
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i
        i += 1
    return -1


# ---- syntax errors in words ---------------------------------------------------------------------


def _syntax_problem(exc: UnexpectedInput, text: str, base: int) -> Problem:
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream
        if pos > 0 and _UNTERMINATED_OBFUSCATED.match(text, pos - 1) and not _WORD_CHAR.match(text, pos - 2 if pos > 1 else 0):
            pos -= 1  # the `h` of an unterminated `h"…` was read as a bare word
        return _bad_character(text, pos, base)
    if isinstance(exc, UnexpectedEOF):
        return _unexpected(None, set(exc.expected), text, base)
    assert isinstance(exc, UnexpectedToken)
    token = exc.token if exc.token.type != "$END" else None
    if token is not None and str(token) in ("h", "H") and _UNTERMINATED_OBFUSCATED.match(text, token.start_pos):
        return _bad_character(text, token.start_pos, base)  # the lexer read the `h` of `h"…` as a word
    return _unexpected(token, set(exc.expected), text, base)


def _bad_character(text: str, pos: int, base: int) -> Problem:
    ch = text[pos]
    rest = text[pos:].lstrip("hH@")
    line_end = _line_end(text, pos)
    if rest[:3] in ("```", "~~~"):
        return Problem("S002", f"unterminated multi-line string: no closing `{rest[:3]}`",
                       Span(base + pos, base + pos + 4 if len(text) > pos + 4 else base + len(text)),
                       f"close the string with `{rest[:3]}`")
    if rest[:1] in ("'", '"'):
        return Problem("S002", f"unterminated string literal: no closing `{rest[0]}` on this line",
                       Span(base + pos, base + line_end),
                       "a `'...'` or `\"...\"` literal cannot span lines; use ```...``` for a multi-line policy")
    if ch in "[{(":
        return Problem("S003", f"unclosed `{ch}`", Span(base + pos, base + pos + 1),
                       f"close it with `{ {'[': ']', '{': '}', '(': ')'}[ch] }`")
    if ch in "]})":
        return Problem("S003", f"unmatched `{ch}`", Span(base + pos, base + pos + 1), "remove it, or add the opening bracket")
    if text.startswith("/*", pos):
        return Problem("S001", "`/*` does not start a comment in Kusto", Span(base + pos, base + pos + 2),
                       "write comments with `//`")
    return Problem("S001", f"unexpected character `{ch}`", Span(base + pos, base + pos + 1))


def _line_end(text: str, pos: int) -> int:
    m = re.compile(r"[\r\n]").search(text, pos)
    return m.start() if m else len(text.rstrip())


_NAME_EQUALS = re.compile(r"([A-Za-z_]\w*)\s*=\s*\Z")
_NAME_EQUALS_WORD = re.compile(r"([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\s*\Z")


def _missing_value(token: Token | None, text: str, base: int) -> Problem | None:
    """`softdelete =` with no value, or `softdelete = recoverability = disabled` (the next
    argument's name read as the value): S016."""
    pos = token.start_pos if token is not None else len(text.rstrip())
    if token is None or str(token) != "=":
        m = _NAME_EQUALS.search(text, 0, pos)
        if m is None:
            return None
        return Problem(keyword_forms.CODE, f"missing the value of `{m[1]}`", Span(base + pos, base + pos),
                       f"write `{m[1]} = <value>`")  # fmt: skip
    m = _NAME_EQUALS_WORD.search(text, 0, pos)
    if m is None:
        return None
    return Problem(keyword_forms.CODE, f"missing the value of `{m[1]}`: Kusto reads `{m[2]}` as its value",
                   Span(base + m.start(2), base + m.end(2)), f"write `{m[1]} = <value> {m[2]} = …`")  # fmt: skip


def _unexpected(token: Token | None, expected: set[str], text: str, base: int) -> Problem:
    if "EQUAL" not in expected and ("CALL" in expected or str(token) == "="):
        missing = _missing_value(token, text, base)
        if missing is not None:
            return missing
    found = "the end of the command" if token is None else f"`{_short(str(token))}`"
    if token is None:
        end = len(text.rstrip())
        span = Span(base + end, base + end)
    else:
        span = Span(base + token.start_pos, base + token.start_pos + len(_short(str(token))))
    wanted = " or ".join(sorted(_DISPLAY.get(e, e) for e in expected if e not in ("WS", "COMMENT")))
    word = str(token) if token is not None and token.type in ("WORD", "PATH", "CALL") else None
    if expected == {"POLICY"} and (token is None or resolve_kind(str(token)) is not None):
        # The word before was read as a name: `cluster polcy managed_identity`, or the required
        # name of `.delete database policy managed_identity`.
        name = _WORD_BEFORE.search(text, 0, token.start_pos if token is not None else len(text.rstrip()))
        if name and name.group(1).lower() != "policy" and is_near(name.group(1), "policy"):
            where = Span(base + name.start(1), base + name.end(1))
            return _near_miss("S001", "expected `policy`, found", name.group(1), "policy", where)
        if _DELETE_DATABASE.match(text):
            return _missing_delete_name(text, base)
    if {"WORD", "POLICY"} <= expected and token is None:
        return _missing_delete_name(text, base)  # `.delete database` and nothing after it
    if word and expected == {"POLICY"}:
        return _near_miss("S001", "expected `policy`, found", word, "policy", span)
    if word and word.lower() == "merge" and {"CLUSTER", "DATABASE"} <= expected:
        return Problem("S001", f"expected `cluster` or `database`, found {found}", span,
                       "write `alter-merge` without spaces",
                       Fix("join `alter-merge`", (Edit(Span(_verb_end(text, base), span.end), "-merge"),), Applicability.UNSAFE))
    if word and {"CLUSTER", "DATABASE"} <= expected:
        choices = _entity_choices(text)
        guess = did_you_mean(word, choices)
        return Problem("S001", f"expected {_or([f'`{c}`' for c in choices])}, found {found}", span,
                       f"did you mean `{guess}`?" if guess else None,
                       Fix(f"replace with `{guess}`", (Edit(span, guess),), Applicability.UNSAFE) if guess else None)
    if expected == {"WORD"}:
        return Problem("S001", f"expected a policy kind, found {found}", span,
                       "write the kind after `policy`, e.g. `policy retention`")
    # TAIL is only acceptable once the command is complete; the contextual lexer's own
    # rejections list its terminals, not the parser's `$END`.
    if ("$END" in expected or "TAIL" in expected) and token is not None:
        return Problem("S004", f"unexpected {found} after the command", span,
                       "a command ends after its policy; start a query with `|`, or a new command after a blank line")
    return Problem("S001", f"expected {wanted}, found {found}", span)


_KIND_AFTER_POLICY = re.compile(r"\bpolicy\s+([^\s\[\]{}()'\"`~|;,/\\=<>!@]+)", re.I)
# How each entity's keywords are written, in the order messages list them.
_ENTITY_KEYWORDS = {
    Entity.CLUSTER: "cluster", Entity.DATABASE: "database", Entity.DATABASE_DEFAULT: "database",
    Entity.DATABASE_STAR: "database", Entity.TABLE: "table", Entity.TABLE_QUALIFIED: "table",
    Entity.TABLE_STAR: "table", Entity.TABLES: "tables", Entity.MATERIALIZED_VIEW: "materialized-view",
    Entity.MATERIALIZED_VIEW_QUALIFIED: "materialized-view", Entity.MATERIALIZED_VIEW_STAR: "materialized-view",
    Entity.EXTERNAL_TABLE: "external table", Entity.EXTERNAL_TABLE_STAR: "external table",
    Entity.COLUMN: "column", Entity.COLUMN_STAR: "column", Entity.GRAPH_MODEL: "graph_model",
    Entity.GRAPH_MODEL_STAR: "graph_model",
}  # fmt: skip
_ALL_ENTITY_KEYWORDS = tuple(dict.fromkeys(_ENTITY_KEYWORDS.values()))


def _entity_choices(text: str) -> tuple[str, ...]:
    """The entity keywords the command's kind takes (all of them when the kind is unknown)."""
    m = _KIND_AFTER_POLICY.search(text)
    kind = resolve_kind(m.group(1)) if m else None
    if kind is None:
        return _ALL_ENTITY_KEYWORDS
    used = {_ENTITY_KEYWORDS[e] for f in kind.forms for e in f.entities}
    return tuple(k for k in _ALL_ENTITY_KEYWORDS if k in used)


def _missing_delete_name(text: str, base: int) -> Problem:
    m = re.compile(r"database", re.I).search(text)
    span = Span(base + m.start(), base + m.end()) if m else Span(base, base + 1)
    return Problem("S007", "missing the database name: `.delete database` requires one", span,
                   "write the name after `database`: `.delete database MyDatabase policy managed_identity`")


def _verb_end(text: str, base: int) -> int:
    m = re.compile(r"\.\s*alter", re.I).search(text)
    return base + (m.end() if m else 0)


def _near_miss(code: str, what: str, word: str, right: str, span: Span) -> Problem:
    guess = did_you_mean(word, [right])
    message = f"{what} `{word}`"
    return Problem(code, message, span, f"did you mean `{right}`?" if guess else None,
                   Fix(f"replace with `{right}`", (Edit(span, right),), Applicability.UNSAFE) if guess else None)


def _short(text: str) -> str:
    first = text.splitlines()[0] if text else text
    return first if len(first) <= 40 else first[:37] + "..."

