"""The diagnostics policy (undocumented; cluster and database)."""

from __future__ import annotations

from kqllint.policies.schema import (
    CLUSTER, DATABASE, NAMED_DATABASE, PayloadShape, PolicyKind, Verb, forms, show_delete,
)  # fmt: skip

KIND = PolicyKind(
    name="diagnostics",
    title="Diagnostics",
    forms=(
        forms(Verb.ALTER, PayloadShape.STRING, CLUSTER, DATABASE),
        forms(Verb.ALTER_MERGE, PayloadShape.STRING, CLUSTER, DATABASE),
        *show_delete(CLUSTER | DATABASE, NAMED_DATABASE),
    ),
    payload=None,
    url="",
    doc="Undocumented: one string literal.",
)
