"""`check --fix`'s machinery: the fix case files `tests/data/fix/*.kql` (input, `//// fix ////`,
the text after the safe fixes, optionally `//// unsafe-fixes ////` and the text after all of
them) and `apply_fixes`' rules for overlapping edits. As in the rule case files, an
`// identities: FILE[, FILE]` comment fixes the case with those files of `tests/data/identities/`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kqllint import lint_text
from kqllint.config import Config
from kqllint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity, Span
from kqllint.fixes import applicable, apply_fixes, fix_text
from kqllint.literals import decode_literal
from kqllint.payload import json_string, parse_payload
from kqllint.rules import RULES

DATA = Path(__file__).parent / "data" / "fix"
CASES = sorted(DATA.glob("*.kql"))
_SECTION = re.compile(r"^//// (fix|unsafe-fixes) ////\n", re.M)
FIXABLE = [r for r in RULES if r.fixable]
_IDENTITIES = re.compile(r"//\s*identities:\s*(.+)")
IDENTITY_FILES = Path(__file__).parent / "data" / "identities"


def config_of(text: str) -> Config | None:
    files = [IDENTITY_FILES / f.strip() for line in _IDENTITIES.findall(text) for f in line.split(",")]
    if not files:
        return None
    from kqllint.identities import load_identities

    return Config(identities=load_identities(files))


def read_case(path: Path) -> tuple[str, str, str]:
    parts = _SECTION.split(path.read_bytes().decode("utf-8"))
    sections = dict(zip(parts[1::2], parts[2::2]))
    return parts[0], sections["fix"], sections.get("unsafe-fixes", sections["fix"])


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case(path: Path, unsafe: bool) -> None:
    source, safe_expected, unsafe_expected = read_case(path)
    config = config_of(source)
    outcome = fix_text(source, config=config, unsafe=unsafe)
    assert outcome.text == (unsafe_expected if unsafe else safe_expected)
    assert outcome.remaining == lint_text(outcome.text, config=config)
    left = [d.code for d in outcome.remaining if applicable(d, unsafe)]
    assert not left, f"fixable findings left after fixing: {left}"
    assert (outcome.fixed > 0) == (outcome.text != source)


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.code)
def test_every_fix_has_a_case_that_uses_it(rule) -> None:
    cases = sorted(DATA.glob(f"{rule.code}_*.kql"))
    assert cases, f"{rule.code} has a fix but no case file tests/data/fix/{rule.code}_*.kql"
    sources = [read_case(p)[0] for p in cases]
    offered = [d for s in sources for d in lint_text(s, config=config_of(s)) if d.code == rule.code and d.fix]
    assert offered, f"no case file of {rule.code} gets its fix"


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.code)
def test_every_fix_says_whether_it_is_safe_and_why(rule) -> None:
    safety = rule.doc.partition("## Fix safety")[2]
    assert "**safe**" in safety or "**unsafe**" in safety, f"{rule.code}: say **safe** or **unsafe** under Fix safety"


def finding(start: int, end: int, content: str, unsafe: bool = False, code: str = "X001") -> Diagnostic:
    applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
    fix = Fix("fix", (Edit(Span(start, end), content),), applicability)
    return Diagnostic(code, "x", "m", Span(start, end), Severity.WARNING, fix=fix)


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text = "abcdef"
    new, count = apply_fixes(text, [finding(0, 3, "X"), finding(2, 4, "Y"), finding(4, 6, "Z")])
    assert (new, count) == ("XdZ", 2)


def test_touching_replacements_apply_together_but_insertions_at_an_edge_do_not() -> None:
    assert apply_fixes("abcd", [finding(0, 2, "X"), finding(2, 4, "Y")]) == ("XY", 2)
    assert apply_fixes("abcd", [finding(2, 2, "+"), finding(2, 2, "-")]) == ("ab+cd", 1)
    assert apply_fixes("abcd", [finding(0, 2, "X"), finding(2, 2, "+")]) == ("Xcd", 1)


def test_unsafe_fixes_only_when_asked() -> None:
    diagnostics = [finding(0, 1, "X", unsafe=True), finding(2, 3, "Y")]
    assert apply_fixes("abc", diagnostics) == ("abY", 1)
    assert apply_fixes("abc", diagnostics, unsafe=True) == ("XbY", 2)


def test_the_same_fix_from_two_findings_is_applied_once() -> None:
    a, b = finding(0, 1, "X", code="A001"), finding(0, 1, "X", code="B001")
    assert apply_fixes("abc", [a, b]) == ("Xbc", 2)


def test_an_edit_beyond_the_text_is_never_applied() -> None:
    assert apply_fixes("abc", [finding(2, 9, "X")]) == ("abc", 0)


def test_a_fix_that_would_add_a_syntax_error_is_not_applied(monkeypatch: pytest.MonkeyPatch) -> None:
    import kqllint.fixes as fixes

    text = ".show cluster policy managed_identity\n"
    breaking = finding(14, 20, "polcy")  # a readable command would become broken
    real = fixes.lint_script
    monkeypatch.setattr(fixes, "lint_script", lambda s, path=None, config=None: real(s) + ([breaking] if s.text == text else []))
    outcome = fixes.fix_text(text)
    assert (outcome.text, outcome.fixed) == (text, 0)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))
def test_fixes_write_json_strings_as_json_dumps_does(value: str) -> None:
    assert json_string(value) == json.dumps(value, ensure_ascii=False)


# Lone surrogates too: a `\\ud83d` escape read on its own puts one into a value.
_ANY_CHARACTER = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))


@given(st.text(_ANY_CHARACTER, max_size=12), st.sampled_from(['"', "'"]))
def test_a_written_json_string_encodes_and_reads_back(value: str, quote: str) -> None:
    written = json_string(value, quote)
    written.encode("utf-8")  # no lone surrogate left raw: it would crash every output
    assume("~~~" not in written)
    literal, _ = decode_literal("~~~[" + written + "]~~~", 0)
    assert parse_payload(literal).value.items[0].value == value  # lenient JSON reads it back
