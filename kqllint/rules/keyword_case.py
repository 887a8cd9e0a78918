"""Reports command keywords that are not lowercase.

## What it does
Flags `.ALTER`, `Database`, `POLICY`, `Managed_Identity` and every other keyword of a policy
command's head that is not written in lowercase, and the keywords of the keyword forms:

- the names of keyword arguments: `SoftDelete = 7d`, `HOT = 7d`, `Type = 'identifier'`;
- keyword values: `recoverability = Disabled`;
- bare words: `Enable` and `Disable` (streaming ingestion, row level security), `True` and
  `False` (restricted view access, ingestion time, row id);
- roworder's directions: `(Timestamp ASC)`.

Which words are keywords, and of which kind, comes from kqllint's registry of policy kinds
(`docs/policies.md`): a word is reported only where the kind takes it.

## Why is this bad?
Kusto.Language matches command keywords exactly and case-sensitively: to it, `.ALTER cluster
policy managed_identity` is not the alter command at all (it reports nothing and recognises
nothing), and `.alter cluster POLICY managed_identity` is a syntax error. The same holds for
the keyword forms: `recoverability = Disabled` is a syntax error ("expected one of: disabled,
enabled"), `SoftDelete = 7d` and `HOT = 7d` are not arguments it knows, and `(Timestamp ASC)`
wants `asc` or `desc`. The service parses commands the same way, so the deployment fails.
Values that are not keywords keep their case: a column name, the encoding profile in
`type = 'Identifier'` (a string), a timespan's number.

**Decision**: an error, not a warning, because Kusto rejects the command; kqllint still reads
the command in any case so that its other rules can check the policy.

## Example
````kusto
.ALTER Cluster POLICY managed_identity ```[]```
.alter-merge table T policy retention SoftDelete = 7d recoverability = Disabled
.alter table T policy streamingingestion Enable
.alter table T policy roworder (Timestamp DESC)
````

## Use instead
````kusto
.alter cluster policy managed_identity ```[]```
.alter-merge table T policy retention softdelete = 7d recoverability = disabled
.alter table T policy streamingingestion enable
.alter table T policy roworder (Timestamp desc)
````

## Fix safety
Lowercasing is **safe**: it writes the keyword Kusto expects and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.command import resolve_kind
from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command, Word
from kqllint.policies.schema import EnumType, PolicyKind
from kqllint.rules._rule import Context, Finding

CODE = "C002"
NAME = "keyword-case"
SEVERITY = Severity.ERROR
FIXABLE = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for word in (command.verb, command.scope, command.policy, command.kind):
        if word is not None and word.text != word.text.lower():
            yield _finding(word, word.text.lower())
    kind = resolve_kind(command.kind.text) if command.kind is not None and command.arguments else None
    if kind is not None:
        for word, written in _argument_keywords(command, kind):
            if word.text != written:
                yield _finding(word, written)


def _argument_keywords(command: Command, kind: PolicyKind) -> Iterator[tuple[Word, str]]:
    """The keywords among the keyword form's words, each with how Kusto spells it."""
    names = {p.name.lower(): p for p in kind.keyword_form_args()}
    words = {w.lower(): w for w in kind.keywords}
    for argument in command.arguments:
        prop = names.get(argument.name.text.lower()) if argument.name is not None else None
        if prop is not None:
            yield argument.name, prop.name  # type: ignore[misc]
            values = prop.type.values if isinstance(prop.type, EnumType) and prop.type.keyword else ()
            spelled = {v.lower(): v for v in values}.get(argument.value.text.lower())
            if spelled is not None:
                yield argument.value, spelled
        elif argument.value.text.lower() in words and (argument.name is None or not names):
            # a bare word (`enable`, `true`), or a roworder direction after its column
            yield argument.value, words[argument.value.text.lower()]


def _finding(word: Word, written: str) -> Finding:
    return Finding(
        word.span,
        f"keyword `{word.text}` is not lowercase; Kusto matches command keywords case-sensitively",
        help=f"write `{written}`",
        fix=Fix(f"lowercase `{word.text}`", (Edit(word.span, written),)),
    )
