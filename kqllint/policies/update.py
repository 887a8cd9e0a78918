"""The update policy: queries that run on ingestion into a source table and fill this table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    ANY, BOOL, GUID_OR_SYSTEM, STRING, TABLE, WRITE_VERBS, ArrayType, Entity, PolicyKind, PayloadShape,
    Verb, forms, obj, prop, show_delete,
)  # fmt: skip
from kqllint.policies.validate import members


def _not_transactional(value: Any, context: Context) -> Iterator[Problem]:
    """Every entry whose `IsTransactional` is false, or left to its default of false."""
    for i, item in enumerate(value):
        m = members(item)
        if not isinstance(item, tuple) or not m:
            continue
        given = m.get("istransactional")
        help = 'set `"IsTransactional": true`, as the docs advise for production'
        if given is None:
            yield problem("not-transactional", (i,), "the update policy is not transactional (the default)", help)
        elif given[1] is False:
            yield problem("not-transactional", (i, given[0]), "the update policy is not transactional", help)


KIND = PolicyKind(
    name="update",
    title="Update",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_ARRAY, TABLE, note="may be followed by `with (name = value, ...)`"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_ARRAY, TABLE, note="appends entries, without removing duplicates"),
        *show_delete(TABLE | {Entity.TABLE_STAR}, TABLE),
    ),
    docs_forms=(forms(Verb.ALTER_MERGE, PayloadShape.JSON_ARRAY, {Entity.TABLE_STAR}),),
    payload=ArrayType(
        item=obj(
            prop("IsEnabled", BOOL, "whether the policy runs"),
            prop("Source", STRING, "the source table, in the same database", required=WRITE_VERBS),
            prop("SourceIsWildCard", BOOL, "`Source` is a pattern such as `Table*`"),
            prop("Query", STRING, "the query, usually a stored function call", required=WRITE_VERBS),
            prop("IsTransactional", BOOL, "a failing update fails the ingestion", default=False),
            prop("PropagateIngestionProperties", BOOL, "extent tags and creation time propagate"),
            prop("ManagedIdentity", GUID_OR_SYSTEM, "the identity the query runs as", nullable=True),
            prop("OwnerPrincipalDetails", ANY, "Fabric only", output=True),
        ),
        max_items=None,
    ),
    keyword_args=(prop("AllowUnreferencedSourceTable", BOOL, "skip the check that the query reads `Source`"),),
    checks=(_not_transactional,),
    url="https://learn.microsoft.com/kusto/management/update-policy?view=azure-data-explorer",
    doc="JSON array of policy objects; `with (...)` comes after the string, never before it.",
)
