"""Pure text differences as edits: formatting edits per statement, and line hunks within one."""

from __future__ import annotations

import difflib

from kqllint.diagnostic import Edit, Span
from kqllint.script import parse_script
from kqllint.source import LineIndex

_MAX_DIFF_WORK = 250_000  # lines x lines; about 0.1 s of difflib


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
    if len(old_mid) * len(new_mid) > _MAX_DIFF_WORK:  # difflib is quadratic: one hunk instead
        return [Edit(Span(starts[head] if head < len(starts) else len(old),
                          len(old) - sum(map(len, old_lines[len(old_lines) - tail:]))),
                     "".join(new_mid))]  # fmt: skip
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


def statement_edits(old: str, formatted: str) -> list[tuple[Span, list[Edit]]] | None:
    """For each statement of `old` that formatting changed: its span and the edits, in `old`.

    The formatter keeps the statements and rewrites only inside commands, so the statements of
    the two texts pair up in order, and diffing pair by pair is linear in the file's size (a line
    diff of the whole file is quadratic when, as in deployment scripts, lines repeat). None when
    the statements do not pair up.
    """
    olds = [s.span for s in parse_script(old).statements]
    news = [s.span for s in parse_script(formatted).statements]
    if len(olds) != len(news):
        return None
    olds.append(Span(len(old), len(old)))
    news.append(Span(len(formatted), len(formatted)))
    changed: list[tuple[Span, list[Edit]]] = []
    old_end = new_end = 0
    for o, n in zip(olds, news):
        for o_span, n_span in ((Span(old_end, o.start), Span(new_end, n.start)), (o, n)):
            before, after = old[o_span.start:o_span.end], formatted[n_span.start:n_span.end]
            if before != after:
                shift = o_span.start
                edits = [Edit(Span(e.span.start + shift, e.span.end + shift), e.content)
                         for e in diff_edits(before, after)]  # fmt: skip
                changed.append((o_span, edits))
        old_end, new_end = o.end, n.end
    return changed


def script_edits(old: str, new: str) -> list[Edit]:
    """The edits, a few lines each, that turn `old` into `new` (formatted, or fixed)."""
    pairs = statement_edits(old, new)
    if pairs is None:
        return diff_edits(old, new)
    return [e for _, edits in pairs for e in edits]


def range_edits(old: str, formatted: str, selection: Span) -> list[Edit]:
    """The formatting edits of the statements `selection` touches (only commands ever change).

    The whole text is formatted (the formatter needs the whole script) and each command is
    formatted whole or not at all; a selection that touches no command changes nothing.
    """
    pairs = statement_edits(old, formatted)
    if pairs is None:
        return []  # the formatter broke its promise to keep the statements; format nothing
    return [e for span, edits in pairs if _touches(span, selection) for e in edits]
