"""The CI outputs through the CLI: github, sarif (schema-checked), json urls, statistics and flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kqllint.rules import RULES
from clirun import run_cli as run

# The OASIS SARIF 2.1.0 schema (from the OASIS sarif-spec repository), kept as test data.
SCHEMA = Path(__file__).resolve().parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
BAD = ".alter database db polcy managed_identity ```[]```\n"  # S001 at 1:20..25, an unsafe fix
WARN = ".alter database policy managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```\n"  # C001 at 1:8..16, no fix
DOCS = "https://github.com/kqllint/kqllint/blob/main/docs/rules"




@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "bad.kql").write_text(BAD)
    (tmp_path / "scripts" / "warn, 100%.kql").write_text(WARN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_github_annotations(tree: Path) -> None:
    code, out, err = run(["check", "--output-format", "github", "scripts"])
    assert code == 1
    assert out == (
        "::error title=kqllint (S001),file=scripts/bad.kql,line=1,col=20,endLine=1,endColumn=25::"
        "scripts/bad.kql:1:20: S001 expected `policy`, found `polcy`%0Ahelp: did you mean `policy`?\n"
        "::warning title=kqllint (C001),file=scripts/warn%2C 100%25.kql,line=1,col=8,endLine=1,endColumn=16::"
        "scripts/warn, 100%25.kql:1:8: C001 `.alter database` without a database name"
        "%0Ahelp: name the database: the context database differs between connections\n"
    )
    assert err == (
        "Found 2 problems (1 error, 1 warning) in 2 files.\n"
        "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).\n"
    )


def test_github_notice_for_info(tree: Path) -> None:
    (tree / "scripts" / "bad.kql").write_text("// kqllint: ignore-file[C002]\n")
    code, out, _ = run(["check", "--output-format", "github", "scripts/bad.kql"])
    assert (code, out.split("::")[1]) == (0, "notice title=kqllint (M001),file=scripts/bad.kql,line=1,col=1,endLine=1,endColumn=30")


def _sarif(tree: Path) -> dict:
    code, out, err = run(["check", "--output-format", "sarif", "scripts"])
    assert code == 1 and err.startswith("Found 2 problems")
    return json.loads(out)


def test_sarif_is_valid_against_the_oasis_schema(tree: Path) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = _sarif(tree)
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["columnKind"] = "characters"
    assert not jsonschema.Draft4Validator(schema).is_valid(broken)  # the validation can fail


def test_sarif_content(tree: Path) -> None:
    log = _sarif(tree)
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tree.as_uri() + "/"}}
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    s001 = rules[[r["id"] for r in rules].index("S001")]
    assert s001["helpUri"] == f"{DOCS}/S001.md" and s001["defaultConfiguration"] == {"level": "error"}
    bad, warn = run_["results"]
    assert bad["ruleId"] == "S001" and rules[bad["ruleIndex"]]["id"] == "S001" and bad["level"] == "error"
    location = {"uri": "scripts/bad.kql", "uriBaseId": "%SRCROOT%"}
    region = {"startLine": 1, "startColumn": 20, "endLine": 1, "endColumn": 25}
    assert bad["locations"] == [{"physicalLocation": {"artifactLocation": location, "region": region}}]
    assert bad["fixes"] == [{
        "description": {"text": "replace with `policy`"},
        "artifactChanges": [{"artifactLocation": location,
                             "replacements": [{"deletedRegion": region, "insertedContent": {"text": "policy"}}]}],
        "properties": {"applicability": "unsafe"},
    }]  # fmt: skip
    assert warn["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "scripts/warn%2C%20100%25.kql"
    assert warn["level"] == "warning" and "fixes" not in warn


def test_sarif_path_outside_the_current_folder_is_absolute(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "x.kql"
    elsewhere.write_text(BAD)
    _, out, _ = run(["check", "--output-format", "sarif", str(elsewhere)])
    location = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": elsewhere.as_uri()}


def test_json_url_points_at_the_rule_page(tree: Path) -> None:
    _, out, _ = run(["check", "--output-format", "json", "scripts/bad.kql"])
    assert [item["url"] for item in json.loads(out)] == [f"{DOCS}/S001.md"]


def test_statistics(tree: Path) -> None:
    (tree / "scripts" / "more.kql").write_text(WARN + "\n" + WARN.replace("alter", "ALTER"))
    code, out, err = run(["check", "--statistics", "scripts"])
    assert code == 1
    assert out == "3  C001      missing-database-name\n1  C002  [*] keyword-case\n1  S001      syntax-error\n"
    assert err == (
        "Found 5 problems (2 errors, 3 warnings) in 3 files.\n"
        "[*] 1 fixable with the `--fix` option (1 hidden fix can be enabled with the `--unsafe-fixes` option).\n"
    )
    _, out, _ = run(["check", "--statistics", "--output-format", "json", "scripts/bad.kql"])
    assert json.loads(out) == [{"code": "S001", "name": "syntax-error", "count": 1, "fixable": False}]


def test_output_file_exit_zero_and_quiet(tree: Path) -> None:
    code, out, err = run(["check", "--output-format", "concise", "--output-file", "report.txt", "--exit-zero", "-q", "scripts"])
    assert (code, out, err) == (0, "", "")
    assert (tree / "report.txt").read_text() == (
        "scripts/bad.kql:1:20: S001 expected `policy`, found `polcy`\n"
        "scripts/warn, 100%.kql:1:8: C001 `.alter database` without a database name\n"
    )


def test_exit_zero_keeps_2_for_errors(tree: Path) -> None:
    code, _, err = run(["check", "--exit-zero", "scripts", "missing.kql"])
    assert code == 2 and "error: missing.kql: no such file or directory" in err


def test_output_file_that_cannot_be_written(tree: Path) -> None:
    code, out, err = run(["check", "-q", "--output-file", "no/such/dir/r.txt", "scripts/bad.kql"])
    assert (code, out) == (2, "")
    assert err.startswith("error: no/such/dir/r.txt: cannot write the report: ")


def test_rule_all_json() -> None:
    code, out, _ = run(["rule", "--all", "--output-format", "json"])
    items = json.loads(out)
    assert code == 0 and [i["code"] for i in items] == [r.code for r in RULES]
    assert items[[i["code"] for i in items].index("M001")] == {
        "code": "M001", "name": "unused-suppression", "severity": "info", "fixable": True,
        "summary": "Reports a `// kqllint:` suppression comment that suppresses nothing.", "url": f"{DOCS}/M001.md",
    }  # fmt: skip


def test_rule_all_text_lists_code_severity_fix_and_name() -> None:
    code, out, _ = run(["rule", "--all"])
    assert code == 0
    assert len(out.splitlines()) == len(RULES)
    assert any(line.startswith("M001  info     fix  unused-suppression ") for line in out.splitlines())
    assert any(line.startswith("M002  warning       invalid-suppression ") for line in out.splitlines())


def test_rule_prints_its_page() -> None:
    code, out, _ = run(["rule", "M002"])
    assert code == 0
    assert out.startswith(
        "# invalid-suppression (M002)\n\n"
        "Reports a `// kqllint:` comment that is malformed or names an unknown rule code.\n\n"
        "- Default severity: `warning`\n- Fix: none\n\n## What it does\n"
    )
    assert run(["rule", "unused-suppression"])[1] == run(["rule", "m001"])[1]
    code, _, err = run(["rule", "M01"])
    assert code == 2 and "unknown rule `M01`; did you mean `M001`?" in err


def test_statistics_count_unsafe_fixes_as_fixable_with_unsafe_fixes(tree: Path) -> None:
    code, out, err = run(["check", "--statistics", "--unsafe-fixes", "scripts/bad.kql"])
    assert (code, out) == (1, "1  S001  [*] syntax-error\n")
    assert err == "Found 1 problem (1 error) in 1 file.\n[*] 1 fixable with the `--fix --unsafe-fixes` options.\n"
    _, out, _ = run(["check", "--output-format", "json", "--unsafe-fixes", "scripts/bad.kql"])
    assert json.loads(out)[0]["fix"]["applicability"] == "unsafe"  # the JSON output is unchanged
