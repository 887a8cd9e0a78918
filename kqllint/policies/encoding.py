"""The encoding policy: a column's encoding profile (the JSON form is undocumented)."""

from __future__ import annotations

from kqllint.policies.schema import (
    COLUMN, DATABASE, NAMED_DATABASE, TABLE, Entity, PolicyKind, PayloadShape, Slot, Verb, enum_of, forms, prop,
    show_delete,
)  # fmt: skip

KIND = PolicyKind(
    name="encoding",
    title="Encoding",
    forms=(
        forms(Verb.ALTER, PayloadShape.STRING, DATABASE, TABLE, COLUMN),
        forms(Verb.ALTER, PayloadShape.KEYWORD, COLUMN, example="type = 'identifier'"),
        forms(Verb.ALTER_MERGE, PayloadShape.STRING, DATABASE, TABLE, COLUMN),
        *show_delete(NAMED_DATABASE | TABLE | COLUMN, NAMED_DATABASE | TABLE | COLUMN),
    ),
    docs_forms=(
        forms(Verb.SHOW, PayloadShape.NONE, {Entity.DATABASE_STAR, Entity.TABLE_STAR, Entity.COLUMN_STAR}),
    ),
    payload=None,
    keywords=("type",),
    keyword_args=(
        prop("type", enum_of("Identifier", "BigObject", "BigObject32", "Vector16", "Null", any_case=True),
             "the encoding profile, a string literal; the docs write it in any case", keyword=True, slot=Slot.STRING),
    ),
    keyword_required=("type",),  # fmt: skip
    url="https://learn.microsoft.com/kusto/management/encoding-policy?view=azure-data-explorer",
    doc="`type = '<profile>'` on a column; a JSON string (undocumented content) on a database, table or column.",
)
