"""The multi-database admins policy (undocumented; cluster only)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, PolicyKind, PayloadShape, Verb, forms, show_delete

KIND = PolicyKind(
    name="multidatabaseadmins",
    title="Multi-database admins",
    forms=(
        forms(Verb.ALTER, PayloadShape.STRING, CLUSTER),
        forms(Verb.ALTER_MERGE, PayloadShape.STRING, CLUSTER),
        *show_delete(CLUSTER, ()),
    ),
    payload=None,
    cluster_only=True,
    url="",
    doc="Undocumented: one string literal; no `.delete`.",
)
