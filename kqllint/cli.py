"""The command line: parse options, call the pure core, render, pick the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kqllint import __version__
from kqllint.diagnostic import Severity
from kqllint.output import FORMATS

_LEVELS = [s.value for s in Severity]
_VERBOSE = "kqllint.verbose"  # `ctx.meta` key: `--verbose` was given
_FORMAT_HELP = ("How to report the findings: `full` (source snippet and `help:`), `concise` (one line each), "
                "`json`, `github` (Actions annotations) or `sarif`.")  # fmt: skip


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


class _Main(click.Group):
    """The `kqllint` group: an exception that escapes a command is a bug, reported as one (exit 2)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, BrokenPipeError):
            raise
        except Exception as exc:
            from kqllint.crash import crash_message

            command = ctx.invoked_subcommand or "starting"
            message = crash_message(f"running `kqllint {command}`", exc, bool(ctx.meta.get(_VERBOSE)))
            click.echo(f"error: {message}", err=True)
            sys.exit(2)


@click.group(cls=_Main, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kqllint")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Lint and format Kusto control-command scripts: every policy command, checked against its kind."""
    if ctx.invoked_subcommand is None:  # plain `kqllint`: the help, as a successful answer
        click.echo(ctx.get_help())


def _verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    ctx.meta[_VERBOSE] = value  # for `_Main.invoke`, which sees the group's context only
    return value


def _run_options(command):  # type: ignore[no-untyped-def]
    """`--jobs`, `--quiet` and `--verbose`, shared by `check` and `format`."""
    for option in reversed([
        click.option("--quiet", "-q", is_flag=True, help="Print the report only: no summary."),
        click.option("--jobs", "-j", type=click.IntRange(min=1),
                     help="Worker processes [default: one per core, when there is enough to do]."),
        click.option("--verbose", "-v", is_flag=True, callback=_verbose,
                     help="Show the traceback of an internal error (as KQLLINT_DEBUG=1 does)."),
    ]):  # fmt: skip
        command = option(command)
    return command


def _selection_options(command):  # type: ignore[no-untyped-def]
    """The configuration and file-selection flags, shared by `check` and `format`."""
    for option in reversed([
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this configuration file (pyproject.toml or .kqllint.toml)."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--exclude", multiple=True, metavar="PATTERN",
                     help="Skip files and folders matching these globs (comma-separated); replaces `exclude`."),
        click.option("--extend-exclude", multiple=True, metavar="PATTERN",
                     help="Skip these too, besides `exclude` (comma-separated)."),
        click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                     help="Skip the files `.gitignore` ignores, in a directory walk [default: respect]."),
        click.option("--force-exclude", is_flag=True, help="Apply `exclude` to files named on the command line too."),
    ]):  # fmt: skip
        command = option(command)
    return command


def _settings(params: dict, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
              extend_select: tuple[str, ...] = (), fail_on: str | None = None, identities: tuple[str, ...] = ()):  # fmt: skip
    """The run's `Settings`, or exit 2 with a message when a flag names an unknown rule or a bad file."""
    from kqllint.config import ConfigError, Overrides
    from kqllint.settings import Settings

    try:
        overrides = Overrides(
            select=_checked(select, "--select") if select else None,
            ignore=_checked(ignore, "--ignore"),
            extend_select=_checked(extend_select, "--extend-select"),
            fail_on=Severity(fail_on) if fail_on else None,
            identities=_identities(identities),
            exclude=_codes(params["exclude"]) if params["exclude"] else None,
            extend_exclude=_codes(params["extend_exclude"]),
            respect_gitignore=params["respect_gitignore"],
        )
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    return Settings(overrides, params["config_file"], params["isolated"], params["force_exclude"])


def _checked(values: tuple[str, ...], flag: str) -> tuple[str, ...]:
    """The rule codes `flag` names; a `ConfigError` for an unknown one.

    Checking imports the rule registry: only when the flag is given, so that a plain `check`
    imports only the rules it runs.
    """
    if not values:
        return ()
    from kqllint.config_keys import check_codes

    return check_codes(_codes(values), flag)


def _identities(files: tuple[str, ...]) -> object | None:
    """The identities of `--identities FILE`s, None without any; a bad file is a `ConfigError`.

    The identity reader (and `json`) is imported only when files are given: start-up stays small.
    """
    if not files:
        return None
    from kqllint.config import ConfigError
    from kqllint.identities import IdentityError, load_identities

    try:
        return load_identities(files)
    except IdentityError as exc:
        raise ConfigError(str(exc)) from None


def _use_color(flag: bool | None) -> bool:
    """`--color`/`--no-color`, else `NO_COLOR` (any value: no colour), else `FORCE_COLOR`, else a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


@main.command(short_help="Check Kusto scripts for problems.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output-format", type=click.Choice(FORMATS), default="full", show_default=True, help=_FORMAT_HELP)
@click.option("--output-file", "-o", help="Write the report to this file instead of stdout.")
@click.option("--stdin-filename", help="The name to report for `-` (standard input).")
@click.option("--fail-on", type=click.Choice(_LEVELS), help="The lowest severity that makes the exit code 1 [default: warning].")
@click.option("--select", multiple=True, help="Only these rules: codes, code prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, help="Not these rules: codes, code prefixes or names.")
@click.option("--extend-select", multiple=True, help="These rules in addition to the selected ones.")
@click.option("--identities", "identity_files", multiple=True, metavar="FILE",
              help="Check ObjectIds against `az kusto cluster show`/`az identity` output or a list of object IDs.")
@_selection_options
@click.option("--statistics", is_flag=True, help="Count the findings of each rule instead of listing them.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--color/--no-color", default=None,
              help="Colour the full output [default: on a terminal, unless NO_COLOR is set, or if FORCE_COLOR is].")
@click.option("--fix", is_flag=True, help="Apply the safe fixes, in place; report what remains.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Count the unsafe fixes as fixable too: with --fix or --diff, apply them.")
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff; write nothing.")
@click.option("--show-files", is_flag=True, help="List the files that would be checked, and stop.")
@click.option("--show-settings", is_flag=True, help="Show the settings the first file is checked with, and stop.")
@_run_options
def check(paths: tuple[str, ...], output_format: str, output_file: str | None, stdin_filename: str | None,
          fail_on: str | None, select: tuple[str, ...], ignore: tuple[str, ...], extend_select: tuple[str, ...],
          identity_files: tuple[str, ...], statistics: bool, exit_zero: bool, color: bool | None, fix: bool,
          unsafe_fixes: bool, diff: bool, show_files: bool, show_settings: bool, quiet: bool, jobs: int | None,
          verbose: bool, **selection: object) -> None:  # fmt: skip
    """Check Kusto scripts (files, directories, or - for stdin) and report the problems found."""
    from kqllint.runner import CheckOptions, check_paths

    settings = _settings(selection, select, ignore, extend_select, fail_on, identity_files)
    if show_files or show_settings:
        from kqllint.show import show_files as files, show_settings as shown

        sys.exit((files if show_files else shown)(list(paths) or ["."], settings, stdin_filename))
    if fix or diff:  # the fix machinery (formatter, writer) is not loaded for a plain check
        from kqllint.format_runner import FixMode
    options = CheckOptions(
        settings=settings, output_format=output_format, stdin_filename=stdin_filename, color=_use_color(color),
        fix=FixMode(unsafe=unsafe_fixes, diff=diff) if fix or diff else None, output_file=output_file,
        statistics=statistics, exit_zero=exit_zero, quiet=quiet, jobs=jobs, unsafe_fixes=unsafe_fixes, verbose=verbose,
    )  # fmt: skip
    sys.exit(check_paths(list(paths) or ["."], options))


@main.command("format", short_help="Format Kusto scripts in place.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and list the files that would change.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the changes; write nothing.")
@click.option("--stdin-filename", help="The name to report for `-` (standard input).")
@_selection_options
@_run_options
def format_command(paths: tuple[str, ...], check: bool, diff: bool, stdin_filename: str | None, quiet: bool,
                   jobs: int | None, verbose: bool, **selection: object) -> None:  # fmt: skip
    """Format Kusto scripts in place (files, directories, or - for stdin to stdout)."""
    from kqllint.format_runner import FormatRun, format_paths

    run = FormatRun(check=check, diff=diff, stdin_filename=stdin_filename, settings=_settings(selection),
                    quiet=quiet, jobs=jobs, verbose=verbose)  # fmt: skip
    sys.exit(format_paths(list(paths) or ["."], run))


@main.command(short_help="Explain a rule, or list them all.")
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rule(code: str | None, show_all: bool, output_format: str) -> None:
    """Explain rule CODE (or name), or list them all."""
    import json

    from kqllint.docs import rule_markdown, rule_url
    from kqllint.rules import RULES, RULES_BY_CODE

    def record(r, doc: bool):  # type: ignore[no-untyped-def]
        item = {"code": r.code, "name": r.name, "severity": r.severity.value, "fixable": r.fixable,
                "summary": r.summary, "url": rule_url(r.code)}  # fmt: skip
        return {**item, "doc": rule_markdown(r)} if doc else item

    if show_all:
        if output_format == "json":
            click.echo(json.dumps([record(r, False) for r in RULES], indent=2))
            return
        for r in RULES:
            click.echo(f"{r.code}  {r.severity.value:<7}  {'fix' if r.fixable else '   '}  {r.name:<34} {r.summary}")
        return
    if not code:
        raise click.UsageError("give a rule code, or --all")
    from kqllint.config import RENAMED

    renamed = RENAMED.get(code.upper()) or RENAMED.get(code)
    found = RULES_BY_CODE.get(renamed or code.upper()) or next((r for r in RULES if r.name == code), None)
    if renamed and found is not None and output_format == "text":
        click.echo(f"`{code}` is now `{found.code}` ({found.name}): its check applies to every policy kind.\n")
    if found is None:
        from kqllint.suggest import did_you_mean

        near = did_you_mean(code, [*RULES_BY_CODE, *(r.name for r in RULES)])
        hint = f"; did you mean `{near}`?" if near else "; `kqllint rule --all` lists them"
        raise click.UsageError(f"unknown rule `{code}`{hint}")
    if output_format == "json":
        click.echo(json.dumps(record(found, True), indent=2))
    else:
        click.echo(rule_markdown(found), nl=False)


@main.command(short_help="Run the language server (LSP), for editors.")
@click.option("--stdio", is_flag=True, help="Talk LSP on stdin/stdout (the default and only transport).")
def server(stdio: bool) -> None:
    """Run the language server (LSP) on stdin/stdout, for editors."""
    import importlib.util

    if not all(importlib.util.find_spec(m) for m in ("pygls", "lsprotocol")):
        click.echo(
            "error: `kqllint server` needs the lsp extra\n"
            "help: from a clone, `python3 -m pip install '.[lsp]'`; from git, "
            "`python3 -m pip install 'kqllint[lsp] @ git+https://github.com/kqllint/kqllint'`",
            err=True,
        )
        sys.exit(2)
    from kqllint.lsp.server import serve

    serve()


def run() -> None:
    """Entry point that ends quietly when stdout is closed early (`kqllint check | head -1`)."""
    # lark imports the third-party `regex` module when it is installed, only to offer it as an
    # option kqllint never uses: 16 ms of a 150 ms start-up budget. The CLI process is ours, so
    # lark gets the standard `re` here; the library API leaves the interpreter alone.
    sys.modules.setdefault("regex", None)  # type: ignore[arg-type]
    try:
        main()
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
