"""`kqllint format` and `kqllint check --fix` through the CLI: exact output, files and exit codes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from clirun import run_cli as run

UGLY = ".show   cluster policy managed_identity\n"
PRETTY = ".show cluster policy managed_identity\n"
BROKEN = ".alter   database db polcy managed_identity ```[]```\n"
FIXABLE = '.ALTER cluster policy managed_identity ```[{"ObjectId": "System", "AllowedUsages": "all"}]```\n'
FIXED = '.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'




@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "ugly.kql").write_text(UGLY)
    (tmp_path / "pretty.kql").write_text(PRETTY)
    return tmp_path


def test_format_check_lists_files_and_writes_nothing(tree: Path) -> None:
    code, out, err = run(["format", "--check", str(tree)])
    assert (code, out) == (1, f"Would reformat: {tree}/ugly.kql\n")
    assert err == "1 file would be reformatted, 1 file already formatted.\n"
    assert (tree / "ugly.kql").read_text() == UGLY


def test_format_check_on_formatted_files_exits_0(tree: Path) -> None:
    assert run(["format", "--check", str(tree / "pretty.kql")]) == (0, "", "1 file already formatted.\n")


def test_format_diff(tree: Path) -> None:
    code, out, err = run(["format", "--diff", str(tree)])
    name = f"{tree}/ugly.kql"
    assert code == 1
    assert out == (
        f"--- {name}\n+++ {name}\n@@ -1 +1 @@\n"
        "-.show   cluster policy managed_identity\n+.show cluster policy managed_identity\n"
    )
    assert (tree / "ugly.kql").read_text() == UGLY


def test_format_in_place(tree: Path) -> None:
    code, out, err = run(["format", str(tree)])
    assert (code, out, err) == (0, "", "1 file reformatted, 1 file left unchanged.\n")
    assert (tree / "ugly.kql").read_text() == PRETTY


def test_format_stdin_to_stdout() -> None:
    assert run(["format", "-", "--stdin-filename", "a.kql"], UGLY.encode())[:2] == (0, PRETTY)


def test_format_stdin_with_a_syntax_error_prints_nothing_and_exits_2() -> None:
    code, out, err = run(["format", "-", "--stdin-filename", "a.kql"], BROKEN.encode())
    assert (code, out) == (2, "")
    assert err.startswith("error: a.kql:1:22: F001 1 syntax or payload JSON error in the file")


def test_a_file_with_a_syntax_error_is_not_written_and_exits_2(tree: Path) -> None:
    (tree / "broken.kql").write_text(UGLY + "\n" + BROKEN)
    code, out, err = run(["format", str(tree)])
    assert code == 2
    assert (tree / "broken.kql").read_text() == UGLY + "\n" + BROKEN
    assert (tree / "ugly.kql").read_text() == PRETTY  # the other files are still formatted
    assert err == (
        f"error: {tree}/broken.kql:3:22: F001 1 syntax or payload JSON error in the file, so nothing in it "
        "is formatted (first: S001 expected `policy`, found `polcy`)\n"
        "1 file reformatted, 1 file left unchanged, 1 file not formatted because of errors.\n"
    )
    assert run(["format", "--check", str(tree)])[0] == 2  # 2 wins over 1


def test_unchanged_files_are_not_rewritten(tree: Path) -> None:
    pretty = tree / "pretty.kql"
    os.utime(pretty, (1_000_000_000, 1_000_000_000))
    assert run(["format", str(pretty)])[0] == 0
    assert pretty.stat().st_mtime == 1_000_000_000


def test_permissions_bom_and_crlf_are_kept(tree: Path) -> None:
    path = tree / "ugly.kql"
    path.write_bytes(b"\xef\xbb\xbf" + UGLY.replace("\n", "\r\n").encode())
    path.chmod(0o640)
    assert run(["format", str(path)])[0] == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + PRETTY.replace("\n", "\r\n").encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tree.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_a_symlink_stays_a_link(tree: Path) -> None:
    link = tree / "link.kql"
    link.symlink_to(tree / "ugly.kql")
    assert run(["format", str(link)])[0] == 0
    assert link.is_symlink() and (tree / "ugly.kql").read_text() == PRETTY


def test_check_fix_writes_and_reports_what_remains(tmp_path: Path) -> None:
    path = tmp_path / "a.kql"
    path.write_text(FIXABLE + ".alter database policy managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```\n")
    code, out, err = run(["check", "--fix", "--output-format", "concise", str(path)])
    assert path.read_text() == FIXED + ".alter database policy managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```\n"
    assert code == 1  # by what remains: C001, and C003 whose fix is unsafe
    assert [line.split(": ")[1].split()[0] for line in out.splitlines()] == ["C003", "C001"]
    assert err.startswith("Fixed 3 problems (2 remaining).\n")


def test_check_fix_exits_0_when_nothing_remains(tmp_path: Path) -> None:
    path = tmp_path / "a.kql"
    path.write_text(FIXABLE)
    code, out, err = run(["check", "--fix", str(path)])
    assert (code, out, err) == (0, "", "Fixed 3 problems (0 remaining).\nAll checks passed (1 file).\n")
    assert path.read_text() == FIXED


def test_check_fix_diff_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.kql"
    path.write_text(FIXABLE)
    code, out, err = run(["check", "--fix", "--diff", str(path)])
    assert code == 1
    assert out == f"--- {path}\n+++ {path}\n@@ -1 +1 @@\n-{FIXABLE}+{FIXED}"
    assert err.startswith("Would fix 3 problems (0 remaining).\n")
    assert path.read_text() == FIXABLE


def test_check_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "a.kql"
    path.write_text(PRETTY + PRETTY)
    assert run(["check", "--fix", str(path)])[0] == 1
    assert path.read_text() == PRETTY + PRETTY
    assert run(["check", "--fix", "--unsafe-fixes", str(path)])[0] == 0
    assert path.read_text() == PRETTY + "\n" + PRETTY


def test_check_fix_stdin_writes_the_fixed_text_to_stdout() -> None:
    code, out, err = run(["check", "--fix", "-", "--stdin-filename", "a.kql"], FIXABLE.encode())
    assert (code, out) == (0, FIXED)
    assert err.startswith("Fixed 3 problems (0 remaining).\n")


# ---- quiet, jobs and internal errors ----------------------------------------------------------

NOTE = "note: this is a bug in kqllint; please report it at https://github.com/kqllint/kqllint/issues with the input that triggers it\n"


def test_format_quiet_drops_the_summary(tree: Path) -> None:
    assert run(["format", "-q", "--check", str(tree)]) == (1, f"Would reformat: {tree}/ugly.kql\n", "")
    assert run(["format", "--quiet", str(tree)]) == (0, "", "")
    assert (tree / "ugly.kql").read_text() == PRETTY


@pytest.mark.parametrize("flags", [["--check"], ["--diff"], []], ids=["check", "diff", "write"])
def test_format_jobs_give_the_same_output(tmp_path: Path, flags: list[str]) -> None:
    def fresh() -> Path:
        for i in range(6):
            (tmp_path / f"f{i}.kql").write_text([UGLY, PRETTY, BROKEN][i % 3])
        return tmp_path

    serial = run(["format", *flags, "--jobs", "1", str(fresh())])
    written = sorted((p.name, p.read_text()) for p in tmp_path.iterdir())
    parallel = run(["format", *flags, "--jobs", "2", str(fresh())])
    assert parallel == serial and serial[0] == 2
    assert sorted((p.name, p.read_text()) for p in tmp_path.iterdir()) == written


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in-process", "worker"])
def test_format_internal_error_is_exit_2(tree: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    def boom(*_args: object) -> object:
        raise ValueError("boom")

    monkeypatch.setattr("kqllint.format_runner.format_text", boom)
    code, out, err = run(["format", "--jobs", jobs, str(tree)])
    assert (code, out) == (2, "")
    assert err == "".join(
        f"error: internal error while formatting {tree}/{name}: ValueError: boom\n{NOTE}"
        "note: run with `--verbose` (or set KQLLINT_DEBUG=1) to see the traceback\n"
        for name in ("pretty.kql", "ugly.kql")
    ) + "No files formatted.\n"
    assert (tree / "ugly.kql").read_text() == UGLY
    code, _, err = run(["format", "--verbose", "--jobs", jobs, str(tree / "ugly.kql")])
    assert code == 2 and "Traceback (most recent call last):\n" in err and err.endswith("ValueError: boom\nNo files formatted.\n")


def test_check_fix_quiet_diff_prints_the_diff_only(tmp_path: Path) -> None:
    path = tmp_path / "a.kql"
    path.write_text(FIXABLE + ".show database policy managed_identity\n")
    code, out, err = run(["check", "-q", "--diff", str(path)])
    assert (code, err) == (1, "")
    assert out.startswith(f"--- {path}\n+++ {path}\n")
    code, out, err = run(["check", "-q", "--fix", "-", "--stdin-filename", "a.kql"], FIXABLE.encode())
    assert (code, out, err) == (0, FIXED, "")


def test_format_quiet_diff_prints_the_diff_only(tree: Path) -> None:
    code, out, err = run(["format", "-q", "--diff", str(tree)])
    assert (code, err) == (1, "")
    assert out.startswith(f"--- {tree}/ugly.kql\n")
