"""Reports a policy command form that the docs show but Kusto's parser rejects.

## What it does
Some command forms appear in Microsoft's documentation although Kusto.Language, the parser
Kusto's tools use, rejects them: `.delete materialized-view V policy retention`, `.alter-merge
table * policy update`, `.show database * policy encoding`, `.alter-merge tables (T1, T2)
policy roworder`, and others listed per kind in `docs/policies.md` (kqllint's registry keeps them
as "docs-only forms"). Forms no source accepts are reported by `rejected-policy-form` (S015).

## Why is this bad?
Whether the service runs such a command is not known: the documentation says yes, the parser
says no, and tools built on the parser (Kusto Explorer's checks, deployment tools) reject it.
The severity is **warning** rather than error for that reason.

## Example
````kusto
.delete materialized-view V policy retention
````

## Use instead
````kusto
.alter materialized-view V policy retention ```{"SoftDeletePeriod": "365000.00:00:00"}```
````

## Fix safety
There is no fix: the accepted command that does the same depends on the intent.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.command import form_verdict
from kqllint.diagnostic import Severity, Span
from kqllint.model import Command
from kqllint.policies.commands import ENTITY_TEXT
from kqllint.policies.validate import Verdict
from kqllint.rules._rule import Context, Finding

CODE = "C006"
NAME = "docs-only-policy-form"
SEVERITY = Severity.WARNING
READS_HEAD = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    if form_verdict(command) is not Verdict.DOCS_ONLY:
        return
    assert command.entity is not None and command.kind is not None
    head = f"`.{command.verb_kind.value} {ENTITY_TEXT[command.entity]} policy {command.kind.text}`"
    yield Finding(
        Span(command.span.start, command.kind.span.end),
        f"{head} is in the docs, but Kusto.Language rejects it",
        help="the service's reaction is not documented; prefer a form the parser accepts (see docs/policies.md)",
    )
