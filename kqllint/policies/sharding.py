"""The sharding policy: how large extents grow when they are created."""

from __future__ import annotations

from kqllint.policies.schema import (
    CLUSTER, DATABASE, INT, NAMED_DATABASE, TABLE, Entity, PolicyKind, PayloadShape, Verb, forms, obj,
    prop, show_delete,
)  # fmt: skip

KIND = PolicyKind(
    name="sharding",
    title="Sharding",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER, DATABASE, TABLE),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER, DATABASE, TABLE),
        *show_delete(
            CLUSTER | DATABASE | TABLE | {Entity.TABLE_STAR, Entity.DATABASE_STAR}, CLUSTER | NAMED_DATABASE | TABLE
        ),
    ),
    payload=obj(
        prop("ShardEngineMaxRowCount", INT, "the most rows in an extent", default=1048576),
        prop("ShardEngineMaxExtentSizeInMb", INT, "the most compressed megabytes in an extent", default=8192),
        prop("ShardEngineMaxOriginalSizeInMb", INT, "the most original megabytes (rebuilds only)", default=3072),
    ),
    url="https://learn.microsoft.com/kusto/management/sharding-policy?view=azure-data-explorer",
    doc="JSON object. The docs advise consulting support before changing it.",
)
