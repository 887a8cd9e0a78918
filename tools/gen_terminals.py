"""Regenerate `kqllint/_terminals.py`: the regular expressions lark builds for the grammar
terminals that kqllint's own scanners run, so that linting never imports lark.

Usage: `python3 tools/gen_terminals.py` writes the module; `--check` writes nothing and exits 1
when it is stale (tests/test_heads.py runs the same comparison). The `.lark` files stay the one
place where the lexical rules are written.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "kqllint" / "_terminals.py"
# (constant, grammar, terminal): every terminal a scanner outside lark runs.
TERMINALS = (
    ("SCRIPT_LINE", "script", "LINE"),
    ("SCRIPT_COMMAND_START", "script", "COMMAND_START"),
    ("SCRIPT_ITEM", "script", "ITEM"),
    ("STRING", "command", "STRING"),
    ("WORD", "command", "WORD"),
    ("BRACKET_NAME", "command", "BRACKET_NAME"),
    ("PARAMETER", "command", "PARAMETER"),
    ("PATH", "command", "PATH"),
    ("TAIL", "command", "TAIL"),
)


def generated() -> str:
    """The text `kqllint/_terminals.py` must hold."""
    from kqllint.grammar import terminal_regex

    lines = [
        '"""The regular expressions of grammar terminals, as lark builds them (generated: do not edit).',
        "",
        "Written by `python3 tools/gen_terminals.py` from grammar/*.lark; tests/test_heads.py fails when",
        "it is stale. Scanners use these instead of `grammar.terminal_regex`, which needs lark.",
        '"""',
        "",
    ]
    for constant, grammar, terminal in TERMINALS:
        lines.append(f"# grammar/{grammar}.lark {terminal}")
        lines.append(f"{constant} = {terminal_regex(grammar, terminal)!r}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = generated()
    if "--check" in argv:
        if MODULE.read_text(encoding="utf-8") != text:
            print(f"{MODULE.relative_to(ROOT)} is stale: run python3 tools/gen_terminals.py", file=sys.stderr)
            return 1
        return 0
    MODULE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
