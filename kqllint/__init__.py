"""kqllint: lint and format Kusto control commands (the ManagedIdentity policy family)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Diagnostic", "format_text", "lint_text", "__version__"]

if TYPE_CHECKING:
    from kqllint.diagnostic import Diagnostic
    from kqllint.formatter import format_text
    from kqllint.linter import lint_text


def __getattr__(name: str) -> Any:
    # Lazy, so that `kqllint --help` and the CLI's start-up import only what they use.
    if name == "lint_text":
        from kqllint.linter import lint_text

        return lint_text
    if name == "format_text":
        from kqllint.formatter import format_text

        return format_text
    if name == "Diagnostic":
        from kqllint.diagnostic import Diagnostic

        return Diagnostic
    raise AttributeError(f"module 'kqllint' has no attribute {name!r}")
