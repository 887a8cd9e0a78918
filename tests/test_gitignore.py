"""The `.gitignore` reader against git's own answers (`git ls-files --others --exclude-standard`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kqllint import gitignore
from kqllint.config import clear_cache
from kqllint.files import discover
from clirun import run_cli as run

# What git 2.39 lists as untracked and not ignored for this tree (checked once with git itself;
# the reader needs no git binary).
IGNORES = {
    ".gitignore": (
        "*.draft.kql\n/top.kql\nbuild/\n!keep.draft.kql\n# comment\n\\#hash.kql\nsp\\ .kql\ntrail.kql   \n"
        "docs/**/gen*.kql\n**/deep/x.kql\nlogs/**\n[ab]?.kql\n[!c]z.kql\nnot/\n"
    ),
    "sub/.gitignore": "!/top.kql\n*.csl\n!ok.csl\nnested/\n/anch.kql\n",
    "sub/deeper/.gitignore": "!*.csl\n",
}
FILES = [
    "a.kql", "top.kql", "sub/top.kql", "x.draft.kql", "keep.draft.kql", "sub/keep.draft.kql", "#hash.kql", "sp .kql",
    "trail.kql", "build/b.kql", "sub/build/b.kql", "docs/gen1.kql", "docs/a/b/gen2.kql", "docs/other.kql",
    "a/deep/x.kql", "deep/x.kql", "logs/l.kql", "logs/a/l.kql", "ab.kql", "az.kql", "bz.kql", "cz.kql", "abc.kql",
    "sub/s.csl", "sub/ok.csl", "sub/deeper/d.csl", "sub/nested/n.kql", "nested/n.kql", "sub/anch.kql",
    "sub/x/anch.kql", "anch.kql", "not2/not.kql", "x/not/y.kql", "zz/[ab]x.kql",
]  # fmt: skip
GIT_KEEPS = [
    "a.kql", "anch.kql", "cz.kql", "docs/other.kql", "keep.draft.kql", "nested/n.kql",
    "not2/not.kql", "sub/deeper/d.csl", "sub/keep.draft.kql", "sub/ok.csl", "sub/top.kql", "sub/x/anch.kql",
    "zz/[ab]x.kql",
]  # fmt: skip
SCRIPT = ".show cluster policy managed_identity\n"


def make_tree(root: Path, git: bool = True) -> Path:
    if git:
        (root / ".git" / "info").mkdir(parents=True)
        (root / ".git" / "info" / "exclude").write_text("abc.kql\n!*.csl\n")  # the lowest rank
    for name, text in {**IGNORES, **{f: SCRIPT for f in FILES}}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_the_walk_keeps_what_git_keeps(tmp_path: Path) -> None:
    found, errors = discover([str(make_tree(tmp_path))], gitignore=lambda folder: True)
    assert errors == []
    assert sorted(os.path.relpath(p, tmp_path) for p in found) == GIT_KEEPS


def test_outside_a_repository_gitignore_means_nothing(tmp_path: Path) -> None:
    found, _ = discover([str(make_tree(tmp_path, git=False))], gitignore=lambda folder: True)
    assert len(found) == len(FILES)


def test_a_walk_below_the_repository_top_reads_the_files_above(tmp_path: Path) -> None:
    found, _ = discover([str(make_tree(tmp_path) / "sub")], gitignore=lambda folder: True)
    assert sorted(os.path.relpath(p, tmp_path) for p in found) == [k for k in GIT_KEEPS if k.startswith("sub/")]


@pytest.mark.parametrize(
    ("pattern", "path", "is_folder", "ignored"),
    [
        ("*.kql", "a/b.kql", False, True),
        ("/b.kql", "a/b.kql", False, False),  # anchored at the file's folder
        ("a/*.kql", "a/x/b.kql", False, False),  # `*` does not cross `/`
        ("a/**/b.kql", "a/b.kql", False, True),  # `/**/` is zero or more folders
        ("a/**", "a", True, False),  # inside `a`, not `a` itself
        ("out/", "out", False, False),  # folders only
        ("out/", "out", True, True),
        ("[a-c].kql", "b.kql", False, True),
        ("[!a-c].kql", "d.kql", False, True),
        ("\\!x.kql", "!x.kql", False, True),
        ("a?c", "a/c", True, False),
    ],
)
def test_patterns(tmp_path: Path, pattern: str, path: str, is_folder: bool, ignored: bool) -> None:
    patterns = gitignore.parse(pattern + "\n", str(tmp_path))
    assert gitignore.ignored(str(tmp_path / path), is_folder, patterns) is ignored


def test_check_respects_gitignore_in_walks_only(tmp_path: Path) -> None:
    make_tree(tmp_path)
    code, out, err = run(["check", "--show-files", str(tmp_path)])
    assert (code, err) == (0, "")
    assert out == "".join(f"{tmp_path}/{name}\n" for name in GIT_KEEPS)
    named = str(tmp_path / "top.kql")  # ignored, but named: checked (as in ruff)
    assert run(["check", "--show-files", named]) == (0, f"{named}\n", "")


def test_respect_gitignore_can_be_turned_off(tmp_path: Path) -> None:
    make_tree(tmp_path)
    out = run(["check", "--show-files", "--no-respect-gitignore", str(tmp_path)])[1]
    assert len(out.splitlines()) == len(FILES)
    (tmp_path / ".kqllint.toml").write_text("respect-gitignore = false\n")
    clear_cache()  # the configuration of this folder was read, and found missing, above
    assert len(run(["check", "--show-files", str(tmp_path)])[1].splitlines()) == len(FILES)
    assert len(run(["check", "--show-files", "--respect-gitignore", str(tmp_path)])[1].splitlines()) == len(GIT_KEEPS)


def test_format_respects_gitignore_too(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("gen/\n")
    (tmp_path / "gen").mkdir()
    (tmp_path / "gen" / "g.kql").write_text(".show   cluster policy managed_identity\n")
    (tmp_path / "a.kql").write_text(SCRIPT)
    assert run(["format", "--check", str(tmp_path)]) == (0, "", "1 file already formatted.\n")
