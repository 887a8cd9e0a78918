"""The registry of policy kinds: one module per kind, listed here. Add a kind by adding its module."""

from __future__ import annotations

from kqllint.policies import (
    auto_delete,
    caching,
    callout,
    capacity,
    diagnostics,
    encoding,
    extent_tags_retention,
    ingestionbatching,
    ingestiontime,
    managed_identity,
    merge,
    mirroring,
    multidatabaseadmins,
    partitioning,
    query_acceleration,
    query_weak_consistency,
    request_classification,
    restricted_view_access,
    retention,
    roworder,
    row_level_security,
    rowid,
    rowstore,
    sandbox,
    sharding,
    shards_grouping,
    streamingingestion,
    update,
    workload_group,
)
from kqllint.policies.schema import PolicyKind
from kqllint.suggest import did_you_mean

KINDS: tuple[PolicyKind, ...] = (
    # with payload schemas
    retention.KIND,
    caching.KIND,
    update.KIND,
    ingestionbatching.KIND,
    streamingingestion.KIND,
    partitioning.KIND,
    merge.KIND,
    sharding.KIND,
    row_level_security.KIND,
    roworder.KIND,
    restricted_view_access.KIND,
    ingestiontime.KIND,
    auto_delete.KIND,
    extent_tags_retention.KIND,
    encoding.KIND,
    managed_identity.KIND,
    workload_group.KIND,  # not a `policy` command: `.create-or-alter workload_group Name '<json>'`
    # command forms only, for now
    callout.KIND,
    capacity.KIND,
    request_classification.KIND,
    sandbox.KIND,
    query_weak_consistency.KIND,
    query_acceleration.KIND,
    mirroring.KIND,
    rowstore.KIND,
    multidatabaseadmins.KIND,
    diagnostics.KIND,
    shards_grouping.KIND,
    rowid.KIND,
)
KINDS_BY_NAME: dict[str, PolicyKind] = {k.name: k for k in KINDS}
# The kinds written after `policy` (what a `policy` command's head may name).
POLICY_KINDS_BY_NAME: dict[str, PolicyKind] = {k.name: k for k in KINDS if k.policy_word}


def lookup_kind(word: str) -> tuple[PolicyKind | None, str | None]:
    """The policy kind spelled `word` (exactly, as Kusto's keywords are case-sensitive), or None and
    the nearest kind name to suggest ("did you mean `retention`?"), if one is near."""
    kind = POLICY_KINDS_BY_NAME.get(word)
    if kind is not None:
        return kind, None
    return None, did_you_mean(word, POLICY_KINDS_BY_NAME)
