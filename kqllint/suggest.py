"""Near misses: edit distance and "did you mean" suggestions."""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of `a` and `b`, or `limit` as soon as it reaches it."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


def is_near(word: str, target: str, distance: int = 2) -> bool:
    """True when `word` is `target` or within `distance` edits of it, ignoring case."""
    word, target = word.lower(), target.lower()
    if word == target:
        return True
    if abs(len(word) - len(target)) > distance:
        return False  # the common case of an unrelated word, without the quadratic distance
    return edit_distance(word, target, distance + 1) <= distance


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest of `choices` to `word` (case-insensitive), if any is close enough."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    near = [c for c in choices if is_near(word, c)]
    if near:
        return min(near, key=lambda c: edit_distance(word.lower(), c.lower(), 99))
    import difflib  # the last resort, rarely reached: not imported at start-up

    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None
