"""Regenerate `kqllint/_rule_table.py`: each rule's record (code, name, severity, docs, the kinds
and parts it reads) as its module declares it, so that the registry can list every rule and
choose the ones to run without importing a rule module.

Usage: `python3 tools/gen_rule_table.py` writes the module; `--check` writes nothing and exits 1
when it is stale (tests/test_rule_table.py runs the same comparison). `tools/gen_docs.py` runs it
first, so after adding a rule or changing a rule's constants or docstring that one command
regenerates the table and the docs read from it. The rule modules stay the one place where a rule is written.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "kqllint" / "_rule_table.py"
HEADER = '''"""Every rule's record, as its module declares it (generated: do not edit).

Written by `python3 tools/gen_rule_table.py` from the modules `kqllint.rules.MODULES` names;
tests/test_rule_table.py fails when it is stale. The registry builds `RULES` from it and imports
a rule's module only when one of its checks is first called.
"""

from kqllint.diagnostic import Severity

# (module, the checks it defines, the `Rule` fields besides the checks that differ from their
# defaults), in code order.
TABLE: tuple[tuple[str, tuple[str, ...], dict[str, object]], ...] = (
'''


def generated() -> str:
    """The text `kqllint/_rule_table.py` must hold."""
    from kqllint.rules import CHECKS, MODULES
    from kqllint.rules._rule import Rule, rule_from_module

    rows = []
    for name in MODULES:
        module = importlib.import_module(f"kqllint.rules.{name}")
        rows.append((name, rule_from_module(module)))
    lines = [HEADER.rstrip("\n")]
    for name, rule in sorted(rows, key=lambda row: row[1].code):
        checks = tuple(c for c in CHECKS if getattr(rule, c) is not None)
        lines += ["    (", f"        {name!r},", f"        {checks!r},", "        {"]
        for f in dataclasses.fields(Rule):
            value = getattr(rule, f.name)
            if f.name not in CHECKS and value != f.default:
                lines.append(f"            {f.name!r}: {_literal(value)},")
        lines += ["        },", "    ),"]
    lines.append(")")
    return "\n".join(lines) + "\n"


def _literal(value: object) -> str:
    """`value` as Python source: strings of several lines as one implicitly joined line each."""
    from kqllint.diagnostic import Severity

    if isinstance(value, Severity):  # the one enum among the fields: the header imports it
        return f"Severity.{value.name}"
    if isinstance(value, frozenset):
        return f"frozenset({{{', '.join(repr(v) for v in sorted(value))}}})"
    if isinstance(value, str) and "\n" in value:
        parts = "".join(f"                {line!r}\n" for line in value.splitlines(keepends=True))
        return f"(\n{parts}            )"
    if isinstance(value, (str, bool, int)) or value is None:
        return repr(value)
    raise TypeError(f"no literal for a rule field of type {type(value).__name__}: extend _literal")


def main(argv: list[str]) -> int:
    text = generated()
    if "--check" in argv:
        if MODULE.read_text(encoding="utf-8") != text:
            print(f"{MODULE.relative_to(ROOT)} is stale: run python3 tools/gen_rule_table.py", file=sys.stderr)
            return 1
        return 0
    MODULE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
