"""The pre-commit hooks, run by the real `pre-commit try-repo` from a throw-away git repository.

pre-commit builds a virtualenv and pip-installs this repository into it (from PyPI: network),
so every hook run here shares one module-scoped `PRE_COMMIT_HOME`, and the runs are few.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOOD = ".show database db policy managed_identity\n"
BAD = ".alter database db polcy managed_identity ```[]```\n"
MESSY = (
    "// identities for ingestion\n"
    ".alter-merge   database ['Sales-DB']  policy managed_identity \"[ { 'ObjectId' : "
    "'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb', 'AllowedUsages' : 'NativeIngestion,ExternalTable' }]\"\n"
)
FORMATTED = (
    "// identities for ingestion\n"
    ".alter-merge database ['Sales-DB'] policy managed_identity ```\n"
    "[\n"
    "  {\n"
    '    "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",\n'
    '    "AllowedUsages": "NativeIngestion, ExternalTable"\n'
    "  }\n"
    "]\n"
    "```\n"
)


@dataclass(frozen=True)
class Project:
    root: Path
    env: dict[str, str]

    def try_repo(self, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), hook, "--color", "never", "--files", *files]
        return subprocess.run(command, cwd=self.root, env=self.env, capture_output=True, text=True, timeout=900)


def _git(root: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    base = tmp_path_factory.mktemp("pre-commit")
    root = base / "scripts-repo"
    root.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "home"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    env.pop("PRE_COMMIT", None)
    (root / "good.kql").write_text(GOOD)
    (root / "bad.csl").write_text(BAD)
    (root / "messy.kusto").write_text(MESSY)
    (root / "notes.txt").write_text(BAD)  # not a Kusto script: the hooks never see it
    _git(root, env, "init", "-q")
    _git(root, env, "add", ".")
    _git(root, env, "commit", "-q", "-m", "scripts")
    return Project(root, env)


def test_check_hook_passes_a_good_script_and_fails_a_bad_one(project: Project) -> None:
    good = project.try_repo("kqllint", "good.kql", "notes.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "kqllint check" in good.stdout and "Passed" in good.stdout
    bad = project.try_repo("kqllint", "bad.csl", "good.kql", "notes.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "kqllint check" in bad.stdout and "Failed" in bad.stdout
    assert "error[S001]: expected `policy`, found `polcy`\n --> bad.csl:1:20" in bad.stdout
    assert "notes.txt" not in bad.stdout.split("Failed", 1)[1]


def test_format_hook_rewrites_a_messy_script(project: Project) -> None:
    result = project.try_repo("kqllint-format", "messy.kusto", "good.kql")
    assert result.returncode == 1, result.stdout + result.stderr  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in result.stdout
    assert (project.root / "messy.kusto").read_text() == FORMATTED
    assert (project.root / "good.kql").read_text() == GOOD
