"""Pure text differences as edits: whole-line hunks, and the hunks a range formatting keeps."""

from __future__ import annotations

import difflib

from kqllint.diagnostic import Edit, Span
from kqllint.model import Command
from kqllint.script import parse_script
from kqllint.source import LineIndex


def _lines(text: str) -> tuple[list[str], list[int]]:
    """The lines of `text` with their line breaks, and where each starts."""
    starts = LineIndex(text).starts
    ends = starts[1:] + [len(text)]
    return [text[a:b] for a, b in zip(starts, ends)], starts


def diff_edits(old: str, new: str) -> list[Edit]:
    """Non-overlapping edits, one per changed run of whole lines, that turn `old` into `new`.

    Whole-line hunks rather than one whole-document edit keep the client's cursor, folds and
    marks where nothing changed.
    """
    if old == new:
        return []
    old_lines, starts = _lines(old)
    new_lines, _ = _lines(new)
    head = 0  # the common first lines are skipped before difflib sees the rest (speed)
    while head < min(len(old_lines), len(new_lines)) and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while (tail < min(len(old_lines), len(new_lines)) - head
           and old_lines[-1 - tail] == new_lines[-1 - tail]):  # fmt: skip
        tail += 1
    old_mid = old_lines[head:len(old_lines) - tail]
    new_mid = new_lines[head:len(new_lines) - tail]
    matcher = difflib.SequenceMatcher(None, old_mid, new_mid, autojunk=False)

    def offset(i: int) -> int:
        return starts[head + i] if head + i < len(starts) else len(old)

    return [Edit(Span(offset(i1), offset(i2)), "".join(new_mid[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]  # fmt: skip


def _touches(a: Span, b: Span) -> bool:
    """Overlap, where an empty span (a cursor, an insertion) touches what contains it."""
    if not len(a) or not len(b):
        return a.start <= b.end and b.start <= a.end
    return a.overlaps(b)


def command_spans(text: str, selection: Span) -> list[Span]:
    """The spans of the modelled commands `selection` touches."""
    return [s.span for s in parse_script(text).statements
            if isinstance(s, Command) and _touches(s.span, selection)]  # fmt: skip


def range_edits(text: str, formatted: str, selection: Span) -> list[Edit]:
    """The formatting edits for the modelled commands `selection` touches.

    The whole text is formatted (the formatter needs the whole script), then only the line hunks
    that touch those commands are kept: a command is formatted whole or not at all, and a
    selection that touches no command changes nothing. Commands are separated by at least one
    line the formatter leaves alone, so a hunk belongs to one command; only two commands written
    on adjacent lines, both changed, share a hunk and are formatted together.
    """
    wanted = command_spans(text, selection)
    return [e for e in diff_edits(text, formatted) if any(_touches(e.span, c) for c in wanted)]
