"""The retention policy: how long data is kept (soft delete) and whether it can be recovered."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    DATABASE, DATABASE_LEVEL, GRAPH_MODEL, LITERAL_TIMESPAN, NAMED_DATABASE, PLAIN_VIEW, TABLE, TABLES,
    VIEW, Entity, PolicyKind, PayloadShape, TimespanType, Verb, enum_of, forms, obj, prop, show_delete,
    span_range,
)  # fmt: skip
from kqllint.policies.validate import members
from kqllint.policies.values import literal_timespan_seconds, timespan_seconds

_NON_NEGATIVE = TimespanType(range=span_range(0, None, "0 or longer"))
_WRITE_ENTITIES = (DATABASE, TABLE, VIEW)
_STARS = {Entity.TABLE_STAR, Entity.DATABASE_STAR, Entity.GRAPH_MODEL_STAR}


def _zero_period(value: Any, context: Context) -> Iterator[Problem]:
    """A soft-delete period of 0: never on a database, and only with recoverability disabled."""
    m = members(value)
    recoverability = m.get("recoverability")
    enabled = bool(recoverability) and isinstance(recoverability[1], str) and recoverability[1].lower() == "enabled"
    yield from _zero_retention(m.get("softdeleteperiod"), timespan_seconds, recoverability if enabled else None,
                               context, "`Recoverability` must be `Disabled`", 'write `"Disabled"`', '"Disabled"')  # fmt: skip


def _zero_softdelete(arguments: Any, context: Context) -> Iterator[Problem]:
    """The same rules for the keyword form: `softdelete = 0d [recoverability = enabled]`."""
    m = members(arguments)
    recoverability = m.get("recoverability")
    enabled = bool(recoverability) and recoverability[1] == "enabled"  # a keyword: lowercase only
    yield from _zero_retention(m.get("softdelete"), literal_timespan_seconds, recoverability if enabled else None,
                               context, "`recoverability` must be `disabled`", "write `recoverability = disabled`",
                               "disabled")  # fmt: skip


def _zero_retention(
    period: tuple[str, Any] | None,
    seconds: Callable[[str], float | None],
    enabled: tuple[str, Any] | None,
    context: Context,
    must: str,
    help: str,
    fix: str,
) -> Iterator[Problem]:
    """What both forms share: `period` and `enabled` are (key as written, value) members, and
    `enabled` is the recoverability member only when it says enabled."""
    if period is None or not isinstance(period[1], str) or seconds(period[1]) != 0:
        return
    if context.entity in DATABASE_LEVEL:
        message = "a soft-delete period of 0 is not allowed on a database"
        yield problem("zero-retention-on-database", (period[0],), message, "set 0 on the tables that need it")
    if enabled is not None:
        message = f"{must} with a soft-delete period of 0"
        yield problem("zero-retention-recoverable", (enabled[0],), message, help, fix=fix)


KIND = PolicyKind(
    name="retention",
    title="Retention",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, *_WRITE_ENTITIES, TABLES, GRAPH_MODEL),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, *_WRITE_ENTITIES),
        forms(Verb.ALTER_MERGE, PayloadShape.KEYWORD, *_WRITE_ENTITIES,
              example="softdelete = 7d recoverability = disabled"),  # fmt: skip
        *show_delete(
            DATABASE | TABLE | PLAIN_VIEW | GRAPH_MODEL | _STARS,
            NAMED_DATABASE | TABLE,
        ),
    ),
    docs_forms=(forms(Verb.DELETE, PayloadShape.NONE, PLAIN_VIEW),),
    payload=obj(
        prop("SoftDeletePeriod", _NON_NEGATIVE, "how long data is kept after ingestion; default 1,000 years",
             default="365000.00:00:00", range_doc="0 or longer; 0 only on tables, with recoverability disabled"),
        prop("Recoverability", enum_of("Enabled", "Disabled"),
             "whether deleted data can be recovered for 14 days", default="Enabled"),
    ),  # fmt: skip
    keywords=("softdelete", "recoverability", "disabled", "enabled"),
    keyword_args=(
        prop("softdelete", LITERAL_TIMESPAN, "the soft-delete period, a timespan literal such as `7d`", keyword=True),
        prop("recoverability", enum_of("disabled", "enabled", keyword=True), "after `softdelete`, no comma",
             keyword=True),
    ),
    keyword_required=("softdelete", "recoverability"),
    checks=(_zero_period,),
    argument_checks=(_zero_softdelete,),
    url="https://learn.microsoft.com/kusto/management/retention-policy?view=azure-data-explorer",
    doc="JSON object; `.alter-merge` also takes `softdelete = <timespan> [recoverability = disabled|enabled]`.",
)
