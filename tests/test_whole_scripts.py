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
PARTS = [decode(p.read_bytes()).text.replace("kqllint: ignore-file", "kqllint: was-ignore-file") for p in FILES]


@pytest.mark.parametrize("seed", range(4))
def test_joined_case_files_lint_without_failing(seed: int) -> None:
    parts = PARTS[:]
    random.Random(seed).shuffle(parts)
    found = lint_text("\n\n".join(parts))
    codes = {d.code for d in found}
    # The pass ran and compared commands of different files: most checks across commands fire.
    assert len(codes & {"P301", "P302", "P303", "P304", "P305"}) >= 3, codes
