"""The client's settings (`initializationOptions`, `workspace/didChangeConfiguration`) drive the real
server as the CLI's `--select`, `--ignore`, `--extend-select` and `--unsafe-fixes` drive `check`."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytest_lsp")

from click.testing import CliRunner  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import LanguageClient  # noqa: E402

from kqllint.cli import main  # noqa: E402
from kqllint.config import Config, Overrides  # noqa: E402
from kqllint.fixes import fix_text  # noqa: E402
from kqllint.lsp.options import read_options  # noqa: E402
from test_lsp import BROKEN, SERVER, _code_actions, apply, open_and_wait, utf16_position  # noqa: E402

WHOLE = types.Range(start=types.Position(line=0, character=0), end=utf16_position(BROKEN, len(BROKEN)))


@asynccontextmanager
async def server(options: Any = None) -> AsyncIterator[LanguageClient]:
    client = await SERVER.start()
    try:
        await client.initialize_session(types.InitializeParams(
            capabilities=types.ClientCapabilities(), initialization_options=options))  # fmt: skip
        yield client
        await client.shutdown_session()
    finally:
        await client.stop()


def cli_codes(path: Path, *flags: str) -> list[str]:
    """The codes `kqllint check` reports on BROKEN as `path`, with `flags`."""
    args = ["check", "--output-format", "json", "--exit-zero", *flags, "--stdin-filename", str(path), "-"]
    result = CliRunner().invoke(main, args, input=BROKEN)
    assert result.exit_code == 0, result.output
    return [finding["code"] for finding in json.loads(result.stdout)]


async def settled(client: LanguageClient, uris: list[str], done: Callable[[set[str]], bool]) -> None:
    """Wait (30 s at most) until the last findings published for each of `uris` satisfy `done`."""
    deadline = asyncio.get_running_loop().time() + 30
    while not all(done({str(d.code) for d in client.diagnostics.get(uri, ())}) for uri in uris):
        assert asyncio.get_running_loop().time() < deadline, f"not settled: {client.diagnostics}"
        await asyncio.sleep(0.02)


async def published_codes(client: LanguageClient) -> list[str]:
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return [str(d.code) for d in published.diagnostics]


# (the configuration file, the client's settings, the same as CLI flags)
CASES = [
    ("", {"select": ["C"]}, ["--select", "C"]),
    ("", {"ignore": ["P010", "keyword-case"]}, ["--ignore", "P010,keyword-case"]),
    ('select = ["P"]\n', {"extendSelect": ["C002"]}, ["--extend-select", "C002"]),  # a rule off in the file
    ('ignore = ["P010"]\n', {"extendSelect": ["P010"]}, ["--extend-select", "P010"]),
    ('select = ["C"]\n', {"select": ["P0"], "ignore": ["P010"]}, ["--select", "P0", "--ignore", "P010"]),
    ('select = ["P"]\n', {"kqllint": {"extend-select": "C002, P101"}}, ["--extend-select", "C002,P101"]),
]


@pytest.mark.parametrize(("toml", "options", "flags"), CASES)
@pytest.mark.asyncio
async def test_initialization_options_select_rules_as_the_cli_flags_do(
        toml: str, options: dict[str, Any], flags: list[str], tmp_path: Path) -> None:  # fmt: skip
    if toml:
        (tmp_path / ".kqllint.toml").write_text(toml, encoding="utf-8")
    path = tmp_path / "a.kql"
    expected = cli_codes(path, *flags)
    assert expected != cli_codes(path)  # the flags change something: the test can fail
    async with server(options) as client:
        published = await open_and_wait(client, path.as_uri(), BROKEN)
        assert [d.code for d in published.diagnostics] == expected
        assert client.messages == []


@pytest.mark.asyncio
async def test_changed_settings_check_every_open_document_again(tmp_path: Path) -> None:
    uris = [(tmp_path / name).as_uri() for name in ("a.kql", "b.kql")]
    async with server() as client:
        for uri in uris:
            assert "P010" in {d.code for d in (await open_and_wait(client, uri, BROKEN)).diagnostics}
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"kqllint": {"ignore": ["P010"], "path": ["/opt/kqllint"]}}))  # an editor's own key is skipped
        # Both documents' new findings, as the client keeps them: waiting for two notifications in
        # turn would miss the second when both arrive in one read (pytest-lsp keeps one waiter).
        await settled(client, uris, lambda codes: "P010" not in codes and "C002" in codes)
        # settings replace the old ones whole: without `ignore`, P010 is back
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
        assert "P010" in await published_codes(client)
        assert client.messages == []


async def fix_all(client: LanguageClient, uri: str) -> types.CodeAction:
    actions = await _code_actions(client, uri, WHOLE, only=[types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == [types.CodeActionKind.SourceFixAll]
    return actions[0]


def fixed_by(action: types.CodeAction, uri: str) -> str:
    assert action.edit is not None and action.edit.changes is not None
    return apply(BROKEN, action.edit.changes[uri])


@pytest.mark.asyncio
async def test_unsafe_fixes_setting_puts_unsafe_fixes_in_fix_all(tmp_path: Path) -> None:
    uri = (tmp_path / "a.kql").as_uri()
    path = str(tmp_path / "a.kql")
    assert fix_text(BROKEN, path, unsafe=True).text != fix_text(BROKEN, path).text
    async with server({"unsafeFixes": True}) as client:
        await open_and_wait(client, uri, BROKEN)
        action = await fix_all(client, uri)
        assert action.title == "Fix all kqllint problems, unsafe fixes included"
        assert fixed_by(action, uri) == fix_text(BROKEN, path, unsafe=True).text
        # back to the default, by a changed configuration: only the safe fixes
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"unsafeFixes": False}))
        await published_codes(client)
        action = await fix_all(client, uri)
        assert action.title == "Fix all safely fixable kqllint problems"
        assert fixed_by(action, uri) == fix_text(BROKEN, path).text
        # the selection limits fix-all too: ignoring the only rules with safe fixes leaves none
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"select": ["P010"], "unsafeFixes": True}))  # fmt: skip
        assert await published_codes(client) == ["P010"]
        only_p010 = fix_text(BROKEN, path, Overrides(select=("P010",)).apply(Config()), unsafe=True).text
        assert only_p010 != fix_text(BROKEN, path, unsafe=True).text and ".ALTER cluster" in only_p010
        assert fixed_by(await fix_all(client, uri), uri) == only_p010  # C002's safe fix is not applied


@pytest.mark.asyncio
async def test_a_bad_setting_is_reported_and_ignored(tmp_path: Path) -> None:
    uri = (tmp_path / "a.kql").as_uri()
    options = {"select": ["P010", "P999"], "ignore": 7, "unsafeFixes": "yes"}
    async with server(options) as client:
        published = await open_and_wait(client, uri, BROKEN)
        assert [d.code for d in published.diagnostics] == ["P010"]  # `select` without its bad entry
        assert [(m.type, m.message) for m in client.messages] == [(types.MessageType.Warning, "\n".join([
            "kqllint: ignored in setting `select`: unknown rule code, prefix or name `P999`; did you mean `P109`?",
            "kqllint: ignored setting `ignore`: must be a list of rule codes, prefixes or names",
            "kqllint: ignored setting `unsafeFixes`: must be `true` or `false`, not `'yes'`",
        ]))]
        assert sum("ignored" in m.message for m in client.log_messages) == 3
        # a changed configuration that names no known rule selects as if `select` were not set
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"select": ["nope"]}))
        assert "C002" in await published_codes(client)
        unknown = "kqllint: ignored in setting `select`: unknown rule code, prefix or name `nope`"
        assert client.messages[-1].message == unknown


@pytest.mark.parametrize("value", [None, 3, "x", [], {"kqllint": None}, {"select": None, "unsafeFixes": None}])
def test_settings_that_say_nothing_are_the_defaults(value: Any) -> None:
    options, errors = read_options(value)
    assert options == read_options({})[0] and options.overrides.select is None and not options.unsafe_fixes
    assert errors == []
