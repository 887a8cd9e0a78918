"""Reports keyword arguments of a policy command that Kusto rejects or silently skips.

## What it does
Checks the keyword forms of the policy commands against Kusto.Language's grammar for the kind,
as kqllint's registry of policy kinds records it (`docs/policies.md`):

- the arguments a kind takes, and their order: retention takes `softdelete = …` and then
  `recoverability = …`, caching `hot = …` (or `hotdata = … hotindex = …`) and then
  `hot_window = …`, encoding `type = '…'`; an argument the kind does not take (`hot = 7d` on
  retention) or given twice is reported;
- commas: none between retention's arguments, nor between `hotdata` and `hotindex`; one is
  optional before the first `hot_window` and required between two of them;
- the value: a timespan argument takes one Kusto literal (`7d`, `1.5h`, `time(10.00:00:00)`);
  `10.00:00:00` is read as the number `10.00` with `:00:00` skipped, `7 d` as `7` with `d`
  skipped, and `7D` (the units are lowercase) and `2w` (there is no unit for weeks) are not
  literals at all. `recoverability` takes the bare word `disabled` or `enabled`, not a string;
  encoding's `type` takes a string literal; `hot_window` takes `datetime(a) .. datetime(b)`;
- the bare words: `enable`/`disable` (streaming ingestion, row level security), `true`/`false`
  (restricted view access, row id), `true` (ingestion time); roworder's direction, `asc` or
  `desc`, after every column; row level security's query string, with any `with (…)` before it;
- a missing `=` (`softdelete 7d`).

Names and keyword values are compared ignoring case here: `keyword-case` (C002) reports
`Disabled` and `SoftDelete`, with a fix. A value Kusto's parser accepts but that is not a
timespan (`hot = '7d'`, `softdelete = -1d`, `hot = 30`) is a policy value problem, reported by
the policy rules, not here. The forms that only the docs show (`hot_window` after a single
table, `ingestiontime false`, mirroring's `dataformat = parquet`) are reported by
`docs-only-policy-form` (C006).

## Why is this bad?
Kusto.Language stops reading at the first argument it does not expect. Sometimes that is a
syntax error and the command fails; often it skips the rest of the command without a word, and
the command runs without it: `softdelete = 7d, recoverability = disabled` keeps deleted data
recoverable, and `softdelete = 10.00:00:00` does not set ten days. Only the first problem of a
command is reported, since Kusto does not read past it.

**Decision**: an error in both cases: a policy that silently loses an argument is not the policy
that was written.

## Example
````kusto
.alter-merge table T policy retention recoverability = disabled softdelete = 7d
.alter-merge table T policy retention softdelete = 7d, recoverability = disabled
.alter-merge table T policy retention softdelete = 10.00:00:00
.alter table T policy caching hot = 2w
.alter table T policy streamingingestion true
.alter table T policy roworder (Timestamp)
````

## Use instead
````kusto
.alter-merge table T policy retention softdelete = 7d recoverability = disabled
.alter-merge table T policy retention softdelete = 7d recoverability = disabled
.alter-merge table T policy retention softdelete = 10d
.alter table T policy caching hot = 14d
.alter table T policy streamingingestion enable
.alter table T policy roworder (Timestamp desc)
````

## Fix safety
The fixes (removing a comma, rewriting `10.00:00:00` as `10d`, `7D` as `7d`, `2w` as `14d`,
joining `7 d`, inserting `=`, a misspelt argument's name) are **unsafe**: the command Kusto runs
today, without the skipped part, would change, so a person should confirm it is what was meant.
"""

from kqllint.diagnostic import Severity

CODE = "S016"
NAME = "invalid-keyword-form"
SEVERITY = Severity.ERROR
FIXABLE = True
# Reported by the parser (kqllint/keyword_forms.py, from the registry's keyword-form data); this
# module documents it.
