"""Findings as values: the one frozen `Diagnostic`, its `Fix` and `Edit`s, and the `Span` they point at."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class Severity(str, enum.Enum):
    """How bad a finding is; the order is the order of `--fail-on`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, enum.Enum):
    """Whether `check --fix` applies a fix by default (`safe`) or only with `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Span:
    """A half-open range of 0-based character offsets into the decoded text.

    A plain class with `__slots__`, immutable by convention, not a frozen dataclass: every node
    of the model carries one (about 200,000 a MB), and a frozen dataclass took 2.5 times as long
    to build (kqllint/model.py has the figures).
    """

    __slots__ = ("start", "end")
    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        if start < 0 or end < start:
            raise ValueError(f"bad span {start}..{end}")
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        if type(other) is not Span:
            return NotImplemented
        return self.start == other.start and self.end == other.end  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r})"

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text at `span` with `content` (an empty span inserts)."""

    span: Span
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that together mend one finding; they must not overlap each other."""

    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: what rule, where, what is wrong, and how to mend it."""

    code: str
    name: str
    message: str
    span: Span
    severity: Severity
    help: str | None = None
    fix: Fix | None = None
    notes: tuple[str, ...] = field(default=())

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)
