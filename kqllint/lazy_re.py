"""Regular expressions compiled on first use, so that importing a module compiles none."""

from __future__ import annotations

import re
from typing import Any, cast

# What a module calls on its patterns; after the first use each is the compiled pattern's own
# bound method, stored on the instance, so a call costs what it costs on a compiled pattern.
_FORWARDED = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "pattern", "flags",
              "groups", "groupindex")  # fmt: skip


class _Lazy:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Reached only until the first use: then every forwarded name is an instance attribute.
        compiled = re.compile(self._source, self._flags)
        self.__dict__.update((attr, getattr(compiled, attr)) for attr in _FORWARDED)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._source!r}, {self._flags!r})"


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 (the name `re` users expect)
    """`re.compile(source, flags)`, done when the pattern is first used.

    Compiling costs 50-400 us a pattern; the policy registry's modules hold dozens that a run
    may never use, and `kqllint check` imports them all at start-up.
    """
    return cast("re.Pattern[str]", _Lazy(source, flags))
