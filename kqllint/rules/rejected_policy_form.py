"""Reports a policy command whose verb, entity and argument Kusto does not accept together.

## What it does
Each policy kind has its own set of commands: which verbs (`.alter`, `.alter-merge`, `.show`,
`.delete`) it has, on which entities (`cluster`, `database`, `table`, `tables (...)`,
`materialized-view`, `external table`, `column`, `graph_model`, and `*` on `.show`), and with
which argument (a string literal, or keyword arguments such as `hot = 7d`). The forms come from
kqllint's registry of policy kinds (`docs/policies.md`), checked against Kusto.Language's parser
for every kind, verb, entity and argument form. A form the parser rejects is reported here;
forms only the documentation shows are reported by `docs-only-policy-form` (C006) instead.

## Why is this bad?
Kusto rejects the command with a syntax error and the policy is not changed. The severity is
**error** because the parser rejects the command: it never reaches the service.

## Example
````kusto
.alter-merge table T policy caching hot = 7d
.alter table T policy retention softdelete = 10d
.delete cluster policy capacity
.alter database db policy update ```[]```
````

## Use instead
````kusto
.alter table T policy caching hot = 7d
.alter-merge table T policy retention softdelete = 10d
.alter table T policy update ```[]```
````

## Fix safety
There is no fix: which command was meant is not known.
"""

from kqllint.diagnostic import Severity

CODE = "S015"
NAME = "rejected-policy-form"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, from the registry's `form_allowed`); this module
# documents it.
