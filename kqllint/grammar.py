"""Load the lark parsers from `grammar/` (inside the wheel, or beside the package when editable)."""

from __future__ import annotations

import functools
from pathlib import Path

from lark import Lark, Transformer

_HERE = Path(__file__).resolve().parent


def grammar_dir() -> Path:
    """The folder holding the `.lark` files: `kqllint/grammar` in a wheel, `grammar/` in a checkout."""
    for candidate in (_HERE / "grammar", _HERE.parent / "grammar"):
        if (candidate / "command.lark").is_file():
            return candidate
    raise FileNotFoundError(f"kqllint's grammar files are missing (looked beside {_HERE})")


@functools.lru_cache(maxsize=None)
def parser(name: str, transformer: Transformer | None = None) -> Lark:
    """The LALR parser of `grammar/NAME.lark`, compiled once per process.

    `cache=True` keeps lark's compiled tables in the temp folder (never in the package),
    which takes grammar compilation off the start-up path of later runs. A `transformer` is
    applied as the parser reduces, so no parse tree is built.
    """
    text = (grammar_dir() / f"{name}.lark").read_text(encoding="utf-8")
    return Lark(text, parser="lalr", lexer="contextual", cache=True, transformer=transformer)


@functools.lru_cache(maxsize=None)
def terminal_regex(grammar: str, terminal: str) -> str:
    """The regular expression lark builds for `terminal` of `grammar/GRAMMAR.lark`.

    Code that scans text itself reuses the grammar's own definitions this way, so the
    `.lark` file stays the one place where the lexical rules are written.
    """
    stub = f"start: {terminal}\n%import {grammar}.{terminal}\n"
    lark = Lark(stub, parser="lalr", import_paths=[str(grammar_dir())], cache=True)
    return lark.get_terminal(terminal).pattern.to_regexp()
