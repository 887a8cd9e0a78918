"""Identity files (`az kusto cluster show`, `az identity show/list`, object ID lists) and the I rules."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kqllint import lint_text
from kqllint.config import Config, clear_cache
from kqllint.diagnostic import Applicability
from kqllint.identities import IdentityError, Identities, load_identities, parse_identity_file
from clirun import run_cli

DATA = Path(__file__).parent / "data" / "identities"
SYSTEM_PRINCIPAL = "0f4e2b7a-3c1d-4e5f-8a9b-1c2d3e4f5a01"
INGEST, INGEST_CLIENT = "7b3e9c2a-41d6-4f08-9a5e-2c8d1b6f4e10", "c4a81f2e-95b3-4d7c-8e16-3f0a2b9d5c21"
EXPORT, EXPORT_CLIENT = "8e2d4a6b-1f3c-4b59-a7d0-5e9c3b1a2f32", "d9b72e1c-6a4f-4c83-b0e5-7a1f3d8c2b43"
REPORTING, REPORTING_CLIENT = "3c5f7a9b-2d4e-4f61-8b03-9e1d5c7a3b54", "e1f3a5c7-8b9d-4e02-9f14-6b2d8a4c1e65"
DEV = "4d6e8f0a-2b5c-4d71-b3e9-0a7c9e1b3d98"
EXPECTED = "expected `az kusto cluster show`, `az identity show/list` output or a list of GUIDs"


def parse(name: str):  # type: ignore[no-untyped-def]
    return parse_identity_file((DATA / name).read_text(encoding="utf-8"), name)


def script(object_id: str, scope: str = "database Sales") -> str:
    return (f'.alter-merge {scope} policy managed_identity ```\n'
            f'[{{ "ObjectId": "{object_id}", "AllowedUsages": "NativeIngestion" }}]\n```\n')  # fmt: skip


def findings(text: str, *files: str) -> list[tuple[str, str, str | None]]:
    config = Config(identities=load_identities([DATA / f for f in files]))
    return [(d.code, d.message, d.help) for d in lint_text(text, config=config)]


# ---- reading identity files -------------------------------------------------------------


def test_cluster_show_defines_assignment_system_and_client_ids() -> None:
    facts = parse("cluster-prod.json")
    assert facts.defines_assignment and facts.has_system is True
    assert facts.assigned == {SYSTEM_PRINCIPAL, INGEST, EXPORT}
    assert dict(facts.client_to_principal) == {INGEST_CLIENT: INGEST, EXPORT_CLIENT: EXPORT}
    assert dict(facts.labels) == {SYSTEM_PRINCIPAL: "the system-assigned identity", INGEST: "id-ingest-prod",
                                  EXPORT: "id-export-prod"}  # fmt: skip


def test_user_assigned_only_cluster_has_no_system_identity() -> None:
    facts = parse("cluster-dev.json")  # `identity.principalId` is null there, as az prints it
    assert (facts.defines_assignment, facts.has_system, facts.assigned) == (True, False, {DEV})


def test_cluster_without_identity() -> None:
    facts = parse("cluster-none.json")
    assert (facts.defines_assignment, facts.has_system, facts.assigned) == (True, False, frozenset())


@pytest.mark.parametrize("kind", ["None", "none", "SystemAssigned,UserAssigned", "userAssigned, systemAssigned"])
def test_identity_type_spellings(kind: str) -> None:
    identity = {"type": kind, "principalId": SYSTEM_PRINCIPAL,
                "userAssignedIdentities": {"/x/id-a": {"principalId": INGEST, "clientId": INGEST_CLIENT}}}  # fmt: skip
    facts = parse_identity_file(json.dumps({"type": "Microsoft.Kusto/clusters", "identity": identity}), "c.json")
    assert facts.has_system is ("system" in kind.lower())
    assert facts.assigned == ({SYSTEM_PRINCIPAL, INGEST} if "," in kind else frozenset())


def test_identity_show_and_list_only_map_client_ids() -> None:
    one, many = parse("identity-ingest-prod.json"), parse("identities-rg.json")
    assert (one.defines_assignment, one.has_system, one.assigned) == (False, None, frozenset())
    assert dict(one.client_to_principal) == {INGEST_CLIENT: INGEST}
    assert dict(many.client_to_principal) == {INGEST_CLIENT: INGEST, EXPORT_CLIENT: EXPORT,
                                              REPORTING_CLIENT: REPORTING}  # fmt: skip
    assert many.labels[REPORTING] == "id-reporting" and not many.defines_assignment


def test_plain_list_lowercases_and_skips_comments_and_blank_lines() -> None:
    facts = parse("assigned.txt")
    assert (facts.defines_assignment, facts.has_system, facts.assigned) == (True, None, {INGEST, EXPORT})


def test_json_list_of_guids_is_a_list_of_assigned_object_ids() -> None:
    # what `az kusto cluster show --query "identity.userAssignedIdentities.*.principalId"` prints
    facts = parse_identity_file(json.dumps([INGEST.upper()]), "ids.json")
    assert (facts.defines_assignment, facts.assigned) == (True, {INGEST})


def test_an_empty_json_list_says_nothing_but_a_list_of_only_comments_assigns_nothing() -> None:
    assert not parse_identity_file("[]\n", "az-identity-list.json").defines_assignment
    facts = parse_identity_file("# contosolab has no user-assigned identity\n", "assigned.txt")
    assert (facts.defines_assignment, facts.assigned) == (True, frozenset())


def test_utf16_file_written_by_powershell(tmp_path: Path) -> None:
    path = tmp_path / "cluster.json"
    path.write_bytes(codecs.BOM_UTF16_LE + (DATA / "cluster-prod.json").read_text().encode("utf-16-le"))
    assert load_identities([path]).assigned == {SYSTEM_PRINCIPAL, INGEST, EXPORT}


def test_combine() -> None:
    ids = load_identities([DATA / "cluster-dev.json", DATA / "identities-rg.json"])
    assert (ids.defines_assignment, ids.has_system, ids.assigned) == (True, False, {DEV})
    assert ids.client_to_principal[REPORTING_CLIENT] == REPORTING and len(ids.client_to_principal) == 4
    assert load_identities([DATA / "cluster-dev.json", DATA / "cluster-prod.json"]).has_system is True
    assert load_identities([DATA / "assigned.txt"]).has_system is None
    assert Identities.combine([]) == Identities()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad/not-json.json", "not JSON: Expecting value at line 1, column 1"),
        ("bad/storage-account.json", f"unknown shape (`type` is `Microsoft.Storage/storageAccounts`): {EXPECTED}"),
        ("bad/cluster-missing-principal.json", "missing `identity.principalId`"),
        ("bad/cluster-missing-type.json",
         'missing `type`; `az kusto cluster show` output has `"type": "Microsoft.Kusto/clusters"`'),
        ("bad/cluster-bad-type.json", "`identity.type` is `Automatic`; expected `SystemAssigned`, `UserAssigned`, "
                                      "`SystemAssigned, UserAssigned` or `None`"),  # fmt: skip
        ("bad/identity-missing-client.json", "missing `clientId`"),
        ("bad/assigned-with-name.txt", f"line 3: `id-export-prod` is not an object ID (a GUID); {EXPECTED}"),
    ],
)
def test_bad_files(name: str, message: str) -> None:
    with pytest.raises(IdentityError) as info:
        load_identities([DATA / name])
    assert str(info.value) == f"{DATA / name}: {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", f"is empty; {EXPECTED}"),
        ('{"name": "x"}', f"missing `type`, which names what the object is; {EXPECTED}"),
        ('{"name": "c", "identity": null}',
         'missing `type`; `az kusto cluster show` output has `"type": "Microsoft.Kusto/clusters"`'),
        ('[{"principalId": "x", "clientId": "y"}]', 'item 1: missing `type`; `az identity show` output has '
                                                    '`"type": "Microsoft.ManagedIdentity/userAssignedIdentities"`'),  # fmt: skip
        ('{"type": 7}', f"unknown shape: {EXPECTED}"),
        ("42", f"unknown shape: {EXPECTED}"),
        ('{"type": "Microsoft.Kusto/Clusters", "name": "c"}', "missing `identity` (the cluster's managed identities)"),
        ('{"type": "Microsoft.Kusto/Clusters", "identity": {"principalId": null}}', "missing `identity.type`"),
        ('{"type": "Microsoft.Kusto/Clusters", "identity": {"type": "UserAssigned"}}',
         "`identity.type` is `UserAssigned` but `identity.userAssignedIdentities` is missing"),
        ('{"type": "Microsoft.Kusto/Clusters", "identity": {"type": "UserAssigned", "userAssignedIdentities": '
         '{"/x/id-a": {"clientId": null}}}}', "missing `identity.userAssignedIdentities['id-a'].principalId`"),
        ('{"type": "Microsoft.Kusto/Clusters", "identity": {"type": "SystemAssigned", "principalId": "abc"}}',
         '`identity.principalId` is not a GUID: "abc"'),
        ('[{"type": "Microsoft.Kusto/Clusters", "identity": null}]',
         "a list of clusters; give one cluster's `az kusto cluster show` output"),
        (f'[{{"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "principalId": "{INGEST}", '
         f'"clientId": "{INGEST_CLIENT}"}}, {{"name": "x"}}]', f"item 2: missing `type`, which names what the object is; {EXPECTED}"),
        (f'[{{"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "principalId": "{INGEST}", '
         f'"clientId": "{INGEST_CLIENT}"}}, 7]', f"item 2: unknown shape: {EXPECTED}"),
        ('[{"type": "microsoft.managedidentity/userassignedidentities", "clientId": 7}]', "item 1: missing `principalId`"),
        (f'["{INGEST}", "id-a"]', f"item 2: `id-a` is not an object ID (a GUID); {EXPECTED}"),
        ("[" * 100_000, "not JSON kqllint can read: nested too deeply"),
    ],
)
def test_bad_shapes(text: str, message: str) -> None:
    with pytest.raises(IdentityError) as info:
        parse_identity_file(text, "f.json")
    assert str(info.value) == f"f.json: {message}"


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(IdentityError, match=r"nope\.json: cannot read identity file: No such file or directory$"):
        load_identities([tmp_path / "nope.json"])
    with pytest.raises(IdentityError, match=r": is a directory, not an identity file$"):
        load_identities([tmp_path])
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\xff")
    with pytest.raises(IdentityError, match=r"bin\.txt: invalid UTF-16-LE"):
        load_identities([tmp_path / "bin.txt"])


# ---- the rules' messages and fix --------------------------------------------------------------


def test_unassigned_help_names_the_cluster_identities_or_the_near_miss() -> None:
    far, near = "99999999-aaaa-4bbb-8ccc-000000000009", INGEST[:-1] + "1"
    assert findings(script(far), "cluster-prod.json") == [
        ("I001", f"`ObjectId` `{far}` is not assigned to the cluster",
         "assign it to the cluster first, or use one of its identities: `id-export-prod`, `id-ingest-prod`, `system`"),
    ]  # fmt: skip
    assert findings(script(near), "cluster-prod.json")[0][2] == f"did you mean `{INGEST}` (`id-ingest-prod`)?"
    assert findings(script(far), "cluster-none.json")[0][2] == (
        "the cluster has no managed identity: assign this one to it first"
    )


def test_no_system_identity_message() -> None:
    assert findings(script("system", "cluster"), "cluster-dev.json") == [
        ("I002", "`ObjectId` `system` needs a system-assigned identity, but the cluster has none",
         "enable the cluster's system-assigned identity, or use one of its identities: `id-ingest-dev`"),
    ]  # fmt: skip


def test_client_id_message_help_and_safe_fix() -> None:
    text = script(INGEST_CLIENT.upper())
    config = Config(identities=load_identities([DATA / "cluster-prod.json"]))
    [i003] = [d for d in lint_text(text, config=config) if d.code == "I003"]
    assert i003.message == f"`ObjectId` `{INGEST_CLIENT.upper()}` is the client ID of `id-ingest-prod`, not an object (principal) ID"
    assert i003.help == f"use the principal ID `{INGEST}`"
    assert i003.fix is not None and i003.fix.applicability is Applicability.SAFE
    [edit] = i003.fix.edits
    assert text[edit.span.start : edit.span.end] == INGEST_CLIENT.upper() and edit.content == INGEST


def test_client_id_of_an_unassigned_identity_says_so_and_unnamed_client_ids() -> None:
    assert findings(script(REPORTING_CLIENT), "cluster-prod.json", "identities-rg.json") == [
        ("I003", f"`ObjectId` `{REPORTING_CLIENT}` is the client ID of `id-reporting`, not an object (principal) ID",
         f"use the principal ID `{REPORTING}`, and assign that identity to the cluster: it is not assigned either"),
    ]  # fmt: skip
    ids = Identities(client_to_principal={REPORTING_CLIENT: REPORTING})
    [d] = lint_text(script(REPORTING_CLIENT), config=Config(identities=ids))
    assert d.message == f"`ObjectId` `{REPORTING_CLIENT}` is a client ID, not an object (principal) ID"


# ---- the command line and the configuration ---------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def run(*args: str) -> tuple[int, str, str]:
    return run_cli(["check", "--output-format", "concise", *args])


def test_identities_flag_is_repeatable(tmp_path: Path) -> None:
    (tmp_path / "a.kql").write_text(script(REPORTING_CLIENT))
    code, out, err = run("--isolated", "--identities", str(DATA / "cluster-prod.json"), str(tmp_path / "a.kql"))
    assert (code, out) == (1, f"{tmp_path}/a.kql:2:17: I001 `ObjectId` `{REPORTING_CLIENT}` is not assigned to the cluster\n")
    code, out, err = run("--isolated", "--identities", str(DATA / "cluster-prod.json"),
                         "--identities", str(DATA / "identities-rg.json"), str(tmp_path / "a.kql"))  # fmt: skip
    assert out == (f"{tmp_path}/a.kql:2:17: I003 [*] `ObjectId` `{REPORTING_CLIENT}` is the client ID of "
                   "`id-reporting`, not an object (principal) ID\n")  # fmt: skip


def test_bad_identity_file_exits_2_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.kql").write_text(script(INGEST))
    bad = DATA / "bad" / "cluster-missing-principal.json"
    assert run("--identities", str(bad), str(tmp_path)) == (2, "", f"error: {bad}: missing `identity.principalId`\n")


def test_fix_replaces_the_client_id(tmp_path: Path) -> None:
    (tmp_path / "a.kql").write_text(script(INGEST_CLIENT))
    code, _, _ = run("--isolated", "--fix", "--identities", str(DATA / "cluster-prod.json"), str(tmp_path / "a.kql"))
    assert (code, (tmp_path / "a.kql").read_text()) == (0, script(INGEST))


def test_each_environment_uses_its_own_cluster_file_from_the_config(tmp_path: Path) -> None:
    for env in ("prod", "dev"):
        (tmp_path / env).mkdir()
        (tmp_path / env / "cluster.json").write_text((DATA / f"cluster-{env}.json").read_text())
        (tmp_path / env / ".kqllint.toml").write_text('identities = ["cluster.json"]\n')
        (tmp_path / env / "grant.kql").write_text(script("system", "cluster"))
    code, out, _ = run(str(tmp_path))
    assert (code, out) == (1, f"{tmp_path}/dev/grant.kql:2:17: I002 `ObjectId` `system` needs a system-assigned "
                              "identity, but the cluster has none\n")  # fmt: skip
    # --identities replaces the configuration's files
    code, out, _ = run("--identities", str(DATA / "cluster-prod.json"), str(tmp_path))
    assert (code, out) == (0, "")


def test_identities_key_in_pyproject_is_relative_to_it_and_errors_name_both_files(tmp_path: Path) -> None:
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "ids.txt").write_text(f"{INGEST}\n")
    (tmp_path / "pyproject.toml").write_text('[tool.kqllint]\nidentities = ["ops/ids.txt"]\n')
    (tmp_path / "a.kql").write_text(script(EXPORT))
    code, out, _ = run(str(tmp_path))
    assert (code, out) == (1, f"{tmp_path}/a.kql:2:17: I001 `ObjectId` `{EXPORT}` is not assigned to the cluster\n")
    (tmp_path / "ops" / "ids.txt").write_text("id-ingest-prod\n")
    clear_cache()
    code, out, err = run(str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {tmp_path}/pyproject.toml: `tool.kqllint.identities`: {tmp_path}/ops/ids.txt: "
                          "line 1: `id-ingest-prod` is not an object ID (a GUID)")  # fmt: skip
    (tmp_path / "pyproject.toml").write_text('[tool.kqllint]\nidentities = "ops/ids.txt"\n')
    clear_cache()
    assert run(str(tmp_path))[2].startswith(f"error: {tmp_path}/pyproject.toml: `tool.kqllint.identities` must be a list of strings")
