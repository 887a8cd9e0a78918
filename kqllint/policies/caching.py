"""The caching policy: how much recent data is kept hot (keyword syntax, never JSON)."""

from __future__ import annotations

from kqllint.policies.schema import (
    ANY, CLUSTER, COLUMN, DATABASE, GRAPH_MODEL, LITERAL_TIMESPAN, NAMED_DATABASE, TABLE, TABLES, VIEW,
    Entity, PolicyKind, PayloadShape, Slot, Verb, forms, prop, show_delete,
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
    docs_forms=(
        forms(Verb.ALTER, PayloadShape.KEYWORD, CLUSTER, DATABASE, TABLE, VIEW,
              example="hot = 30d, hot_window = datetime(2021-01-01) .. datetime(2021-02-01)",
              note="the parser skips `hot_window` here, silently"),
    ),
    payload=None,
    keywords=("hot", "hot_window", "hotdata", "hotindex"),
    keyword_args=(
        prop("hot", LITERAL_TIMESPAN, "the hot period, a timespan literal such as `30d`", keyword=True),
        prop("hotdata", LITERAL_TIMESPAN, "with `hotindex`, instead of `hot` (undocumented)", keyword=True,
             instead_of="hot"),
        prop("hotindex", LITERAL_TIMESPAN, "right after `hotdata`, instead of `hot` (undocumented)", keyword=True,
             instead_of="hot"),
        prop("hot_window", ANY, "`datetime(from) .. datetime(to)`, after `hot`, repeated with commas; "
             "the parser takes it only after `tables (...)`", keyword=True, slot=Slot.RANGE, comma=True, repeat=True,
             parser_entities=TABLES),
    ),
    keyword_required=("hot",),  # fmt: skip
    url="https://learn.microsoft.com/kusto/management/cache-policy?view=azure-data-explorer",
    doc="Keyword syntax only: `hot = 30d [, hot_window = datetime(a) .. datetime(b)]`; no `.alter-merge`.",
)
