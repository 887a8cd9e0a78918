"""Every rule's record, as its module declares it (generated: do not edit).

Written by `python3 tools/gen_rule_table.py` from the modules `kqllint.rules.MODULES` names;
tests/test_rule_table.py fails when it is stale. The registry builds `RULES` from it and imports
a rule's module only when one of its checks is first called.
"""

from kqllint.diagnostic import Severity

# (module, the checks it defines, the `Rule` fields besides the checks that differ from their
# defaults), in code order.
TABLE: tuple[tuple[str, tuple[str, ...], dict[str, object]], ...] = (
    (
        'missing_database_name',
        ('check_command',),
        {
            'code': 'C001',
            'name': 'missing-database-name',
            'severity': Severity.WARNING,
            'summary': 'Reports an `.alter` or `.alter-merge` of a database policy without a database name.',
            'doc': (
                '## What it does\n'
                'Flags `.alter` and `.alter-merge` of any policy kind written as `database policy KIND`\n'
                '(`database policy managed_identity`, `database policy retention`), with no database name. (`.delete` requires the name; `missing-required-database-name` (S007) covers it.)\n'
                '\n'
                '## Why is this bad?\n'
                'The Kusto docs mark *DatabaseName* as required. Kusto.Language accepts the command and falls back\n'
                'to the context database: the policy lands on whichever database the connection points at, which\n'
                'in a deployment script is rarely what was meant, and differs between environments.\n'
                '\n'
                '**Decision**: kqllint follows the docs and warns; it is not an error because Kusto accepts it.\n'
                '\n'
                '**Decision**: `.show database policy managed_identity` (with or without a `| query` after it)\n'
                "is not reported. It only reads a policy: at worst it shows the context database's policy,\n"
                'which the output names, and it cannot put a policy on the wrong database.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database Sales policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the database is not known.'
            ),
        },
    ),
    (
        'keyword_case',
        ('check_command',),
        {
            'code': 'C002',
            'name': 'keyword-case',
            'severity': Severity.ERROR,
            'summary': 'Reports command keywords that are not lowercase.',
            'doc': (
                '## What it does\n'
                'Flags `.ALTER`, `Database`, `POLICY`, `Managed_Identity` and every other keyword of a policy\n'
                "command's head that is not written in lowercase, and the keywords of the keyword forms:\n"
                '\n'
                "- the names of keyword arguments: `SoftDelete = 7d`, `HOT = 7d`, `Type = 'identifier'`;\n"
                '- keyword values: `recoverability = Disabled`;\n'
                '- bare words: `Enable` and `Disable` (streaming ingestion, row level security), `True` and\n'
                '  `False` (restricted view access, ingestion time, row id);\n'
                "- roworder's directions: `(Timestamp ASC)`.\n"
                '\n'
                "Which words are keywords, and of which kind, comes from kqllint's registry of policy kinds\n"
                '(`docs/policies.md`): a word is reported only where the kind takes it.\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto.Language matches command keywords exactly and case-sensitively: to it, `.ALTER cluster\n'
                'policy managed_identity` is not the alter command at all (it reports nothing and recognises\n'
                'nothing), and `.alter cluster POLICY managed_identity` is a syntax error. The same holds for\n'
                'the keyword forms: `recoverability = Disabled` is a syntax error ("expected one of: disabled,\n'
                'enabled"), `SoftDelete = 7d` and `HOT = 7d` are not arguments it knows, and `(Timestamp ASC)`\n'
                'wants `asc` or `desc`. The service parses commands the same way, so the deployment fails.\n'
                'Values that are not keywords keep their case: a column name, the encoding profile in\n'
                "`type = 'Identifier'` (a string), a timespan's number.\n"
                '\n'
                '**Decision**: an error, not a warning, because Kusto rejects the command; kqllint still reads\n'
                'the command in any case so that its other rules can check the policy.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.ALTER Cluster POLICY managed_identity ```[]```\n'
                '.alter-merge table T policy retention SoftDelete = 7d recoverability = Disabled\n'
                '.alter table T policy streamingingestion Enable\n'
                '.alter table T policy roworder (Timestamp DESC)\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter cluster policy managed_identity ```[]```\n'
                '.alter-merge table T policy retention softdelete = 7d recoverability = disabled\n'
                '.alter table T policy streamingingestion enable\n'
                '.alter table T policy roworder (Timestamp desc)\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Lowercasing is **safe**: it writes the keyword Kusto expects and changes nothing else.'
            ),
            'fixable': True,
        },
    ),
    (
        'missing_blank_line',
        ('check_script',),
        {
            'code': 'C003',
            'name': 'missing-blank-line',
            'severity': Severity.WARNING,
            'summary': 'Reports a statement that follows a policy command (or precedes one) with no blank line between.',
            'doc': (
                '## What it does\n'
                'Flags a command that starts on the line right after another statement, when either of the two\n'
                'is a policy command kqllint models, of any kind. Inside `.execute ... script <|` bodies commands are split\n'
                'at lines starting with `.`, so no blank line is needed there.\n'
                '\n'
                '## Why is this bad?\n'
                "Kusto Explorer, the web UI and Kusto.Cli's block mode split a script into requests at blank\n"
                'lines only, so the two statements are sent as one request. Kusto.Language silently swallows\n'
                'the second command; the service rejects the request or runs only the first command.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '.alter-merge table T policy retention softdelete = 30d\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '\n'
                '.alter-merge table T policy retention softdelete = 30d\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Inserting the blank line is **unsafe**: the second command, which did not run before, will run.'
            ),
            'fixable': True,
        },
    ),
    (
        'blank_line_in_command',
        ('check_script',),
        {
            'code': 'C004',
            'name': 'blank-line-in-command',
            'severity': Severity.WARNING,
            'summary': 'Reports a blank line inside a policy command, outside its string literal.',
            'doc': (
                '## What it does\n'
                'Flags a policy command, of any kind, whose words or policy are separated by a blank line, e.g.\n'
                'a fenced policy that starts after an empty line, or keyword arguments on a line after one.\n'
                '\n'
                '## Why is this bad?\n'
                "Kusto Explorer, the web UI and Kusto.Cli's block mode split a script into requests at blank\n"
                'lines: the command is sent in two halves, and both fail. (A blank line *inside* a ```` ``` ````\n'
                'literal is fine.)\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity\n'
                '\n'
                '```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity\n'
                '```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the blank lines is **unsafe**: the command, which failed before, will change the policy.'
            ),
            'fixable': True,
        },
    ),
    (
        'wrong_script_scope',
        ('check_command',),
        {
            'code': 'C005',
            'name': 'wrong-script-scope',
            'severity': Severity.ERROR,
            'summary': 'Reports a cluster-level command where a database script runs, and a database-level one in `.execute cluster script`.',
            'doc': (
                '## What it does\n'
                'Checks the policy commands, of every kind, inside the body of `.execute database script <|` and\n'
                "`.execute cluster script <|` against the script's scope. In a file that runs in a database\n"
                'context (`context = "database"` in the configuration, a `per-file-context` glob, or a\n'
                '`// kqllint: context=database` comment before the first statement) it also checks the\n'
                'commands at the top level, as if the whole file were a database script.\n'
                '\n'
                'A command is cluster-level when the policy registry says so: its entity is `cluster`\n'
                '(`.alter cluster policy …`), or its policy kind exists on the cluster only (callout, capacity,\n'
                'sandbox and the other kinds the registry marks cluster-only).\n'
                '\n'
                '## Why is this bad?\n'
                'A database script cannot hold cluster-level commands, and a cluster script cannot hold\n'
                'database-level ones: the service rejects the whole script.\n'
                '\n'
                'Many deployments run a file as a database script without saying so in the file: an ARM or\n'
                "Bicep `Microsoft.Kusto/clusters/databases/scripts` resource, Terraform's `azurerm_kusto_script`,\n"
                'or a pipeline task bound to one database. Each sends the file to one database, and a\n'
                'cluster-level command in it fails the deployment with "Command is not allowed". Such a file\n'
                'looks like any other script, so kqllint cannot tell by itself; the `context` setting says it.\n'
                'Without a context nothing is reported at the top level: kqllint does not guess.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.execute database script <|\n'
                '.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '````kusto\n'
                '// kqllint: context=database\n'
                '.alter-merge cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "AutomatedFlows"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.execute cluster script <|\n'
                '.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                'In a database context, move the cluster-level command to a step that runs on the cluster\n'
                "(with cluster admin rights), and keep the database's own commands:\n"
                '\n'
                '````kusto\n'
                '// kqllint: context=database\n'
                '.alter-merge database Sales policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "AutomatedFlows"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: whether the command or the script is wrong is not known.'
            ),
        },
    ),
    (
        'docs_only_policy_form',
        ('check_command',),
        {
            'code': 'C006',
            'name': 'docs-only-policy-form',
            'severity': Severity.WARNING,
            'summary': "Reports a policy command form that the docs show but Kusto's parser rejects.",
            'doc': (
                '## What it does\n'
                "Some command forms appear in Microsoft's documentation although Kusto.Language, the parser\n"
                "Kusto's tools use, rejects them: `.delete materialized-view V policy retention`, `.alter-merge\n"
                'table * policy update`, `.show database * policy encoding`, `.alter-merge tables (T1, T2)\n'
                "policy roworder`, and others listed per kind in `docs/policies.md` (kqllint's registry keeps them\n"
                'as "docs-only forms"). Forms no source accepts are reported by `rejected-policy-form` (S015).\n'
                '\n'
                '## Why is this bad?\n'
                'Whether the service runs such a command is not known: the documentation says yes, the parser\n'
                "says no, and tools built on the parser (Kusto Explorer's checks, deployment tools) reject it.\n"
                'The severity is **warning** rather than error for that reason.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.delete materialized-view V policy retention\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter materialized-view V policy retention ```{"SoftDeletePeriod": "365000.00:00:00"}```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the accepted command that does the same depends on the intent.'
            ),
            'reads_head': True,
        },
    ),
    (
        'mismatched_database_name',
        ('check_command',),
        {
            'code': 'C007',
            'name': 'mismatched-database-name',
            'severity': Severity.WARNING,
            'summary': 'Reports a command naming another database than the one a database-context script is deployed to.',
            'doc': (
                '## What it does\n'
                'In a file that runs in a database context (`context = "database"`, a `per-file-context` glob,\n'
                'or `// kqllint: context=database` before the first statement) whose target database is\n'
                'configured (`database = "Sales"`, or a `per-file-database` glob), flags `.alter`,\n'
                '`.alter-merge` and `.delete` of a policy on `database X` where `X` is not that database.\n'
                '`.show` only reads and is not reported; a `{parameter}` name is filled in at deployment and is\n'
                'not compared; nothing is reported without a configured database.\n'
                '\n'
                '## Why is this bad?\n'
                'A database script (an ARM/Bicep `Microsoft.Kusto/clusters/databases/scripts` resource,\n'
                "Terraform's `azurerm_kusto_script`, a pipeline task bound to one database) is meant to change\n"
                'the database it is deployed to. A command naming another one is most often a script copied\n'
                'from another environment (`Sales_dev` into `Sales_prod`) with one name left behind: it either\n'
                'fails for want of rights on the other database, or changes a database the deployment did not\n'
                'mean to touch.\n'
                '\n'
                '**Decision**: a warning, not an error. Whether the service runs the command depends on the\n'
                "principal's rights on the other database, which kqllint cannot see; when it runs, it silently\n"
                'changes something else than the deployment says.\n'
                '\n'
                "**Decision**: database names compare ignoring case, as Kusto compares them: the Kusto docs'\n"
                '"Entity names" page (learn.microsoft.com, `kusto/query/schema-entities/entity-names`) says\n'
                'identifiers are case-sensitive, with database names the exception. `sales` is `Sales`.\n'
                '\n'
                '## Example\n'
                'With `context = "database"` and `database = "Sales_prod"`:\n'
                '\n'
                '````kusto\n'
                '.alter-merge database Sales_dev policy retention ```{"SoftDeletePeriod": "30.00:00:00"}```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter-merge database Sales_prod policy retention ```{"SoftDeletePeriod": "30.00:00:00"}```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                "There is no fix: whether the name or the deployment's target is wrong is not known."
            ),
        },
    ),
    (
        'format_blocked',
        (),
        {
            'code': 'F001',
            'name': 'format-blocked',
            'severity': Severity.ERROR,
            'summary': 'Reports a file the formatter leaves unchanged because it has a syntax or payload JSON error.',
            'doc': (
                '## What it does\n'
                '`kqllint format` (and `format_text`) writes nothing for a file with any error-severity syntax\n'
                'finding (`S…`), or a JSON payload that cannot be read or has the wrong shape for its policy\n'
                'kind (`J001`-`J003`), anywhere in it. It reports this once, at the first such error; `kqllint format` then exits\n'
                'with status 2.\n'
                '\n'
                '## Why is this bad?\n'
                'The formatter proves each change safe by reading the result back and comparing it with what\n'
                'was there. A command it cannot read has no meaning to compare, and reformatting the readable\n'
                'commands around a broken one would mix two kinds of change in one diff. So, as black does with\n'
                'a file it cannot parse, it leaves the whole file as it is.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db polcy managed_identity ```[]```\n'
                '\n'
                '.show   cluster  policy managed_identity\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[]```\n'
                '\n'
                '.show cluster policy managed_identity\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: mend the errors `kqllint check` reports (some have fixes of their own), then\n'
                'format again.'
            ),
        },
    ),
    (
        'format_changed_meaning',
        (),
        {
            'code': 'F002',
            'name': 'format-changed-meaning',
            'severity': Severity.WARNING,
            'summary': 'Reports a command the formatter left as written because its new form would not mean the same.',
            'doc': (
                '## What it does\n'
                'After formatting, `kqllint format` reads the whole result back and compares every command with\n'
                'the original: the same verb, scope and keywords as written, the same database name, the same\n'
                "`| query` tail, and the same JSON values (a policy object's keys in canonical order,\n"
                '`AllowedUsages` as the list of its trimmed items). A command that fails the comparison keeps\n'
                'its original text, and this finding says so; the rest of the file is still formatted.\n'
                '\n'
                '## Why is this bad?\n'
                "It is not the script that is wrong: it is kqllint's formatter. A formatter that changed what a\n"
                "command does would be worse than none, so it refuses, as black's `assert_equivalent` does.\n"
                '\n'
                '## Example\n'
                '````kusto\n'
                '// any command the formatter cannot rewrite faithfully\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '// the same command, left as written; please report it to kqllint\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix; the command is left exactly as it was.'
            ),
        },
    ),
    (
        'format_unstable',
        (),
        {
            'code': 'F003',
            'name': 'format-unstable',
            'severity': Severity.WARNING,
            'summary': 'Reports a command the formatter left as written because formatting it again changed it again.',
            'doc': (
                '## What it does\n'
                'After formatting, `kqllint format` formats its own result a second time. Any command that the\n'
                'second pass would change again keeps its original text, and this finding says so; the rest of\n'
                'the file is still formatted.\n'
                '\n'
                '## Why is this bad?\n'
                "It is not the script that is wrong: it is kqllint's formatter. A formatter must be idempotent\n"
                '(`format(format(x)) == format(x)`), or `kqllint format --check` would fail forever on a file it\n'
                "formatted itself; black's `assert_stable` makes the same check.\n"
                '\n'
                '## Example\n'
                '````kusto\n'
                '// any command whose formatted form the formatter would change again\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '// the same command, left as written; please report it to kqllint\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix; the command is left exactly as it was.'
            ),
        },
    ),
    (
        'unassigned_object_id',
        ('check_view',),
        {
            'code': 'I001',
            'name': 'unassigned-object-id',
            'severity': Severity.ERROR,
            'summary': 'Reports an `ObjectId` that is not one of the identities assigned to the cluster.',
            'doc': (
                '## What it does\n'
                'With `--identities FILE` (or the `identities` setting), flags an `ObjectId` GUID that is not the\n'
                'principal (object) ID of a managed identity assigned to the cluster. Which identities are\n'
                'assigned comes from `az kusto cluster show` output or a plain list of object IDs; when only\n'
                '`az identity show`/`list` output is given, assignment is unknown and nothing is reported. GUIDs\n'
                'compare ignoring case. A client ID mistaken for an object ID is reported by\n'
                '`client-id-as-object-id` (I003) instead, the nil GUID by `nil-object-id` (P005).\n'
                '\n'
                '## Why is this bad?\n'
                'It is the one runtime error the Kusto docs name for these commands: when any identity in the\n'
                'policy is not assigned to the cluster, the command fails and the policy is left unchanged. The\n'
                'deployment stops at that command, whatever else the script was meant to do.\n'
                '\n'
                '## Example\n'
                'With `cluster.json` assigning only `id-ingest-prod` (`11111111-aaaa-4bbb-8ccc-000000000001`):\n'
                '````kusto\n'
                '.alter-merge database Sales policy managed_identity ```\n'
                '[{ "ObjectId": "99999999-aaaa-4bbb-8ccc-000000000009", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                'Assign the identity to the cluster first (`az kusto cluster update --user-assigned …`), or use\n'
                'one that is assigned:\n'
                '````kusto\n'
                '.alter-merge database Sales policy managed_identity ```\n'
                '[{ "ObjectId": "11111111-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                "There is no fix: whether to assign the identity or to use another is the author's choice (the\n"
                'help names the assigned identity the GUID is one or two characters away from, if any).'
            ),
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'no_system_identity',
        ('check_view',),
        {
            'code': 'I002',
            'name': 'no-system-identity',
            'severity': Severity.ERROR,
            'summary': 'Reports `ObjectId` `system` when the cluster has no system-assigned identity.',
            'doc': (
                '## What it does\n'
                'With `--identities FILE` naming `az kusto cluster show` output (the only file that says whether\n'
                'the cluster has a system-assigned identity), flags `"ObjectId": "system"` when the cluster\'s\n'
                '`identity.type` is `UserAssigned` or `None`. `system` is matched ignoring case, as\n'
                '`system-case` (P008) reads it.\n'
                '\n'
                '## Why is this bad?\n'
                "`system` stands for the cluster's system-assigned identity. A cluster without one cannot\n"
                'resolve it: the command fails as for any identity not assigned to the cluster, and the policy\n'
                'is left unchanged.\n'
                '\n'
                '## Example\n'
                'With `cluster.json` saying `"type": "UserAssigned"`:\n'
                '````kusto\n'
                '.alter cluster policy managed_identity ```\n'
                '[{ "ObjectId": "system", "AllowedUsages": "SandboxArtifacts" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                "Enable the cluster's system-assigned identity, or use a user-assigned identity it has:\n"
                '````kusto\n'
                '.alter cluster policy managed_identity ```\n'
                '[{ "ObjectId": "11111111-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "SandboxArtifacts" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                "There is no fix: enabling the identity or choosing another is the author's choice."
            ),
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'client_id_as_object_id',
        ('check_view',),
        {
            'code': 'I003',
            'name': 'client-id-as-object-id',
            'severity': Severity.ERROR,
            'summary': "Reports an `ObjectId` that is a managed identity's client ID instead of its principal ID.",
            'doc': (
                '## What it does\n'
                "With `--identities FILE`, flags an `ObjectId` GUID that a file names as an identity's\n"
                "`clientId`: `az kusto cluster show` (each user-assigned identity's `clientId`) or\n"
                "`az identity show`/`list` output. The help and the fix give that identity's `principalId`.\n"
                'Such a value is reported here and not also as `unassigned-object-id` (I001).\n'
                '\n'
                '## Why is this bad?\n'
                'A user-assigned managed identity has two GUIDs: the client (application) ID, used to request\n'
                'tokens, and the principal (object) ID of its service principal. The portal shows both side by\n'
                'side and they are easily swapped. `ObjectId` must be the principal ID; with a client ID the\n'
                'service finds no identity assigned to the cluster, the command fails and the policy is left\n'
                'unchanged.\n'
                '\n'
                '## Example\n'
                "With `id-ingest-prod`'s `clientId` `22222222-…-000000000001` and `principalId`\n"
                '`11111111-…-000000000001`:\n'
                '````kusto\n'
                '.alter-merge database Sales policy managed_identity ```\n'
                '[{ "ObjectId": "22222222-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter-merge database Sales policy managed_identity ```\n'
                '[{ "ObjectId": "11111111-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Replacing the client ID with the principal ID is **safe**: both GUIDs name the same identity,\n'
                "one to one, and the pair comes from Azure's own record of it (`az` output), so the fix grants\n"
                'the usages to exactly the identity the author wrote, in the form the service requires. The\n'
                'principal ID is written in lowercase. If that identity is not assigned to the cluster either,\n'
                'the help says so and, after the fix, `unassigned-object-id` (I001) reports it.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'invalid_json',
        ('check_command',),
        {
            'code': 'J001',
            'name': 'invalid-json',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy payload that is not readable JSON.',
            'doc': (
                '## What it does\n'
                "Flags the first place where the text inside the policy's string literal stops being JSON: a\n"
                'missing `,` or `}`, an unterminated string, an unknown escape, a `//` or `/*` comment (JSON has\n'
                'none), a bare word where a quoted name or value belongs, text after the array, an empty\n'
                'payload, nesting deeper than 64 levels, and says how to mend it. Obfuscated (`h"..."`)\n'
                'payloads are read and checked like any other.\n'
                '\n'
                '## Why is this bad?\n'
                'The service parses the payload as JSON (Json.NET) and rejects the command; the policy is not\n'
                'set. Kusto.Language does not look inside the literal, so editors show nothing.\n'
                '\n'
                'kqllint reads JSON as leniently as the docs write it: single-quoted strings and trailing commas\n'
                'are accepted here and reported by `single-quoted-json` (J006) and `trailing-comma` (J005).\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[\n'
                '  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb" "AllowedUsages": "NativeIngestion" }\n'
                ']```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[\n'
                '  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }\n'
                ']```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: what the JSON should have been is not known.'
            ),
            'reads_payload': True,
        },
    ),
    (
        'wrong_payload_shape',
        ('check_view',),
        {
            'code': 'J002',
            'name': 'wrong-payload-shape',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy payload of another JSON shape than its kind takes.',
            'doc': (
                '## What it does\n'
                "Flags a payload that is valid JSON but not the shape the policy kind's docs give it: a lone\n"
                'object where an array of policy objects belongs (ManagedIdentity, update, extent tags\n'
                'retention), an array where one object belongs (retention, caching, merge, partitioning, ...),\n'
                'or a string, number, `true`, `false` or `null` for either.\n'
                '\n'
                '## Why is this bad?\n'
                "The service reads the payload into the kind's policy type: an object does not read as a list of\n"
                'policy objects, nor a list as one policy, and the command is rejected. A lone object is what\n'
                '`.show` output sometimes looks like, pasted back into an `.alter`.\n'
                '\n'
                '**Decision**: an error: the service rejects the command.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Wrapping a lone object in `[...]`, or unwrapping the one object of an array, is **unsafe**: it\n'
                'turns a command that fails into one that sets (with `.alter`: replaces) the policy, which\n'
                'deserves a review.'
            ),
            'fixable': True,
            'reads_payload': True,
            'reports_check': 'wrong-shape',
        },
    ),
    (
        'element_not_object',
        ('check_command',),
        {
            'code': 'J003',
            'name': 'element-not-object',
            'severity': Severity.ERROR,
            'summary': 'Reports an element of the policy array that is not a policy object.',
            'doc': (
                '## What it does\n'
                "Flags every element of the payload's array that is not a JSON object: a string, a number,\n"
                '`null`, `true`/`false` or a nested array.\n'
                '\n'
                '## Why is this bad?\n'
                'Each element of a policy that is an array of objects (ManagedIdentity, update, callout,\n'
                "sandbox, extent tags retention) must be an object: ManagedIdentity's with `ObjectId` and\n"
                "`AllowedUsages`, update's with `Source` and `Query`. The service cannot read anything else as a policy object and rejects the\n"
                'command. A nested array (`[[{...}]]`) or a bare GUID string are the usual slips.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter cluster policy managed_identity ```["aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb"]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter cluster policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "All" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: what the element should have been is not known.'
            ),
            'kinds': frozenset({'callout', 'extent_tags_retention', 'managed_identity', 'sandbox', 'update'}),
            'reads_payload': True,
        },
    ),
    (
        'duplicate_key',
        ('check_command',),
        {
            'code': 'J004',
            'name': 'duplicate-key',
            'severity': Severity.WARNING,
            'summary': 'Reports a property given twice in one JSON object, exactly or in another case.',
            'doc': (
                '## What it does\n'
                'Flags the second (and every later) occurrence of a property name in the same object, both\n'
                '`"ObjectId"` twice and `"ObjectId"` beside `"objectId"`.\n'
                '\n'
                '## Why is this bad?\n'
                'JSON readers keep the last value and drop the others silently, so the command does something\n'
                'else than the first value says; a reviewer reading from the top sees the wrong identity or\n'
                "usages. Json.NET, the service's reader, binds property names ignoring case, so names that\n"
                'differ only in case collide as well.\n'
                '\n'
                '**Decision**: names equal ignoring case count as duplicates, because that is how the service\n'
                'binds them. The policy rules use the last occurrence, as a JSON reader does.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{\n'
                '  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",\n'
                '  "AllowedUsages": "NativeIngestion",\n'
                '  "AllowedUsages": "ExternalTable"\n'
                '}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{\n'
                '  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",\n'
                '  "AllowedUsages": "NativeIngestion, ExternalTable"\n'
                '}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which of the values was meant is not known.'
            ),
            'reads_payload': True,
        },
    ),
    (
        'trailing_comma',
        ('check_command',),
        {
            'code': 'J005',
            'name': 'trailing-comma',
            'severity': Severity.WARNING,
            'summary': 'Reports a comma before the closing `]` or `}` in the policy JSON.',
            'doc': (
                '## What it does\n'
                'Flags `[{...},]` and `{"ObjectId": "...", }`: a comma with nothing after it in an array or\n'
                'object of the payload.\n'
                '\n'
                '## Why is this bad?\n'
                'Trailing commas are not JSON. Json.NET happens to tolerate them, but stricter readers (the\n'
                'tools that diff or generate policies, `parse_json` round trips) do not, and a trailing comma\n'
                'is often the trace of an object or property deleted by mistake.\n'
                '\n'
                '**Decision**: the docs never write one; kqllint reads the payload anyway (so the other rules\n'
                'still run) and warns.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion", },]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the comma is **safe**: the JSON value stays the same.'
            ),
            'fixable': True,
            'reads_payload': True,
        },
    ),
    (
        'single_quoted_json',
        ('check_command',),
        {
            'code': 'J006',
            'name': 'single-quoted-json',
            'severity': Severity.INFO,
            'summary': 'Reports JSON strings written in single quotes in the policy payload.',
            'doc': (
                '## What it does\n'
                'Flags a payload whose JSON uses `\'ObjectId\'` instead of `"ObjectId"`, once per command, at the\n'
                'first single-quoted string.\n'
                '\n'
                '## Why is this bad?\n'
                "Single-quoted strings are not JSON; Json.NET, the service's reader, accepts them, and one of\n"
                'the docs\' own examples is written that way (`"[ { \'ObjectId\' : \'...\', \'AllowedUsages\' :\n'
                '\'NativeIngestion\' }]"`), so the command works. Other JSON tools reject the payload, though, and\n'
                'double quotes inside a triple-backtick literal need no escaping at all.\n'
                '\n'
                '**Decision**: accepted by the service and used by the docs, so this is style only and never\n'
                'more than `info`.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity "[ { \'ObjectId\' : \'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\', \'AllowedUsages\' : \'NativeIngestion\' }]"\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[ { "ObjectId" : "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages" : "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'The fix is **safe**: every JSON string keeps its value. It writes each single-quoted string in\n'
                'double quotes and, as `kqllint format` does, moves a quoted or verbatim payload into a\n'
                '```` ``` ```` literal, where double quotes need no escaping (`"[{\\"ObjectId\\": …}]"` is hard to\n'
                'read). A payload a fenced literal cannot hold (one with ```` ``` ```` or a control character in\n'
                'it), an obfuscated `h` literal and a fenced one are edited in place: the new quotes are escaped\n'
                'as the literal needs (`\\"` inside `"..."`, `""` inside `@"..."`).'
            ),
            'fixable': True,
            'reads_payload': True,
        },
    ),
    (
        'unused_suppression',
        (),
        {
            'code': 'M001',
            'name': 'unused-suppression',
            'severity': Severity.INFO,
            'summary': 'Reports a `// kqllint:` suppression comment that suppresses nothing.',
            'doc': (
                '## What it does\n'
                'Flags a code in a `// kqllint: ignore[...]`, `ignore-file[...]` or `disable[...]` comment when\n'
                'no finding of that code is there to suppress, an `ignore` comment that is neither on the line\n'
                "before a command nor at the end of a command's first (or last) line, and an `enable[...]` without an\n"
                'earlier `disable[...]` of the same code. Codes of rules the configuration turns off for the\n'
                'file are not judged (another configuration may turn them on), nor are the `M` codes.\n'
                '\n'
                '## Why is this bad?\n'
                'A suppression outlives the problem it was written for: once the command is mended, the comment\n'
                'stays and silently hides the next mistake of that kind in the same command, range or file.\n'
                'A misplaced `ignore` suppresses nothing at all, while its author believes it does.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '// kqllint: ignore[P010]\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the unused codes (the whole comment when none is left) is **safe**: they suppress\n'
                'nothing. A misplaced `ignore` has no fix; move it to the line before its command.'
            ),
            'fixable': True,
        },
    ),
    (
        'invalid_suppression',
        (),
        {
            'code': 'M002',
            'name': 'invalid-suppression',
            'severity': Severity.WARNING,
            'summary': 'Reports a `// kqllint:` comment that is malformed or names an unknown rule code.',
            'doc': (
                '## What it does\n'
                'Flags a comment starting with `// kqllint:` that is not one of `ignore[CODE, ...]`,\n'
                '`ignore-file[CODE, ...]`, `disable[CODE, ...]` or `enable[CODE, ...]` (with at least one code),\n'
                'and each code in such a comment that is not a rule code. Codes must be written in full\n'
                '(`P010`, not `P0` or `unknown-usage`); text after the closing `]` is a free reason.\n'
                '\n'
                '## Why is this bad?\n'
                'A malformed suppression or a misspelt code suppresses nothing, so the finding it was meant for\n'
                'is still reported, or worse, the author stops looking because they believe it is handled.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '// kqllint: ignore[P01O] the legacy identity is kept on purpose\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '// kqllint: ignore[P010] the legacy identity is kept on purpose\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: only the author knows which code was meant. The `help:` line suggests the\n'
                'closest known code or directive.'
            ),
        },
    ),
    (
        'invalid_object_id',
        ('check_view',),
        {
            'code': 'P003',
            'name': 'invalid-object-id',
            'severity': Severity.ERROR,
            'summary': 'Reports an `ObjectId` (or update policy `ManagedIdentity`) that is neither a GUID nor `system`.',
            'doc': (
                '## What it does\n'
                'Flags an `ObjectId` string that is not 8-4-4-4-12 hexadecimal digits and not the reserved word\n'
                '`system`: a truncated GUID, 32 digits without hyphens, a GUID in parentheses or padded with\n'
                'spaces, an empty string, a name. The message says which group of a GUID has too many or too\n'
                'few digits, and when spaces are all that is wrong. Any case and any GUID version or variant is accepted (the\n'
                "docs' own `aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb` is valid). Template text is reported by\n"
                '`placeholder-object-id` (P004) instead, a GUID in braces by `braced-object-id` (P006).\n'
                '\n'
                "The same check judges every identity property of the registry's schemas: an update policy's\n"
                "`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.\n"
                '\n'
                '## Why is this bad?\n'
                '`ObjectId` is the object (principal) id of a managed identity assigned to the cluster, or\n'
                "`system` for the cluster's system-assigned identity. The service cannot resolve anything else\n"
                'to an identity and rejects the command; the policy is not changed.\n'
                '\n'
                '**Decision**: a GUID is the 8-4-4-4-12 form the docs and the Azure portal show. Forms .NET\n'
                'might also parse (no hyphens, parentheses) are reported, because nothing documents them.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa000011112222bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which identity was meant is not known for sure (the help shows the likely\n'
                'GUID when the digits are all there).'
            ),
            'kinds': frozenset({'managed_identity', 'query_acceleration', 'update'}),
            'reads_payload': True,
        },
    ),
    (
        'placeholder_object_id',
        ('check_view',),
        {
            'code': 'P004',
            'name': 'placeholder-object-id',
            'severity': Severity.ERROR,
            'summary': 'Reports template text left where an `ObjectId` GUID belongs.',
            'doc': (
                '## What it does\n'
                'Flags an `ObjectId` that looks like a placeholder rather than an identity: text with `<` or\n'
                '`>` (`<object-id>`), template markers (`{{ObjectId}}`, `$(ObjectId)`, `${OBJECT_ID}`,\n'
                '`#{ObjectId}#`, `%OBJECT_ID%`, `__OBJECT_ID__`), a GUID-shaped run of letters\n'
                '(`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`), or words such as `your-object-id`, `guid`, `TODO`.\n'
                '\n'
                "The same check judges every identity property of the registry's schemas: an update policy's\n"
                "`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.\n"
                '\n'
                '## Why is this bad?\n'
                "The value was meant to be replaced before deployment — by hand, or by a pipeline's token\n"
                'replacement step that did not run or did not match. The service cannot resolve it to an\n'
                'identity and rejects the command, typically in production only.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "<managed-identity-object-id>", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the identity is not known.'
            ),
            'kinds': frozenset({'managed_identity', 'query_acceleration', 'update'}),
            'reads_payload': True,
        },
    ),
    (
        'nil_object_id',
        ('check_view',),
        {
            'code': 'P005',
            'name': 'nil-object-id',
            'severity': Severity.ERROR,
            'summary': 'Reports the nil GUID `00000000-0000-0000-0000-000000000000` as an `ObjectId`.',
            'doc': (
                '## What it does\n'
                'Flags an `ObjectId` (bare or in braces) whose digits are all zero.\n'
                '\n'
                "The same check judges every identity property of the registry's schemas: an update policy's\n"
                "`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.\n"
                '\n'
                '## Why is this bad?\n'
                'No managed identity has the nil GUID as its object id; it is a default value or a stand-in\n'
                'left by a template. The identity is not assigned to the cluster, so the service rejects the\n'
                'command and the policy is not changed.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "00000000-0000-0000-0000-000000000000", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the identity is not known.'
            ),
            'kinds': frozenset({'managed_identity', 'query_acceleration', 'update'}),
            'reads_payload': True,
        },
    ),
    (
        'braced_object_id',
        ('check_view',),
        {
            'code': 'P006',
            'name': 'braced-object-id',
            'severity': Severity.WARNING,
            'summary': 'Reports an `ObjectId` GUID written in braces, `{aaaaaaaa-…}`.',
            'doc': (
                '## What it does\n'
                'Flags an `ObjectId` that is a GUID wrapped in `{` and `}`, the form .NET and PowerShell print\n'
                'GUIDs in and registry exports use.\n'
                '\n'
                "The same check judges every identity property of the registry's schemas: an update policy's\n"
                "`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.\n"
                '\n'
                '## Why is this bad?\n'
                'The docs and the Azure portal write object ids without braces, and `.show` returns them that\n'
                'way. Whether the service strips the braces is not documented: the command may fail, or the\n'
                'policy may hold an id that never matches the same identity written plainly (duplicate\n'
                'detection, diffs against `.show`, `.alter-merge` of the same identity).\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "{aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb}", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the braces is **safe**: the GUID stays the same, written as the docs write it.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity', 'query_acceleration', 'update'}),
            'reads_payload': True,
        },
    ),
    (
        'uppercase_object_id',
        ('check_view',),
        {
            'code': 'P007',
            'name': 'uppercase-object-id',
            'severity': Severity.INFO,
            'summary': 'Reports an `ObjectId` GUID written with uppercase hexadecimal digits.',
            'doc': (
                '## What it does\n'
                'Flags an `ObjectId` GUID (bare or in braces) with any of `A`-`F` in uppercase.\n'
                '\n'
                "The same check judges every identity property of the registry's schemas: an update policy's\n"
                "`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.\n"
                '\n'
                '## Why is this bad?\n'
                "It is not wrong: a GUID's digits are case-insensitive. But the Azure portal, the docs and\n"
                '`.show` write them in lowercase, so an uppercase id makes the script differ from what the\n'
                'cluster reports and hides the same identity from a plain text search or diff.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "AAAAAAAA-0000-1111-2222-BBBBBBBBBBBB", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Lowercasing is **safe**: it is the same GUID.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity', 'query_acceleration', 'update'}),
            'reads_payload': True,
        },
    ),
    (
        'system_case',
        ('check_view',),
        {
            'code': 'P008',
            'name': 'system-case',
            'severity': Severity.WARNING,
            'summary': 'Reports the reserved `ObjectId` `system` written in another case.',
            'doc': (
                '## What it does\n'
                'Flags `"ObjectId": "System"`, `"SYSTEM"` and every other spelling of `system` that is not all\n'
                'lowercase.\n'
                '\n'
                "The same check judges every identity property of the registry's schemas: an update policy's\n"
                "`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.\n"
                '\n'
                '## Why is this bad?\n'
                "`system` names the cluster's system-assigned identity. The docs always write it in lowercase\n"
                'and do not say whether the service accepts other cases. If it does not, the value is no GUID and\n'
                'the command fails; if it does, the script still differs from what `.show` returns.\n'
                '\n'
                '**Decision**: the docs are silent on case; kqllint warns and writes `system` as the docs do.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter cluster policy managed_identity ```[{ "ObjectId": "System", "AllowedUsages": "All" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter cluster policy managed_identity ```[{ "ObjectId": "system", "AllowedUsages": "All" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Lowercasing is **safe**: it writes the documented spelling of the same identity.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity', 'query_acceleration', 'update'}),
            'reads_payload': True,
        },
    ),
    (
        'unknown_usage',
        ('check_view',),
        {
            'code': 'P010',
            'name': 'unknown-usage',
            'severity': Severity.ERROR,
            'summary': 'Reports a usage in `AllowedUsages` that the ManagedIdentity policy does not know.',
            'doc': (
                '## What it does\n'
                'Checks every comma-separated item of `AllowedUsages` against the ten documented usages: `All`,\n'
                '`AutomatedFlows`, `AzureAI`, `DataConnection`, `ExportRequest`, `ExternalDataRequest`,\n'
                '`ExternalTable`, `NativeIngestion`, `SandboxArtifacts`, `SqlRequest`, and flags any other,\n'
                'suggesting the nearest (`ExternalTables`, a typo the docs themselves make once, is\n'
                '`ExternalTable`). A known name in another case is `usage-case` (P012), the old\n'
                '`AutomatedFlow` is `renamed-usage` (P011), a repeat is `duplicate-usage` (P013). Usages joined\n'
                'by `;`, `|` or spaces instead of `,` are named as such.\n'
                '\n'
                '## Why is this bad?\n'
                'The service validates the usages and rejects the command, so the identity gets none of them;\n'
                'the policy is not changed.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTables" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Replacing the name with the suggestion is **unsafe**: it grants a permission kqllint guessed.\n'
                'Usages joined by `;`, `|` or spaces are separated with `,` when each is a known usage; that is\n'
                '**unsafe** too, as it turns a command that fails into one that grants them.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'renamed_usage',
        ('check_view',),
        {
            'code': 'P011',
            'name': 'renamed-usage',
            'severity': Severity.ERROR,
            'summary': 'Reports the usage `AutomatedFlow`, renamed `AutomatedFlows` in 2023.',
            'doc': (
                '## What it does\n'
                'Flags `AutomatedFlow` (singular, any case) in `AllowedUsages`.\n'
                '\n'
                '## Why is this bad?\n'
                "`AutomatedFlow` was the usage's name until 2023; the docs now list only `AutomatedFlows`\n"
                '(continuous export, update policies and other automated flows run as the identity). Scripts\n'
                'written from older docs or blog posts still carry the old name.\n'
                '\n'
                '**Decision**: the docs do not say whether the service still accepts the old name. kqllint\n'
                'treats it like any name missing from the documented list, as an error, and says what it became.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "AutomatedFlow" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "AutomatedFlows" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Writing the new name is **safe**: it is the same usage under the name the service documents.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'usage_case',
        ('check_view',),
        {
            'code': 'P012',
            'name': 'usage-case',
            'severity': Severity.WARNING,
            'summary': 'Reports a usage name written in another case than the docs write it.',
            'doc': (
                '## What it does\n'
                'Flags `nativeingestion`, `NATIVEINGESTION`, `Externaltable` and every other spelling of a\n'
                'known usage that differs from the documented one only in case.\n'
                '\n'
                '## Why is this bad?\n'
                'The docs write every usage in PascalCase and do not say whether the service matches them\n'
                'ignoring case. If it does not, the command is rejected; if it does, `.show` returns another\n'
                'spelling than the script holds, and text searches and diffs miss it.\n'
                '\n'
                '**Decision**: the docs are silent; kqllint warns and writes the documented spelling.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "nativeingestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Writing the documented spelling is **safe**: it names the same usage.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'duplicate_usage',
        ('check_view',),
        {
            'code': 'P013',
            'name': 'duplicate-usage',
            'severity': Severity.INFO,
            'summary': 'Reports a usage listed twice in one `AllowedUsages`.',
            'doc': (
                '## What it does\n'
                'Flags the second and every later occurrence of a usage in the same `AllowedUsages` string,\n'
                'comparing names ignoring case (`NativeIngestion, nativeingestion`).\n'
                '\n'
                '## Why is this bad?\n'
                'A usage is allowed or not; listing it again adds nothing. The repeat is noise at best, and\n'
                'often marks an edit where another usage was meant.\n'
                '\n'
                '**Decision**: the docs do not say whether repeats are allowed; kqllint reports them as\n'
                'redundancy (`info`).\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable, NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the repeat (with its comma) is **safe**: the set of usages stays the same.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'all_with_other_usages',
        ('check_view',),
        {
            'code': 'P014',
            'name': 'all-with-other-usages',
            'severity': Severity.WARNING,
            'summary': 'Reports `All` listed together with other usages.',
            'doc': (
                '## What it does\n'
                'Flags an `AllowedUsages` that holds `All` and also one or more other usages, such as\n'
                '`"All, NativeIngestion"`, at the `All`.\n'
                '\n'
                '## Why is this bad?\n'
                '`All` allows every current and future usage, so the other names restrict nothing. The list\n'
                'reads as a narrow grant but gives the identity everything: usually `All` was left in by\n'
                'mistake, or the other names are leftovers of an older, narrower policy.\n'
                '\n'
                '**Decision**: the docs do not say whether `All` may be combined with other usages. kqllint\n'
                'warns, because the command grants more than it appears to.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "All, NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: whether `All` or the narrower list was meant is not known.'
            ),
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'empty_usages',
        ('check_view',),
        {
            'code': 'P015',
            'name': 'empty-usages',
            'severity': Severity.WARNING,
            'summary': 'Reports an `AllowedUsages` that lists no usage at all.',
            'doc': (
                '## What it does\n'
                'Flags `"AllowedUsages": ""` and values holding only commas and spaces (`", "`).\n'
                '\n'
                '## Why is this bad?\n'
                'An identity with no usage is allowed to do nothing, so the object has no effect at best; the\n'
                'service may as well reject it as a missing required value. It is usually a template whose\n'
                'usages were never filled in.\n'
                '\n'
                '**Decision**: the docs do not say whether an empty list is accepted; kqllint warns. Empty\n'
                'items next to real usages (`"A,,B"`) are `empty-usage-item` (P023).\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which usages to allow is not known.'
            ),
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'sandbox_artifacts_on_database',
        ('check_view',),
        {
            'code': 'P016',
            'name': 'sandbox-artifacts-on-database',
            'severity': Severity.WARNING,
            'summary': 'Reports the usage `SandboxArtifacts` in a database-level policy.',
            'doc': (
                '## What it does\n'
                'Flags `SandboxArtifacts` (any case) in `AllowedUsages` of `.alter database … policy\n'
                'managed_identity` and `.alter-merge database …`.\n'
                '\n'
                '## Why is this bad?\n'
                'The docs: `SandboxArtifacts` must be defined on the **cluster-level** policy; sandboxed\n'
                'plugins (such as `python()`) read their artifacts with the identity allowed there. Set on a\n'
                'database the usage has no effect, and the plugin fails to reach its artifacts at query time,\n'
                'long after the deployment succeeded.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter-merge database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "SandboxArtifacts" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter-merge cluster policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "SandboxArtifacts" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: moving a grant to the cluster policy widens it to every database and needs\n'
                'a decision.'
            ),
            'reads_head': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'duplicate_object_id',
        ('check_view',),
        {
            'code': 'P017',
            'name': 'duplicate-object-id',
            'severity': Severity.WARNING,
            'summary': 'Reports the same `ObjectId` in two objects of one policy.',
            'doc': (
                '## What it does\n'
                'Flags an `ObjectId` that an earlier object of the same payload already names, comparing GUIDs\n'
                'ignoring case and braces (and `system` ignoring case), on `.alter` and `.alter-merge` alike.\n'
                '\n'
                '## Why is this bad?\n'
                'One identity should have one object listing all its usages. The docs do not say what the\n'
                'service does with two: reject the command, merge their usages, or keep the last. Whichever it\n'
                'is, a reader sees two grants where the policy holds one, and when only one object survives,\n'
                'the usages of the other are silently lost.\n'
                '\n'
                '**Decision**: unknown service behaviour, a mistake either way; kqllint warns on both verbs.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[\n'
                '  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" },\n'
                '  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "ExternalTable" }\n'
                ']```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[\n'
                '  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable" }\n'
                ']```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: merging the objects is a decision about what to grant.'
            ),
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'empty_policy_alter_merge',
        ('check_view',),
        {
            'code': 'P021',
            'name': 'empty-policy-alter-merge',
            'severity': Severity.INFO,
            'summary': 'Reports `.alter-merge … policy managed_identity` with an empty array.',
            'doc': (
                '## What it does\n'
                'Flags an `.alter-merge` (cluster or database) whose payload is `[]`.\n'
                '\n'
                '## Why is this bad?\n'
                '`.alter-merge` adds identities and usages to the policy and cannot remove any, so merging an\n'
                'empty array changes nothing. It is a no-op; if the intent was to clear the policy, the command\n'
                'does not do it.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter-merge database db policy managed_identity ```[]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.delete database db policy managed_identity\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: whether to drop the command or to clear the policy is a decision.'
            ),
            'reads_head': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'empty_policy_alter',
        ('check_view',),
        {
            'code': 'P022',
            'name': 'empty-policy-alter',
            'severity': Severity.WARNING,
            'summary': 'Reports `.alter … policy managed_identity` with an empty array.',
            'doc': (
                '## What it does\n'
                'Flags an `.alter` (cluster or database) whose payload is `[]`.\n'
                '\n'
                '## Why is this bad?\n'
                '`.alter` replaces the whole policy: an empty array removes every identity from it, and with\n'
                'them ingestion, export, external tables and every other flow that runs as those identities.\n'
                'It is often an unfinished template or an `.alter` written where `.alter-merge` was meant.\n'
                'When clearing is the intent, `.delete … policy managed_identity` says so plainly.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.delete database db policy managed_identity\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: whether the policy should really be cleared is a decision.'
            ),
            'reads_head': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'empty_usage_item',
        ('check_view',),
        {
            'code': 'P023',
            'name': 'empty-usage-item',
            'severity': Severity.WARNING,
            'summary': 'Reports an empty item between commas in `AllowedUsages`.',
            'doc': (
                '## What it does\n'
                'Flags the empty items of `"NativeIngestion,,ExternalTable"`, `"NativeIngestion, "` and\n'
                '`", NativeIngestion"` when the list also holds real usages.\n'
                '\n'
                '## Why is this bad?\n'
                'An empty item names no usage. Whether the service skips it or rejects the whole list as an\n'
                'unknown usage `""` is not documented; either way it is the trace of a deleted usage or a\n'
                'stray comma.\n'
                '\n'
                '**Decision**: kqllint warns and removes the item. A list with no usage at all is\n'
                '`empty-usages` (P015).\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion,,ExternalTable," }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion,ExternalTable" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the empty item with one of its commas is **safe**: the usages listed stay the same.'
            ),
            'fixable': True,
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'example_object_id',
        ('check_view',),
        {
            'code': 'P024',
            'name': 'example-object-id',
            'severity': Severity.WARNING,
            'summary': "Reports an `ObjectId` that is one of the example GUIDs of Microsoft's documentation.",
            'doc': (
                '## What it does\n'
                "Flags an `ObjectId` (bare or in braces, any case) that is a GUID Microsoft's documentation\n"
                'uses as an example of an identity. The list kqllint knows:\n'
                '\n'
                '- the placeholder GUIDs Microsoft Learn writes for identities, by what they stand for:\n'
                "  object ids `aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb` (the ManagedIdentity policy commands'\n"
                '  own example), `bbbbbbbb-1111-2222-3333-cccccccccccc`, `cccccccc-2222-3333-4444-dddddddddddd`;\n'
                '  principal ids `aaaaaaaa-bbbb-cccc-1111-222222222222`, `bbbbbbbb-cccc-dddd-2222-333333333333`;\n'
                '  application (client) ids `00001111-aaaa-2222-bbbb-3333cccc4444` (the `ClientId` of the\n'
                '  `.show` example), `11112222-bbbb-3333-cccc-4444dddd5555`, `22223333-cccc-4444-dddd-5555eeee6666`;\n'
                '  tenant ids `aaaabbbb-0000-cccc-1111-dddd2222eeee` (the `TenantId` of the `.show` example),\n'
                '  `bbbbcccc-1111-dddd-2222-eeee3333ffff`, `ccccdddd-2222-eeee-3333-ffff4444aaaa`,\n'
                '  `ddddeeee-3333-ffff-4444-aaaa5555bbbb`; resource ids `00aa00aa-bb11-cc22-dd33-44ee44ee44ee`,\n'
                '  `11bb11bb-cc22-dd33-ee44-55ff55ff55ff`, `a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1`;\n'
                "- the identity GUIDs of Kusto's own pages, now and in earlier versions:\n"
                "  `12345678-1234-1234-1234-1234567890ab` (the query acceleration policy's `ManagedIdentity`),\n"
                '  `802bada6-4d21-44b2-9d15-e66b29e4d63e` (external tables with a managed identity), and\n'
                '  `f687680c-5ba0-4025-ab04-0433fdbd0086`, `7c8fee41-97d1-4ebd-9140-32a3b8316820`,\n'
                '  `4549d41b-a99d-4367-a887-7dd2c00e542c` (the object, client and tenant id of the\n'
                '  `.show … policy managed_identity` example).\n'
                '\n'
                'The nil GUID `00000000-0000-0000-0000-000000000000` is not in the list:\n'
                '`nil-object-id` (P005) reports it.\n'
                '\n'
                '## Why is this bad?\n'
                'A command copied from the docs and run as it is deploys a policy for an identity that is not\n'
                'yours (typically one that does not exist, or is not assigned to the cluster, and then the\n'
                'service rejects the command). One public sample script did exactly that. The value was meant\n'
                'to be replaced with the object (principal) id of your managed identity.\n'
                '\n'
                '**Decision**: a warning, not an error. These are valid GUIDs, so `invalid-object-id` (P003)\n'
                'rightly accepts them, and kqllint cannot know that no real identity has one; it is still\n'
                'almost surely a copy that was not edited. Suppress it with `// kqllint: ignore[P024]` where\n'
                'the example is meant, as in documentation.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "system", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the identity is not known.'
            ),
            'kinds': frozenset({'managed_identity'}),
            'reads_payload': True,
        },
    ),
    (
        'unknown_property',
        ('check_view',),
        {
            'code': 'P101',
            'name': 'unknown-property',
            'severity': Severity.WARNING,
            'summary': "Reports a property the policy kind's documentation does not list.",
            'doc': (
                '## What it does\n'
                'Flags a key of a policy object (or a keyword argument) that is not among the documented\n'
                "properties of the command's policy kind, compared ignoring case (a known name in another case is\n"
                '`property-case` (P102)), and suggests the nearest documented name. Every kind of the registry\n'
                "with a payload schema is checked: ManagedIdentity's `ObjectId`/`AllowedUsages`, update's\n"
                "`Source`/`Query`, retention's `SoftDeletePeriod`, and so on. It replaces the ManagedIdentity\n"
                'rule `P019`, which stays accepted as an alias.\n'
                '\n'
                '## Why is this bad?\n'
                'A misspelt property (`SourceTable` for `Source`, `AllowedUsage` for `AllowedUsages`) leaves\n'
                'the real one at its default or missing, and an invented one suggests a setting the service does\n'
                'not have.\n'
                '\n'
                '**Decision**: a warning, not an error. The docs list the properties but do not say what the\n'
                'service does with another one; Json.NET, its reader, ignores unknown members by default, so the\n'
                'command most likely runs and silently does less than it says.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy update ```\n'
                '[{ "IsEnabled": true, "SourceTable": "Raw", "Query": "Parse()", "IsTransactional": true }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy update ```\n'
                '[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: whether the property was misspelt or invented is not known.'
            ),
            'reads_payload': True,
            'reports_check': 'unknown-property',
        },
    ),
    (
        'property_case',
        ('check_view',),
        {
            'code': 'P102',
            'name': 'property-case',
            'severity': Severity.WARNING,
            'summary': 'Reports a policy property name written in another case than the docs write it.',
            'doc': (
                '## What it does\n'
                'Flags `objectId`, `softDeletePeriod`, `ISENABLED` and every other spelling of a documented\n'
                'property name, of any policy kind, that differs from the documented one only in case. It\n'
                'replaces the ManagedIdentity rule `P020`, which stays accepted as an alias.\n'
                '\n'
                '## Why is this bad?\n'
                "Json.NET, the service's reader, binds property names ignoring case, so the command most likely\n"
                'works; but every doc and `.show` write the documented name, other JSON tools match names\n'
                'exactly, and a second spelling hides duplicates from a reader.\n'
                '\n'
                '**Decision**: the docs are silent on case; kqllint warns and writes the documented name. The\n'
                'other rules still read the value under any case.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "softDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Writing the documented name is **safe**: Json.NET binds both spellings to the same property.'
            ),
            'fixable': True,
            'reads_payload': True,
            'reports_check': 'property-case',
        },
    ),
    (
        'wrong_value_type',
        ('check_view',),
        {
            'code': 'P103',
            'name': 'wrong-value-type',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy property whose value has the wrong JSON type.',
            'doc': (
                '## What it does\n'
                "Flags a property value of another JSON type than the policy kind's schema gives it: a number\n"
                'for a string (`"ObjectId": 12`, `"Source": null`), a string for a boolean (`"IsEnabled":\n'
                '"true"`), a string or a fraction for an integer, an object where an array belongs inside the\n'
                'policy (`"PartitionKeys": {...}`), and the reverse. Property names are matched ignoring case,\n'
                'and when one is given twice the last value (the one a JSON reader keeps) is checked. It\n'
                "replaces the ManagedIdentity rule `P009`, which stays accepted as an alias; the payload's own\n"
                'shape is `wrong-payload-shape` (J002), an array element that is not an object\n'
                '`element-not-object` (J003).\n'
                '\n'
                '## Why is this bad?\n'
                'The service reads the policy object into typed properties; a value of another type fails to\n'
                "bind and the command is rejected. ManagedIdentity's `AllowedUsages`, in particular, is one\n"
                'string holding a comma-separated list, not a JSON array.\n'
                '\n'
                '**Decision**: an error: the service rejects the command.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy update ```\n'
                '[{ "IsEnabled": "true", "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy update ```\n'
                '[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Where the meaning is certain, a string holding `true`, `false` or an integer is written as that\n'
                'JSON value. The fix is **unsafe**: it turns a command that fails into one that sets the policy,\n'
                'which deserves a review. No other value is fixed.'
            ),
            'fixable': True,
            'reads_payload': True,
        },
    ),
    (
        'missing_property',
        ('check_view',),
        {
            'code': 'P104',
            'name': 'missing-property',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy object without a property its kind requires.',
            'doc': (
                '## What it does\n'
                "Flags every policy object that lacks a property the docs require on the command's verb:\n"
                "ManagedIdentity's `ObjectId` and `AllowedUsages`, update's `Source` and `Query`, streaming\n"
                "ingestion's `IsEnabled` on `.alter`, auto delete's `ExpiryDate`, and the others the registry\n"
                'lists. A name in another case counts as present (`property-case` (P102) reports it). It\n'
                'replaces the ManagedIdentity rules `P001` (`missing-object-id`) and `P002`\n'
                '(`missing-allowed-usages`), which stay accepted as aliases.\n'
                '\n'
                '## Why is this bad?\n'
                'The docs say the property must be given; without it the service does not know what to apply\n'
                '(which identity, which source table) and rejects the command.\n'
                '\n'
                '**Decision**: an error: the service rejects the command. The help points at a misspelt key\n'
                'that was probably meant (`"Sourse"`), or says what to add.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{ "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the value is not known.'
            ),
            'reads_payload': True,
            'reports_check': 'missing-required',
        },
    ),
    (
        'service_filled_property',
        ('check_view',),
        {
            'code': 'P105',
            'name': 'service-filled-property',
            'severity': Severity.WARNING,
            'summary': 'Reports a property the service fills in, given in the command.',
            'doc': (
                '## What it does\n'
                "Flags a property that the policy kind's docs list as output only, filled in by the service:\n"
                "ManagedIdentity's `ClientId`, `TenantId`, `DisplayName` and `IsSystem`, update's\n"
                '`OwnerPrincipalDetails`, and the others the registry marks (any case). They appear when `.show`\n'
                'output is pasted back into an `.alter` command. It replaces the ManagedIdentity rule `P018`,\n'
                'which stays accepted as an alias.\n'
                '\n'
                '## Why is this bad?\n'
                'Only the other properties are input. For ManagedIdentity the command page says these "are\n'
                'automatically populated"; the early docs (2021) said they "should not be provided"; the policy\n'
                'page calls `DisplayName` "user-definable" in one sentence and service-filled in its table. A\n'
                'value given here is, by most of the docs, overwritten or ignored, so the command states an id,\n'
                'tenant or name the policy will not hold: copied from another environment, it is simply wrong.\n'
                '\n'
                '**Decision**: given the contradictions kqllint does not call it an error, but warns: the\n'
                'command may silently say something else than the policy ends up holding.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{\n'
                '  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",\n'
                '  "ClientId": "aaaaaaaa-0000-1111-2222-cccccccccccc",\n'
                '  "AllowedUsages": "NativeIngestion"\n'
                '}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{\n'
                '  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",\n'
                '  "AllowedUsages": "NativeIngestion"\n'
                '}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the property is **unsafe**: if the service does read it (as one docs sentence says\n'
                "of ManagedIdentity's `DisplayName`), the result changes."
            ),
            'fixable': True,
            'reads_payload': True,
            'reports_check': 'service-filled',
        },
    ),
    (
        'property_not_allowed_here',
        ('check_view',),
        {
            'code': 'P106',
            'name': 'property-not-allowed-here',
            'severity': Severity.ERROR,
            'summary': 'Reports a property the docs allow on other entities only.',
            'doc': (
                '## What it does\n'
                'Flags a property (or keyword argument) that the registry allows only on some entities,\n'
                "given on another: row level security's `allowMaterializedViewsWithoutRowLevelSecurity` is a\n"
                "table's option, not a materialized view's.\n"
                '\n'
                '## Why is this bad?\n'
                'The docs define the property for one kind of entity only; on another the service has nothing\n'
                'to apply it to.\n'
                '\n'
                '**Decision**: an error, as the severity rule asks for what the service rejects: the docs say\n'
                'where the property may be given, and only there.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter materialized-view V policy row_level_security enable with (allowMaterializedViewsWithoutRowLevelSecurity = true) "Q"\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter materialized-view V policy row_level_security enable "Q"\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: whether the property or the entity is wrong is not known.'
            ),
            'reads_payload': True,
            'reports_check': 'not-allowed-at-scope',
        },
    ),
    (
        'unknown_enum_value',
        ('check_view',),
        {
            'code': 'P107',
            'name': 'unknown-enum-value',
            'severity': Severity.WARNING,
            'summary': "Reports a value outside a property's documented set.",
            'doc': (
                '## What it does\n'
                "Flags a string property whose documented values are a closed set (retention's\n"
                "`Recoverability`, merge's `Lookback.Kind`, partitioning's `Kind` and `Function`, ...) given a\n"
                'value that is none of them in any case, and suggests the nearest documented value.\n'
                '\n'
                '## Why is this bad?\n'
                'The service parses these values into an enumeration; a misspelt one (`Disable` for `Disabled`)\n'
                'does not mean what it says.\n'
                '\n'
                '**Decision**: a warning, not an error: the docs list the values but not what the service does\n'
                'with another one.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Disable" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Disabled" }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: a near name is suggested in the help, but the intent is not certain.'
            ),
            'reads_payload': True,
            'reports_check': 'unknown-enum',
        },
    ),
    (
        'enum_value_case',
        ('check_view',),
        {
            'code': 'P108',
            'name': 'enum-value-case',
            'severity': Severity.WARNING,
            'summary': 'Reports a documented enumeration value written in another case.',
            'doc': (
                '## What it does\n'
                'Flags a value of a closed set written in another case than the docs write it:\n'
                '`"enabled"` for retention\'s `Recoverability`, `"hash"` for a partition key\'s `Kind`. Values\n'
                'the docs themselves write in several cases are not checked.\n'
                '\n'
                '## Why is this bad?\n'
                'The service reads these values ignoring case, so the command works, but every doc and `.show`\n'
                'write the documented spelling, and a reader comparing values is misled.\n'
                '\n'
                '**Decision**: a warning, as for property names (`property-case`).\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "enabled" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Writing the documented spelling is **safe**: the service reads both the same.'
            ),
            'fixable': True,
            'reads_payload': True,
            'reports_check': 'enum-case',
        },
    ),
    (
        'renamed_enum_value',
        ('check_view',),
        {
            'code': 'P109',
            'name': 'renamed-enum-value',
            'severity': Severity.WARNING,
            'summary': 'Reports an enumeration value under its old, renamed spelling.',
            'doc': (
                '## What it does\n'
                "Flags a value the docs once used and have since renamed, such as partitioning's\n"
                '`PartitionAssignmentMode` `Default` (now `ByPartition`).\n'
                '\n'
                '## Why is this bad?\n'
                'The old name is kept for compatibility and means the same, but it is no longer documented,\n'
                'and a reader looking it up finds nothing.\n'
                '\n'
                '**Decision**: a warning: the command works today, but relies on an undocumented spelling.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy partitioning ```\n'
                '{ "PartitionKeys": [{ "ColumnName": "Id", "Kind": "Hash",\n'
                '  "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Default" } }] }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy partitioning ```\n'
                '{ "PartitionKeys": [{ "ColumnName": "Id", "Kind": "Hash",\n'
                '  "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "ByPartition" } }] }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                "Writing today's name is **safe**: the old name means the same value."
            ),
            'fixable': True,
            'reads_payload': True,
            'reports_check': 'renamed-enum',
        },
    ),
    (
        'invalid_timespan',
        ('check_view',),
        {
            'code': 'P110',
            'name': 'invalid-timespan',
            'severity': Severity.WARNING,
            'summary': 'Reports a timespan not written as `[d.]hh:mm[:ss[.fffffff]]`.',
            'doc': (
                '## What it does\n'
                "Flags a timespan property (retention's `SoftDeletePeriod`, ingestion batching's\n"
                "`MaximumBatchingTimeSpan`, merge's `MaxRangeInHours` periods, ...) whose string is not a .NET\n"
                '`TimeSpan` in constant form: `"10d"`, `"1h"`, `"P10D"`, `"25:00:00"`. In keyword forms\n'
                '(`softdelete = 10x`) it flags a value that is not a Kusto timespan literal.\n'
                '\n'
                '## Why is this bad?\n'
                'The service parses the string with .NET\'s `TimeSpan.Parse`: `"10d"` and `"P10D"` are rejected,\n'
                'and a bare number such as `"10"` is read as ten *days*, whatever unit was meant.\n'
                '\n'
                '**Decision**: a warning, not an error: some of these forms fail and some are silently read\n'
                'another way, and which depends on the text.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "10d", "Recoverability": "Enabled" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'When the meaning is certain (`"10d"`, `"1.5h"`, `"PT30M"`, `7D` in a keyword form) the fix\n'
                'writes the same length in the documented form (`"10.00:00:00"`). It is **unsafe**: it turns a\n'
                'command that fails (or reads another length) into one that sets the policy, which deserves a\n'
                'review. The formatter never changes a timespan; only this fix does.'
            ),
            'fixable': True,
            'reads_payload': True,
            'reports_check': 'bad-timespan',
        },
    ),
    (
        'invalid_datetime',
        ('check_view',),
        {
            'code': 'P111',
            'name': 'invalid-datetime',
            'severity': Severity.ERROR,
            'summary': 'Reports a datetime property that does not parse.',
            'doc': (
                '## What it does\n'
                "Flags a datetime property (auto delete's `ExpiryDate`, ...) whose string is not an ISO 8601\n"
                'date or date and time: `"next year"`, `"2030-13-01"`, `"01/02/2030"`; and a caching\n'
                '`hot_window` whose `datetime(...)` holds a date that does not exist (`datetime(2021-02-30)`).\n'
                'Kusto also reads RFC 822 and RFC 850 dates in `datetime(...)`: those are not judged.\n'
                '\n'
                '## Why is this bad?\n'
                'The service cannot read the date and rejects the command, or reads a day-month order you did\n'
                'not mean.\n'
                '\n'
                '**Decision**: an error: the value is not a date.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy auto_delete ```{ "ExpiryDate": "31/12/2030", "DeleteIfNotEmpty": true }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy auto_delete ```{ "ExpiryDate": "2030-12-31", "DeleteIfNotEmpty": true }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the intended date is not certain.'
            ),
            'reads_payload': True,
            'reports_check': 'bad-datetime',
        },
    ),
    (
        'value_out_of_range',
        ('check_view',),
        {
            'code': 'P112',
            'name': 'value-out-of-range',
            'severity': Severity.ERROR,
            'summary': 'Reports a value outside its documented range.',
            'doc': (
                '## What it does\n'
                "Flags a number or timespan outside the range the docs give for it: ingestion batching's\n"
                '`MaximumBatchingTimeSpan` (10 seconds to 30 minutes), `MaximumNumberOfItems` (1 to 25,000) and\n'
                "`MaximumRawDataSizeMB` (100 to 4,096), partitioning's `MaxPartitionCount` (above 1, at most\n"
                '2,048), a negative soft-delete period, too many items in an array.\n'
                '\n'
                '## Why is this bad?\n'
                'The service enforces these ranges and rejects the command.\n'
                '\n'
                '**Decision**: an error: the docs state the range as enforced.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy ingestionbatching ```\n'
                '{ "MaximumBatchingTimeSpan": "01:00:00", "MaximumNumberOfItems": 500, "MaximumRawDataSizeMB": 1024 }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy ingestionbatching ```\n'
                '{ "MaximumBatchingTimeSpan": "00:30:00", "MaximumNumberOfItems": 500, "MaximumRawDataSizeMB": 1024 }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which value in the range was meant is not known.'
            ),
            'reads_payload': True,
            'reports_check': 'out-of-range',
        },
    ),
    (
        'removed_property',
        ('check_view',),
        {
            'code': 'P113',
            'name': 'removed-property',
            'severity': Severity.INFO,
            'summary': 'Reports a property the docs once listed and no longer do.',
            'doc': (
                '## What it does\n'
                "Flags a property the registry marks as removed from the docs, such as the merge policy's\n"
                '`LoopPeriod`.\n'
                '\n'
                '## Why is this bad?\n'
                'The service may still read it, but nothing documents what it does now; it is usually a\n'
                'leftover of an old script.\n'
                '\n'
                '**Decision**: info: the command works; the property is noise at worst.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy merge ```{ "RowCountUpperBoundForMerge": 16000000, "LoopPeriod": "01:00:00" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy merge ```{ "RowCountUpperBoundForMerge": 16000000 }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: remove it unless support asked for it.'
            ),
            'reads_payload': True,
            'reports_check': 'removed-property',
        },
    ),
    (
        'zero_retention_on_database',
        ('check_view',),
        {
            'code': 'P201',
            'name': 'zero-retention-on-database',
            'severity': Severity.ERROR,
            'summary': 'Reports a soft-delete period of 0 on a database.',
            'doc': (
                '## What it does\n'
                'Flags a retention policy on a database whose `SoftDeletePeriod` is `00:00:00`, in the JSON\n'
                'form or as `softdelete = 0d`.\n'
                '\n'
                '## Why is this bad?\n'
                'The docs allow a soft-delete period of 0 only on tables (data is then deleted right after\n'
                'ingestion); the service rejects it on a database.\n'
                '\n'
                '**Decision**: an error: the service rejects it.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Disabled" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table Staging policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Disabled" }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: set 0 on the tables that need it.'
            ),
            'kinds': frozenset({'retention'}),
            'reads_payload': True,
            'reports_check': 'zero-retention-on-database',
        },
    ),
    (
        'zero_retention_recoverable',
        ('check_view',),
        {
            'code': 'P202',
            'name': 'zero-retention-recoverable',
            'severity': Severity.ERROR,
            'summary': 'Reports a soft-delete period of 0 with recoverability enabled.',
            'doc': (
                '## What it does\n'
                'Flags a retention policy whose `SoftDeletePeriod` is 0 and whose `Recoverability` is\n'
                '`Enabled` (also `softdelete = 0d recoverability = enabled`).\n'
                '\n'
                '## Why is this bad?\n'
                'Data deleted right after ingestion cannot be kept for recovery: the docs require\n'
                '`Recoverability` `Disabled` with a period of 0, and the service rejects the command.\n'
                '\n'
                '**Decision**: an error: the service rejects it.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Enabled" }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Disabled" }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Writing `Disabled` is **unsafe**: it turns a command that fails into one that sets the policy,\n'
                'and it gives up recoverability, which deserves a review (the period may be what is wrong).'
            ),
            'fixable': True,
            'kinds': frozenset({'retention'}),
            'reads_payload': True,
            'reports_check': 'zero-retention-recoverable',
        },
    ),
    (
        'update_not_transactional',
        ('check_view',),
        {
            'code': 'P203',
            'name': 'update-not-transactional',
            'severity': Severity.INFO,
            'summary': 'Reports an update policy that is not transactional.',
            'doc': (
                '## What it does\n'
                'Flags an update policy entry whose `IsTransactional` is `false`, or not given (the default\n'
                'is `false`).\n'
                '\n'
                '## Why is this bad?\n'
                'A non-transactional update policy that fails leaves the source table ingested and the target\n'
                'table without the data, silently. The docs advise transactional policies for production.\n'
                '\n'
                '**Decision**: info: it is a valid choice in some designs, but usually an oversight.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table Target policy update ```\n'
                '[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": false }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table Target policy update ```\n'
                '[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: a transactional policy changes how failures behave.'
            ),
            'kinds': frozenset({'update'}),
            'reads_payload': True,
            'reports_check': 'not-transactional',
        },
    ),
    (
        'partition_key_conflict',
        ('check_view',),
        {
            'code': 'P204',
            'name': 'partition-key-conflict',
            'severity': Severity.WARNING,
            'summary': 'Reports partition keys of one kind twice, or properties of the other kind.',
            'doc': (
                '## What it does\n'
                'Flags a partitioning policy with two `Hash` keys or two `UniformRange` keys, and a key whose\n'
                '`Properties` hold a property of the other kind of key (`Reference` on a `Hash` key, `Seed` on a\n'
                '`UniformRange` key).\n'
                '\n'
                '## Why is this bad?\n'
                "The docs allow at most one key of each kind, with the properties of its kind; the service's\n"
                'reaction to more is not documented.\n'
                '\n'
                "**Decision**: a warning: the docs say it is wrong, the service's reaction is unknown.\n"
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy partitioning ```\n'
                '{ "PartitionKeys": [\n'
                '  { "ColumnName": "A", "Kind": "Hash", "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Uniform" } },\n'
                '  { "ColumnName": "B", "Kind": "Hash", "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Uniform" } }\n'
                '] }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy partitioning ```\n'
                '{ "PartitionKeys": [\n'
                '  { "ColumnName": "A", "Kind": "Hash", "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Uniform" } }\n'
                '] }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which key to keep is not known.'
            ),
            'kinds': frozenset({'partitioning'}),
            'reads_payload': True,
            'reports_check': 'partition-key-conflict',
        },
    ),
    (
        'custom_lookback_without_period',
        ('check_view',),
        {
            'code': 'P205',
            'name': 'custom-lookback-without-period',
            'severity': Severity.WARNING,
            'summary': 'Reports a `Custom` merge lookback without `CustomPeriod`.',
            'doc': (
                '## What it does\n'
                'Flags a merge policy whose `Lookback` has `Kind` `Custom` and no `CustomPeriod`.\n'
                '\n'
                '## Why is this bad?\n'
                'A custom lookback is defined by its period; without one the docs do not say what is merged.\n'
                '\n'
                "**Decision**: a warning: the docs say it is needed, the service's reaction is unknown.\n"
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy merge ```{ "Lookback": { "Kind": "Custom" } }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy merge ```{ "Lookback": { "Kind": "Custom", "CustomPeriod": "07:00:00" } }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the period is not known.'
            ),
            'kinds': frozenset({'merge'}),
            'reads_payload': True,
            'reports_check': 'custom-lookback-without-period',
        },
    ),
    (
        'expiry_in_past',
        ('check_view',),
        {
            'code': 'P206',
            'name': 'expiry-in-past',
            'severity': Severity.ERROR,
            'summary': 'Reports an auto-delete expiry date that has passed.',
            'doc': (
                '## What it does\n'
                'Flags an auto delete policy whose `ExpiryDate` is at or before the time kqllint runs (UTC).\n'
                '\n'
                '## Why is this bad?\n'
                'The service rejects an expiry date in the past; a script written long ago with a date that\n'
                'was then in the future fails when it is run again.\n'
                '\n'
                '**Decision**: an error: the service rejects it. The finding depends on the day kqllint runs.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy auto_delete ```{ "ExpiryDate": "2020-01-01", "DeleteIfNotEmpty": true }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy auto_delete ```{ "ExpiryDate": "2999-01-01", "DeleteIfNotEmpty": true }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the intended date is not known.'
            ),
            'kinds': frozenset({'auto_delete'}),
            'reads_payload': True,
            'reports_check': 'expiry-in-past',
        },
    ),
    (
        'invalid_tag_prefix',
        ('check_view',),
        {
            'code': 'P207',
            'name': 'invalid-tag-prefix',
            'severity': Severity.ERROR,
            'summary': 'Reports an extent tag prefix that does not end in its only colon.',
            'doc': (
                '## What it does\n'
                'Flags an extent tags retention entry whose `TagPrefix` does not end with `:`, or has a `:`\n'
                'before its end (`"drop-by"`, `"a:b:"`).\n'
                '\n'
                '## Why is this bad?\n'
                'The docs require a prefix such as `drop-by:` ending in its one colon; the service rejects\n'
                'another.\n'
                '\n'
                '**Decision**: an error: the service rejects it.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table T policy extent_tags_retention ```[{ "TagPrefix": "drop-by", "RetentionPeriod": "1.00:00:00" }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy extent_tags_retention ```[{ "TagPrefix": "drop-by:", "RetentionPeriod": "1.00:00:00" }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: where the colon belongs is not certain.'
            ),
            'kinds': frozenset({'extent_tags_retention'}),
            'reads_payload': True,
            'reports_check': 'bad-tag-prefix',
        },
    ),
    (
        'invalid_callout_regex',
        ('check_view',),
        {
            'code': 'P208',
            'name': 'invalid-callout-regex',
            'severity': Severity.WARNING,
            'summary': 'Reports a callout `CalloutUriRegex` that .NET certainly cannot compile.',
            'doc': (
                '## What it does\n'
                'Flags a callout policy entry whose `CalloutUriRegex` is not a valid .NET regular expression,\n'
                'where kqllint can be sure of it. kqllint has no .NET regex engine, so it reports two sorts of\n'
                'pattern only:\n'
                "- a mistake that Python's `re` and .NET both reject: a `(` or `[` never closed, a `)` never\n"
                '  opened, a quantifier with nothing before it or straight after another one, `{5,2}` (the\n'
                '  lower count above the upper), a range written backwards (`[z-a]`), a lone `\\` at the end;\n'
                '- Python syntax that .NET lacks: named groups written `(?P<name>...)` or `(?P=name)`, and\n'
                '  possessive quantifiers (`a*+`, `a++`, `a{2}+`).\n'
                '\n'
                'It cannot judge what only .NET understands, and says nothing about it either way: `(?<name>...)`\n'
                'groups, Unicode categories such as `\\p{L}`, class subtraction (`[a-z-[aeiou]]`), inline options\n'
                'in the middle of a pattern, lookbehinds of varying length. A pattern in free-spacing (`x`) mode\n'
                'is reported only for the mistakes both engines reject.\n'
                '\n'
                '## Why is this bad?\n'
                'The service cannot compile such a pattern, so the entry cannot allow or deny the callouts it\n'
                'was written for.\n'
                '\n'
                '**Decision**: a warning: the docs say the pattern is a .NET regular expression, but whether the\n'
                'service rejects the command or keeps an entry that never matches is not documented.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter cluster policy callout ```[{ "CalloutType": "sql", "CalloutUriRegex": "(sqlname\\\\.database", "CanCall": true }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter cluster policy callout ```[{ "CalloutType": "sql", "CalloutUriRegex": "sqlname\\\\.database\\\\.azure\\\\.com/?$", "CanCall": true }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: what the pattern was meant to match is not known.'
            ),
            'kinds': frozenset({'callout'}),
            'reads_payload': True,
            'reports_check': 'invalid-callout-regex',
        },
    ),
    (
        'min_above_max',
        ('check_view',),
        {
            'code': 'P209',
            'name': 'min-above-max',
            'severity': Severity.WARNING,
            'summary': 'Reports a minimum above its maximum.',
            'doc': (
                '## What it does\n'
                'Flags a pair of bounds given the wrong way round: a capacity sub-object whose\n'
                '`MinimumConcurrentOperationsPerNode` or `ClusterMinimumConcurrentOperations` is above the\n'
                'matching maximum, a query weak consistency policy whose `MinimumNumberOfNodes` is above\n'
                "`MaximumNumberOfNodes` (neither being `-1`, the service's default), a query acceleration hot\n"
                'window whose `MinValue` is after its `MaxValue`, or a caching `hot_window = datetime(from) ..\n'
                'datetime(to)` whose `from` is after its `to`.\n'
                '\n'
                '## Why is this bad?\n'
                'The two bounds describe a range, and a range whose start is past its end holds nothing: the\n'
                'values were most likely swapped.\n'
                '\n'
                '**Decision**: a warning: the docs say the minimum must not exceed the maximum, but not how the\n'
                'service reacts when it does.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter-merge cluster policy query_weak_consistency ```{ "MinimumNumberOfNodes": 10, "MaximumNumberOfNodes": 3 }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter-merge cluster policy query_weak_consistency ```{ "MinimumNumberOfNodes": 3, "MaximumNumberOfNodes": 10 }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which of the two values is wrong is not known.'
            ),
            'kinds': frozenset({'caching', 'capacity', 'query_acceleration', 'query_weak_consistency'}),
            'reads_payload': True,
            'reports_check': 'min-above-max',
        },
    ),
    (
        'partial_alter',
        ('check_view',),
        {
            'code': 'P210',
            'name': 'partial-alter',
            'severity': Severity.INFO,
            'summary': 'Reports an `.alter` that resets the properties it does not give.',
            'doc': (
                '## What it does\n'
                'Flags an `.alter` of the capacity or query weak consistency policy that leaves out documented\n'
                'properties, and names them. The docs say such an `.alter` sets every property it does not give\n'
                'back to its default.\n'
                '\n'
                '## Why is this bad?\n'
                'A script that means to change one limit quietly resets all the others, undoing settings made\n'
                'earlier. `.alter-merge` changes only the properties it gives.\n'
                '\n'
                '**Decision**: info: the command is valid and may be meant; the finding points out what else it\n'
                'changes.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter cluster policy query_weak_consistency ```{ "PercentageOfNodes": 30 }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter-merge cluster policy query_weak_consistency ```{ "PercentageOfNodes": 30 }```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: whether the reset is meant is not known.'
            ),
            'kinds': frozenset({'capacity', 'query_weak_consistency'}),
            'reads_payload': True,
            'reports_check': 'partial-alter',
        },
    ),
    (
        'duplicate_sandbox_kind',
        ('check_view',),
        {
            'code': 'P211',
            'name': 'duplicate-sandbox-kind',
            'severity': Severity.WARNING,
            'summary': 'Reports two sandbox policy entries for one `SandboxKind`.',
            'doc': (
                '## What it does\n'
                'Flags a sandbox policy entry whose `SandboxKind` (compared ignoring case) an earlier entry of\n'
                'the same array already has.\n'
                '\n'
                '## Why is this bad?\n'
                'Each sandbox kind has one policy; the docs do not say which of two entries for it the service\n'
                'keeps, so the limits that apply are uncertain.\n'
                '\n'
                '**Decision**: a warning: the docs say one entry per kind, but not how the service treats a\n'
                'second one.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter cluster policy sandbox ```[{ "SandboxKind": "PythonExecution", "IsEnabled": true }, { "SandboxKind": "PythonExecution", "IsEnabled": false }]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter cluster policy sandbox ```[{ "SandboxKind": "PythonExecution", "IsEnabled": true }]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which entry is meant is not known.'
            ),
            'kinds': frozenset({'sandbox'}),
            'reads_payload': True,
            'reports_check': 'duplicate-sandbox-kind',
        },
    ),
    (
        'queuing_without_concurrency_limit',
        ('check_view',),
        {
            'code': 'P212',
            'name': 'queuing-without-concurrency-limit',
            'severity': Severity.WARNING,
            'summary': 'Reports request queuing on a workload group without a group-wide concurrency limit.',
            'doc': (
                '## What it does\n'
                'Flags a `.create-or-alter workload_group` whose `RequestQueuingPolicy` is enabled while its\n'
                '`RequestRateLimitPolicies` hold no limit with `"Scope": "WorkloadGroup"` and `"LimitKind":\n'
                '"ConcurrentRequests"`. `.alter-merge` is not judged: it keeps the limits the group already has.\n'
                '\n'
                '## Why is this bad?\n'
                'The docs say queuing applies only to a group with such a limit: requests over the limit wait\n'
                'instead of failing. Without one there is nothing to queue behind, and the setting does nothing.\n'
                '\n'
                '**Decision**: a warning: the docs state the condition, not how the service reacts.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.create-or-alter workload_group Reports ```{ "RequestQueuingPolicy": { "IsEnabled": true } }```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.create-or-alter workload_group Reports ```\n'
                '{\n'
                '  "RequestQueuingPolicy": { "IsEnabled": true },\n'
                '  "RequestRateLimitPolicies": [\n'
                '    { "IsEnabled": true, "Scope": "WorkloadGroup", "LimitKind": "ConcurrentRequests", "Properties": { "MaxConcurrentRequests": 20 } }\n'
                '  ]\n'
                '}\n'
                '```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                "There is no fix: the limit's value is the author's to choose."
            ),
            'kinds': frozenset({'workload_group'}),
            'reads_payload': True,
            'reports_check': 'queuing-without-concurrency-limit',
        },
    ),
    (
        'built_in_workload_group',
        ('check_view',),
        {
            'code': 'P213',
            'name': 'built-in-workload-group',
            'severity': Severity.ERROR,
            'summary': 'Reports a change the service does not allow to a built-in workload group.',
            'doc': (
                '## What it does\n'
                'Flags any `.create-or-alter` or `.alter-merge` of the `internal` workload group, and, on the\n'
                '`$materialized-views` group, anything but the four request limits it lets you change:\n'
                '`MaxMemoryPerQueryPerNode`, `MaxMemoryPerIterator`, `MaxFanoutThreadsPercentage` and\n'
                '`MaxFanoutNodesPercentage`.\n'
                '\n'
                '## Why is this bad?\n'
                'The docs list `internal` as immutable and `$materialized-views` as changeable in those four\n'
                'limits only: the service refuses the rest, and the deployment fails.\n'
                '\n'
                '**Decision**: an error: the service rejects the command.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                ".alter-merge workload_group ['$materialized-views'] ```\n"
                '{ "RequestLimitsPolicy": { "MaxResultRecords": { "IsRelaxable": false, "Value": 1000 } } }\n'
                '```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                ".alter-merge workload_group ['$materialized-views'] ```\n"
                '{ "RequestLimitsPolicy": { "MaxMemoryPerIterator": { "IsRelaxable": false, "Value": 10737418240 } } }\n'
                '```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: what the author meant to limit is not known.'
            ),
            'kinds': frozenset({'workload_group'}),
            'reads_payload': True,
            'reports_check': 'built-in-workload-group',
        },
    ),
    (
        'invalid_mirroring_partition',
        ('check_command',),
        {
            'code': 'P214',
            'name': 'invalid-mirroring-partition',
            'severity': Severity.ERROR,
            'summary': 'Reports a mirroring partition that Kusto or the service refuses.',
            'doc': (
                '## What it does\n'
                "Checks each entry of a mirroring policy's `partition by (Name: type = expression, ...)`:\n"
                '- the type is `string` or `datetime`;\n'
                '- a `string` partition is a column, as written (`Region`);\n'
                '- a `datetime` partition is `startofyear`, `startofmonth`, `startofweek` or `startofday` of a\n'
                '  column, or `bin(Column, timespan)`;\n'
                '- no two partitions share a name, ignoring case.\n'
                '\n'
                '## Why is this bad?\n'
                "Kusto's parser accepts only those types and functions: anything else makes it stop at the\n"
                'partition and skip the rest of the command. The docs require partition names to be unique\n'
                "ignoring case (and distinct from the table's columns, which kqllint cannot see here).\n"
                '\n'
                '**Decision**: an error: the parser rejects the first three, and the docs forbid the last.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table Events policy mirroring partition by (Day: datetime = hourofday(Timestamp), day: string = Region) kind = delta\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table Events policy mirroring partition by (Day: datetime = startofday(Timestamp), Region: string = Region) kind = delta\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which function or name was meant is not known.'
            ),
            'kinds': frozenset({'mirroring'}),
            'reads_payload': True,
        },
    ),
    (
        'update_policy_replaced',
        ('check_script',),
        {
            'code': 'P301',
            'name': 'update-policy-replaced',
            'severity': Severity.WARNING,
            'summary': 'Reports an `.alter ... policy update` that drops entries an earlier command of the script set.',
            'doc': (
                '## What it does\n'
                "Flags an `.alter table T policy update` when the same script set table `T`'s update policy\n"
                'before (with `.alter` or `.alter-merge`, and no `.delete` in between) and this `.alter` leaves\n'
                'out an entry the earlier command set. The finding is on the later `.alter` and names the line\n'
                'of the earlier command.\n'
                '\n'
                "Table names compare exactly, as Kusto resolves them: Microsoft Learn's *Entity names* page\n"
                'says identifiers are case-sensitive, with database names the one exception, so `Costs` and\n'
                '`costs` are two tables. `db.T` and `T` are the same table only when the configuration names\n'
                'the database the script is deployed to (`database = "db"`).\n'
                '\n'
                '## Why is this bad?\n'
                "`.alter` replaces every entry of a table's update policy. The earlier entries stop running, and\n"
                'nothing says so: finops-toolkit#2177 lost the wiring of one ingestion path this way, with two\n'
                '`.alter table Costs_raw policy update` commands in one script.\n'
                '\n'
                '**Decision**: an `.alter` that repeats every earlier entry (an identical repeat, or one that\n'
                'only adds entries) drops nothing and is not reported. A payload that is not strict JSON is\n'
                'not compared.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table Costs policy update ```[{"IsEnabled": true, "Source": "Raw_EA", "Query": "EA()", "IsTransactional": true}]```\n'
                '\n'
                '.alter table Costs policy update ```[{"IsEnabled": true, "Source": "Raw_MCA", "Query": "MCA()", "IsTransactional": true}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table Costs policy update ```[\n'
                '  {"IsEnabled": true, "Source": "Raw_EA", "Query": "EA()", "IsTransactional": true},\n'
                '  {"IsEnabled": true, "Source": "Raw_MCA", "Query": "MCA()", "IsTransactional": true}\n'
                ']```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: only the author knows which entries the table needs.'
            ),
        },
    ),
    (
        'duplicate_update_entry',
        ('check_script',),
        {
            'code': 'P302',
            'name': 'duplicate-update-entry',
            'severity': Severity.WARNING,
            'summary': 'Reports an `.alter-merge ... policy update` entry identical to one the script already set.',
            'doc': (
                '## What it does\n'
                'Flags an entry of an `.alter-merge table T policy update` payload that is identical to an\n'
                'entry the same script set on table `T` earlier (by `.alter` or `.alter-merge`, not removed by\n'
                'a later `.alter` or `.delete`). Entries compare as JSON values: the order of their properties\n'
                'does not matter, their names and values do. The finding is on the entry and names the line of\n'
                'the earlier command.\n'
                '\n'
                'Table names compare exactly and database names ignoring case, as Kusto compares them\n'
                '(Microsoft Learn, *Entity names*: identifiers are case-sensitive, database names are not).\n'
                '\n'
                '## Why is this bad?\n'
                "`.alter-merge` appends entries to an update policy without removing duplicates (the command's\n"
                'docs say so). Two identical entries run the same query twice for every ingestion into the\n'
                'source table, so the target table gets every row twice.\n'
                '\n'
                '**Decision**: only entries set earlier in the same script are known; an entry the table held\n'
                'before the script ran cannot be seen. A payload that is not strict JSON is not compared.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```\n'
                '\n'
                '.alter-merge table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                "There is no fix: which of the two commands should go is the author's choice."
            ),
        },
    ),
    (
        'zero_retention_source_not_transactional',
        ('check_script',),
        {
            'code': 'P303',
            'name': 'zero-retention-source-not-transactional',
            'severity': Severity.WARNING,
            'summary': 'Reports a non-transactional update policy reading a table whose soft-delete period is 0.',
            'doc': (
                '## What it does\n'
                'Flags an update policy entry whose `Source` table gets a soft-delete period of 0 in the same\n'
                'script (`"SoftDeletePeriod": "00:00:00"` in a retention policy, or `softdelete = 0d`), when the\n'
                'entry is enabled and its `IsTransactional` is not `true` (it defaults to `false`). Whichever\n'
                "comes later is flagged: the entry, naming the retention command's line, or the soft-delete\n"
                "period, naming the update policy's line. A later retention policy with another period, or a\n"
                '`.delete` of either policy, ends the conflict.\n'
                '\n'
                "`Source` names a table of the target table's database; names compare exactly (table names\n"
                'are case-sensitive, Microsoft Learn, *Entity names*), and `db.T` matches `T` only when the\n'
                "configuration names the deployment's database. Wildcard sources (`SourceIsWildCard`) are not\n"
                'matched.\n'
                '\n'
                '## Why is this bad?\n'
                'With a soft-delete period of 0 the source rows are never kept: they exist only while the update\n'
                'policies run. The update policy docs say that any update policy reading such a table must be\n'
                'transactional; a non-transactional one that fails loses the rows for good.\n'
                '\n'
                "**Decision**: a warning, as the other checks across commands: the table's retention may also\n"
                'be set outside the script.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter-merge table Raw policy retention softdelete = 0d recoverability = disabled\n'
                '\n'
                '.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter-merge table Raw policy retention softdelete = 0d recoverability = disabled\n'
                '\n'
                '.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: a transactional policy changes how ingestion failures behave.'
            ),
        },
    ),
    (
        'row_level_security_with_restricted_view',
        ('check_script',),
        {
            'code': 'P304',
            'name': 'row-level-security-with-restricted-view',
            'severity': Severity.ERROR,
            'summary': 'Reports row level security and restricted view access both enabled on one table.',
            'doc': (
                '## What it does\n'
                'Flags the later of two commands of one script that enable, on the same table, a row level\n'
                'security policy (`policy row_level_security enable ...`) and restricted view access\n'
                '(`policy restricted_view_access true`, also through `tables (...)`), with no `disable`,\n'
                '`false` or `.delete` of the earlier one in between. The finding is on `enable` or `true` and\n'
                'names the line of the earlier command.\n'
                '\n'
                'Table names compare exactly and database names ignoring case, as Kusto compares them\n'
                '(Microsoft Learn, *Entity names*); `db.T` matches `T` only when the configuration names the\n'
                "deployment's database.\n"
                '\n'
                '## Why is this bad?\n'
                'The docs of both policies say they cannot be combined: restricted view access cannot be\n'
                'enabled on a table with an enabled row level security policy, nor the other way round. Kusto\n'
                'rejects the later command, and the deployment fails there.\n'
                '\n'
                '**Decision**: an error, since the service rejects the command.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table Sales policy restricted_view_access true\n'
                '\n'
                '.alter table Sales policy row_level_security enable "RestrictSales()"\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table Sales policy row_level_security enable "RestrictSales()"\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: choose the policy the table needs.'
            ),
        },
    ),
    (
        'policy_replaced',
        ('check_script',),
        {
            'code': 'P305',
            'name': 'policy-replaced',
            'severity': Severity.WARNING,
            'summary': 'Reports a policy set twice on one entity, where the later command drops or changes the earlier.',
            'doc': (
                '## What it does\n'
                'For every policy kind but update (P301 covers it), flags a command that undoes part of what an\n'
                'earlier command of the script set on the same entity, with no `.delete` in between:\n'
                '\n'
                '- an `.alter` that leaves out, or sets to another value, a property (or keyword argument, or\n'
                '  array entry) an earlier `.alter` or `.alter-merge` set: `.alter` replaces the whole policy,\n'
                '  and what it leaves out goes back to its default;\n'
                '- an `.alter-merge` that sets a property an earlier command set to another value. What an\n'
                '  `.alter-merge` leaves out is kept, so only the changed properties count; an array\n'
                '  `.alter-merge` (managed_identity, callout) adds entries and is not reported.\n'
                '\n'
                "The finding is on the later command's verb and names the line of the earlier command. Names\n"
                'compare as Kusto compares them (Microsoft Learn, *Entity names*): database names ignoring\n'
                'case, table, view and column names exactly; `db.T` matches `T` only when the configuration\n'
                "names the deployment's database.\n"
                '\n'
                '## Why is this bad?\n'
                'The earlier command has no lasting effect, or less than it says: a deployment script that sets\n'
                'a policy twice usually holds a leftover or a copy-paste mistake, and the value that wins may\n'
                'not be the one meant.\n'
                '\n'
                '**Decision**: an identical repeat drops nothing and is not reported (running a policy command\n'
                'twice is harmless, and concatenated scripts do it). The JSON and the keyword form of one kind\n'
                '(`retention`) are not compared with each other, and neither are payloads that are not strict\n'
                'JSON. A `.drop` or `.rename` of a table, view, column or database makes the check forget\n'
                'what was set before it.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter table Events policy caching hot = 30d\n'
                '\n'
                '.alter table Events policy caching hot = 7d\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table Events policy caching hot = 7d\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: only the author knows which value is meant.'
            ),
        },
    ),
    (
        'syntax_error',
        (),
        {
            'code': 'S001',
            'name': 'syntax-error',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy command whose head does not follow the grammar of the policy commands.',
            'doc': (
                '## What it does\n'
                'A policy command is `.alter`, `.alter-merge`, `.show` or `.delete`; then the entity: `cluster`,\n'
                '`database [DatabaseName]`, `table TableName`, `tables (T1, T2)`, `materialized-view ViewName`,\n'
                '`external table TableName`, `column Table.Column` or `graph_model ModelName`; then `policy` and\n'
                'the kind (`retention`, `managed_identity`, any kind in `docs/policies.md`); then, for `.alter`\n'
                'and `.alter-merge`, the argument the kind takes: the policy in a string literal, or keyword\n'
                'arguments such as `softdelete = 10d`. kqllint names the word it expected and the one it found:\n'
                '"expected `policy`, found `polcy`", and lists the entities the kind takes after a misspelt one.\n'
                'A misspelled keyword gets a "did you mean". Whether the kind takes this verb on this entity is\n'
                '`rejected-policy-form` (S015); the keyword arguments themselves are `invalid-keyword-form` (S016).\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto.Language rejects the command, or does not recognise it at all; the deployment fails.\n'
                "After a syntax error kqllint skips the rules about the command's head: their findings would be\n"
                'guesses. The policy payload is still checked (by the payload, policy and identity rules that\n'
                'read nothing of the head) when its extent is certain: the only errors are in the head (this\n'
                'rule, `unknown-policy-kind`, `cluster-name-given`, `unbracketed-database-name`), and after the\n'
                'word in error the command holds only words, then exactly one well-formed string literal, then\n'
                'nothing but comments or a `| query` tail. So the payload of `.alter database db polcy\n'
                'managed_identity "[...]"` is checked, while a second literal, a stray bracket or an\n'
                'unterminated literal leave it unchecked. Those findings come without fixes until the head\n'
                'reads, and `kqllint format` leaves a file with any syntax error alone.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db polcy managed_identity ```[]```\n'
                '.alter merge database db policy managed_identity ```[]```\n'
                '.alter-merge tabel T policy retention softdelete = 10d\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[]```\n'
                '.alter-merge database db policy managed_identity ```[]```\n'
                '.alter-merge table T policy retention softdelete = 10d\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'The replacement of a misspelled keyword is **unsafe**: it turns a command that fails into one that\n'
                'changes a policy, so a person should confirm it was the command they meant.'
            ),
            'fixable': True,
        },
    ),
    (
        'unterminated_string',
        (),
        {
            'code': 'S002',
            'name': 'unterminated-string',
            'severity': Severity.ERROR,
            'summary': 'Reports a string literal with no closing quote or fence.',
            'doc': (
                '## What it does\n'
                'A `\'...\'` or `"..."` literal must close on the line it opens on; a ```` ``` ```` or `~~~`\n'
                'multi-line literal must be closed by the same fence.\n'
                '\n'
                '## Why is this bad?\n'
                'Everything after the opening quote becomes part of the literal; the command is rejected.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity "[{"ObjectId": ...\n'
                '\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```\n'
                '[{"ObjectId": "system", "AllowedUsages": "All"}]\n'
                '```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: where the string should end is a guess.'
            ),
        },
    ),
    (
        'unbalanced_bracket',
        (),
        {
            'code': 'S003',
            'name': 'unbalanced-bracket',
            'severity': Severity.ERROR,
            'summary': 'Reports a `[`, `{` or `(` that is never closed, or a closer with no opener, in a command head.',
            'doc': (
                '## What it does\n'
                "Bracketed names (`['my-db']`) and client parameters (`{db}`) need both brackets.\n"
                '\n'
                '## Why is this bad?\n'
                'Kusto cannot tell where the name ends; the command is rejected.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                ".alter database ['Sales-DB' policy managed_identity ```[]```\n"
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                ".alter database ['Sales-DB'] policy managed_identity ```[]```\n"
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: where the bracket should close is a guess.'
            ),
        },
    ),
    (
        'trailing_tokens',
        (),
        {
            'code': 'S004',
            'name': 'trailing-tokens',
            'severity': Severity.ERROR,
            'summary': 'Reports text after a complete command that is neither `| query` nor `; query`.',
            'doc': (
                '## What it does\n'
                'After the policy argument (or after the kind for `.show` and `.delete`) a command may only be\n'
                'followed by `|` or `;` and a query over its result. A second string literal is reported too:\n'
                'Kusto does not join adjacent literals.\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto.Language silently skips such text, or the service rejects the request; either way the\n'
                'command does not do what the file says.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[]``` ```[]```\n'
                '.show database db policy managed_identity StormEvents\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[]```\n'
                '.show database db policy managed_identity | project Policy\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the extra text may be a command that lost its blank line, or a typo.'
            ),
        },
    ),
    (
        'unexpected_payload',
        (),
        {
            'code': 'S005',
            'name': 'unexpected-payload',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy argument given to `.show` or `.delete`.',
            'doc': (
                '## What it does\n'
                '`.show` and `.delete` take no argument, whatever the policy kind: they read or remove the\n'
                "entity's whole policy of that kind.\n"
                '\n'
                '## Why is this bad?\n'
                'The service rejects the command. A `.delete` with a policy often means `.alter` was meant.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.delete database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: removing the argument or changing the verb are both plausible.'
            ),
        },
    ),
    (
        'missing_payload',
        (),
        {
            'code': 'S006',
            'name': 'missing-payload',
            'severity': Severity.ERROR,
            'summary': 'Reports an `.alter` or `.alter-merge` without its policy argument.',
            'doc': (
                '## What it does\n'
                '`.alter` and `.alter-merge` need the argument the policy kind takes after its name: a JSON\n'
                'array in one string literal after `managed_identity`, a JSON object after `retention` (or, for\n'
                '`.alter-merge`, its keyword arguments: `softdelete = 10d`), a JSON object or `enable` after\n'
                "`streamingingestion`, and so on (`docs/policies.md` lists each kind's forms). The help shows\n"
                'one.\n'
                '\n'
                '## Why is this bad?\n'
                'The service rejects the command. If a blank line separates the command from its policy,\n'
                '`blank-line-in-command` (C004) reports that instead.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the policy is not known.'
            ),
        },
    ),
    (
        'missing_required_database_name',
        (),
        {
            'code': 'S007',
            'name': 'missing-required-database-name',
            'severity': Severity.ERROR,
            'summary': 'Reports `.delete database` without a database name.',
            'doc': (
                '## What it does\n'
                'Kusto.Language requires the name on `.delete database ... policy KIND`, for every policy kind\n'
                '(unlike `.show`, `.alter` and `.alter-merge`, where it falls back to the context database).\n'
                '\n'
                '## Why is this bad?\n'
                'The command is rejected. A `.delete` that depended on the context database would also be\n'
                'dangerous: the policy of whichever database the connection points at would go.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.delete database policy managed_identity\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.delete database Sales policy managed_identity\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the name is not known.'
            ),
        },
    ),
    (
        'unknown_policy_kind',
        (),
        {
            'code': 'S008',
            'name': 'unknown-policy-kind',
            'severity': Severity.ERROR,
            'summary': 'Reports a misspelled policy kind.',
            'doc': (
                '## What it does\n'
                'A command that reads like a policy command but names no kind Kusto knows, within two edits of\n'
                'one (`retentoin`, `managed_identitty`, `MANAGED-IDENTITY`, `managedidentity`). The help names\n'
                "the nearest kind of kqllint's registry (`docs/policies.md` lists them).\n"
                '\n'
                '## Why is this bad?\n'
                'Kusto knows no such policy kind; the command is rejected and the policy is not set.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed-identity ```[]```\n'
                '.alter-merge table T policy retentoin softdelete = 10d\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[]```\n'
                '.alter-merge table T policy retention softdelete = 10d\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'The replacement is **unsafe**: it makes a failing command change a policy, so it needs review.'
            ),
            'fixable': True,
        },
    ),
    (
        'cluster_name_given',
        (),
        {
            'code': 'S009',
            'name': 'cluster-name-given',
            'severity': Severity.ERROR,
            'summary': 'Reports a name after `cluster` in the cluster form.',
            'doc': (
                '## What it does\n'
                'The cluster form applies to the cluster the command runs on; it takes no cluster name.\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto.Language rejects the command.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter cluster mycluster policy managed_identity ```[]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter cluster policy managed_identity ```[]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Removing the name is **safe**: the name had no effect the command could have had.'
            ),
            'fixable': True,
        },
    ),
    (
        'unbracketed_database_name',
        (),
        {
            'code': 'S010',
            'name': 'unbracketed-database-name',
            'severity': Severity.ERROR,
            'summary': 'Reports a database name that must be bracketed.',
            'doc': (
                '## What it does\n'
                'A name with characters other than letters, digits and `_` (`my-db`, `Sales.2024`, `Données`)\n'
                "must be written `['my-db']`. So must a name Kusto would read as the next keyword where the name\n"
                'is optional (`prettyname` on `.alter`; `data`, `cache`, `extents`, `schema` on `.show`).\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto.Language stops the name at the first other character, or reads the word as a keyword;\n'
                'the command is rejected or means something else.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database my-db policy managed_identity ```[]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                ".alter database ['my-db'] policy managed_identity ```[]```\n"
                '````\n'
                '\n'
                '## Fix safety\n'
                "Bracketing is **safe**: `['x']` names exactly the database `x`."
            ),
            'fixable': True,
        },
    ),
    (
        'empty_command',
        (),
        {
            'code': 'S011',
            'name': 'empty-command',
            'severity': Severity.ERROR,
            'summary': 'Reports a `.` with no command name after it.',
            'doc': (
                '## What it does\n'
                'A control command is `.` followed by its verb. Flags a statement that starts with `.` and no\n'
                'command name: at the start of a request (after a blank line), or on any line of an\n'
                '`.execute database|cluster script <|` body, where each line starting with `.` starts a command.\n'
                '\n'
                'A line starting with `.` inside another statement (at the top level) does not start a command,\n'
                'and this rule leaves it alone: Kusto splits a script into requests at blank lines only, so\n'
                '`...` eliding the rows of a `datatable(…)` in the docs, or a line `.5`, is text of the query\n'
                'or command it is in. Kusto.Language reads such a block as one query (it reports the `...` as\n'
                'an unexpected fragment of that query, and `.5` is not a number in KQL either); kqllint leaves\n'
                'queries to Kusto and reports nothing there.\n'
                '\n'
                '## Why is this bad?\n'
                'The service rejects the request.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.\n'
                '.show cluster policy managed_identity\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.show cluster policy managed_identity\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: the intended command is not known.'
            ),
        },
    ),
    (
        'invalid_escape',
        (),
        {
            'code': 'S012',
            'name': 'invalid-escape',
            'severity': Severity.ERROR,
            'summary': 'Reports an escape sequence Kusto does not know in a quoted policy literal.',
            'doc': (
                '## What it does\n'
                'In `\'...\'` and `"..."` literals Kusto knows `\\\\`, `\\\'`, `\\"`, `\\t`, `\\n`, `\\r`, `\\a`, `\\b`,\n'
                '`\\f`, `\\v`, `\\uXXXX`, `\\UXXXXXXXX`, `\\xHH` and octal escapes; any other is an error.\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto.Language rejects the literal. JSON escapes such as `\\/` must be written `\\\\/` inside a\n'
                'quoted Kusto literal, which is why fenced literals suit JSON better.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity "[{\\"ObjectId\\": \\"system\\", \\"AllowedUsages\\": \\"All\\q\\"}]"\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: what the escape should have been is not known.'
            ),
        },
    ),
    (
        'missing_command_dot',
        ('check_script',),
        {
            'code': 'S013',
            'name': 'missing-command-dot',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy command written without the `.` that starts a control command.',
            'doc': (
                '## What it does\n'
                'Flags a line that starts with the words of a policy command but not with `.`:\n'
                '`alter database db policy managed_identity …`, `show table T policy retention`, any of the\n'
                'four verbs with any entity and any policy kind kqllint knows, spelled correctly, in any case. The line may start a statement\n'
                "or sit inside one (a query, or another command's text); a line inside a multi-line string\n"
                'literal does not count.\n'
                '\n'
                '## Why is this bad?\n'
                'Only a request that starts with `.` is a control command. Without it Kusto reads the text as\n'
                'a query: Kusto.Language parses `alter database db policy managed_identity` as a query of\n'
                'several statements and reports a syntax error at each word (`Expected: ;`), and the service\n'
                'rejects the request. The policy is not changed. kqllint leaves such a statement unmodelled,\n'
                "so none of the command's other rules look at it until the `.` is there.\n"
                '\n'
                '**Decision**: the formatter treats the statement as opaque text and never rewrites it; as with\n'
                'any syntax error, `kqllint format` leaves the whole file unchanged until it is fixed.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                'alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Inserting the `.` is **safe**: the text is a syntax error as it is, and with the `.` it is\n'
                'the command its words spell.'
            ),
            'fixable': True,
        },
    ),
    (
        'unquoted_payload',
        (),
        {
            'code': 'S014',
            'name': 'unquoted-payload',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy written as bare JSON instead of inside a string literal.',
            'doc': (
                '## What it does\n'
                'Flags `.alter` and `.alter-merge … policy KIND` followed by `[` or `{`, for every kind whose\n'
                'argument is JSON (`managed_identity`, `retention`, `update`, …): the JSON of the policy pasted\n'
                'without the string literal that must hold it.\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto takes the policy as one string literal token (Kusto.Language reports `Expected:\n'
                '<string-literal>` at the `[` and skips the rest). The service rejects the command, and the\n'
                'policy is not changed. The JSON itself may be right: only the quoting is missing.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter database db policy managed_identity [{"ObjectId": "system", "AllowedUsages": "All"}]\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'Putting the JSON between triple backticks is **safe** when its extent is certain: its\n'
                'brackets match and close within the command, every JSON string closes on its line, there is\n'
                'no `//` comment and no triple backtick inside it, and only white space, comments or a `| query`\n'
                'follow it. Then the fenced text is exactly what was written, and it is read as the policy.\n'
                'Otherwise no fix is offered: where the JSON was meant to end is a guess.'
            ),
            'fixable': True,
        },
    ),
    (
        'rejected_policy_form',
        (),
        {
            'code': 'S015',
            'name': 'rejected-policy-form',
            'severity': Severity.ERROR,
            'summary': 'Reports a policy command whose verb, entity and argument Kusto does not accept together.',
            'doc': (
                '## What it does\n'
                'Each policy kind has its own set of commands: which verbs (`.alter`, `.alter-merge`, `.show`,\n'
                '`.delete`) it has, on which entities (`cluster`, `database`, `table`, `tables (...)`,\n'
                '`materialized-view`, `external table`, `column`, `graph_model`, and `*` on `.show`), and with\n'
                'which argument (a string literal, or keyword arguments such as `hot = 7d`). The forms come from\n'
                "kqllint's registry of policy kinds (`docs/policies.md`), checked against Kusto.Language's parser\n"
                'for every kind, verb, entity and argument form. A form the parser rejects is reported here;\n'
                'forms only the documentation shows are reported by `docs-only-policy-form` (C006) instead.\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto rejects the command with a syntax error and the policy is not changed. The severity is\n'
                '**error** because the parser rejects the command: it never reaches the service.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter-merge table T policy caching hot = 7d\n'
                '.alter table T policy retention softdelete = 10d\n'
                '.delete cluster policy capacity\n'
                '.alter database db policy update ```[]```\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter table T policy caching hot = 7d\n'
                '.alter-merge table T policy retention softdelete = 10d\n'
                '.alter table T policy update ```[]```\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'There is no fix: which command was meant is not known.'
            ),
        },
    ),
    (
        'invalid_keyword_form',
        (),
        {
            'code': 'S016',
            'name': 'invalid-keyword-form',
            'severity': Severity.ERROR,
            'summary': 'Reports keyword arguments of a policy command that Kusto rejects or silently skips.',
            'doc': (
                '## What it does\n'
                "Checks the keyword forms of the policy commands against Kusto.Language's grammar for the kind,\n"
                "as kqllint's registry of policy kinds records it (`docs/policies.md`):\n"
                '\n'
                '- the arguments a kind takes, and their order: retention takes `softdelete = …` and then\n'
                '  `recoverability = …`, caching `hot = …` (or `hotdata = … hotindex = …`) and then\n'
                "  `hot_window = …`, encoding `type = '…'`; an argument the kind does not take (`hot = 7d` on\n"
                '  retention) or given twice is reported;\n'
                "- commas: none between retention's arguments, nor between `hotdata` and `hotindex`; one is\n"
                '  optional before the first `hot_window` and required between two of them;\n'
                '- the value: a timespan argument takes one Kusto literal (`7d`, `1.5h`, `time(10.00:00:00)`);\n'
                '  `10.00:00:00` is read as the number `10.00` with `:00:00` skipped, `7 d` as `7` with `d`\n'
                '  skipped, and `7D` (the units are lowercase) and `2w` (there is no unit for weeks) are not\n'
                '  literals at all. `recoverability` takes the bare word `disabled` or `enabled`, not a string;\n'
                "  encoding's `type` takes a string literal; `hot_window` takes `datetime(a) .. datetime(b)`;\n"
                '- the bare words: `enable`/`disable` (streaming ingestion, row level security), `true`/`false`\n'
                "  (restricted view access, row id), `true` (ingestion time); roworder's direction, `asc` or\n"
                "  `desc`, after every column; row level security's query string, with any `with (…)` before it;\n"
                '- a missing `=` (`softdelete 7d`).\n'
                '\n'
                'Names and keyword values are compared ignoring case here: `keyword-case` (C002) reports\n'
                "`Disabled` and `SoftDelete`, with a fix. A value Kusto's parser accepts but that is not a\n"
                "timespan (`hot = '7d'`, `softdelete = -1d`, `hot = 30`) is a policy value problem, reported by\n"
                'the policy rules, not here. The forms that only the docs show (`hot_window` after a single\n'
                "table, `ingestiontime false`, mirroring's `dataformat = parquet`) are reported by\n"
                '`docs-only-policy-form` (C006).\n'
                '\n'
                '## Why is this bad?\n'
                'Kusto.Language stops reading at the first argument it does not expect. Sometimes that is a\n'
                'syntax error and the command fails; often it skips the rest of the command without a word, and\n'
                'the command runs without it: `softdelete = 7d, recoverability = disabled` keeps deleted data\n'
                'recoverable, and `softdelete = 10.00:00:00` does not set ten days. Only the first problem of a\n'
                'command is reported, since Kusto does not read past it.\n'
                '\n'
                '**Decision**: an error in both cases: a policy that silently loses an argument is not the policy\n'
                'that was written.\n'
                '\n'
                '## Example\n'
                '````kusto\n'
                '.alter-merge table T policy retention recoverability = disabled softdelete = 7d\n'
                '.alter-merge table T policy retention softdelete = 7d, recoverability = disabled\n'
                '.alter-merge table T policy retention softdelete = 10.00:00:00\n'
                '.alter table T policy caching hot = 2w\n'
                '.alter table T policy streamingingestion true\n'
                '.alter table T policy roworder (Timestamp)\n'
                '````\n'
                '\n'
                '## Use instead\n'
                '````kusto\n'
                '.alter-merge table T policy retention softdelete = 7d recoverability = disabled\n'
                '.alter-merge table T policy retention softdelete = 7d recoverability = disabled\n'
                '.alter-merge table T policy retention softdelete = 10d\n'
                '.alter table T policy caching hot = 14d\n'
                '.alter table T policy streamingingestion enable\n'
                '.alter table T policy roworder (Timestamp desc)\n'
                '````\n'
                '\n'
                '## Fix safety\n'
                'The fixes (removing a comma, rewriting `10.00:00:00` as `10d`, `7D` as `7d`, `2w` as `14d`,\n'
                "joining `7 d`, inserting `=`, a misspelt argument's name) are **unsafe**: the command Kusto runs\n"
                'today, without the skipped part, would change, so a person should confirm it is what was meant.'
            ),
            'fixable': True,
        },
    ),
)
