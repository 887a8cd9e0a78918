"""Regenerate `docs/rules/CODE.md` and the README's rule table from the rule docstrings.

Usage: `python3 tools/gen_docs.py` first regenerates the rule table the registry is built from
(`tools/gen_rule_table.py`), then writes them; `--check` writes nothing and exits 1 when any is
stale (the test suite runs the same comparison).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = Path("docs") / "rules"
README = Path("README.md")
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"
COMMAND = "python3 tools/gen_docs.py"


def generated(root: Path = ROOT) -> dict[Path, str]:
    """Every generated file (relative to `root`) with the text it must hold."""
    # Imported here: `main` regenerates the rule table, which `kqllint.rules` reads, first.
    from kqllint.docs import rule_markdown, rules_table
    from kqllint.rules import RULES

    files = {DOCS / f"{r.code}.md": rule_markdown(r) for r in RULES}
    readme = (root / README).read_text(encoding="utf-8")
    head, start, rest = readme.partition(START)
    _, end, tail = rest.partition(END)
    if not (start and end):
        raise SystemExit(f"{README}: the markers {START} and {END} are missing")
    files[README] = f"{head}{START}\n{rules_table(RULES)}{END}{tail}"
    return files


def stale(root: Path = ROOT) -> list[Path]:
    """Generated files whose text differs, and rule pages of rules that no longer exist."""
    wanted = generated(root)
    out = [p for p, text in wanted.items() if _read(root / p) != text]
    out += [p.relative_to(root) for p in sorted((root / DOCS).glob("*.md")) if p.relative_to(root) not in wanted]
    return out


def write(root: Path = ROOT) -> list[Path]:
    changed = stale(root)
    wanted = generated(root)
    for path in changed:
        if path in wanted:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(wanted[path], encoding="utf-8", newline="\n")
        else:
            (root / path).unlink()
    return changed


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def main(argv: list[str]) -> int:
    if "--check" in argv:
        out = stale()
        for path in out:
            print(f"stale: {path}", file=sys.stderr)
        if out:
            print(f"run `{COMMAND}` to regenerate", file=sys.stderr)
        return 1 if out else 0
    subprocess.run([sys.executable, str(ROOT / "tools" / "gen_rule_table.py")], check=True)
    for path in write():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
