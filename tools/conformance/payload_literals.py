"""Payload JSON variants and the Kusto string-literal forms that can carry them."""

from __future__ import annotations

import json
from collections.abc import Callable

GUID_A = "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb"
GUID_B = "0b5e7c2d-3f41-4a8e-9c6d-12ab34cd56ef"

_ONE = [{"ObjectId": GUID_A, "AllowedUsages": "NativeIngestion, ExternalTable"}]
_TWO = _ONE + [{"ObjectId": GUID_B, "AllowedUsages": "AutomatedFlows"}]

# json kind -> JSON text (the oracle never looks inside; kqllint does, hence a little variety).
JSONS: dict[str, str] = {
    "empty": "[]",
    "one": json.dumps(_ONE),
    "two": json.dumps(_TWO, separators=(",", ":")),
    "system": '[{"ObjectId": "system", "AllowedUsages": "All"}]',
    "pretty": json.dumps(_TWO, indent=2),
    "docs-single-quoted": f"[ {{ 'ObjectId' : '{GUID_A}', 'AllowedUsages' : 'NativeIngestion' }}]",
    "backslash": json.dumps([{"ObjectId": "system", "AllowedUsages": "All", "DisplayName": "a\\b"}]),
    "quotes": json.dumps([{"ObjectId": GUID_A, "AllowedUsages": "All", "DisplayName": "it's \"x\""}]),
    "invalid-json": '[{"ObjectId": , "AllowedUsages": "All"}]',
}


def _escape(body: str, quote: str) -> str:
    """Write `body` inside a regular `'..'`/`".."` literal with backslash escapes."""
    table = {"\\": "\\\\", quote: "\\" + quote, "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return "".join(table.get(ch, ch) for ch in body)


def regular(quote: str, prefix: str = "") -> Callable[[str], str | None]:
    return lambda body: f"{prefix}{quote}{_escape(body, quote)}{quote}"


def verbatim(quote: str, prefix: str = "") -> Callable[[str], str | None]:
    def enc(body: str) -> str | None:
        if "\n" in body or "\r" in body:
            return None
        return f"{prefix}@{quote}{body.replace(quote, quote * 2)}{quote}"

    return enc


def fence(mark: str, prefix: str = "", layout: str = "inline") -> Callable[[str], str | None]:
    """A triple-backtick or `~~~` literal: inline, multi-line, or opening on the next line."""

    def enc(body: str) -> str | None:
        if mark in body:
            return None
        if layout == "inline":
            return f"{prefix}{mark}{body}{mark}"
        if layout == "multiline":
            return f"{prefix}{mark}\n{body}\n{mark}"
        return f"\n{prefix}{mark}\n{body}\n{mark}"  # nextline

    return enc


def _with_escape(quote: str, escape: str) -> Callable[[str], str | None]:
    """A regular literal with `escape` put in front of the body (e.g. `\\u0041`, `\\q`)."""
    return lambda body: f"{quote}{escape}{_escape(body, quote)}{quote}"


def _unicode_escape(body: str) -> str | None:
    """A double-quoted literal whose first letter is written as `\\uXXXX`."""
    esc = _escape(body, '"')
    for i, ch in enumerate(esc):
        if ch.isalpha():
            return f'"{esc[:i]}\\u{ord(ch):04X}{esc[i + 1:]}"'
    return f'"\\u005B{esc[1:]}"' if esc.startswith("[") else None


# literal kind -> encoder (None when the body cannot be written in that form).
LITERALS: dict[str, Callable[[str], str | None]] = {
    "single": regular("'"),
    "double": regular('"'),
    "double-escape-u": _unicode_escape,
    "double-escape-tab": _with_escape('"', "\\t"),
    "double-escape-invalid": _with_escape('"', "\\q"),
    "single-escape-invalid": _with_escape("'", "\\q"),
    "verbatim-single": verbatim("'"),
    "verbatim-double": verbatim('"'),
    "backtick": fence("```"),
    "backtick-multiline": fence("```", layout="multiline"),
    "backtick-nextline": fence("```", layout="nextline"),
    "tilde": fence("~~~"),
    "tilde-multiline": fence("~~~", layout="multiline"),
    "h-single": regular("'", "h"),
    "H-double": regular('"', "H"),
    "h-verbatim-single": verbatim("'", "h"),
    "H-verbatim-double": verbatim('"', "H"),
    "h-backtick": fence("```", "h"),
    "H-tilde-multiline": fence("~~~", "H", "multiline"),
    "at-backtick": fence("```", "@"),
    "at-tilde-multiline": fence("~~~", "@", "multiline"),
    "single-raw-newline": lambda body: f"'{body[:1]}\n{body[1:]}'",
    "double-unterminated": lambda body: f'"{_escape(body, chr(34))}',
    "backtick-unterminated": lambda body: f"```{body}",
    "empty-double": lambda body: '""',
}


def encode(literal: str, json_kind: str) -> str | None:
    """The payload text for a literal kind and a JSON kind, or None if not representable."""
    return LITERALS[literal](JSONS[json_kind])
