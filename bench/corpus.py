"""Generate realistic Kusto scripts for the benchmark: comments, queries, other commands, and
ManagedIdentity commands of every form with 1–50 identities (deterministic for a given seed)."""

from __future__ import annotations

import random
import uuid

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


def _identity(rng: random.Random, quote: str) -> str:
    oid = "system" if rng.random() < 0.1 else str(uuid.UUID(int=rng.getrandbits(128)))
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
