"""The command line: parse options, call the pure core, render, pick the exit code."""

from __future__ import annotations

import sys

import click

from kqllint import __version__
from kqllint.diagnostic import Severity

_LEVELS = [s.value for s in Severity]


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kqllint")
def main() -> None:
    """Lint and format Kusto control commands (the ManagedIdentity policy family)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output-format", type=click.Choice(["full", "concise", "json"]), default="full", show_default=True)
@click.option("--stdin-filename", help="The name to report for `-` (standard input).")
@click.option("--fail-on", type=click.Choice(_LEVELS), default="warning", show_default=True,
              help="The lowest severity that makes the exit code 1.")
@click.option("--select", multiple=True, help="Only these codes or code prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Not these codes or code prefixes.")
@click.option("--extend-select", multiple=True, help="These codes in addition to the selected ones.")
@click.option("--color/--no-color", default=None, help="Colour the full output (default: when a terminal).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes, in place; report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, apply the unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff; write nothing.")
def check(paths: tuple[str, ...], output_format: str, stdin_filename: str | None, fail_on: str,
          select: tuple[str, ...], ignore: tuple[str, ...], extend_select: tuple[str, ...],
          color: bool | None, fix: bool, unsafe_fixes: bool, diff: bool) -> None:  # fmt: skip
    """Check Kusto scripts (files, directories, or - for stdin)."""
    from kqllint.config import Config
    from kqllint.format_runner import FixMode
    from kqllint.runner import check_paths

    config = Config(select=_codes(select), ignore=_codes(ignore), extend_select=_codes(extend_select),
                    fail_on=Severity(fail_on))  # fmt: skip
    color = sys.stdout.isatty() if color is None else color
    fix_mode = FixMode(unsafe=unsafe_fixes, diff=diff) if fix or diff else None
    code = check_paths(list(paths) or ["."], config, output_format, stdin_filename, color, fix_mode)
    sys.exit(code)


@main.command("format")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and list the files that would change.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the changes; write nothing.")
@click.option("--stdin-filename", help="The name to report for `-` (standard input).")
def format_command(paths: tuple[str, ...], check: bool, diff: bool, stdin_filename: str | None) -> None:
    """Format Kusto scripts in place (files, directories, or - for stdin to stdout)."""
    from kqllint.format_runner import format_paths

    sys.exit(format_paths(list(paths) or ["."], check, diff, stdin_filename))


@main.command()
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule.")
def rule(code: str | None, show_all: bool) -> None:
    """Explain rule CODE, or list them all."""
    from kqllint.rules import RULES, RULES_BY_CODE

    if show_all:
        for r in RULES:
            fix = "fix" if r.fixable else "   "
            click.echo(f"{r.code}  {r.severity.value:<7}  {fix}  {r.name:<34} {r.summary}")
        return
    if not code:
        raise click.UsageError("give a rule code, or --all")
    found = RULES_BY_CODE.get(code.upper()) or next((r for r in RULES if r.name == code), None)
    if found is None:
        raise click.UsageError(f"unknown rule `{code}`; `kqllint rule --all` lists them")
    click.echo(f"# {found.name} ({found.code})\n\nDefault severity: {found.severity.value}. "
               f"Fix: {'available' if found.fixable else 'none'}.\n\n{found.summary}\n\n{found.doc}")  # fmt: skip


@main.command()
@click.option("--stdio", is_flag=True, help="Talk LSP on stdin/stdout (the default and only transport).")
def server(stdio: bool) -> None:
    """Run the language server (LSP) on stdin/stdout, for editors."""
    import importlib.util

    if not all(importlib.util.find_spec(m) for m in ("pygls", "lsprotocol")):
        click.echo("error: `kqllint server` needs the lsp extra: pip install 'kqllint[lsp]'", err=True)
        sys.exit(2)
    from kqllint.lsp.server import serve

    serve()


def run() -> None:
    """Entry point that ends quietly when stdout is closed early (`kqllint check | head -1`)."""
    try:
        main()
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
