"""Regenerate forms.jsonl: every policy kind x verb x entity x argument, with Kusto's verdict,
and the workload group's commands (no `policy` word: `.create-or-alter workload_group G '{}'`).

The texts come from the fixed tables below, not from kqllint's registry, so the stored verdicts
test the registry. Needs Node.js and the Kusto.Language oracle (its folder is given as the first
argument); run from the repository root:

    python3 tests/data/policies/gen_forms.py ORACLE_DIR

Each line of forms.jsonl: {"kind", "verb", "entity", "argument": "none" | "string" | "keyword",
"text", "syntax_ok"} where `syntax_ok` is the oracle's `--parse-only` verdict.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

KINDS = (
    "retention", "caching", "update", "ingestionbatching", "streamingingestion", "partitioning",
    "merge", "sharding", "row_level_security", "roworder", "restricted_view_access",
    "ingestiontime", "auto_delete", "extent_tags_retention", "encoding", "managed_identity",
    "callout", "capacity", "request_classification", "sandbox", "query_weak_consistency",
    "query_acceleration", "mirroring", "rowstore", "multidatabaseadmins", "diagnostics",
    "shards_grouping", "rowid",
)  # fmt: skip
VERBS = ("alter", "alter-merge", "show", "delete")
ENTITIES = {
    "cluster": "cluster",
    "database": "database db",
    "database-default": "database",
    "database-star": "database *",
    "table": "table T",
    "table-qualified": "table db.T",
    "table-star": "table *",
    "tables": "tables (T1, T2)",
    "materialized-view": "materialized-view MV",
    "materialized-view-qualified": "materialized-view db.MV",
    "materialized-view-star": "materialized-view *",
    "external-table": "external table ET",
    "external-table-star": "external table *",
    "column": "column T.C",
    "column-star": "column *",
    "graph-model": "graph_model GM",
    "graph-model-star": "graph_model *",
}
# A valid keyword-syntax argument per kind that has one.
KEYWORD = {
    "caching": "hot = 30d",
    "retention": "softdelete = 7d",
    "streamingingestion": "enable",
    "row_level_security": 'enable "Q"',
    "roworder": "(C asc)",
    "restricted_view_access": "true",
    "ingestiontime": "true",
    "rowid": "true",
    "encoding": "type = 'identifier'",
    "mirroring": "kind = delta",
}
# The workload group's verbs (`.alter workload_group` does not exist) and the names it is
# written with: the entity `workload-group` of the registry.
GROUP_VERBS = ("create-or-alter", "alter-merge", "alter")
GROUP_NAMES = ("G", "default", "['$materialized-views']")
# The string argument after `.alter`, where the string alone is not a whole command.
ALTER_STRING = {"request_classification": "'{}' <| \"default\""}


def cases() -> list[dict[str, str]]:
    out = []
    for kind in KINDS:
        for verb in VERBS:
            for entity, words in ENTITIES.items():
                head = f".{verb} {words} policy {kind}"
                if verb in ("show", "delete"):
                    out.append({"kind": kind, "verb": verb, "entity": entity, "argument": "none", "text": head})
                    continue
                string = ALTER_STRING.get(kind, "'{}'") if verb == "alter" else "'{}'"
                out.append({"kind": kind, "verb": verb, "entity": entity, "argument": "string",
                            "text": f"{head} {string}"})  # fmt: skip
                if kind in KEYWORD:
                    out.append({"kind": kind, "verb": verb, "entity": entity, "argument": "keyword",
                                "text": f"{head} {KEYWORD[kind]}"})  # fmt: skip
    for verb in GROUP_VERBS:
        for name in GROUP_NAMES:
            for argument, text in (("string", "'{}'"), ("keyword", "hot = 30d")):
                out.append({"kind": "workload_group", "verb": verb, "entity": "workload-group", "argument": argument,
                            "text": f".{verb} workload_group {name} {text}"})  # fmt: skip
    return out


def main(oracle: str) -> None:
    rows = cases()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n----\n".join(r["text"] for r in rows) + "\n")
    cmd = ["node", str(Path(oracle) / "kusto_oracle.js"), "--parse-only", "--jobs", "2", f.name]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()
    verdicts = [json.loads(line) for line in out if line.strip()]
    assert len(verdicts) == len(rows), (len(verdicts), len(rows))
    target = Path(__file__).with_name("forms.jsonl")
    with target.open("w", encoding="utf-8", newline="\n") as f:
        for row, verdict in zip(rows, verdicts):
            f.write(json.dumps({**row, "syntax_ok": verdict["syntax_ok"]}) + "\n")
    print(f"{len(rows)} verdicts written to {target}")


if __name__ == "__main__":
    main(sys.argv[1])
