"""Fuzzing with hypothesis: generated scripts with deleted, duplicated, swapped and random
characters (tests/strategies.py `mutated`) must never make `lint_text` or `format_text` fail.

A few hundred examples by default; `HYPOTHESIS_PROFILE=thorough` runs thousands; tools/fuzz.py
runs for minutes.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import example, given, settings

from invariants import check_fix, check_format, check_lint
from strategies import mutate, mutated

# 200 examples by default; a named profile (`thorough`, tests/conftest.py) sets its own.
EXAMPLES = settings(max_examples=200) if os.environ.get("HYPOTHESIS_PROFILE", "default") == "default" else settings()


@EXAMPLES
@given(mutated())
@example(".alter cluster policy managed_identity ```" + "[" * 10_000)  # deeper than any stack
# found by tools/fuzz.py: white space Python strips but JSON does not (VT, U+2028) after the
# JSON value gave the payload reader an inverted span: a ValueError out of lint and format
@example('  .alter Database policy managed_identity "\t[]\\n\x0b "\r\r.Alter cluster policy managed_identity')
def test_lint_never_fails_and_stays_within_the_text(text: str) -> None:
    check_lint(text)


@EXAMPLES
@given(mutated())
def test_format_of_a_mutated_script_is_safe_and_idempotent(text: str) -> None:
    check_format(text)


@EXAMPLES
@given(mutated())
@example('.alter Database policy namaged_identity "\t[]\\n  \u2028"')  # the fix of the kind made it fail
def test_fix_of_a_mutated_script_ends_and_reports_what_remains(text: str) -> None:
    check_fix(text)


@pytest.mark.parametrize(
    ("kind", "i", "j", "char", "after"),
    [
        ("delete", 1, 3, "", "adef"),
        ("delete", 2, 2, "", "abdef"),  # an empty span deletes one character
        ("duplicate", 1, 3, "", "abcbcdef"),
        ("swap", 0, 5, "", "fbcdea"),
        ("swap", 10, 2, "", "abdcef"),  # positions wrap around the length
        ("insert", 6, 6, "`", "abcdef`"),
        ("replace", 0, 0, "'", "'bcdef"),
    ],
)
def test_mutate(kind: str, i: int, j: int, char: str, after: str) -> None:
    assert mutate("abcdef", kind, i, j, char) == after
