"""One edit machinery for every rule's fix: apply non-overlapping fixes, re-lint, repeat."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kqllint.config import Config
from kqllint.diagnostic import Applicability, Diagnostic, Edit, Fix
from kqllint.linter import lint_text
from kqllint.model import BadStatement, Command
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
    chosen: list[Edit] = []
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
        if not _valid(edits, len(text)) or any(_conflict(a, b) for a in edits for b in chosen):
            continue
        chosen.extend(edits)
        taken.add(d.fix)
        fixed += 1
    return _apply(text, chosen), fixed


def fix_text(text: str, path: str | None = None, config: Config | None = None, unsafe: bool = False) -> FixOutcome:
    """Lint, apply the fixes, re-lint, until no fix applies (at most `MAX_PASSES` passes).

    A pass that would leave more statements with syntax errors than before is undone and ends
    the fixing: a fix must never break a command kqllint could read. (A command that was
    already broken may show more errors once a fix lets the parser read further.)
    """
    diagnostics = lint_text(text, path, config)
    broken = _broken_statements(text)
    fixed = 0
    for _ in range(MAX_PASSES):
        new, count = apply_fixes(text, diagnostics, unsafe)
        if count == 0 or new == text:
            break
        now_broken = _broken_statements(new)
        if now_broken > broken:
            break
        text, diagnostics, fixed, broken = new, lint_text(new, path, config), fixed + count, now_broken
    return FixOutcome(text, fixed, diagnostics)


def _broken_statements(text: str) -> int:
    return sum(isinstance(s, (Command, BadStatement)) and bool(s.problems) for s in parse_script(text).statements)


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
