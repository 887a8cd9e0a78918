"""Generate realistic Kusto scripts for the benchmark (deterministic for a given seed).

`script`: the ManagedIdentity corpus — comments, queries, other commands, and ManagedIdentity
commands of every form with 1–50 identities. Kept byte for byte as it was, so figures on it
compare across commits.

`deployment_script`: the deployment corpus — what public deployment scripts hold: tables,
mappings and functions, and every common policy kind in the proportions counted in about 60
public scripts (update policies most often, then retention, streaming ingestion, caching,
ingestion batching, merge, partitioning, sharding, ManagedIdentity), every string-literal form,
comments, queries, and a few mistakes of the kinds people make (`KIND_SHARE` lists the mix).
Two variants of it, from the same generators in the same proportions: `clean_script`, on which
kqllint reports nothing, and `findings_script`, where every policy command holds a mistake kqllint
reports (`policy_commands` and `with_findings` count them, independently of kqllint's parser).
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import re
import uuid
from collections.abc import Callable, Iterator
from typing import Literal

USAGES = ["All", "AutomatedFlows", "AzureAI", "DataConnection", "ExportRequest", "ExternalDataRequest",
          "ExternalTable", "NativeIngestion", "SandboxArtifacts", "SqlRequest"]  # fmt: skip
QUERIES = [
    "StormEvents\n| where State == 'TEXAS' and DamageProperty > 0\n| summarize count() by EventType\n| top 10 by count_",
    "let threshold = 100;\nTelemetry\n| where Timestamp > ago(1d)\n| extend Level = iff(Value > threshold, \"high\", \"low\")",
    "Logs | where Message has \"error\" | project Timestamp, Message | take 50",
]
OTHER = [
    ".create table Orders (Id: long, Customer: string, Amount: real)",
    ".alter database Sales policy caching hot = 30d",
    ".alter table Orders policy retention ```{\"SoftDeletePeriod\": \"365.00:00:00\", \"Recoverability\": \"Enabled\"}```",
    ".show tables | where TableName startswith 'Ord'",
    ".create-or-alter function with (folder = 'util') Clean(s: string) { trim(' ', s) }",
]


def _identity(rng: random.Random, quote: str, system: bool = True) -> str:
    oid = "system" if rng.random() < 0.1 and system else str(uuid.UUID(int=rng.getrandbits(128)))
    usages = ", ".join(rng.sample(USAGES[1:8], rng.randint(1, 3)))
    q = quote
    return f"{{{q}ObjectId{q}: {q}{oid}{q}, {q}AllowedUsages{q}: {q}{usages}{q}}}"


def _policy_command(rng: random.Random) -> str:
    verb = rng.choice(["alter", "alter-merge", "alter", "show", "delete"])
    scope = rng.choice(["cluster", "database Sales", "database ['Sales-DB']"])
    head = f".{verb} {scope} policy managed_identity"
    if verb in ("show", "delete"):
        return head
    count = min(50, int(rng.paretovariate(1.2)))
    form = rng.random()
    if form < 0.6:
        items = ",\n".join("  " + _identity(rng, '"') for _ in range(count))
        return f"{head} ```\n[\n{items}\n]\n```"
    if form < 0.85:
        items = ", ".join(_identity(rng, "'") for _ in range(count))
        return f'{head} "[{items}]"'
    items = ", ".join(_identity(rng, '"') for _ in range(count))
    return f"{head} ~~~[{items}]~~~"


def _clean_policy_command(rng: random.Random, serial: int) -> str:
    """`_policy_command` without what kqllint reports: `system` given twice, JSON in single quotes,
    one database's policy set twice (each command names a database of its own)."""
    verb = rng.choice(["alter", "alter-merge", "alter", "show", "delete"])
    scope = rng.choice([f"database Sales{serial}", f"database ['Sales-DB-{serial}']"])
    head = f".{verb} {scope} policy managed_identity"
    if verb in ("show", "delete"):
        return head
    count = min(50, int(rng.paretovariate(1.2)))
    form = rng.random()
    items = [_identity(rng, '"', system=i == 0) for i in range(count)]
    if form < 0.6:
        return f"{head} ```\n[\n" + ",\n".join("  " + item for item in items) + "\n]\n```"
    return f"{head} '[{', '.join(items)}]'" if form < 0.85 else f"{head} ~~~[{', '.join(items)}]~~~"


def script(size: int, seed: int = 1) -> str:
    """A script of about `size` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        if roll < 0.45:
            part = _policy_command(rng)
        elif roll < 0.7:
            part = rng.choice(QUERIES)
        elif roll < 0.85:
            part = rng.choice(OTHER)
        else:
            part = f"// {rng.choice(['deploy', 'note', 'owner: data-platform', 'keep in sync with prod'])}"
            part += "\n" + _policy_command(rng)
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts) + "\n"


def payloads(text: str) -> list[str]:
    """The JSON text of every policy payload in `text` (for the json.loads reference)."""
    from kqllint.script import parse_script

    return [c.payload.literal.value for c in parse_script(text).commands if c.payload is not None]


# ---- the deployment corpus -------------------------------------------------------------------

# Policy commands by kind, per 1,000 control commands: the counts in ~60 public deployment scripts
# (558 control commands: 58 update, 25 retention, then streaming ingestion, caching, batching,
# merge, partitioning, sharding; 2 ManagedIdentity), scaled. The other control commands are
# tables, mappings and functions; `.show`/`.delete` of a policy are a few of the rest.
KIND_SHARE = {
    "update": 104, "retention": 45, "streamingingestion": 27, "caching": 25, "ingestionbatching": 18,
    "merge": 9, "partitioning": 7, "sharding": 5, "managed_identity": 4,
}  # fmt: skip
POLICY_VIEWS = 12  # `.show` and `.delete` of a policy, per 1,000 control commands
MISTAKE_RATE = 0.05  # share of policy commands with a mistake kqllint reports once it models the kind
# as-written: MISTAKE_RATE of the policy commands hold a mistake, and a few more values draw advice
# (a non-transactional update policy); clean: nothing kqllint reports; findings: a mistake in every
# policy command
Mix = Literal["as-written", "clean", "findings"]
TABLES = ["RawEvents", "Events", "Telemetry", "DeviceLogs", "Costs_raw", "Costs_final_v1_0", "AuditTrail",
          "Requests", "Metrics", "Invoices", "ContainerLog", "SigninLogs"]  # fmt: skip
COLUMNS = ["Timestamp: datetime", "TenantId: string", "DeviceId: guid", "Level: string", "Message: string",
           "Properties: dynamic", "Duration: timespan", "Value: real", "Count: long", "Region: string"]  # fmt: skip


def _literal(rng: random.Random, value: object, weights: tuple[float, ...] = (45, 25, 10, 8, 5, 4, 2, 1)) -> str:
    """`value` as JSON in one of Kusto's string-literal forms, as scripts write them: on one line
    in quotes (which cannot span lines), on one or several lines in a fence."""
    form = rng.choices(["@'", "```", '"', "'", '@"', "~~~", "h```", "@```"], weights)[0]
    if not form.endswith(("```", "~~~")):
        text = json.dumps(value)
        if form == "@'":
            return "@'" + text.replace("'", "''") + "'"
        if form == '@"':
            return '@"' + text.replace('"', '""') + '"'
        if form == '"':
            return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    fence = form.lstrip("h@")
    indent = rng.choice([None, 2, 4])
    text = json.dumps(value, indent=indent)
    return f"{form}\n{text}\n{fence}" if indent else f"{form}{text}{fence}"


def _update(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    source = rng.choice([t for t in TABLES if t != table])
    transactional = rng.random() < 0.7 or mix == "clean"  # a non-transactional policy draws P203's advice
    entry = {"IsEnabled": True, "Source": source, "Query": f"Parse{source}()",
             "IsTransactional": transactional, "PropagateIngestionProperties": rng.random() < 0.2}  # fmt: skip
    if rng.random() < 0.1:
        entry["ManagedIdentity"] = "system" if rng.random() < 0.5 else str(uuid.UUID(int=rng.getrandbits(128)))
    payload: object = [entry]
    if bad:
        mistake = rng.randrange(4)
        if mistake == 0:
            payload = entry  # an object where the array belongs
        elif mistake == 1:
            entry["IsTransactionl"] = entry.pop("IsTransactional")
        elif mistake == 2:
            entry["ManagedIdentity"] = "12345678-aaaa-bbbb-cccc"
        else:
            entry["IsEnabled"] = "true"
    verb = "alter" if rng.random() < 0.85 else "alter-merge"
    return f".{verb} table {table} policy update\n{_literal(rng, payload, (70, 15, 6, 3, 2, 2, 1, 1))}"


def _retention(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    others = ["database Telemetry", "materialized-view DailyCosts"]
    entity = f"table {table}" if rng.random() < 0.8 else rng.choice(others)
    days = rng.choice([0, 7, 30, 90, 365, 730]) if entity.startswith("table") else rng.choice([30, 90, 365])
    if rng.random() < 1 / 3:  # the keyword form
        if bad:
            return f".alter {entity} policy retention softdelete = {days or 10}d"  # `.alter` takes no keyword form
        recover = " recoverability = disabled" if days == 0 or rng.random() < 0.3 else ""
        return f".alter-merge {entity} policy retention softdelete = {days}d{recover}"
    period = f"{days}.00:00:00" if not bad else f"{days or 10}d"
    body = {"SoftDeletePeriod": period, "Recoverability": "Disabled" if days == 0 else "Enabled"}
    verb = "alter" if rng.random() < 0.7 else "alter-merge"
    return f".{verb} {entity} policy retention {_literal(rng, body)}"


def _streaming(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    entity = f"table {table}" if rng.random() < 0.75 else "database Telemetry"
    roll = rng.random()
    if roll < 0.4:
        return f".alter {entity} policy streamingingestion {'Enable' if bad else rng.choice(['enable', 'disable'])}"
    body: dict[str, object] = {"IsEnabled": roll < 0.9}
    if rng.random() < 0.2:
        body["HintAllocatedRate"] = rng.choice([1.5, 2.1, 4])
    if bad:
        body = {"IsEnable": True}
    verb = "alter" if rng.random() < 0.6 else "alter-merge"
    return f".{verb} {entity} policy streamingingestion {_literal(rng, body)}"


def _caching(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    entity = rng.choice([f"table {table}", f"table {table}", "database Telemetry", f"tables ({table}, Events)",
                         "materialized-view DailyCosts", "cluster"])  # fmt: skip
    hot = rng.choice(["7d", "14d", "30d", "31d", "90d", "365d", "12h"])
    if bad:
        return f".alter-merge {entity} policy caching hot = {hot}"  # caching has no `.alter-merge`
    window = ", hot_window = datetime(2026-01-01) .. datetime(2026-02-01)" if entity.startswith("tables") else ""
    return f".alter {entity} policy caching hot = {hot}{window}"


def _batching(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    entity = rng.choice([f"table {table}", f"table {table}", "database Telemetry", f"tables ({table}, Events)"])
    body = {"MaximumBatchingTimeSpan": rng.choice(["00:00:30", "00:01:00", "00:05:00", "00:00:20"]),
            "MaximumNumberOfItems": rng.choice([20, 500, 1000]), "MaximumRawDataSizeMB": rng.choice([300, 1024])}  # fmt: skip
    if bad:
        body["MaximumBatchingTimeSpan"] = rng.choice(["30s", "00:00:05"])
    verb = "alter" if entity.startswith("tables") or rng.random() < 0.7 else "alter-merge"
    return f".{verb} {entity} policy ingestionbatching {_literal(rng, body)}"


def _merge(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    hours = rng.choice([4, 8, 24, 48])
    body: dict[str, object] = {"MaxRangeInHours": hours}
    if rng.random() < 0.5:
        body["Lookback"] = {"Kind": "hotcache" if bad else rng.choice(["Default", "HotCache", "All"])}
    elif bad and mix == "findings":  # the as-written corpus has its mistake in `Lookback` only
        body["MaxRangeInHours"] = str(hours)
    entity = rng.choice([f"table {table}", "database Telemetry", "materialized-view DailyCosts"])
    return f".alter-merge {entity} policy merge {_literal(rng, body)}"


def _partitioning(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    hash_key = {"ColumnName": "TenantId", "Kind": "Hash",
                "Properties": {"Function": "XxHash64", "MaxPartitionCount": 4096 if bad else 128,
                               "PartitionAssignmentMode": "Uniform"}}  # fmt: skip
    range_key = {"ColumnName": "Timestamp", "Kind": "UniformRange",
                 "Properties": {"Reference": "1970-01-01T00:00:00", "RangeSize": "1.00:00:00", "OverrideCreationTime": False}}  # fmt: skip
    keys = [hash_key] if rng.random() < 0.6 else [hash_key, range_key]
    body = {"PartitionKeys": keys, "EffectiveDateTime": "2026-01-01T00:00:00"}
    return f".alter table {table} policy partitioning {_literal(rng, body, (10, 70, 5, 5, 3, 5, 1, 1))}"


def _sharding(rng: random.Random, table: str, bad: bool, mix: Mix) -> str:
    body = {"ShardEngineMaxRowCount": 1048576, "ShardEngineMaxExtentSizeInMb": 8192}
    if bad:
        body = {"ShardEngineMaxRowCount": "1048576"}
    return f".alter-merge table {table} policy sharding {_literal(rng, body)}"


# kinds as people misspell them, each within two edits of the kind (S008 names no farther kind):
# snake_case, a letter missing, one too many
MISSPELT = {"update": "updates", "retention": "retension", "streamingingestion": "streaming_ingestion",
            "caching": "cachng", "ingestionbatching": "ingestion_batching", "merge": "merg",
            "partitioning": "partitionning", "sharding": "shardng", "managed_identity": "managedidentity"}  # fmt: skip


def _policy_view(rng: random.Random, table: str, bad: bool) -> str:
    chosen = rng.choice(list(KIND_SHARE))
    kind = MISSPELT[chosen] if bad else chosen
    if chosen == "managed_identity":
        return f".show database Telemetry policy {kind}"
    return f".{rng.choice(['show', 'show', 'delete'])} table {table} policy {kind}"


def _bad_identity_command(rng: random.Random) -> str:
    """A ManagedIdentity command with a mistake in one of its 1–6 identities (`.show`: a misspelt kind)."""
    verb = rng.choice(["alter", "alter-merge", "alter", "show"])
    scope = rng.choice(["cluster", "database Sales", "database ['Sales-DB']"])
    if verb == "show":
        return f".show {scope} policy managedidentity"
    items = [json.loads(_identity(rng, '"', system=i == 0)) for i in range(rng.randint(1, 6))]
    wrong = rng.choice(items)
    mistake = rng.randrange(4)
    if mistake == 0:
        wrong["AllowedUsages"] = wrong["AllowedUsages"].replace("Request", "Requests", 1) + ", ExternalTables"
    elif mistake == 1:
        wrong["AllowedUsages"] = "All, " + wrong["AllowedUsages"]
    elif mistake == 2:
        wrong["AllowedUsages"] += ","
    else:
        wrong["ObjectId"] = "00000000-0000-0000-0000-000000000000"
    return f".{verb} {scope} policy managed_identity {_literal(rng, items)}"


_POLICY: dict[str, Callable[[random.Random, str, bool, Mix], str]] = {
    "update": _update, "retention": _retention, "streamingingestion": _streaming, "caching": _caching,
    "ingestionbatching": _batching, "merge": _merge, "partitioning": _partitioning, "sharding": _sharding}  # fmt: skip


def _table_command(rng: random.Random, table: str) -> str:
    columns = ", ".join(rng.sample(COLUMNS, rng.randint(3, 8)))
    roll = rng.random()
    if roll < 0.45:
        verb = rng.choice([".create-merge table", ".create-merge table", ".create table"])
        return f"{verb} {table} ({columns}) with (folder = 'Ingestion', docstring = 'Landing table')"
    if roll < 0.75:
        fields = [c.split(": ") for c in rng.sample(COLUMNS, rng.randint(3, 6))]
        mapping = json.dumps([{"column": f, "path": f"$.{f[0].lower()}{f[1:]}", "datatype": t} for f, t in fields])
        form = rng.choice(["'", "```"])
        mapping_literal = f"'{mapping}'" if form == "'" else f"```\n{mapping}\n```"
        return f".create-or-alter table {table} ingestion json mapping '{table}_mapping' {mapping_literal}"
    return (f".create-or-alter function with (folder = 'Parsers', docstring = 'Shape {table}')\nParse{table}() {{\n"
            f"    {table}\n    | extend Level = tostring(Properties.level)\n"
            f"    | project-away Properties\n}}")  # fmt: skip


def _control_command(rng: random.Random, mix: Mix, serial: Iterator[int]) -> str:
    table = rng.choice(TABLES)
    roll = rng.random() * 1000
    if mix == "clean":
        # A deployment sets each table's policies once: a second `.alter` of one table's policy
        # is what the checks across commands (P301-P305) report.
        table = f"{table}_{next(serial)}"
    for kind, share in KIND_SHARE.items():
        if roll < share:
            drawn = rng.random() < MISTAKE_RATE  # in every mix, so that all make the same first choices
            bad = drawn if mix == "as-written" else mix == "findings"
            if kind == "managed_identity":
                if mix == "as-written":
                    return _policy_command(rng)
                return _clean_policy_command(rng, next(serial)) if mix == "clean" else _bad_identity_command(rng)
            command = _POLICY[kind](rng, table, bad, mix)
            return _own_entities(command, next(serial)) if mix == "clean" else command
        roll -= share
    if roll < POLICY_VIEWS:
        return _policy_view(rng, table, mix == "findings")
    return _table_command(rng, table)


def _own_entities(command: str, serial: int) -> str:
    """`command` on entities no other command of the clean corpus writes to: the shared database,
    view, cluster and second table of the generators get a serial number."""
    head, sep, rest = command.partition(" policy ")
    head = head.replace(" cluster", " database Telemetry").replace("database Telemetry", f"database Telemetry{serial}")
    head = head.replace("DailyCosts", f"DailyCosts{serial}").replace(", Events)", f", Events{serial})")
    return head + sep + rest


def deployment_script(size: int, seed: int = 1, mix: Mix = "as-written") -> str:
    """A deployment script of about `size` characters: control commands (three statements in
    four), queries, and comments before about one statement in five."""
    rng = random.Random(seed)
    serial = itertools.count(1)
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        part = _control_command(rng, mix, serial) if roll < 0.75 else rng.choice(QUERIES)
        if rng.random() < 0.2:
            note = rng.choice(["deploy", "owner: data-platform", "keep in sync with prod", "see runbook"])
            part = f"// {note}\n{part}"
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts) + "\n"


def clean_script(size: int, seed: int = 1) -> str:
    """The deployment corpus without a mistake, nor a value kqllint advises against."""
    return deployment_script(size, seed, "clean")


def findings_script(size: int, seed: int = 1) -> str:
    """The deployment corpus with a mistake kqllint reports in every policy command."""
    return deployment_script(size, seed, "findings")


def policy_kinds(text: str) -> dict[str, int]:
    """How many commands of `text` are `.alter`/`.alter-merge`/`.show`/`.delete … policy KIND`,
    by kind, read with a plain regex (independently of kqllint's parser)."""
    counts: dict[str, int] = {}
    for m in _POLICY_HEAD.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


_POLICY_HEAD = re.compile(r"^\.(?:alter-merge|alter|show|delete)\b[^\n]*?\bpolicy\s+(\w+)", re.M)


def policy_commands(text: str) -> list[tuple[int, int]]:
    """The start and end of each statement of `text` that is a policy command, read with a plain
    regex (the generators put one blank line between statements, and none inside one)."""
    spans = []
    start = 0
    for part in text.split("\n\n"):
        if _POLICY_HEAD.search(part):
            spans.append((start, start + len(part)))
        start += len(part) + 2
    return spans


def with_findings(spans: list[tuple[int, int]], offsets: list[int]) -> int:
    """How many of `spans` hold at least one of `offsets` (where findings start)."""
    ordered = sorted(offsets)
    return sum(bisect.bisect_left(ordered, end) > bisect.bisect_left(ordered, start) for start, end in spans)


def literal_payloads(text: str) -> list[str]:
    """The JSON text of every policy payload in `text`, of every kind, read without kqllint's
    command parser (for the json.loads floor on the deployment corpus)."""
    from kqllint.grammar import terminal_regex
    from kqllint.literals import decode_literal

    string = re.compile(r"\s*(" + terminal_regex("command", "STRING") + ")")
    out = []
    for m in _POLICY_HEAD.finditer(text):
        literal = string.match(text, m.end())
        if literal:
            value = decode_literal(literal.group(1), 0)[0].value
            if value.lstrip()[:1] in ("{", "["):
                out.append(value)
    return out
