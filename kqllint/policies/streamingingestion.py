"""The streaming ingestion policy: whether a table or database takes streaming ingestion."""

from __future__ import annotations

from kqllint.policies.schema import (
    ALTER_ONLY, BOOL, CLUSTER, DATABASE, NAMED_DATABASE, REAL, TABLE, PolicyKind, PayloadShape, Verb,
    forms, obj, prop, show_delete,
)  # fmt: skip

KIND = PolicyKind(
    name="streamingingestion",
    title="Streaming ingestion",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER, DATABASE, TABLE),
        forms(Verb.ALTER, PayloadShape.BARE, DATABASE, TABLE, example="enable"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER, DATABASE, TABLE),
        *show_delete(CLUSTER | DATABASE | TABLE, CLUSTER | NAMED_DATABASE | TABLE),
    ),
    payload=obj(
        prop("IsEnabled", BOOL, "mandatory on `.alter`, with no default", required=ALTER_ONLY),
        prop("HintAllocatedRate", REAL, "the expected rate in GB per hour, when above 1", nullable=True),
    ),
    keywords=("enable", "disable"),
    url="https://learn.microsoft.com/kusto/management/streaming-ingestion-policy?view=azure-data-explorer",
    doc="JSON object, or `enable`/`disable` after `.alter table|database`.",
)
