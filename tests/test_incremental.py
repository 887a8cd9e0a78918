"""The incremental re-lint gives exactly `lint_text`'s findings, edit after edit, on real scripts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kqllint.config import Config
from kqllint.incremental import Relinter
from kqllint.linter import lint_text

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted([*ROOT.glob("tests/data/**/*.kql"), *ROOT.glob("examples/**/*.kql")])
# What an edit types: text that splits, joins, comments out, suppresses or opens a literal,
# besides single characters; a slice of the script itself (a duplicate command) is typed too.
TYPED = ["\n", "\n\n", " ", "x", ".", "'", '"', "```", "@'", "[", "]", "{", "}", ",", "true", "false",
         "// kqllint: ignore[P203]\n", "// kqllint: disable[update-not-transactional]\n",
         "// kqllint: ignore-file[C001]\n", "// kqllint: context=cluster\n", "//", ".alter table T policy update\n",
         "\r\n", "é", "😀"]  # fmt: skip
EDITS = 6


def read(path: Path) -> str:
    data = path.read_bytes()
    return data.decode("utf-16") if data.startswith(b"\xff\xfe") else data.decode("utf-8")


def edit(text: str, rng: random.Random) -> str:
    """`text` with one random insertion, deletion or replacement."""
    at = rng.randrange(len(text) + 1)
    end = min(len(text), at + rng.choice([0, 0, 1, 1, 2, 5, 40]))
    if rng.random() < 0.15 and text:
        start = rng.randrange(len(text))
        typed = text[start : start + rng.randrange(1, 400)]
    else:
        typed = rng.choice(TYPED) if rng.random() < 0.8 else ""
    return text[:at] + typed + text[end:]


def assert_same_on_edits(text: str, seed: int, count: int, config: Config | None = None) -> None:
    rng = random.Random(seed)
    relinter = Relinter()
    for step in range(count + 1):
        got = relinter.lint(text, None, config)
        assert got == lint_text(text, None, config), f"edit {step} of seed {seed}:\n{text}"
        text = edit(text, rng)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_as_lint_text_after_edits(path: Path) -> None:
    text = read(path)
    assert_same_on_edits(text, seed=len(text), count=EDITS)


def test_same_as_lint_text_on_all_scripts_joined() -> None:
    """Many commands, many of them alike, moved about by edits before them."""
    text = "\n\n".join(read(p) for p in SCRIPTS[::3])
    assert_same_on_edits(text, seed=15, count=25)


def test_kept_findings_are_moved_with_their_command() -> None:
    command = '.alter table T policy update @\'[{"IsEnabled": true, "Source": "S", "Query": "S", "IsTransactional": false}]\'\n'
    relinter = Relinter()
    first = relinter.lint(command)
    assert [d.code for d in first] == ["P203"]
    moved = relinter.lint("// a comment\n\n" + command)
    assert moved == lint_text("// a comment\n\n" + command)
    assert moved[0].span.start == first[0].span.start + len("// a comment\n\n")


def test_a_new_configuration_is_not_answered_from_the_cache() -> None:
    text = (ROOT / "examples" / "bad.kql").read_text(encoding="utf-8")
    relinter = Relinter()
    everything = relinter.lint(text)
    assert everything
    quiet = Config(ignore=tuple({d.code for d in everything}))
    assert relinter.lint(text, None, quiet) == lint_text(text, None, quiet) == []
    assert relinter.lint(text) == everything
