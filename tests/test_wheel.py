"""The built packages: the wheel carries the grammar and the licence, and installs into a fresh
venv and runs from there, whichever environment this suite's dependencies live in."""

from __future__ import annotations

import importlib.util
import os
import select
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from once import once_per_session

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "examples" / "bad.kql"
RUNTIME = ["lark", "click", "pygments"] + (["tomli"] if sys.version_info < (3, 11) else [])
# The venv's own Python, untouched by how this suite was started (PYTHONPATH would put the
# checkout before the installed wheel).
ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}, "PYTHONDONTWRITEBYTECODE": "1"}


def _build(out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return once_per_session(tmp_path_factory, "dist", _build)


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (built,) = dist.glob("kqllint-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; lark, click and pygments are this interpreter's own.

    They are found where they are (the base interpreter, a venv, the user site) and handed to the
    venv with a `.pth` file, so no network is needed and no other package of this environment,
    such as an editable kqllint, is installed in the venv: a `.pth` line adds a folder to
    `sys.path` after the venv's own site-packages and runs no `.pth` file inside it.
    """
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=False)  # this interpreter's pip installs into it: no ensurepip
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        env=ENV, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    folders = set()
    for name in RUNTIME:
        spec = importlib.util.find_spec(name)
        assert spec and spec.origin, f"{name} is not importable here"
        folders.add(str(Path(spec.origin).parent.parent))
    (Path(site) / "kqllint_test_dependencies.pth").write_text("".join(f"{f}\n" for f in sorted(folders)))
    # --ignore-installed: a kqllint beside the dependencies (`pip install .`) must not count.
    install = ["install", "--no-deps", "--no-compile", "--ignore-installed", "--quiet", str(wheel)]
    subprocess.run([sys.executable, "-m", "pip", "--python", python, *install], env=ENV, check=True)
    return env_dir


def test_wheel_ships_the_grammar_and_the_licence(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "kqllint/grammar/command.lark" in names
    assert "kqllint/grammar/script.lark" in names
    assert zipfile.ZipFile(wheel).read("kqllint-0.1.0.dist-info/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()


def test_wheel_metadata_is_complete_for_an_index(wheel: Path) -> None:
    meta = Parser().parsestr(zipfile.ZipFile(wheel).read("kqllint-0.1.0.dist-info/METADATA").decode())
    assert (meta["Name"], meta["License-Expression"], meta["License-File"]) == ("kqllint", "MIT", "LICENSE")
    assert meta["Summary"] and meta["Author"] and meta["Keywords"] and meta["Requires-Python"] == ">=3.10"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert meta.get_payload().startswith("# kqllint\n"), "the README is the long description"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Homepage", "Documentation", "Issues", "Source"} <= urls.keys()
    classifiers = meta.get_all("Classifier")
    assert "Programming Language :: Python :: 3.10" in classifiers
    requires = meta.get_all("Requires-Dist")
    assert "pygments>=2.17" in requires, "kqllint.lexer imports pygments.lexers.kusto, new in Pygments 2.17"


def test_sdist_carries_what_a_build_and_the_tests_need(dist: Path) -> None:
    (sdist,) = dist.glob("kqllint-*.tar.gz")
    names = {n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n}
    assert {"LICENSE", "README.md", "pyproject.toml", "grammar/command.lark", "examples/bad.kql"} <= names
    assert {"tests/test_wheel.py", "tests/once.py", ".pre-commit-hooks.yaml"} <= names


def test_installed_wheel_checks_an_example(installed: Path, tmp_path: Path) -> None:
    python = installed / "bin" / "python"
    where = subprocess.run(
        [python, "-c", "import kqllint, kqllint.grammar as g; print(kqllint.__file__); print(g.grammar_dir())"],
        cwd=tmp_path, env=ENV, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert all(str(installed) in w for w in where), where
    package = Path(where[0]).parent
    before = sorted(p.relative_to(package) for p in package.rglob("*") if "__pycache__" not in p.parts)
    result = subprocess.run(
        [installed / "bin" / "kqllint", "check", "--output-format", "concise", BAD],
        cwd=tmp_path, env=ENV, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert ": S001 expected `policy`, found `polcy`" in result.stdout
    after = sorted(p.relative_to(package) for p in package.rglob("*") if "__pycache__" not in p.parts)
    assert after == before, "running kqllint wrote files into the installed package"


def _on_a_terminal(command: list[str | Path], cwd: Path, limit: float = 60) -> tuple[int, bytes, str]:
    """Run `command` with its stdout on a pseudo-terminal: exit code, what it showed, stderr."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    shown, deadline = b"", time.monotonic() + limit
    try:
        while select.select([leader], [], [], max(0.0, deadline - time.monotonic()))[0]:
            try:
                chunk = os.read(leader, 65_536)
            except OSError:  # EIO: every end of the terminal is closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert process.stderr is not None
    err = process.stderr.read().decode()
    return process.wait(timeout=max(1.0, deadline - time.monotonic())), shown, err


def test_check_on_a_terminal_colours_the_report(installed: Path, tmp_path: Path) -> None:
    """The colours come from pygments (`pygments.lexers.kusto`, which Pygments 2.16 lacks)."""
    code, shown, err = _on_a_terminal([installed / "bin" / "kqllint", "check", BAD], tmp_path)
    assert "Traceback" not in err and "bug in kqllint" not in err, err
    assert code == 1, err
    assert b"\x1b[" in shown and b"unknown usage" in shown
    # The source line is highlighted by the lexer: a keyword, a JSON key, a fence, each coloured.
    for token in (b"alter-merge", b'"ObjectId"', b"```"):
        assert b"m" + token + b"\x1b[39;49;00m" in shown, token
