"""`kqllint check` through the CLI: exact output, streams and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clirun import run_cli as run

CLEAN = ".show database db policy managed_identity\n"
BAD = ".alter database db polcy managed_identity ```[]```\n"
WARN = ".alter database policy managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```\n"




@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "clean.kql").write_text(CLEAN)
    (tmp_path / "bad.csl").write_text(BAD)
    (tmp_path / "notes.txt").write_text(BAD)  # not a script: never read
    return tmp_path


def test_concise_output_and_exit_1(tree: Path) -> None:
    code, out, err = run(["check", "--output-format", "concise", str(tree)])
    assert code == 1
    assert out == f"{tree}/bad.csl:1:20: S001 expected `policy`, found `polcy`\n"
    assert err == "Found 1 problem (1 error) in 2 files.\n"


def test_clean_file_exits_0(tree: Path) -> None:
    code, out, err = run(["check", str(tree / "clean.kql")])
    assert (code, out, err) == (0, "", "All checks passed (1 file).\n")


def test_full_output(tree: Path) -> None:
    code, out, _ = run(["check", "--no-color", str(tree / "bad.csl")])
    assert code == 1
    assert out == (
        "error[S001]: expected `policy`, found `polcy`\n"
        f" --> {tree}/bad.csl:1:20\n"
        "  |\n"
        "1 | .alter database db polcy managed_identity ```[]```\n"
        "  |                    ^^^^^\n"
        "  = help: did you mean `policy`?\n"
        "\n"
    )


def test_json_output_shape(tree: Path) -> None:
    code, out, _ = run(["check", "--output-format", "json", str(tree / "bad.csl")])
    assert code == 1
    (item,) = json.loads(out)
    assert set(item) == {"filename", "code", "name", "severity", "message", "location", "end_location", "fix", "url"}
    assert item["location"] == {"line": 1, "column": 20}
    assert item["end_location"] == {"line": 1, "column": 25}
    assert item["fix"]["applicability"] == "unsafe"
    assert item["fix"]["edits"] == [
        {"content": "policy", "location": {"line": 1, "column": 20}, "end_location": {"line": 1, "column": 25}}
    ]


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1)]
)
def test_fail_on_threshold(tmp_path: Path, fail_on: str, expected: int) -> None:
    (tmp_path / "w.kql").write_text(WARN)
    assert run(["check", "--fail-on", fail_on, str(tmp_path / "w.kql")])[0] == expected


def test_stdin_with_filename() -> None:
    code, out, _ = run(["check", "--output-format", "concise", "-", "--stdin-filename", "x.kql"], BAD.encode())
    assert code == 1
    assert out.startswith("x.kql:1:20: S001")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x41", "invalid UTF-16-LE"),  # a UTF-16 BOM followed by an odd byte count
        (b".show cluster \xc3\x28", "not valid UTF-8"),
        (b".show\x00cluster", "NUL character"),
    ],
)
def test_undecodable_file_is_exit_2_and_others_still_checked(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "a.kql").write_bytes(content)
    (tmp_path / "b.kql").write_text(BAD)
    code, out, err = run(["check", "--output-format", "concise", str(tmp_path)])
    assert code == 2
    assert "b.kql:1:20: S001" in out
    assert f"error: {tmp_path}/a.kql: " in err
    assert message in err


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(["check", str(tmp_path / "nope.kql"), str(tmp_path / "empty")])
    assert code == 2
    assert out == ""
    assert f"error: {tmp_path}/nope.kql: no such file or directory\n" in err
    assert f"error: {tmp_path}/empty: no Kusto scripts" in err


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / "u.kql").write_bytes(b"\xff\xfe" + BAD.encode("utf-16-le"))
    code, out, _ = run(["check", "--output-format", "concise", str(tmp_path / "u.kql")])
    assert (code, out) == (1, f"{tmp_path}/u.kql:1:20: S001 expected `policy`, found `polcy`\n")


def test_bom_is_not_a_column(tmp_path: Path) -> None:
    (tmp_path / "b.kql").write_bytes(b"\xef\xbb\xbf" + BAD.encode())
    _, out, _ = run(["check", "--output-format", "concise", str(tmp_path / "b.kql")])
    assert ":1:20: S001" in out


def test_rule_explains_and_lists() -> None:
    code, out, _ = run(["rule", "S001"])
    assert code == 0 and out.startswith("# syntax-error (S001)") and "## Why is this bad?" in out
    code, out, _ = run(["rule", "--all"])
    assert code == 0 and any(line.startswith("S001") for line in out.splitlines())
    code, _, err = run(["rule", "X999"])
    assert code == 2 and "unknown rule" in err


def test_broken_pipe_ends_quietly(tree: Path) -> None:
    many = tree / "many.kql"
    many.write_text("\n".join([BAD] * 2000))
    proc = subprocess.run(
        f"{sys.executable} -m kqllint check --no-color {many} | head -1",
        shell=True, capture_output=True, text=True,
    )  # fmt: skip
    assert proc.stdout == "error[S001]: expected `policy`, found `polcy`\n"
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_jobs_give_the_same_report_in_sorted_order(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"f{i:02d}.kql").write_text(BAD if i % 3 else CLEAN)
    serial = run(["check", "--output-format", "concise", "--jobs", "1", str(tmp_path)])
    parallel = run(["check", "--output-format", "concise", "--jobs", "2", str(tmp_path)])
    assert parallel == serial
    names = [line.split(":")[0] for line in serial[1].splitlines()]
    assert names == sorted(names) and len(names) == 8


@pytest.mark.parametrize(
    "options",
    [["--output-format", f] for f in ("full", "json", "github", "sarif")] + [["--statistics"], ["--fix", "--diff"]],
    ids=lambda o: " ".join(o),
)
def test_jobs_give_the_same_output_in_every_format(tmp_path: Path, options: list[str]) -> None:
    for i in range(6):
        (tmp_path / f"f{i:02d}.kql").write_text(BAD if i % 3 else CLEAN)
    fixable = ".alter cluster policy managed_identity ```[{'ObjectId': 'system', 'AllowedUsages': 'All'}]```\n"
    (tmp_path / "fixable.kql").write_text(fixable)
    serial = run(["check", *options, "--jobs", "1", str(tmp_path)])
    parallel = run(["check", *options, "--jobs", "2", str(tmp_path)])
    assert parallel == serial and serial[0] == 1 and serial[1]
