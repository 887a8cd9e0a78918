"""Tests for the pygments lexer of Kusto command scripts and the ANSI highlighter."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
    _TokenType,
)

from kqllint.highlight import highlight
from kqllint.lexer import KEYWORD_FORM_WORDS, KustoCommandLexer
from kqllint.policies import KINDS

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "lexer"
UPDATE = os.environ.get("KQLLINT_UPDATE_SNAPSHOTS") == "1"
HEAD = ".alter database d policy managed_identity "

Pair = tuple[_TokenType, str]
Aff, Sq, Dq, Esc, Delim = String.Affix, String.Single, String.Double, String.Escape, String.Delimiter


def tokens(text: str) -> list[Pair]:
    """The full token stream, line endings kept (no pygments preprocessing)."""
    return [(t, v) for _, t, v in KustoCommandLexer().get_tokens_unprocessed(text)]


def significant(text: str) -> list[Pair]:
    return [(t, v) for t, v in tokens(text) if t not in Whitespace]


def errors(text: str) -> list[Pair]:
    return [(t, v) for t, v in tokens(text) if t in Error]


def after_head(text: str) -> list[Pair]:
    """Tokens after `HEAD`, which every literal case starts with."""
    assert text.startswith(HEAD)
    return significant(text)[6:]


# --- the command head --------------------------------------------------------------------------

ALTER_MERGE = (
    ".alter-merge database ['Sales-DB'] policy managed_identity "
    '```[{"ObjectId": "system", "AllowedUsages": "All"}]```'
)


def test_alter_merge_head_tokens_exactly() -> None:
    assert significant(ALTER_MERGE)[:10] == [
        (Punctuation, "."),
        (Keyword, "alter-merge"),
        (Keyword.Type, "database"),
        (Punctuation, "["),
        (Name, "'Sales-DB'"),
        (Punctuation, "]"),
        (Keyword, "policy"),
        (Name.Builtin, "managed_identity"),
        (Delim, "```"),
        (Punctuation, "[{"),
    ]
    assert significant(ALTER_MERGE)[-2:] == [(Punctuation, "}]"), (Delim, "```")]


def test_json_payload_keys_are_json_name_tokens() -> None:
    toks = significant(ALTER_MERGE)
    assert [v for t, v in toks if t is Name.Tag] == ['"ObjectId"', '"AllowedUsages"']
    assert (Dq, '"system"') in toks and (Dq, '"All"') in toks
    assert errors(ALTER_MERGE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".show cluster policy managed_identity", [(Keyword, "show"), (Keyword.Type, "cluster")]),
        (".DELETE Database db POLICY Managed_Identity", [(Keyword, "DELETE"), (Keyword.Type, "Database"), (Name, "db"), (Keyword, "POLICY"), (Name.Builtin, "Managed_Identity")]),
        (".create-or-alter materialized-view V", [(Keyword, "create-or-alter"), (Keyword.Type, "materialized-view"), (Name, "V")]),
        (".alter-mergex x", [(Name, "alter-mergex"), (Name, "x")]),
        (".alter tables (T1) policy caching", [(Keyword, "alter"), (Keyword.Type, "tables"), (Punctuation, "("), (Name, "T1"), (Punctuation, ")"), (Keyword, "policy"), (Name.Builtin, "caching")]),
        ('.show database ["my db"] policies', [(Keyword, "show"), (Keyword.Type, "database"), (Punctuation, "["), (Name, '"my db"'), (Punctuation, "]"), (Keyword, "policies")]),
        (".show database [my db] policy", [(Keyword, "show"), (Keyword.Type, "database"), (Punctuation, "["), (Name, "my db"), (Punctuation, "]"), (Keyword, "policy")]),
        (".show database {db} policy", [(Keyword, "show"), (Keyword.Type, "database"), (Punctuation, "{"), (Name.Variable, "db"), (Punctuation, "}"), (Keyword, "policy")]),
        (".drop external table E", [(Keyword, "drop"), (Keyword.Type, "external"), (Keyword.Type, "table"), (Name, "E")]),
    ],
    ids=["show", "any-case", "hyphenated", "unknown-verb", "tables", "dq-name", "bare-bracket-name", "client-param", "external"],
)  # fmt: skip
def test_command_words(text: str, expected: list[Pair]) -> None:
    assert significant(text)[1 : 1 + len(expected)] == expected
    assert errors(text) == []


@pytest.mark.parametrize("kind", [k.name for k in KINDS if k.policy_word])
def test_policy_kinds_are_builtin_names(kind: str) -> None:
    """Every kind in the registry, with no list of kinds in the lexer."""
    assert (Name.Builtin, kind) in significant(f".alter database d policy {kind} ```{{}}```")


def test_keyword_form_words_come_from_the_registry() -> None:
    for kind in KINDS:
        for arg in kind.keyword_form_args():
            assert arg.name in KEYWORD_FORM_WORDS, (kind.name, arg.name)
        assert set(kind.keywords) - {"true", "false", "with"} <= set(KEYWORD_FORM_WORDS), kind.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".alter-merge table T policy retention softdelete = 7d recoverability = disabled",
         [(Keyword, "softdelete"), (Operator, "="), (Number, "7d"), (Keyword, "recoverability"), (Operator, "="), (Keyword, "disabled")]),
        (".alter table T policy roworder (A asc)", [(Punctuation, "("), (Name, "A"), (Keyword, "asc"), (Punctuation, ")")]),
        (".alter table T policy streamingingestion Enable", [(Keyword, "Enable")]),
        (".create table T (hot: timespan)", [(Punctuation, "("), (Name, "hot")]),
    ],
    ids=["retention", "roworder", "any-case", "not-after-policy"],
)  # fmt: skip
def test_keyword_form_words_are_keywords_after_the_kind(text: str, expected: list[Pair]) -> None:
    toks = significant(text)
    start = next(i for i, pair in enumerate(toks) if pair == expected[0])
    assert toks[start : start + len(expected)] == expected


# --- string literals ---------------------------------------------------------------------------

LITERALS = {
    "single": ("'a b'", [(Sq, "'"), (Sq, "a b"), (Sq, "'")]),
    "single-escapes": (r"'a\'b\\c\td'", [(Sq, "'"), (Sq, "a"), (Esc, r"\'"), (Sq, "b"), (Esc, r"\\"), (Sq, "c"), (Esc, r"\t"), (Sq, "d"), (Sq, "'")]),
    "double-escapes": (r'"\"\n\u00e9\U0001F600\x41\101"', [(Dq, '"'), (Esc, r"\""), (Esc, r"\n"), (Esc, r"\u00e9"), (Esc, r"\U0001F600"), (Esc, r"\x41"), (Esc, r"\101"), (Dq, '"')]),
    "verbatim-single": ("@'C:\\x''y'", [(Aff, "@"), (Sq, "'"), (Sq, "C:\\x"), (Esc, "''"), (Sq, "y"), (Sq, "'")]),
    "verbatim-double": ('@"a""b"', [(Aff, "@"), (Dq, '"'), (Dq, "a"), (Esc, '""'), (Dq, "b"), (Dq, '"')]),
    "obfuscated-single": ("h'secret'", [(Aff, "h"), (Sq, "'"), (Sq, "secret"), (Sq, "'")]),
    "obfuscated-double": ('H"secret"', [(Aff, "H"), (Dq, '"'), (Dq, "secret"), (Dq, '"')]),
    "obfuscated-verbatim": ("h@'a''b'", [(Aff, "h@"), (Sq, "'"), (Sq, "a"), (Esc, "''"), (Sq, "b"), (Sq, "'")]),
    "fence-backtick": ("```[]```", [(Delim, "```"), (Punctuation, "[]"), (Delim, "```")]),
    "fence-tilde": ("~~~{}~~~", [(Delim, "~~~"), (Punctuation, "{}"), (Delim, "~~~")]),
    "fence-raw-text": ("```a 'b' \\n```", [(Delim, "```"), (String.Heredoc, "a 'b' \\n"), (Delim, "```")]),
    "fence-obfuscated": ("h```x```", [(Aff, "h"), (Delim, "```"), (String.Heredoc, "x"), (Delim, "```")]),
    "fence-verbatim": ("@~~~x~~~", [(Aff, "@"), (Delim, "~~~"), (String.Heredoc, "x"), (Delim, "~~~")]),
    "fence-obfuscated-verbatim": ("H@```x```", [(Aff, "H@"), (Delim, "```"), (String.Heredoc, "x"), (Delim, "```")]),
    "fence-multiline": ("```\n[\n]\n```", [(Delim, "```"), (Punctuation, "["), (Punctuation, "]"), (Delim, "```")]),
    "fence-holds-other-fence": ("~~~a```b~~~", [(Delim, "~~~"), (String.Heredoc, "a```b"), (Delim, "~~~")]),
}  # fmt: skip


@pytest.mark.parametrize(("literal", "expected"), LITERALS.values(), ids=LITERALS.keys())
def test_string_literal_forms(literal: str, expected: list[Pair]) -> None:
    text = HEAD + literal + "\n"
    assert after_head(text) == expected
    assert errors(text) == []


def test_unknown_escape_is_the_only_error_token() -> None:
    # `\q` is an error to Kusto.Language, so the lexer marks exactly it.
    assert errors(HEAD + r"'a\qb'") == [(Error, r"\q")]


@pytest.mark.parametrize(
    "literal", ["'abc", '"ab\\"c', "@'a''", '@"', "h'", "```[{\"a\": 1", "~~~x\ny", "h@```", "'a\\"]
)
def test_unterminated_literal_at_end_of_file_ends_cleanly(literal: str) -> None:
    text = HEAD + literal
    assert "".join(v for _, v in tokens(text)) == text
    assert errors(text) == []
    # The rest of the file stays inside the literal (a JSON payload's parts included).
    assert all(t in String or t in Punctuation or t in Name.Tag or t in Number for t, _ in after_head(text))


def test_unterminated_single_line_literal_stops_at_the_line_end() -> None:
    toks = significant(HEAD + "'abc\n.show cluster policy managed_identity")
    assert toks[6:8] == [(Sq, "'"), (Sq, "abc")]
    assert toks[8:10] == [(Punctuation, "."), (Keyword, "show")]


def test_single_quoted_json_payload_has_no_errors() -> None:
    text = HEAD + "```[ { 'ObjectId': 'system', // note\n AllowedUsages: 'All', } ]```"
    toks = after_head(text)
    assert [v for t, v in toks if t is Name.Tag] == ["'ObjectId'", "AllowedUsages"]
    assert (Comment.Single, "// note") in toks
    assert errors(text) == []


def test_json_inside_quoted_literal_stays_one_string() -> None:
    text = HEAD + "\"[ { 'ObjectId' : 'x' }]\""
    assert after_head(text) == [(Dq, '"'), (Dq, "[ { 'ObjectId' : 'x' }]"), (Dq, '"')]


# --- comments ----------------------------------------------------------------------------------


def test_line_comments_anywhere_between_words() -> None:
    text = "// head\n.alter cluster // why\n  policy managed_identity ```[]``` // tail\n"
    comments = [v for t, v in tokens(text) if t in Comment]
    assert comments == ["// head", "// why", "// tail"]
    assert (Keyword, "policy") in significant(text)


@pytest.mark.parametrize("text", ["/* x */ .show cluster", ".show cluster /* x */", "print '//x'", HEAD + "```raw // x```"])
def test_no_comment_where_kusto_has_none(text: str) -> None:
    # Kusto has no block comments, and `//` inside a string literal is string text (inside a
    # JSON payload pygments' JsonLexer reads `//` as a JSON comment, so the case is raw text).
    assert [v for t, v in tokens(text) if t in Comment] == []
    assert errors(text) == []


# --- statements: commands, queries, boundaries -------------------------------------------------


def test_pipe_after_command_starts_a_query() -> None:
    toks = significant(".show cluster policy managed_identity | where Policy has 'x' | take 1")
    assert toks[4:7] == [(Name.Builtin, "managed_identity"), (Operator, "|"), (Keyword, "where")]
    assert (Keyword, "take") in toks


def test_blank_line_ends_a_command_and_a_query_follows() -> None:
    # `policy` is a command keyword only inside a command; in the query after it is a name.
    toks = significant(".alter cluster policy managed_identity ```[]```\n  \t\nT | where policy == 1")
    assert toks[-6:] == [
        (Name, "T"),
        (Operator, "|"),
        (Keyword, "where"),
        (Name, "policy"),
        (Operator, "=="),
        (Number, "1"),
    ]


def test_line_starting_with_a_dot_starts_a_command_inside_a_query() -> None:
    toks = significant("T\n| take 1\n  .show cluster policy managed_identity")
    assert toks[-5:] == [(Punctuation, "."), (Keyword, "show"), (Keyword.Type, "cluster"), (Keyword, "policy"), (Name.Builtin, "managed_identity")]  # fmt: skip


def test_execute_script_body_holds_commands() -> None:
    text = ".execute database script <| .create table T (a:string)\n.alter database d policy managed_identity ```[]```"  # fmt: skip
    toks = significant(text)
    assert toks[:5] == [(Punctuation, "."), (Keyword, "execute"), (Keyword.Type, "database"), (Keyword.Type, "script"), (Operator, "<|")]  # fmt: skip
    assert [v for t, v in toks if t is Keyword and v in ("create", "alter")] == ["create", "alter"]


def test_query_fed_into_a_command() -> None:
    toks = significant(".set-or-append T <| print x = 1 ; print y")
    assert toks[3:6] == [(Operator, "<|"), (Keyword, "print"), (Name, "x")]
    assert (Punctuation, ";") in toks


@pytest.mark.parametrize("text", [".", ". alter", ".\n", "..", ".1", "|", "<|", "[", "['", "{", "@", "h", "```", "~~~~~~"])  # fmt: skip
def test_fragments_give_no_error_tokens(text: str) -> None:
    assert errors(text) == []
    assert "".join(v for _, v in tokens(text)) == text


# --- whole scripts: snapshots ------------------------------------------------------------------


def render(pairs: list[Pair]) -> str:
    return "".join(f"{str(t).removeprefix('Token.')}\t{v!r}\n" for t, v in pairs)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.kql")), ids=lambda p: p.stem)
def test_script_snapshot(path: Path) -> None:
    """Each data script lexes without error tokens and as its `.tokens` snapshot records.

    Regenerate with KQLLINT_UPDATE_SNAPSHOTS=1 and review the diff before committing.
    """
    text = path.read_text(encoding="utf-8")
    assert errors(text) == []
    snapshot = path.with_suffix(".tokens")
    actual = render(tokens(text))
    if UPDATE or not snapshot.exists():
        snapshot.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == snapshot.read_text(encoding="utf-8")


def test_crlf_input_lexes_as_lf_input() -> None:
    lf = (DATA / "mixed.kql").read_text(encoding="utf-8")
    crlf = lf.replace("\n", "\r\n")
    assert significant(crlf) == significant(lf)
    assert [v for t, v in tokens(crlf) if "\n" in v and t in Whitespace][:2] == ["\r\n", "\r\n"]
    assert "".join(v for _, v in tokens(crlf)) == crlf
    # get_tokens() is pygments' public path: it turns \r\n into \n before lexing.
    assert "".join(v for _, v in KustoCommandLexer().get_tokens(crlf)) == lf


def test_crlf_after_a_word_is_not_a_blank_line() -> None:
    # A regression: `\r` then `\n` was once read as two line breaks, ending the command.
    text = ".alter cluster policy\r\n  // c\r\n  managed_identity ```[]```"
    assert (Name.Builtin, "managed_identity") in significant(text)
    assert (Whitespace, "\r\n") in tokens(text)


def test_lone_cr_ends_a_line_too() -> None:
    text = ".show cluster policy managed_identity\r\r.show database d policy managed_identity"
    assert [v for t, v in significant(text) if t is Keyword and v == "show"] == ["show", "show"]
    assert (Whitespace, "\r") in tokens(text)


# --- the conformance corpus (texts Kusto.Language parsed) -------------------------------------

CORPUS = ROOT / "tests" / "data" / "conformance" / "corpus.jsonl"


def test_every_text_kusto_language_accepts_lexes_without_error_tokens() -> None:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS.relative_to(ROOT)} is not there")
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    accepted = [r for r in records if r["syntax_ok"]]
    assert accepted, "the corpus holds accepted texts"
    with_errors = [r["text"] for r in accepted if errors(r["text"])]
    assert with_errors == []
    modelled = [r["text"] for r in accepted if "ManagedIdentity" in (r.get("command") or "")]
    kind = (Name.Builtin, "managed_identity")
    unmarked = [text for text in modelled if kind not in [(t, v.lower()) for t, v in tokens(text)]]
    assert unmarked == []


# --- robustness --------------------------------------------------------------------------------

# Pieces that reach every state: quotes, fences, prefixes, escapes, brackets, line breaks.
PIECES = list("'\"`~@hH.[]{}|<;/\\*:, \t\r\nxq0u\u00e9\ufeff") + [
    "```", "~~~", ".alter", ".alter-merge", "database", "policy", "managed_identity", "//",
    "\r\n", "['", "']", "h@'", '@"', "\\u12", "'ObjectId'", "<|",
]  # fmt: skip
KUSTOISH = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), KUSTOISH))
def test_any_text_lexes_without_raising_and_round_trips(text: str) -> None:
    raw = list(KustoCommandLexer().get_tokens_unprocessed(text))
    assert "".join(v for _, _, v in raw) == text
    assert [i for i, _, _ in raw] == [sum(len(v) for _, _, v in raw[:n]) for n in range(len(raw))]
    assert all(v for _, _, v in raw), "no empty tokens"
    # pygments' get_tokens drops a leading BOM and turns \r\n and \r into \n; nothing else.
    norm = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert "".join(v for _, v in KustoCommandLexer().get_tokens(text)) == norm


@pytest.mark.parametrize("text", ["'" * 20000, "```[" + "'a" * 20000, "[" * 20000, "```{" + "/*" * 20000, ".a\n" * 20000])  # fmt: skip
def test_pathological_input_ends(text: str) -> None:
    # Guards against backtracking blow-ups: each of these once took, or could take, a rescan.
    assert "".join(v for _, v in tokens(text)) == text


# --- metadata, registration --------------------------------------------------------------------


def test_lexer_metadata() -> None:
    lexer = KustoCommandLexer()
    assert lexer.name == "Kusto control commands"
    assert lexer.aliases == ["kql-commands", "kusto-commands"]
    assert lexer.filenames == ["*.kql", "*.csl", "*.kusto"]
    assert (lexer.stripnl, lexer.ensurenl) == (False, False)
    assert KustoCommandLexer.analyse_text(".alter cluster policy managed_identity ```[]```") > 0
    assert KustoCommandLexer.analyse_text("StormEvents | take 1") == 0


def test_pyproject_registers_the_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["pygments.lexers"] == {"kql-commands": "kqllint.lexer:KustoCommandLexer"}  # fmt: skip


def test_installed_entry_point_loads_the_lexer() -> None:
    try:
        importlib.metadata.distribution("kqllint")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("kqllint is not pip-installed, so its pygments entry point is not registered")
    found = [e for e in importlib.metadata.entry_points(group="pygments.lexers") if e.name == "kql-commands"]  # fmt: skip
    assert [e.value for e in found] == ["kqllint.lexer:KustoCommandLexer"]
    assert found[0].load() is KustoCommandLexer


# --- highlight() -------------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("text", [ALTER_MERGE, ALTER_MERGE + "\r\n", "\ufeff.show cluster\r", "", "   ", "'abc"])  # fmt: skip
def test_highlight_only_adds_colour_codes(text: str) -> None:
    assert ANSI.sub("", highlight(text)) == text


def test_highlight_colours_keywords_and_not_blanks() -> None:
    out = highlight(".show cluster policy managed_identity")
    assert re.search(r"\x1b\[[0-9;]*mshow\x1b\[", out)
    # No colour code opens on a blank (39;49;00 is the reset that closes each coloured token).
    assert not re.search(r"\x1b\[(?!39;49;00m)[0-9;]*m\s", out)


def test_highlighted_file_splits_into_self_contained_lines() -> None:
    # The full renderer may colour a whole file once and pick lines, keeping fence context.
    text = (DATA / "mixed.kql").read_text(encoding="utf-8")
    lines = highlight(text).split("\n")
    assert [ANSI.sub("", line) for line in lines] == text.split("\n")
    assert lines[4].lstrip().startswith('\x1b[94m"ObjectId"')  # a JSON key (Name.Tag), in context
    assert not [line for line in lines if re.search(r"\x1b\[(?!39;49;00m)[0-9;]*m[^\x1b]*$", line)]


def test_importing_highlight_does_not_import_pygments() -> None:
    code = "import sys, kqllint.highlight; print('pygments' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)  # fmt: skip
    assert result.stdout.strip() == "False"
