"""The mirroring policy: a table mirrored to OneLake as delta (Microsoft Fabric only)."""

from __future__ import annotations

from kqllint.policies.schema import TABLE, Entity, PolicyKind, PayloadShape, Verb, forms, show_delete

_KIND_DELTA = "the parser wants `kind = delta`"

KIND = PolicyKind(
    name="mirroring",
    title="Mirroring",
    forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, TABLE, example="kind = delta"),
        forms(Verb.ALTER, PayloadShape.STRING, TABLE),
        forms(Verb.ALTER_MERGE, PayloadShape.KEYWORD, TABLE, example="kind = delta"),
        forms(Verb.ALTER_MERGE, PayloadShape.STRING, TABLE),
        *show_delete(TABLE | {Entity.TABLE_STAR}, TABLE),
    ),
    docs_forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, TABLE, example="dataformat = parquet", note=_KIND_DELTA),
        forms(Verb.ALTER_MERGE, PayloadShape.KEYWORD, TABLE, example="dataformat = parquet", note=_KIND_DELTA),
    ),
    payload=None,
    keywords=("partition", "by", "pathformat", "kind", "delta"),
    url="https://learn.microsoft.com/kusto/management/mirroring-policy?view=microsoft-fabric",
    doc="Keyword syntax `[partition by (...)] kind = delta [with (...)]`, or a JSON string.",
)
