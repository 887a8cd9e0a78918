"""The script splitter: lark's compiled regexes find exactly the lines, and the command lines,
that the grammar parses."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kqllint.grammar import parser
from kqllint.diagnostic import Span
from kqllint.model import BadStatement, Command, Container, Opaque
from kqllint.script import _comments_in, _lines, parse_script
from kqllint.source import decode
from strategies import scripts

DATA = Path(__file__).parent / "data"
SAMPLES = sorted(DATA.glob("rules/*/*.kql")) + sorted(DATA.glob("format/*.kql"))


def _lark_lines(text: str) -> list[tuple[int, int, bool]]:
    """The spans of the line tokens in lark's own LALR parse of grammar/script.lark, and
    whether each is a COMMAND_LINE."""
    tree = parser("script").parse(text)
    lines = [child for child in tree.children if getattr(child, "data", None) == "line"]  # not BLANK tokens
    return [(t.start_pos, t.end_pos, t.type == "COMMAND_LINE") for line in lines for t in line.children]


def _fast_lines(text: str) -> list[tuple[int, int, bool]]:
    lines, _ = _lines(text)
    # _lines starts a line at its first non-blank character; lark's LINE includes the indent.
    return [(_indent_start(text, ln.start), ln.end, ln.kind == "dot") for ln in lines]


def _indent_start(text: str, start: int) -> int:
    while start > 0 and text[start - 1] in " \t\f\v":
        start -= 1
    return start


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_splitter_agrees_with_the_grammar_on_case_files(path: Path) -> None:
    text = decode(path.read_bytes()).text
    assert _fast_lines(text) == _lark_lines(text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(scripts(), st.text(alphabet="ab .5'\"`~@/\\\n\r\t[]", max_size=60)))
def test_splitter_agrees_with_the_grammar_on_generated_text(text: str) -> None:
    assert _fast_lines(text) == _lark_lines(text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(scripts(), st.text(alphabet="ab ./'\"`~@\\\n\r\t", max_size=60)))
def test_comments_are_the_items_scan_of_every_line(text: str) -> None:
    """A comment-only line is taken whole, without scanning its items: the same comments."""
    lines, comments = _lines(text)
    expected = [c for ln in lines for c in _comments_in(text, _indent_start(text, ln.start), ln.end)]
    assert comments == expected


def test_blank_lines_split_requests_but_not_inside_a_fence() -> None:
    text = (
        ".alter database db policy managed_identity ```\n[\n\n]\n```\n"
        "\n"
        "T | count\n"
        ".show cluster policy managed_identity\n"
    )
    first, query, show = parse_script(text).statements
    assert isinstance(first, Command) and first.payload is not None
    assert isinstance(query, Opaque) and not query.is_command and query.block == 1
    assert isinstance(show, Command) and show.joined and show.block == 1


def test_execute_script_bodies_split_at_dot_lines() -> None:
    text = (
        ".execute database script <|\n"
        ".alter database db policy managed_identity ```[]```\n"
        ".show database db policy managed_identity\n"
    )
    opener, alter, show = parse_script(text).statements
    assert isinstance(opener, Opaque) and opener.execute_scope is not None
    assert alter.container is show.container is Container.DATABASE_SCRIPT
    assert not alter.joined and not show.joined


def test_comments_are_found_outside_strings_only() -> None:
    text = ".show database ['a//b'] policy managed_identity // real\n// also real\n"
    assert [c.text for c in parse_script(text).comments] == ["// real", "// also real"]


def test_a_dot_line_in_a_query_is_query_text() -> None:
    text = 'datatable(a: real, b: string) [\n    1, "x",\n    ...\n.5, "y"\n]\n'
    (query,) = parse_script(text).statements
    assert isinstance(query, Opaque) and not query.is_command and query.span == Span(0, len(text) - 1)


def test_a_dot_line_after_a_command_line_is_its_text() -> None:
    text = ".set-or-append T <| datatable(a: int) [\n  1,\n  ...\n]\n"
    (command,) = parse_script(text).statements
    assert isinstance(command, Opaque) and command.is_command and command.span.end == len(text) - 1


def test_every_dot_line_starts_a_command_in_an_execute_script_body() -> None:
    text = ".execute database script <|\n.show database db policy managed_identity\n...\n"
    opener, show, elided = parse_script(text).statements
    assert isinstance(show, Command) and show.container is Container.DATABASE_SCRIPT
    assert isinstance(elided, BadStatement) and elided.problems[0].code == "S011"
