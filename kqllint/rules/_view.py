"""A command's policy view: what the rules read of one command, worked out once by the linter.

The linter makes one `View` per command and hands it to every rule that applies to the
command's kind. Each part is computed on first use and kept, so a part no enabled rule asks
for costs nothing:

- `problems(check)`: the registry validator's problems of the payload (`validate`) and of the
  keyword arguments (`validate_arguments`), run once over plain values, grouped by check id;
  the plain payload is the one `json.loads` read when the linter hands it over (`plain`),
  else the positioned tree's (`to_plain`);
- `located(check)`: those problems with the node each is about, found by path in the
  positioned tree (only for the problems there are);
- `policy`: the ManagedIdentity view (objects, ObjectIds, usage lists) the MI rules share;
- `identities`: every GUID-or-`system` property value of the payload's objects, by schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, Union

from kqllint.model import Argument, Command, JsonArray, JsonObject, JsonString, JsonValue
from kqllint.policies import KINDS
from kqllint.policies.commands import Entity, Verb
from kqllint.policies.locate import locate, to_plain
from kqllint.policies.problem import Problem
from kqllint.policies.schema import ArrayType, GuidOrSystemType, ObjectType, PolicyKind, Slot
from kqllint.policies.validate import validate, validate_arguments
from kqllint.rules._policy import Policy, mi_view

Node = Union[JsonValue, Argument]


def _objects_schema(kind: PolicyKind) -> ObjectType | None:
    """The schema of the payload's policy objects: the root object, or the array's items."""
    schema = kind.payload.item if isinstance(kind.payload, ArrayType) else kind.payload
    return schema if isinstance(schema, ObjectType) else None


def _identity_properties(kind: PolicyKind) -> dict[str, str]:
    schema = _objects_schema(kind)
    props = schema.properties if schema is not None else ()
    return {p.name.lower(): p.name for p in props if isinstance(p.type, GuidOrSystemType)}


# The kinds whose policy objects hold an identity (`ObjectId`, update's `ManagedIdentity`):
# the GUID rules (P003-P008) apply to them.
_IDENTITY_PROPERTIES = {k.name: _identity_properties(k) for k in KINDS}
IDENTITY_KINDS = tuple(name for name, props in _IDENTITY_PROPERTIES.items() if props)
# The kinds whose payload is an array of policy objects: `element-not-object` applies to them.
ARRAY_OF_OBJECTS_KINDS = tuple(
    k.name for k in KINDS if isinstance(k.payload, ArrayType) and isinstance(k.payload.item, ObjectType)
)
_NO_PROBLEMS: dict[str, list[tuple[Problem, Any]]] = {}
_UNSET = object()  # no plain payload handed over: read it from the positioned tree


class View:
    """The policy view of one command (a plain class: one is made per command)."""

    __slots__ = ("command", "kind", "verb", "entity", "now", "plain", "_problems", "_policy", "_identities")

    def __init__(
        self, command: Command, kind: PolicyKind | None, now: datetime | None = None, plain: Any = _UNSET
    ) -> None:
        self.command = command
        self.plain = plain  # the payload as `json.loads` read it, when the linter did
        self.kind = kind
        self.verb = Verb(command.verb_kind.value)
        self.entity: Entity | None = command.entity
        self.now = now
        self._problems: dict[str, list[tuple[Problem, Any]]] | None = None
        self._policy: Policy | None = None
        self._identities: tuple[tuple[str, JsonString], ...] | None = None

    # ---- the validator's problems --------------------------------------------------------

    def problems(self, check: str) -> list[tuple[Problem, Any]]:
        """The problems of `check`, each with the keyword arguments its path starts from, or
        None for a problem of the payload."""
        return self.checks().get(check, [])

    def checks(self) -> dict[str, list[tuple[Problem, Any]]]:
        """Every problem the validator found, by check id (validated on first use)."""
        found = self._problems
        if found is None:
            found = self._problems = self._validate()
        return found

    def located(self, check: str) -> Iterator[tuple[Problem, Node]]:
        """The problems of `check` with the node each is about (a key, a value or an argument)."""
        for p, arguments in self.problems(check):
            if arguments is None:  # a payload problem: found in the positioned tree
                payload = self.command.payload
                node = locate(payload.value, p) if payload is not None and payload.value is not None else None
            else:
                node = _find_argument(arguments, p)
            if node is not None:
                yield p, node

    def read_positions(self, command: Command) -> None:
        """Take `command` again with its positioned payload (`with_payload`): the problems
        found on the plain payload are kept, and located in the positioned tree."""
        self.command = command

    def _validate(self) -> dict[str, list[tuple[Problem, Any]]]:
        kind, command = self.kind, self.command
        if kind is None:
            return _NO_PROBLEMS
        entity = self.entity
        found: list[tuple[Problem, Any]] = []
        plain = self.plain
        if plain is _UNSET:
            root = command.payload.value if command.payload is not None else None
            plain = _UNSET if root is None else to_plain(root)
        if plain is not _UNSET:
            name = command.names[-1].value if command.names else None
            found += [(p, None) for p in validate(kind, self.verb, entity, plain, self.now, name)]  # type: ignore[arg-type]
        # A kind that declares no keyword arguments names none: roworder's `(C asc)` names columns.
        # In the keyword form itself an argument the kind does not take is S016's (or, where the
        # form is not modelled, such as mirroring's `partition by (...)`, Kusto's) to report.
        declared = {p.name.lower() for p in kind.keyword_args}
        for arguments in (command.arguments, command.with_options) if kind.keyword_args else ():
            in_form = arguments is command.arguments
            named = tuple(a for a in arguments if a.name is not None and (not in_form or a.name.text.lower() in declared))
            if named:
                strings = {p.name.lower() for p in kind.keyword_args if p.slot is Slot.STRING}
                pairs = [(a.name.text, _argument_value(a, not in_form or a.name.text.lower() in strings))  # type: ignore[union-attr]
                         for a in named]  # fmt: skip
                found += [(p, named) for p in validate_arguments(kind, self.verb, entity, pairs)]  # type: ignore[arg-type]
        if not found:
            return _NO_PROBLEMS
        by_check: dict[str, list[tuple[Problem, Any]]] = {}
        for item in found:
            by_check.setdefault(item[0].check, []).append(item)
        return by_check

    # ---- what the ManagedIdentity and GUID rules read ------------------------------------

    @property
    def policy(self) -> Policy:
        """The ManagedIdentity view of the payload's array (empty for another payload)."""
        if self._policy is None:
            self._policy = mi_view(self.command)
        return self._policy

    @property
    def identities(self) -> tuple[tuple[str, JsonString], ...]:
        """Every identity (GUID or `system`) string value of the payload's policy objects, with
        its property's documented name: `ObjectId` of managed_identity, `ManagedIdentity` of
        update, read from the schema. The last member of a name wins, as a JSON reader keeps it."""
        if self._identities is None:
            self._identities = _identities(self.kind, self.command)
        return self._identities


def _identities(kind: PolicyKind | None, command: Command) -> tuple[tuple[str, JsonString], ...]:
    root = command.payload.value if command.payload is not None else None
    wanted = _IDENTITY_PROPERTIES.get(kind.name) if kind is not None and root is not None else None
    if not wanted or isinstance(kind.payload, ArrayType) != isinstance(root, JsonArray):  # type: ignore[union-attr]
        return ()  # the wrong shape is J002's
    objects = root.items if isinstance(root, JsonArray) else (root,)
    out = []
    for obj in objects:
        if isinstance(obj, JsonObject):
            last = {m.key.value.lower(): m.value for m in obj.members}
            out += [(name, v) for low, name in wanted.items() if isinstance(v := last.get(low), JsonString)]
    return tuple(out)


def _argument_value(argument: Argument, plain: bool) -> Any:
    """A keyword argument's value as the validator reads it: its source text (`7d`); in a
    `with (...)` list, or in a slot that takes a string (encoding's `type`), a plain value
    (`true` -> True, `10` -> 10, `'x'` -> "x")."""
    text = argument.value.text
    if not plain:
        return text
    if text in ("true", "false"):
        return text == "true"
    if text.isdigit():
        return int(text)
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _find_argument(arguments: tuple[Argument, ...], problem: Problem) -> Argument | None:
    """The argument a keyword problem's one-step path names (the last of that spelling)."""
    if len(problem.path) != 1:
        return None
    named = [a for a in arguments if a.name is not None and a.name.text == problem.path[0]]
    return named[problem.occurrence] if named and problem.occurrence < len(named) else None

