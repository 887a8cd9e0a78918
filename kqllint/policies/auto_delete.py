"""The auto delete policy: the table is dropped once its expiry date has passed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    ALTER_ONLY, BOOL, DATETIME, TABLE, PolicyKind, PayloadShape, Verb, forms, obj, prop, show_delete,
)  # fmt: skip
from kqllint.policies.validate import members
from kqllint.policies.values import datetime_key, datetime_ok


def _expired(value: Any, context: Context) -> Iterator[Problem]:
    """An `ExpiryDate` before "now" (given by the caller, so the check stays pure)."""
    expiry = members(value).get("expirydate")
    if context.now is None or expiry is None or not isinstance(expiry[1], str) or not datetime_ok(expiry[1]):
        return
    if datetime_key(expiry[1]) <= context.now.strftime("%Y-%m-%dT%H:%M:%S"):
        message = f"`{expiry[0]}` {expiry[1]} has passed; the service rejects a date in the past"
        yield problem("expiry-in-past", (expiry[0],), message, "write a date in the future")


KIND = PolicyKind(
    name="auto_delete",
    title="Auto delete",
    forms=(forms(Verb.ALTER, PayloadShape.JSON_OBJECT, TABLE), *show_delete(TABLE, TABLE)),
    payload=obj(
        prop("ExpiryDate", DATETIME, "when the table is dropped; not null, in the future", required=ALTER_ONLY),
        prop("DeleteIfNotEmpty", BOOL, "drop the table even when it holds data", default=False),
    ),
    checks=(_expired,),
    url="https://learn.microsoft.com/kusto/management/auto-delete-policy?view=azure-data-explorer",
    doc="JSON object on tables; `ExpiryDate` is required and must be in the future.",
)
