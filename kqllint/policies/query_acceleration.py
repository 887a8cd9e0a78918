"""The query acceleration policy: caching of external delta tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    ALTER_ONLY, BOOL, DATETIME, EXTERNAL_TABLE, GUID_OR_SYSTEM, STRING, ArrayType, Entity, PolicyKind, PayloadShape,
    TimespanType, Verb, forms, obj, prop, show_delete, span_range,
)  # fmt: skip
from kqllint.policies.validate import members
from kqllint.policies.values import datetime_key, datetime_ok


def _windows(value: Any, context: Context) -> Iterator[Problem]:
    """A hot window whose `MinValue` is after its `MaxValue`."""
    windows = members(value).get("hotwindows")
    if windows is None or not isinstance(windows[1], list):
        return
    for i, window in enumerate(windows[1]):
        m = members(window)
        low, high = m.get("minvalue"), m.get("maxvalue")
        if low is None or high is None or not all(isinstance(v[1], str) and datetime_ok(v[1]) for v in (low, high)):
            continue
        if datetime_key(low[1]) > datetime_key(high[1]):
            message = f"`{low[0]}` {low[1]} is after `{high[0]}` {high[1]}"
            yield problem("min-above-max", (windows[0], i, low[0]), message, "swap them")


KIND = PolicyKind(
    name="query_acceleration",
    title="Query acceleration",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, EXTERNAL_TABLE),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, EXTERNAL_TABLE, note="adds to `HotWindows`"),
        *show_delete(EXTERNAL_TABLE | {Entity.EXTERNAL_TABLE_STAR}, EXTERNAL_TABLE),
    ),
    payload=obj(
        prop("IsEnabled", BOOL, "whether the table is accelerated", required=ALTER_ONLY),
        prop("Hot", TimespanType(range=span_range(86400, None, "at least a day (`1.00:00:00`)")),
             "how far back data is cached; at least 100 years (`36500.00:00:00`) for update policies to use it",
             required=ALTER_ONLY, range_doc="1 day or longer"),
        prop("HotWindows", ArrayType(item=obj(
            prop("MinValue", DATETIME, "the window's start"),
            prop("MaxValue", DATETIME, "the window's end"),
        ), max_items=None), "more periods to cache"),
        prop("MaxAge", TimespanType(range=span_range(60, None, "at least a minute (`00:01:00`)")),
             "how stale the cached data may be", default="00:05:00", range_doc="1 minute or longer"),
        prop("ManagedIdentity", GUID_OR_SYSTEM, "the identity used (Azure Data Explorer only), allowed for"
             " `AutomatedFlows`"),
        prop("HotDateTimeColumn", STRING, "the datetime column that decides what is hot"),
    ),  # fmt: skip
    checks=(_windows,),
    url="https://learn.microsoft.com/kusto/management/query-acceleration-policy?view=azure-data-explorer",
    doc="JSON object on external tables (the name unqualified). `IsEnabled` and `Hot` are required on"
    " `.alter` (on `.alter-merge` only when the table has no policy yet, which a script cannot show).",
)
