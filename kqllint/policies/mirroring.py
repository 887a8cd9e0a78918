"""The mirroring policy: a table mirrored to OneLake as delta (Microsoft Fabric only)."""

from __future__ import annotations

from kqllint.policies.schema import (
    ANY, BOOL, DATETIME, STRING, TABLE, ArrayType, Entity, IntType, PolicyKind, PayloadShape, Verb, enum_of, forms, obj, prop,
    show_delete, span_range,
)  # fmt: skip

_KIND_DELTA = "the parser wants `kind = delta`"

KIND = PolicyKind(
    name="mirroring",
    title="Mirroring",
    forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, TABLE, example="kind = delta"),
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, TABLE),
        forms(Verb.ALTER_MERGE, PayloadShape.KEYWORD, TABLE, example="kind = delta"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, TABLE),
        *show_delete(TABLE | {Entity.TABLE_STAR}, TABLE),
    ),
    docs_forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, TABLE, example="dataformat = parquet", note=_KIND_DELTA),
        forms(Verb.ALTER_MERGE, PayloadShape.KEYWORD, TABLE, example="dataformat = parquet", note=_KIND_DELTA),
    ),
    payload=obj(
        prop("Format", enum_of("parquet"), "the mirrored files' format", default="parquet"),
        prop("ConnectionStrings", ArrayType(item=STRING, max_items=None), "filled in by the service", output=True),
        prop("IsEnabled", BOOL, "`false` stops mirroring and keeps the mirrored data", nullable=True, default=None),
        prop("Partitions", ANY, "the partition columns (the docs show `null`)", nullable=True),
        prop("PathFormat", ANY, "shown by `.show` (as `null`); not described", nullable=True),
        prop("Backfill", BOOL, "shown by `.show`: the `with (Backfill = ...)` setting", default=False),
        prop("EffectiveDateTime", DATETIME, "shown by `.show`: the `with (EffectiveDateTime = ...)` setting",
             nullable=True),
        prop("TargetLatencyInMinutes", IntType(range=span_range(5, 180, "between 5 and 180")),
             "shown by `.show`: the `with (TargetLatencyInMinutes = ...)` setting", range_doc="5 to 180"),
    ),  # fmt: skip
    keywords=("partition", "by", "kind", "delta", "dataformat", "parquet", "pathformat", "with"),
    # Not `keyword=True`: the keyword-form checker (kqllint/keyword_forms.py) does not model
    # `partition by (...)` and connection-string lists yet, so it leaves mirroring's form to Kusto.
    keyword_args=(
        prop("kind", enum_of("delta", keyword=True), "`kind = delta`, the only kind"),
        prop("dataformat", enum_of("parquet", keyword=True), "what the docs write instead of `kind = delta`"),
        prop("pathformat", ANY, "`pathformat = (...)`: accepted by the parser, not documented"),
        prop("IsEnabled", BOOL, "in `with (...)`: whether mirroring runs", default=True),
        prop("TargetLatencyInMinutes", IntType(range=span_range(5, 180, "between 5 and 180")),
             "in `with (...)`: how long data may wait before it is mirrored", range_doc="5 to 180"),
        prop("Backfill", BOOL, "in `with (...)`: also mirror the data already in the table", default=False),
        prop("EffectiveDateTime", ANY, "in `with (...)`: with `Backfill`, the oldest data mirrored, a `datetime(...)`"),
    ),  # fmt: skip
    url="https://learn.microsoft.com/kusto/management/mirroring-policy?view=microsoft-fabric",
    doc="Keyword syntax `[partition by (...)] kind = delta [with (...)]`, or a JSON object (the docs describe"
    " the policy object and never show it as `.alter` input). The partition-by entries are named by the user,"
    " so they are not keyword arguments.",
)
