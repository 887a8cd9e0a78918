"""The callout policy: which external endpoints queries may call (cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="callout",
    title="Callout",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_ARRAY, CLUSTER),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_ARRAY, CLUSTER, note="updates `CanCall` of matching entries"),
        *show_delete(CLUSTER, CLUSTER),
    ),
    payload=None,
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/callout-policy?view=azure-data-explorer",
    doc="JSON array of `{CalloutType, CalloutUriRegex, CanCall}` objects.",
)
