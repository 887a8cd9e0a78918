"""What the identity (I) rules share: the `ObjectId` GUIDs, the loaded identities, their names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kqllint.diagnostic import Span
from kqllint.rules._policy import NIL_GUID, guid_bounds
from kqllint.rules._rule import Context

if TYPE_CHECKING:
    from kqllint.rules._view import View
    from kqllint.identities import Identities

_LISTED = 3  # how many of the cluster's identities a help line names


def identities_of(context: Context) -> Identities | None:
    """The identities `--identities` or the `identities` setting gave, or None."""
    ids = context.identities
    if ids is None:
        return None
    from kqllint.identities import Identities  # only when given: start-up stays small

    return ids if isinstance(ids, Identities) else None


def object_id_guids(view: View) -> Iterator[tuple[str, Span]]:
    """Every `ObjectId` GUID (bare or braced) as written, with its file span; not the nil GUID."""
    for s in view.policy.object_ids:
        bounds = guid_bounds(s.value)
        if bounds and s.value[bounds[0] : bounds[1]] != NIL_GUID:
            yield s.value[bounds[0] : bounds[1]], s.sub_span(*bounds)


def cluster_identities(ids: Identities) -> str | None:
    """The cluster's identities as a help line names them, "`id-ingest-prod`, `system`"; None if none."""
    names = sorted(ids.label(p) for p in ids.assigned)
    more = len(names) - _LISTED
    return ", ".join(names[:_LISTED]) + (f" and {more} more" if more > 0 else "") if names else None
