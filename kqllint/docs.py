"""Where each rule's documentation page lives (from `[project.urls] Documentation`)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kqllint.rules._rule import Rule


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


def rule_markdown(rule: Rule) -> str:
    """A rule's page: what `kqllint rule CODE` prints and `docs/rules/CODE.md` holds."""
    fix = "available (see *Fix safety*)" if rule.fixable else "none"
    return (
        f"# {rule.name} ({rule.code})\n\n{rule.summary}\n\n"
        f"- Default severity: `{rule.severity.value}`\n- Fix: {fix}\n\n{rule.doc}\n"
    )


def rules_table(rules: Iterable[Rule], link: str = "docs/rules/{code}.md") -> str:
    """The Markdown table of `rules` that the README holds between its `rules-table` markers."""
    rows = ["| Code | Name | Severity | Fix | Summary |", "| --- | --- | --- | --- | --- |"]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        rows.append(f"| [{r.code}]({link.format(code=r.code)}) | `{r.name}` | {r.severity.value} "
                    f"| {'yes' if r.fixable else ''} | {summary} |")  # fmt: skip
    return "\n".join(rows) + "\n"
