"""The capacity policy: limits on concurrent background operations (cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="capacity",
    title="Capacity",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER, note="deprecated: the docs say to use `.alter-merge`"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER),
        *show_delete(CLUSTER, ()),
    ),
    payload=None,
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/capacity-policy?view=azure-data-explorer",
    doc="JSON object of capacity sub-objects; no `.delete`.",
)
