"""Parse one ManagedIdentity policy command with the lark grammar into a `Command`."""

from __future__ import annotations

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
from kqllint.grammar import parser
from kqllint.literals import decode_literal
from kqllint.model import (
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
from kqllint.salvage import literal_after
from kqllint.suggest import did_you_mean, is_near

_VERBS = {"ALTER": Verb.ALTER, "ALTER_MERGE": Verb.ALTER_MERGE, "SHOW": Verb.SHOW, "DELETE": Verb.DELETE}
_IDENTIFIER = re.compile(r"[A-Za-z0-9_]+\Z")
_WORD_BEFORE = re.compile(r"([^\s\[\]{}()'\"`~|;,/\\=<>!@]+)\s*(?://[^\r\n]*\s*)*\Z")
_UNTERMINATED_OBFUSCATED = re.compile(r"[hH]@?(?:['\"]|```|~~~)")
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
    "MANAGED_IDENTITY": "`managed_identity`", "WORD": "a name", "BRACKET_NAME": "a name",
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


class _Shape(Transformer):
    """Flattens the productions of `command.lark` as lark reduces them (no parse tree is built:
    building the tree and walking it again took parsing the commands of the 1 MB benchmark
    corpus from 0.16 s to 0.20 s).

    Stateless, so one instance serves every parse; `_Builder` turns the result into a `Command`.
    Methods take the children list: a `v_args(inline=True)` wrapper costs a call per node.
    """

    def verb(self, children: list[Token]) -> Token:
        return children[0]

    def argument(self, children: list[Token]) -> Token:
        return children[0]

    def name(self, children: list[Token]) -> Token:
        return children[0]

    def cluster(self, children: list[Token]) -> tuple[Scope, Token, Token | None]:
        return Scope.CLUSTER, children[0], children[1] if len(children) > 1 else None

    def database(self, children: list[Token]) -> tuple[Scope, Token, Token | None]:
        return Scope.DATABASE, children[0], children[1] if len(children) > 1 else None

    def start(self, children: list) -> list:
        return children


_SHAPE = _Shape()


class _Builder:
    """Builds the `Command` of one parse at file offset `base`, noting what is wrong."""

    def __init__(self, text: str, base: int, payloads: bool, place: Place) -> None:
        self.text = text
        self.base = base
        self.payloads = payloads
        self.place = place
        self.problems: list[Problem] = []

    def command(self, children: list) -> Command:
        dot, verb, scope, policy, kind, *rest = children
        b = self.base
        verb_kind = _VERBS[verb.type]  # `verb` is the DELETE token itself in the delete production
        scope_kind, scope_tok, name_tok = scope
        tail = rest[-1] if rest and rest[-1].type == "TAIL" else None
        args = [t for t in rest if t.type == "STRING"]
        name = self.name_of(name_tok, scope_kind, verb_kind) if name_tok is not None else None
        kind_word = _word(kind, b)
        literal = self.arguments(args, verb_kind, kind_word.span)
        payload = parse_payload(literal) if literal is not None and self.payloads else None
        last = tail if tail is not None else (args[-1] if args else kind)
        end = b + (last.start_pos + len(str(last).rstrip()) if last is tail else last.end_pos)
        tail_span = Span(b + tail.start_pos, end) if tail is not None else None
        # The head ends where the policy starts, or at `managed_identity`: a comment in a
        # `| query` tail is not in the head.
        head_end = literal.span.start if literal is not None else kind_word.span.end
        place = self.place
        return Command(
            Span(b + dot.start_pos, end), _word(verb, b), verb_kind, _word(scope_tok, b), scope_kind,
            None if scope_kind is Scope.CLUSTER else name, _word(policy, b), kind_word,
            literal, payload, tail_span, _head_has_comment(self.text, b, head_end, place),
            tuple(self.problems), place.container, place.block, place.joined,
        )  # fmt: skip

    def problem(self, code: str, message: str, span: Span, help: str | None = None, fix: Fix | None = None) -> None:
        self.problems.append(Problem(code, message, span, help, fix))

    def name_of(self, tok: Token, scope: Scope, verb: Verb) -> Name:
        name = _name(tok, self.base)
        if scope is Scope.CLUSTER:
            span = Span(name.span.start, name.span.end)
            self.problem("S009", f"the cluster form takes no name, found `{name.text}`", span,
                         "the command applies to the cluster it runs on; remove the name",
                         Fix("remove the cluster name", (Edit(_with_space_before(tok, self.base), ""),)))
        elif name.quoting is NameQuoting.PLAIN and not _IDENTIFIER.match(name.text):
            self.problem("S010", f"the database name `{name.text}` must be bracketed", name.span,
                         f"write it as `['{name.text}']`",
                         Fix("bracket the name", (Edit(name.span, f"['{name.text}']"),)))
        elif name.quoting is NameQuoting.PLAIN and name.text.lower() in _KEYWORD_NAMES[verb]:
            self.problem("S010", f"`{name.text}` is read as a keyword here, not as the database name",
                         name.span, f"write it as `['{name.text}']`",
                         Fix("bracket the name", (Edit(name.span, f"['{name.text}']"),)))
        return name

    def arguments(self, args: list[Token], verb: Verb, kind_span: Span) -> StringLiteral | None:
        b = self.base
        if not verb.takes_payload:
            if args:
                span = Span(b + args[0].start_pos, b + args[-1].end_pos)
                self.problem("S005", f"`.{verb.value}` takes no policy argument", span,
                             "remove the string literal, or use `.alter` to set the policy")
            return None
        if not args:
            self.problem("S006", f"missing the policy: `.{verb.value}` needs a JSON array in a string literal",
                         Span(kind_span.end, kind_span.end),
                         "add the policy after `managed_identity`, e.g. ```[...]```")
            return None
        for extra in args[1:]:
            self.problem("S004", "unexpected string literal after the policy", Span(b + extra.start_pos, b + extra.end_pos),
                         "Kusto does not join adjacent string literals; put the whole policy in one literal")
        literal, errors = decode_literal(str(args[0]), b + args[0].start_pos)
        for error in errors:
            self.problem("S012", error.message, error.span, "write a backslash as `\\\\`, or use a ```fenced``` literal")
        return literal


def _with_space_before(tok: Token, base: int) -> Span:
    return Span(base + tok.start_pos - 1, base + tok.end_pos)


def _name(tok: Token, base: int) -> Name:
    text = str(tok)
    span = Span(base + tok.start_pos, base + tok.end_pos)
    if tok.type in ("WORD", "POLICY"):
        return Name(text, text, span, NameQuoting.PLAIN)
    if tok.type == "PARAMETER":
        return Name(text, text[1:-1].strip(), span, NameQuoting.PARAMETER)
    if tok.type == "STRING":
        literal, _ = decode_literal(text, span.start)
        return Name(text, literal.value, span, NameQuoting.STRING)
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
    if before is None or before.group(1).lower() != "managed_identity":
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
        return _bad_character(text, exc.pos_in_stream, base)
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


def _unexpected(token: Token | None, expected: set[str], text: str, base: int) -> Problem:
    found = "the end of the command" if token is None else f"`{_short(str(token))}`"
    if token is None:
        end = len(text.rstrip())
        span = Span(base + end, base + end)
    else:
        span = Span(base + token.start_pos, base + token.start_pos + len(_short(str(token))))
    wanted = " or ".join(sorted(_DISPLAY.get(e, e) for e in expected if e not in ("WS", "COMMENT")))
    word = str(token) if token is not None and token.type == "WORD" else None
    if expected == {"POLICY"} and (token is None or token.type == "MANAGED_IDENTITY"):
        # The word before was read as a name: `cluster polcy managed_identity`, or the required
        # name of `.delete database policy managed_identity`.
        name = _WORD_BEFORE.search(text, 0, token.start_pos if token is not None else len(text.rstrip()))
        if name and name.group(1).lower() != "policy" and is_near(name.group(1), "policy"):
            where = Span(base + name.start(1), base + name.end(1))
            return _near_miss("S001", "expected `policy`, found", name.group(1), "policy", where)
        if _DELETE_DATABASE.match(text):
            return _missing_delete_name(text, base)
    if {"WORD", "POLICY"} <= expected and "MANAGED_IDENTITY" not in expected and token is None:
        return _missing_delete_name(text, base)  # `.delete database` and nothing after it
    if word and "MANAGED_IDENTITY" in expected:
        return _near_miss("S008", "unknown policy kind", word, "managed_identity", span)
    if word and expected == {"POLICY"}:
        return _near_miss("S001", "expected `policy`, found", word, "policy", span)
    if word and word.lower() == "merge" and {"CLUSTER", "DATABASE"} <= expected:
        return Problem("S001", f"expected `cluster` or `database`, found {found}", span,
                       "write `alter-merge` without spaces",
                       Fix("join `alter-merge`", (Edit(Span(_verb_end(text, base), span.end), "-merge"),), Applicability.UNSAFE))
    if word and {"CLUSTER", "DATABASE"} <= expected:
        guess = did_you_mean(word, ["cluster", "database"])
        return Problem("S001", f"expected `cluster` or `database`, found {found}", span,
                       f"did you mean `{guess}`?" if guess else None,
                       Fix(f"replace with `{guess}`", (Edit(span, guess),), Applicability.UNSAFE) if guess else None)
    # TAIL is only acceptable once the command is complete; the contextual lexer's own
    # rejections list its terminals, not the parser's `$END`.
    if ("$END" in expected or "TAIL" in expected) and token is not None:
        return Problem("S004", f"unexpected {found} after the command", span,
                       "a command ends after its policy; start a query with `|`, or a new command after a blank line")
    return Problem("S001", f"expected {wanted}, found {found}", span)


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
    message = f"{what} `{word}`" if code == "S008" else f"{what} `{word}`"
    if code == "S008":
        message += "; kqllint checks `managed_identity`"
    return Problem(code, message, span, f"did you mean `{right}`?" if guess else None,
                   Fix(f"replace with `{right}`", (Edit(span, right),), Applicability.UNSAFE) if guess else None)


def _short(text: str) -> str:
    first = text.splitlines()[0] if text else text
    return first if len(first) <= 40 else first[:37] + "..."

