"""The typed model rules see instead of parse trees: immutable value classes that carry spans.

Plain classes with `__slots__` and a hand-written `__init__` (`_Node` gives them `==`, `hash`
and `repr` over their fields, as a dataclass would), not frozen dataclasses. Nothing assigns to
a node after it is built; that is a convention, no longer enforced. Measured on CPython 3.11,
one process, best of 5, a three-field class:

| kind                                | class creation | one construction |
|-------------------------------------|---------------:|-----------------:|
| `@dataclass(frozen=True, slots=True)` |       580 us   |          630 ns  |
| `@dataclass(slots=True)`              |       335 us   |          240 ns  |
| plain class with `__slots__`          |         6 us   |          230 ns  |

A frozen `__init__` goes through `object.__setattr__` for every field, and a 1 MB script
builds about 100,000 JSON nodes; the 18 classes below cost 13 ms of every start-up as frozen
dataclasses. `Command` stays a dataclass (not frozen): one per command, so construction does
not dominate, and callers copy it with `dataclasses.replace`. `Diagnostic`, `Fix` and `Edit`
(kqllint/diagnostic.py) stay frozen dataclasses: they are few, hashed and replaced.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Union

from kqllint.diagnostic import Fix, Span
from kqllint.policies.commands import Entity


class _Node:
    """Value semantics over `__slots__`: equal when of one class with equal fields."""

    __slots__ = ()

    def _fields(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Verb(str, enum.Enum):
    ALTER = "alter"
    ALTER_MERGE = "alter-merge"
    SHOW = "show"
    DELETE = "delete"
    CREATE_OR_ALTER = "create-or-alter"  # only `.create-or-alter workload_group` is modelled

    @property
    def takes_payload(self) -> bool:
        return self in (Verb.ALTER, Verb.ALTER_MERGE, Verb.CREATE_OR_ALTER)


class Scope(str, enum.Enum):
    CLUSTER = "cluster"
    DATABASE = "database"


class Word(_Node):
    """A keyword or name exactly as written (case kept) and where."""

    __slots__ = ("text", "span")
    text: str
    span: Span

    def __init__(self, text: str, span: Span) -> None:
        self.text = text
        self.span = span


class LiteralKind(str, enum.Enum):
    """The forms of a Kusto string literal (the `h`/`@` prefixes are flags, not kinds)."""

    SINGLE = "'"
    DOUBLE = '"'
    VERBATIM_SINGLE = "@'"
    VERBATIM_DOUBLE = '@"'
    BACKTICK = "```"
    TILDE = "~~~"


class StringLiteral(_Node):
    """A decoded string literal with the map from each value character back to the file.

    `offsets[i]` is the file offset of `value[i]` (and `offsets[len(value)]` the closing
    quote's); `offsets` is None when the value is a verbatim copy starting at `value_start`.
    """

    __slots__ = ("span", "kind", "obfuscated", "value", "value_start", "offsets")
    span: Span
    kind: LiteralKind
    obfuscated: bool
    value: str
    value_start: int
    offsets: tuple[int, ...] | None

    def __init__(self, span: Span, kind: LiteralKind, obfuscated: bool, value: str, value_start: int,
                 offsets: tuple[int, ...] | None = None) -> None:  # fmt: skip
        self.span = span
        self.kind = kind
        self.obfuscated = obfuscated
        self.value = value
        self.value_start = value_start
        self.offsets = offsets

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


class Name(_Node):
    """An entity name (database, table, view, column, graph model): as written (`text`), its
    value, and its quoting. `*` is a name whose text and value are `*` (quoting PLAIN)."""

    __slots__ = ("text", "value", "span", "quoting")
    text: str
    value: str
    span: Span
    quoting: NameQuoting

    def __init__(self, text: str, value: str, span: Span, quoting: NameQuoting) -> None:
        self.text = text
        self.value = value
        self.span = span
        self.quoting = quoting


# ---- the positioned JSON of a payload -------------------------------------------------


class JsonString(_Node):
    """A JSON string; `span` covers its quotes in the file.

    `char_offsets[i]` is the file offset of `value[i]` (an escaped character starts at its
    backslash), and `char_offsets[len(value)]` the closing quote's; None when the value sits
    verbatim right after the opening quote (no escapes anywhere on the way).
    """

    __slots__ = ("value", "span", "quote", "char_offsets")
    value: str
    span: Span
    quote: str  # '"' or "'" (lenient JSON)
    char_offsets: tuple[int, ...] | None

    def __init__(self, value: str, span: Span, quote: str, char_offsets: tuple[int, ...] | None = None) -> None:
        self.value = value
        self.span = span
        self.quote = quote
        self.char_offsets = char_offsets

    def sub_span(self, start: int, end: int) -> Span:
        """The file span of `value[start:end]`, through every escape."""
        if self.char_offsets is None:
            return Span(self.span.start + 1 + start, self.span.start + 1 + max(start, end))
        return Span(self.char_offsets[start], self.char_offsets[max(start, end)])


class JsonNumber(_Node):
    __slots__ = ("value", "text", "span")
    value: int | float
    text: str
    span: Span

    def __init__(self, value: int | float, text: str, span: Span) -> None:
        self.value = value
        self.text = text
        self.span = span


class JsonConstant(_Node):
    """`true`, `false` or `null`."""

    __slots__ = ("value", "text", "span")
    value: bool | None
    text: str
    span: Span

    def __init__(self, value: bool | None, text: str, span: Span) -> None:
        self.value = value
        self.text = text
        self.span = span


class JsonMember(_Node):
    __slots__ = ("key", "value")
    key: JsonString
    value: JsonValue

    def __init__(self, key: JsonString, value: JsonValue) -> None:
        self.key = key
        self.value = value


class JsonObject(_Node):
    __slots__ = ("members", "span")
    members: tuple[JsonMember, ...]
    span: Span

    def __init__(self, members: tuple[JsonMember, ...], span: Span) -> None:
        self.members = members
        self.span = span

    def get(self, key: str) -> JsonMember | None:
        """The last member named exactly `key` (the one a JSON reader keeps)."""
        for member in reversed(self.members):
            if member.key.value == key:
                return member
        return None


class JsonArray(_Node):
    __slots__ = ("items", "span")
    items: tuple[JsonValue, ...]
    span: Span

    def __init__(self, items: tuple[JsonValue, ...], span: Span) -> None:
        self.items = items
        self.span = span


JsonValue = Union[JsonObject, JsonArray, JsonString, JsonNumber, JsonConstant]


class JsonError(_Node):
    """Why the payload is not JSON, at the exact file position, and how to mend it."""

    __slots__ = ("message", "span", "help")
    message: str
    span: Span
    help: str | None

    def __init__(self, message: str, span: Span, help: str | None = None) -> None:
        self.message = message
        self.span = span
        self.help = help


class Payload(_Node):
    """The policy argument: its literal, and the JSON read from it (None if unreadable)."""

    __slots__ = ("literal", "value", "error", "trailing_commas", "single_quoted")
    literal: StringLiteral
    value: JsonValue | None
    error: JsonError | None
    trailing_commas: tuple[Span, ...]
    single_quoted: tuple[JsonString, ...]

    def __init__(self, literal: StringLiteral, value: JsonValue | None, error: JsonError | None = None,
                 trailing_commas: tuple[Span, ...] = (),
                 single_quoted: tuple[JsonString, ...] = ()) -> None:  # fmt: skip
        self.literal = literal
        self.value = value
        self.error = error
        self.trailing_commas = trailing_commas
        self.single_quoted = single_quoted


class Argument(_Node):
    """One argument of a keyword form, or one `name = value` of a `with (...)` list.

    `hot = 7d` is name `hot`, value `7d`; a bare `enable` has no name; `hot_window =
    datetime(a) .. datetime(b)` has the value text `datetime(a) .. datetime(b)`; a roworder
    column `A asc` is name `A`, value `asc` (a column without a direction has the value text
    ``, an empty word where the direction belongs); a string literal (row_level_security's
    query, encoding's `'identifier'`) keeps its quotes in `value.text`. `span` covers the
    whole argument as written.
    """

    __slots__ = ("name", "value", "span")
    name: Word | None
    value: Word
    span: Span

    def __init__(self, name: Word | None, value: Word, span: Span) -> None:
        self.name = name
        self.value = value
        self.span = span


# ---- statements ---------------------------------------------------------------------


class Problem(_Node):
    """A syntax problem the parser found; the syntax rule with `code` reports it."""

    __slots__ = ("code", "message", "span", "help", "fix")
    code: str
    message: str
    span: Span
    help: str | None
    fix: Fix | None

    def __init__(self, code: str, message: str, span: Span, help: str | None = None, fix: Fix | None = None) -> None:
        self.code = code
        self.message = message
        self.span = span
        self.help = help
        self.fix = fix


class Container(str, enum.Enum):
    """What a statement sits in: the top level or an `.execute … script <|` body."""

    TOP = "top"
    DATABASE_SCRIPT = "database-script"
    CLUSTER_SCRIPT = "cluster-script"


@dataclass(slots=True, unsafe_hash=True)
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


class Opaque(_Node):
    """A statement kqllint does not model (query, other command); never diagnosed or changed."""

    __slots__ = ("span", "is_command", "container", "block", "joined", "execute_scope")
    span: Span
    is_command: bool  # starts with `.`
    container: Container
    block: int
    joined: bool
    execute_scope: Scope | None  # set for `.execute database|cluster script <|`

    def __init__(self, span: Span, is_command: bool, container: Container = Container.TOP, block: int = 0,
                 joined: bool = False, execute_scope: Scope | None = None) -> None:  # fmt: skip
        self.span = span
        self.is_command = is_command
        self.container = container
        self.block = block
        self.joined = joined
        self.execute_scope = execute_scope


class BadStatement(_Node):
    """A statement that cannot be read at all (a bare `.`, an unterminated string, …)."""

    __slots__ = ("span", "problems", "container", "block", "joined")
    span: Span
    problems: tuple[Problem, ...]
    container: Container
    block: int
    joined: bool

    def __init__(self, span: Span, problems: tuple[Problem, ...], container: Container = Container.TOP,
                 block: int = 0, joined: bool = False) -> None:  # fmt: skip
        self.span = span
        self.problems = problems
        self.container = container
        self.block = block
        self.joined = joined


Statement = Union[Command, Opaque, BadStatement]


class Comment(_Node):
    """A `//` comment; `span` covers the slashes to the end of the line."""

    __slots__ = ("text", "span")
    text: str
    span: Span

    def __init__(self, text: str, span: Span) -> None:
        self.text = text
        self.span = span


class BlankSplit(_Node):
    """A blank line that splits a modelled command in two (Kusto Explorer sends two requests)."""

    __slots__ = ("span", "command")
    span: Span
    command: Command

    def __init__(self, span: Span, command: Command) -> None:
        self.span = span
        self.command = command


class Script(_Node):
    """A whole file: its statements in order, and every comment in it."""

    __slots__ = ("text", "statements", "comments", "blank_splits")
    text: str
    statements: tuple[Statement, ...]
    comments: tuple[Comment, ...]
    blank_splits: tuple[BlankSplit, ...]

    def __init__(self, text: str, statements: tuple[Statement, ...], comments: tuple[Comment, ...],
                 blank_splits: tuple[BlankSplit, ...] = ()) -> None:  # fmt: skip
        self.text = text
        self.statements = statements
        self.comments = comments
        self.blank_splits = blank_splits

    @property
    def commands(self) -> tuple[Command, ...]:
        return tuple(s for s in self.statements if isinstance(s, Command))
