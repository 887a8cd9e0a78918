"""The sandbox policy: limits of the Python and R sandboxes (cluster only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    ALTER_ONLY, BOOL, CLUSTER, ArrayType, IntType, PolicyKind, PayloadShape, Verb, enum_of, forms, obj, prop,
    show_delete, span_range,
)  # fmt: skip
from kqllint.policies.validate import members


def _one_per_kind(value: Any, context: Context) -> Iterator[Problem]:
    """Two entries for one `SandboxKind` (each kind has one policy; which entry wins is undocumented)."""
    seen: dict[str, int] = {}
    for i, item in enumerate(value):
        kind = members(item).get("sandboxkind")
        if kind is None or not isinstance(kind[1], str):
            continue
        low = kind[1].lower()
        if low in seen:
            message = f"a second policy for sandbox kind `{kind[1]}` (the first is element {seen[low]})"
            yield problem("duplicate-sandbox-kind", (i, kind[0]), message, "keep one entry per sandbox kind")
        else:
            seen[low] = i


KIND = PolicyKind(
    name="sandbox",
    title="Sandbox",
    forms=(forms(Verb.ALTER, PayloadShape.JSON_ARRAY, CLUSTER), *show_delete(CLUSTER, CLUSTER)),
    payload=ArrayType(
        item=obj(
            prop("SandboxKind", enum_of("PythonExecution", "RExecution"), "the sandbox kind the entry is for",
                 required=ALTER_ONLY),
            prop("IsEnabled", BOOL, "whether sandboxes of this kind may run", default=False),
            prop("InitializeOnStartup", BOOL, "start the sandboxes with the service, not on first use", default=False),
            prop("TargetCountPerNode", IntType(range=span_range(1, None, "a positive integer")),
                 "how many sandboxes of this kind run on a node", default=16,
                 range_doc="1 to twice the node's processor count"),
            prop("MaxCpuRatePerSandbox", IntType(range=span_range(1, 100, "between 1 and 100")),
                 "the most CPU one sandbox uses, as a percentage of all cores", default=50, range_doc="1 to 100"),
            prop("MaxMemoryMbPerSandbox", IntType(range=span_range(200, 65536, "between 200 and 65,536")),
                 "the most memory one sandbox uses, in MB", default=1024,
                 range_doc="Hyper-V sandboxes: 200 to 32,768, and at most 32,768 times `TargetCountPerNode`"
                           " in all; legacy sandboxes: 200 to 65,536"),
        ),
        max_items=None,
    ),  # fmt: skip
    checks=(_one_per_kind,),
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/sandbox-policy?view=azure-data-explorer",
    doc="JSON array of per-sandbox-kind objects, one per kind; no `.alter-merge`. The memory range checked is"
    " the legacy sandboxes' (200 to 65,536 MB): kqllint cannot tell which technology a cluster runs, so the"
    " Hyper-V limits (32,768 MB, also for the product with `TargetCountPerNode`) are documented, not checked.",
)
