"""Reports a blank line inside a policy command, outside its string literal.

## What it does
Flags a policy command, of any kind, whose words or policy are separated by a blank line, e.g.
a fenced policy that starts after an empty line, or keyword arguments on a line after one.

## Why is this bad?
Kusto Explorer, the web UI and Kusto.Cli's block mode split a script into requests at blank
lines: the command is sent in two halves, and both fail. (A blank line *inside* a ```` ``` ````
literal is fine.)

## Example
````kusto
.alter database db policy managed_identity

```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Use instead
````kusto
.alter database db policy managed_identity
```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
Removing the blank lines is **unsafe**: the command, which failed before, will change the policy.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Severity
from kqllint.model import Script
from kqllint.rules._rule import Context, Finding
from kqllint.source import first_line_ending

CODE = "C004"
NAME = "blank-line-in-command"
SEVERITY = Severity.WARNING
FIXABLE = True


def check_script(script: Script, context: Context) -> Iterator[Finding]:
    newline = first_line_ending(script.text)
    for split in script.blank_splits:
        yield Finding(
            split.span,
            "blank line inside the command; Kusto splits the script here and sends two requests",
            help="remove the blank line",
            fix=Fix("remove the blank lines", (Edit(split.span, newline),), Applicability.UNSAFE),
        )
