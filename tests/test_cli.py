"""`kqllint check` through the CLI: exact output, streams and exit codes."""

from __future__ import annotations

import json
import re
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
    assert err == (
        "Found 1 problem (1 error) in 1 of 2 files.\n"
        "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).\n"
    )


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
    assert "Traceback" not in proc.stderr and "bug in kqllint" not in proc.stderr and "BrokenPipe" not in proc.stderr


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


# ---- internal errors: a bug is exit 2 and says so -----------------------------------------

NOTE = "note: this is a bug in kqllint; please report it at https://github.com/kqllint/kqllint/issues with the input that triggers it\n"
HINT = "note: run with `--verbose` (or set KQLLINT_DEBUG=1) to see the traceback\n"


def _boom(*_args: object, **_kwargs: object) -> object:
    raise RuntimeError("boom")


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in-process", "worker"])
def test_internal_error_in_the_core_is_exit_2_without_traceback(tree: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    monkeypatch.setattr("kqllint.runner.lint_text", _boom)  # workers are forked: they see it too
    code, out, err = run(["check", "--jobs", jobs, str(tree)])
    assert (code, out) == (2, "")
    assert err == "".join(
        f"error: internal error while checking {tree}/{name}: RuntimeError: boom\n{NOTE}{HINT}" for name in ("bad.csl", "clean.kql")
    )


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in-process", "worker"])
@pytest.mark.parametrize("how", ["--verbose", "KQLLINT_DEBUG"])
def test_internal_error_traceback_on_request(tree: Path, monkeypatch: pytest.MonkeyPatch, how: str, jobs: str) -> None:
    monkeypatch.setattr("kqllint.runner.lint_text", _boom)
    if how == "KQLLINT_DEBUG":
        monkeypatch.setenv("KQLLINT_DEBUG", "1")
    code, _, err = run(["check", "--jobs", jobs, str(tree / "bad.csl"), *(["--verbose"] if how == "--verbose" else [])])
    assert code == 2
    head = f"error: internal error while checking {tree}/bad.csl: RuntimeError: boom\n{NOTE}Traceback (most recent call last):\n"
    assert err.startswith(head) and err.endswith('raise RuntimeError("boom")\nRuntimeError: boom\n')


def test_internal_error_outside_the_files_is_exit_2(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kqllint.runner.summary", _boom)
    code, _, err = run(["check", "--output-format", "concise", str(tree)])
    assert code == 2
    assert err == f"error: internal error while running `kqllint check`: RuntimeError: boom\n{NOTE}{HINT}"
    code, _, err = run(["check", "-v", str(tree)])
    assert code == 2 and "Traceback (most recent call last):" in err


def test_internal_error_in_a_real_subprocess_exits_2(tmp_path: Path) -> None:
    (tmp_path / "a.kql").write_text(CLEAN)
    script = "import kqllint.runner as r; r.lint_text = lambda *a: 1 / 0; from kqllint.cli import run; run()"
    proc = subprocess.run([sys.executable, "-c", script, "check", str(tmp_path)], capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"error: internal error while checking {tmp_path}/a.kql: ZeroDivisionError: division by zero\n{NOTE}{HINT}"


# ---- help -----------------------------------------------------------------------------------


def test_plain_kqllint_shows_the_help_and_exits_0() -> None:
    code, out, err = run([])
    assert (code, err) == (0, "")
    # click writes `COMMAND` or `[COMMAND]` here, by version
    assert re.match(r"Usage: main \[OPTIONS\] \[?COMMAND\]? \[ARGS\]\.\.\.\n", out), out
    assert "  format  Format Kusto scripts in place.\n" in out  # not cut short
    assert "  check   Check Kusto scripts for problems.\n" in out


def test_check_and_format_help_describe_every_option() -> None:
    import click

    from kqllint.cli import check, format_command

    code, out, _ = run(["check", "--help"])
    assert code == 0 and "--output-format [full|concise|json|github|sarif]\n" in out
    assert "How to report the findings: `full`" in out
    for command in (check, format_command):
        assert [p.name for p in command.params if isinstance(p, click.Option) and not p.help] == []


# ---- colour and the fixable marker ----------------------------------------------------------

FIXABLE = ".SHOW cluster policy managed_identity\n"  # C002, a safe fix


@pytest.mark.parametrize(
    ("env", "flags", "colored"),
    [
        ({}, [], False),  # not a terminal
        ({"FORCE_COLOR": "1"}, [], True),
        ({"NO_COLOR": "1"}, ["--color"], True),  # the flag wins
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),
        ({"NO_COLOR": "", "FORCE_COLOR": ""}, [], False),  # empty is unset
    ],
)
def test_no_color_and_force_color(tree: Path, monkeypatch: pytest.MonkeyPatch, env: dict, flags: list, colored: bool) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _, out, _ = run(["check", *flags, str(tree / "bad.csl")])
    assert ("\x1b[" in out) is colored and out.count("expected `policy`, found `polcy`") == 1


def test_full_output_marks_fixable_findings(tmp_path: Path) -> None:
    (tmp_path / "a.kql").write_text(FIXABLE)
    code, out, err = run(["check", "--no-color", str(tmp_path / "a.kql")])
    assert code == 1
    assert out.startswith("error[C002] [*]: ")
    assert err == "Found 1 problem (1 error) in 1 file.\n[*] 1 fixable with the `--fix` option.\n"
    colored = run(["check", "--color", str(tmp_path / "a.kql")])[1]
    assert colored.startswith("\x1b[1;31merror[C002]\x1b[0m\x1b[1;32m [*]\x1b[0m\x1b[1m: ")


def test_unsafe_fixes_without_fix_shows_them_as_available(tree: Path) -> None:
    code, out, err = run(["check", "--no-color", "--unsafe-fixes", str(tree / "bad.csl")])
    assert code == 1
    assert out.startswith("error[S001] [*]: expected `policy`, found `polcy`\n")
    assert err == "Found 1 problem (1 error) in 1 file.\n[*] 1 fixable with the `--fix --unsafe-fixes` options.\n"
    _, out, _ = run(["check", "--output-format", "concise", "--unsafe-fixes", str(tree / "bad.csl")])
    assert out == f"{tree}/bad.csl:1:20: S001 [*] expected `policy`, found `polcy`\n"
    assert (tree / "bad.csl").read_text() == BAD  # still only a report


def test_summary_says_how_many_files_had_findings_of_how_many(tree: Path) -> None:
    (tree / "more.kql").write_text(BAD)
    err = run(["check", "--select", "S", str(tree)])[2]
    assert err.splitlines()[0] == "Found 2 problems (2 errors) in 2 of 3 files."
    err = run(["check", str(tree / "bad.csl"), str(tree / "more.kql")])[2]
    assert err.splitlines()[0] == "Found 2 problems (2 errors) in 2 files."


# ---- rule names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "codes"),
    [
        (["--select", "syntax-error"], ["S001"]),
        (["--select", "S,keyword-case"], ["S001"]),
        (["--ignore", "syntax-error"], []),
        (["--select", "missing-database-name", "--extend-select", "syntax-error"], ["S001"]),
    ],
)
def test_rule_names_work_where_codes_do(tree: Path, flags: list[str], codes: list[str]) -> None:
    _, out, _ = run(["check", "--output-format", "concise", *flags, str(tree)])
    assert [line.split()[1] for line in out.splitlines()] == codes


# ---- the pool starts only when it pays ------------------------------------------------------


def test_a_pool_starts_only_for_enough_text(tmp_path: Path) -> None:
    from kqllint.runner import POOL_MIN_BYTES, worth_a_pool

    small = [str(tmp_path / f"s{i}.kql") for i in range(20)]
    for path in small:
        Path(path).write_text(CLEAN)
    big = tmp_path / "big.kql"
    big.write_text(CLEAN * (POOL_MIN_BYTES // len(CLEAN) + 1))
    assert not worth_a_pool(small)
    assert worth_a_pool([*small, str(big)])
    assert not worth_a_pool([str(big)])  # one file: nothing to share out
    assert not worth_a_pool([str(tmp_path / "missing.kql"), "-"])
