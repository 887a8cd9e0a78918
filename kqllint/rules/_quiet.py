"""The payload fast check: proves from plain values that no payload rule can fire on a command.

Reading a payload with `json.loads` costs a few percent of building its positioned tree
(`kqllint.payload`). The linter reads each string-literal payload so first (`read_plain`), runs
the registry validator on the plain value, and asks `is_quiet`: when it says yes, the payload
(J), policy (P) and identity (I) rules are skipped for that command and no tree is built;
otherwise the command takes the positioned path, as with `lint_script(..., exact=True)`.

This mirrors what the payload rules report, so that skipping them never loses a finding. The
rules that report one validator check (`CHECK`) fire only when the validator has a problem, and
`is_quiet` requires that it has none. The others, rule by rule:

- J001 `invalid-json`: `read_plain` gives up on what `json` rejects and on what `json`
  accepts but the positioned scanner does not (`NaN`, `Infinity`, nesting `MAX_DEPTH` deep);
- J005 `trailing-comma`, J006 `single-quoted-json`: `json` rejects both;
- J003 `element-not-object`: the validator's `wrong-type` for an element of the array;
- J004 `duplicate-key`: the validator's `duplicate-key` (the same judgement);
- P103 `wrong-value-type`: the validator's `wrong-type` and `wrong-shape`;
- P003-P008, the identity rules: the validator's identity checks (`identity_problems`, the
  same judgements) on the same values, the last member of each name;
- the ManagedIdentity rules, written out in `_usages_quiet` and `_managed_identity_quiet`;
- I001-I003 read the configured identities: with identities configured, a ManagedIdentity
  command is never quiet;
- P214 `invalid-mirroring-partition` reads only a keyword form's `partition by (...)`: a command
  with a string-literal payload (the only kind the fast check reads) has no keyword arguments.

A surrogate pair written as two `\\u` escapes is one character to `json` and two to the
positioned scanner: such a payload takes the positioned path too.

`tests/test_quiet.py` guards the mirror: on generated payloads of every kind, both paths give
the same findings, and a payload found quiet gives the payload rules nothing on the exact path.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kqllint.model import Command, Scope
from kqllint.payload import MAX_DEPTH
from kqllint.policies.validate import json_shape
from kqllint.rules._policy import EXAMPLE_GUIDS, USAGES, guid_bounds
from kqllint.rules._rule import Context
from kqllint.rules._view import View

UNREAD = object()  # `read_plain`'s answer when only the positioned path can read the payload
# The payload rules without a `CHECK` this module mirrors (the linter keeps a kind with another
# such rule on the exact path), and those of them that `read_plain` alone rules out.
MIRRORED = frozenset({
    "J001", "J003", "J004", "J005", "J006", "P003", "P004", "P005", "P006", "P007", "P008", "P010", "P011",
    "P012", "P013", "P014", "P015", "P016", "P017", "P021", "P022", "P023", "P024", "P103", "P214", "I001", "I002",
    "I003",
})  # fmt: skip
READ_PLAIN_RULES = frozenset({"J001", "J005", "J006"})
_HIGH_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB]")
_DOCUMENTED_USAGES = frozenset(USAGES)
_MANAGED_IDENTITY = "managed_identity"


def _no_constant(word: str) -> Any:
    raise ValueError(word)  # `NaN`, `Infinity`, `-Infinity`: J001's to report


def read_plain(text: str) -> Any:
    """The payload `text` as `json.loads(text, object_pairs_hook=tuple)` reads it, or `UNREAD`
    when the positioned scanner might read it otherwise (or not at all)."""
    if "\\" in text and _HIGH_SURROGATE_ESCAPE.search(text):
        return UNREAD
    try:
        value = json.loads(text, object_pairs_hook=tuple, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return UNREAD
    # Counting brackets (in strings too) is a quick upper bound of the nesting depth.
    if text.count("[") + text.count("{") >= MAX_DEPTH and _depth(value) >= MAX_DEPTH:
        return UNREAD
    return value


def _depth(value: Any) -> int:
    """How deep containers nest in `value` (an explicit stack: it may nest deeper than Python's)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (list, tuple)):
            deepest = max(deepest, depth)
            kids = node if isinstance(node, list) else (v for _, v in node)
            stack.extend((kid, depth + 1) for kid in kids if isinstance(kid, (list, tuple)))
    return deepest


def is_quiet(view: View, context: Context, validated: bool = True) -> bool:
    """Whether no payload rule can report anything on `view`'s command, whose plain payload
    `view.plain` is (read by `read_plain`, not `UNREAD`). Without `validated`, only rules that
    `read_plain` rules out are enabled: nothing more is computed for them."""
    if not validated:
        return True
    kind = view.kind
    if kind is None or json_shape(kind, view.verb) is None:
        return False  # the validator does not look at this payload: J003 and J004 might fire
    if view.checks():
        return False
    if kind.name == _MANAGED_IDENTITY:
        return context.identities is None and _managed_identity_quiet(view.plain, view.command)
    return True


def _managed_identity_quiet(plain: Any, command: Command) -> bool:
    """What the ManagedIdentity rules read (`View.policy`): the objects' `ObjectId` and
    `AllowedUsages` strings, the last member of each name ignoring case."""
    if not isinstance(plain, list) or not plain:
        return False  # P021, P022: an empty policy (another shape is the validator's)
    on_database = command.scope_kind is Scope.DATABASE
    seen: set[str] = set()
    for obj in plain:
        if not isinstance(obj, tuple):
            return False  # J003's, found by the validator; kept here for clarity
        members = {key.lower(): value for key, value in obj}
        object_id = members.get("objectid")
        if isinstance(object_id, str):
            bounds = guid_bounds(object_id)
            guid = object_id[bounds[0] : bounds[1]].lower() if bounds else None
            if guid in EXAMPLE_GUIDS:
                return False  # P024 example-object-id
            identity = guid if guid is not None else object_id.lower()
            if identity in seen:
                return False  # P017 duplicate-object-id
            seen.add(identity)
        usages = members.get("allowedusages")
        if isinstance(usages, str) and not _usages_quiet(usages, on_database):
            return False
    return True


def _usages_quiet(value: str, on_database: bool) -> bool:
    """Whether no usage rule fires on an `AllowedUsages` string."""
    items = [raw.strip() for raw in value.split(",")]
    return (
        # P010 unknown-usage, P011 renamed-usage, P012 usage-case, P015 empty-usages and
        # P023 empty-usage-item: every item is a documented usage, written as the docs write it
        all(item in _DOCUMENTED_USAGES for item in items)
        and len(set(items)) == len(items)  # P013 duplicate-usage
        and ("All" not in items or len(items) == 1)  # P014 all-with-other-usages
        and not (on_database and "SandboxArtifacts" in items)  # P016 sandbox-artifacts-on-database
    )
