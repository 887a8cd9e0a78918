"""The built wheel carries the grammar, installs into a fresh venv and runs from there."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    (built,) = out.glob("kqllint-*.whl")
    return built


def test_wheel_ships_the_grammar(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "kqllint/grammar/command.lark" in names
    assert "kqllint/grammar/script.lark" in names


def test_installed_wheel_checks_an_example(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # System site-packages give the venv lark/click/pygments without the network; the venv's
    # own site-packages come first, so `kqllint` below is the wheel's, not the checkout's.
    venv.create(env_dir, with_pip=True, system_site_packages=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "--quiet", wheel], check=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    where = subprocess.run(
        [python, "-c", "import kqllint, kqllint.grammar as g; print(kqllint.__file__); print(g.grammar_dir())"],
        cwd=tmp_path, env=env, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert all(str(env_dir) in w for w in where), where
    package = Path(where[0]).parent
    before = sorted(p.relative_to(package) for p in package.rglob("*") if "__pycache__" not in p.parts)
    result = subprocess.run(
        [env_dir / "bin" / "kqllint", "check", "--output-format", "concise", ROOT / "examples" / "bad.kql"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert ": S001 expected `policy`, found `polcy`" in result.stdout
    after = sorted(p.relative_to(package) for p in package.rglob("*") if "__pycache__" not in p.parts)
    assert after == before, "running kqllint wrote files into the installed package"
