"""The identities assigned to a cluster, read from `az` output or a plain list of object IDs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kqllint.source import DecodeError, decode

# As `rules._policy.GUID`; kept here so reading identity files does not load every rule.
GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
CLUSTER_TYPE = "microsoft.kusto/clusters"
IDENTITY_TYPE = "microsoft.managedidentity/userassignedidentities"
_IDENTITY_KINDS = ("systemassigned", "userassigned", "none")
EXPECTED = "expected `az kusto cluster show`, `az identity show/list` output or a list of GUIDs"
SYSTEM_LABEL = "the system-assigned identity"


class IdentityError(Exception):
    """An identity file that cannot be used; the message names the file (exit 2)."""


@dataclass(frozen=True)
class IdentityFacts:
    """What one file says. Only a cluster file or a list of object IDs says what is assigned.

    GUIDs are lowercase. `labels` names principal IDs for messages (`id-ingest-prod`).
    """

    source: str
    defines_assignment: bool = False
    assigned: frozenset[str] = frozenset()
    has_system: bool | None = None  # None: unknown (only a cluster file says)
    client_to_principal: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Identities:
    """What all identity files say together; rules read it from `Context.identities`."""

    assigned: frozenset[str] = frozenset()
    has_system: bool | None = None
    client_to_principal: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    defines_assignment: bool = False  # False: "not assigned" cannot be judged

    @classmethod
    def combine(cls, facts: Iterable[IdentityFacts]) -> Identities:
        facts = list(facts)
        systems = [f.has_system for f in facts if f.has_system is not None]
        clients: dict[str, str] = {}
        labels: dict[str, str] = {}
        for f in facts:
            clients.update(f.client_to_principal)
            labels.update(f.labels)
        return cls(
            assigned=frozenset().union(*(f.assigned for f in facts)),
            has_system=any(systems) if systems else None,
            client_to_principal=clients,
            labels=labels,
            defines_assignment=any(f.defines_assignment for f in facts),
        )

    def label(self, principal: str) -> str:
        """How a message names an identity: `id-ingest-prod`, `system`, or its principal ID."""
        name = self.labels.get(principal.lower())
        return "`system`" if name == SYSTEM_LABEL else f"`{name or principal.lower()}`"


def load_identities(paths: Iterable[str | Path]) -> Identities:
    """Read and combine identity files; raises `IdentityError` naming the file and the problem."""
    return Identities.combine(parse_identity_file(_read(Path(p)), str(p)) for p in paths)


def _read(path: Path) -> str:
    try:
        return decode(path.read_bytes()).text
    except IsADirectoryError:
        raise IdentityError(f"{path}: is a directory, not an identity file") from None
    except OSError as exc:
        raise IdentityError(f"{path}: cannot read identity file: {exc.strerror or exc}") from None
    except DecodeError as exc:
        raise IdentityError(f"{path}: {exc}") from None


def parse_identity_file(text: str, name: str) -> IdentityFacts:
    """The facts of one file's text; `name` is how messages name it. Raises `IdentityError`."""
    stripped = text.strip()
    if not stripped:
        raise IdentityError(f"{name}: is empty; {EXPECTED}")
    if stripped[0] in "{[" or name.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IdentityError(f"{name}: not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
        except RecursionError:
            raise IdentityError(f"{name}: not JSON kqllint can read: nested too deeply") from None
        return _from_json(data, name)
    return _from_lines(text, name)


def _from_json(data: Any, name: str) -> IdentityFacts:
    if isinstance(data, dict):
        kind = _type_of(data)
        if kind == CLUSTER_TYPE:
            return _cluster(data, name)
        if kind == IDENTITY_TYPE:
            return _identity_list([data], name, numbered=False)
        if "type" not in data:
            raise IdentityError(_missing_type(data, name))
        found = f" (`type` is `{data['type']}`)" if isinstance(data.get("type"), str) else ""
        raise IdentityError(f"{name}: unknown shape{found}: {EXPECTED}")
    if isinstance(data, list):
        if data and all(isinstance(item, str) for item in data):
            return _object_ids(data, name, lambda i: f"item {i + 1}")
        if any(isinstance(item, dict) and _type_of(item) == CLUSTER_TYPE for item in data):
            raise IdentityError(f"{name}: a list of clusters; give one cluster's `az kusto cluster show` output")
        return _identity_list(data, name, numbered=True)
    raise IdentityError(f"{name}: unknown shape: {EXPECTED}")


def _missing_type(data: dict[str, Any], where: str) -> str:
    """Why an object without `type` is refused, and the `type` its other keys point to."""
    if "identity" in data:
        return f'{where}: missing `type`; `az kusto cluster show` output has `"type": "Microsoft.Kusto/clusters"`'
    if "principalId" in data or "clientId" in data:
        return (f"{where}: missing `type`; `az identity show` output has "
                '`"type": "Microsoft.ManagedIdentity/userAssignedIdentities"`')  # fmt: skip
    return f"{where}: missing `type`, which names what the object is; {EXPECTED}"


def _type_of(data: dict[str, Any]) -> str | None:
    kind = data.get("type")
    return kind.lower() if isinstance(kind, str) else None


def _cluster(data: dict[str, Any], name: str) -> IdentityFacts:
    """`az kusto cluster show`: the one source of which identities the cluster has."""
    if "identity" not in data:
        raise IdentityError(f"{name}: missing `identity` (the cluster's managed identities)")
    identity = data["identity"]
    if identity is None:  # a cluster without any managed identity
        return IdentityFacts(name, defines_assignment=True, has_system=False)
    if not isinstance(identity, dict):
        raise IdentityError(f"{name}: `identity` must be an object")
    kinds = _identity_kinds(identity, name)
    assigned: dict[str, str] = {}  # principal -> label
    clients: dict[str, str] = {}
    if "systemassigned" in kinds:
        assigned[_guid(identity, "principalId", "identity.principalId", name)] = SYSTEM_LABEL
    if "userassigned" in kinds:
        for resource, entry in _user_assigned(identity, name).items():
            label = resource.rstrip("/").rsplit("/", 1)[-1]
            where = f"identity.userAssignedIdentities[{label!r}]"
            if not isinstance(entry, dict):
                raise IdentityError(f"{name}: `{where}` must be an object")
            principal = _guid(entry, "principalId", f"{where}.principalId", name)
            assigned[principal] = label
            if entry.get("clientId") is not None:
                clients[_guid(entry, "clientId", f"{where}.clientId", name)] = principal
    return IdentityFacts(name, True, frozenset(assigned), "systemassigned" in kinds,
                         clients, assigned)  # fmt: skip


def _identity_kinds(identity: dict[str, Any], name: str) -> set[str]:
    """The parts of `identity.type`: `SystemAssigned, UserAssigned` gives both."""
    kind = identity.get("type")
    if not isinstance(kind, str):
        raise IdentityError(f"{name}: missing `identity.type`")
    kinds = {k.strip().lower().replace(" ", "") for k in kind.split(",")}
    if not kinds <= set(_IDENTITY_KINDS):
        raise IdentityError(f"{name}: `identity.type` is `{kind}`; expected `SystemAssigned`, "
                            "`UserAssigned`, `SystemAssigned, UserAssigned` or `None`")  # fmt: skip
    return kinds - {"none"}


def _user_assigned(identity: dict[str, Any], name: str) -> dict[str, Any]:
    entries = identity.get("userAssignedIdentities")
    if entries is None:
        raise IdentityError(f"{name}: `identity.type` is `{identity['type']}` "
                            "but `identity.userAssignedIdentities` is missing")  # fmt: skip
    if not isinstance(entries, dict):
        raise IdentityError(f"{name}: `identity.userAssignedIdentities` must be an object")
    return entries


def _identity_list(items: list[Any], name: str, *, numbered: bool) -> IdentityFacts:
    """`az identity show` (one) or `az identity list` (many): client ID -> principal ID only."""
    clients: dict[str, str] = {}
    labels: dict[str, str] = {}
    for i, item in enumerate(items):
        where = f"{name}: item {i + 1}" if numbered else name
        if isinstance(item, dict) and "type" not in item:
            raise IdentityError(_missing_type(item, where))
        if not isinstance(item, dict) or _type_of(item) != IDENTITY_TYPE:
            raise IdentityError(f"{where}: unknown shape: {EXPECTED}")
        principal = _guid(item, "principalId", "principalId", where)
        clients[_guid(item, "clientId", "clientId", where)] = principal
        if isinstance(item.get("name"), str):
            labels[principal] = item["name"]
    return IdentityFacts(name, client_to_principal=clients, labels=labels)


def _guid(data: dict[str, Any], key: str, where: str, name: str) -> str:
    value = data.get(key)
    if value is None:
        raise IdentityError(f"{name}: missing `{where}`")
    if not isinstance(value, str) or not GUID.fullmatch(value):
        raise IdentityError(f"{name}: `{where}` is not a GUID: {json.dumps(value)}")
    return value.lower()


def _from_lines(text: str, name: str) -> IdentityFacts:
    """A plain list of assigned object IDs: one a line, blank lines and `#` comments allowed."""
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line]
    return _object_ids([line for _, line in numbered], name, lambda i: f"line {numbered[i][0]}")


def _object_ids(values: list[str], name: str, where: Callable[[int], str]) -> IdentityFacts:
    for i, value in enumerate(values):
        if not GUID.fullmatch(value.strip()):
            raise IdentityError(f"{name}: {where(i)}: `{value}` is not an object ID (a GUID); {EXPECTED}")
    return IdentityFacts(name, defines_assignment=True, assigned=frozenset(v.strip().lower() for v in values))
