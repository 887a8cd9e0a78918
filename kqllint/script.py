"""Split a script into statements and model the policy commands among them.

Which statements are policy commands is decided from the registry of policy kinds
(`kqllint.policies`): a head naming a registered kind, or a near miss of one (a misspelt kind,
entity or `policy`), goes to the parser; every other statement stays opaque.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from kqllint.command import Place, parse_command
from kqllint.diagnostic import Span
from kqllint import _terminals
from kqllint.model import (
    BadStatement,
    BlankSplit,
    Command,
    Comment,
    Container,
    Opaque,
    Problem,
    Scope,
    Script,
    Statement,
    Word,
)
from kqllint.suggest import is_near

_GAP = r"(?:\s|//[^\r\n]*(?![^\r\n]))*"  # white space, line breaks and comments, as Kusto allows between words
_VERB = re.compile(r"\." + _GAP + r"(alter-merge|alter|show|delete)(?![\w-])", re.I)
_HEAD_WORD = re.compile(r"//[^\r\n]*|\[[^\[\]\r\n]*\]|\{[^}\r\n]*\}|[\w.-]+|[^\s\w]")
# The workload group's commands have no `policy` word: `.create-or-alter workload_group G '{}'`
# (and `.alter workload_group`, read to report that Kusto has no such command).
_GROUP = re.compile(r"\." + _GAP + r"(create-or-alter|alter-merge|alter)(?![\w-])" + _GAP + r"workload_group(?![\w-])",
                    re.I)  # fmt: skip
_EXECUTE = re.compile(r"\." + _GAP + r"execute\s+(database|cluster)\s+script\b", re.I)
_INDENT = re.compile(r"[ \t\f\v]*")
_DOT_ONLY = re.compile(r"\.(?!" + _GAP + r"[A-Za-z_])")
_NAME = r"(?:[\w\[\]'\"{}*-]+|\s*\[[^\]\r\n]*\])"
# One character or bracketed part at a time: `(?:[\w*.-]+|...)+` backtracked exponentially on a
# long name not followed by `policy` (3 s for a 22-character one).
_PATH = r"(?:[\w*.-]|\[[^\]\r\n]*\])+"
# The entity part of a well-formed head: the head syntax, the same for every kind.
_ENTITY = (
    r"(?:cluster|database(?:\s+" + _NAME + r")?|tables\s*\([^()\r\n]*\)"
    r"|(?:table|materialized-view|column|graph_model|external\s+table)\s+" + _PATH + ")"
)
# The words a near miss of an entity keyword is measured against.
_ENTITY_WORDS = ("cluster", "database", "table", "tables", "materialized-view", "external", "column", "graph_model")
_DOT_HINT = re.compile("policy", re.I)  # a head holds it: a search five times faster than the head regex


@functools.lru_cache(maxsize=1)
def _kind_names() -> tuple[str, ...]:
    from kqllint.policies import POLICY_KINDS_BY_NAME

    return tuple(sorted(POLICY_KINDS_BY_NAME, key=lambda k: (-len(k), k)))


@functools.lru_cache(maxsize=1)
def _exact_head() -> re.Pattern[str]:
    """The usual, correctly spelled head of any registered kind: accepted without the
    word-by-word near-miss check, which cost a third of the script pass on the benchmark corpus."""
    kinds = "|".join(re.escape(k) for k in _kind_names())
    return re.compile(r"\s+" + _ENTITY + r"\s+policy\s+(?:" + kinds + r")(?![\w-])", re.I)


@functools.lru_cache(maxsize=1)
def _dotless() -> re.Pattern[str]:
    """A policy command written without its `.`: Kusto reads it as a query."""
    return re.compile(r"(alter-merge|alter|show|delete)" + _exact_head().pattern, re.I)


_DOT_KINDS = ("dot", "stray")


class _Line(NamedTuple):
    """A logical line. A named tuple, not a frozen dataclass: cheaper to build, which took the
    line pass (`_lines` and `_group`) over the 1 MB corpora 8-14% faster."""

    start: int
    end: int
    block: int
    kind: str  # "comment", "dot" (starts a command), "stray" (another line starting with `.`) or "other"


@functools.lru_cache(maxsize=1)
def _line_regex() -> re.Pattern[str]:
    return re.compile(_terminals.SCRIPT_LINE)


@functools.lru_cache(maxsize=1)
def _command_start() -> re.Pattern[str]:
    return re.compile(_terminals.SCRIPT_COMMAND_START)


@functools.lru_cache(maxsize=1)
def _item_regex() -> re.Pattern[str]:
    return re.compile(_terminals.SCRIPT_ITEM)


def parse_script(text: str, payloads: bool = True) -> Script:
    """The model of a whole script: statements in order, every comment, and blank splits.

    `payloads=False` leaves each command's `payload` unread (see `command.with_payload`).
    """
    lines, comments = _lines(text)
    groups = _group(lines, text)
    statements: list[Statement] = []
    splits: list[BlankSplit] = []
    skip = False
    for i, (first, last, container, joined) in enumerate(groups):
        if skip:
            skip = False
            continue
        stmt = _statement(text, first, last, container, joined, comments, payloads)
        if isinstance(stmt, Command) and stmt.broken and i + 1 < len(groups):
            merged = _merge_split(text, stmt, groups[i + 1], payloads)
            if merged is not None:
                stmt, split = merged
                splits.append(split)
                skip = True
        statements.append(stmt)
    return Script(text, tuple(statements), tuple(comments), tuple(splits))


def _lines(text: str) -> tuple[list[_Line], list[Comment]]:
    """Logical lines with their block number (blank lines separate blocks), and comments."""
    lines: list[_Line] = []
    comments: list[Comment] = []
    append = lines.append
    block, previous_end = 0, 0
    command_start = _command_start().match
    # The loop body runs once a line (12,000 lines a MB): the first character is read once and the
    # indent measured only when there is one, which took the pass from 45 to 41 ms a MB.
    for m in _line_regex().finditer(text):
        start, end = m.span()
        if lines and start - previous_end > 1 and _has_blank_line(text, previous_end, start):
            block += 1
        first = start
        c = text[start]
        if c in " \t\f\v":
            first = _INDENT.match(text, start, end).end()  # no slicing: a line may hold a 10 KB policy
            c = text[first]
        if c == ".":
            kind = "dot" if command_start(text, first) else "stray"
        else:
            kind = "comment" if c == "/" and text.startswith("//", first) else "other"
        append(_Line(first, end, block, kind))
        if kind == "comment":  # the whole line: a comment runs to the end of its line
            comments.append(Comment(text[first:end], Span(first, end)))
        elif text.find("//", first, end) >= 0:
            comments.extend(_comments_in(text, start, end))
        previous_end = end
    return lines, comments


def script_dotless_verbs(script: Script) -> Iterator[Word]:
    """The dotless verbs (`dotless_verbs`) of every opaque statement of `script`.

    `policy` is looked for in one lowercased copy with a plain `find` per statement instead of a
    case-insensitive regex search in each: 2 ms a MB instead of 10, most statements holding no
    `policy` at all. Where lowercasing changes the length (a few letters, such as `İ`), offsets
    would not match: then every statement is searched as before.
    """
    text = script.text
    low = text.lower()
    same_offsets = len(low) == len(text)
    for statement in script.statements:
        if type(statement) is not Opaque:
            continue
        if same_offsets and low.find("policy", statement.span.start, statement.span.end) < 0:
            continue
        yield from dotless_verbs(text, statement.span)


def dotless_verbs(text: str, span: Span) -> list[Word]:
    """The verbs of policy commands written without their `.` at the start of a
    logical line in `span` (a line inside a multi-line string does not count)."""
    if not _DOT_HINT.search(text, span.start, span.end):
        return []  # the usual case: no line of the statement can hold such a head
    found = []
    dotless = _dotless()
    for m in _line_regex().finditer(text, span.start, span.end):
        first = _INDENT.match(text, m.start(), m.end()).end()
        head = dotless.match(text, first, span.end)
        if head:
            found.append(Word(head.group(1), Span(head.start(1), head.end(1))))
    return found


def _has_blank_line(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2


def _comments_in(text: str, start: int, end: int) -> list[Comment]:
    return [
        Comment(m.group(), Span(m.start(), m.end()))
        for m in _item_regex().finditer(text, start, end)
        if m.group().startswith("//")
    ]


def _group(lines: list[_Line], text: str) -> list[tuple[_Line, _Line, Container, bool]]:
    """Group lines into statements: (first line, last line, container, joined)."""
    groups: list[tuple[_Line, _Line, Container, bool]] = []
    current: list[_Line] = []
    container = Container.TOP

    def flush() -> None:
        if current:
            code = [ln for ln in current if ln.kind != "comment"]
            last = code[-1] if code else current[-1]
            joined = bool(groups) and groups[-1][1].block == current[0].block and container is Container.TOP
            groups.append((current[0], last, container, joined))
            current.clear()

    for line in lines:
        new_block = not current or current[-1].block != line.block
        if new_block:
            flush()
            container = Container.TOP
        if line.kind == "comment" and not current:
            continue  # comments between statements belong to none
        if line.kind in _DOT_KINDS and _starts_statement(text, line, current, container):
            opener = current[0]
            flush()
            container = _execute_container(text, opener, container)
        current.append(line)
    flush()
    return groups


def _starts_statement(text: str, line: _Line, current: list[_Line], container: Container) -> bool:
    """Whether `line`, which starts with `.`, starts a new statement in the block whose lines
    so far are `current`.

    At the top level a line starting a control command does (Kusto would send both statements
    as one request, which the command rules report); a line such as `...` or `.5` is text of
    the statement it is in. In an `.execute … script` body every line starting with `.` does.
    """
    if not any(ln.kind != "comment" for ln in current):
        return False
    return line.kind == "dot" or _execute_container(text, current[0], container) is not Container.TOP


def _execute_container(text: str, opener: _Line, container: Container) -> Container:
    m = _EXECUTE.match(text, opener.start)
    if not m:
        return container
    return Container.DATABASE_SCRIPT if m.group(1).lower() == "database" else Container.CLUSTER_SCRIPT


def _statement(text: str, first: _Line, last: _Line, container: Container, joined: bool,
               comments: list[Comment], payloads: bool) -> Statement:  # fmt: skip
    start, end = first.start, last.end
    if first.kind == "comment":  # a block of only comments
        return Opaque(Span(start, end), False, container, first.block, joined)
    if first.kind == "other":
        return Opaque(Span(start, end), False, container, first.block, joined)
    if _DOT_ONLY.match(text, start):
        problem = Problem("S011", "expected a command name after `.`", Span(start, start + 1),
                          "a control command starts with `.` and its verb, e.g. `.show`")
        return BadStatement(Span(start, end), (problem,), container, first.block, joined)
    verb = _modelled_verb(text, start, end)
    if verb is None:
        execute = _EXECUTE.match(text, start)
        scope = None if not execute else Scope(execute.group(1).lower())
        return Opaque(Span(start, end), True, container, first.block, joined, scope)
    return parse_command(text[start:end], start, verb, payloads, Place(container, first.block, joined, comments))


def _modelled_verb(text: str, start: int, end: int) -> Word | None:
    """The verb, when the statement is a (possibly misspelled) policy command of a registered kind."""
    m = _VERB.match(text, start)
    if m and _exact_head().match(text, m.end(), end):
        return Word(m.group(1), Span(m.start(1), m.end(1)))
    group = _GROUP.match(text, start, end)  # anchored: fails at the verb or the word after it
    if group:
        return Word(group.group(1), Span(group.start(1), group.end(1)))
    if not m:
        return None
    verb = Word(m.group(1), Span(m.start(1), m.end(1)))
    words = []
    for w in _HEAD_WORD.finditer(text, m.end(), min(end, m.end() + 400)):
        word = w.group()
        if word[0] == "[" or word[0] == "{" or word[0].isalnum() or word[0] in "_-.":
            words.append(word)  # comments and punctuation (`/*`, quotes) are not words
        if len(words) >= 8:
            break
    if words[:1] and words[0].lower() == "merge":
        words = words[1:]
    # Other commands end here: few have a word near `policy`, and the kinds' lengths rule out
    # most words without an edit distance.
    if not any(is_near(w, "policy") for w in words) or not any(_near_kind(w) for w in words):
        return None
    return verb if any(is_near(w, e) for w in words[:3] for e in _ENTITY_WORDS) else None


def _near_kind(word: str) -> bool:
    word = word.replace("-", "_")
    return any(is_near(word, kind) for kind in _kind_names())


def _merge_split(text: str, command: Command, nxt: tuple[_Line, _Line, Container, bool],
                 payloads: bool) -> tuple[Command, BlankSplit] | None:  # fmt: skip
    """A command cut in two by a blank line: the whole command, and where the blank line is."""
    first, last, _, _ = nxt
    if first.kind != "other" or first.block != _block_after(command):
        return None
    place = Place(command.container, command.block, command.joined)
    whole = parse_command(text[command.span.start : last.end], command.span.start, command.verb, payloads, place)
    if whole.broken:
        return None
    return whole, BlankSplit(Span(command.span.end, first.start), whole)


def _block_after(command: Command) -> int:
    return command.block + 1
