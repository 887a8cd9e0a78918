"""The fast head path (kqllint/heads.py) builds exactly the `Command` lark's path builds, takes
the common well-formed heads, and keeps lark off the usual `check` path."""

from __future__ import annotations

import importlib.util
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kqllint.command import Place, parse_command
from kqllint.diagnostic import Span
from kqllint.heads import fast_command
from kqllint.model import Command, Word
from kqllint.policies import KINDS
from kqllint.policies.commands import ENTITY_TEXT, Entity, PayloadShape
from kqllint.script import parse_script

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
_VERB = re.compile(r"\.\s*([\w-]+)")


def _paths(text: str) -> tuple[Command | None, Command]:
    """The fast path's command of the head `text` (None: left to lark), and lark's."""
    m = _VERB.match(text)
    hint = Word(m.group(1), Span(m.start(1), m.end(1))) if m else Word("alter", Span(0, 1))
    return fast_command(text, 0, True, Place()), parse_command(text, 0, hint, exact_head=True)


def _agree(text: str) -> bool:
    """Whether the fast path took `text`; fails when it built another command than lark."""
    fast, exact = _paths(text)
    if fast is not None:
        assert fast == exact, text
    return fast is not None


# ---- the conformance corpus ---------------------------------------------------------------------


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


ROWS = _rows(DATA / "policies" / "forms.jsonl") + _rows(DATA / "conformance" / "keyword_forms.jsonl")


def test_both_paths_agree_on_every_form_of_the_conformance_corpus() -> None:
    taken = {row["text"] for row in ROWS if _agree(row["text"])}
    # Of the forms Kusto accepts the fast path takes all but keyword forms with quotes or
    # parentheses (`enable "f"`, `(C asc)`), mirroring's, and `with (...)` or `<|` after a literal.
    accepted = [row["text"] for row in ROWS if row["syntax_ok"]]
    assert len(taken & set(accepted)) >= 0.9 * len(accepted), sorted(set(accepted) - taken)


def test_problems_are_left_to_lark() -> None:
    for text in (".alter database my-db policy retention '{}'", ".alter-merge table T policy caching hot = 7d",
                 ".alter table T policy retention '\\q'", ".alter database db policy retention",
                 ".show cluster policy caching '{}'", ".alter database prettyname policy retention '{}'",
                 ".alter table T policy retention softdelete = 7d", ".alter table T // c\n policy retention '{}'",
                 ".alter table T policy retention '{}' | where x", ".delete database policy retention",
                 ".alter workload_group G '{}'", ".create-or-alter workload_group my-group '{}'",
                 ".create-or-alter workload_group G", ".alter-merge workload_group G '{}' '{}'"):  # fmt: skip
        fast, exact = _paths(text)
        assert fast is None, text
        assert exact.problems or exact.tail is not None or "//" in text, text  # what lark alone reports


# ---- generated heads ----------------------------------------------------------------------------

_PLAIN = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,5}", fullmatch=True)
_NAMES = st.one_of(_PLAIN, _PLAIN, st.sampled_from([
    "db", "['Sales-DB']", "[ 'x' ]", '["x y"]', "[a b]", "'db'", "{db}", "my-db", "policy", "Policy", "prettyname",
    "data", "with", "h", "1db", "*", "Données", "T.", "[a.b]"]))  # fmt: skip
_GAP = st.sampled_from([" ", " ", " ", " ", "  ", "\t", "\n", "\r\n  ", " ", " // c\n", ""])
_LITERALS = ("'{}'", '"{}"', "@'{}'", '@"{}"', "```{}```", "~~~{}~~~", "h'{}'", 'H"{}"', "h```{}```", "@```{}```",
             "@~~~{}~~~", "'{}\\u0041'")  # fmt: skip
_ARGUMENTS = ("", "'[]'", "hot = 30d", "hot=30d", "hot = 7 d", "hot = 30d, hot_window = datetime(2026-01-01) .. datetime(2026-02-01)",
              "hot = time(1.00:00:00)", "softdelete = 7d recoverability = disabled", "softdelete = 7d, recoverability = disabled",
              "recoverability = Disabled", "enable", "disable", "Enable", "true", "enable, ", "with (a = b)",
              "'{}' with (propagateIngestionProperties = true)", "<| body", "'{}' | where x", "'{}' // c",
              "hot = 30d // c", "'{}' '{}'", "hotdata = 1d hotindex = 2d", "type = 'identifier'", "(A asc, B desc)",
              "enable \"f\"", "'\\q'", "a..b", "hot = a..b(x)", "hot = 7d..8d", "hot = 10.00:00:00", "hot = 7w")  # fmt: skip
# How each entity is written, `{n}` standing for a name.
_ENTITIES = {
    Entity.CLUSTER: "cluster", Entity.DATABASE: "database {n}", Entity.DATABASE_DEFAULT: "database",
    Entity.DATABASE_STAR: "database *", Entity.TABLE: "table {n}", Entity.TABLE_QUALIFIED: "table {n}.{n}",
    Entity.TABLE_STAR: "table *", Entity.TABLES: "tables ({n}, {n})", Entity.MATERIALIZED_VIEW: "materialized-view {n}",
    Entity.MATERIALIZED_VIEW_QUALIFIED: "materialized-view {n}.{n}", Entity.MATERIALIZED_VIEW_STAR: "materialized-view *",
    Entity.EXTERNAL_TABLE: "external table {n}", Entity.EXTERNAL_TABLE_STAR: "external table *",
    Entity.COLUMN: "column {n}.{n}", Entity.COLUMN_STAR: "column *", Entity.GRAPH_MODEL: "graph_model {n}",
    Entity.GRAPH_MODEL_STAR: "graph_model *",
}  # fmt: skip
_ODD_ENTITIES = ("cluster {n}", "tables({n})", "tables ({n},)", "column {n}.{n}.{n}", "table", "external column {n}")


def _cased(rng: random.Random, word: str) -> str:
    return "".join(c.upper() if rng.random() < 0.3 else c for c in word)


def _literal(form: str) -> str:
    return form.replace("{}", '{"a": 1}', 1).replace("{}", "")


@st.composite
def heads(draw: st.DrawFn) -> str:
    """Any head: half of them an accepted form of the registry (verb x entity x argument
    shape), the others any verb, entity and argument; any names, spacing and case."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    # Indexes, not the kinds and forms: hypothesis hashes what it samples, and hashing a kind
    # walks its schema.
    kind = KINDS[draw(st.integers(0, len(KINDS) - 1))]
    if not kind.policy_word:
        return draw(group_heads(kind.name))
    if draw(st.booleans()):
        form = kind.forms[draw(st.integers(0, len(kind.forms) - 1))]
        verb, entity = form.verb.value, _ENTITIES[draw(st.sampled_from(sorted(form.entities, key=lambda e: e.value)))]
        argument = {PayloadShape.NONE: ""}.get(form.shape, form.example)
        if form.shape.is_string:
            argument = _literal(draw(st.sampled_from(_LITERALS)))
    else:
        verb = draw(st.sampled_from(["alter", "alter-merge", "show", "delete"]))
        entity = draw(st.sampled_from(tuple(_ENTITIES.values()) + _ODD_ENTITIES))
        argument = draw(st.sampled_from(_ARGUMENTS + tuple(f.example for f in kind.forms)))
        if argument.startswith(("'{}'", "'[]'")):
            argument = _literal(draw(st.sampled_from(_LITERALS))) + argument[4:]
    while "{n}" in entity:
        entity = entity.replace("{n}", draw(_NAMES), 1)
    words = [_cased(rng, verb), *(_cased(rng, w) for w in entity.split(" ")), _cased(rng, "policy"),
             _cased(rng, kind.name) if draw(st.booleans()) else kind.name]
    text = "." + draw(st.sampled_from(["", "", " "])) + words[0]
    for word in [*words[1:], argument]:
        text += draw(_GAP) + word
    return text


@st.composite
def group_heads(draw: st.DrawFn, keyword: str) -> str:
    """A head of a kind with no `policy` word: `.create-or-alter workload_group Name '{}'`."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    verb = draw(st.sampled_from(["create-or-alter", "alter-merge", "alter", "show"]))
    argument = _literal(draw(st.sampled_from(_LITERALS))) if draw(st.booleans()) else draw(st.sampled_from(_ARGUMENTS))
    words = [_cased(rng, verb), _cased(rng, keyword) if draw(st.booleans()) else keyword, draw(_NAMES), argument]
    text = "." + draw(st.sampled_from(["", " "])) + words[0]
    for word in words[1:]:
        text += draw(_GAP) + word
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heads())
def test_both_paths_agree_on_generated_heads(text: str) -> None:
    _agree(text)


def _well_formed(rng: random.Random) -> list[str]:
    """Every accepted verb x entity x shape of the registry, as written: random case on the
    head's keywords, random spacing, the form's example or a literal in every form."""
    out = []
    for kind in KINDS:
        for form in kind.forms:
            for entity in sorted(form.entities, key=lambda e: e.value):
                if form.shape.is_string:
                    argument = _literal(rng.choice(_LITERALS))
                elif form.shape is PayloadShape.NONE:
                    argument = ""
                else:
                    argument = form.example
                gap = lambda: rng.choice([" ", " ", "  ", "\n", "\r\n\t"])  # noqa: E731
                if not kind.policy_word:  # `.create-or-alter workload_group G '{}'`
                    name = rng.choice(["G", "default", "['$materialized-views']"])
                    out.append(f".{_cased(rng, form.verb.value)}{gap()}{kind.name}{gap()}{name}{gap()}{argument}")
                    continue
                head = f".{_cased(rng, form.verb.value)} {ENTITY_TEXT[entity]}".replace(" ", gap())
                out.append(f"{head}{gap()}{_cased(rng, 'policy')}{gap()}{kind.name}{gap()}{argument}".rstrip())
    return out


def test_the_fast_path_takes_the_common_well_formed_heads() -> None:
    """A guard against the fast path going dead: it takes at least 85% of every accepted form
    (the rest: keyword forms with quotes or parentheses, `enable "query"`, mirroring's)."""
    texts = _well_formed(random.Random(15))
    taken = [t for t in texts if _agree(t)]
    assert len(taken) >= 0.85 * len(texts), [t for t in texts if t not in taken][:20]


def test_a_clean_script_takes_only_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "examples" / "deploy-good.kql").read_text("utf-8")
    import kqllint.command_lark

    def fail(*args: object) -> Command:
        raise AssertionError("a well-formed head went to lark")

    monkeypatch.setattr(kqllint.command_lark, "parse_exact", fail)
    assert sum(isinstance(s, Command) for s in parse_script(text).statements) >= 5


# ---- no lark on the check path ------------------------------------------------------------------


def test_linting_a_clean_script_does_not_import_lark() -> None:
    code = (
        "import sys, pathlib\n"
        "from kqllint.linter import lint_text\n"
        "text = pathlib.Path('examples/deploy-good.kql').read_text('utf-8')\n"
        "assert lint_text(text) == [], lint_text(text)\n"
        "print(sorted(m for m in sys.modules if m == 'lark' or m.startswith('lark.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_a_broken_head_loads_lark_and_gets_its_message() -> None:
    code = (
        "import sys\n"
        "from kqllint.linter import lint_text\n"
        "found = lint_text('.alter databse db policy retention \\'{}\\'\\n')\n"
        "print([d.code for d in found], 'lark' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['S001'] True", out.stdout + out.stderr


def test_the_generated_terminals_match_the_grammar() -> None:
    """kqllint/_terminals.py holds what lark builds from grammar/*.lark today (drift guard)."""
    spec = importlib.util.spec_from_file_location("gen_terminals", ROOT / "tools" / "gen_terminals.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "kqllint" / "_terminals.py").read_text("utf-8") == module.generated(), (
        "run python3 tools/gen_terminals.py"
    )
