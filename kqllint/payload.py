"""Read the policy payload (an iterative positioned JSON scanner over a decoded literal), and
write JSON strings back.

Lenient where the Kusto docs are (single-quoted strings, trailing commas: both recorded for
the payload rules); iterative, so JSON nested 10,000 deep cannot exhaust the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kqllint.diagnostic import Span
from kqllint.model import (
    JsonArray,
    JsonConstant,
    JsonError,
    JsonMember,
    JsonNumber,
    JsonObject,
    JsonString,
    JsonValue,
    Payload,
    StringLiteral,
)

_WS = re.compile(r"[ \t\r\n]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PLAIN = {'"': re.compile(r'"([^"\\\x00-\x1f]*)"'), "'": re.compile(r"'([^'\\\x00-\x1f]*)'")}
# An object member whose key (and usually value) is a string without escapes, read in one
# match: `"Key": "value"` after `{` or after `,`. Anything else takes the general path.
_PLAIN_STRING = r"""(?:"([^"\\\x00-\x1f]*)"|'([^'\\\x00-\x1f]*)')"""
_MEMBER = r"[ \t\r\n]*{0}[ \t\r\n]*:[ \t\r\n]*{0}?".format(_PLAIN_STRING)
_FIRST_MEMBER = re.compile(_MEMBER)
_NEXT_MEMBER = re.compile(r"[ \t\r\n]*," + _MEMBER)
# An object opening in an array: `{` first, or `, {` after an item.
_FIRST_OBJECT = re.compile(r"[ \t\r\n]*\{")
_NEXT_OBJECT = re.compile(r"[ \t\r\n]*,[ \t\r\n]*\{")
# Json.NET, the service's JSON reader, stops at 64 levels by default; the cap also keeps
# every later walk over the tree (repr, equality, the formatter) far from Python's recursion limit.
MAX_DEPTH = 64
_CONSTANTS = {"true": True, "false": False, "null": None}
_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _Stop(Exception):
    """Internal: the first JSON error ends the scan (never escapes `parse_payload`)."""

    def __init__(self, message: str, start: int, end: int, help: str | None = None) -> None:
        super().__init__(message)
        self.message, self.start, self.end, self.help = message, start, end, help


@dataclass
class _Frame:
    """An open array or object on the scanner's explicit stack."""

    start: int
    is_object: bool
    items: list = field(default_factory=list)
    key: JsonString | None = None


def parse_payload(literal: StringLiteral) -> Payload:
    """Read the JSON in `literal`, with file positions for every node."""
    scanner = _Scanner(literal)
    try:
        value = scanner.run()
    except _Stop as stop:
        span = Span(literal.file_offset(stop.start), literal.file_offset(stop.end))
        return Payload(literal, None, JsonError(stop.message, span, stop.help))
    return Payload(literal, value, None, tuple(scanner.trailing), tuple(scanner.single))


class _Scanner:
    """One pass over the payload text; `pos` only moves forward."""

    def __init__(self, literal: StringLiteral) -> None:
        self.lit = literal
        self.text = literal.value
        self.pos = 0
        self.trailing: list[Span] = []
        self.single: list[JsonString] = []
        # The common literal without escapes (every fenced one): file offsets are a plain shift.
        self.shift = literal.value_start if literal.offsets is None else None

    def span(self, start: int, end: int) -> Span:
        if self.shift is not None:
            return Span(self.shift + start, self.shift + end)
        return Span(self.lit.file_offset(start), self.lit.file_offset(end))

    def skip_ws(self) -> None:
        self.pos = _WS.match(self.text, self.pos).end()

    def found(self) -> str:
        if self.pos >= len(self.text):
            return "the end of the payload"
        word = _WORD.match(self.text, self.pos)
        return f"`{word.group() if word else self.text[self.pos]}`"

    def fail(self, expected: str, help: str | None = None) -> _Stop:
        if self.text.startswith(("//", "/*"), self.pos):
            return self.comment()
        end = self.pos + 1 if self.pos < len(self.text) else self.pos
        word = _WORD.match(self.text, self.pos)
        if word:
            end = word.end()
        return _Stop(f"expected {expected}, found {self.found()}", self.pos, end, help)

    def comment(self) -> _Stop:
        opener = self.text[self.pos : self.pos + 2]
        return _Stop(f"JSON has no comments, found `{opener}`", self.pos, self.pos + 2,
                     "remove the comment; a Kusto `//` comment above the command can say the same")  # fmt: skip

    def missing_comma(self, closer: str) -> _Stop:
        """`,` or the closer expected: a missing `,` when a new member or item starts here."""
        starts_value = self.pos < len(self.text) and (self.text[self.pos] in "\"'{[-" or self.text[self.pos].isalnum())
        what = "members" if closer == "}" else "items"
        return self.fail(f"`,` or `{closer}`", f"add `,` between the two {what}" if starts_value else None)

    def run(self) -> JsonValue:
        self.skip_ws()
        if self.pos >= len(self.text):
            raise _Stop("the payload is empty: expected a JSON array", 0, 0,
                        "write `[]` for a policy without identities")  # fmt: skip
        value = self.value_or_open([])
        stack: list[_Frame] = []
        if isinstance(value, _Frame):
            stack.append(value)
            value = self.run_stack(stack)
        self.skip_ws()
        if self.text.startswith(("//", "/*"), self.pos):
            raise self.comment()
        if self.pos < len(self.text):
            raise _Stop(
                f"unexpected {self.found()} after the JSON value",
                self.pos,
                len(self.text.rstrip(" \t\r\n")),  # JSON's white space: str.rstrip also strips U+2028
                "the policy is one JSON array: remove what follows it, or move it into the array",
            )
        return value

    def run_stack(self, stack: list[_Frame]) -> JsonValue:
        """Drive the open containers until the outermost one closes."""
        while True:
            frame = stack[-1]
            item = self.next_item(frame)
            if isinstance(item, _Frame):
                if len(stack) >= MAX_DEPTH:
                    raise _Stop(
                        f"JSON nested more than {MAX_DEPTH} levels deep", item.start, item.start + 1
                    )
                stack.append(item)
                continue
            if item is None:  # the frame closed
                node = self.close(stack.pop())
                if not stack:
                    return node
                self.add(stack[-1], node)
            else:
                self.add(frame, item)

    def add(self, frame: _Frame, node: JsonValue) -> None:
        if frame.is_object:
            assert frame.key is not None
            frame.items.append(JsonMember(frame.key, node))
            frame.key = None
        else:
            frame.items.append(node)

    def close(self, frame: _Frame) -> JsonValue:
        span = self.span(frame.start, self.pos)
        if frame.is_object:
            return JsonObject(tuple(frame.items), span)
        return JsonArray(tuple(frame.items), span)

    def next_item(self, frame: _Frame) -> JsonValue | _Frame | None:
        """Read up to the next value in `frame`; None when the frame's closer was read."""
        if frame.is_object:
            # The fast paths for the usual member and object take the scanner from 0.103 s to
            # 0.080 s on the 1 MB benchmark corpus; they build exactly what the general path builds.
            m = (_NEXT_MEMBER if frame.items else _FIRST_MEMBER).match(self.text, self.pos)
            if m is not None:
                return self.plain_member(frame, m)
        else:
            m = (_NEXT_OBJECT if frame.items else _FIRST_OBJECT).match(self.text, self.pos)
            if m is not None:  # the policy objects, also in one match
                self.pos = m.end()
                return _Frame(self.pos - 1, True)
        closer = "}" if frame.is_object else "]"
        self.skip_ws()
        if frame.items:
            if self.text.startswith(closer, self.pos):
                self.pos += 1
                return None
            if not self.text.startswith(",", self.pos):
                raise self.missing_comma(closer)
            comma = self.pos
            self.pos += 1
            self.skip_ws()
            if self.text.startswith(closer, self.pos):
                self.trailing.append(self.span(comma, comma + 1))
                self.pos += 1
                return None
        elif self.text.startswith(closer, self.pos):
            self.pos += 1
            return None
        if frame.is_object:
            frame.key = self.key()
        return self.value_or_open(frame)

    def plain_member(self, frame: _Frame, m: re.Match[str]) -> JsonValue | _Frame:
        """The member matched by `_FIRST_MEMBER` or `_NEXT_MEMBER`: its key goes into `frame`."""
        frame.key = self.plain_string(m, 1 if m.start(1) >= 0 else 2)
        self.pos = m.end()
        if m.start(3) < 0 and m.start(4) < 0:
            return self.value_or_open(frame)  # a value other than a plain string
        return self.plain_string(m, 3 if m.start(3) >= 0 else 4)

    def plain_string(self, m: re.Match[str], group: int) -> JsonString:
        start, end = m.start(group) - 1, m.end(group) + 1
        if self.shift is not None:
            node = JsonString(m.group(group), Span(self.shift + start, self.shift + end), self.text[start])
        else:
            node = self.make_string(m.group(group), start, end, None)
        if group % 2 == 0:  # the single-quoted alternative
            self.single.append(node)
        return node

    def key(self) -> JsonString:
        if self.pos >= len(self.text) or self.text[self.pos] not in "\"'":
            word = _WORD.match(self.text, self.pos)
            raise self.fail("a property name in double quotes", f'write `"{word.group()}"`' if word else None)
        key = self.string()
        self.skip_ws()
        if not self.text.startswith(":", self.pos):
            raise self.fail("`:`", "a property name is followed by `:` and its value")
        self.pos += 1
        self.skip_ws()
        return key

    def value_or_open(self, frame: _Frame | list) -> JsonValue | _Frame:
        text, pos = self.text, self.pos
        ch = text[pos] if pos < len(text) else ""
        if ch in ("[", "{"):
            self.pos += 1
            return _Frame(pos, ch == "{")
        if ch in ('"', "'"):
            return self.string()
        number = _NUMBER.match(text, pos)
        if number:
            self.pos = number.end()
            literal = number.group()
            value = float(literal) if any(c in literal for c in ".eE") else int(literal)
            return JsonNumber(value, literal, self.span(pos, self.pos))
        word = _WORD.match(text, pos)
        if word and word.group() in _CONSTANTS:
            self.pos = word.end()
            return JsonConstant(_CONSTANTS[word.group()], word.group(), self.span(pos, self.pos))
        raise self.fail("a JSON value", _value_help(word.group()) if word else None)

    def string(self) -> JsonString:
        start, quote = self.pos, self.text[self.pos]
        plain = _PLAIN[quote].match(self.text, start)
        if plain:
            self.pos = plain.end()
            node = self.make_string(plain.group(1), start, self.pos, None)
        else:
            value, offsets = self.escaped_string(quote)
            node = self.make_string(value, start, self.pos, offsets)
        if quote == "'":
            self.single.append(node)
        return node

    def make_string(self, value: str, start: int, end: int, offsets: list[int] | None) -> JsonString:
        """The string node of `text[start:end]` (quotes included); `offsets` as `escaped_string`'s."""
        span = self.span(start, end)
        if offsets is None and self.shift is not None:
            return JsonString(value, span, self.text[start])
        if offsets is None:
            offsets = list(range(start + 1, end))
        file_offsets = tuple(self.lit.file_offset(p) for p in offsets)
        return JsonString(value, span, self.text[start], file_offsets)

    def escaped_string(self, quote: str) -> tuple[str, list[int]]:
        """A string with escapes or bad characters; returns the value and payload offsets."""
        text, start = self.text, self.pos
        chars: list[str] = []
        offsets: list[int] = []
        i = start + 1
        while True:
            if i >= len(text):
                raise _Stop("unterminated JSON string", start, i, f"close the string with `{quote}`")
            ch = text[i]
            if ch == quote:
                offsets.append(i)
                self.pos = i + 1
                return "".join(chars), offsets
            if ch in "\r\n":
                raise _Stop("line break inside a JSON string", start, i,
                            f"close the string with `{quote}` on its line; write a line break in it as `\\n`")  # fmt: skip
            if ch < " " and ch != "\t":
                raise _Stop(f"control character U+{ord(ch):04X} inside a JSON string", i, i + 1,
                            f"write it as `\\u{ord(ch):04x}`")  # fmt: skip
            offsets.append(i)
            if ch != "\\":
                chars.append(ch)
                i += 1
                continue
            value, width = self.json_escape(i, quote)
            chars.append(value)
            i += width

    def json_escape(self, i: int, quote: str) -> tuple[str, int]:
        code = self.text[i + 1 : i + 2]
        if code in _JSON_ESCAPES or code == quote:
            return _JSON_ESCAPES.get(code, quote), 2
        digits = self.text[i + 2 : i + 6]
        if code == "u" and len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
            return chr(int(digits, 16)), 6
        raise _Stop(f"invalid escape `\\{code}` in a JSON string", i, i + 2,
                    "JSON knows `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`; "
                    "write a backslash as `\\\\`")  # fmt: skip


def _value_help(word: str) -> str:
    """How to write the bare word `word` where a JSON value belongs."""
    if word.lower() in _CONSTANTS:
        return f"JSON writes `{word.lower()}` in lowercase"
    return f'put the text in double quotes: `"{word}"`'


# ---- writing JSON strings ---------------------------------------------------------------

# What must be escaped: the quote, backslash, controls, and lone surrogates (a `\ud83d` escape
# read on its own), which no encoding can write.
_SINGLE_QUOTED_ESCAPES = re.compile(r"['\\\x00-\x1f\ud800-\udfff]")
_DOUBLE_QUOTED_ESCAPES = re.compile(r'["\\\x00-\x1f\ud800-\udfff]')
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def json_string(value: str, quote: str = '"') -> str:
    """The JSON string literal of `value`: the one writer of the fixes and the formatter.

    Non-ASCII is kept as it is; lone surrogates become `\\uXXXX` escapes again, so the result
    always encodes to UTF-8. Single-quoted (lenient JSON) when asked and nothing needs escaping.
    """
    if quote == "'" and not _SINGLE_QUOTED_ESCAPES.search(value):
        return f"'{value}'"
    if not _DOUBLE_QUOTED_ESCAPES.search(value):
        return f'"{value}"'  # as json.dumps writes it, without its overhead (J006 calls this per string)
    import json  # only for strings that need escapes: not imported at start-up

    text = json.dumps(value, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _SURROGATE.search(text) else text
