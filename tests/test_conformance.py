"""Compare kqllint's verdicts with Kusto.Language's, stored in tests/data/conformance/."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "conformance"
TOOLS = ROOT / "tools" / "conformance"
VERDICTS = ("valid", "invalid")

Row = dict[str, Any]


def load_corpus() -> list[Row]:
    with open(DATA / "corpus.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_allowlist() -> list[dict[str, str]]:
    return json.loads((DATA / "allowlist.json").read_text(encoding="utf-8"))


CORPUS = load_corpus()
ALLOWLIST = load_allowlist()
GROUPS: dict[str, list[Row]] = defaultdict(list)
for _row in CORPUS:
    GROUPS[_row["cls"]].append(_row)


def oracle_verdict(row: Row) -> str:
    """`syntax_ok`, except that a `; query` tail is judged by the command before it alone."""
    if "head" in row:
        # The oracle counts the query after `;` as a second statement; Kusto runs it over the
        # command's result, so the text is fine when the head is and the rest parsed cleanly.
        ok = row["head_syntax_ok"] and not row["syntax_diagnostics"] and not row["skipped"]
    else:
        ok = row["syntax_ok"]
    return "valid" if ok else "invalid"


@cache
def lint_text() -> Callable[[str], list[Any]]:
    from kqllint import lint_text as lint

    return lint


@cache
def blocking(text: str) -> tuple[Any, ...]:
    """kqllint's errors from syntax (`S…`) and command (`C…`) rules."""
    return tuple(
        d
        for d in lint_text()(text)
        if d.severity.value == "error" and d.code.startswith(("S", "C"))
    )


def allowed(cls: str, kqllint: str, oracle: str) -> dict[str, str] | None:
    """The allow-list entry that covers this disagreement, if any."""
    for entry in ALLOWLIST:
        if entry["kqllint"] == kqllint and entry["oracle"] == oracle and re.search(entry["pattern"], cls):
            return entry
    return None


def explain(row: Row, kqllint: str, oracle: str, errors: tuple[Any, ...]) -> str:
    """Everything needed to judge one disagreement."""
    ours = [f"{d.code} {d.span.start}..{d.span.end}: {d.message}" for d in errors] or ["(none)"]
    theirs = [f"{d['code']} {d['start']}..{d['end']}: {d['message']}" for d in row["syntax_diagnostics"]]
    theirs += [f"skipped {s['start']}..{s['end']}: {s['text']!r}" for s in row["skipped"]]
    if "head" in row:
        theirs.append(f"head {row['head']!r}: syntax_ok={row['head_syntax_ok']}")
    return "\n".join([
        f"text:    {row['text']!r}",
        f"class:   {row['cls']}",
        f"kqllint: {kqllint}; errors: " + "; ".join(ours),
        f"oracle:  {oracle}; node={row['node']} command={row['command']} statements={row['statements']}",
        *(f"         {line}" for line in theirs),
    ])


def disagreements(rows: list[Row]) -> list[tuple[Row, str, str, tuple[Any, ...]]]:
    out = []
    for row in rows:
        errors = blocking(row["text"])
        kqllint, oracle = ("invalid" if errors else "valid"), oracle_verdict(row)
        if kqllint != oracle:
            out.append((row, kqllint, oracle, errors))
    return out


@pytest.mark.parametrize("cls", sorted(GROUPS))
def test_kqllint_agrees_with_kusto_language(cls: str) -> None:
    unexplained = [
        explain(*d) for d in disagreements(GROUPS[cls]) if allowed(cls, d[1], d[2]) is None
    ]
    assert not unexplained, "kqllint and Kusto.Language disagree:\n\n" + "\n\n".join(unexplained)


def test_every_allowlist_entry_is_used() -> None:
    """A stale entry could hide a future bug, so each must cover a disagreement that exists."""
    used: set[int] = set()
    for cls, rows in GROUPS.items():
        for _, kqllint, oracle, _ in disagreements(rows):
            entry = allowed(cls, kqllint, oracle)
            if entry is not None:
                used.add(id(entry))
    unused = [e["pattern"] for e in ALLOWLIST if id(e) not in used]
    assert not unused, f"allow-list entries that match no disagreement: {unused}"


def test_allowlist_entries_are_well_formed() -> None:
    for entry in ALLOWLIST:
        assert set(entry) == {"pattern", "kqllint", "oracle", "reason"}, entry
        assert entry["kqllint"] in VERDICTS and entry["oracle"] in VERDICTS, entry
        assert entry["kqllint"] != entry["oracle"], entry
        assert entry["reason"].strip(), entry
        re.compile(entry["pattern"])
        assert any(re.search(entry["pattern"], cls) for cls in GROUPS), entry["pattern"]


def _tool(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"_conformance_{name}", TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_corpus_matches_the_generator() -> None:
    """Changing the generator without re-running the oracle leaves stale verdicts."""
    generated = [(v.text, v.cls) for v in _tool("generate").variants()]
    assert generated == [(r["text"], r["cls"]) for r in CORPUS], (
        "tests/data/conformance/corpus.jsonl is stale: run python3 tools/conformance/run_oracle.py"
    )


def test_corpus_is_a_useful_size() -> None:
    assert 2000 <= len(CORPUS) <= 4000
    assert (DATA / "corpus.jsonl").stat().st_size < 3_000_000
    assert {oracle_verdict(r) for r in CORPUS} == set(VERDICTS)


def test_conformance_doc_is_current() -> None:
    doc = _tool("deviations_doc").render(ALLOWLIST)
    current = (ROOT / "docs" / "conformance.md").read_text(encoding="utf-8")
    assert current == doc, "docs/conformance.md is stale: run python3 tools/conformance/deviations_doc.py"


# ---- every policy kind x verb x entity x argument form (tests/data/policies/forms.jsonl) ----

FORMS = [json.loads(line) for line in (ROOT / "tests" / "data" / "policies" / "forms.jsonl").read_text("utf-8").splitlines() if line.strip()]
_FORM_CODES = ("S", "C")


def _form_findings(text: str) -> tuple[list[str], list[str]]:
    """kqllint's error-severity form and syntax findings (S…, C…), and its C006 warnings."""
    found = lint_text()(text)
    errors = [f"{d.code}: {d.message}" for d in found if d.severity.value == "error" and d.code.startswith(_FORM_CODES)]
    return errors, [f"{d.code}: {d.message}" for d in found if d.code == "C006"]


def _docs_only(row: Row) -> bool:
    from kqllint.policies import KINDS_BY_NAME
    from kqllint.policies.commands import Entity, PayloadShape, Verb
    from kqllint.policies.validate import Verdict, form_allowed

    shapes = {"none": (PayloadShape.NONE,), "string": (PayloadShape.STRING,),
              "keyword": (PayloadShape.KEYWORD, PayloadShape.BARE)}[row["argument"]]  # fmt: skip
    kind, verb, entity = KINDS_BY_NAME[row["kind"]], Verb(row["verb"]), Entity(row["entity"])
    return any(form_allowed(kind, verb, entity, s) is Verdict.DOCS_ONLY for s in shapes)


@pytest.mark.parametrize("row", FORMS, ids=lambda r: r["text"])
def test_every_policy_form_gets_kusto_languages_verdict(row: Row) -> None:
    """Oracle accepts: no error from the syntax and form rules. Oracle rejects: an error
    (S015 or another syntax code), or C006 when the registry marks the form docs-only. The
    registry's docs-only forms are the one deliberate difference (docs/conformance.md)."""
    errors, docs_only = _form_findings(row["text"])
    if row["syntax_ok"]:
        assert errors == [] and docs_only == [], row["text"]
    elif _docs_only(row):
        assert errors == [] and docs_only, row["text"]
    else:
        assert errors, f"{row['text']}: Kusto.Language rejects it, kqllint reports no error"


# ---- keyword forms: order, commas, values, bare words, case (tests/data/conformance/keyword_forms.jsonl) ----

KEYWORD_FORMS = [json.loads(line) for line in (DATA / "keyword_forms.jsonl").read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", KEYWORD_FORMS, ids=lambda r: r["text"])
def test_every_keyword_form_gets_kusto_languages_verdict(row: Row) -> None:
    """Oracle accepts (nothing skipped): no syntax or command error. Oracle rejects or skips
    part of the command: an error (S016, C002, ...), or C006 for a form only the docs show
    (the deliberate difference, docs/conformance.md)."""
    errors, docs_only = _form_findings(row["text"])
    if row["syntax_ok"]:
        assert errors == [] and docs_only == [], row["text"]
    else:
        assert errors or docs_only, f"{row['text']}: Kusto.Language skips {row['skipped']}, kqllint reports no error"
        assert not (errors and docs_only), (errors, docs_only)
