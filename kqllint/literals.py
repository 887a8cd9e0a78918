"""Decode Kusto string literals to their value, with a map from each character to the file."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kqllint.diagnostic import Span
from kqllint.model import LiteralKind, StringLiteral

_SIMPLE_ESCAPES = {
    "\\": "\\", "'": "'", '"': '"', "t": "\t", "n": "\n", "r": "\r",
    "a": "\a", "b": "\b", "f": "\f", "v": "\v",
}  # fmt: skip
_HEX_ESCAPE = {"u": 4, "U": 8, "x": 2}
_OCTAL = re.compile(r"[0-7]{1,3}")


@dataclass(frozen=True, slots=True)
class EscapeError:
    """An escape Kusto rejects (`\\q`), with its file span."""

    message: str
    span: Span


def decode_literal(token: str, start: int) -> tuple[StringLiteral, list[EscapeError]]:
    """Decode the literal `token`, which starts at file offset `start`."""
    obfuscated = token[:1] in ("h", "H")
    body = token[1:] if obfuscated else token
    base = start + (1 if obfuscated else 0)
    verbatim = body.startswith("@")
    if verbatim:
        body, base = body[1:], base + 1
    span = Span(start, start + len(token))
    if body.startswith(("```", "~~~")):
        kind = LiteralKind.BACKTICK if body[0] == "`" else LiteralKind.TILDE
        return StringLiteral(span, kind, obfuscated, body[3:-3], base + 3), []
    inner = body[1:-1]
    if verbatim:
        kind = LiteralKind.VERBATIM_SINGLE if body[0] == "'" else LiteralKind.VERBATIM_DOUBLE
        return _verbatim(span, kind, obfuscated, inner, body[0], base + 1), []
    kind = LiteralKind.SINGLE if body[0] == "'" else LiteralKind.DOUBLE
    return _escaped(span, kind, obfuscated, inner, base + 1)


def _verbatim(
    span: Span, kind: LiteralKind, obfuscated: bool, inner: str, quote: str, base: int
) -> StringLiteral:
    doubled = quote * 2
    if doubled not in inner:
        return StringLiteral(span, kind, obfuscated, inner, base)
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(inner):
        chars.append(inner[i])
        offsets.append(base + i)
        i += 2 if inner.startswith(doubled, i) else 1
    offsets.append(base + len(inner))
    return StringLiteral(span, kind, obfuscated, "".join(chars), base, tuple(offsets))


def _escaped(
    span: Span, kind: LiteralKind, obfuscated: bool, inner: str, base: int
) -> tuple[StringLiteral, list[EscapeError]]:
    if "\\" not in inner:
        return StringLiteral(span, kind, obfuscated, inner, base), []
    chars: list[str] = []
    offsets: list[int] = []
    errors: list[EscapeError] = []
    i = 0
    while i < len(inner):
        ch = inner[i]
        if ch != "\\":
            chars.append(ch)
            offsets.append(base + i)
            i += 1
            continue
        value, width, error = _escape_at(inner, i)
        if error:
            errors.append(EscapeError(error, Span(base + i, base + i + width)))
        chars.append(value)
        offsets.append(base + i)
        i += width
    offsets.append(base + len(inner))
    return StringLiteral(span, kind, obfuscated, "".join(chars), base, tuple(offsets)), errors


def _escape_at(inner: str, i: int) -> tuple[str, int, str | None]:
    """The escape at `inner[i]` (a backslash): its value, its width, and an error if bad."""
    code = inner[i + 1 : i + 2]
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code], 2, None
    if code in _HEX_ESCAPE:
        digits = inner[i + 2 : i + 2 + _HEX_ESCAPE[code]]
        if len(digits) == _HEX_ESCAPE[code] and all(c in "0123456789abcdefABCDEF" for c in digits):
            point = int(digits, 16)
            if point <= 0x10FFFF:
                return chr(point), 2 + len(digits), None
        return "\ufffd", 2, f"invalid escape `\\{code}`: expected {_HEX_ESCAPE[code]} hex digits"
    octal = _OCTAL.match(inner, i + 1)
    if octal:
        return chr(int(octal.group(), 8)), 1 + len(octal.group()), None
    return code, 2, f"unknown escape sequence `\\{code}`"
