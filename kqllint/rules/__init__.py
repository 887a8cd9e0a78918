"""The registry: every rule module, in code order. Add a rule by adding its module here."""

from __future__ import annotations

from kqllint.rules import (
    blank_line_in_command,
    cluster_name_given,
    duplicate_key,
    element_not_object,
    empty_command,
    invalid_escape,
    invalid_json,
    keyword_case,
    missing_blank_line,
    missing_database_name,
    missing_payload,
    missing_required_database_name,
    payload_not_array,
    single_quoted_json,
    syntax_error,
    trailing_comma,
    trailing_tokens,
    unbalanced_bracket,
    unbracketed_database_name,
    unexpected_payload,
    unknown_policy_kind,
    unterminated_string,
    wrong_script_scope,
)
from kqllint.rules._rule import Rule, rule_from_module

_MODULES = [
    # syntax: reported by the parser
    syntax_error,
    unterminated_string,
    unbalanced_bracket,
    trailing_tokens,
    unexpected_payload,
    missing_payload,
    missing_required_database_name,
    unknown_policy_kind,
    cluster_name_given,
    unbracketed_database_name,
    empty_command,
    invalid_escape,
    # command
    missing_database_name,
    keyword_case,
    missing_blank_line,
    blank_line_in_command,
    wrong_script_scope,
    # payload (J) and policy (P) rules follow
    invalid_json,
    payload_not_array,
    element_not_object,
    duplicate_key,
    trailing_comma,
    single_quoted_json,
]

RULES: tuple[Rule, ...] = tuple(sorted((rule_from_module(m) for m in _MODULES), key=lambda r: r.code))
RULES_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
