"""The client's settings (`initializationOptions`, `workspace/didChangeConfiguration`), read as the CLI's flags."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kqllint.config import ConfigError, Overrides

SECTION = "kqllint"  # a client may send `{"kqllint": {...}}` (VS Code's and Neovim's `settings`)
# The settings are the CLI's `--select`, `--ignore`, `--extend-select` and `--unsafe-fixes`, in
# camelCase; a client may also spell them as the flag or in snake_case.
CODE_LISTS = ("select", "ignore", "extendSelect")
SPELLINGS = {"extend-select": "extendSelect", "extend_select": "extendSelect",
             "unsafe-fixes": "unsafeFixes", "unsafe_fixes": "unsafeFixes"}  # fmt: skip


@dataclass(frozen=True)
class ClientOptions:
    """The flags a client set: rule selection laid over each file's configuration, and unsafe fixes."""

    overrides: Overrides = field(default_factory=Overrides)
    unsafe_fixes: bool = False


def read_options(value: object) -> tuple[ClientOptions, list[str]]:
    """The options `value` gives, and a message for each setting that was ignored (never raises).

    A missing setting is the CLI's default (the new settings replace the old ones, as a client
    sends them whole). Keys kqllint does not know (the editor's own, like `path`) are skipped.
    """
    settings = _section(value)
    errors: list[str] = []
    lists: dict[str, tuple[str, ...] | None] = {}
    for key in CODE_LISTS:
        lists[key] = _codes(settings.get(key), key, errors)
    unsafe = settings.get("unsafeFixes")
    if unsafe is None:
        unsafe = False
    elif not isinstance(unsafe, bool):
        errors.append(f"kqllint: ignored setting `unsafeFixes`: must be `true` or `false`, not `{unsafe!r}`")
        unsafe = False
    overrides = Overrides(select=lists["select"] or None, ignore=lists["ignore"] or (),
                          extend_select=lists["extendSelect"] or ())  # fmt: skip
    return ClientOptions(overrides, unsafe), errors


def _section(value: object) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        return {}
    inner = value.get(SECTION)
    settings = inner if isinstance(inner, Mapping) else value
    return {SPELLINGS.get(k, k): v for k, v in settings.items()}


def _codes(value: object, key: str, errors: list[str]) -> tuple[str, ...] | None:
    """The rule codes a setting names (entries may be comma-separated, as on the command line);
    each unknown entry is reported and left out. None when the setting is absent or names none."""
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(f"kqllint: ignored setting `{key}`: must be a list of rule codes, prefixes or names")
        return None
    from kqllint.config_keys import check_codes

    codes: list[str] = []
    for word in (w.strip() for v in value for w in v.split(",")):
        if not word:
            continue
        try:
            codes.extend(check_codes([word], f"kqllint: ignored in setting `{key}`"))
        except ConfigError as exc:
            errors.append(str(exc))
    return tuple(dict.fromkeys(codes)) or None
