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


# A doc named in prose or code: `docs/design.md`, `../README.md`, `conformance.md` (not a
# `{code}.md` template, nor the `CODE.md` placeholder)
_DOC_MENTION = re.compile(r"(?<![\w/.{}$-])((?:\.\./|[\w-]+/)*[\w-]+\.md)(?![\w/{}])")
_MD_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _project_texts() -> list[Path]:
    """What users and contributors read: the docs, the sources and tools, the test data."""
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for folder in ("kqllint", "tools"):
        files += [p for ext in ("py", "js", "sh") for p in sorted((ROOT / folder).rglob(f"*.{ext}"))]
    files += sorted((ROOT / "grammar").glob("*.lark")) + sorted((ROOT / "tests" / "data").rglob("*.json"))
    return files + sorted((ROOT / "tests").glob("*.py"))


def _mentions(path: Path) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if path.parent.name == "tests" and path.suffix == ".py":
            line = line[line.index("#"):] if "#" in line else ""  # tests write made-up docs; their comments count
        found += [(number, m.group(1)) for m in _DOC_MENTION.finditer(line) if Path(m.group(1)).stem != "CODE"]
    return found


def _anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens."""
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
            for h in re.findall(r"^#+ (.+)$", markdown, re.M)}  # fmt: skip


def test_every_doc_the_project_names_exists() -> None:
    """No reference to a file users do not have (a team-only design note, the team's shared folder)."""
    missing = [f"{path.relative_to(ROOT)}:{n}: {name}" for path in _project_texts() for n, name in _mentions(path)
               if not any((base / name).is_file() for base in (path.parent, ROOT, ROOT / "docs"))]  # fmt: skip
    assert not missing, "these name a doc that is not in the repository:\n" + "\n".join(missing)
    outside = [str(p.relative_to(ROOT)) for p in _project_texts()
               if re.search(r"\.\./shared\b", p.read_text(encoding="utf-8"))]  # fmt: skip
    assert not outside, f"these point outside the project, at the team's shared folder: {outside}"


@pytest.mark.parametrize("page", [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))],
                         ids=lambda p: str(p.relative_to(ROOT)))  # fmt: skip
def test_relative_links_resolve(page: Path) -> None:
    broken = []
    for target in _MD_LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        file, _, anchor = target.partition("#")
        resolved = (page.parent / file).resolve() if file else page
        if not resolved.exists():
            broken.append(target)
        elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved.read_text(encoding="utf-8")):
            broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)} links to what is not there: {broken}"
