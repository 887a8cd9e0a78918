"""The row id policy (undocumented; tables only)."""

from __future__ import annotations

from kqllint.policies.schema import TABLE, TABLES, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="rowid",
    title="Row id",
    forms=(forms(Verb.ALTER, PayloadShape.BARE, TABLE, TABLES, example="true"), *show_delete(TABLE, TABLE)),
    payload=None,
    keywords=("true", "false"),
    url="",
    doc="Undocumented: a bare `true` or `false`.",
)
