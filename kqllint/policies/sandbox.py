"""The sandbox policy: limits of the Python and R sandboxes (cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="sandbox",
    title="Sandbox",
    forms=(forms(Verb.ALTER, PayloadShape.JSON_ARRAY, CLUSTER), *show_delete(CLUSTER, CLUSTER)),
    payload=None,
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/sandbox-policy?view=azure-data-explorer",
    doc="JSON array of per-sandbox-kind objects; no `.alter-merge`.",
)
