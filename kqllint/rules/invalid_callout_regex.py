"""Reports a callout `CalloutUriRegex` that .NET certainly cannot compile.

## What it does
Flags a callout policy entry whose `CalloutUriRegex` is not a valid .NET regular expression,
where kqllint can be sure of it. kqllint has no .NET regex engine, so it reports two sorts of
pattern only:
- a mistake that Python's `re` and .NET both reject: a `(` or `[` never closed, a `)` never
  opened, a quantifier with nothing before it or straight after another one, `{5,2}` (the
  lower count above the upper), a range written backwards (`[z-a]`), a lone `\\` at the end;
- Python syntax that .NET lacks: named groups written `(?P<name>...)` or `(?P=name)`, and
  possessive quantifiers (`a*+`, `a++`, `a{2}+`).

It cannot judge what only .NET understands, and says nothing about it either way: `(?<name>...)`
groups, Unicode categories such as `\\p{L}`, class subtraction (`[a-z-[aeiou]]`), inline options
in the middle of a pattern, lookbehinds of varying length. A pattern in free-spacing (`x`) mode
is reported only for the mistakes both engines reject.

## Why is this bad?
The service cannot compile such a pattern, so the entry cannot allow or deny the callouts it
was written for.

**Decision**: a warning: the docs say the pattern is a .NET regular expression, but whether the
service rejects the command or keeps an entry that never matches is not documented.

## Example
````kusto
.alter cluster policy callout ```[{ "CalloutType": "sql", "CalloutUriRegex": "(sqlname\\\\.database", "CanCall": true }]```
````

## Use instead
````kusto
.alter cluster policy callout ```[{ "CalloutType": "sql", "CalloutUriRegex": "sqlname\\\\.database\\\\.azure\\\\.com/?$", "CanCall": true }]```
````

## Fix safety
There is no fix: what the pattern was meant to match is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P208"
NAME = "invalid-callout-regex"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
KINDS = ('callout',)
CHECK = "invalid-callout-regex"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
