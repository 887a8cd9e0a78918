"""The request classification policy: which workload group a request goes to (cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import (
    ANY, BOOL, CLUSTER, STRING, PolicyKind, PayloadShape, Verb, forms, obj, prop, show_delete,
)  # fmt: skip

KIND = PolicyKind(
    name="request_classification",
    title="Request classification",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER, example="'{\"IsEnabled\": true}' <| \"default\"",
              note="the classification function follows `<|`"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER, note="no `<|` function"),
        *show_delete(CLUSTER, CLUSTER),
    ),
    payload=obj(
        prop("IsEnabled", BOOL, "whether requests are classified"),
        prop("ClassificationFunction", STRING, "the function's body: `.show` returns it; it is set after `<|`",
             output=True),
        prop("ClassificationProperties", ANY, "the `request_properties` the function reads: `.show` returns them",
             output=True),
    ),
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/request-classification-policy?view=azure-data-explorer",
    doc="JSON object `{IsEnabled}`; `.alter` also takes the classification function after `<|`, a query body"
    " whose text kqllint keeps as it is.",
)
