"""The callout policy: which external endpoints queries may call (cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, Shape, Verb, forms, show_delete

KIND = PolicyKind(
    name="callout",
    title="Callout",
    forms=(
        forms(Verb.ALTER, Shape.JSON_ARRAY, CLUSTER),
        forms(Verb.ALTER_MERGE, Shape.JSON_ARRAY, CLUSTER, note="updates `CanCall` of matching entries, adds others"),
        *show_delete(CLUSTER, CLUSTER),
    ),
    payload=None,
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/callout-policy?view=azure-data-explorer",
    doc="JSON array of `{CalloutType, CalloutUriRegex, CanCall}` objects.",
)
