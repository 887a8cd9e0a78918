"""The query acceleration policy: caching of external delta tables."""

from __future__ import annotations

from kqllint.policies.schema import EXTERNAL_TABLE, Entity, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="query_acceleration",
    title="Query acceleration",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, EXTERNAL_TABLE),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, EXTERNAL_TABLE),
        *show_delete(EXTERNAL_TABLE | {Entity.EXTERNAL_TABLE_STAR}, EXTERNAL_TABLE),
    ),
    payload=None,
    url="https://learn.microsoft.com/kusto/management/query-acceleration-policy?view=azure-data-explorer",
    doc="JSON object on external tables (the name unqualified).",
)
