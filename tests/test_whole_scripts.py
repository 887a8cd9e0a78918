"""Every case file and example joined into one script, in several orders: the checks across
commands see each table's policies set many times, in every form, and must never fail.

A keyword-form retention of 0 after a non-transactional update policy once crashed the pass
(found by the 10 MB benchmark corpus); single-file cases had never put the two in that order.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kqllint.linter import lint_text
from kqllint.source import decode

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "tests" / "data" / "rules").glob("*/*.kql")) + sorted((ROOT / "examples").glob("*.kql"))
# Their `// kqllint: ...` directives (ignore, disable, context) are made plain comments: in one
# script they would silence or move what the other files hold.
PARTS = [decode(p.read_bytes()).text.replace("kqllint:", "kqllint-was:") for p in FILES]


def _joined_codes(seed: int) -> set[str]:
    parts = PARTS[:]
    random.Random(seed).shuffle(parts)
    return {d.code for d in lint_text("\n\n".join(parts))}


ACROSS = {"P301", "P302", "P303", "P304", "P305"}


@pytest.mark.parametrize("seed", range(4))
def test_joined_case_files_lint_without_failing(seed: int) -> None:
    # The pass ran and compared commands of different files (which checks fire depends on the
    # order: a `.drop table` or `.delete ... policy` between two files forgets what came before).
    assert {"P301", "P305"} <= _joined_codes(seed) & ACROSS


def test_the_orders_together_fire_every_check_across_commands() -> None:
    assert set().union(*(_joined_codes(seed) for seed in range(4))) & ACROSS == ACROSS
