"""ANSI colouring of Kusto script text for terminal output (pygments is imported lazily)."""

from __future__ import annotations


def highlight(text: str) -> str:
    """Return `text` with ANSI colour codes added and every character of it kept.

    pygments is imported here, not at module level, because the CLI must start fast when it
    does not colour anything. The raw token stream is formatted, not `pygments.highlight`'s,
    so that `\\r\\n`, a lone `\\r` and a BOM survive: removing the escape codes gives `text` back.
    No colour code spans a `\\n`, so a whole file's result may be split into lines; that keeps
    the context of multi-line strings, which a single snippet line lacks.
    """
    from io import StringIO

    from pygments.formatters.terminal import TerminalFormatter
    from pygments.token import Text, Whitespace

    from kqllint.lexer import KustoCommandLexer

    raw = KustoCommandLexer().get_tokens_unprocessed(text)
    # Whitespace as plain text: colour codes around blanks and line breaks are only noise.
    tokens = ((Text if ttype in Whitespace else ttype, value) for _, ttype, value in raw)
    out = StringIO()
    TerminalFormatter().format(tokens, out)
    return out.getvalue()
