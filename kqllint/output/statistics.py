"""`--statistics`: how many findings of each rule, instead of the findings themselves."""

from __future__ import annotations

import json
from dataclasses import dataclass

from kqllint.output import FileReport, is_fixable


@dataclass
class _Count:
    code: str
    name: str
    count: int = 0
    fixable: bool = False


def counts(reports: list[FileReport], unsafe_fixes: bool = False) -> list[_Count]:
    """One count per code, the most frequent first (then by code)."""
    by_code: dict[str, _Count] = {}
    for report in reports:
        for d in report.diagnostics:
            entry = by_code.setdefault(d.code, _Count(d.code, d.name))
            entry.count += 1
            entry.fixable |= is_fixable(d, unsafe_fixes)
    return sorted(by_code.values(), key=lambda c: (-c.count, c.code))


def render(reports: list[FileReport], as_json: bool = False, unsafe_fixes: bool = False) -> str:
    rows = counts(reports, unsafe_fixes)
    if as_json:
        items = [{"code": c.code, "name": c.name, "count": c.count, "fixable": c.fixable} for c in rows]
        return json.dumps(items, indent=2) + "\n"
    width = max((len(str(c.count)) for c in rows), default=1)
    return "".join(f"{c.count:>{width}}  {c.code}  {'[*]' if c.fixable else '   '} {c.name}\n" for c in rows)
