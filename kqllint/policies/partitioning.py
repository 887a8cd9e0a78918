"""The partitioning policy: how extents are partitioned by a hash key and a datetime range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kqllint.policies.problem import Context, Problem, problem
from kqllint.policies.schema import (
    BOOL, DATETIME, INT, STRING, TABLE, TIMESPAN, VIEW, WRITE_VERBS, ArrayType, Entity, IntType,
    PolicyKind, PayloadShape, Verb, enum_of, forms, obj, prop, show_delete, span_range,
)  # fmt: skip
from kqllint.policies.validate import members

_HASH_ONLY = ("function", "maxpartitioncount", "seed", "partitionassignmentmode")
_RANGE_ONLY = ("reference", "rangesize", "overridecreationtime")

_PROPERTIES = obj(
    prop("Function", enum_of("XxHash64"), "the hash function (Hash keys)"),
    prop("MaxPartitionCount", IntType(range=span_range(1, 2048, "above 1 and at most 2048", low_open=True)),
         "the most partitions per period (Hash keys); 128 is recommended", range_doc="(1, 2048]"),
    prop("Seed", IntType(range=span_range(1, None, "a positive integer")), "the hash seed (Hash keys)", default=1),
    prop("PartitionAssignmentMode", enum_of("ByPartition", "Uniform", legacy={"default": "ByPartition"}),
         "how partitions go to nodes (Hash keys); `Default` is the old name of `ByPartition`"),
    prop("Reference", DATETIME, "the start of the ranges (UniformRange keys)"),
    prop("RangeSize", TIMESPAN, "each range's length (UniformRange keys); a day is recommended"),
    prop("OverrideCreationTime", BOOL, "set extents' creation time from the key (UniformRange keys)"),
)  # fmt: skip

_KEY = obj(
    prop("ColumnName", STRING, "the partition column", required=WRITE_VERBS),
    prop("Kind", enum_of("Hash", "UniformRange"), "`Hash` for string or guid columns, `UniformRange` for datetime",
         required=WRITE_VERBS),
    prop("Properties", _PROPERTIES, "the key's properties, by its kind", required=WRITE_VERBS),
)  # fmt: skip


def _key_conflicts(value: Any, context: Context) -> Iterator[Problem]:
    """Two keys of one kind, and properties of the other kind in a key's `Properties`."""
    keys = members(value).get("partitionkeys")
    if keys is None or not isinstance(keys[1], list):
        return
    seen: set[str] = set()
    for i, key in enumerate(keys[1]):
        m = members(key)
        kind = m.get("kind", ("", None))[1]
        if not isinstance(kind, str) or kind.lower() not in ("hash", "uniformrange"):
            continue
        if kind.lower() in seen:
            yield problem("partition-key-conflict", (keys[0], i), f"a second `{kind}` partition key", "keep one")
        seen.add(kind.lower())
        foreign = _RANGE_ONLY if kind.lower() == "hash" else _HASH_ONLY
        props = m.get("properties")
        for low, (name, _) in members(props[1] if props else None).items():
            if low in foreign:
                message = f"`{name}` does not apply to a `{kind}` key"
                yield problem("partition-key-conflict", (keys[0], i, props[0], name), message, "remove it", on_key=True)


KIND = PolicyKind(
    name="partitioning",
    title="Partitioning",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_OBJECT, TABLE, VIEW),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_OBJECT, TABLE, VIEW),
        *show_delete(TABLE | {Entity.MATERIALIZED_VIEW, Entity.TABLE_STAR}, TABLE | VIEW),
    ),
    payload=obj(
        prop("PartitionKeys", ArrayType(item=_KEY, max_items=2), "at most one Hash and one UniformRange key"),
        prop("EffectiveDateTime", DATETIME, "UTC; data ingested from then on is partitioned", nullable=True),
        prop("MinRowCountPerOperation", INT, "better left alone", default=0),
        prop("MaxRowCountPerOperation", INT, "0 means 5,000,000 rows", default=0),
        prop("MaxOriginalSizePerOperation", INT, "bytes; 0 means 5 GB", default=0),
    ),
    checks=(_key_conflicts,),
    url="https://learn.microsoft.com/kusto/management/partitioning-policy?view=azure-data-explorer",
    doc="JSON object with at most two partition keys: one `Hash`, one `UniformRange`.",
)
