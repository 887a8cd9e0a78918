"""The query weak consistency policy: the nodes that serve weakly consistent queries (cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="query_weak_consistency",
    title="Query weak consistency",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER),
        *show_delete(CLUSTER, ()),
    ),
    payload=None,
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/query-weak-consistency-policy?view=azure-data-explorer",
    doc="JSON object; no `.delete`.",
)
