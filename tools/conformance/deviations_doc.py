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


DOCS_ONLY = """
## Forms only the docs show

Two more comparisons run every policy kind: `tests/data/policies/forms.jsonl` holds Kusto.Language's
verdict on every kind × verb × entity × argument form, and `tests/data/conformance/keyword_forms.jsonl`
its verdict on {keyword_count} keyword forms written right and wrong (order, commas, values, bare
words, case; regenerate it with `python3 tools/conformance/keyword_forms.py`). Where
Kusto.Language rejects a command, or skips part of it, kqllint reports an error: `rejected-policy-form`
(S015) for the form, `invalid-keyword-form` (S016) for the arguments, `keyword-case` (C002) for a
keyword's case, or another syntax rule.

The one deliberate difference: a form that Microsoft's documentation shows but Kusto.Language
rejects (or silently skips part of) gets `docs-only-policy-form` (C006), a **warning**, not an
error, because the documentation says the service runs it and nothing says otherwise. These are
the forms, from kqllint's registry of policy kinds (`docs/policies.md`):

| kind | command | argument | note |
|---|---|---|---|
"""


def docs_only_rows() -> list[str]:
    """One table row per docs-only form of the registry."""
    sys.path.insert(0, str(ROOT))
    from kqllint.policies import KINDS
    from kqllint.policies.commands import ENTITY_TEXT, PayloadShape

    rows = []
    for kind in KINDS:
        for form in kind.docs_forms:
            entities = ", ".join(f"`{ENTITY_TEXT[e]}`" for e in sorted(form.entities, key=lambda e: ENTITY_TEXT[e]))
            if form.example:
                argument = f"`{form.example}`"
            elif form.shape is PayloadShape.NONE:
                argument = ""
            else:
                argument = "a string literal" if form.shape.is_string else "keyword arguments"
            rows.append(f"| `{kind.name}` | `.{form.verb.value}` on {entities} | {cell(argument)} | {cell(form.note)} |")
    return rows


def render(entries: list[dict[str, str]], count: int | None = None) -> str:
    """The Markdown page for the allow-list `entries`, then the registry's docs-only forms."""
    if count is None:
        count = sum(1 for _ in open(ALLOWLIST.parent / "corpus.jsonl", encoding="utf-8"))
    lines = [INTRO.format(count=f"{count:,}"), "| variant class (regex) | kqllint | Kusto.Language | why |",
             "|---|---|---|---|"]
    for e in entries:
        lines.append(f"| `{cell(e['pattern'])}` | {e['kqllint']} | {e['oracle']} | {cell(e['reason'])} |")
    if not entries:
        lines.append("| (none) | | | |")
    keyword_count = sum(1 for _ in open(ALLOWLIST.parent / "keyword_forms.jsonl", encoding="utf-8"))
    lines.append(DOCS_ONLY.format(keyword_count=keyword_count).rstrip("\n"))
    lines.extend(docs_only_rows())
    return "\n".join(lines) + "\n"


def main() -> int:
    entries = json.loads(ALLOWLIST.read_text(encoding="utf-8"))
    DOC.write_text(render(entries), encoding="utf-8", newline="\n")
    print(f"wrote {DOC.relative_to(ROOT)} ({len(entries)} differences)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
