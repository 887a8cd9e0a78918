"""The benchmark's corpus generators (bench/corpus.py) and language-server client (bench/lsp.py)
run and hold what they claim, so that its figures cannot drift silently; cheap: no timing here
(bench/run.py prints figures, it asserts none)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
import lsp  # noqa: E402

from kqllint.linter import lint_text  # noqa: E402
from kqllint.policies import KINDS_BY_NAME  # noqa: E402
from kqllint.script import parse_script  # noqa: E402

SIZE = 400_000
SMALL = 150_000
GENERATORS = (corpus.script, corpus.deployment_script, corpus.clean_script, corpus.findings_script)


@pytest.fixture(scope="module")
def deployment() -> str:
    return corpus.deployment_script(SIZE, seed=5)


@pytest.fixture(scope="module", params=[corpus.clean_script, corpus.findings_script], ids=["clean", "findings"])
def variant(request: pytest.FixtureRequest) -> str:
    return request.param(SIZE, seed=5)


def test_generators_are_deterministic_and_sized() -> None:
    for generate in GENERATORS:
        text = generate(20_000, seed=3)
        assert text == generate(20_000, seed=3) != generate(20_000, seed=4)
        assert 20_000 <= len(text) < 20_000 + 10_000


def test_the_managed_identity_corpus_is_what_it_was() -> None:
    """Figures on it compare across commits only while it stays byte for byte the same."""
    text = corpus.script(20_000, seed=1)
    counts = corpus.policy_kinds(text)
    assert set(counts) == {"managed_identity", "caching", "retention"}
    assert counts["managed_identity"] > 5 * counts["retention"]
    assert hashlib.sha256(text.encode()).hexdigest()[:16] == "7702377885d6d855"
    assert _digest(corpus.script(100_000)) == "230c834845782c8b"


def test_the_deployment_corpus_as_written_is_what_it_was() -> None:
    """Its figures in the README compare across commits only while it stays the same too."""
    assert _digest(corpus.deployment_script(100_000)) == "fdefd4d8d9537472"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_the_clean_corpus_draws_no_finding() -> None:
    text = corpus.clean_script(SMALL, seed=5)
    assert [(d.code, d.span.start) for d in lint_text(text)] == []
    assert len(corpus.policy_commands(text)) > 100


def test_every_policy_command_of_the_findings_corpus_draws_a_finding() -> None:
    text = corpus.findings_script(SMALL, seed=5)
    starts = [d.span.start for d in lint_text(text)]
    spans = corpus.policy_commands(text)
    missed = [text[a:b] for a, b in spans if not any(a <= s < b for s in starts)]
    assert missed == []
    assert corpus.with_findings(spans, starts) == len(spans) > 100


def test_the_variants_hold_every_kind_and_literal_form_of_the_deployment_corpus(variant: str) -> None:
    kinds = {kind for kind in corpus.policy_kinds(variant) if kind in KINDS_BY_NAME}
    assert kinds == set(corpus.KIND_SHARE)
    policy = re.compile(r"\bpolicy \w+\s+(@'|@\"|h```|@```|```|~~~|\"|')")
    assert set(policy.findall(variant)) == {"@'", '@"', "h```", "@```", "```", "~~~", '"', "'"}
    for text in corpus.literal_payloads(variant):
        json.loads(text)  # the json.loads floor reads every payload


def test_with_findings_counts_the_spans_holding_an_offset() -> None:
    spans = [(0, 10), (12, 20), (22, 30)]
    assert corpus.with_findings(spans, [25, 3, 5, 10, 11]) == 2
    assert corpus.with_findings(spans, []) == 0


def test_deployment_corpus_holds_every_kind_it_claims(deployment: str) -> None:
    counts = corpus.policy_kinds(deployment)
    assert set(counts) == set(corpus.KIND_SHARE) <= set(KINDS_BY_NAME)
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    assert ranked[:2] == ["update", "retention"], counts
    keyword = len(re.findall(r"policy retention softdelete\b", deployment))
    assert 0.2 < keyword / counts["retention"] < 0.5, "about a third of retention commands use the keyword form"


def test_deployment_corpus_holds_the_other_statements(deployment: str) -> None:
    markers = (".create-merge table ", " ingestion json mapping ", ".create-or-alter function ", "\n// ", "| where ")
    for marker in markers:
        assert marker in deployment, marker
    controls = len(re.findall(r"^\.", deployment, re.M))
    assert sum(corpus.policy_kinds(deployment).values()) < controls / 2, "policy commands are the minority"


def test_deployment_corpus_uses_every_string_literal_form(deployment: str) -> None:
    policy = re.compile(r"\bpolicy \w+\s+(@'|@\"|h```|@```|```|~~~|\"|')")
    assert set(policy.findall(deployment)) == {"@'", '@"', "h```", "@```", "```", "~~~", '"', "'"}


def test_deployment_payloads_are_json_and_split_as_the_generator_wrote_them(deployment: str) -> None:
    payloads = corpus.literal_payloads(deployment)
    json_kinds = ("update", "ingestionbatching", "merge", "partitioning", "sharding")
    assert len(payloads) > sum(corpus.policy_kinds(deployment)[k] for k in json_kinds) * 0.8
    for text in payloads:
        json.loads(text.replace("'", '"'))  # the ManagedIdentity corpus's single-quoted JSON, as the floor reads it
    statements = parse_script(deployment).statements
    assert len(statements) == deployment.count("\n\n") + 1


def test_deployment_corpus_has_some_mistakes(deployment: str) -> None:
    mistakes = ['"IsTransactionl"', "policy streamingingestion Enable", '"SoftDeletePeriod": "', "hotcache"]
    found = [m for m in mistakes if m in deployment]
    assert len(found) >= 2, found
    assert re.search(r'"SoftDeletePeriod": "\d+d"', deployment), "a `10d`-style timespan"


def test_lsp_edits_change_one_character_each() -> None:
    text = corpus.deployment_script(5_000)
    versions = lsp.edits(text, 4)
    for before, after in zip([text, *versions], versions):
        assert len(after) == len(before)
        assert sum(a != b for a, b in zip(before, after)) == 1
    assert versions[1] == versions[3] == text


def test_lsp_figure_comes_from_the_real_server_publishing_what_check_finds() -> None:
    text = corpus.deployment_script(20_000, seed=2)
    got = lsp.measure(ROOT, text, 2)
    assert len(got.edit_ms) == 2 and got.open_ms > 0
    assert got.findings == len(lint_text(text)) > 0


def test_the_sdist_carries_the_benchmark_these_tests_import() -> None:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "bench" in pyproject["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
