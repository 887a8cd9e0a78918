"""The typed model rules see instead of parse trees: frozen dataclasses that carry spans."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Union

from kqllint.diagnostic import Fix, Span
from kqllint.policies.commands import Entity


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
    """An entity name (database, table, view, column, graph model): as written (`text`), its
    value, and its quoting. `*` is a name whose text and value are `*` (quoting PLAIN)."""

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


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a keyword form, or one `name = value` of a `with (...)` list.

    `hot = 7d` is name `hot`, value `7d`; a bare `enable` has no name; `hot_window =
    datetime(a) .. datetime(b)` has the value text `datetime(a) .. datetime(b)`; a roworder
    column `A asc` is name `A`, value `asc` (a column without a direction has the value text
    ``, an empty word where the direction belongs); a string literal (row_level_security's
    query, encoding's `'identifier'`) keeps its quotes in `value.text`. `span` covers the
    whole argument as written.
    """

    name: Word | None
    value: Word
    span: Span


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
    """A modelled policy command of any kind in the registry (`kqllint.policies`).

    When `problems` is not empty the command has syntax errors; the fields the parser could
    not read are None and the semantic rules skip it.

    `scope` is the entity keyword as written (`cluster`, `database`, `table`, `tables`,
    `materialized-view`, `external` of `external table`, `column`, `graph_model`);
    `scope_kind` is set for the cluster and database forms only (the ManagedIdentity rules
    read it). `entity` says which form the head is; `names` are the entity's names in order
    (`db`; `T`; `db`, `T`; `T1`, `T2`; `T`, `C`; `*`), and `database` the database name of
    `database db` and of `table db.T` (None otherwise).

    The argument is either one string literal (`argument`, and `payload` when it holds
    JSON), or a keyword form (`arguments`, in order). `with_options` is a `with (k = v, ...)`
    list after the payload (update) or inside row_level_security's form; `body` is the text
    after `<|` (request_classification), kept opaque.
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
    entity: Entity | None = None
    names: tuple[Name, ...] = ()
    arguments: tuple[Argument, ...] = ()
    with_options: tuple[Argument, ...] = ()
    body: Span | None = None
    entity_words: tuple[Word, ...] = ()  # every keyword of the entity: `external`, `table`

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
