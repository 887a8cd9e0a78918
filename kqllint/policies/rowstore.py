"""The row store policy (undocumented; the parser accepts it on the cluster)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="rowstore",
    title="Row store",
    forms=(
        forms(Verb.ALTER, PayloadShape.STRING, CLUSTER),
        forms(Verb.ALTER_MERGE, PayloadShape.STRING, CLUSTER),
        *show_delete(CLUSTER, CLUSTER),
    ),
    payload=None,
    cluster_only=True,
    url="",
    doc="Undocumented: one string literal.",
)
