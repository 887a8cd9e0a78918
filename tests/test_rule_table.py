"""The lazy rule registry: its generated table matches the rule modules, and a rule loads its
module on the first call of a check, then holds the module's own functions."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kqllint.rules import CHECKS, MODULES, RULES, RULES_BY_CODE, load
from kqllint.rules._rule import rule_from_module

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rule_table", ROOT / "tools" / "gen_rule_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_table_matches_the_rule_modules() -> None:
    """kqllint/_rule_table.py holds what the modules declare today (drift guard)."""
    assert (ROOT / "kqllint" / "_rule_table.py").read_text("utf-8") == _generator().generated(), (
        "run python3 tools/gen_docs.py (it regenerates the rule table, then the docs)"
    )


def test_the_registry_names_every_rule_module_once() -> None:
    on_disk = sorted(p.stem for p in (ROOT / "kqllint" / "rules").glob("*.py") if not p.stem.startswith("_"))
    assert sorted(MODULES) == on_disk
    assert len(RULES) == len(MODULES) == len(RULES_BY_CODE)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_a_loaded_rule_is_its_modules_rule(rule) -> None:  # type: ignore[no-untyped-def]
    module = load(rule)
    assert rule == rule_from_module(module)  # every field but the checks, which take no part
    for check in CHECKS:
        assert getattr(rule, check) is getattr(module, check, None), check


_FIRST_CALL = """
import sys
from kqllint.rules import RULES_BY_CODE
from kqllint.rules._rule import Context
from kqllint.script import parse_script

name = "kqllint.rules.missing_database_name"
loaded = sorted(m for m in sys.modules if m.startswith("kqllint.rules.") and not m.startswith("kqllint.rules._"))
rule = RULES_BY_CODE["C001"]
stand_in = rule.check_command
command = parse_script(".alter database policy caching hot = 1d\\n").commands[0]
found = list(rule.check_command(command, Context()))
module = sys.modules[name]
print(loaded, stand_in is not module.check_command, rule.check_command is module.check_command,
      found == list(module.check_command(command, Context())), len(found))
"""


def test_the_first_call_of_a_check_imports_its_module_and_answers_as_it_does() -> None:
    done = subprocess.run([sys.executable, "-c", _FIRST_CALL], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["[]", "True", "True", "True", "1"], done.stderr
