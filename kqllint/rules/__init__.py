"""The registry: every rule module, by name. Add a rule by adding its module here, then run
`python3 tools/gen_docs.py` (it regenerates `kqllint/_rule_table.py`, then the rule docs).

The rules' records come from `kqllint/_rule_table.py`, generated from the modules and checked by
tests/test_rule_table.py: listing the rules, choosing the ones that apply to a policy kind and
reporting the parser's problems need no rule module. A module is imported when one of its checks
is first called: checking a small script imports the rules it runs (18 of 84 for a clean
`.alter database db policy caching`), which takes ~6 ms off the CLI's start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from kqllint._rule_table import TABLE
from kqllint.rules._rule import Rule

MODULES: tuple[str, ...] = (
    # syntax: reported by the parser
    "syntax_error",
    "unterminated_string",
    "unbalanced_bracket",
    "trailing_tokens",
    "unexpected_payload",
    "missing_payload",
    "missing_required_database_name",
    "unknown_policy_kind",
    "cluster_name_given",
    "unbracketed_database_name",
    "empty_command",
    "invalid_escape",
    "missing_command_dot",
    "unquoted_payload",
    "rejected_policy_form",
    "invalid_keyword_form",
    # command
    "missing_database_name",
    "keyword_case",
    "missing_blank_line",
    "blank_line_in_command",
    "wrong_script_scope",
    "docs_only_policy_form",
    "mismatched_database_name",
    # payload (J) and policy (P) rules follow
    "invalid_json",
    "wrong_payload_shape",
    "element_not_object",
    "duplicate_key",
    "trailing_comma",
    "single_quoted_json",
    "invalid_object_id",
    "placeholder_object_id",
    "nil_object_id",
    "braced_object_id",
    "uppercase_object_id",
    "system_case",
    "wrong_value_type",
    "unknown_usage",
    "renamed_usage",
    "usage_case",
    "duplicate_usage",
    "all_with_other_usages",
    "empty_usages",
    "sandbox_artifacts_on_database",
    "duplicate_object_id",
    "service_filled_property",
    "unknown_property",
    "property_case",
    "empty_policy_alter_merge",
    "empty_policy_alter",
    "empty_usage_item",
    "example_object_id",
    # generic policy rules: read from the registry's schemas (P1xx), kind-specific (P2xx)
    "missing_property",
    "property_not_allowed_here",
    "unknown_enum_value",
    "enum_value_case",
    "renamed_enum_value",
    "invalid_timespan",
    "invalid_datetime",
    "value_out_of_range",
    "removed_property",
    "zero_retention_on_database",
    "zero_retention_recoverable",
    "update_not_transactional",
    "partition_key_conflict",
    "custom_lookback_without_period",
    "expiry_in_past",
    "invalid_tag_prefix",
    "invalid_callout_regex",
    "min_above_max",
    "partial_alter",
    "duplicate_sandbox_kind",
    "queuing_without_concurrency_limit",
    "built_in_workload_group",
    "invalid_mirroring_partition",
    # across the commands of one script (P3xx): one shared pass, kqllint/rules/_across.py
    "update_policy_replaced",
    "duplicate_update_entry",
    "zero_retention_source_not_transactional",
    "row_level_security_with_restricted_view",
    "policy_replaced",
    # identity (I) rules: only with --identities
    "unassigned_object_id",
    "no_system_identity",
    "client_id_as_object_id",
    # formatter: reported by kqllint/formatter.py
    "format_blocked",
    "format_changed_meaning",
    "format_unstable",
    # meta: suppression comments (the findings come from kqllint.suppression)
    "unused_suppression",
    "invalid_suppression",
)
CHECKS = ("check_command", "check_view", "check_script")  # the `Rule` fields a module's functions fill


def _stand_in(code: str, check: str) -> Callable[..., Any]:
    """What a rule holds as `check` until its module is imported: the first call imports it.

    The first call also puts the module's function on the rule (`load`); a caller that kept the
    stand-in pays one extra call from then on, not another import.
    """
    found: Callable[..., Any] | None = None

    def first_call(*args: Any) -> Any:
        nonlocal found
        if found is None:
            found = getattr(load(RULES_BY_CODE[code]), check)
        return found(*args)

    return first_call


def load(rule: Rule) -> ModuleType:
    """The module of `rule`, imported; from now on the rule holds the module's own checks.

    `Rule` is frozen, and stays so to its users: a check field changes once, from the stand-in
    to the function it stands for (the fields take no part in equality or hashing), so that
    later calls go straight to the function, as they did before the registry was lazy.
    """
    module = importlib.import_module(f"kqllint.rules.{_MODULE_OF[rule.code]}")
    for check in CHECKS:
        if getattr(rule, check) is not None:
            object.__setattr__(rule, check, getattr(module, check))
    return module


def _rule(module: str, checks: tuple[str, ...], fields: dict[str, Any]) -> Rule:
    return Rule(**fields, **{check: _stand_in(fields["code"], check) for check in checks})


RULES: tuple[Rule, ...] = tuple(_rule(*row) for row in TABLE)
RULES_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
_MODULE_OF: dict[str, str] = {rule.code: row[0] for rule, row in zip(RULES, TABLE)}


def canonical_code(word: str) -> str | None:
    """The code of the rule `word` names: its code, its kebab-case name, or a renamed code or
    name (`P019`, `missing-object-id`: `kqllint.config.RENAMED`)."""
    from kqllint.config import RENAMED

    if word in RULES_BY_CODE:
        return word
    return RENAMED.get(word) or _CODE_BY_NAME.get(word)


_CODE_BY_NAME: dict[str, str] = {r.name: r.code for r in RULES}
