"""Reports a policy command written without the `.` that starts a control command.

## What it does
Flags a line that starts with the words of a policy command but not with `.`:
`alter database db policy managed_identity …`, `show table T policy retention`, any of the
four verbs with any entity and any policy kind kqllint knows, spelled correctly, in any case. The line may start a statement
or sit inside one (a query, or another command's text); a line inside a multi-line string
literal does not count.

## Why is this bad?
Only a request that starts with `.` is a control command. Without it Kusto reads the text as
a query: Kusto.Language parses `alter database db policy managed_identity` as a query of
several statements and reports a syntax error at each word (`Expected: ;`), and the service
rejects the request. The policy is not changed. kqllint leaves such a statement unmodelled,
so none of the command's other rules look at it until the `.` is there.

**Decision**: the formatter treats the statement as opaque text and never rewrites it; as with
any syntax error, `kqllint format` leaves the whole file unchanged until it is fixed.

## Example
````kusto
alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
Inserting the `.` is **safe**: the text is a syntax error as it is, and with the `.` it is
the command its words spell.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity, Span
from kqllint.model import Script
from kqllint.rules._rule import Context, Finding
from kqllint.script import script_dotless_verbs

CODE = "S013"
NAME = "missing-command-dot"
SEVERITY = Severity.ERROR
FIXABLE = True


def check_script(script: Script, context: Context) -> Iterator[Finding]:
    for verb in script_dotless_verbs(script):
        start = verb.span.start
        yield Finding(
            verb.span,
            f"`{verb.text}` without its `.`: Kusto reads this line as a query, not a command",
            help=f"a control command starts with `.`: write `.{verb.text}`",
            fix=Fix("insert the `.`", (Edit(Span(start, start), "."),)),
        )
