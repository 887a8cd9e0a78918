"""The caching policy: how much recent data is kept hot (keyword syntax, never JSON)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.values import datetime_key, datetime_ok
from kqllint.policies.schema import (
    ANY, CLUSTER, COLUMN, DATABASE, GRAPH_MODEL, LITERAL_TIMESPAN, NAMED_DATABASE, TABLE, TABLES, VIEW,
    Entity, PolicyKind, PayloadShape, Slot, Verb, forms, prop, show_delete,
)  # fmt: skip

# `datetime(from) .. datetime(to)`: the form itself is checked with the keyword form (S016).
_WINDOW = re.compile(r"datetime\s*\(\s*([^()]*?)\s*\)\s*\.\.\s*datetime\s*\(\s*([^()]*?)\s*\)", re.I)
_ISO = re.compile(r"\d{4}-\d")


def _hot_windows(arguments: tuple[tuple[str, Any], ...], context: Context) -> Iterator[Problem]:
    """Each `hot_window`'s two datetimes: a date that cannot be (`2021-13-01`), and a window
    that ends before it starts. Kusto also reads RFC 822 and RFC 850 dates, which are left alone:
    only text that starts like an ISO 8601 date is judged."""
    seen: dict[str, int] = {}
    for name, text in arguments:
        occurrence = seen[name] = seen.get(name, -1) + 1
        if name.lower() != "hot_window" or not isinstance(text, str) or not (m := _WINDOW.fullmatch(text.strip())):
            continue
        at = {"occurrence": occurrence}
        bad = [d for d in m.groups() if _ISO.match(d) and not datetime_ok(d)]
        for d in bad:
            help = "write a real date, such as `datetime(2030-01-31)`"
            yield problem("bad-datetime", (name,), f"`hot_window` holds a date that does not exist: `{d}`", help, **at)
        low, high = m.groups()
        if not bad and datetime_ok(low) and datetime_ok(high) and datetime_key(low) > datetime_key(high):
            message = f"`hot_window` starts at `{low}`, after it ends at `{high}`"
            yield problem("min-above-max", (name,), message, "swap them", **at)


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
    keyword_required=("hot",),
    argument_checks=(_hot_windows,),  # fmt: skip
    url="https://learn.microsoft.com/kusto/management/cache-policy?view=azure-data-explorer",
    doc="Keyword syntax only: `hot = 30d [, hot_window = datetime(a) .. datetime(b)]`; no `.alter-merge`.",
)
