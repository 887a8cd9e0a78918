"""Every rule's case files: `tests/data/rules/CODE/*.kql`, expectations in `// expect:` comments.

A case file is a real script. Each `// expect: LINE:COL CODE` comment names one finding the file
must produce; the file must produce exactly those (all codes, not just its folder's). One that
ends `saying: TEXT` also checks what the finding says: TEXT must be in its message or its help
(`message` and `help: help` on two lines, as in the full report). An
`// identities: FILE[, FILE]` comment lints it with those files of `tests/data/identities/`; a
`// database: NAME` comment, with the configuration's `database = "NAME"` (the target database of
a database-context file).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kqllint import lint_text
from kqllint.config import Config
from kqllint.identities import load_identities
from kqllint.rules import RULES, RULES_BY_CODE
from kqllint.diagnostic import Severity
from kqllint.source import LineIndex, decode

DATA = Path(__file__).parent / "data" / "rules"
CASES = sorted(DATA.glob("*/*.kql"))
_EXPECT = re.compile(r"//\s*expect:\s*(\d+):(\d+)\s+([A-Z]\d{3})")
_SAYING = re.compile(r"//\s*expect:\s*(\d+):(\d+)\s+([A-Z]\d{3})\s+saying:\s*(.*?)\s*$", re.M)
_IDENTITIES = re.compile(r"//\s*identities:\s*(.+)")
_DATABASE = re.compile(r"//\s*database:\s*(.+?)\s*$", re.M)
IDENTITY_FILES = Path(__file__).parent / "data" / "identities"


def _config(text: str) -> Config | None:
    files = [IDENTITY_FILES / f.strip() for line in _IDENTITIES.findall(text) for f in line.split(",")]
    database = _DATABASE.search(text)
    if not files and database is None:
        return None
    return Config(identities=load_identities(files) if files else None, database=database and database[1])


def _said(text: str) -> dict[str, list[str]]:
    """What each finding says (message, then `help: ...`), by `LINE:COL CODE`."""
    index = LineIndex(text)
    out: dict[str, list[str]] = {}
    for d in lint_text(text, config=_config(text)):
        line, col = index.line_col(d.span.start)
        said = d.message + (f"\nhelp: {d.help}" if d.help else "")
        out.setdefault(f"{line}:{col} {d.code}", []).append(said)
    return out


def _found(text: str) -> list[str]:
    return sorted(key for key, said in _said(text).items() for _ in said)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_file(path: Path) -> None:
    text = decode(path.read_bytes()).text
    expected = sorted(f"{m[0]}:{m[1]} {m[2]}" for m in _EXPECT.findall(text))
    said = _said(text)
    assert sorted(key for key, each in said.items() for _ in each) == expected
    for line, col, code, fragment in _SAYING.findall(text):
        key = f"{line}:{col} {code}"
        assert any(fragment in s for s in said[key]), f"{key} says {said[key]}, not `{fragment}`"


def test_case_folders_are_rule_codes() -> None:
    unknown = {p.parent.name for p in CASES} - set(RULES_BY_CODE)
    assert not unknown, f"case folders that are not rule codes: {sorted(unknown)}"


# The formatter's refusals (F*) never come from `lint_text`; tests/test_format.py covers them.
LINT_RULES = [r for r in RULES if not r.code.startswith("F")]


@pytest.mark.parametrize("rule", LINT_RULES, ids=lambda r: r.code)
def test_every_rule_fires_in_its_own_cases(rule) -> None:
    cases = sorted((DATA / rule.code).glob("*.kql"))
    assert cases, f"{rule.code} has no case files in tests/data/rules/{rule.code}/"
    fired = any(rule.code in " ".join(_found(decode(p.read_bytes()).text)) for p in cases)
    assert fired, f"no case file of {rule.code} makes it fire"


_HEAD_FIELDS = re.compile(r"command\.(?:verb|verb_kind|scope|scope_kind|database|policy|kind|entity|names)\b")


@pytest.mark.parametrize("rule", [r for r in RULES if r.reads_payload], ids=lambda r: r.code)
def test_payload_rules_that_read_the_head_say_so(rule) -> None:
    """After a head error only the payload is checked (kqllint/salvage.py), by the rules that
    read nothing of the head: a rule reading the verb, scope or name must set `READS_HEAD`."""
    import inspect

    source = inspect.getsource(inspect_module(rule))
    assert rule.reads_head == bool(_HEAD_FIELDS.search(source)), f"{rule.code}: READS_HEAD is {rule.reads_head}"


# ---- the docs' own examples of every policy kind --------------------------------------

_EXAMPLES = [json.loads(line) for line in (Path(__file__).parent / "data" / "policies" / "examples.jsonl").open(encoding="utf-8") if line.strip()]


_ELIDED = re.compile(r"(?:```|'|@')[\[{]\.\.\.[\]}](?:```|')")


def _whole_command(example: dict) -> str:  # type: ignore[type-arg]
    """The example's command, with its payload put back where the docs elide it (`{...}`)."""
    command = example["command"]
    if example["payload"] is None or not _ELIDED.search(command):
        return command
    return _ELIDED.sub(lambda _: "```" + example["payload"] + "```", command)


def _expired_today(example: dict) -> list[str]:  # type: ignore[type-arg]
    """`P206` for each date of the example that has passed by now (the registry checks it
    against the `now` it is given; the linter against today)."""
    from datetime import datetime

    from kqllint.policies import KINDS_BY_NAME
    from kqllint.policies.commands import Entity, Verb
    from kqllint.policies.validate import validate

    if example["payload"] is None:
        return []
    kind, verb, entity = KINDS_BY_NAME[example["kind"]], Verb(example["verb"]), Entity(example["entity"])
    value = json.loads(example["payload"], object_pairs_hook=tuple)
    return ["P206" for p in validate(kind, verb, entity, value, now=datetime.now()) if p.check == "expiry-in-past"]


@pytest.mark.parametrize("example", [e for e in _EXAMPLES if not e["expect"]], ids=lambda e: e["command"][:70])
def test_documented_example_gives_no_error(example: dict) -> None:  # type: ignore[type-arg]
    """The docs' examples that the registry expects clean (the rest are docs bugs, listed
    with what they break) give no error through the whole linter, but for an expiry date that
    has passed since the docs were written."""
    errors = [d.code for d in lint_text(_whole_command(example) + "\n") if d.severity.value == "error"]
    assert errors == _expired_today(example)


def inspect_module(rule):  # type: ignore[no-untyped-def]
    from kqllint.rules import load

    return load(rule)  # the registry imports a rule's module on first use


# ---- renamed codes: the ManagedIdentity codes whose check became generic --------------

_UNKNOWN_PROPERTY = '.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All", "Scope": 1}]```\n'


@pytest.mark.parametrize(("old", "new"), [("P019", "P101"), ("P020", "P102"), ("P009", "P103"), ("P001", "P104"),
                                          ("P002", "P104"), ("P018", "P105"), ("missing-object-id", "P104")])  # fmt: skip
def test_renamed_codes_name_the_rule_they_became(old: str, new: str) -> None:
    from kqllint.config_keys import check_codes

    assert check_codes([old], "--ignore") == (new,)
    assert Config(ignore=(old,)).enabled(new) is False
    assert Config(severity={old: Severity.INFO}).severity_of(new, Severity.ERROR) is Severity.INFO


def test_renamed_code_in_config_flags_and_suppressions() -> None:
    assert "P101" in {d.code for d in lint_text(_UNKNOWN_PROPERTY)}
    assert "P101" not in {d.code for d in lint_text(_UNKNOWN_PROPERTY, config=Config(ignore=("P019",)))}
    suppressed = "// kqllint: ignore[P019]\n" + _UNKNOWN_PROPERTY
    assert [d.code for d in lint_text(suppressed)] == []  # suppressed, and the suppression is used
    by_name = "// kqllint: ignore[unknown-property]\n" + _UNKNOWN_PROPERTY
    assert [d.code for d in lint_text(by_name)] == []


def test_rule_command_says_a_code_was_renamed() -> None:
    from click.testing import CliRunner

    from kqllint.cli import main

    result = CliRunner().invoke(main, ["rule", "P019"])
    assert result.exit_code == 0
    assert result.output.startswith("`P019` is now `P101` (unknown-property)")
    assert "# unknown-property (P101)" in result.output


@pytest.mark.parametrize("rule", [r for r in RULES if r.check_view is not None and hasattr(inspect_module(r), "CHECK")],
                         ids=lambda r: r.code)  # fmt: skip
def test_generic_rule_severity_is_its_checks(rule) -> None:  # type: ignore[no-untyped-def]
    """A generic rule reports one validator check, at the severity the registry gives it."""
    from kqllint.policies.problem import CHECKS

    assert CHECKS[inspect_module(rule).CHECK][0] == rule.severity.value


# ---- every validator check reaches the user ---------------------------------------------

# Checks that no generic rule names as its `CHECK`, each with the rule module that reports the
# same problems (and its code). Such a rule finds them itself rather than through the validator.
_HANDLED_ELSEWHERE: dict[str, tuple[str, str]] = {
    # the identity judgements: the ObjectId rules read every identity of a payload (`View.identities`)
    "invalid-guid": ("invalid_object_id", "P003"),
    "placeholder-guid": ("placeholder_object_id", "P004"),
    "nil-guid": ("nil_object_id", "P005"),
    "braced-guid": ("braced_object_id", "P006"),
    "uppercase-guid": ("uppercase_object_id", "P007"),
    "system-case": ("system_case", "P008"),
    # a key twice in one object: found in the parsed JSON, in any payload
    "duplicate-key": ("duplicate_key", "J004"),
    # a keyword-form word in another case: read from the command's arguments
    "keyword-case": ("keyword_case", "C002"),
    # reported through `findings(view, "wrong-type")`, together with nested `wrong-shape`
    "wrong-type": ("wrong_value_type", "P103"),
}


def test_every_validator_check_is_reported_by_a_rule() -> None:
    """A check no rule reports is dropped silently: each is some generic rule's `CHECK`, or is
    listed above with the registered rule that reports it."""
    from kqllint.policies.problem import CHECKS

    by_check = {inspect_module(r).CHECK: r.code for r in RULES if hasattr(inspect_module(r), "CHECK")}
    unreported = set(CHECKS) - set(by_check) - set(_HANDLED_ELSEWHERE)
    assert not unreported, f"checks no rule reports: {sorted(unreported)}"
    assert not set(by_check) - set(CHECKS), "a rule's CHECK that the registry does not declare"
    assert not set(by_check) & set(_HANDLED_ELSEWHERE), "listed as handled elsewhere, but a rule's CHECK"
    for check, (module, code) in _HANDLED_ELSEWHERE.items():
        rule = RULES_BY_CODE[code]
        assert inspect_module(rule).__name__ == f"kqllint.rules.{module}", f"{check}: {code} is not {module}"


def test_wrong_script_scope_reads_cluster_only_kinds_from_the_registry() -> None:
    """C005 in a database context: a cluster-only kind is cluster-level whatever entity a
    command names (the parser rejects such forms today, so no case file can show it)."""
    import dataclasses

    from kqllint.policies.commands import Entity
    from kqllint.rules import wrong_script_scope
    from kqllint.rules._rule import Context
    from kqllint.script import parse_script

    def found(text: str, runs_in: str | None) -> int:
        command = dataclasses.replace(parse_script(text).commands[0], entity=Entity.DATABASE)
        return len(list(wrong_script_scope.check_command(command, Context(runs_in=runs_in))))

    assert found(".alter cluster policy callout ```[]```", "database") == 1
    assert found(".alter cluster policy callout ```[]```", None) == 0
    assert found('.alter cluster policy ingestionbatching ```{"MaximumBatchingTimeSpan": "00:05:00"}```', "database") == 0
