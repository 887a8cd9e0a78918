"""The benchmark's corpus generators (bench/corpus.py) run and hold what they claim; cheap: no
timing here (bench/run.py prints figures, it asserts none)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import corpus  # noqa: E402

from kqllint.policies import KINDS_BY_NAME  # noqa: E402
from kqllint.script import parse_script  # noqa: E402

SIZE = 400_000


@pytest.fixture(scope="module")
def deployment() -> str:
    return corpus.deployment_script(SIZE, seed=5)


def test_generators_are_deterministic_and_sized() -> None:
    for generate in (corpus.script, corpus.deployment_script):
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
