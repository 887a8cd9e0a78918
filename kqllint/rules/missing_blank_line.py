"""Reports a statement that follows a policy command (or precedes one) with no blank line between.

## What it does
Flags a command that starts on the line right after another statement, when either of the two
is a policy command kqllint models, of any kind. Inside `.execute ... script <|` bodies commands are split
at lines starting with `.`, so no blank line is needed there.

## Why is this bad?
Kusto Explorer, the web UI and Kusto.Cli's block mode split a script into requests at blank
lines only, so the two statements are sent as one request. Kusto.Language silently swallows
the second command; the service rejects the request or runs only the first command.

## Example
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
.alter-merge table T policy retention softdelete = 30d
````

## Use instead
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```

.alter-merge table T policy retention softdelete = 30d
````

## Fix safety
Inserting the blank line is **unsafe**: the second command, which did not run before, will run.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Severity, Span
from kqllint.model import Command, Container, Script
from kqllint.rules._rule import Context, Finding
from kqllint.source import first_line_ending

CODE = "C003"
NAME = "missing-blank-line"
SEVERITY = Severity.WARNING
FIXABLE = True


def check_script(script: Script, context: Context) -> Iterator[Finding]:
    newline = first_line_ending(script.text)
    for previous, statement in zip(script.statements, script.statements[1:]):
        if not statement.joined or statement.container is not Container.TOP:
            continue
        if not (isinstance(previous, Command) or isinstance(statement, Command)):
            continue
        start = statement.span.start
        line_start = _line_start(script.text, start)
        yield Finding(
            Span(start, start + 1),
            "no blank line before this command; Kusto sends both statements as one request",
            help="separate commands with a blank line",
            fix=Fix("insert a blank line", (Edit(Span(line_start, line_start), newline),), Applicability.UNSAFE),
        )


def _line_start(text: str, offset: int) -> int:
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
