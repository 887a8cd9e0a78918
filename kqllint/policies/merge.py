"""The merge policy: how the service merges and rebuilds extents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    BOOL, DATABASE, INT, NAMED_DATABASE, PLAIN_VIEW, TABLE, TABLES, TIMESPAN, Entity, PolicyKind,
    PayloadShape, Verb, enum_of, forms, obj, prop, show_delete,
)  # fmt: skip
from kqllint.policies.validate import members


def _custom_lookback(value: Any, context: Context) -> Iterator[Problem]:
    """A `Custom` lookback needs its `CustomPeriod`."""
    lookback = members(value).get("lookback")
    m = members(lookback[1] if lookback else None)
    kind = m.get("kind", ("", None))
    if not (isinstance(kind[1], str) and kind[1].lower() == "custom"):
        return
    period = m.get("customperiod")
    if period is None or period[1] is None:
        message = "a `Custom` lookback without its `CustomPeriod`"
        yield problem("custom-lookback-without-period", (lookback[0], kind[0]), message,
                      'add `"CustomPeriod"`, such as `"14.00:00:00"`')  # fmt: skip


KIND = PolicyKind(
    name="merge",
    title="Merge",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, DATABASE, TABLE, TABLES),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, DATABASE, TABLE, PLAIN_VIEW),
        *show_delete(DATABASE | TABLE | PLAIN_VIEW | {Entity.TABLE_STAR, Entity.DATABASE_STAR}, NAMED_DATABASE | TABLE),
    ),
    docs_forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, PLAIN_VIEW),
        forms(Verb.DELETE, PayloadShape.NONE, PLAIN_VIEW),
    ),
    payload=obj(
        prop("RowCountUpperBoundForMerge", INT, "the most rows of a merged extent", default=16000000),
        prop("OriginalSizeMBUpperBoundForMerge", INT, "the most original megabytes of a merged extent", default=30000),
        prop("MaxExtentsToMerge", INT, "the most extents merged at once", default=100),
        prop("LoopPeriod", TIMESPAN, "dropped from the docs in 2024", default="01:00:00", removed=True),
        prop("MaxRangeInHours", INT, "the widest creation-time range of a merged extent", default=24),
        prop("AllowRebuild", BOOL, "whether extents may be rebuilt", default=True),
        prop("AllowMerge", BOOL, "whether extents may be merged", default=True),
        prop("Lookback", obj(
            prop("Kind", enum_of("Default", "All", "HotCache", "Custom"), "which extents are considered"),
            prop("CustomPeriod", TIMESPAN, "the period of a `Custom` lookback", nullable=True),
        ), "which extents merges consider", default={"Kind": "Default", "CustomPeriod": None}),
    ),  # fmt: skip
    checks=(_custom_lookback,),
    url="https://learn.microsoft.com/kusto/management/merge-policy?view=azure-data-explorer",
    doc="JSON object. The docs advise consulting support before changing it.",
)
