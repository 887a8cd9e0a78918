"""The restricted view access policy: only `UnrestrictedViewer`s may query the table."""

from __future__ import annotations

from kqllint.policies.schema import TABLE, TABLES, Entity, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="restricted_view_access",
    title="Restricted view access",
    forms=(
        forms(Verb.ALTER, PayloadShape.BARE, TABLE, TABLES, example="true"),
        *show_delete(TABLE | {Entity.TABLE_STAR}, TABLE),
    ),
    payload=None,
    keywords=("true", "false"),
    url="https://learn.microsoft.com/kusto/management/restricted-view-access-policy?view=azure-data-explorer",
    doc="A bare `true` or `false`, lowercase.",
)
