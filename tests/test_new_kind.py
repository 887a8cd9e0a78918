"""Adding a policy kind is one module in the registry: nothing else in kqllint is edited.

The test copies the package and its grammar to a temporary folder, adds one kind module and its
line in `kqllint/policies/__init__.py` (the whole diff a contributor writes, besides test cases
and docs), and runs the real CLI on the copy: the parser models the new kind's commands, the
linter checks its payload against the schema, the formatter lays it out canonically, and the
lexer and the rejected-form rule know it. Were any of these to keep its own list of kinds, a
command of the new kind would stay opaque and the expected findings below would be missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A made-up kind, declared as a contributor would: a JSON object on tables, `.alter` only.
MODULE = '''"""A made-up policy kind, added by tests/test_new_kind.py."""

from __future__ import annotations

from kqllint.policies.schema import (
    TABLE, BoolType, IntType, PayloadShape, PolicyKind, TimespanType, Verb, enum_of, forms, obj, prop,
    show_delete, span_range,
)

KIND = PolicyKind(
    name="freshness",
    title="Freshness",
    forms=(forms(Verb.ALTER, PayloadShape.JSON_OBJECT, TABLE), *show_delete(TABLE, TABLE)),
    payload=obj(
        prop("IsEnabled", BoolType(), "whether it is on", required={Verb.ALTER}),
        prop("MaxAge", TimespanType(), "how old data may get"),
        prop("Mode", enum_of("Strict", "Lenient"), "how strict"),
        prop("Copies", IntType(range=span_range(1, 10, "between 1 and 10")), "how many"),
    ),
    url="",
    doc="JSON object.",
)
'''

# (script, the codes `check` reports on it, in order)
CASES = [
    ('.alter table T policy freshness ```{"IsEnabled": true, "MaxAge": "1.00:00:00"}```\n', []),
    (".show table T policy freshness\n", []),
    ('.alter table T policy freshness \'{"IsEnabled": "yes"}\'\n', ["P103"]),
    ('.alter table T policy freshness \'{"MaxAge": "10d", "IsEnabled": true}\'\n', ["P110"]),
    ('.alter table T policy freshness \'{"IsEnabled": true, "Mode": "strict"}\'\n', ["P108"]),
    ('.alter table T policy freshness \'{"IsEnabled": true, "Mode": "Fast"}\'\n', ["P107"]),
    ('.alter table T policy freshness \'{"IsEnabled": true, "Copies": 99}\'\n', ["P112"]),
    ('.alter table T policy freshness \'{"isEnabled": true}\'\n', ["P102"]),
    ('.alter table T policy freshness \'{"IsEnabled": true, "Cpies": 2}\'\n', ["P101"]),
    ('.alter table T policy freshness \'{"MaxAge": "01:00:00"}\'\n', ["P104"]),
    ('.alter table T policy freshness \'[{"IsEnabled": true}]\'\n', ["J002"]),
    ('.alter-merge table T policy freshness \'{"IsEnabled": true}\'\n', ["S015"]),
    ('.alter database D policy freshness \'{"IsEnabled": true}\'\n', ["S015"]),
    ('.alter table T policy freshnes \'{"IsEnabled": true}\'\n', ["S008"]),
]


@pytest.fixture(scope="module")
def copy_with_kind(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("newkind")
    shutil.copytree(ROOT / "kqllint", root / "kqllint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "grammar", root / "grammar")
    (root / "kqllint" / "policies" / "freshness.py").write_text(MODULE, encoding="utf-8")
    init = root / "kqllint" / "policies" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    edited = text.replace("    encoding,\n", "    encoding,\n    freshness,\n", 1)
    edited = edited.replace("    rowid.KIND,\n)", "    rowid.KIND,\n    freshness.KIND,\n)", 1)
    assert edited.count("freshness") == 2, "the registry's layout changed: update this test's two edits"
    init.write_text(edited, encoding="utf-8")
    return root


def _run(root: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-m", "kqllint", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=root, timeout=120)  # fmt: skip


def test_the_copy_runs_its_own_package(copy_with_kind: Path) -> None:
    """The subprocesses below import the copy, not the checkout, so the new kind is there."""
    code = "import kqllint.policies as p; print(p.__file__, 'freshness' in p.KINDS_BY_NAME)"
    env = {**os.environ, "PYTHONPATH": str(copy_with_kind)}
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=copy_with_kind)
    assert probe.stdout.split() == [str(copy_with_kind / "kqllint" / "policies" / "__init__.py"), "True"], probe.stderr


def test_check_knows_the_new_kind(copy_with_kind: Path) -> None:
    # Independent cases, one table each would be noise: the checks across commands stay out.
    script = "".join(text + "\n" for text, _ in CASES) + "// kqllint: ignore-file[P305]\n"
    out = _run(copy_with_kind, "check", "--output-format", "json", "-", stdin=script)
    assert out.returncode in (0, 1), out.stderr
    found = json.loads(out.stdout)
    lines = [text for text, _ in CASES]
    starts = [sum(len(t) + 1 for t in lines[:i]) for i in range(len(lines))]
    by_case: list[list[str]] = [[] for _ in CASES]
    for d in found:
        line = d["location"]["line"]
        offset = sum(len(x) for x in script.splitlines(keepends=True)[: line - 1])
        case = max(i for i, s in enumerate(starts) if s <= offset)
        by_case[case].append(d["code"])
    assert by_case == [codes for _, codes in CASES]


def test_format_lays_out_the_new_kind(copy_with_kind: Path) -> None:
    script = '.alter  table T policy freshness \'{"MaxAge":"01:00:00","IsEnabled":true}\'\n'
    out = _run(copy_with_kind, "format", "-", stdin=script)
    assert out.returncode == 0, out.stderr
    assert out.stdout == (
        '.alter table T policy freshness ```\n{\n  "IsEnabled": true,\n  "MaxAge": "01:00:00"\n}\n```\n'
    )


def test_the_lexer_colours_the_new_kind(copy_with_kind: Path) -> None:
    code = (
        "from kqllint.lexer import KustoCommandLexer\n"
        "toks = KustoCommandLexer().get_tokens('.show table T policy freshness\\n')\n"
        "print([str(t) for t, v in toks if v == 'freshness'])"
    )
    env = {**os.environ, "PYTHONPATH": str(copy_with_kind)}
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=copy_with_kind)
    assert probe.stdout.strip() == "['Token.Name.Builtin']", probe.stderr
