"""The exact head parser: the lark grammar (`grammar/command.lark`) and the builder of its `Command`.

Imported only when the fast path (`kqllint/heads.py`) leaves a head to it, so that a script of
well-formed commands never loads lark.
"""

from __future__ import annotations

import re

from lark import Token
from lark.exceptions import UnexpectedInput

from kqllint import keyword_forms
from kqllint.command_errors import bare_payload, syntax_problem
from kqllint.command_shape import SHAPE as _SHAPE
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
    short,
    split_path,
    verb_kind_of,
)
from kqllint.diagnostic import Applicability, Edit, Fix, Span
from kqllint.grammar import parser
from kqllint.keyword_forms import Item
from kqllint.literals import decode_literal
from kqllint.model import (
    Argument,
    Command,
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
from kqllint.policies import KINDS_BY_NAME, POLICY_KINDS_BY_NAME
from kqllint.policies.commands import Entity, PayloadShape
from kqllint.policies.commands import Verb as PolicyVerb
from kqllint.policies.schema import PolicyKind
from kqllint.salvage import literal_after
from kqllint.suggest import did_you_mean

_VERBS = {"ALTER": Verb.ALTER, "ALTER_MERGE": Verb.ALTER_MERGE, "SHOW": Verb.SHOW, "DELETE": Verb.DELETE,
          "CREATE_OR_ALTER": Verb.CREATE_OR_ALTER}  # fmt: skip
# The kinds whose commands have no `policy` word, by their keyword (`workload_group`).
_GROUP_KINDS = {k.name: k for k in KINDS_BY_NAME.values() if not k.policy_word}


def parse_exact(text: str, base: int, verb_hint: Word, payloads: bool, place: Place) -> Command:
    """`parse_command` with the grammar: any head, with a problem in words when it is wrong."""
    try:
        parts = parser("command", _SHAPE).parse(text)
    except UnexpectedInput as exc:
        span = Span(base, base + len(text.rstrip()))
        has_comment = head_has_comment(text, base, span.end, place)
        problem = bare_payload(exc, text, base, verb_hint) or syntax_problem(exc, text, base)
        # After a head error the payload is still read when its extent is certain (salvage.py).
        literal = literal_after(problem, text, base, verb_kind_of(verb_hint.text))
        payload = parse_payload(literal) if literal is not None and payloads else None
        return _broken(verb_hint, span, problem, place, has_comment, literal, payload)
    return _Builder(text, base, payloads, place).command(parts)


def _broken(verb: Word, span: Span, problem: Problem, place: Place, head_has_comment: bool,
            literal: StringLiteral | None = None, payload: Payload | None = None) -> Command:  # fmt: skip
    verb_kind = verb_kind_of(verb.text)
    return Command(span, verb, verb_kind, None, None, None, None, None, literal, payload, None, head_has_comment,
                   (problem,), place.container, place.block, place.joined)  # fmt: skip


def _word(tok: Token, base: int) -> Word:
    return Word(str(tok), Span(base + tok.start_pos, base + tok.end_pos))



_NOUNS = {
    "database": "database", "table": "table", "tables": "table", "materialized_view": "materialized view",
    "external_table": "external table", "column": "column", "graph_model": "graph model",
}  # fmt: skip
_SHAPES = {"table": "`Table` or `Database.Table`", "materialized_view": "`View` or `Database.View`",
           "external_table": "`ExternalTable`", "column": "`Table.Column` or `Database.Table.Column`",
           "graph_model": "`Model`"}  # fmt: skip
_PAYLOAD_WORDS = {
    PayloadShape.JSON_ARRAY: ("a JSON array in a string literal", "```[...]```"),
    PayloadShape.JSON_OBJECT: ("a JSON object in a string literal", "```{...}```"),
    PayloadShape.STRING: ("a string literal", "```...```"),
}


class _Builder:
    """Builds the `Command` of one parse at file offset `base`, noting what is wrong."""

    def __init__(self, text: str, base: int, payloads: bool, place: Place) -> None:
        self.text = text
        self.base = base
        self.payloads = payloads
        self.place = place
        self.problems: list[Problem] = []
        self.items: list[Item] = []  # the keyword form as written, for `keyword_forms.check`

    def command(self, children: list | tuple) -> Command:
        if isinstance(children, tuple):  # ("workload_group", children)
            return self.group_command(children[1])
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
            head_has_comment(self.text, b, head_end, place), tuple(self.problems), place.container, place.block,
            place.joined, entity, names, arguments, options, body,
            tuple(_word(t, b) for t in keyword_toks if t.type not in ("LPAR", "RPAR")),
        )  # fmt: skip

    def group_command(self, children: list) -> Command:
        """`.verb workload_group Name ARGUMENTS`: a kind whose commands have no `policy` word;
        its keyword is the kind's word and its name the entity's only name."""
        dot, verb, keyword, name_tok, *rest = children
        b = self.base
        verb_kind = _VERBS[verb.type]
        tail = rest[-1] if rest and isinstance(rest[-1], Token) else None
        args = rest[:-1] if tail is not None else rest
        kind = _GROUP_KINDS[str(keyword).lower()]
        kind_word, name = _word(keyword, b), _name(name_tok, b)
        self.check_name(name, kind.title.lower(), verb_kind)
        literal, arguments, options, body = self.arguments(args, verb_kind, Word(name.text, name.span), kind)
        entity = Entity.WORKLOAD_GROUP
        if not self.problems:
            self.form(kind, verb_kind, entity, literal, arguments, verb, [keyword], [name_tok], kind_word, args)
        payload = parse_payload(literal) if literal is not None and self.payloads else None
        end = b + max([name_tok.end_pos] + [_arg_end(a) for a in args])
        if tail is not None:
            end = b + tail.start_pos + len(str(tail).rstrip())
        head_end = b + args[0][1].start_pos if args else name.span.end
        place = self.place
        return Command(
            Span(b + dot.start_pos, end), _word(verb, b), verb_kind, None, None, None, None, kind_word, literal,
            payload, Span(b + tail.start_pos, end) if tail is not None else None,
            head_has_comment(self.text, b, head_end, place), tuple(self.problems), place.container, place.block,
            place.joined, entity, (name,), arguments, options, body,
        )  # fmt: skip

    def problem(self, code: str, message: str, span: Span, help: str | None = None, fix: Fix | None = None) -> None:
        self.problems.append(Problem(code, message, span, help, fix))

    # ---- the kind ----

    def kind_of(self, word: Word) -> PolicyKind | None:
        kind = resolve_kind(word.text)
        if kind is None:
            guess = did_you_mean(word.text.replace("-", "_"), POLICY_KINDS_BY_NAME)
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
            return STAR_ENTITIES[tag], names, None
        entity = PATH_ENTITIES[tag].get(len(names))
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
        names = split_path(text, start)
        if names is not None:
            return names
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
        if not IDENTIFIER.match(name.text):
            self.problem("S010", f"the {noun} name `{name.text}` must be bracketed", name.span,
                         f"write it as `['{name.text}']`",
                         Fix("bracket the name", (Edit(name.span, f"['{name.text}']"),)))  # fmt: skip
        elif noun == "database" and name.text.lower() in KEYWORD_NAMES[verb]:
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
        span = Span(self.base + tok.start_pos, self.base + tok.start_pos + len(short(str(tok))))
        self.problem("S004", f"unexpected `{short(str(tok))}` after the command", span,
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
        after = kind.name if kind.policy_word else kind_word.text  # the workload group's name
        self.problem("S006", f"missing the policy: `.{verb.value}` needs {what}",
                     Span(kind_word.span.end, kind_word.span.end),
                     f"add the policy after `{after}`, e.g. {example}")  # fmt: skip

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


def _shape_of(verb: Verb, literal: StringLiteral | None, arguments: tuple[Argument, ...],
              args: list[tuple]) -> PayloadShape:  # fmt: skip
    if not verb.takes_payload:
        return PayloadShape.NONE
    if literal is not None:
        return PayloadShape.STRING
    if len(arguments) == 1 and arguments[0].name is None and args[0][0] == "bare":
        return PayloadShape.BARE
    return PayloadShape.KEYWORD


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
    return short(m.group(1)) if m else ""


def _with_space_before(tok: Token, base: int) -> Span:
    return Span(base + tok.start_pos - 1, base + tok.end_pos)


def _name(tok: Token, base: int) -> Name:
    return name_text(str(tok), Span(base + tok.start_pos, base + tok.end_pos), tok.type)
