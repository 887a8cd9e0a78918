"""Renderers: one pure function per output format, from file reports to text."""

from __future__ import annotations

from collections.abc import Callable

from kqllint.diagnostic import Applicability, Diagnostic
from kqllint.source import LineIndex


class FileReport:
    """The findings of one file, with the text they point into.

    A plain class, not a dataclass: 0.5 ms less start-up (kqllint/files.py).
    """

    __slots__ = ("path", "text", "diagnostics", "_index")

    def __init__(self, path: str, text: str, diagnostics: list[Diagnostic], _index: LineIndex | None = None) -> None:
        self.path = path
        self.text = text
        self.diagnostics = diagnostics
        self._index = _index

    def __repr__(self) -> str:
        return f"FileReport(path={self.path!r}, text={self.text!r}, diagnostics={self.diagnostics!r})"

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index


Renderer = Callable[[list[FileReport], bool], str]


def is_fixable(d: Diagnostic, unsafe_fixes: bool = False) -> bool:
    """Whether `check --fix` applies `d`'s fix: a safe one, or any with `--unsafe-fixes` (ruff's `[*]`)."""
    return d.fix is not None and (unsafe_fixes or d.fix.applicability is Applicability.SAFE)


def render(name: str, reports: list[FileReport], color: bool = False, unsafe_fixes: bool = False) -> str:
    """`reports` in output format `name`; `full` and `concise` mark the fixes `--fix` applies with `[*]`."""
    if name in ("full", "concise") and not any(r.diagnostics for r in reports):
        return ""  # what both print for no finding, without importing either
    if name == "full":
        from kqllint.output.full import render as full

        return full(reports, color, unsafe_fixes=unsafe_fixes)
    if name == "concise":
        from kqllint.output.concise import render as concise

        return concise(reports, color, unsafe_fixes=unsafe_fixes)
    return renderer(name)(reports, color)


def renderer(name: str) -> Renderer:
    """The render function of output format `name` (imported on demand: start-up stays small)."""
    if name == "full":
        from kqllint.output.full import render
    elif name == "concise":
        from kqllint.output.concise import render
    elif name == "json":
        from kqllint.output.json_format import render
    elif name == "github":
        from kqllint.output.github import render
    elif name == "sarif":
        from kqllint.output.sarif import render
    else:
        raise ValueError(f"unknown output format {name!r}")
    return render


FORMATS = ("full", "concise", "json", "github", "sarif")
