"""The row order policy: the sort keys of a table's extents."""

from __future__ import annotations

from kqllint.policies.schema import TABLE, TABLES, Entity, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="roworder",
    title="Row order",
    forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, TABLE, TABLES, example="(TenantId asc, Timestamp desc)"),
        forms(Verb.ALTER_MERGE, PayloadShape.KEYWORD, TABLE, example="(TenantId asc, Timestamp desc)"),
        *show_delete(TABLE | {Entity.TABLE_STAR}, TABLE),
    ),
    docs_forms=(forms(Verb.ALTER_MERGE, PayloadShape.KEYWORD, TABLES),),
    payload=None,
    keywords=("asc", "desc"),
    url="https://learn.microsoft.com/kusto/management/row-order-policy?view=azure-data-explorer",
    doc="Keyword syntax: `(Column asc|desc, ...)`, the direction required and lowercase.",
)
