"""Reports a policy command whose head does not follow the grammar of the policy commands.

## What it does
A policy command is `.alter`, `.alter-merge`, `.show` or `.delete`; then the entity: `cluster`,
`database [DatabaseName]`, `table TableName`, `tables (T1, T2)`, `materialized-view ViewName`,
`external table TableName`, `column Table.Column` or `graph_model ModelName`; then `policy` and
the kind (`retention`, `managed_identity`, any kind in `docs/policies.md`); then, for `.alter`
and `.alter-merge`, the argument the kind takes: the policy in a string literal, or keyword
arguments such as `softdelete = 10d`. kqllint names the word it expected and the one it found:
"expected `policy`, found `polcy`", and lists the entities the kind takes after a misspelt one.
A misspelled keyword gets a "did you mean". Whether the kind takes this verb on this entity is
`rejected-policy-form` (S015); the keyword arguments themselves are `invalid-keyword-form` (S016).

## Why is this bad?
Kusto.Language rejects the command, or does not recognise it at all; the deployment fails.
After a syntax error kqllint skips the rules about the command's head: their findings would be
guesses. The policy payload is still checked (by the payload, policy and identity rules that
read nothing of the head) when its extent is certain: the only errors are in the head (this
rule, `unknown-policy-kind`, `cluster-name-given`, `unbracketed-database-name`), and after the
word in error the command holds only words, then exactly one well-formed string literal, then
nothing but comments or a `| query` tail. So the payload of `.alter database db polcy
managed_identity "[...]"` is checked, while a second literal, a stray bracket or an
unterminated literal leave it unchecked. Those findings come without fixes until the head
reads, and `kqllint format` leaves a file with any syntax error alone.

## Example
````kusto
.alter database db polcy managed_identity ```[]```
.alter merge database db policy managed_identity ```[]```
.alter-merge tabel T policy retention softdelete = 10d
````

## Use instead
````kusto
.alter database db policy managed_identity ```[]```
.alter-merge database db policy managed_identity ```[]```
.alter-merge table T policy retention softdelete = 10d
````

## Fix safety
The replacement of a misspelled keyword is **unsafe**: it turns a command that fails into one that
changes a policy, so a person should confirm it was the command they meant.
"""

from kqllint.diagnostic import Severity

CODE = "S001"
NAME = "syntax-error"
SEVERITY = Severity.ERROR
FIXABLE = True
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
