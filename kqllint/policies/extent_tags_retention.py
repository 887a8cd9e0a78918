"""The extent tags retention policy: how long extent tags with a prefix are kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    DATABASE, NAMED_DATABASE, STRING, TABLE, TIMESPAN, ArrayType, Entity, PolicyKind, PayloadShape, Verb,
    forms, obj, prop, show_delete,
)  # fmt: skip
from kqllint.policies.validate import members


def _tag_prefix(value: Any, context: Context) -> Iterator[Problem]:
    """A `TagPrefix` must end with a colon, its only one."""
    for i, item in enumerate(value):
        prefix = members(item).get("tagprefix")
        if prefix is None or not isinstance(prefix[1], str):
            continue
        text = prefix[1]
        if not text.endswith(":") or text.count(":") != 1 or text == ":":
            message = f"tag prefix `{text}` must end with a colon, its only one"
            help = f'write `"{text.rstrip(":")}:"`' if text.rstrip(":") and ":" not in text.rstrip(":") else None
            yield problem("bad-tag-prefix", (i, prefix[0]), message, help)


KIND = PolicyKind(
    name="extent_tags_retention",
    title="Extent tags retention",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_ARRAY, DATABASE, TABLE),
        *show_delete(DATABASE | TABLE | {Entity.TABLE_STAR, Entity.DATABASE_STAR}, NAMED_DATABASE | TABLE),
    ),
    payload=ArrayType(
        item=obj(
            prop("TagPrefix", STRING, "the tag prefix, such as `drop-by:`", range_doc="ends with its only colon"),
            prop("RetentionPeriod", TIMESPAN, "how long the tags are kept after the extent's creation"),
        ),
        max_items=None,
    ),
    checks=(_tag_prefix,),
    url="https://learn.microsoft.com/kusto/management/extent-tags-retention-policy?view=azure-data-explorer",
    doc="JSON array of `{TagPrefix, RetentionPeriod}` objects; no `.alter-merge`.",
)
