"""The capacity policy: limits on concurrent background operations (cluster only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Path, Problem, problem
from kqllint.policies.schema import (
    CLUSTER, INT, REAL, ObjectType, PolicyKind, PayloadShape, Property, Verb, forms, obj, prop, show_delete,
)  # fmt: skip
from kqllint.policies.validate import members

_MAX_CLUSTER = prop("ClusterMaximumConcurrentOperations", INT, "the most concurrent operations in the cluster")
_MIN_CLUSTER = prop("ClusterMinimumConcurrentOperations", INT, "the fewest concurrent operations in the cluster")
_MAX_NODE = prop("MaximumConcurrentOperationsPerNode", INT, "the most concurrent operations on one node")
_MIN_NODE = prop("MinimumConcurrentOperationsPerNode", INT, "the fewest concurrent operations on one node")
_PER_CLUSTER = prop("MaximumConcurrentOperationsPerCluster", INT, "the most concurrent operations in the cluster")


def _coefficient(default: float) -> Property:
    return prop("CoreUtilizationCoefficient", REAL, "the share of the cores the capacity counts", default=default)


_PAYLOAD = obj(
    prop("IngestionCapacity", obj(_MAX_CLUSTER, _coefficient(0.75)), "ingestion operations"),
    prop("ExtentsMergeCapacity", obj(_MIN_NODE, _MAX_NODE, _MAX_CLUSTER), "merge and rebuild operations"),
    prop("ExtentsPurgeRebuildCapacity", obj(_MAX_NODE), "rebuilds for purges"),
    prop("ExportCapacity", obj(_MAX_CLUSTER, _coefficient(0.25)), "export operations"),
    prop("ExtentsPartitionCapacity", obj(
        _MIN_CLUSTER, _MAX_CLUSTER,
        prop("MaximumConcurrentOperationsPerNode", INT, "set by the docs' `.alter-merge` example; not in the list"),
    ), "partitioning operations"),
    prop("MaterializedViewsCapacity", obj(
        _MIN_CLUSTER, _MAX_CLUSTER,
        prop("ExtentsRebuildCapacity", obj(_MAX_CLUSTER, _MAX_NODE), "rebuilds for materialized views"),
    ), "materialization operations"),
    prop("StoredQueryResultsCapacity", obj(
        prop("MaximumConcurrentOperationsPerDbAdmin", INT, "the most concurrent operations on the admin node"),
        _coefficient(0.75),
    ), "stored query results"),
    prop("StreamingIngestionPostProcessingCapacity", obj(_MAX_NODE), "streaming ingestion post-processing"),
    prop("PurgeStorageArtifactsCleanupCapacity", obj(_PER_CLUSTER), "purge clean-up"),
    prop("PeriodicStorageArtifactsCleanupCapacity", obj(_PER_CLUSTER), "periodic clean-up"),
    prop("QueryAccelerationCapacity", obj(_MAX_CLUSTER, _coefficient(1.0)), "query acceleration caching"),
    prop("GraphSnapshotsCapacity", obj(_MAX_CLUSTER), "graph snapshots"),
)  # fmt: skip

# (minimum, maximum) pairs, by lowercase name: the documented range the system adjusts within.
_PAIRS = (
    ("minimumconcurrentoperationspernode", "maximumconcurrentoperationspernode"),
    ("clusterminimumconcurrentoperations", "clustermaximumconcurrentoperations"),
)


def min_above_max(m: dict[str, tuple[str, Any]], low: str, high: str, path: Path) -> Problem | None:
    """A `min-above-max` problem when the members `low` and `high` of `m` are numbers, low > high."""
    a, b = m.get(low), m.get(high)
    if a is None or b is None or not all(_number(v[1]) for v in (a, b)) or a[1] <= b[1]:
        return None
    message = f"`{a[0]}` ({a[1]}) is above `{b[0]}` ({b[1]})"
    return problem("min-above-max", (*path, a[0]), message, f"make `{a[0]}` at most `{b[0]}`")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _min_max(value: Any, context: Context) -> Iterator[Problem]:
    """A minimum above its maximum in one sub-object (the range the system adjusts within)."""
    for low, (name, sub) in members(value).items():
        m = members(sub)
        for pair in _PAIRS:
            found = min_above_max(m, *pair, (name,))
            if found is not None:
                yield found


def partial_alter(schema: ObjectType, value: Any, context: Context, kind: str) -> Iterator[Problem]:
    """An `.alter` that leaves out documented properties, which it resets to their defaults (the
    docs say so for capacity and query_weak_consistency): one info problem at the root, naming them."""
    if context.verb is not Verb.ALTER or not isinstance(value, tuple):
        return
    missing = _missing(schema, value, ())
    if not missing:
        return
    shown = ", ".join(f"`{name}`" for name in missing[:4])
    if len(missing) > 4:
        shown += f" and {len(missing) - 4} more"
    message = f"`.alter` resets what it does not give to the defaults: {shown}"
    help = f"use `.alter-merge cluster policy {kind}` to change only the properties given"
    yield problem("partial-alter", (), message, help)


def _missing(schema: ObjectType, value: Any, prefix: tuple[str, ...]) -> list[str]:
    m = members(value)
    out: list[str] = []
    for spec in schema.properties:
        given = m.get(spec.name.lower())
        if given is None:
            out.append(".".join((*prefix, spec.name)))
        elif isinstance(spec.type, ObjectType) and isinstance(given[1], tuple):
            out.extend(_missing(spec.type, given[1], (*prefix, spec.name)))
    return out


def _partial(value: Any, context: Context) -> Iterator[Problem]:
    """An `.alter` (deprecated) that leaves out properties, which it resets to their defaults."""
    yield from partial_alter(_PAYLOAD, value, context, "capacity")


KIND = PolicyKind(
    name="capacity",
    title="Capacity",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER, note="deprecated: the docs say to use `.alter-merge`"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER),
        *show_delete(CLUSTER, ()),
    ),
    payload=_PAYLOAD,
    checks=(_min_max, _partial),
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/capacity-policy?view=azure-data-explorer",
    doc="JSON object of capacity sub-objects; no `.delete`. A minimum must not exceed its maximum. `.alter` is"
    " deprecated and resets every property it does not give to its default: `.alter-merge` changes only"
    " those given. The docs advise consulting support before changing it.",
)
