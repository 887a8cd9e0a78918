"""Configuration files and flags through the CLI: which file wins, every key, and the errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kqllint.config import Config, ConfigError, clear_cache, load_config_for
from kqllint.diagnostic import Severity
from clirun import run_cli as run

WARN = ".alter database policy managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```\n"  # C001 at 1:8, a warning
C001 = "1:8: C001 `.alter database` without a database name"




def concise(*args: str) -> tuple[int, str, str]:
    return run(["check", "--output-format", "concise", *args])


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_pyproject_table_applies(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.kqllint]\nignore = ["C001"]\n')
    write(tmp_path / "a.kql", WARN)
    assert concise(str(tmp_path)) == (0, "", "All checks passed (1 file).\n")


def test_kqllint_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.kqllint]\nignore = ["C001"]\n')
    write(tmp_path / ".kqllint.toml", 'severity = { C001 = "error" }\n')
    write(tmp_path / "a.kql", WARN)
    code, out, err = concise(str(tmp_path / "a.kql"))
    assert (code, out, err) == (1, f"{tmp_path}/a.kql:{C001}\n", "Found 1 problem (1 error) in 1 file.\n")


def test_closest_file_wins_and_a_pyproject_without_the_table_does_not_stop_the_search(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", 'ignore = ["C001"]\n')
    write(tmp_path / "near" / ".kqllint.toml", 'fail-on = "error"\n')  # C001 selected again
    write(tmp_path / "plain" / "pyproject.toml", "[tool.black]\nline-length = 99\n")
    for folder in ("top", "near", "plain"):
        write(tmp_path / folder / "a.kql", WARN)
    code, out, err = concise(str(tmp_path))
    assert (code, out) == (0, f"{tmp_path}/near/a.kql:{C001}\n")  # fail-on error: a warning passes
    assert err == "Found 1 problem (1 warning) in 1 of 3 files.\n"


def test_config_flag_and_isolated(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", 'ignore = ["C"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'severity = { C001 = "error" }\n')
    script = write(tmp_path / "a.kql", WARN)
    assert concise(str(script))[0] == 0
    assert concise("--config", str(other), str(script))[:2] == (1, f"{script}:{C001}\n")
    assert concise("--isolated", str(script))[:2] == (1, f"{script}:{C001}\n")


def test_per_file_ignores_match_globs_from_the_config_folder(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", '[per-file-ignores]\n"legacy/*.kql" = ["C001"]\n"*.csl" = ["C"]\n')
    write(tmp_path / "legacy" / "a.kql", WARN)
    write(tmp_path / "new" / "b.kql", WARN)
    write(tmp_path / "new" / "c.csl", WARN)
    code, out, _ = concise(str(tmp_path))
    assert (code, out) == (1, f"{tmp_path}/new/b.kql:{C001}\n")


def test_select_extend_select_and_fail_on_keys(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", 'select = ["S"]\nextend-select = ["C001"]\nfail-on = "info"\n'
                                       'severity = { C001 = "info" }\n')  # fmt: skip
    write(tmp_path / "a.kql", WARN + "\n.SHOW database db policy managed_identity\n")  # C001, and C002 unselected
    code, out, err = concise(str(tmp_path))
    assert (code, out, err) == (1, f"{tmp_path}/a.kql:{C001}\n", "Found 1 problem (1 info) in 1 file.\n")


def test_exclude_and_extend_exclude(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", 'extend-exclude = ["generated", "*.csl"]\n')
    write(tmp_path / "generated" / "a.kql", WARN)
    write(tmp_path / "b.csl", WARN)
    write(tmp_path / ".venv" / "c.kql", WARN)  # excluded by default
    write(tmp_path / "d.kql", WARN)
    assert concise(str(tmp_path))[:2] == (1, f"{tmp_path}/d.kql:{C001}\n")
    # a file named on the command line is checked unless --force-exclude (as in ruff)
    assert concise(str(tmp_path / "b.csl"))[:2] == (1, f"{tmp_path}/b.csl:{C001}\n")
    assert concise("--force-exclude", str(tmp_path / "b.csl"), str(tmp_path / "d.kql"))[1] == f"{tmp_path}/d.kql:{C001}\n"


def test_exclude_replaces_the_defaults(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", 'exclude = ["skip"]\n')
    write(tmp_path / "skip" / "a.kql", WARN)
    write(tmp_path / ".venv" / "b.kql", WARN)
    assert concise(str(tmp_path))[:2] == (1, f"{tmp_path}/.venv/b.kql:{C001}\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["C"]', "unknown key `tool.kqllint.selct`; did you mean `select`?"),
        ('select = ["C0O1"]', "`tool.kqllint.select`: unknown rule code, prefix or name `C0O1`; did you mean `C001`?"),
        ('ignore = "C001"', "`tool.kqllint.ignore` must be a list of strings"),
        ('severity = { C001 = "fatal" }', "`tool.kqllint.severity.C001` must be one of info, warning, error, not 'fatal'"),
        ('severity = { C = "info" }', "`tool.kqllint.severity`: unknown rule code or name `C`"),
        ('fail-on = "warnings"', "`tool.kqllint.fail-on` must be one of info, warning, error, not 'warnings'; did you mean `warning`?"),
        ('per-file-ignores = { "*.kql" = ["X1"] }', '`tool.kqllint.per-file-ignores."*.kql"`: unknown rule code, prefix or name `X1`'),
        ('ignore = ["unknown-usages"]', "`tool.kqllint.ignore`: unknown rule code, prefix or name `unknown-usages`; did you mean `unknown-usage`?"),
        ("respect-gitignore = 1", "`tool.kqllint.respect-gitignore` must be `true` or `false`, not 1"),
        ("format = { indent-widht = 4 }", "unknown key `tool.kqllint.format.indent-widht`; did you mean `indent-width`?"),
        ("format = { indent-width = 0 }", "`tool.kqllint.format.indent-width` must be a whole number from 1 to 8"),
        ("select = [", "invalid TOML: "),
        ('context = "databse"', "`tool.kqllint.context` must be one of `cluster`, `database`, not 'databse'; did you mean `database`?"),
        ("context = true", "`tool.kqllint.context` must be one of `cluster`, `database`, not True"),
        ('per-file-context = { "db/*.kql" = "db" }', '`tool.kqllint.per-file-context."db/*.kql"` must be one of `cluster`, `database`, not \'db\''),
        ('per-file-context = ["db/*.kql"]', "`tool.kqllint.per-file-context` must be a table"),
        ('database = ""', "`tool.kqllint.database` must be a database name (1 to 1024 characters"),
        ('per-file-database = { "*.kql" = 3 }', '`tool.kqllint.per-file-database."*.kql"` must be a database name'),
    ],
)  # fmt: skip
def test_config_errors_exit_2_with_a_suggestion(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / "pyproject.toml", f"[tool.kqllint]\n{text}\n")
    write(tmp_path / "bad" / "a.kql", WARN)
    write(tmp_path / "bad" / "b.kql", WARN)
    other = write(tmp_path / "other" / ".kqllint.toml", "")  # its files are still checked
    write(other.parent / "c.kql", WARN)
    code, out, err = concise(str(tmp_path))
    assert code == 2
    assert out == f"{tmp_path}/other/c.kql:{C001}\n"
    assert err.startswith(f"error: {tmp_path}/pyproject.toml: {message}")
    assert err.count("error:") == 1 and "Traceback" not in err


def test_kqllint_toml_keys_are_top_level(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", "[tool.kqllint]\nignore = []\n")
    write(tmp_path / "a.kql", WARN)
    code, _, err = concise(str(tmp_path))
    assert code == 2
    assert err == (
        f"error: {tmp_path}/.kqllint.toml: `[tool.kqllint]` belongs in pyproject.toml; in .kqllint.toml the keys "
        "are top-level\n  = help: drop the `[tool.kqllint]` line, and write `[tool.kqllint.format]` (and the like) "
        "as `[format]`\n"
    )


def test_another_tool_table_in_kqllint_toml_is_an_unknown_key(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", "[tool.black]\nline-length = 99\n")
    write(tmp_path / "a.kql", WARN)
    assert concise(str(tmp_path)) == (2, "", f"error: {tmp_path}/.kqllint.toml: unknown key `tool`\n")


def test_missing_config_file(tmp_path: Path) -> None:
    write(tmp_path / "a.kql", WARN)
    code, out, err = concise("--config", str(tmp_path / "nope.toml"), str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {tmp_path}/nope.toml: no such configuration file\n")


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--select", "S"], ""),
        (["--select", "S,C001"], C001),
        (["--ignore", "C001"], ""),
        (["--extend-select", "C001"], C001),  # a flag wins over the file's `ignore`
    ],
)
def test_flags_mirror_the_keys(tmp_path: Path, flags: list[str], expected: str) -> None:
    write(tmp_path / ".kqllint.toml", 'ignore = ["C001"]\n' if "--extend-select" in flags else "")
    script = write(tmp_path / "a.kql", WARN)
    code, out, _ = concise(*flags, str(script))
    assert (code, out) == ((1, f"{script}:{expected}\n") if expected else (0, ""))


def test_unknown_code_in_a_flag_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = concise("--ignore", "C001,P01", "--select", "ZZ", str(write(tmp_path / "a.kql", WARN)))
    assert (code, out, err) == (2, "", "error: --select: unknown rule code, prefix or name `ZZ`\n")
    code, _, err = concise("--extend-select", "C0001", str(tmp_path))
    assert (code, err) == (2, "error: --extend-select: unknown rule code, prefix or name `C0001`; did you mean `C001`?\n")
    code, _, err = concise("--ignore", "missing-database", str(tmp_path))
    assert (code, err) == (
        2, "error: --ignore: unknown rule code, prefix or name `missing-database`; did you mean `missing-database-name`?\n"
    )  # fmt: skip


def test_load_config_for_api(tmp_path: Path) -> None:
    source = write(tmp_path / ".kqllint.toml", 'ignore = ["C001"]\n[format]\nindent-width = 4\n')
    config = load_config_for(tmp_path / "deep" / "a.kql")
    assert (config.ignore, config.format_indent_width, config.source, config.root) == (("C001",), 4, source, tmp_path)
    assert load_config_for(tmp_path / "deep" / "b.kql") is config  # cached per folder
    assert load_config_for(tmp_path / "a.kql", isolated=True) == Config()
    write(tmp_path / "broken.toml", "nope = 1\n")
    with pytest.raises(ConfigError, match="unknown key `nope`"):
        load_config_for(tmp_path / "a.kql", config_file=tmp_path / "broken.toml")
    assert Config(severity={"C001": Severity.INFO}).severity_of("C001", Severity.WARNING) is Severity.INFO


def test_undecodable_config_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"\xff\xfe[tool.kqllint]\n")
    write(tmp_path / "a.kql", WARN)
    code, out, err = concise(str(tmp_path / "a.kql"))
    assert (code, out) == (2, "")
    assert err == (f"error: {tmp_path}/pyproject.toml: invalid TOML: 'utf-8' codec can't decode byte 0xff "
                   "in position 0: invalid start byte\n")  # fmt: skip


def test_format_takes_the_indent_width_and_exclude_from_the_config(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", 'extend-exclude = ["skip"]\n[format]\nindent-width = 4\n')
    messy = '.alter database db policy managed_identity ```[{"ObjectId":"system","AllowedUsages":"All"}]```\n'
    script = write(tmp_path / "a.kql", messy)
    skipped = write(tmp_path / "skip" / "b.kql", messy)
    code, out, err = run(["format", str(tmp_path)])
    assert (code, out, err) == (0, "", "1 file reformatted.\n")
    assert script.read_text() == (
        ".alter database db policy managed_identity ```\n[\n    {\n"
        '        "ObjectId": "system",\n        "AllowedUsages": "All"\n    }\n]\n```\n'
    )
    assert skipped.read_text() == messy
    code, _, _ = run(["format", "--isolated", "--check", str(script)])
    assert code == 1  # two spaces without the configuration


def test_rule_names_in_the_configuration(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", (
        'select = ["missing-database-name", "P"]\nextend-select = ["keyword-case"]\n'
        '[severity]\nmissing-database-name = "info"\n'
        '[per-file-ignores]\n"legacy/*.kql" = ["missing-database-name"]\n'
    ))  # fmt: skip
    write(tmp_path / "a.kql", WARN)
    write(tmp_path / "legacy" / "b.kql", WARN)
    assert concise(str(tmp_path)) == (0, f"{tmp_path}/a.kql:{C001}\n", "Found 1 problem (1 info) in 1 of 2 files.\n")


def test_exclude_and_extend_exclude_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / ".kqllint.toml", 'extend-exclude = ["gen"]\n')
    for name in ("a.kql", "gen/b.kql", "old/c.kql", "old/keep/d.kql", ".venv/e.kql"):
        write(tmp_path / name, WARN)
    monkeypatch.chdir(tmp_path)

    def files(*flags: str) -> list[str]:
        code, out, err = run(["check", "--show-files", *flags, "."])
        assert (code, err) == (0, "")
        return out.splitlines()

    assert files() == ["./a.kql", "./old/c.kql", "./old/keep/d.kql"]
    assert files("--extend-exclude", "old/keep,*.nope") == ["./a.kql", "./old/c.kql"]  # from the current folder
    assert files("--exclude", "old") == ["./.venv/e.kql", "./a.kql"]  # replaces `exclude`, keeps `extend-exclude`
    assert files("--exclude", "keep/", "--extend-exclude", "a.kql") == ["./.venv/e.kql", "./old/c.kql"]
    assert run(["check", "--show-files", "--exclude", "a.kql", "a.kql"])[1] == "a.kql\n"  # named: checked
    assert run(["check", "--show-files", "--force-exclude", "--exclude", "a.kql", "a.kql"])[1] == ""


def test_show_settings(tmp_path: Path) -> None:
    source = write(tmp_path / ".kqllint.toml", (
        'select = ["C"]\nignore = ["C003"]\nfail-on = "error"\ncontext = "database"\n[severity]\nC001 = "info"\n'
        '[per-file-ignores]\n"*.kql" = ["C002"]\n[per-file-context]\n"ops/*.kql" = "cluster"\n'
        '[per-file-database]\n"a.kql" = "Sales"\n[format]\nindent-width = 4\n'
    ))  # fmt: skip
    script = write(tmp_path / "a.kql", WARN)
    code, out, err = run(["check", "--show-settings", "--extend-select", "M001", str(tmp_path)])
    assert (code, err) == (0, "")
    assert out == (
        f"# Resolved settings for: {script}\n"
        f"# Settings path: {source}\n"
        'select = ["C"]\n'
        'ignore = ["C003"]\n'
        'extend-select = ["M001"]\n'
        'fail-on = "error"\n'
        'exclude = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"]\n'
        "extend-exclude = []\n"
        "respect-gitignore = true\n"
        'context = "database"\n'
        "# database: not set\n"
        "# this file's context, unless a `// kqllint: context=...` comment in it says otherwise: database, "
        "deployed to database `Sales`\n"
        "# the rules that run on this file:\n"
        "# C001 C004 C005 C006 C007 M001\n"
        "\n[per-file-ignores]\n"
        '"*.kql" = ["C002"]\n'
        "\n[per-file-context]\n"
        '"ops/*.kql" = "cluster"\n'
        "\n[per-file-database]\n"
        '"a.kql" = "Sales"\n'
        "\n[severity]\n"
        'C001 = "info"\n'
        "\n[format]\n"
        "indent-width = 4\n"
    )
    assert run(["check", "--show-settings", "--isolated", str(script)])[1].splitlines()[1] == "# Settings path: none (the defaults)"


# ---- where a script runs: `context`, `database` and the `// kqllint: context` comment ----

CLUSTER_CMD = '.alter-merge cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
OTHER_DB = '.alter-merge database Sales_dev policy retention ```{"SoftDeletePeriod": "30.00:00:00"}```\n'
C005 = "1:1: C005 cluster-level command in a file that runs in a database context"
C007 = "1:23: C007 `.alter-merge database Sales_dev` in a script deployed to database `Sales`"


def test_context_key_and_per_file_globs_as_per_file_ignores_match_them(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", (
        'context = "database"\n'
        '[per-file-context]\n"ops/*.kql" = "cluster"\n"ops/db_*.kql" = "database"\n'
    ))  # fmt: skip
    for name in ("a.kql", "ops/b.kql", "ops/db_c.kql"):
        write(tmp_path / name, CLUSTER_CMD)
    code, out, _ = concise(str(tmp_path))  # the last matching glob wins over earlier ones and the key
    assert (code, out) == (1, f"{tmp_path}/a.kql:{C005}\n{tmp_path}/ops/db_c.kql:{C005}\n")


def test_no_context_means_no_guess(tmp_path: Path) -> None:
    write(tmp_path / "a.kql", CLUSTER_CMD + "\n" + OTHER_DB)
    write(tmp_path / ".kqllint.toml", 'database = "Sales"\n')  # a database without a context: not used
    assert concise(str(tmp_path))[:2] == (0, "")


def test_the_directive_wins_over_the_config(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", 'context = "cluster"\n[per-file-context]\n"b.kql" = "database"\n')
    write(tmp_path / "a.kql", "// kqllint: context=database\n" + CLUSTER_CMD)
    write(tmp_path / "b.kql", "// kqllint: context=cluster\n" + CLUSTER_CMD)
    code, out, _ = concise(str(tmp_path))
    assert (code, out) == (1, f"{tmp_path}/a.kql:2:1: C005 cluster-level command in a file that runs in a database context\n")


def test_database_key_and_per_file_database(tmp_path: Path) -> None:
    write(tmp_path / ".kqllint.toml", (
        'context = "database"\ndatabase = "Sales"\n[per-file-database]\n"dev/*.kql" = "sales_DEV"\n'
    ))  # fmt: skip
    write(tmp_path / "prod.kql", OTHER_DB)
    write(tmp_path / "dev" / "a.kql", OTHER_DB)  # names its own target, in another case: not reported
    code, out, _ = concise(str(tmp_path))
    assert (code, out) == (1, f"{tmp_path}/prod.kql:{C007}\n")


def test_context_in_the_api_config() -> None:
    from kqllint import lint_text

    config = Config(context="database", per_file_context={"ops/*.kql": "cluster"}, database="Sales")
    assert [d.code for d in lint_text(CLUSTER_CMD + "\n" + OTHER_DB, "deploy/a.kql", config)] == ["C005", "C007"]
    assert lint_text(CLUSTER_CMD, "ops/a.kql", config) == []
    assert lint_text(CLUSTER_CMD, None, Config()) == []
