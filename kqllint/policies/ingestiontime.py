"""The ingestion time policy: the hidden `$IngestionTime` column."""

from __future__ import annotations

from kqllint.policies.schema import TABLE, TABLES, Entity, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="ingestiontime",
    title="Ingestion time",
    forms=(
        forms(Verb.ALTER, PayloadShape.BARE, TABLE, TABLES, example="true", note="the parser takes only `true`"),
        *show_delete(TABLE | {Entity.TABLE_STAR}, TABLE),
    ),
    docs_forms=(
        forms(Verb.ALTER, PayloadShape.BARE, TABLE, TABLES, example="false", note="`false`: the parser rejects it"),
    ),
    payload=None,
    keywords=("true",),
    url="https://learn.microsoft.com/kusto/management/ingestion-time-policy?view=azure-data-explorer",
    doc="A bare `true`; the docs also show `false`, which Kusto.Language rejects.",
)
