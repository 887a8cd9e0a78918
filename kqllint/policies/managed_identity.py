"""The managed identity policy: which identities may be used, and for what."""

from __future__ import annotations

from kqllint.policies.schema import (
    BOOL, CLUSTER, COMMA_LIST, DATABASE, GUID_OR_SYSTEM, NAMED_DATABASE, STRING, WRITE_VERBS, ArrayType,
    PolicyKind, PayloadShape, Verb, forms, obj, prop, show_delete,
)  # fmt: skip

# The usage names inside `AllowedUsages` are checked by the ManagedIdentity rules (P010-P016,
# P023): the value is one comma-separated string, not an enum.
KIND = PolicyKind(
    name="managed_identity",
    title="Managed identity",
    forms=(
        forms(Verb.ALTER, PayloadShape.JSON_ARRAY, CLUSTER, DATABASE, note="replaces the policy; `[]` clears it"),
        forms(Verb.ALTER_MERGE, PayloadShape.JSON_ARRAY, CLUSTER, DATABASE, note="adds identities and usages"),
        *show_delete(CLUSTER | DATABASE, CLUSTER | NAMED_DATABASE),
    ),
    payload=ArrayType(
        item=obj(
            prop("ObjectId", GUID_OR_SYSTEM, "the identity's object id, or `system`", required=WRITE_VERBS),
            prop("AllowedUsages", STRING, "a comma-separated list of usages", required=WRITE_VERBS,
                 layout=COMMA_LIST),
            prop("ClientId", STRING, "filled in by the service", output=True),
            prop("TenantId", STRING, "filled in by the service", output=True),
            prop("DisplayName", STRING, "filled in by the service", output=True),
            prop("IsSystem", BOOL, "filled in by the service", output=True),
        ),
        max_items=None,
    ),
    url="https://learn.microsoft.com/kusto/management/managed-identity-policy?view=azure-data-explorer",
    doc="JSON array of `{ObjectId, AllowedUsages}` objects; the usage names are checked by their own rules.",
)
