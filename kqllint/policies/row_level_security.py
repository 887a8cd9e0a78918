"""The row level security policy: a query that filters what each principal may read."""

from __future__ import annotations

from kqllint.policies.schema import (
    BOOL, EXTERNAL_TABLE, TABLE, VIEW, Entity, PolicyKind, PayloadShape, Verb, forms, prop, show_delete,
)  # fmt: skip

KIND = PolicyKind(
    name="row_level_security",
    title="Row level security",
    forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, TABLE, VIEW, EXTERNAL_TABLE, example='enable "RLS_function"',
              note="`enable|disable [with (name = value, ...)] \"query\"`; `with` on tables only"),
        *show_delete(
            TABLE | VIEW | EXTERNAL_TABLE | {Entity.TABLE_STAR, Entity.EXTERNAL_TABLE_STAR},
            TABLE | VIEW | EXTERNAL_TABLE,
        ),
    ),  # fmt: skip
    payload=None,
    keywords=("enable", "disable", "with"),
    keyword_args=(
        prop("allowMaterializedViewsWithoutRowLevelSecurity", BOOL,
             "let materialized views over the table go without their own policy", scopes=TABLE),
    ),  # fmt: skip
    url="https://learn.microsoft.com/kusto/management/row-level-security-policy?view=azure-data-explorer",
    doc="Keyword syntax: `enable` or `disable`, an optional `with (...)`, then the query as a string.",
)
