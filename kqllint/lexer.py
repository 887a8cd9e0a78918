"""A pygments lexer for Kusto control-command scripts (commands, queries and their literals)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from pygments.lexer import Lexer, RegexLexer, bygroups, default, include, words
from pygments.lexers.data import JsonLexer
from pygments.lexers.kusto import KUSTO_KEYWORDS
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
    _TokenType,
)

from kqllint.policies import KINDS
from kqllint.policies.schema import EnumType

__all__ = ["KustoCommandLexer"]

Tok = tuple[int, _TokenType, str]

VERBS = (
    "alter", "alter-merge", "show", "delete", "create", "create-or-alter", "create-merge",
    "create-async", "drop", "set", "set-or-append", "set-or-replace", "append", "replace",
    "execute", "ingest", "rename", "move", "attach", "detach", "purge", "clear", "cancel",
    "enable", "disable", "export", "add", "undo", "evaluate", "dup-next-ingest",
    "dup-next-failed-ingest", "merge", "rebuild", "refresh",
)  # fmt: skip
ENTITIES = (
    "cluster", "database", "databases", "table", "tables", "materialized-view",
    "materialized-views", "column", "columns", "external", "function", "functions",
    "script", "extents", "ingestion", "mapping", "workload_group", "principal", "principals",
)  # fmt: skip
# The policy kinds and the words of their keyword forms come from the registry
# (kqllint/policies/): a new kind is highlighted without an edit here.
POLICY_KINDS = tuple(kind.name for kind in KINDS if kind.policy_word)  # `workload_group` is an entity


def _keyword_form_words() -> tuple[str, ...]:
    """`softdelete`, `recoverability`, `disabled`, `hot`, `enable`, `asc`, ...: the argument names
    and keyword values of every kind's keyword forms (`true`/`false` stay constants)."""
    out: set[str] = set()
    for kind in KINDS:
        out.update(kind.keywords)
        for arg in kind.keyword_form_args():
            out.add(arg.name)
            if isinstance(arg.type, EnumType) and arg.type.keyword:
                out.update(arg.type.values)
    return tuple(sorted(out - {"true", "false", "with"}))


KEYWORD_FORM_WORDS = _keyword_form_words()
COMMAND_WORDS = (
    "policy", "policies", "with", "ifexists", "ifnotexists", "async", "from", "into", "to",
    "on", "details", "schema", "as", "csl", "json", "folder", "docstring", "if_later_than",
)  # fmt: skip
QUERY_WORDS = ("let", "declare", "set", "in", "!in", "has_any", "has_all", "not", "kind")

# Kusto words are case-insensitive for kqllint (docs/design.md: "in any case"); `-` joins keyword parts.
_WORD_END = r")(?![\w-])"
_FENCE = r"([hH]?@?)(```|~~~)([\s\S]*?)(\2|\Z)"
# `\r(?!\n)`: a lookahead after this group must not split a `\r\n` and see a blank line.
_NEWLINE = r"(\r\n|\n|\r(?!\n))"
# Possessive, so that an unterminated string costs one pass, not a backtracking search.
_JSON_DQ = r'"(?:[^"\\]|\\[\s\S])*+"?'
_JSON_SQ = r"'(?:[^'\\]|\\[\s\S])*+'?"


def _kw(items: tuple[str, ...]) -> words:
    return words(items, prefix=r"(?i:", suffix=_WORD_END)


class _LenientJsonLexer(RegexLexer):
    """JSON as Kusto payloads write it: single-quoted strings allowed, nothing is an error."""

    name = "Lenient JSON"
    aliases: ClassVar[list[str]] = []
    tokens: ClassVar[dict[str, Any]] = {
        "root": [
            (r"\s+", Whitespace),
            (r"//[^\r\n]*", Comment.Single),
            (r"/\*[\s\S]*?(?:\*/|\Z)", Comment.Multiline),
            (rf"(?:{_JSON_DQ}|{_JSON_SQ}|[^\W\d][\w$-]*)(?=\s*:)", Name.Tag),
            (_JSON_DQ, String.Double),
            (_JSON_SQ, String.Single),
            (r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", Number),
            (r"(?:true|false|null)\b", Keyword.Constant),
            (r"[{}\[\],:]", Punctuation),
            (r"[^\s{}\[\],:\"'/]+|/", Text),
        ],
    }


def _has_error(toks: list[Tok]) -> bool:
    return any(t in Error for _, t, _ in toks)


def _payload_tokens(body: str, start: int) -> Iterator[Tok]:
    """Tokens of a fence body: JSON if it looks like JSON, else one raw string token."""
    if not body:
        return
    if body.lstrip()[:1] in ("[", "{"):
        toks = list(JsonLexer().get_tokens_unprocessed(body))
        if _has_error(toks):
            toks = list(_LenientJsonLexer().get_tokens_unprocessed(body))
        if not _has_error(toks):
            yield from ((start + i, t, v) for i, t, v in toks if v)
            return
    yield start, String.Heredoc, body


def _fence(lexer: Lexer, match: re.Match[str]) -> Iterator[Tok]:
    """A multi-line string: optional `h`/`@` prefix, ``` or ~~~ fences, payload lexed as JSON."""
    prefix, opener, body, closer = match.groups()
    if prefix:
        yield match.start(1), String.Affix, prefix
    yield match.start(2), String.Delimiter, opener
    yield from _payload_tokens(body, match.start(3))
    if closer:
        yield match.start(4), String.Delimiter, closer


def _quoted(quote: str, tok: _TokenType) -> list[tuple[str, Any, str]]:
    """Rules opening the plain, verbatim and obfuscated forms of a quote character."""
    verbatim = "vsq" if quote == "'" else "vdq"
    plain = "sq" if quote == "'" else "dq"
    return [
        (rf"([hH]?@)({quote})", bygroups(String.Affix, tok), verbatim),
        (rf"([hH])({quote})", bygroups(String.Affix, tok), plain),
        (quote, tok, plain),
    ]


def _escaped_body(quote: str, tok: _TokenType) -> list[tuple[str, Any, str] | tuple[str, Any]]:
    """Inside `'..'` or `".."`: backslash escapes, ends at the quote or (unterminated) the line."""
    return [
        (rf"[^{quote}\\\r\n]+", tok),
        (r"\\(?:[\\'\"tnrabfv]|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,2}|[0-7]{1,3})",
         String.Escape),
        (r"\\[^\r\n]", Error),  # Kusto.Language rejects an unknown escape such as `\q`
        (r"\\", tok),
        (quote, tok, "#pop"),
        default("#pop"),
    ]


def _verbatim_body(quote: str, tok: _TokenType) -> list[tuple[str, Any, str] | tuple[str, Any]]:
    """Inside `@'..'` or `@".."`: no escapes, the doubled quote stands for itself."""
    return [
        (rf"[^{quote}\r\n]+", tok),
        (quote * 2, String.Escape),
        (quote, tok, "#pop"),
        default("#pop"),
    ]


class KustoCommandLexer(RegexLexer):
    """Kusto scripts: `.` control commands (policy commands in detail), queries, every literal."""

    name = "Kusto control commands"
    aliases: ClassVar[list[str]] = ["kql-commands", "kusto-commands"]
    filenames: ClassVar[list[str]] = ["*.kql", "*.csl", "*.kusto"]
    mimetypes: ClassVar[list[str]] = ["text/x-kusto-commands"]
    url = "https://learn.microsoft.com/en-us/kusto/management/"

    tokens: ClassVar[dict[str, Any]] = {
        "root": [
            include("space"),
            include("comment"),
            (r"(\.)(?=[^\W\d])", Punctuation, "verb"),
            (r"\.", Punctuation, "command"),
            default("query"),
        ],
        "verb": [
            (_kw(VERBS), Keyword, ("#pop", "command")),
            (r"[^\W\d][\w-]*", Name, ("#pop", "command")),
        ],
        "command": [
            include("boundary"),
            include("common"),
            (r"(<\|)(?=\s*\.[^\W\d])", Operator, "#pop"),  # `.execute ... script <| .cmd`
            (r"<\||\|", Operator, ("#pop", "query")),
            (r";", Punctuation, ("#pop", "query")),
            (_kw(ENTITIES), Keyword.Type),
            (r"(?i:policy)(?![\w-])", Keyword, "policy-kind"),
            (_kw(POLICY_KINDS), Name.Builtin),
            (_kw(COMMAND_WORDS), Keyword),
            include("query-words"),  # function bodies and column types: `{ print 1 }`, `a:string`
            (r"(\{)([^\W\d]\w*)(\})", bygroups(Punctuation, Name.Variable, Punctuation)),
            # `[my db]`: a database name form; only here, where `[1, 2]` cannot be an array.
            (r"(\[)([^\[\]'\",\r\n]+)(\])", bygroups(Punctuation, Name, Punctuation)),
            include("tail"),
        ],
        # After `policy`: the kind, then its arguments, where the keyword forms' words are keywords.
        "policy-kind": [
            include("space"),
            include("comment"),
            (_kw(POLICY_KINDS), Name.Builtin, ("#pop", "#pop", "policy-arguments")),
            default("#pop"),
        ],
        "policy-arguments": [
            (_kw(KEYWORD_FORM_WORDS), Keyword),
            include("command"),
        ],
        "query": [
            include("boundary"),
            include("common"),
            (r"<\||\|", Operator),
            (r";", Punctuation),
            include("query-words"),
            include("tail"),
        ],
        "query-words": [
            (words((*KUSTO_KEYWORDS, *QUERY_WORDS), suffix=r"(?![\w-])"), Keyword),
            (words(("true", "false", "null"), suffix=r"(?![\w-])"), Keyword.Constant),
        ],
        # A statement ends at a blank line or where a line starts a new `.command`.
        "boundary": [
            (_NEWLINE + r"(?=[ \t]*(?:[\r\n]|\Z))", Whitespace, "#pop"),
            (_NEWLINE + r"([ \t]*)(?=\.[^\W\d])", bygroups(Whitespace, Whitespace), "#pop"),
        ],
        "space": [
            (_NEWLINE, Whitespace),
            (r"[^\S\r\n]+", Whitespace),
        ],
        "comment": [
            (r"//[^\r\n]*", Comment.Single),
        ],
        "common": [
            include("space"),
            include("comment"),
            (_FENCE, _fence),
            *_quoted("'", String.Single),
            *_quoted('"', String.Double),
            (r"""(\[)('(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")(\])""",
             bygroups(Punctuation, Name, Punctuation)),
        ],
        "tail": [
            (r"[^\W\d]\w*", Name),
            (r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[^\W\d]*|\.\d+", Number),
            (r"[-+*/%<>=!~?:&^@$#]+", Operator),
            (r"[()\[\]{},.\\`]", Punctuation),
            (r".", Text),
        ],
        "sq": _escaped_body("'", String.Single),
        "dq": _escaped_body('"', String.Double),
        "vsq": _verbatim_body("'", String.Single),
        "vdq": _verbatim_body('"', String.Double),
    }

    def __init__(self, **options: Any) -> None:
        # Keep the text as given (pygments strips leading/trailing newlines by default), so
        # that the token values join back to the input; line endings still become `\n`.
        options.setdefault("stripnl", False)
        options.setdefault("ensurenl", False)
        super().__init__(**options)

    def analyse_text(text: str) -> float:  # type: ignore[misc]  # pygments makes it static
        """Prefer this lexer over pygments' query lexer for scripts holding control commands."""
        return 0.5 if re.search(r"^[ \t]*\.[a-zA-Z]", text, re.MULTILINE) else 0.0
