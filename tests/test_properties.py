"""Properties of the formatter and `--fix` on generated scripts (tests/strategies.py).

A few hundred examples by default; `HYPOTHESIS_PROFILE=thorough` runs thousands (tests/conftest.py).
"""

from __future__ import annotations

from hypothesis import given

from invariants import check_fix, check_format, check_lint
from kqllint.fixes import applicable
from kqllint.script import parse_script
from strategies import scripts



@given(scripts())
def test_formatting_is_safe_and_idempotent(text: str) -> None:
    check_format(text)  # tests/invariants.py: the same checks the fuzzers make


@given(scripts())
def test_every_report_encodes(text: str) -> None:
    check_lint(text)


@given(scripts())
def test_fix_leaves_no_fixable_finding(text: str) -> None:
    for unsafe in (False, True):
        outcome = check_fix(text, unsafe)
        left = [(d.code, d.message) for d in outcome.remaining if applicable(d, unsafe)]
        assert not left, f"fixable findings left (unsafe={unsafe}): {left}\n{outcome.text!r}"
        assert broken_statements(outcome.text) <= broken_statements(text), "a fix broke a command"


def broken_statements(text: str) -> int:
    return sum(bool(getattr(s, "problems", ())) for s in parse_script(text).statements)
