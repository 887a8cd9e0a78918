"""The diagnostics policy (undocumented; cluster and database)."""

from __future__ import annotations

from kqllint.policies.schema import CLUSTER, DATABASE, NAMED_DATABASE, PolicyKind, Shape, Verb, forms, show_delete

KIND = PolicyKind(
    name="diagnostics",
    title="Diagnostics",
    forms=(
        forms(Verb.ALTER, Shape.STRING, CLUSTER, DATABASE),
        forms(Verb.ALTER_MERGE, Shape.STRING, CLUSTER, DATABASE),
        *show_delete(CLUSTER | DATABASE, NAMED_DATABASE),
    ),
    payload=None,
    url="",
    doc="Undocumented: one string literal.",
)
