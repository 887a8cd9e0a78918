"""The caching policy: how much recent data is kept hot (keyword syntax, never JSON)."""

from __future__ import annotations

from kqllint.policies.schema import (
    ANY, CLUSTER, COLUMN, DATABASE, GRAPH_MODEL, NAMED_DATABASE, TABLE, TABLES, TIMESPAN, VIEW,
    Entity, PolicyKind, PayloadShape, Verb, forms, prop, show_delete,
)  # fmt: skip

_STARS = {Entity.TABLE_STAR, Entity.DATABASE_STAR, Entity.COLUMN_STAR, Entity.GRAPH_MODEL_STAR}

KIND = PolicyKind(
    name="caching",
    title="Caching",
    forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, CLUSTER, DATABASE, TABLE, TABLES, VIEW, COLUMN, GRAPH_MODEL,
              example="hot = 30d"),  # fmt: skip
        *show_delete(
            CLUSTER | DATABASE | TABLE | VIEW | COLUMN | GRAPH_MODEL | _STARS,
            CLUSTER | NAMED_DATABASE | TABLE | VIEW | COLUMN | GRAPH_MODEL,
        ),
    ),
    payload=None,
    keywords=("hot", "hot_window", "hotdata", "hotindex"),
    keyword_args=(
        prop("hot", TIMESPAN, "the hot period, a Kusto timespan literal such as `30d`"),
        prop("hot_window", ANY, "`datetime(from) .. datetime(to)`; the parser takes it only after `tables (...)`"),
        prop("hotdata", TIMESPAN, "with `hotindex`, instead of `hot` (undocumented)"),
        prop("hotindex", TIMESPAN, "with `hotdata`, instead of `hot` (undocumented)"),
    ),
    url="https://learn.microsoft.com/kusto/management/cache-policy?view=azure-data-explorer",
    doc="Keyword syntax only: `hot = 30d [, hot_window = datetime(a) .. datetime(b)]`; no `.alter-merge`.",
)
