"""Write `tests/data/policy_examples/*.kql`: the Kusto docs' example commands, one file per kind,
each command with Kusto.Language's verdict on it.

Usage: `python3 tests/data/policy_examples/build.py` (needs Node.js and the oracle in
`tools/oracle`; `--check` writes nothing and exits 1 when a file is stale). The examples below
are copied from the docs pages of each kind (multi-line payloads condensed to one line, as the
registry's own example data has them); the docs' own bugs, and the examples where the docs and
Kusto.Language disagree, are in `docs_bugs.kql` with what kqllint should report on them.

Every command is preceded by two comment lines the test reads:
`// form: VERB ENTITY SHAPE` (the registry's names: `alter-merge table keyword`) and
`// oracle: VERDICT` (`syntax_ok`, or `rejected: <what Kusto.Language skipped or said>`).
A clean example may also carry `// allow: CODE name`: an error it is expected to get (the docs'
auto-delete example has an expiry date that has passed). A docs bug carries `// bug:` (what is
wrong) and `// expect:` (`CODE name`, alternatives joined by ` or `, or `nothing`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORACLE = HERE.parents[2] / "tools" / "oracle" / "kusto_oracle.js"

# kind -> [(form, command, allow)]
EXAMPLES: dict[str, list[tuple[str, str, str]]] = {
    "retention": [
        ("alter table json-object",
         '.alter table MySourceTable policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```', ""),
        ("alter database json-object", '.alter database MyDatabase policy retention "{}"', ""),
        ("alter-merge table keyword", ".alter-merge table Table1 policy retention softdelete = 10d recoverability = disabled", ""),
        ("alter-merge database keyword", ".alter-merge database MyDatabase policy retention softdelete = 7d", ""),
        ("alter-merge materialized-view keyword", ".alter-merge materialized-view ViewName policy retention softdelete = 7d", ""),
        ("alter-merge table keyword", ".alter-merge table MySourceTable policy retention softdelete = 0s", ""),
    ],
    "caching": [
        ("alter table keyword", ".alter table MyTable policy caching hot = 30d", ""),
        ("alter database keyword", ".alter database MyDatabase policy caching hot = 30d", ""),
        ("alter cluster keyword", ".alter cluster policy caching hot = 30d", ""),
        ("alter tables keyword", ".alter tables (MyTable1, MyTable2, MyTable3) policy caching hot = 30d", ""),
    ],
    "update": [
        ("alter table-qualified json-array",
         ".alter table MyDatabase.MyTable policy update\n```\n"
         '[ { "IsEnabled": true, "Source": "MyTableX", "Query": "MyOtherTable",\n'
         '    "IsTransactional": true, "PropagateIngestionProperties": false } ]\n```', ""),
        ("alter table json-array",
         ".alter table MyTargetTable policy update\n"
         "@'[{ \"IsEnabled\": true, \"Source\": \"MySourceTable\", \"Query\": \"ExtractMyLogs()\", "
         "\"IsTransactional\": true, \"PropagateIngestionProperties\": false}]'", ""),
        ("alter table json-array",
         '.alter table Device_Telemetry policy update "[{\\"IsEnabled\\":true,\\"Source\\":\\"Raw_Table\\",'
         '\\"Query\\":\\"Get_Telemetry\\",\\"IsTransactional\\":false,\\"PropagateIngestionProperties\\":true,'
         '\\"ManagedIdentity\\":null}]"', ""),
    ],
    "ingestionbatching": [
        ("alter table-qualified json-object",
         ".alter table MyDatabase.MyTable policy ingestionbatching\n```\n"
         '{ "MaximumBatchingTimeSpan" : "00:00:30", "MaximumNumberOfItems" : 500, "MaximumRawDataSizeMB": 1024 }\n```', ""),
        ("alter tables json-object",
         ".alter tables (MyTable1, MyTable2, MyTable3) policy ingestionbatching\n```\n"
         '{ "MaximumBatchingTimeSpan" : "00:01:00", "MaximumNumberOfItems" : 20, "MaximumRawDataSizeMB": 300 }\n```', ""),
        ("alter-merge database json-object",
         '.alter-merge database MyDatabase policy ingestionbatching ```{ "MaximumBatchingTimeSpan" : "00:00:45", '
         '"MaximumNumberOfItems" : 450 }```', ""),
    ],
    "streamingingestion": [
        ("alter table json-object",
         """.alter table Table1 policy streamingingestion '{"IsEnabled": true, "HintAllocatedRate": 2.1}'""", ""),
        ("alter-merge database json-object",
         """.alter-merge database MyDatabase policy streamingingestion '{"IsEnabled": false}'""", ""),
        ("alter table bare", ".alter table TestTable policy streamingingestion enable", ""),
    ],
    "partitioning": [
        ("alter table json-object",
         ".alter table [table_name] policy partitioning ```\n"
         '{ "PartitionKeys": [ { "ColumnName": "my_string_column", "Kind": "Hash",\n'
         '    "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "PartitionAssignmentMode": "Uniform" } },\n'
         '  { "ColumnName": "my_datetime_column", "Kind": "UniformRange",\n'
         '    "Properties": { "Reference": "1970-01-01T00:00:00", "RangeSize": "1.00:00:00", "OverrideCreationTime": false } } ] }```',
         ""),
        ("alter-merge table json-object",
         """.alter-merge table MyTable policy partitioning '{"EffectiveDateTime":"2023-01-01"}'""", ""),
    ],
    "merge": [
        ("alter table json-object",
         ".alter table [table_name] policy merge ```\n"
         '{ "RowCountUpperBoundForMerge": 16000000, "OriginalSizeMBUpperBoundForMerge": 0, "MaxExtentsToMerge": 100,\n'
         '  "LoopPeriod": "01:00:00", "MaxRangeInHours": 24, "AllowRebuild": true, "AllowMerge": true,\n'
         '  "Lookback": { "Kind": "Default" } }```', ""),
        ("alter-merge database json-object",
         '.alter-merge database database_name policy merge ```{ "MaxRangeInHours": 24 }```', ""),
    ],
    "sharding": [
        ("alter table json-object",
         ".alter table MyTable policy sharding\n```\n"
         '{ "ShardEngineMaxRowCount" : 750000, "ShardEngineMaxExtentSizeInMb" : 1024, '
         '"ShardEngineMaxOriginalSizeInMb" : 2048 }\n```', ""),
        ("alter-merge database json-object",
         """.alter-merge database MyDatabase policy sharding @'{ "ShardEngineMaxExtentSizeInMb": 1024}'""", ""),
    ],
    "row_level_security": [
        ("alter table keyword", '.alter table MyTable policy row_level_security enable "AnonymizeSensitiveData"', ""),
        ("alter table keyword",
         """.alter table Customers1 policy row_level_security enable "RLSForCustomersTables('Customers1')\"""", ""),
        ("alter table keyword",
         '.alter table SourceTable policy row_level_security enable with '
         '(allowMaterializedViewsWithoutRowLevelSecurity=true) "RLS_function"', ""),
        ("alter materialized-view keyword",
         '.alter materialized-view MyMaterializeView policy row_level_security disable "AnonymizeSensitiveData"', ""),
    ],
    "roworder": [
        ("alter table keyword", ".alter table events policy roworder (TenantId asc, Timestamp desc)", ""),
        ("alter tables keyword",
         ".alter tables (events1, events2, events3) policy roworder (TenantId asc, Timestamp desc)", ""),
        ("alter-merge table keyword", ".alter-merge table events policy roworder (TenantId asc, Timestamp desc)", ""),
    ],
    # The docs give these two kinds no example block; their syntax lines, filled in:
    "restricted_view_access": [
        ("alter table bare", ".alter table MyTable policy restricted_view_access true", ""),
        ("alter tables bare", ".alter tables (MyTable1, MyTable2) policy restricted_view_access false", ""),
    ],
    "ingestiontime": [
        ("alter table bare", ".alter table MyTable policy ingestiontime true", ""),
        ("alter tables bare", ".alter tables (MyTable1, MyTable2) policy ingestiontime true", ""),
    ],
    "auto_delete": [
        ("alter table json-object",
         """.alter table T policy auto_delete @'{ "ExpiryDate" : "2023-06-01", "DeleteIfNotEmpty": true }'""",
         "P206 expiry-in-past"),
    ],
    "extent_tags_retention": [
        ("alter table json-array",
         ".alter table T1 policy extent_tags_retention ```[\n"
         '  { "TagPrefix": "drop-by:", "RetentionPeriod": "3.00:00:00" },\n'
         '  { "TagPrefix": "ingest-by:", "RetentionPeriod": "02:00:00" } ]```', ""),
    ],
    "encoding": [
        ("alter column keyword", ".alter column T.C policy encoding type='identifier'", ""),
        ("alter column keyword", ".alter column T.C policy encoding type='bigobject'", ""),
    ],
    "managed_identity": [
        ("alter database json-array",
         ".alter database db policy managed_identity ```\n[\n  {\n"
         '    "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",\n'
         '    "AllowedUsages": "NativeIngestion, ExternalTable"\n  }\n]```', ""),
    ],
    "callout": [
        ("alter cluster json-array",
         ".alter cluster policy callout\n```\n"
         '[ { "CalloutType": "sql", "CalloutUriRegex": "sqlname\\\\.database\\\\.azure\\\\.com/?$", "CanCall": true } ]\n```',
         ""),
    ],
    "capacity": [
        ("alter-merge cluster json-object",
         '.alter-merge cluster policy capacity ```\n{ "ExtentsPartitionCapacity": { "MaximumConcurrentOperationsPerNode": 4 } }```',
         ""),
    ],
    "request_classification": [
        ("alter cluster json-object",
         """.alter cluster policy request_classification '{"IsEnabled":true}' <| iff(request_properties.current_application"""
         ' == "Kusto.Explorer" and request_properties.request_type == "Query", "Ad-hoc queries", "default")', ""),
    ],
    "query_weak_consistency": [
        ("alter-merge cluster json-object",
         """.alter-merge cluster policy query_weak_consistency @'{"PercentageOfNodes": 30, "MaximumLagAllowedInMinutes": 15}'""",
         ""),
    ],
    "query_acceleration": [
        ("alter external-table json-object",
         """.alter external table MyExternalTable policy query_acceleration '{"IsEnabled": true, "Hot": "1.00:00:00", """
         '"HotWindows":[{"MinValue":"2025-07-07 07:00:00","MaxValue":"2025-07-09 07:00:00"}], "MaxAge": "00:05:00", '
         '"ManagedIdentity": "12345678-1234-1234-1234-1234567890ab", "HotDateTimeColumn":"dt1"}\'', ""),
    ],
    "sandbox": [
        ("alter cluster json-array",
         '.alter cluster policy sandbox ```[ { "SandboxKind": "PythonExecution", "IsEnabled": true, '
         '"InitializeOnStartup": false, "TargetCountPerNode": 4, "MaxCpuRatePerSandbox": 55, "MaxMemoryMbPerSandbox": 8192 }, '
         '{ "SandboxKind": "RExecution", "IsEnabled": true, "InitializeOnStartup": false, "TargetCountPerNode": 2, '
         '"MaxCpuRatePerSandbox": 50, "MaxMemoryMbPerSandbox": 10240 } ]```', ""),
    ],
    "mirroring": [  # every `.alter` example writes `dataformat = parquet` (docs_bugs.kql)
        ("show table none", ".show table myTable policy mirroring", ""),
        ("delete table none", ".delete table myTable policy mirroring", ""),
    ],
    "workload_group": [  # no `policy` word; the payloads of create-or-alter-workload-group-command
        ("create-or-alter workload-group json-object",
         '.create-or-alter workload_group MyWorkloadGroup ```{ "RequestLimitsPolicy": { "DataScope": { "IsRelaxable": '
         'true, "Value": "HotCache" }, "MaxMemoryPerQueryPerNode": { "IsRelaxable": false, "Value": 6442450944 }, '
         '"MaxMemoryPerIterator": { "IsRelaxable": false, "Value": 5368709120 }, "MaxFanoutThreadsPercentage": { '
         '"IsRelaxable": true, "Value": 50 }, "MaxFanoutNodesPercentage": { "IsRelaxable": true, "Value": 50 }, '
         '"MaxResultRecords": { "IsRelaxable": true, "Value": 1000 }, "MaxResultBytes": { "IsRelaxable": true, "Value": '
         '33554432 }, "MaxExecutionTime": { "IsRelaxable": true, "Value": "00:01:00" }, "QueryResultsCacheMaxAge": { '
         '"IsRelaxable": true, "Value": "00:05:00" } } }```', ""),
        ("create-or-alter workload-group json-object",
         '.create-or-alter workload_group MyWorkloadGroup ```{ "RequestRateLimitPolicies": [ { "IsEnabled": true, '
         '"Scope": "WorkloadGroup", "LimitKind": "ConcurrentRequests", "Properties": { "MaxConcurrentRequests": 100 } }, '
         '{ "IsEnabled": true, "Scope": "Principal", "LimitKind": "ConcurrentRequests", "Properties": { '
         '"MaxConcurrentRequests": 25 } } ] }```', ""),
        ("alter-merge workload-group json-object",
         ".alter-merge workload_group ['$materialized-views'] ```{ \"RequestLimitsPolicy\": { "
         "\"MaxMemoryPerQueryPerNode\": { \"Value\": 10737418240 } } }```", ""),
    ],
}  # fmt: skip

# The docs' own mistakes, and the examples Kusto.Language rejects although the docs show them:
# (what it is, form, command, what kqllint should report once it models every kind).
DOCS_BUGS: list[tuple[str, str, str, str]] = [
    ("caching: `hot_window` after a single materialized view; the parser skips it silently",
     "alter materialized-view keyword",
     ".alter materialized-view MyMaterializedView policy caching\n        hot = 30d,\n"
     "        hot_window = datetime(2021-01-01) .. datetime(2021-02-01),\n"
     "        hot_window = datetime(2021-04-01) .. datetime(2021-05-01)",
     "C006 docs-only-policy-form"),
    ("ingestiontime: `false`; the parser accepts only `true`",
     "alter tables bare", ".alter tables (table1, table2) policy ingestiontime false", "C006 docs-only-policy-form"),
    ("mirroring: `dataformat = parquet`; the parser wants `kind = delta`",
     "alter table keyword",
     ".alter table myTable policy mirroring dataformat=parquet with (IsEnabled=true, TargetLatencyInMinutes=180)",
     "C006 docs-only-policy-form"),
    ("merge: the default policy's `100,,` is not JSON",
     "alter database json-object",
     '.alter database db policy merge \'{ "RowCountUpperBoundForMerge": 16000000, "OriginalSizeMBUpperBoundForMerge": 30000, '
     '"MaxExtentsToMerge": 100,, "MaxRangeInHours": 24, "AllowRebuild": true, "AllowMerge": true, '
     '"Lookback": { "Kind": "Default", "CustomPeriod": null } }\'',
     "J001 invalid-json"),
    ("ingestiontime: a table name in backticks, which Kusto does not know",
     "delete table none", ".delete table `MyTable` policy ingestiontime", "S001 syntax-error"),
    ("retention: the placeholder `*DatabaseName*` left in the command",
     "show materialized-view none", ".show materialized-view *DatabaseName* policy retention",
     "S001 syntax-error or S004 trailing-tokens or S010 unbracketed-database-name"),
    ("update: an `@'...'` literal over several lines, which ends at the first line break",
     "alter table json-array",
     ".alter table MyTargetTable policy update\n@'[{\n    \"IsEnabled\": true,\n    \"Source\": \"MySourceTable\",\n"
     "    \"Query\": \"ExtractMyLogs()\",\n    \"IsTransactional\": true\n}]'",
     "S002 unterminated-string"),
    ("ingestionbatching: the table name `MyDataMyDatabase.MyTable` is a typo, but a valid name",
     "alter-merge table-qualified json-object",
     '.alter-merge table MyDataMyDatabase.MyTable policy ingestionbatching ```{ "MaximumBatchingTimeSpan" : "00:00:45" }```',
     ""),
]  # fmt: skip


def verdicts(commands: list[str]) -> list[str]:
    """Kusto.Language's verdict on each command: `syntax_ok`, or `rejected: ...` with why."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n----\n".join(commands))
    try:
        done = subprocess.run(["node", str(ORACLE), "--parse-only", f.name], capture_output=True, text=True, check=True)
    finally:
        Path(f.name).unlink()
    out = []
    for line in done.stdout.splitlines():
        r = json.loads(line)
        if r["syntax_ok"]:
            out.append("syntax_ok")
            continue
        why = [f"skipped `{s['text'].strip()[:60]}`" for s in r["skipped"]]
        why += [d.get("message", str(d))[:80] for d in r["syntax_diagnostics"]]
        if r["statements"] != 1:
            why.append(f"{r['statements']} statements")
        out.append(" ".join(("rejected: " + ("; ".join(why) or f"node {r['node']}")).split()))
    assert len(out) == len(commands), done.stderr
    return out


def _block(form: str, command: str, verdict: str, extra: list[str]) -> str:
    return "\n".join([f"// form: {form}", f"// oracle: {verdict}", *extra, command]) + "\n"


def generated() -> dict[str, str]:
    """Every file's text, by name."""
    kinds = list(EXAMPLES)
    commands = [c for k in kinds for _, c, _ in EXAMPLES[k]] + [c for _, _, c, _ in DOCS_BUGS]
    found = iter(verdicts(commands))
    files = {}
    for kind in kinds:
        head = (f"// The Kusto docs' examples of the `{kind}` policy (kqllint's test data; written by build.py).\n"
                f"// commands: {len(EXAMPLES[kind])}\n")  # fmt: skip
        blocks = [_block(form, c, next(found), [f"// allow: {a}"] if a else []) for form, c, a in EXAMPLES[kind]]
        files[f"{kind}.kql"] = "\n".join([head, *blocks])
    head = ("// Docs examples that are wrong, or that Kusto.Language rejects although the docs show them\n"
            "// (kqllint's test data; written by build.py). `// expect:` is what kqllint should report.\n"
            f"// commands: {len(DOCS_BUGS)}\n")  # fmt: skip
    blocks = [_block(form, c, next(found), [f"// bug: {what}", f"// expect: {expect or 'nothing'}"])
              for what, form, c, expect in DOCS_BUGS]  # fmt: skip
    files["docs_bugs.kql"] = "\n".join([head, *blocks])
    return files


def main(argv: list[str]) -> int:
    stale = []
    for name, text in generated().items():
        path = HERE / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if "--check" not in argv:
                path.write_text(text, encoding="utf-8", newline="\n")
    print(("stale: " if "--check" in argv else "wrote: ") + (", ".join(stale) or "nothing"))
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
