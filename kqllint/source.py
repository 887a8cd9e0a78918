"""Bytes to text: BOM and encoding handling, and the line index that turns offsets into lines."""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class DecodeError(ValueError):
    """The bytes are not a text kqllint can read (reported as exit 2, never a traceback)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded file: its text (without BOM) and how to write it back byte for byte."""

    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le" or "utf-16-be" (with BOM)

    def encode(self, text: str) -> bytes:
        if self.encoding == "utf-8-sig":
            return codecs.BOM_UTF8 + text.encode("utf-8")
        if self.encoding == "utf-16-le":
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        if self.encoding == "utf-16-be":
            return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        return text.encode("utf-8")


def decode(data: bytes) -> Decoded:
    """Decode UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is a `DecodeError`."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_utf8(data[3:]), "utf-8-sig")
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[2:].decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc.upper()} at byte {exc.start + 2}") from None
            return Decoded(_no_nul(text), enc)
    return Decoded(_utf8(data), "utf-8")


def _utf8(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "kqllint reads UTF-8, or UTF-16 with a byte order mark"
        ) from None
    return _no_nul(text)


def _no_nul(text: str) -> str:
    nul = text.find("\0")
    if nul >= 0:
        raise DecodeError(f"contains a NUL character at offset {nul}; is it a binary file?")
    return text


class LineIndex:
    """Offsets to 1-based (line, column) by binary search over line starts.

    `\\n`, `\\r\\n` and a lone `\\r` each end a line; columns count code points.
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based `line` without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        return len(self.starts)


def first_line_ending(text: str) -> str:
    """The file's first line ending (the one the formatter writes), `\\n` if it has none."""
    m = _LINE_BREAK.search(text)
    return m.group() if m else "\n"
