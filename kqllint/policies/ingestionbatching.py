"""The ingestion batching policy: when queued ingestion seals a batch."""

from __future__ import annotations

from kqllint.policies.schema import (
    CLUSTER, DATABASE, NAMED_DATABASE, TABLE, TABLES, Entity, IntType, PolicyKind, PayloadShape,
    TimespanType, Verb, forms, obj, prop, show_delete, span_range,
)  # fmt: skip

KIND = PolicyKind(
    name="ingestionbatching",
    title="Ingestion batching",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER, DATABASE, TABLE, TABLES),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER, DATABASE, TABLE),
        *show_delete(CLUSTER | DATABASE | TABLE | {Entity.TABLE_STAR, Entity.DATABASE_STAR}, NAMED_DATABASE | TABLE),
    ),
    docs_forms=(forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, TABLES),),
    payload=obj(
        prop("MaximumBatchingTimeSpan", TimespanType(range=span_range(10, 1800, "between `00:00:10` and `00:30:00`")),
             "the longest a batch waits", default="00:05:00", range_doc="00:00:10 to 00:30:00"),
        prop("MaximumNumberOfItems", IntType(range=span_range(1, 25000, "between 1 and 25,000")),
             "the most blobs in a batch", default=500, range_doc="1 to 25,000"),
        prop("MaximumRawDataSizeMB", IntType(range=span_range(100, 4096, "between 100 and 4,096")),
             "the most uncompressed megabytes in a batch", default=1024, range_doc="100 to 4,096"),
    ),  # fmt: skip
    url="https://learn.microsoft.com/kusto/management/batching-policy?view=azure-data-explorer",
    doc="JSON object. The service rejects values outside the documented ranges.",
)
