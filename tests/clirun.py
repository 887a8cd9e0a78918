"""Run the CLI in-process for tests: exit code, stdout and stderr, never a swallowed traceback."""

from __future__ import annotations

from click.testing import CliRunner

from kqllint.cli import main


def run_cli(args: list[str], input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=input)
    # An exception other than SystemExit is a crash: fail with it rather than read an exit code.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr
