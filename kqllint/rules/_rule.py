"""The `Rule` record each rule module declares, and the context rules are checked in."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kqllint.diagnostic import Diagnostic, Fix, Severity, Span
from kqllint.model import Command, Script

DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety")
# A lone surrogate, which a JSON or Kusto `\ud83d` escape can put into a value a message quotes.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the model: the path and the loaded options."""

    path: str | None = None
    identities: object | None = None  # an `identities.Identities`, when given


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check yields; the engine adds the rule's code, name and severity."""

    span: Span
    message: str
    help: str | None = None
    fix: Fix | None = None


CommandCheck = Callable[[Command, Context], Iterable[Finding]]
ScriptCheck = Callable[[Script, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule's identity: stable code, kebab-case name, default severity and its docs."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    fixable: bool = False
    reads_head: bool = False  # reads the verb, scope or name: not run after a head error
    check_command: CommandCheck | None = field(default=None, compare=False)
    check_script: ScriptCheck | None = field(default=None, compare=False)

    def diagnostic(self, finding: Finding) -> Diagnostic:
        f = finding
        fix = f.fix
        if fix is not None and _SURROGATE.search(fix.message):
            fix = dataclasses.replace(fix, message=printable(fix.message))
        return Diagnostic(self.code, self.name, printable(f.message), f.span, self.severity,
                          None if f.help is None else printable(f.help), fix)  # fmt: skip


def printable(text: str) -> str:
    """`text` with each lone surrogate written as its escape (`\\ud83d`), as the user wrote it:
    every message must encode to UTF-8, whatever value it quotes."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _SURROGATE.search(text) else text


def rule_from_module(module: object) -> Rule:
    """Build the `Rule` of a rule module from its constants, docstring and check function."""
    doc = (getattr(module, "__doc__", None) or "").strip()
    summary, _, body = doc.partition("\n")
    return Rule(
        code=module.CODE,  # type: ignore[attr-defined]
        name=module.NAME,  # type: ignore[attr-defined]
        severity=module.SEVERITY,  # type: ignore[attr-defined]
        summary=summary.strip(),
        doc=body.strip(),
        fixable=getattr(module, "FIXABLE", False),
        reads_head=getattr(module, "READS_HEAD", False),
        check_command=getattr(module, "check_command", None),
        check_script=getattr(module, "check_script", None),
    )
