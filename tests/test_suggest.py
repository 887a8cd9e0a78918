"""The banded edit distance behind "did you mean": equal to the textbook one, capped at the limit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kqllint.suggest import did_you_mean, edit_distance, is_near

# Short words over a small alphabet, so that near misses (the interesting case) are common.
WORDS = st.text(alphabet="abcdeAB_", max_size=9)


def levenshtein(a: str, b: str) -> int:
    """The whole dynamic-programming table, no band, no early exit."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@given(WORDS, WORDS, st.integers(min_value=1, max_value=6))
def test_banded_distance_is_the_capped_levenshtein_distance(a: str, b: str, limit: int) -> None:
    assert edit_distance(a, b, limit) == min(levenshtein(a, b), limit)


CASES = [
    # (word, choices, expected suggestion)
    ("managed_identitty", ["managed_identity", "mirroring"], "managed_identity"),
    ("retension", ["retention", "caching"], "retention"),
    ("Retention", ["retention"], "retention"),
    ("SoftDeletPeriod", ["SoftDeletePeriod", "Recoverability"], "SoftDeletePeriod"),
    ("xyz", ["retention", "caching"], None),
    ("cachin", ["caching", "sharding"], "caching"),  # 1 edit beats 3
]


def test_did_you_mean() -> None:
    assert [did_you_mean(w, c) for w, c, _ in CASES] == [e for _, _, e in CASES]


def test_is_near_counts_two_edits_at_most() -> None:
    assert [is_near("polcy", "policy"), is_near("plcy", "policy"), is_near("pcy", "policy")] == [True, True, False]


@given(WORDS, WORDS, st.integers(min_value=0, max_value=3))
def test_is_near_is_the_distance_ignoring_case(word: str, target: str, distance: int) -> None:
    assert is_near(word, target, distance) == (levenshtein(word.lower(), target.lower()) <= distance)
