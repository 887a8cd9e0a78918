"""Where each rule's documentation page lives (from `[project.urls] Documentation`)."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _docs_base() -> str | None:
    from importlib import metadata

    try:
        urls = metadata.metadata("kqllint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation":
            return url.strip().rstrip("/")
    return None


def rule_url(code: str) -> str | None:
    """The URL of rule `code`'s page, or None when kqllint's metadata names no docs."""
    base = _docs_base()
    return f"{base}/{code}.md" if base else None
