"""The query weak consistency policy: the nodes that serve weakly consistent queries (cluster only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.capacity import min_above_max, partial_alter
from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import BOOL, CLUSTER, INT, PolicyKind, PayloadShape, Verb, forms, obj, prop, show_delete
from kqllint.policies.validate import members

# Each number's documented range, besides -1 ("the default, as the service sets it").
_RANGES: dict[str, tuple[int, int | None, str]] = {
    "percentageofnodes": (1, 100, "between 1 and 100, or -1"),
    "minimumnumberofnodes": (1, None, "a positive integer, or -1"),
    "maximumnumberofnodes": (1, None, "a positive integer, or -1"),
    "superslackernumberofnodesthreshold": (4, None, "4 or more, or -1"),
    "maximumlagallowedinminutes": (1, 60, "between 1 and 60, or -1"),
    "refreshperiodinseconds": (30, 1800, "between 30 and 1,800, or -1"),
}

_PAYLOAD = obj(
    prop("PercentageOfNodes", INT, "the share of nodes that serve weakly consistent queries (-1: 20 %)",
         default=-1, range_doc="1 to 100, or -1"),
    prop("MinimumNumberOfNodes", INT, "the fewest such nodes (-1: 2)", default=-1,
         range_doc="positive, or -1; at most `MaximumNumberOfNodes`"),
    prop("MaximumNumberOfNodes", INT, "the most such nodes (-1: 30)", default=-1,
         range_doc="positive, or -1; at least `MinimumNumberOfNodes`"),
    prop("SuperSlackerNumberOfNodesThreshold", INT, "the node count from which super slackers are used (-1: none)",
         default=-1, range_doc="4 or more, or -1"),
    prop("EnableMetadataPrefetch", BOOL, "prefetch metadata on those nodes", default=False),
    prop("MaximumLagAllowedInMinutes", INT, "how far behind such a node may be (-1: 5)", default=-1,
         range_doc="1 to 60, or -1"),
    prop("RefreshPeriodInSeconds", INT, "how often such a node refreshes its metadata (-1: 120)", default=-1,
         range_doc="30 to 1,800, or -1"),
)  # fmt: skip


def _ranges(value: Any, context: Context) -> Iterator[Problem]:
    """The documented ranges, each with the `-1` sentinel, and minimum <= maximum."""
    m = members(value)
    for low, (key, number) in m.items():
        bounds = _RANGES.get(low)
        if bounds is None or not isinstance(number, int) or isinstance(number, bool) or number == -1:
            continue
        least, most, text = bounds
        if number < least or (most is not None and number > most):
            yield problem("out-of-range", (key,), f"`{key}` must be {text}, found `{number}`")
    least, most = m.get("minimumnumberofnodes"), m.get("maximumnumberofnodes")
    if least is not None and most is not None and -1 not in (least[1], most[1]):
        found = min_above_max(m, "minimumnumberofnodes", "maximumnumberofnodes", ())
        if found is not None:
            yield found


def _partial(value: Any, context: Context) -> Iterator[Problem]:
    """An `.alter` that leaves out properties, which it resets to their defaults."""
    yield from partial_alter(_PAYLOAD, value, context, "query_weak_consistency")


KIND = PolicyKind(
    name="query_weak_consistency",
    title="Query weak consistency",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, CLUSTER),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, CLUSTER),
        *show_delete(CLUSTER, ()),
    ),
    payload=_PAYLOAD,
    checks=(_ranges, _partial),
    cluster_only=True,
    url="https://learn.microsoft.com/kusto/management/query-weak-consistency-policy?view=azure-data-explorer",
    doc="JSON object; no `.delete`. Every number is `-1` (the service's default) or within its range, and"
    " `MinimumNumberOfNodes` is at most `MaximumNumberOfNodes`. `.alter` resets what it does not give to the"
    " defaults; `.alter-merge` changes only what it gives.",
)
