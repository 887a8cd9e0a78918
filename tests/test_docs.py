"""Rule documentation: every docstring has ruff's headings, and the generated docs are current."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kqllint import docs
from kqllint.cli import main
from kqllint.rules import RULES
from kqllint.rules._rule import DOC_HEADINGS

ROOT = Path(__file__).resolve().parents[1]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "tools" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_has_every_heading_in_order(rule) -> None:  # type: ignore[no-untyped-def]
    headings = re.findall(r"^## (.+?)\s*$", rule.doc, re.M)
    missing = [h for h in DOC_HEADINGS if h not in headings]
    assert not missing, f"{rule.code} ({rule.name}): its docstring misses the headings {missing}"
    assert [h for h in headings if h in DOC_HEADINGS] == list(DOC_HEADINGS), f"{rule.code}: headings out of order"
    assert rule.summary and not rule.summary.endswith(":"), f"{rule.code}: the docstring's first line is its summary"


def test_generated_docs_are_current() -> None:
    gen = _generator()
    stale = gen.stale(ROOT)
    assert not stale, (
        f"stale generated docs: {', '.join(map(str, stale))}; regenerate them with `{gen.COMMAND}` and commit the result"
    )


def test_generator_finds_stale_pages(tmp_path: Path) -> None:
    gen = _generator()
    (tmp_path / "README.md").write_text("# x\n\n<!-- rules-table:start -->\nold\n<!-- rules-table:end -->\nend\n")
    (tmp_path / "docs" / "rules").mkdir(parents=True)
    (tmp_path / "docs" / "rules" / "Z999.md").write_text("a rule that is gone\n")
    assert Path("README.md") in gen.stale(tmp_path) and Path("docs/rules/Z999.md") in gen.stale(tmp_path)
    gen.write(tmp_path)
    assert gen.stale(tmp_path) == []
    readme = (tmp_path / "README.md").read_text()
    assert readme.startswith("# x\n\n<!-- rules-table:start -->\n| Code | Name | Severity | Fix | Summary |\n")
    assert readme.endswith("<!-- rules-table:end -->\nend\n")
    m001 = next(r for r in RULES if r.code == "M001")
    assert (tmp_path / "docs" / "rules" / "M001.md").read_text() == docs.rule_markdown(m001)


def test_rule_command_prints_the_page() -> None:
    rule = next(r for r in RULES if r.code == "M001")
    result = CliRunner().invoke(main, ["rule", "M001"])
    assert (result.exit_code, result.stdout) == (0, (ROOT / "docs" / "rules" / "M001.md").read_text())
    assert result.stdout == docs.rule_markdown(rule)


def test_url_is_null_without_a_documentation_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docs, "_docs_base", lambda: None)
    (tmp_path / "a.kql").write_text(".alter database policy managed_identity ```[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\"}]```\n")
    result = CliRunner().invoke(main, ["check", "--output-format", "json", str(tmp_path / "a.kql")])
    assert [d["url"] for d in json.loads(result.stdout)] == [None]
    assert docs.rule_url("C001") is None
