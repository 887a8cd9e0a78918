"""Inline suppressions in Kusto comments (`// kqllint: ignore[CODE]` and friends): a pure filter.

A rule is named by its code (`P010`) or its kebab-case name (`unknown-usage`).

- `// kqllint: ignore[CODE, ...]` on the line before a statement (other comment lines may sit
  between them, blank lines may not) or at the end of its first line (or of its last line,
  where the formatter leaves a trailing comment after splitting a command) covers it;
- `// kqllint: ignore-file[CODE, ...]` anywhere covers the whole file;
- `// kqllint: disable[CODE, ...]` covers from there to `// kqllint: enable[CODE, ...]` (or
  to the end of the file).

`// kqllint: context=cluster` (or `context=database`) before the first statement is not a
suppression: it says where the script runs (`file_context`), over the configuration's `context`.

Suppressions that suppress nothing are reported as `M001`, malformed ones and unknown codes as
`M002`; these two can be suppressed by `ignore-file` and `disable` but are never judged unused.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from kqllint import lazy_re
from kqllint.config import CONTEXTS, RENAMED
from kqllint.diagnostic import Diagnostic, Edit, Fix, Span
from kqllint.model import Comment, Script, Statement
from kqllint.rules import RULES_BY_CODE
from kqllint.rules._rule import Finding
from kqllint.source import LineIndex
from kqllint.suggest import did_you_mean

KINDS = ("ignore", "ignore-file", "disable", "enable")
UNUSED, INVALID = "M001", "M002"
_PREFIX = lazy_re.compile(r"//\s*kqllint\s*:", re.I)
_DIRECTIVE = lazy_re.compile(r"\s*(?P<kind>[\w-]*)\s*(?:\[(?P<codes>[^\]\r\n]*)\])?")
_CODE = lazy_re.compile(r"[^,\s]+")
_LINE_BREAK = lazy_re.compile(r"\r\n|\r|\n")
_CONTEXT = lazy_re.compile(r"\s*context(?![\w-])\s*(?:=\s*(?P<value>\S*))?")
_CONTEXT_SYNTAX = "`// kqllint: context=database` (or `context=cluster`) before the first statement"
_SYNTAX = "`// kqllint: ignore[CODE, ...]` (or `ignore-file`, `disable`, `enable`)"
# Every word a suppression may name: a code, a rule name, or a renamed code or name (`P019`).
_CODE_OF = {**RENAMED, **{code: code for code in RULES_BY_CODE}, **{r.name: r.code for r in RULES_BY_CODE.values()}}
_META = frozenset({UNUSED, INVALID})


@dataclass(eq=False)
class _Directive:
    """One well-formed suppression comment and what became of its codes."""

    kind: str
    comment: Comment
    bracket: Span  # the text between `[` and `]`
    written: tuple[tuple[str, Span], ...]  # every code or name as written, unknown ones too
    used: set[str] = field(default_factory=set)
    placed: bool = True  # False: an `ignore` on no statement
    pairs: dict[str, _Directive] = field(default_factory=dict)  # enable: code -> its disable

    @property
    def known(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_CODE_OF[c] for c, _ in self.written if c in _CODE_OF))


class _Cover(NamedTuple):  # not a dataclass: start-up (kqllint/files.py)
    start: int
    end: int
    directive: _Directive


def apply_suppressions(script: Script, diagnostics: list[Diagnostic], enabled: Callable[[str], bool]) -> list[Diagnostic]:
    """`diagnostics` without the suppressed ones, plus the `M` findings (those `enabled` allows)."""
    if not any("kqllint" in c.text for c in script.comments):
        return diagnostics  # the common case: no suppression comments at all
    directives, invalid = _parse(script)
    invalid += _context_directives(script)[1]
    covers = _coverage(script, directives)
    kept = [d for d in diagnostics if not _covered(d, covers, mark=True)]
    meta = invalid + [d for directive in directives if (d := _unused(script, directive, enabled))]
    return kept + [d for d in meta if enabled(d.code) and not _covered(d, covers, mark=False)]


# ---- reading the comments -------------------------------------------------------------


def _parse(script: Script) -> tuple[list[_Directive], list[Diagnostic]]:
    directives, invalid = [], []
    for comment in script.comments:
        head = _PREFIX.match(comment.text)
        if head is None or _CONTEXT.match(comment.text, head.end()):
            continue
        m = _DIRECTIVE.match(comment.text, head.end())
        if m is None or m["kind"] not in KINDS or m["codes"] is None or not _CODE.search(m["codes"]):
            invalid.append(_malformed(comment, m["kind"] if m else ""))
            continue
        base = comment.span.start + m.start("codes")
        written = tuple((c.group(), Span(base + c.start(), base + c.end())) for c in _CODE.finditer(m["codes"]))
        invalid += [_unknown(code, span) for code, span in written if code not in _CODE_OF]
        bracket = Span(base, base + len(m["codes"]))
        directives.append(_Directive(m["kind"], comment, bracket, written))
    return directives, invalid


def _malformed(comment: Comment, kind: str) -> Diagnostic:
    near = did_you_mean(kind, KINDS) if kind else None
    if kind in KINDS:
        message, help = f"`{kind}` needs at least one rule code in brackets", f"write {_SYNTAX}"
    else:
        message = "malformed suppression comment"
        help = f"did you mean `{near}`?" if near else f"write {_SYNTAX}"
    return RULES_BY_CODE[INVALID].diagnostic(Finding(comment.span, message, help))


def _unknown(code: str, span: Span) -> Diagnostic:
    near = did_you_mean(code, _CODE_OF)
    help = f"did you mean `{near}`?" if near else "`kqllint rule --all` lists the rule codes and names"
    return RULES_BY_CODE[INVALID].diagnostic(Finding(span, f"unknown rule `{code}` in a suppression", help))


# ---- where the script runs ----------------------------------------------------------


def file_context(script: Script) -> str | None:
    """Where the script runs by its `// kqllint: context=...` directive, None without one."""
    if not any("kqllint" in c.text for c in script.comments):
        return None
    return _context_directives(script)[0]


def _context_directives(script: Script) -> tuple[str | None, list[Diagnostic]]:
    """The context the first well-placed directive sets, and the problems of every directive."""
    found: str | None = None
    problems: list[Diagnostic] = []
    first = min((s.span.start for s in script.statements), default=len(script.text))
    for comment in script.comments:
        head = _PREFIX.match(comment.text)
        m = _CONTEXT.match(comment.text, head.end()) if head else None
        if m is None:
            continue
        value, span = m["value"], comment.span
        if not value:
            message, help = "`context` needs a value", f"write {_CONTEXT_SYNTAX}"
        elif value not in CONTEXTS:
            near = did_you_mean(value, CONTEXTS)
            span = Span(comment.span.start + m.start("value"), comment.span.start + m.end("value"))
            message, help = f"unknown context `{value}`", f"did you mean `{near}`?" if near else f"write {_CONTEXT_SYNTAX}"
        elif comment.span.start > first:
            message = "`context` directive after the first statement"
            help = "move it to the top of the file: kqllint reads it only before the first statement"
        elif found is not None:
            message, help = "a second `context` directive", f"keep one: the first (`context={found}`) is used"
        else:
            found = value
            continue
        problems.append(RULES_BY_CODE[INVALID].diagnostic(Finding(span, message, help)))
    return found, problems


# ---- what each directive covers -------------------------------------------------------


def _coverage(script: Script, directives: list[_Directive]) -> dict[str, list[_Cover]]:
    covers: dict[str, list[_Cover]] = {}
    end = len(script.text)
    open_ranges: dict[str, _Directive] = {}
    finder = _StatementFinder(script)
    for d in directives:
        if d.kind == "ignore-file":
            ranges = [(code, 0, end, d) for code in d.known]
        elif d.kind == "ignore":
            statement = finder.statement_of(d.comment)
            d.placed = statement is not None
            ranges = [(code, statement.span.start, statement.span.end, d) for code in d.known] if statement else []
        elif d.kind == "disable":
            ranges = []
            for code in d.known:
                open_ranges.setdefault(code, d)  # disabling again changes nothing: it stays unused
        else:
            d.pairs = {code: open_ranges.pop(code) for code in d.known if code in open_ranges}
            ranges = [(code, start.comment.span.end, d.comment.span.start, start) for code, start in d.pairs.items()]
        for code, start, stop, directive in ranges:
            covers.setdefault(code, []).append(_Cover(start, stop, directive))
    for code, start in open_ranges.items():
        covers.setdefault(code, []).append(_Cover(start.comment.span.end, end, start))
    return covers


class _StatementFinder:
    """Which statement an `ignore` comment sits before, or on the first line of."""

    def __init__(self, script: Script) -> None:
        self.text = script.text
        self.statements = sorted(script.statements, key=lambda s: s.span.start)
        self.starts = [s.span.start for s in self.statements]
        self.index = LineIndex(script.text)

    def statement_of(self, comment: Comment) -> Statement | None:
        line, _ = self.index.line_col(comment.span.start)
        line_start = self.index.starts[line - 1]
        at = bisect.bisect_left(self.starts, comment.span.start)
        if self.text[line_start : comment.span.start].strip(" \t"):  # at the end of a line
            before = self.statements[at - 1] if at else None
            if before is None:
                return None
            # its first line, or its last: the formatter moves a comment there when it splits a command
            first = before.span.start >= line_start
            last = line_start <= before.span.end <= comment.span.start
            return before if first or last else None
        if at == len(self.statements):
            return None
        following = self.statements[at]
        lines = _LINE_BREAK.split(self.text[comment.span.end : following.span.start])
        between_ok = all(part.strip(" \t").startswith("//") for part in lines[1:-1])
        return following if len(lines) >= 2 and not lines[-1].strip(" \t") and between_ok else None


def _covered(d: Diagnostic, covers: dict[str, list[_Cover]], *, mark: bool) -> bool:
    hit = False
    for cover in covers.get(d.code, ()):
        if cover.start <= d.span.start <= cover.end:
            hit = True
            if not mark:
                break
            cover.directive.used.add(d.code)
    return hit


# ---- suppressions that suppress nothing -----------------------------------------------


def _is_unused(d: _Directive, code: str) -> bool:
    if d.kind == "enable":
        start = d.pairs.get(code)
        return start is None or _is_unused(start, code)
    return code not in d.used


def _unused(script: Script, d: _Directive, enabled: Callable[[str], bool]) -> Diagnostic | None:
    rule = RULES_BY_CODE[UNUSED]
    if not d.placed:
        message = "`ignore` is on no statement: put it on the line before a command, or at the end of its first line"
        help = "use `ignore-file[...]` to cover the whole file"
        return rule.diagnostic(Finding(d.comment.span, message, help))
    judged = [c for c in d.known if c not in _META and enabled(c)]
    unused = [c for c in judged if _is_unused(d, c)]
    if not unused:
        return None
    written = {_CODE_OF[word]: word for word, _ in reversed(d.written) if word in _CODE_OF}
    names = ", ".join(f"`{written.get(c, c)}`" for c in unused)  # as written: a code or a name
    if d.kind == "enable" and any(c not in d.pairs for c in unused):
        message = f"`enable` of {names} without an earlier `disable`"
    else:
        where = {"ignore": "in this command", "ignore-file": "in this file"}.get(d.kind, "in its range")
        message = f"unused suppression: no {names} finding {where}"
    span, fix = _removal(script, d, set(unused))
    return rule.diagnostic(Finding(span, message, fix=fix))


def _removal(script: Script, d: _Directive, unused: set[str]) -> tuple[Span, Fix]:
    """The span to report and the fix: drop the unused codes, or the whole comment."""
    kept = [word for word, _ in d.written if _CODE_OF.get(word) not in unused]
    if any(word in _CODE_OF for word in kept):
        spans = [span for word, span in d.written if _CODE_OF.get(word) in unused]
        edit = Edit(d.bracket, ", ".join(kept))
        return Span(spans[0].start, spans[-1].end), Fix("remove the unused codes", (edit,))
    return d.comment.span, Fix("remove the suppression comment", (Edit(_comment_extent(script, d.comment), ""),))


def _comment_extent(script: Script, comment: Comment) -> Span:
    """The comment with the blanks before it; its whole line when it is alone on it."""
    text = script.text
    start = comment.span.start
    while start and text[start - 1] in " \t":
        start -= 1
    if start and text[start - 1] not in "\r\n":
        return Span(start, comment.span.end)
    m = _LINE_BREAK.match(text, comment.span.end)
    return Span(start, m.end() if m else comment.span.end)
