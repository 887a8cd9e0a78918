"""The formatter's case files: `tests/data/format/*.kql` (input, `//// output ////`, expected
output, optionally `//// diagnostics ////` and `LINE:COL CODE` lines) and byte-exact
`NAME.in.kql`/`NAME.out.kql` pairs for line endings, BOMs and encodings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kqllint import format_text
from kqllint.formatter import FormatOptions, FormatResult
from kqllint.source import LineIndex, decode

DATA = Path(__file__).parent / "data" / "format"
CASES = sorted(p for p in DATA.glob("*.kql") if not p.name.endswith((".in.kql", ".out.kql")))
PAIRS = sorted(DATA.glob("*.in.kql"))
_SECTION = re.compile(r"^//// (output|diagnostics) ////\n", re.M)


def read_case(path: Path) -> tuple[str, str, list[str]]:
    """The input, the expected output and the expected `LINE:COL CODE` diagnostics of a case."""
    text = path.read_bytes().decode("utf-8")
    parts = _SECTION.split(text)
    sections = dict(zip(parts[1::2], parts[2::2]))
    return parts[0], sections["output"], sections.get("diagnostics", "").split("\n")[:-1]


def located(text: str, result: FormatResult) -> list[str]:
    index = LineIndex(text)
    return [f"{line}:{col} {d.code}" for d in result.diagnostics for line, col in [index.line_col(d.span.start)]]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case(path: Path) -> None:
    source, expected, diagnostics = read_case(path)
    result = format_text(source)
    assert result.text == expected
    assert located(source, result) == diagnostics
    assert result.changed == (expected != source)
    again = format_text(result.text)
    assert (again.text, again.changed) == (result.text, False), "not idempotent"


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.name[: -len(".in.kql")])
def test_byte_exact_pair(path: Path) -> None:
    decoded = decode(path.read_bytes())
    result = format_text(decoded.text)
    assert not result.diagnostics
    expected = path.with_name(path.name.replace(".in.kql", ".out.kql")).read_bytes()
    assert decoded.encode(result.text) == expected
    assert format_text(result.text).text == result.text


def test_indent_width_option() -> None:
    text = '.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
    result = format_text(text, FormatOptions(indent_width=4))
    assert result.text == (
        '.alter cluster policy managed_identity ```\n[\n    {\n        "ObjectId": "system",\n'
        '        "AllowedUsages": "All"\n    }\n]\n```\n'
    )
    with pytest.raises(ValueError):
        FormatOptions(indent_width=0)


def test_blocked_file_diagnostic_says_why() -> None:
    text = ".show   cluster policy managed_identity\n\n.alter database db polcy managed_identity ```[]```\n"
    result = format_text(text)
    assert (result.text, result.changed) == (text, False)
    (d,) = result.diagnostics
    assert (d.code, d.name, d.severity.value) == ("F001", "format-blocked", "error")
    assert d.message == (
        "1 syntax or payload JSON error in the file, so nothing in it is formatted "
        "(first: S001 expected `policy`, found `polcy`)"
    )


def test_a_command_that_fails_the_check_is_left_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Break the renderer on purpose: the meaning check must catch it and keep the command."""
    import kqllint.formatter as formatter

    monkeypatch.setattr(formatter, "_comma_list", lambda value: value.replace("Sql", "Sq1"))
    text = (
        ".show   cluster policy managed_identity\n\n"
        '.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "SqlRequest"}]```\n'
    )
    result = format_text(text)
    assert result.text == (
        ".show cluster policy managed_identity\n\n"
        '.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "SqlRequest"}]```\n'
    )
    assert located(text, result) == ["3:1 F002"]


def test_an_unstable_command_is_left_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer that adds a space each pass: the second-pass check must catch it."""
    import kqllint.formatter as formatter

    real = formatter._join
    monkeypatch.setattr(formatter, "_join", lambda tokens: real(tokens) + " ")
    text = ".show cluster policy managed_identity\n"
    result = format_text(text)
    assert (result.text, located(text, result)) == (text, ["1:1 F003"])


def test_every_refusal_code_is_a_documented_rule() -> None:
    from kqllint.rules import RULES_BY_CODE

    for code in ("F001", "F002", "F003"):
        rule = RULES_BY_CODE[code]
        assert rule.check_command is None and rule.check_script is None
        assert "## Fix safety" in rule.doc


@pytest.mark.parametrize(
    "name, broken, text",
    [
        ("_value", lambda real: lambda v: real(v).replace("7d", "8d"), ".alter table T policy caching hot=7d\n"),
        ("_name", lambda real: lambda n: real(n).lower(), ".alter table Sales policy caching hot = 7d\n"),
        (
            "_ordered",
            lambda real: lambda obj, schema: real(obj, schema)[:-1] if schema is not None else real(obj, schema),
            """.alter table T policy retention '{"Recoverability": "Disabled", "SoftDeletePeriod": "1d"}'\n""",
        ),
    ],
    ids=["keyword-value", "name", "json-member"],
)
def test_the_meaning_check_covers_every_kind(monkeypatch: pytest.MonkeyPatch, name: str, broken, text: str) -> None:
    """Break one piece of the renderer: the command is left as written and reported F002."""
    import kqllint.formatter as formatter

    monkeypatch.setattr(formatter, name, broken(getattr(formatter, name)))
    result = format_text(text)
    assert (result.text, located(text, result)) == (text, ["1:1 F002"])


def test_blocking_is_read_off_the_parse_not_the_rules() -> None:
    """With the linter (and so every rule) unimportable, the formatter still blocks and formats."""
    code = (
        "import sys\n"
        "sys.modules['kqllint.linter'] = None\n"
        "from kqllint.formatter import format_text\n"
        "print([d.code for d in format_text('.alter table T policy retention ```[]```\\n').diagnostics])\n"
        "print(repr(format_text('.alter table T policy caching hot=7d\\n').text))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "['F001']\n'.alter table T policy caching hot = 7d\\n'\n"), done.stderr


def test_key_order_comes_from_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reverse retention's properties in the registry: the formatter follows, with no edit."""
    import kqllint.formatter as formatter
    from kqllint.policies import KINDS_BY_NAME
    from kqllint.policies.schema import obj

    real = KINDS_BY_NAME["retention"]
    fields = dict(zip(real.__slots__, real._key()))
    reversed_kind = type(real)(**{**fields, "payload": obj(*reversed(real.payload.properties))})
    monkeypatch.setitem(formatter.KINDS_BY_NAME, "retention", reversed_kind)
    text = """.alter table T policy retention '{"SoftDeletePeriod": "1d", "Recoverability": "Disabled"}'\n"""
    assert format_text(text).text == (
        '.alter table T policy retention ```\n{\n  "Recoverability": "Disabled",\n  "SoftDeletePeriod": "1d"\n}\n```\n'
    )
