"""The `Rule` record each rule module declares, and the context rules are checked in."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kqllint.diagnostic import Diagnostic, Fix, Severity, Span
from kqllint.model import Command, Script

if TYPE_CHECKING:
    from kqllint.rules._view import View

DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety")
# A lone surrogate, which a JSON or Kusto `\ud83d` escape can put into a value a message quotes.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the model: the path and the loaded options.

    `runs_in` is where the script runs, `cluster` or `database` (the file's `// kqllint:
    context=...` directive, else the configuration's `context`), None when nothing says;
    `database` is the database a database-context script is deployed to, when configured.
    `shared` holds what several rules of one run read, worked out once by the first that asks
    (the checks across commands share one pass over the script); the linter makes a new
    `Context`, so a new `shared`, for every script it checks.
    """

    path: str | None = None
    identities: object | None = None  # an `identities.Identities`, when given
    runs_in: str | None = None
    database: str | None = None
    shared: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check yields; the engine adds the rule's code, name and severity."""

    span: Span
    message: str
    help: str | None = None
    fix: Fix | None = None


CommandCheck = Callable[[Command, Context], Iterable[Finding]]
ViewCheck = Callable[[Command, "View", Context], Iterable[Finding]]
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
    # The policy kinds (names) the rule applies to; None: every kind. The linter picks the
    # rules once per kind, and runs a command's kind's rules only.
    kinds: frozenset[str] | None = None
    reads_payload: bool = False  # needs the policy argument: not run on `.show` and `.delete`
    # The registry validator's check a generic rule reports: the linter calls the rule only
    # for a command whose view has problems of that check (most have none).
    reports_check: str | None = None
    check_command: CommandCheck | None = field(default=None, compare=False)
    check_view: ViewCheck | None = field(default=None, compare=False)  # also reads the command's `View`
    check_script: ScriptCheck | None = field(default=None, compare=False)

    @property
    def checks_commands(self) -> bool:
        return self.check_command is not None or self.check_view is not None

    def applies_to(self, kind: str | None) -> bool:
        """Whether the rule checks commands of policy kind `kind` (None: a kind not known)."""
        return self.kinds is None or kind in self.kinds

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
        kinds=_kinds(getattr(module, "KINDS", None)),
        reads_payload=getattr(module, "READS_PAYLOAD", False),
        reports_check=getattr(module, "CHECK", None),
        check_command=getattr(module, "check_command", None),
        check_view=getattr(module, "check_view", None),
        check_script=getattr(module, "check_script", None),
    )


def _kinds(names: Iterable[str] | None) -> frozenset[str] | None:
    """A module's `KINDS`, checked against the registry: a misspelt kind would silence the rule."""
    if names is None:
        return None
    from kqllint.policies import KINDS_BY_NAME

    unknown = set(names) - set(KINDS_BY_NAME)
    if unknown:
        raise ValueError(f"rule kinds not in the registry: {sorted(unknown)}")
    return frozenset(names)
