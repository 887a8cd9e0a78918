"""The request classification policy: which workload group a request goes to (cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="request_classification",
    title="Request classification",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER, example="'{\"IsEnabled\": true}' <| \"default\"",
              note="the classification function follows `<|`"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER, note="no `<|` function"),
        *show_delete(CLUSTER, CLUSTER),
    ),  # fmt: skip
    payload=None,
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/request-classification-policy?view=azure-data-explorer",
    doc="JSON object `{IsEnabled}`; `.alter` also takes the classification function after `<|`.",
)
