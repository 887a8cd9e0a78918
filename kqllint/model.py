"""The typed model rules see instead of parse trees: frozen dataclasses that carry spans."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Union

from kqllint.diagnostic import Fix, Span


class Verb(str, enum.Enum):
    ALTER = "alter"
    ALTER_MERGE = "alter-merge"
    SHOW = "show"
    DELETE = "delete"

    @property
    def takes_payload(self) -> bool:
        return self in (Verb.ALTER, Verb.ALTER_MERGE)


class Scope(str, enum.Enum):
    CLUSTER = "cluster"
    DATABASE = "database"


@dataclass(frozen=True, slots=True)
class Word:
    """A keyword or name exactly as written (case kept) and where."""

    text: str
    span: Span


class LiteralKind(str, enum.Enum):
    """The forms of a Kusto string literal (the `h`/`@` prefixes are flags, not kinds)."""

    SINGLE = "'"
    DOUBLE = '"'
    VERBATIM_SINGLE = "@'"
    VERBATIM_DOUBLE = '@"'
    BACKTICK = "```"
    TILDE = "~~~"


@dataclass(frozen=True, slots=True)
class StringLiteral:
    """A decoded string literal with the map from each value character back to the file.

    `offsets[i]` is the file offset of `value[i]` (and `offsets[len(value)]` the closing
    quote's); `offsets` is None when the value is a verbatim copy starting at `value_start`.
    """

    span: Span
    kind: LiteralKind
    obfuscated: bool
    value: str
    value_start: int
    offsets: tuple[int, ...] | None = None

    def file_offset(self, index: int) -> int:
        if self.offsets is None:
            return self.value_start + index
        return self.offsets[index]


class NameQuoting(str, enum.Enum):
    """How a database name is written; the formatter keeps it."""

    PLAIN = "plain"  # db
    BRACKET_SINGLE = "bracket-single"  # ['db']
    BRACKET_DOUBLE = "bracket-double"  # ["db"]
    BRACKET_BARE = "bracket-bare"  # [my db]
    STRING = "string"  # 'db' or "db"
    PARAMETER = "parameter"  # {db}


@dataclass(frozen=True, slots=True)
class Name:
    """A database name: as written (`text`), its value, and its quoting."""

    text: str
    value: str
    span: Span
    quoting: NameQuoting


# ---- the positioned JSON of a payload -------------------------------------------------


@dataclass(frozen=True, slots=True)
class JsonString:
    """A JSON string; `span` covers its quotes in the file.

    `char_offsets[i]` is the file offset of `value[i]` (an escaped character starts at its
    backslash), and `char_offsets[len(value)]` the closing quote's; None when the value sits
    verbatim right after the opening quote (no escapes anywhere on the way).
    """

    value: str
    span: Span
    quote: str  # '"' or "'" (lenient JSON)
    char_offsets: tuple[int, ...] | None = None

    def sub_span(self, start: int, end: int) -> Span:
        """The file span of `value[start:end]`, through every escape."""
        if self.char_offsets is None:
            return Span(self.span.start + 1 + start, self.span.start + 1 + max(start, end))
        return Span(self.char_offsets[start], self.char_offsets[max(start, end)])


@dataclass(frozen=True, slots=True)
class JsonNumber:
    value: int | float
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class JsonConstant:
    """`true`, `false` or `null`."""

    value: bool | None
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class JsonMember:
    key: JsonString
    value: JsonValue


@dataclass(frozen=True, slots=True)
class JsonObject:
    members: tuple[JsonMember, ...]
    span: Span

    def get(self, key: str) -> JsonMember | None:
        """The last member named exactly `key` (the one a JSON reader keeps)."""
        for member in reversed(self.members):
            if member.key.value == key:
                return member
        return None


@dataclass(frozen=True, slots=True)
class JsonArray:
    items: tuple[JsonValue, ...]
    span: Span


JsonValue = Union[JsonObject, JsonArray, JsonString, JsonNumber, JsonConstant]


@dataclass(frozen=True, slots=True)
class JsonError:
    """Why the payload is not JSON, at the exact file position, and how to mend it."""

    message: str
    span: Span
    help: str | None = None


@dataclass(frozen=True, slots=True)
class Payload:
    """The policy argument: its literal, and the JSON read from it (None if unreadable)."""

    literal: StringLiteral
    value: JsonValue | None
    error: JsonError | None = None
    trailing_commas: tuple[Span, ...] = ()
    single_quoted: tuple[JsonString, ...] = ()


# ---- statements ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """A syntax problem the parser found; the syntax rule with `code` reports it."""

    code: str
    message: str
    span: Span
    help: str | None = None
    fix: Fix | None = None


class Container(str, enum.Enum):
    """What a statement sits in: the top level or an `.execute … script <|` body."""

    TOP = "top"
    DATABASE_SCRIPT = "database-script"
    CLUSTER_SCRIPT = "cluster-script"


@dataclass(frozen=True, slots=True)
class Command:
    """A modelled ManagedIdentity policy command.

    When `problems` is not empty the command has syntax errors; the fields the parser could
    not read are None and the semantic rules skip it.
    """

    span: Span
    verb: Word  # as written, without the dot: "alter", "ALTER", "alter-merge"
    verb_kind: Verb
    scope: Word | None
    scope_kind: Scope | None
    database: Name | None
    policy: Word | None
    kind: Word | None
    argument: StringLiteral | None
    payload: Payload | None
    tail: Span | None  # `| query` or `; query` after the command, kept opaque
    head_has_comment: bool
    problems: tuple[Problem, ...] = ()
    container: Container = Container.TOP
    block: int = 0  # index of the blank-line separated block the command starts in
    joined: bool = False  # starts on a line right after another statement, no blank line

    @property
    def broken(self) -> bool:
        return bool(self.problems)


@dataclass(frozen=True, slots=True)
class Opaque:
    """A statement kqllint does not model (query, other command); never diagnosed or changed."""

    span: Span
    is_command: bool  # starts with `.`
    container: Container = Container.TOP
    block: int = 0
    joined: bool = False
    execute_scope: Scope | None = None  # set for `.execute database|cluster script <|`


@dataclass(frozen=True, slots=True)
class BadStatement:
    """A statement that cannot be read at all (a bare `.`, an unterminated string, …)."""

    span: Span
    problems: tuple[Problem, ...]
    container: Container = Container.TOP
    block: int = 0
    joined: bool = False


Statement = Union[Command, Opaque, BadStatement]


@dataclass(frozen=True, slots=True)
class Comment:
    """A `//` comment; `span` covers the slashes to the end of the line."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class BlankSplit:
    """A blank line that splits a modelled command in two (Kusto Explorer sends two requests)."""

    span: Span
    command: Command


@dataclass(frozen=True, slots=True)
class Script:
    """A whole file: its statements in order, and every comment in it."""

    text: str
    statements: tuple[Statement, ...]
    comments: tuple[Comment, ...]
    blank_splits: tuple[BlankSplit, ...] = ()

    @property
    def commands(self) -> tuple[Command, ...]:
        return tuple(s for s in self.statements if isinstance(s, Command))
