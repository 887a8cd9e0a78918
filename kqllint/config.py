"""Which rules run and at what severity: the options `lint_text` takes."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

from kqllint.diagnostic import Severity


@dataclass(frozen=True)
class Config:
    """Rule selection and severities; empty `select` means every rule."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    identities: object | None = None

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Whether rule `code` runs (the longest matching prefix wins, as in ruff)."""
        chosen = _longest(code, (self.select or ("ALL",)) + self.extend_select)
        ignored = _longest(code, self.ignore + self._file_ignores(path))
        return chosen >= 0 and chosen > ignored

    def _file_ignores(self, path: str | None) -> tuple[str, ...]:
        if path is None:
            return ()
        codes: tuple[str, ...] = ()
        for pattern, ignored in self.per_file_ignores.items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern):
                codes += ignored
        return codes

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix of `code` in `prefixes` (`ALL` matches), -1 if none."""
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best
