"""The syntax errors of a command head in words: what lark's parse error means, and what to write."""

from __future__ import annotations

import re

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from kqllint import keyword_forms
from kqllint.command_parts import or_, resolve_kind, short, verb_kind_of
from kqllint.diagnostic import Applicability, Edit, Fix, Span
from kqllint.model import Problem, Word
from kqllint.policies import KINDS_BY_NAME
from kqllint.policies.commands import Entity
from kqllint.suggest import did_you_mean, is_near

_WORD_BEFORE = re.compile(r"([^\s\[\]{}()'\"`~|;,/\\=<>!@]+)\s*(?://[^\r\n]*\s*)*\Z")
_UNTERMINATED_OBFUSCATED = re.compile(r"[hH]@?(?:['\"]|```|~~~)")
_WORD_CHAR = re.compile(r"[^\s\[\]{}()'\"`~|;,/\\=<>!@]")
_DELETE_DATABASE = re.compile(r"\.(?:\s|//[^\r\n]*)*delete\s+(?:(?://[^\r\n]*)?\s)*database\b", re.I)
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


# ---- a policy written as bare JSON -------------------------------------------------------------

_AFTER_JSON = re.compile(r"(?:\s|//[^\r\n]*)*(?:[|;]|\Z)")


def bare_payload(exc: UnexpectedInput, text: str, base: int, verb: Word) -> Problem | None:
    """S014 when the policy of `.alter`/`.alter-merge` is JSON written without a string literal."""
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream
    elif isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        pos = exc.token.start_pos
    else:
        return None
    if text[pos : pos + 1] not in ("[", "{") or not verb_kind_of(verb.text).takes_payload:
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


def syntax_problem(exc: UnexpectedInput, text: str, base: int) -> Problem:
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
    found = "the end of the command" if token is None else f"`{short(str(token))}`"
    if token is None:
        end = len(text.rstrip())
        span = Span(base + end, base + end)
    else:
        span = Span(base + token.start_pos, base + token.start_pos + len(short(str(token))))
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
        return Problem("S001", f"expected {or_([f'`{c}`' for c in choices])}, found {found}", span,
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
