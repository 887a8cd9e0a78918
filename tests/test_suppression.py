"""Suppression comments through the CLI: what each form covers, and what is reported unused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kqllint import lint_text
from kqllint.cli import main
from kqllint.config import Config

WARN = ".alter database policy managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```"  # C001 at column 8
UPPER = ".SHOW database db policy managed_identity"  # C002 at column 2


def check(tmp_path: Path, text: str, *flags: str) -> tuple[int, str, str]:
    (tmp_path / "s.kql").write_text(text)
    result = CliRunner().invoke(main, ["check", "--output-format", "concise", *flags, str(tmp_path / "s.kql")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout.replace(f"{tmp_path}/", ""), result.stderr


@pytest.mark.parametrize(
    "text",
    [
        f"// kqllint: ignore[C001]\n{WARN}\n",
        f"// kqllint: ignore[C001] the name comes from the deployment\n// another comment\n{WARN}\n",
        f"{WARN} // kqllint: ignore[C001]\n",
        f"{WARN}\n\n// kqllint: ignore-file[C001]\n",
        f"// kqllint: disable[C001]\n{WARN}\n\n{WARN}\n// kqllint: enable[C001]\n",
        f"// kqllint: disable[C001]\n{WARN}\n",  # to the end of the file
        "// kqllint:ignore[C002,C001]\n" + WARN.replace(".alter", ".ALTER") + "\n",
    ],
)
def test_suppressed(tmp_path: Path, text: str) -> None:
    assert check(tmp_path, text) == (0, "", "All checks passed (1 file).\n")


def test_ignore_covers_the_whole_multi_line_command(tmp_path: Path) -> None:
    text = ('// kqllint: ignore[P010]\n.alter database db policy managed_identity ```\n'
            '[{"ObjectId": "system", "AllowedUsages": "Nope"}]\n```\n')  # fmt: skip
    assert check(tmp_path, text)[:2] == (0, "")
    assert check(tmp_path, text.replace("P010", "C001"))[1] == (
        "s.kql:1:1: M001 [*] unused suppression: no `C001` finding in this command\n"
        's.kql:3:43: P010 unknown usage `Nope`\n'
    )  # fmt: skip


def test_a_trailing_ignore_survives_formatting(tmp_path: Path) -> None:
    text = '.alter database db policy managed_identity ```[{"ObjectId":"system","AllowedUsages":"Nope"}]``` // kqllint: ignore[P010]\n'
    (tmp_path / "s.kql").write_text(text)
    assert CliRunner().invoke(main, ["format", str(tmp_path / "s.kql")]).exit_code == 0
    formatted = (tmp_path / "s.kql").read_text()
    assert formatted.endswith('"Nope"\n  }\n]\n``` // kqllint: ignore[P010]\n')  # now on the command's last line
    assert check(tmp_path, formatted) == (0, "", "All checks passed (1 file).\n")


def test_a_trailing_ignore_inside_a_command_covers_nothing(tmp_path: Path) -> None:
    text = ".alter database\n  policy // kqllint: ignore[C001]\n  managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```\n"
    code, out, _ = check(tmp_path, text)
    assert (code, out) == (1, (
        "s.kql:1:8: C001 `.alter database` without a database name\n"
        "s.kql:2:10: M001 `ignore` is on no statement: put it on the line before a command, or at the end of its first line\n"
    ))  # fmt: skip


def test_ignore_covers_only_its_command(tmp_path: Path) -> None:
    code, out, _ = check(tmp_path, f"// kqllint: ignore[C001]\n{WARN}\n\n{WARN}\n")
    assert (code, out) == (1, "s.kql:4:8: C001 `.alter database` without a database name\n")


def test_enable_ends_the_range(tmp_path: Path) -> None:
    text = f"// kqllint: disable[C001, C002]\n{WARN}\n// kqllint: enable[C001]\n\n{WARN}\n\n{UPPER}\n"
    code, out, _ = check(tmp_path, text)
    assert (code, out) == (1, "s.kql:5:8: C001 `.alter database` without a database name\n")


def test_unused_and_invalid_suppressions(tmp_path: Path) -> None:
    text = (
        f"// kqllint: ignore[C001, C002]\n{WARN}\n\n"  # C002 unused
        f"// kqllint: ignore[C001]\n\n{WARN}\n\n"  # a blank line: on no command
        f"{UPPER} // kqllint: ignore[C002, C0O1]\n\n"  # unknown code
        "// kqllint: enable[C003]\n"
        "// kqllint: ignores[C001]\n"
    )
    code, out, err = check(tmp_path, text)
    assert code == 1  # the C001 left over is a warning; M001 is info
    assert out == (
        "s.kql:1:26: M001 [*] unused suppression: no `C002` finding in this command\n"
        "s.kql:4:1: M001 `ignore` is on no statement: put it on the line before a command, or at the end of its first line\n"
        "s.kql:6:8: C001 `.alter database` without a database name\n"
        "s.kql:8:68: M002 unknown rule `C0O1` in a suppression\n"
        "s.kql:10:1: M001 [*] `enable` of `C003` without an earlier `disable`\n"
        "s.kql:11:1: M002 malformed suppression comment\n"
    )
    assert err == "Found 6 problems (3 warnings, 3 info) in 1 file.\n[*] 2 fixable with the `--fix` option.\n"


def test_unused_suppression_help_and_full_output(tmp_path: Path) -> None:
    code, out, _ = check(tmp_path, "// kqllint: ignores[C001]\n", "--output-format", "full", "--no-color")
    assert (code, out) == (1, (
        "warning[M002]: malformed suppression comment\n"
        " --> s.kql:1:1\n"
        "  |\n"
        "1 | // kqllint: ignores[C001]\n"
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "  = help: did you mean `ignore`?\n"
        "\n"
    ))  # fmt: skip


def test_codes_turned_off_by_configuration_are_not_judged(tmp_path: Path) -> None:
    text = f"// kqllint: ignore[C002]\n{WARN}\n"
    assert check(tmp_path, text, "--ignore", "C002")[:2] == (1, "s.kql:2:8: C001 `.alter database` without a database name\n")
    assert check(tmp_path, text, "--ignore", "M001,C001") == (0, "", "All checks passed (1 file).\n")


def test_meta_findings_can_be_suppressed(tmp_path: Path) -> None:
    text = f"// kqllint: ignore-file[M001, M002]\n// kqllint: ignore[C002, X]\n{WARN} // kqllint: ignore[C001]\n"
    assert check(tmp_path, text) == (0, "", "All checks passed (1 file).\n")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (f"// kqllint: ignore[C001, C002]\n{WARN}\n", f"// kqllint: ignore[C001]\n{WARN}\n"),
        (f"// kqllint: ignore[C002]\n{WARN}  // kqllint: ignore[C001]\n", f"{WARN}  // kqllint: ignore[C001]\n"),
        (f"{UPPER.lower()}   // kqllint: ignore[C002]\n", f"{UPPER.lower()}\n"),
    ],
)
def test_fix_removes_unused_suppressions(tmp_path: Path, before: str, after: str) -> None:
    code, _, _ = check(tmp_path, before, "--fix")
    assert (tmp_path / "s.kql").read_text() == after
    assert code == 0


def test_the_language_server_sees_the_same_findings() -> None:
    text = f"// kqllint: ignore[C001]\n{WARN}\n"
    assert lint_text(text, "s.kql") == []
    assert [d.code for d in lint_text(text, "s.kql", Config(ignore=("C001",)))] == []


@pytest.mark.parametrize(
    "text",
    [
        f"// kqllint: ignore[missing-database-name]\n{WARN}\n",
        f"{WARN} // kqllint: ignore[missing-database-name]\n",
        f"// kqllint: ignore-file[missing-database-name]\n{WARN}\n",
        f"// kqllint: disable[missing-database-name]\n{WARN}\n// kqllint: enable[C001]\n",  # a name and a code pair up
        f"// kqllint: ignore[keyword-case, C001]\n{WARN.replace('.alter', '.ALTER')}\n",
    ],
)
def test_suppressed_by_rule_name(tmp_path: Path, text: str) -> None:
    assert check(tmp_path, text) == (0, "", "All checks passed (1 file).\n")


def test_rule_names_in_suppressions_unknown_and_unused(tmp_path: Path) -> None:
    text = f"// kqllint: ignore[missing-database, keyword-case]\n{WARN}\n"
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert out == (
        "s.kql:1:1: M001 [*] unused suppression: no `keyword-case` finding in this command\n"
        "s.kql:1:20: M002 unknown rule `missing-database` in a suppression\n"
        "s.kql:2:8: C001 `.alter database` without a database name\n"
    )
    full = check(tmp_path, text, "--output-format", "full", "--no-color")[1]
    assert full.count("  = help: did you mean `missing-database-name`?\n") == 1


def test_the_fix_for_an_unused_name_keeps_the_others_as_written(tmp_path: Path) -> None:
    (tmp_path / "s.kql").write_text(f"// kqllint: ignore[keyword-case, missing-database-name]\n{WARN}\n")
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "C,M", str(tmp_path / "s.kql")])
    assert result.exit_code == 0
    assert (tmp_path / "s.kql").read_text() == f"// kqllint: ignore[missing-database-name]\n{WARN}\n"
