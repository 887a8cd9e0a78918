"""One edit machinery for every rule's fix: apply non-overlapping fixes, re-lint, repeat."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from kqllint.config import Config
from kqllint.diagnostic import Applicability, Diagnostic, Edit, Fix
from kqllint.linter import lint_script
from kqllint.model import BadStatement, Command, Script
from kqllint.script import parse_script

# Each pass applies every fix that does not touch another; overlapping ones wait for the next
# pass, on re-linted text. Ruff allows 100 passes; a script needs a handful.
MAX_PASSES = 20


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """The fixed text, how many findings were fixed, and the findings that remain in it."""

    text: str
    fixed: int
    remaining: list[Diagnostic] = field(default_factory=list)


def applicable(diagnostic: Diagnostic, unsafe: bool = False) -> bool:
    """Whether `check --fix` (with `--unsafe-fixes` when `unsafe`) applies this finding's fix."""
    fix = diagnostic.fix
    return fix is not None and bool(fix.edits) and (unsafe or fix.applicability is Applicability.SAFE)


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """Apply, in one pass, every applicable fix that overlaps no fix taken before it (in order
    of position); return the new text and how many findings were fixed."""
    chosen = _Chosen()
    taken: set[Fix] = set()
    fixed = 0
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        if not applicable(d, unsafe):
            continue
        assert d.fix is not None
        if d.fix in taken:  # the same fix offered by two findings mends both
            fixed += 1
            continue
        edits = sorted(d.fix.edits, key=lambda e: (e.span.start, e.span.end))
        if not _valid(edits, len(text)) or any(chosen.conflicts(e) for e in edits):
            continue
        for edit in edits:
            chosen.add(edit)
        taken.add(d.fix)
        fixed += 1
    return _apply(text, chosen.edits), fixed


class _Chosen:
    """The edits taken so far, sorted by start: they never overlap, so a new edit need only be
    compared with its neighbours (linear, not quadratic, in the number of findings)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.edits: list[Edit] = []

    def conflicts(self, edit: Edit) -> bool:
        i = bisect.bisect_right(self.starts, edit.span.end)
        while i > 0 and self.edits[i - 1].span.end >= edit.span.start:
            if _conflict(self.edits[i - 1], edit):
                return True
            i -= 1
        return False

    def add(self, edit: Edit) -> None:
        i = bisect.bisect_right(self.starts, edit.span.start)
        self.starts.insert(i, edit.span.start)
        self.edits.insert(i, edit)


def fix_text(text: str, path: str | None = None, config: Config | None = None, unsafe: bool = False) -> FixOutcome:
    """Lint, apply the fixes, re-lint, until no fix applies (at most `MAX_PASSES` passes).

    A pass that would leave more statements with syntax errors than before is undone and ends
    the fixing: a fix must never break a command kqllint could read. (A command that was
    already broken may show more errors once a fix lets the parser read further.)
    """
    script = parse_script(text)
    diagnostics = lint_script(script, path, config)
    fixed = 0
    for _ in range(MAX_PASSES):
        new, count = apply_fixes(text, diagnostics, unsafe)
        if count == 0 or new == text:
            break
        after = parse_script(new)
        if _broken_statements(after) > _broken_statements(script):
            break
        text, script, diagnostics, fixed = new, after, lint_script(after, path, config), fixed + count
    return FixOutcome(text, fixed, diagnostics)


def _broken_statements(script: Script) -> int:
    return sum(isinstance(s, (Command, BadStatement)) and bool(s.problems) for s in script.statements)


def _valid(edits: list[Edit], length: int) -> bool:
    """A fix's own edits must fit the text and not overlap each other."""
    if any(e.span.end > length for e in edits):
        return False
    return not any(_conflict(a, b) for a, b in zip(edits, edits[1:]))


def _conflict(a: Edit, b: Edit) -> bool:
    """Edits overlap, or touch where their order would matter (an insertion at the other's edge)."""
    if a.span.start < b.span.end and b.span.start < a.span.end:
        return True
    if len(a.span) == 0 or len(b.span) == 0:
        return a.span.start <= b.span.end and b.span.start <= a.span.end
    return False


def _apply(text: str, edits: list[Edit]) -> str:
    out, last = [], 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        out.append(text[last : edit.span.start])
        out.append(edit.content)
        last = edit.span.end
    out.append(text[last:])
    return "".join(out)
