"""The policy-kind registry and the payload validator: docs examples, bad cases, parser verdicts."""

from __future__ import annotations

import importlib.util
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import kqllint.policies as policies
from kqllint.policies import KINDS, KINDS_BY_NAME, POLICY_KINDS_BY_NAME, lookup_kind
from kqllint.policies.problem import CHECKS, Problem
from kqllint.policies.schema import ArrayType, Entity, ObjectType, PolicyKind, PayloadShape, Verb
from kqllint.policies.validate import Verdict, form_allowed, validate, validate_arguments
from kqllint.policies.values import (
    datetime_ok, format_timespan, literal_timespan_seconds, timespan_fix, timespan_seconds,
)  # fmt: skip
from strategies import json_texts

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "policies"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _load(text: str) -> Any:
    return json.loads(text, object_pairs_hook=tuple)


def _found(problems: list[Problem]) -> list[tuple[list[Any], str]]:
    return sorted(([*p.path], p.check) for p in problems)


def _expected(pairs: list[list[Any]]) -> list[tuple[list[Any], str]]:
    return sorted((path, check) for path, check in pairs)


def _now(case: dict[str, Any]) -> datetime | None:
    return datetime.fromisoformat(case["now"]) if "now" in case else None


# ---- the docs' examples ------------------------------------------------------------------

EXAMPLES = _jsonl(DATA / "examples.jsonl")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["command"][:70])
def test_documented_example(example: dict[str, Any]) -> None:
    kind = KINDS_BY_NAME[example["kind"]]
    verb, entity, shape = Verb(example["verb"]), Entity(example["entity"]), PayloadShape(example["shape"])
    if example["expect"] == "invalid-json":  # a docs bug: the JSON reader reports it
        with pytest.raises(json.JSONDecodeError):
            _load(example["payload"])
        return
    if example["expect"] == "docs-only-argument":  # a docs bug: a docs-only form of the argument
        assert any(f.verb is verb and entity in f.entities and f.shape is shape and f.note for f in kind.docs_forms)
        return
    assert form_allowed(kind, verb, entity, shape) is Verdict.ACCEPTED
    if example["payload"] is not None:
        problems = validate(kind, verb, entity, _load(example["payload"]), now=_now(example))
        assert _found(problems) == _expected(example["expect"])
        if "now" not in example:
            assert [p for p in problems if p.severity == "error"] == []
    if "arguments" in example:
        assert validate_arguments(kind, verb, entity, [tuple(a) for a in example["arguments"]]) == []


def test_every_kind_with_a_schema_has_an_example() -> None:
    with_schema = {k.name for k in KINDS if k.payload is not None}
    assert with_schema - {e["kind"] for e in EXAMPLES} == set()


# ---- bad payloads, per kind --------------------------------------------------------------

CASES = [(p.stem, i, case) for p in sorted((DATA / "cases").glob("*.jsonl")) for i, case in enumerate(_jsonl(p))]


@pytest.mark.parametrize(("kind_name", "index", "case"), CASES, ids=[f"{k}-{i}" for k, i, _ in CASES])
def test_bad_payload(kind_name: str, index: int, case: dict[str, Any]) -> None:
    kind = KINDS_BY_NAME[kind_name]
    verb, entity, value = Verb(case["verb"]), Entity(case["entity"]), _load(case["payload"])
    problems = validate(kind, verb, entity, value, now=_now(case), name=case.get("name"))
    assert _found(problems) == _expected(case["expect"])
    first = problems[0] if problems else None
    if "fix" in case:
        assert first is not None and first.fix == case["fix"]
    if "help" in case:
        assert first is not None and case["help"] in [p.help for p in problems]
    for p in problems:
        assert p.severity == CHECKS[p.check][0]
        assert p.message[0].islower() or p.message[0] in "`(", p.message
        assert not p.message.endswith(".")


def test_duplicate_key_names_its_occurrence() -> None:
    value = _load('{"MaxRangeInHours": 1, "MaxRangeInHours": 2, "maxrangeinhours": 3, "MaxRangeInHours": 4}')
    dups = [p for p in validate(KINDS_BY_NAME["merge"], Verb.ALTER, Entity.TABLE, value) if p.check == "duplicate-key"]
    assert [(p.path, p.occurrence, p.on_key) for p in dups] == [
        (("MaxRangeInHours",), 1, True),
        (("maxrangeinhours",), -1, True),
        (("MaxRangeInHours",), -1, True),
    ]


ARGUMENTS = _jsonl(DATA / "arguments.jsonl")


@pytest.mark.parametrize("case", ARGUMENTS, ids=lambda c: f"{c['kind']}-{c['arguments']}")
def test_keyword_arguments(case: dict[str, Any]) -> None:
    kind = KINDS_BY_NAME[case["kind"]]
    pairs = [tuple(a) for a in case["arguments"]]
    problems = validate_arguments(kind, Verb(case["verb"]), Entity(case["entity"]), pairs)
    assert _found(problems) == _expected(case["expect"])
    if "fix" in case:
        assert problems[0].fix == case["fix"]


def test_keyword_arguments_check_scope() -> None:
    kind = KINDS_BY_NAME["row_level_security"]
    pairs = [("allowMaterializedViewsWithoutRowLevelSecurity", True)]
    assert validate_arguments(kind, Verb.ALTER, Entity.TABLE, pairs) == []
    found = validate_arguments(kind, Verb.ALTER, Entity.MATERIALIZED_VIEW, pairs)
    assert [(p.path, p.check) for p in found] == [((pairs[0][0],), "not-allowed-at-scope")]


def test_keyword_value_case_is_free_where_the_docs_mix_it() -> None:
    kind = KINDS_BY_NAME["encoding"]
    assert validate_arguments(kind, Verb.ALTER, Entity.COLUMN, [("type", "BIGOBJECT")]) == []
    found = validate_arguments(kind, Verb.ALTER, Entity.COLUMN, [("type", "bigobject64")])
    assert [p.check for p in found] == ["unknown-enum"]


def test_a_kind_without_a_json_payload_is_not_validated() -> None:
    assert validate(KINDS_BY_NAME["caching"], Verb.ALTER, Entity.TABLE, _load('{"x": 1}')) == []
    assert validate(KINDS_BY_NAME["retention"], Verb.SHOW, Entity.TABLE, _load("[]")) == []


# ---- the forms agree with Kusto.Language -------------------------------------------------

FORMS = _jsonl(DATA / "forms.jsonl")


def _shape(kind: PolicyKind, argument: str) -> PayloadShape:
    if argument == "none":
        return PayloadShape.NONE
    if argument == "string":
        return PayloadShape.STRING
    declared = {f.shape for f in (*kind.forms, *kind.docs_forms)}
    return PayloadShape.BARE if PayloadShape.BARE in declared else PayloadShape.KEYWORD


def test_forms_cover_every_kind_verb_and_entity() -> None:
    assert {r["kind"] for r in FORMS} == set(KINDS_BY_NAME)
    assert {r["entity"] for r in FORMS} == {e.value for e in Entity}
    assert {r["verb"] for r in FORMS} == {v.value for v in Verb}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_forms_agree_with_the_parser(kind: PolicyKind) -> None:
    wrong = []
    for row in (r for r in FORMS if r["kind"] == kind.name):
        verdict = form_allowed(kind, Verb(row["verb"]), Entity(row["entity"]), _shape(kind, row["argument"]))
        if (verdict is Verdict.ACCEPTED) != row["syntax_ok"]:
            wrong.append((row["text"], verdict.value, row["syntax_ok"]))
    assert wrong == []


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_form_allowed_without_a_shape_means_any_argument(kind: PolicyKind) -> None:
    accepted: dict[tuple[str, str], bool] = {}
    for row in (r for r in FORMS if r["kind"] == kind.name):
        key = (row["verb"], row["entity"])
        accepted[key] = accepted.get(key, False) or row["syntax_ok"]
    for (verb, entity), ok in accepted.items():
        assert (form_allowed(kind, Verb(verb), Entity(entity)) is Verdict.ACCEPTED) == ok, (verb, entity)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.docs_forms], ids=lambda k: k.name)
def test_docs_only_forms_are_docs_only(kind: PolicyKind) -> None:
    for form in kind.docs_forms:
        for entity in form.entities:
            verdict = form_allowed(kind, form.verb, entity, form.shape)
            assert verdict in (Verdict.DOCS_ONLY, Verdict.ACCEPTED)
            if verdict is Verdict.ACCEPTED:  # only an argument is docs-only (`ingestiontime false`)
                assert form.example and form.note


# ---- the registry ------------------------------------------------------------------------


def test_registry_is_one_module_per_kind() -> None:
    names = [k.name for k in KINDS]
    assert len(names) == len(set(names)) == 29
    for kind in KINDS:
        module = getattr(policies, kind.name)
        assert module.KIND is kind
        assert Path(module.__file__).stem == kind.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_kind_declaration_is_consistent(kind: PolicyKind) -> None:
    entities = set().union(*(f.entities for f in kind.forms))
    assert kind.cluster_only == (entities == {Entity.CLUSTER} or not kind.policy_word)
    if not kind.policy_word:  # the workload group: its own entity, and no `policy` word
        assert entities == {Entity.WORKLOAD_GROUP}
    for form in kind.forms:
        assert form.entities, form
        assert (form.shape is PayloadShape.NONE) == (form.verb in (Verb.SHOW, Verb.DELETE))
        if form.shape in (PayloadShape.KEYWORD, PayloadShape.BARE):
            assert form.example, f"{kind.name}: a keyword form needs an example argument"
    json_shapes = {s for v in Verb for s in kind.shapes(v) if s in (PayloadShape.JSON_OBJECT, PayloadShape.JSON_ARRAY)}
    if kind.payload is not None:
        array = isinstance(kind.payload, ArrayType)
        assert json_shapes == {PayloadShape.JSON_ARRAY if array else PayloadShape.JSON_OBJECT}
        order = kind.key_order()
        assert order and len(order) == len({n.lower() for n in order})
    assert kind.url == "" or kind.url.startswith("https://learn.microsoft.com/")


def test_every_check_has_a_case() -> None:
    used = {c for _, _, case in CASES for _, c in case["expect"]}
    used |= {c for case in ARGUMENTS for _, c in case["expect"]}
    used |= {c for e in EXAMPLES if isinstance(e["expect"], list) for _, c in e["expect"]}
    assert used <= set(CHECKS)
    assert set(CHECKS) == used


def test_kind_lookup_suggests_near_names() -> None:
    assert lookup_kind("retention") == (KINDS_BY_NAME["retention"], None)
    assert lookup_kind("retension") == (None, "retention")
    assert lookup_kind("Retention") == (None, "retention")  # Kusto's keywords are case-sensitive
    assert lookup_kind("managed_identitty") == (None, "managed_identity")
    assert lookup_kind("ingestion_batching") == (None, "ingestionbatching")
    assert lookup_kind("zzz") == (None, None)


# ---- scalar values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("10.00:00:00", 864000), ("00:05:00", 300), ("1:2", 3720), ("-01:00:00", -3600), ("00:00:00.5", 0.5),
     ("24:00:00", None), ("10d", None), ("00:60:00", None), ("1.2.3", None), ("", None)],
)  # fmt: skip
def test_timespan_seconds(text: str, seconds: float | None) -> None:
    assert timespan_seconds(text) == seconds


@pytest.mark.parametrize(
    ("text", "fix"),
    [("10d", "10.00:00:00"), ("1.5h", "01:30:00"), ("30m", "00:30:00"), ("45s", "00:00:45"), ("100ms", "00:00:00.1"),
     ("7days", "7.00:00:00"), ("P10D", "10.00:00:00"), ("PT1H30M", "01:30:00"), ("P1DT12H", "1.12:00:00"),
     ("P", None), ("PT", None), ("30", None), ("2w", None), ("P1Y", None), ("soon", None)],
)  # fmt: skip
def test_timespan_fix_only_when_the_meaning_is_certain(text: str, fix: str | None) -> None:
    assert timespan_fix(text) == fix
    if fix is not None:
        assert timespan_seconds(fix) is not None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("7d", 604800), ("1.5h", 5400), ("30m", 1800), ("10s", 10), ("100ms", 0.1), ("7days", 604800), ("1tick", 1e-7),
     ("-1d", -86400), ("time(10.00:00:00)", 864000), ("timespan(2)", 172800), ("timespan(15m)", 900),
     ("0s", 0), ("7D", None), ("2w", None), ("7", None), ("'7d'", None), ("10.00:00:00", None),
     ("timespan(null)", None)],
)  # fmt: skip
def test_literal_timespan_seconds(text: str, seconds: float | None) -> None:
    found = literal_timespan_seconds(text)
    assert found == (pytest.approx(seconds) if seconds is not None else None)


def test_format_timespan_round_trips() -> None:
    for seconds in (0, 1, 59, 3600, 86399, 86400, 365000 * 86400, 0.1234567):
        text = format_timespan(seconds)
        assert text is not None and timespan_seconds(text) == pytest.approx(seconds)
    assert format_timespan(-1) is None


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2023-06-01", True), ("2021-01-01T00:00:00", True), ("2025-07-07 07:00:00", True), ("2021-01-01T00:00:00Z", True),
     ("2021-01-01T00:00:00.1234567+02:00", True), ("2024-02-29", True), ("2023-02-29", False), ("2023-13-01", False),
     ("2023-06-01T24:00:00", False), ("06/01/2023", False), ("now", False)],
)  # fmt: skip
def test_datetime_ok(text: str, ok: bool) -> None:
    assert datetime_ok(text) is ok


# ---- never raises, on any JSON value -----------------------------------------------------

def _property_names() -> list[str]:
    names: set[str] = set()
    stack = [k.payload for k in KINDS if k.payload is not None]
    while stack:
        schema = stack.pop()
        if isinstance(schema, ArrayType):
            stack.append(schema.item)
        elif isinstance(schema, ObjectType):
            for p in schema.properties:
                names.add(p.name)
                stack.append(p.type)
    return sorted(names)


_NAMES = st.sampled_from(_property_names())
_KEYS = st.one_of(_NAMES, _NAMES.map(str.lower), st.text(max_size=8))
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.sampled_from(["10d", "00:05:00", "-1.00:00:00", "0.00:00:00", "2023-06-01", "system", "Hash", "Custom",
                     "Enabled", "drop-by", "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "{x}"]),
    st.text(max_size=10),
)  # fmt: skip
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.lists(st.tuples(_KEYS, inner), max_size=5).map(tuple)),
    max_leaves=20,
)


def _resolves(value: Any, path: tuple[Any, ...], occurrence: int) -> bool:
    for i, step in enumerate(path):
        if isinstance(step, int):
            if not isinstance(value, list) or step >= len(value):
                return False
            value = value[step]
            continue
        matches = [v for k, v in value if k == step] if isinstance(value, tuple) else []
        last_step = i == len(path) - 1
        if not matches or (last_step and occurrence >= len(matches)):
            return False
        value = matches[occurrence if last_step else -1]
    return True


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    verb=st.sampled_from([Verb.ALTER, Verb.ALTER_MERGE]),
    entity=st.sampled_from(list(Entity)),
    value=_VALUES,
    now=st.sampled_from([None, datetime(2026, 12, 1)]),
)
def test_validator_never_raises_and_reports_known_checks(
    kind: PolicyKind, verb: Verb, entity: Entity, value: Any, now: datetime | None
) -> None:
    for p in validate(kind, verb, entity, value, now=now):
        assert p.check in CHECKS
        assert p.severity == CHECKS[p.check][0]
        assert _resolves(value, p.path, p.occurrence), (p, value)


# ---- docs/policies.md is generated from the registry -------------------------------------


def test_policy_docs_are_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_policy_docs", ROOT / "tools" / "gen_policy_docs.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    current = (ROOT / "docs" / "policies.md").read_text(encoding="utf-8")
    assert current == gen.generated(), "docs/policies.md is stale: run python3 tools/gen_policy_docs.py"
    for kind in KINDS:
        assert f"## `{kind.name}`" in current


# ---- managed_identity: the registry entry says what today's rules check ------------------

# The ManagedIdentity codes the validator's checks are reported under (the GUID checks keep
# their MI rules; the rest are the generic rules that replaced P001/P002/P009/P018/P019/P020).
_TODAY = {"duplicate-key": "J004", "invalid-guid": "P003", "placeholder-guid": "P004", "nil-guid": "P005",
          "braced-guid": "P006", "uppercase-guid": "P007", "system-case": "P008", "service-filled": "P105",
          "unknown-property": "P101", "property-case": "P102", "missing-required": "P104"}  # fmt: skip
_GENERIC_CODES = {"J002", "J003", "J004", "P003", "P004", "P005", "P006", "P007", "P008", "P101", "P102", "P103",
                  "P104", "P105"}  # fmt: skip


def _today_code(p: Problem) -> str:
    if p.check in ("wrong-shape", "wrong-type"):
        return "J002" if not p.path else "J003" if len(p.path) == 1 else "P103"
    return _TODAY[p.check]


def _compare_with_today(text: str) -> None:
    from kqllint import lint_text

    kind = KINDS_BY_NAME["managed_identity"]
    mine = sorted(_today_code(p) for p in validate(kind, Verb.ALTER, Entity.DATABASE, _load(text)))
    fence = "~~~" if "```" in text else "```"
    command = f".alter database db policy managed_identity {fence}{text}{fence}\n"
    today = sorted(d.code for d in lint_text(command) if d.code in _GENERIC_CODES)
    assert mine == today, text


@pytest.mark.parametrize("case", _jsonl(DATA / "cases" / "managed_identity.jsonl"), ids=lambda c: c["payload"][:50])
def test_managed_identity_entry_matches_todays_rules(case: dict[str, Any]) -> None:
    _compare_with_today(case["payload"])


@settings(max_examples=150, deadline=None)
@given(text=json_texts(broken=False))
def test_managed_identity_entry_matches_todays_rules_on_generated_payloads(text: str) -> None:
    try:
        _load(text)
    except ValueError:
        return  # single quotes or trailing commas: the lenient path, not this validator's input
    assume("```" not in text or "~~~" not in text)
    # The one deliberate difference: a path cannot name an object inside a member that a later
    # member of the same name overwrites, so duplicates in there are not reported.
    assume(not _overwritten_container(_load(text)))
    _compare_with_today(text)


def _overwritten_container(value: Any) -> bool:
    stack = [value]
    while stack:
        node = stack.pop()
        items = node if isinstance(node, list) else [v for _, v in node] if isinstance(node, tuple) else []
        if isinstance(node, tuple):
            keys = [k for k, _ in node]
            if any(isinstance(v, (list, tuple)) and k in keys[i + 1 :] for i, (k, v) in enumerate(node)):
                return True
        stack.extend(items)
    return False


# ---- positions: the lenient path gives the same values, and every path finds its node ----


@pytest.mark.parametrize(("kind_name", "index", "case"), CASES, ids=[f"{k}-{i}" for k, i, _ in CASES])
def test_every_problem_locates_its_node(kind_name: str, index: int, case: dict[str, Any]) -> None:
    from kqllint.literals import decode_literal
    from kqllint.model import JsonString
    from kqllint.payload import parse_payload
    from kqllint.policies.locate import locate, to_plain

    token = f"```{case['payload']}```"
    literal, errors = decode_literal(token, 0)
    root = parse_payload(literal).value
    assert not errors and root is not None
    assert to_plain(root) == _load(case["payload"])
    kind = KINDS_BY_NAME[kind_name]
    for p in validate(kind, Verb(case["verb"]), Entity(case["entity"]), to_plain(root), now=_now(case)):
        node = locate(root, p)
        assert node is not None, p
        if p.on_key:
            assert isinstance(node, JsonString) and node.value == p.path[-1]
            assert token[node.span.start : node.span.end] == json.dumps(node.value)


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    from kqllint.literals import decode_literal
    from kqllint.payload import parse_payload
    from kqllint.policies.locate import to_plain

    deep: Any = []
    for _ in range(3000):  # deeper than the recursion limit
        deep = [(("PartitionKeys", deep),)]
    for kind in KINDS:
        for p in validate(kind, Verb.ALTER, Entity.TABLE, deep):
            assert p.check in CHECKS
    text = "[" * 60 + "]" * 60  # the scanner stops at 64 levels; to_plain is iterative anyway
    root = parse_payload(decode_literal(f"```{text}```", 0)[0]).value
    assert root is not None and to_plain(root) == json.loads(text)


# ---- the workload group's policies ----------------------------------------------------------

WORKLOAD_GROUP = _jsonl(DATA / "workload_group.jsonl")


@pytest.mark.parametrize("case", WORKLOAD_GROUP, ids=lambda c: c.get("docs", c["payload"][:60]))
def test_workload_group_payload(case: dict[str, Any]) -> None:
    from kqllint.policies.workload_group import validate_workload_group

    problems = validate_workload_group(Verb(case["verb"]), _load(case["payload"]))
    assert _found(problems) == _expected(case["expect"])
    if "fix" in case:
        assert problems[0].fix == case["fix"]
    if "help" in case:
        assert case["help"] in [p.help for p in problems]
    for p in problems:
        assert p.severity == CHECKS[p.check][0]


def test_workload_group_is_not_a_policy_kind() -> None:
    # `policy workload_group` is no command: the registry lists the kind, but not after `policy`.
    assert KINDS_BY_NAME["workload_group"].policy_word is False
    assert "workload_group" not in POLICY_KINDS_BY_NAME
    assert lookup_kind("workload_group")[0] is None


@settings(max_examples=150, deadline=None)
@given(verb=st.sampled_from([Verb.ALTER, Verb.ALTER_MERGE]), value=_VALUES)
def test_workload_group_validator_never_raises(verb: Verb, value: Any) -> None:
    from kqllint.policies.workload_group import validate_workload_group

    for p in validate_workload_group(verb, value):
        assert p.check in CHECKS and _resolves(value, p.path, p.occurrence), (p, value)


# ---- callout: what kqllint can say of a .NET regular expression --------------------------


@pytest.mark.parametrize(
    ("pattern", "rejected"),
    [("sqlname\\.database\\.azure\\.com/?$", False), ("(abc", True), ("abc)", True), ("[abc", True), ("*a", True),
     ("a**", True), ("a{2,1}", True), ("[z-a]", True), ("abc\\", True), ("a*+", True), ("a{2}+", True),
     ("(?P<n>x)", True), ("(?P=n)", True),
     # .NET-only constructs, which Python rejects: left alone
     ("(?<n>x)\\k<n>", False), ("\\p{L}+", False), ("[a-z-[aeiou]]", False), ("(?'n'x)", False),
     ("a(?i)b", False), ("(?<=a+)b", False), ("\\G", False),
     # what Python and .NET read differently: no verdict
     ("a{,3}*", False), ("[\\w-a]", False),
     # not a quantifier where it looks like one
     ("[a*+]", False), ("\\*+", False), ("(?#x*+)a", False), ("a+?", False), ("(?x)a*+", False)],
)  # fmt: skip
def test_callout_regex_verdicts(pattern: str, rejected: bool) -> None:
    from kqllint.policies.callout import regex_problem

    assert (regex_problem(pattern) is not None) is rejected
