"""Pure conversions from kqllint's code-point offsets and findings to LSP positions and values."""

from __future__ import annotations

import itertools

from lsprotocol import types

from kqllint.diagnostic import Diagnostic, Edit, Severity, Span
from kqllint.docs import rule_url
from kqllint.source import LineIndex

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"
SOURCE = "kqllint"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of `encoding` the client counts in `text`."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    # surrogatepass: a lone surrogate (from a JSON `\ud83d` escape sent by the client) still counts
    if encoding == UTF16:
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text.encode("utf-8", "surrogatepass"))


def code_points(line: str, count: int, encoding: str = UTF16) -> int:
    """How many code points of `line` the first `count` code units cover.

    A count past the end of the line is the line's length (as LSP says); a count that falls
    inside a character (half a surrogate pair, part of a UTF-8 sequence) rounds down to its start.
    """
    if count <= 0:
        return 0
    if encoding == UTF32 or line.isascii():
        return min(count, len(line))
    seen = 0
    for i, char in enumerate(line):
        seen += units(char, encoding)
        if seen > count:
            return i
        if seen == count:
            return i + 1
    return len(line)


class PositionMap:
    """Offsets to LSP positions and back, for one text and the negotiated position encoding.

    Lines end at `\\n`, `\\r\\n` or a lone `\\r`, exactly as LSP (and `LineIndex`) say.
    """

    __slots__ = ("text", "encoding", "_index")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        if encoding not in (UTF8, UTF16, UTF32):
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self._index = _line_index(text)

    def position(self, offset: int) -> types.Position:
        offset = min(max(offset, 0), len(self.text))
        line, column = self._index.line_col(offset)
        start = self._index.starts[line - 1]
        return types.Position(line=line - 1, character=units(self.text[start:offset], self.encoding))

    def offset(self, position: types.Position) -> int:
        """The offset of `position`; past the last line is the end of the text."""
        if position.line >= self._index.line_count:
            return len(self.text)
        line = self._index.line_text(position.line + 1)
        return self._index.starts[position.line] + code_points(line, position.character, self.encoding)

    def range(self, span: Span) -> types.Range:
        return types.Range(start=self.position(span.start), end=self.position(span.end))

    def span(self, range_: types.Range) -> Span:
        start, end = self.offset(range_.start), self.offset(range_.end)
        return Span(min(start, end), max(start, end))

    @property
    def end(self) -> types.Position:
        return self.position(len(self.text))


def _line_index(text: str) -> LineIndex:
    """`LineIndex(text)`, with its line starts found by `str.split` when only `\\n` ends lines:
    1.4 ms instead of 4.9 ms on a 500 KB document, which the server indexes after every edit."""
    if "\r" in text:
        return LineIndex(text)
    index = LineIndex.__new__(LineIndex)
    index.text = text
    index.starts = [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n")[:-1])]
    return index


def to_lsp_diagnostic(diagnostic: Diagnostic, positions: PositionMap) -> types.Diagnostic:
    """One finding as the client shows it: code, severity, exact range, help and a docs link."""
    url = rule_url(diagnostic.code)
    return types.Diagnostic(
        range=positions.range(diagnostic.span),
        message=_message(diagnostic),
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=url) if url else None,
        source=SOURCE,
        data={"name": diagnostic.name},
    )


def _message(diagnostic: Diagnostic) -> str:
    lines = [diagnostic.message]
    lines += [f"note: {note}" for note in diagnostic.notes]
    if diagnostic.help:
        lines.append(f"help: {diagnostic.help}")
    return "\n".join(lines)


def to_text_edit(edit: Edit, positions: PositionMap) -> types.TextEdit:
    return types.TextEdit(range=positions.range(edit.span), new_text=edit.content)


def to_text_edits(edits: list[Edit] | tuple[Edit, ...], positions: PositionMap) -> list[types.TextEdit]:
    return [to_text_edit(e, positions) for e in edits]


def encoding_of(kind: object) -> str:
    """The position encoding pygls negotiated (a `PositionEncodingKind` or a plain string)."""
    value = getattr(kind, "value", kind)
    return value if value in (UTF8, UTF16, UTF32) else UTF16
