"""Write docs/conformance.md: kqllint's deliberate differences from Kusto.Language."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWLIST = ROOT / "tests" / "data" / "conformance" / "allowlist.json"
DOC = ROOT / "docs" / "conformance.md"

INTRO = """\
# Conformance with Kusto.Language

`tests/test_conformance.py` runs kqllint on {count} generated variants of the managed_identity
commands and compares its verdict with the one Microsoft's parser, Kusto.Language, gave
(stored in `tests/data/conformance/corpus.jsonl`; regenerate it with
`python3 tools/conformance/run_oracle.py`, which needs Node.js and `tools/oracle/setup.sh`).

kqllint calls a text *invalid* when it reports an `error` from a syntax (`S…`) or command
(`C…`) rule; Kusto.Language calls it *valid* when it recognises exactly one managed_identity
command with no syntax diagnostic and nothing skipped (a `; query` tail is judged by the command
before it). Any other disagreement fails the test.

These are the deliberate differences: where the Kusto documentation and Kusto.Language part ways
and kqllint follows the documentation, and where a statement lies outside what kqllint models
([What is modelled](design.md#what-is-modelled-and-what-is-opaque)) so kqllint says nothing about it. Generated from
`tests/data/conformance/allowlist.json` by `python3 tools/conformance/deviations_doc.py`.
"""


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(entries: list[dict[str, str]], count: int | None = None) -> str:
    """The Markdown page for the allow-list `entries`."""
    if count is None:
        count = sum(1 for _ in open(ALLOWLIST.parent / "corpus.jsonl", encoding="utf-8"))
    lines = [INTRO.format(count=f"{count:,}"), "| variant class (regex) | kqllint | Kusto.Language | why |",
             "|---|---|---|---|"]
    for e in entries:
        lines.append(f"| `{cell(e['pattern'])}` | {e['kqllint']} | {e['oracle']} | {cell(e['reason'])} |")
    if not entries:
        lines.append("| (none) | | | |")
    return "\n".join(lines) + "\n"


def main() -> int:
    entries = json.loads(ALLOWLIST.read_text(encoding="utf-8"))
    DOC.write_text(render(entries), encoding="utf-8", newline="\n")
    print(f"wrote {DOC.relative_to(ROOT)} ({len(entries)} differences)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
