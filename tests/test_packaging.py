"""The set-up files agree: the README's commands, `.ci/run`, the lowest pins, the licence."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def quick_start() -> list[str]:
    """The shell commands of the README's quick start, in order."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_the_quick_start_is_a_venv_then_two_commands() -> None:
    venv, install, tests = quick_start()
    assert venv == "python3 -m venv .venv && . .venv/bin/activate"
    assert install == "python3 -m pip install . && kqllint check examples/"
    assert tests.startswith("python3 -m pip install -e '.[test]' && python3 -m pytest")


def test_ci_runs_the_readme_test_command_verbatim_in_a_venv() -> None:
    *_, tests = quick_start()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines()]
    assert tests in lines, f"`.ci/run` must run the README's test command as written: {tests}"
    assert lines.index('. "$work/venv/bin/activate"') < lines.index(tests), "…inside the fresh venv"


def test_the_lowest_pins_are_the_lower_bounds_of_the_dependencies() -> None:
    bounds = {}
    for requirement in PYPROJECT["project"]["dependencies"]:
        found = re.fullmatch(r"([a-z]+)>=([\d.]+)(;.*)?", requirement)
        assert found, f"a dependency without a lower bound: {requirement}"
        if not found.group(3):
            bounds[found.group(1)] = found.group(2)
    lines = (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines()
    pins = dict(line.split("==") for line in lines if line and not line.startswith("#"))
    assert pins.keys() == bounds.keys() == {"lark", "click", "pygments"}
    for name, bound in bounds.items():
        # `pygments>=2.17` allows 2.17.0 and no lower: the pin is the bound, padded with zeros.
        assert pins[name].split(".")[: len(bound.split("."))] == bound.split("."), (name, pins[name], bound)
        assert set(pins[name].split(".")[len(bound.split(".")) :]) <= {"0"}, (name, pins[name], bound)


def test_the_licence_file_is_the_one_pyproject_names() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) ")
    assert "Permission is hereby granted, free of charge" in licence


def test_the_docs_show_how_to_install_without_an_index_and_how_to_release() -> None:
    assert "pip install 'kqllint[lsp] @ git+https://github.com/kqllint/kqllint'" in README
    assert "python3 -m pip install '.[lsp]'" in README
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## Release checklist" in contributing and "git tag -a vX.Y.Z" in contributing
    assert "twine check --strict" in contributing
