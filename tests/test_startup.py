"""Start-up: what `kqllint check` imports, and the cheap model and patterns that keep it small."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kqllint import lazy_re
from kqllint.diagnostic import Span
from kqllint.model import (
    Argument, Comment, JsonArray, JsonConstant, JsonMember, JsonNumber, JsonObject, JsonString, LiteralKind, Name,
    NameQuoting, Opaque, StringLiteral, Word,
)  # fmt: skip

CLEAN = ".alter database Sales policy caching hot = 30d\n"
# A finding in the payload of a well-formed head (a misspelt head would load lark, rightly).
FINDING = '.alter database db policy managed_identity ```[{"ObjectId": "not-a-guid", "AllowedUsages": "All"}]```\n'

# Never needed to check a script: the language server, the pygments lexer and what only
# `format`, `--fix`, `rule`, `--identities`, `--show-*` or a configuration file use.
NEVER = (
    "pygments", "pygls", "lsprotocol", "kqllint.lsp", "kqllint.lexer", "kqllint.highlight", "kqllint.formatter",
    "kqllint.format_runner", "kqllint.writer", "kqllint.identities", "kqllint.show",
    "kqllint.config_keys", "tomllib", "multiprocessing", "concurrent.futures",
    "lark", "kqllint.command_lark", "kqllint.grammar",  # well-formed heads are read by kqllint/heads.py
)  # fmt: skip
# Rule modules a check of a caching or managed_identity command never needs: the registry
# imports a rule's module when one of its checks is first called (kqllint/rules/__init__.py).
UNUSED_RULES = (
    "kqllint.rules.syntax_error",  # reported by the parser: no check function
    "kqllint.rules.invalid_callout_regex",  # callout policies only
    "kqllint.rules.duplicate_sandbox_kind",  # sandbox policies only
)  # fmt: skip
# The other output formats (and the rule docs, whose URLs json and sarif give).
OTHER_FORMATS = ("kqllint.output.json_format", "kqllint.output.sarif", "kqllint.output.github",
                 "kqllint.output.statistics", "kqllint.docs")  # fmt: skip


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    script: str
    exit_code: int
    absent: tuple[str, ...]
    present: tuple[str, ...] = ()  # proves the probe sees what the run imported


CASES = [
    Case("clean", (), CLEAN, 0, (*NEVER, *OTHER_FORMATS, *UNUSED_RULES, "kqllint.output.concise", "kqllint.output.full"),
         ("kqllint.linter", "kqllint.rules.missing_database_name")),
    Case("finding-full", ("--no-color",), FINDING, 1, (*NEVER, *OTHER_FORMATS, *UNUSED_RULES),
         ("kqllint.output.full", "kqllint.rules.invalid_object_id")),
    Case("finding-concise", ("--output-format", "concise"), FINDING, 1,
         (*NEVER, *OTHER_FORMATS, "kqllint.output.full"), ("kqllint.output.concise",)),
    Case("finding-json", ("--output-format", "json"), FINDING, 1,
         (*NEVER, "kqllint.output.sarif", "kqllint.output.full"), ("kqllint.output.json_format",)),
    # Colour is the one use of pygments: the probe must see it when it happens.
    Case("finding-color", ("--color",), FINDING, 1, ("pygls", "kqllint.lsp", "kqllint.formatter"),
         ("pygments", "kqllint.highlight")),
]  # fmt: skip

_PROBE = """
import json, sys
sys.argv = ["kqllint", *json.loads(sys.argv[1])]
from kqllint.cli import run
try:
    run()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + " EXIT " + str(code) + "\\n")
"""


def _imported(args: list[str]) -> tuple[set[str], int]:
    """The modules a `kqllint` run loaded (the CLI's `run()` in a fresh interpreter) and its exit code."""
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args)], capture_output=True, text=True, timeout=120)
    found = re.search(r"^MODULES (.*) EXIT (\d+)$", done.stderr, re.M)
    assert found, done.stderr
    return set(json.loads(found[1])), int(found[2])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_check_imports_only_what_it_uses(case: Case, tmp_path: Path) -> None:
    script = tmp_path / "small.kql"
    script.write_text(case.script)
    modules, code = _imported(["check", *case.args, str(script)])
    assert code == case.exit_code
    loaded = {m for m in case.absent if any(n == m or n.startswith(m + ".") for n in modules)}
    assert loaded == set(), f"`kqllint check {' '.join(case.args)}` imported {sorted(loaded)}"
    assert set(case.present) <= modules


# ---- the model's plain classes keep value semantics ---------------------------------------

S, T = Span(0, 4), Span(5, 9)
NODES: list[tuple[Any, Any, Any]] = [  # (a node, an equal one, one differing in a field)
    (Span(0, 4), Span(0, 4), Span(0, 5)),
    (Word("db", S), Word("db", Span(0, 4)), Word("Db", S)),
    (Name("db", "db", S, NameQuoting.PLAIN), Name("db", "db", S, NameQuoting.PLAIN),
     Name("db", "db", S, NameQuoting.STRING)),
    (StringLiteral(S, LiteralKind.BACKTICK, False, "[]", 3), StringLiteral(S, LiteralKind.BACKTICK, False, "[]", 3, None),
     StringLiteral(S, LiteralKind.BACKTICK, False, "[]", 3, (3, 4, 5))),
    (JsonString("a", S, '"'), JsonString("a", S, '"', None), JsonString("a", S, "'")),
    (JsonNumber(1, "1", S), JsonNumber(1, "1", S), JsonNumber(1, "1.0", S)),
    (JsonConstant(None, "null", S), JsonConstant(None, "null", S), JsonConstant(None, "null", T)),
    (JsonObject((JsonMember(JsonString("k", S, '"'), JsonNumber(1, "1", T)),), S),
     JsonObject((JsonMember(JsonString("k", S, '"'), JsonNumber(1, "1", T)),), S),
     JsonObject((JsonMember(JsonString("k", S, '"'), JsonNumber(2, "2", T)),), S)),
    (JsonArray((), S), JsonArray((), S), JsonArray((JsonConstant(True, "true", T),), S)),
    (Argument(Word("hot", S), Word("30d", T), S), Argument(Word("hot", S), Word("30d", T), S),
     Argument(None, Word("30d", T), S)),
    (Opaque(S, True), Opaque(S, True), Opaque(S, False)),
    (Comment("// a", S), Comment("// a", S), Comment("// b", S)),
]  # fmt: skip


@pytest.mark.parametrize(("node", "same", "other"), NODES, ids=lambda n: type(n).__name__)
def test_model_nodes_are_values(node: Any, same: Any, other: Any) -> None:
    assert node == same and not node != same
    assert hash(node) == hash(same)
    assert node != other
    assert pickle.loads(pickle.dumps(node)) == node
    assert repr(node) == repr(same) and repr(node).startswith(type(node).__name__ + "(")


def test_nodes_of_two_classes_with_equal_fields_differ() -> None:
    assert JsonNumber(1, "1", S) != JsonConstant(1, "1", S)  # type: ignore[arg-type]
    assert Word("x", S) != Comment("x", S)
    assert Span(1, 2) != (1, 2)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2)])
def test_a_bad_span_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="bad span"):
        Span(start, end)


# ---- patterns compiled on first use --------------------------------------------------------

PATTERNS = [  # (source, flags, method, text, *arguments)
    (r"[0-9a-f]{8}", 0, "fullmatch", "0123abcd"),
    (r"[0-9a-f]{8}", 0, "fullmatch", "0123ABCD"),
    (r"p(\d+)d", re.I, "fullmatch", "P10D"),
    (r"\d+", 0, "search", "ab 12 cd"),
    (r"\d+", 0, "findall", "1 22 333"),
    (r"[<>]", 0, "sub", "<x>", "_"),
    (r"[0-9a-f]{3}", 0, "fullmatch", "{abc}", 1, 4),
]


@pytest.mark.parametrize("case", PATTERNS, ids=lambda c: f"{c[2]}-{c[3]}")
def test_a_lazy_pattern_answers_as_re_does(case: tuple[Any, ...]) -> None:
    source, flags, method, text, *rest = case
    pattern = lazy_re.compile(source, flags)
    assert "fullmatch" not in vars(pattern)  # nothing compiled yet
    expected = getattr(re.compile(source, flags), method)(*_args(method, text, rest))
    found = getattr(pattern, method)(*_args(method, text, rest))
    assert _plain(found) == _plain(expected)
    assert getattr(pattern, method) == getattr(re.compile(source, flags), method)  # the compiled one's own, now
    assert (pattern.pattern, pattern.flags) == (re.compile(source, flags).pattern, re.compile(source, flags).flags)


def _args(method: str, text: str, rest: list[Any]) -> list[Any]:
    return [rest[0], text] if method == "sub" else [text, *rest]


def _plain(found: Any) -> Any:
    return (found.span(), found.groups()) if isinstance(found, re.Match) else found


def test_importing_the_registry_compiles_no_value_pattern() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import kqllint.policies.values as v; print(sorted(vars(v.GUID)))"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.split() == ["['_flags',", "'_source']"], done.stderr
