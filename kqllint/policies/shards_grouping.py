"""The shards grouping policy (undocumented; databases only)."""

from __future__ import annotations

from kqllint.policies.schema import DATABASE, NAMED_DATABASE, Entity, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="shards_grouping",
    title="Shards grouping",
    forms=(
        forms(Verb.ALTER, PayloadShape.STRING, DATABASE),
        forms(Verb.ALTER_MERGE, PayloadShape.STRING, DATABASE),
        *show_delete(DATABASE | {Entity.DATABASE_STAR}, NAMED_DATABASE),
    ),
    payload=None,
    url="",
    doc="Undocumented: one string literal (the grammar spells the keyword `#shards_grouping`).",
)
