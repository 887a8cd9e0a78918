"""The workload group: `.create-or-alter workload_group Name '<json>'` and `.alter-merge
workload_group Name '<json>'` (no `.alter workload_group` exists), and the JSON of its policies.

Not a `policy` command: the kind's `policy_word` is False, so the heads of `policy` commands never
name it, and its commands are `.VERB workload_group Name <string literal>` (entity
`WORKLOAD_GROUP`). `.show workload_group Name`, `.show workload_groups` and `.drop workload_group
Name` take no payload and stay opaque.

A workload group holds up to five policies. Each request limit is `{"IsRelaxable": ..., "Value":
...}`; a limit left out or `null` comes from the `default` group (where none may be null, which
needs the group's name, so it is not checked here).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    BOOL, WORKLOAD_GROUP, ArrayType, Entity, IntType, PolicyKind, PayloadShape, Property, TimespanType, Type, Verb, enum_of,
    forms, obj, prop, span_range,
)  # fmt: skip
from kqllint.policies.validate import members, validate

_LONG_MAX = 9223372036854775807


def _limit(name: str, value: Type, doc: str, range_doc: str = "") -> Property:
    """A request limit: `{IsRelaxable, Value}`, or null (then the `default` group's applies)."""
    shape = obj(
        prop("IsRelaxable", BOOL, "whether a request may relax the limit with a request property"),
        prop("Value", value, doc, nullable=True, range_doc=range_doc),
    )
    return prop(name, shape, doc, nullable=True, range_doc=range_doc)


def _ints(low: int, high: int | None, text: str) -> IntType:
    return IntType(range=span_range(low, high, text))


REQUEST_LIMITS = obj(
    _limit("DataScope", enum_of("All", "HotCache"), "the data a query may scan; `null` for all"),
    _limit("MaxMemoryPerQueryPerNode", _ints(1, None, "a positive number of bytes"), "bytes per query per node",
           "1 to half of a node's memory"),
    _limit("MaxMemoryPerIterator", _ints(1, 32212254720, "between 1 and 32,212,254,720 bytes"),
           "bytes per query operator", "1 to 32,212,254,720 and half of a node's memory"),
    _limit("MaxFanoutThreadsPercentage", _ints(1, 100, "between 1 and 100"), "the share of threads per node a"
           " query fans out to", "1 to 100"),
    _limit("MaxFanoutNodesPercentage", _ints(1, 100, "between 1 and 100"), "the share of nodes a query fans out to",
           "1 to 100"),
    _limit("MaxResultRecords", _ints(1, _LONG_MAX, "a positive number"), "the most records in a result"),
    _limit("MaxResultBytes", _ints(1, _LONG_MAX, "a positive number"), "the most bytes in a result"),
    _limit("MaxExecutionTime", TimespanType(range=span_range(0, 3600, "between `00:00:00` and `01:00:00`")),
           "how long a request may run", "00:00:00 to 01:00:00"),
    _limit("QueryResultsCacheMaxAge", TimespanType(range=span_range(0, None, "0 or longer")),
           "the oldest cached query result served (shown only in the docs' examples)"),
)  # fmt: skip

RATE_LIMIT = obj(
    prop("IsEnabled", BOOL, "whether the limit applies"),
    prop("Scope", enum_of("WorkloadGroup", "Principal"), "the group as a whole, or each principal in it"),
    prop("LimitKind", enum_of("ConcurrentRequests", "ResourceUtilization"), "what is limited"),
    prop("Properties", obj(
        prop("MaxConcurrentRequests", _ints(0, 10000, "between 0 and 10,000"), "(ConcurrentRequests) 0 blocks"
             " every request", range_doc="0 to 10,000"),
        prop("ResourceKind", enum_of("RequestCount", "TotalCpuSeconds"), "(ResourceUtilization) what is counted"),
        prop("MaxUtilization", _ints(1, 16777215, "between 1 and 16,777,215"), "(ResourceUtilization) the most"
             " in one time window", range_doc="RequestCount: 1 to 16,777,215; TotalCpuSeconds: 1 to 828,000"),
        prop("TimeWindow", TimespanType(range=span_range(1, 3600, "between `00:00:01` and `01:00:00`")),
             "(ResourceUtilization) the window's length", range_doc="00:00:01 to 01:00:00"),
    ), "the limit's settings, by `LimitKind`"),
)  # fmt: skip

ENFORCEMENT = obj(
    prop("QueriesEnforcementLevel", enum_of("Cluster", "QueryHead"), "where query limits are counted",
         default="QueryHead"),
    prop("CommandsEnforcementLevel", enum_of("Cluster", "Database"), "where command limits are counted",
         default="Database"),
)

QUEUING = obj(prop("IsEnabled", BOOL, "queue requests over the concurrency limit instead of failing them (preview)",
                   default=False))  # fmt: skip

QUERY_CONSISTENCY = obj(
    prop("QueryConsistency", obj(
        prop("IsRelaxable", BOOL, "whether a request may choose another consistency"),
        prop("Value", enum_of("Strong", "Weak", "WeakAffinitizedByQuery", "WeakAffinitizedByDatabase"),
             "the consistency of queries", default="Strong"),
    ), "the consistency of the group's queries"),
    prop("CachedResultsMaxAge", obj(
        prop("IsRelaxable", BOOL, "whether a request may set another age"),
        prop("Value", TimespanType(range=span_range(0, None, "0 or longer")), "the oldest cached result served",
             nullable=True),
    ), "the oldest cached result served", nullable=True),
)  # fmt: skip

PAYLOAD = obj(
    prop("RequestLimitsPolicy", REQUEST_LIMITS, "limits on each request"),
    prop("RequestRateLimitPolicies", ArrayType(item=RATE_LIMIT, max_items=None), "limits on request rates"),
    prop("RequestRateLimitsEnforcementPolicy", ENFORCEMENT, "where the rate limits are counted"),
    prop("RequestQueuingPolicy", QUEUING, "whether requests wait in a queue"),
    prop("QueryConsistencyPolicy", QUERY_CONSISTENCY, "the consistency of queries"),
)


def _cpu_seconds(value: Any, context: Context) -> Iterator[Problem]:
    """`TotalCpuSeconds` utilization has the lower ceiling of 828,000 seconds."""
    limits = members(value).get("requestratelimitpolicies")
    if limits is None or not isinstance(limits[1], list):
        return
    for i, limit in enumerate(limits[1]):
        props = members(limit).get("properties")
        m = members(props[1] if props else None)
        kind, most = m.get("resourcekind"), m.get("maxutilization")
        if kind is None or most is None or not isinstance(kind[1], str) or kind[1].lower() != "totalcpuseconds":
            continue
        if isinstance(most[1], int) and not isinstance(most[1], bool) and most[1] > 828000:
            path = (limits[0], i, props[0], most[0])  # type: ignore[index]
            yield problem("out-of-range", path, f"`{most[0]}` of `TotalCpuSeconds` must be at most 828,000, found"
                          f" `{most[1]}`")  # fmt: skip


def _queuing_without_limit(value: Any, context: Context) -> Iterator[Problem]:
    """Queuing works only in a group with a `WorkloadGroup`-scoped `ConcurrentRequests` limit.
    Judged on `.create-or-alter`, which sets the whole group; `.alter-merge` keeps what the group
    already has."""
    if context.verb is not Verb.CREATE_OR_ALTER:
        return
    top = members(value)
    queuing = top.get("requestqueuingpolicy")
    enabled = members(queuing[1]).get("isenabled") if queuing is not None else None
    if enabled is None or enabled[1] is not True:
        return
    limits = top.get("requestratelimitpolicies")
    for limit in limits[1] if limits is not None and isinstance(limits[1], list) else ():
        m = members(limit)
        scope, kind = m.get("scope", (None, None))[1], m.get("limitkind", (None, None))[1]
        if isinstance(scope, str) and isinstance(kind, str) and (scope.lower(), kind.lower()) == _GROUP_CONCURRENCY:
            return
    message = "request queuing is enabled, but the group has no `WorkloadGroup`-scoped `ConcurrentRequests` limit"
    help = ('add a rate limit `{"IsEnabled": true, "Scope": "WorkloadGroup", "LimitKind": "ConcurrentRequests",'
            ' "Properties": {"MaxConcurrentRequests": ...}}`, or disable queuing')
    yield problem("queuing-without-concurrency-limit", (queuing[0], enabled[0]), message, help)  # type: ignore[index]


_GROUP_CONCURRENCY = ("workloadgroup", "concurrentrequests")
# The request limits the built-in `$materialized-views` group lets you change; the `internal`
# group cannot be changed at all.
_MATERIALIZED_VIEWS_LIMITS = ("MaxMemoryPerQueryPerNode", "MaxMemoryPerIterator", "MaxFanoutThreadsPercentage",
                              "MaxFanoutNodesPercentage")  # fmt: skip


def _built_in_group(value: Any, context: Context) -> Iterator[Problem]:
    """What the service refuses on its built-in groups: any change to `internal`, and on
    `$materialized-views` anything but the four request limits it allows."""
    if context.name == "internal":
        message = "the built-in `internal` workload group cannot be changed"
        yield problem("built-in-workload-group", (), message, "define a workload group of your own")
        return
    if context.name != "$materialized-views":
        return
    allowed = {n.lower() for n in _MATERIALIZED_VIEWS_LIMITS}
    listed = ", ".join(f"`{n}`" for n in _MATERIALIZED_VIEWS_LIMITS)
    for key, policy in value if isinstance(value, tuple) else ():
        if key.lower() != "requestlimitspolicy":
            message = f"`$materialized-views` takes only request limits, not `{key}`"
            yield problem("built-in-workload-group", (key,), message, f"remove it; the group allows {listed}", on_key=True)
            continue
        for limit, _ in policy if isinstance(policy, tuple) else ():
            if limit.lower() not in allowed:
                message = f"`$materialized-views` does not let `{limit}` be changed"
                yield problem("built-in-workload-group", (key, limit), message, f"it allows {listed}", on_key=True)


KIND = PolicyKind(
    name="workload_group",
    title="Workload group",
    forms=(
        forms(Verb.CREATE_OR_ALTER, PayloadShape.JSON_OBJECT, WORKLOAD_GROUP),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, WORKLOAD_GROUP),
    ),
    payload=PAYLOAD,
    checks=(_cpu_seconds, _queuing_without_limit, _built_in_group),
    cluster_only=True,
    policy_word=False,
    url="https://learn.microsoft.com/kusto/management/workload-groups?view=azure-data-explorer",
)


def validate_workload_group(verb: Verb, value: Any) -> list[Problem]:
    """The problems of a workload group's JSON: `verb` is `Verb.CREATE_OR_ALTER` (or `Verb.ALTER`,
    its meaning) for `.create-or-alter`, `Verb.ALTER_MERGE` for `.alter-merge`; `value` as
    `validate` takes it."""
    verb = Verb.CREATE_OR_ALTER if verb is Verb.ALTER else verb
    return validate(KIND, verb, Entity.WORKLOAD_GROUP, value)
