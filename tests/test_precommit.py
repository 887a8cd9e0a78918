"""The pre-commit hooks, run by the real pre-commit from the configuration the README shows.

The README's snippet (`rev: main`, then `pre-commit autoupdate`) is run as written against a
git repository made of this working tree, with the GitHub URL swapped for its path. pre-commit
builds a virtualenv and pip-installs kqllint into it (network: the build backend and the
dependencies), so that environment is built once per test session and shared by the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from once import once_per_session

REPO = Path(__file__).resolve().parents[1]
URL = "https://github.com/kqllint/kqllint"
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


ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # fmt: skip
ENV.pop("PRE_COMMIT", None)


def readme_snippet() -> str:
    """The `.pre-commit-config.yaml` the README shows."""
    found = re.search(r"```yaml\n(repos:\n.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    assert found, "the README shows no pre-commit configuration"
    return found.group(1)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True, text=True).stdout


def _pre_commit(root: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", *args, "--color", "never"]
    # PIP_COMPILE=false: pip skips compiling every module it installs (a few seconds of the
    # environment's build); the hooks run a handful of times and barely import them.
    env = {**ENV, "PRE_COMMIT_HOME": str(home), "PIP_COMPILE": "false"}
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=900)


def _commit_the_working_tree(into: Path) -> None:
    """A repository on branch `main` holding the working tree as it is, changes included."""
    listed = _git(REPO, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, into / name)
    _git(into, "init", "-q", "-b", "main")
    _git(into, "add", "-A")
    _git(into, "commit", "-q", "-m", "kqllint as tested")


def _set_up(folder: Path) -> None:
    """kqllint's repository, the README's configuration after `autoupdate`, its environment."""
    kqllint, template = folder / "kqllint", folder / "template"
    kqllint.mkdir()
    template.mkdir()
    _commit_the_working_tree(kqllint)
    (template / ".pre-commit-config.yaml").write_text(readme_snippet().replace(URL, str(kqllint)))
    _git(template, "init", "-q")
    for step in (["autoupdate"], ["install-hooks"]):
        done = _pre_commit(template, folder / "home", *step)
        (folder / f"{step[0]}.log").write_text(done.stdout + done.stderr)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return once_per_session(tmp_path_factory, "pre-commit", _set_up)


@pytest.fixture()
def project(shared: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A repository of scripts of its own, with the shared configuration: (its root, PRE_COMMIT_HOME)."""
    shutil.copy(shared / "template" / ".pre-commit-config.yaml", tmp_path)
    (tmp_path / "good.kql").write_text(GOOD)
    (tmp_path / "bad.csl").write_text(BAD)
    (tmp_path / "messy.kusto").write_text(MESSY)
    (tmp_path / "notes.txt").write_text(BAD)  # not a Kusto script: the hooks never see it
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "scripts")
    return tmp_path, shared / "home"


def test_the_readme_snippet_works_and_autoupdate_pins_a_commit(shared: Path) -> None:
    snippet = readme_snippet()
    rev = re.search(r"^    rev: (\S+)", snippet, re.M)
    tags = _git(REPO, "tag", "--list").split()
    assert rev and (rev.group(1) == "main" or rev.group(1) in tags), "`rev:` is `main` or a release tag that exists"
    assert re.findall(r"- id: (\S+)", snippet) == ["kqllint", "kqllint-format"]
    head = _git(shared / "kqllint", "rev-parse", "HEAD").strip()
    config = (shared / "template" / ".pre-commit-config.yaml").read_text()
    assert f"rev: {head}" in config, (shared / "autoupdate.log").read_text()


def test_check_hook_passes_a_good_script_and_fails_a_bad_one(project: tuple[Path, Path]) -> None:
    good = _pre_commit(*project, "run", "kqllint", "--files", "good.kql", "notes.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "kqllint check" in good.stdout and "Passed" in good.stdout
    bad = _pre_commit(*project, "run", "kqllint", "--files", "bad.csl", "good.kql", "notes.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "kqllint check" in bad.stdout and "Failed" in bad.stdout
    assert "error[S001]: expected `policy`, found `polcy`\n --> bad.csl:1:20" in bad.stdout
    assert "notes.txt" not in bad.stdout.split("Failed", 1)[1]


def test_format_hook_rewrites_a_messy_script(project: tuple[Path, Path]) -> None:
    root = project[0]
    result = _pre_commit(*project, "run", "kqllint-format", "--files", "messy.kusto", "good.kql")
    assert result.returncode == 1, result.stdout + result.stderr  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in result.stdout
    assert (root / "messy.kusto").read_text() == FORMATTED
    assert (root / "good.kql").read_text() == GOOD
