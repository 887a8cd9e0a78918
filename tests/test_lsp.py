"""`kqllint server` end to end: a real LSP client (pytest-lsp) talking to `python -m kqllint server`."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp")

import pytest_lsp  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from kqllint.cli import main  # noqa: E402
from kqllint.docs import rule_url  # noqa: E402
from kqllint.fixes import fix_text  # noqa: E402
from kqllint.formatter import format_text  # noqa: E402
from kqllint.linter import lint_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "kqllint", "server"],
    server_env={**os.environ, "PYTHONPATH": str(ROOT)},
)
PULL = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        diagnostic=types.DiagnosticClientCapabilities(related_document_support=False)),
    workspace=types.WorkspaceClientCapabilities(
        diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)))  # fmt: skip
# pulls, but cannot be told to pull again (Neovim 0.10 and 0.11)
PULL_NO_REFRESH = types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
    diagnostic=types.DiagnosticClientCapabilities(related_document_support=False)))  # fmt: skip

# CRLF line ends, and astral-plane characters before findings on the same line: the client counts
# UTF-16 code units, kqllint counts code points
BROKEN = (
    "// deploy 😀\r\n"
    '.alter database Sales policy managed_identity ```[{"ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", '
    '"Note😀": "é", "AllowedUsages": "ExternalTables"}]```\r\n'
    "\r\n"
    ".ALTER cluster policy managed_identity ```[]```\r\n"
)
UGLY = (
    ".alter-merge   database ['Sales-DB']  policy managed_identity \"[ { 'AllowedUsages' : "
    "'NativeIngestion,ExternalTable', 'ObjectId' : 'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb' }]\"\n"
    "\n"
    ".show  cluster   policy managed_identity\n"
)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def pulling_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=PULL))
    yield
    await lsp_client.shutdown_session()


def utf16_position(text: str, offset: int) -> types.Position:
    """Independently of the server's code: LSP lines, UTF-16 columns."""
    before = text[:offset]
    line = len(re.findall(r"\r\n|\r|\n", before))
    column = re.split(r"\r\n|\r|\n", before)[-1]
    return types.Position(line=line, character=len(column.encode("utf-16-le")) // 2)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits as a client does (every range refers to the text before any edit)."""
    def offset(p: types.Position) -> int:
        starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        line = re.split(r"\r\n|\r|\n", text[starts[p.line]:])[0]
        return starts[p.line] + len(line.encode("utf-16-le")[:p.character * 2].decode("utf-16-le"))

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def uri_of(name: str) -> str:
    return (ROOT / "tests" / "data" / "lsp" / name).as_uri()  # never read: the text comes from the client


async def open_and_wait(client: LanguageClient, uri: str, text: str) -> types.PublishDiagnosticsParams:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="kusto", version=1, text=text)))
    return await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def expected_items(text: str) -> list[tuple[str | None, types.Position, types.Position]]:
    return [(d.code, utf16_position(text, d.span.start), utf16_position(text, d.span.end))
            for d in lint_text(text, "x.kql")]


@pytest.mark.asyncio
async def test_open_publishes_diagnostics_at_utf16_ranges(client: LanguageClient) -> None:
    uri = uri_of("open.kql")
    published = await open_and_wait(client, uri, BROKEN)
    got = [(d.code, d.range.start, d.range.end) for d in published.diagnostics]
    assert got == expected_items(BROKEN)
    assert {"P010", "C002"} <= {code for code, _, _ in got}
    usage = next(d for d in published.diagnostics if d.code == "P010")
    start = BROKEN.index("ExternalTables")
    assert usage.range.start.line == 1
    assert usage.range.start.character == len(BROKEN[BROKEN.index(".alter"):start]) + 1  # 😀 counts twice
    assert usage.severity == types.DiagnosticSeverity.Error
    assert usage.source == "kqllint"
    assert usage.message.startswith("unknown usage `ExternalTables`")
    assert (usage.code_description.href if usage.code_description else None) == rule_url("P010")
    assert published.version == 1


@pytest.mark.asyncio
async def test_edits_update_the_diagnostics_once_typing_pauses(client: LanguageClient) -> None:
    uri = uri_of("edit.kql")
    await open_and_wait(client, uri, BROKEN)
    half_typed = BROKEN.replace("ExternalTables", "External")
    fixed = BROKEN.replace("ExternalTables", "ExternalTable").replace(".ALTER", ".alter")
    change(client, uri, 2, half_typed)
    change(client, uri, 3, fixed)  # within the debounce: only this version is linted and published
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert published.version == 3
    assert [(d.code, d.range.start, d.range.end) for d in published.diagnostics] == expected_items(fixed)
    assert not {"P010", "C002"} & {d.code for d in published.diagnostics}


@pytest.mark.asyncio
async def test_close_clears_the_diagnostics(client: LanguageClient) -> None:
    uri = uri_of("close.kql")
    assert (await open_and_wait(client, uri, BROKEN)).diagnostics
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert published.uri == uri and not published.diagnostics


@pytest_lsp.fixture(config=SERVER)
async def pulling_client_without_refresh(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=PULL_NO_REFRESH))
    assert result.capabilities.diagnostic_provider is None
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_client_that_cannot_be_told_to_pull_again_is_pushed_to(
        pulling_client_without_refresh: LanguageClient, tmp_path: Path) -> None:  # fmt: skip
    """Else a changed configuration file would show only after the next keystroke."""
    await _a_config_change_is_pushed(pulling_client_without_refresh, tmp_path)


@pytest.mark.asyncio
async def test_a_pulling_client_is_told_to_pull_again_when_the_configuration_changes(
        pulling_client: LanguageClient, tmp_path: Path) -> None:  # fmt: skip
    config = tmp_path / ".kqllint.toml"
    config.write_text('ignore = ["P019"]\n', encoding="utf-8")
    uri = (tmp_path / "a.kql").as_uri()
    pulling_client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="kusto", version=1, text=BROKEN)))
    pull = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    assert "P101" not in {d.code for d in (await pulling_client.text_document_diagnostic_async(pull)).items}
    config.write_text("ignore = []\n", encoding="utf-8")
    pulling_client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    for _ in range(100):
        if pulling_client.diagnostic_refresh_count:
            break
        await asyncio.sleep(0.05)
    assert pulling_client.diagnostic_refresh_count == 1
    assert "P101" in {d.code for d in (await pulling_client.text_document_diagnostic_async(pull)).items}


@pytest.mark.asyncio
async def test_pull_diagnostics_for_clients_that_ask(pulling_client: LanguageClient) -> None:
    uri = uri_of("pull.kql")
    pulling_client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="kusto", version=1, text=BROKEN)))
    report = await pulling_client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert report.kind == "full"
    assert [(d.code, d.range.start, d.range.end) for d in report.items] == expected_items(BROKEN)
    again = await pulling_client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id))
    assert again.kind == "unchanged" and again.result_id == report.result_id
    # a client that pulls is not also pushed to (it would show every finding twice)
    assert pulling_client.diagnostics == {}


@pytest.mark.asyncio
async def test_formatting_gives_the_formatters_text(client: LanguageClient) -> None:
    uri = uri_of("format.kql")
    await open_and_wait(client, uri, UGLY)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        options=types.FormattingOptions(tab_size=8, insert_spaces=False)))
    expected = format_text(UGLY).text
    assert expected != UGLY
    assert apply(UGLY, edits) == expected


@pytest.mark.asyncio
async def test_range_formatting_changes_only_the_commands_in_the_range(client: LanguageClient) -> None:
    uri = uri_of("range.kql")
    await open_and_wait(client, uri, UGLY)
    show = utf16_position(UGLY, UGLY.index(".show") + 3)
    edits = await client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=types.Range(start=show, end=show),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    result = apply(UGLY, edits)
    assert result.startswith(UGLY.split("\n\n")[0])  # the first command is untouched
    assert result.endswith("\n.show cluster policy managed_identity\n")


@pytest.mark.asyncio
async def test_formatting_a_file_with_a_syntax_error_changes_nothing_and_says_why(client: LanguageClient) -> None:
    uri = uri_of("syntax.kql")
    text = UGLY + "\n.\n"
    await open_and_wait(client, uri, text)
    params = types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri),
                                            options=types.FormattingOptions(tab_size=2, insert_spaces=True))
    assert not await client.text_document_formatting_async(params)
    assert not await client.text_document_formatting_async(params)  # as format-on-save does
    # the user sees why, once (not on every save); the log has every refusal
    assert [(m.type, m.message) for m in client.messages] == [(
        types.MessageType.Warning,
        "kqllint: syntax.kql: line 5: 1 syntax or payload JSON error in the file, so nothing in it is "
        "formatted (first: S011 expected a command name after `.`) [F001]")]
    assert sum("[F001]" in m.message for m in client.log_messages) == 2
    change(client, uri, 2, UGLY)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert apply(UGLY, await client.text_document_formatting_async(params)) == format_text(UGLY).text
    change(client, uri, 3, text)  # broken again: said again
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert not await client.text_document_formatting_async(params)
    assert len(client.messages) == 2


async def _code_actions(client: LanguageClient, uri: str, range_: types.Range, only: list[str] | None = None,
                        diagnostics: list[types.Diagnostic] | None = None) -> list[types.CodeAction]:  # fmt: skip
    """The actions for `range_`, sending (as clients do) the published findings it overlaps."""
    if diagnostics is None:
        diagnostics = [d for d in client.diagnostics.get(uri, []) if _overlaps(d.range, range_)]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=range_,
        context=types.CodeActionContext(diagnostics=diagnostics, only=only)))
    return [a for a in actions or [] if isinstance(a, types.CodeAction)]


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


@pytest.mark.asyncio
async def test_quick_fix_mends_the_finding(client: LanguageClient) -> None:
    uri = uri_of("quickfix.kql")
    published = await open_and_wait(client, uri, BROKEN)
    keyword = next(d for d in published.diagnostics if d.code == "C002")
    actions = await _code_actions(client, uri, keyword.range)
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["lowercase `ALTER` (C002)"]
    assert quick[0].is_preferred and quick[0].diagnostics and quick[0].diagnostics[0].code == "C002"
    assert quick[0].edit is not None and quick[0].edit.changes is not None
    fixed = apply(BROKEN, quick[0].edit.changes[uri])
    assert fixed == BROKEN.replace(".ALTER", ".alter")
    change(client, uri, 2, fixed)
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "C002" not in {d.code for d in published.diagnostics}


# `sandboxartifacts`: P012 (fixable: the docs' spelling) and P016 (no fix) on the same span
OVERLAP = ('.alter database Sales policy managed_identity ```[{"ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", '
           '"AllowedUsages": "sandboxartifacts"}]```\n')  # fmt: skip


@pytest.mark.asyncio
async def test_quick_fixes_are_those_of_the_findings_the_client_asks_about(client: LanguageClient) -> None:
    uri = uri_of("overlap.kql")
    published = await open_and_wait(client, uri, OVERLAP)
    by_code = {d.code: d for d in published.diagnostics}
    assert {"P012", "P016"} <= set(by_code) and by_code["P012"].range == by_code["P016"].range
    span = by_code["P016"].range

    async def titles(diagnostics: list[types.Diagnostic]) -> list[str]:
        actions = await _code_actions(client, uri, span, [types.CodeActionKind.QuickFix], diagnostics)
        return [a.title for a in actions]

    assert await titles([by_code["P016"]]) == []  # P016 has no fix: P012's is not offered on it
    assert await titles([]) == []
    assert await titles([by_code["P012"]]) == ["write `SandboxArtifacts` (P012)"]
    assert await titles([by_code["P016"], by_code["P012"]]) == ["write `SandboxArtifacts` (P012)"]
    moved = types.Diagnostic(range=types.Range(start=span.start, end=types.Position(line=0, character=1)),
                             message=by_code["P012"].message, code="P012", source="kqllint")
    assert await titles([moved]) == []  # a finding the server does not have (a stale one)


@pytest.mark.asyncio
async def test_unsafe_fixes_are_labelled_and_left_out_of_fix_all(client: LanguageClient) -> None:
    uri = uri_of("fixall.kql")
    published = await open_and_wait(client, uri, BROKEN)
    usage = next(d for d in published.diagnostics if d.code == "P010")
    quick = await _code_actions(client, uri, usage.range, only=[types.CodeActionKind.QuickFix])
    assert [(a.title, a.is_preferred) for a in quick] == [("replace with `ExternalTable` (P010, unsafe fix)", False)]
    whole = types.Range(start=types.Position(line=0, character=0), end=utf16_position(BROKEN, len(BROKEN)))
    fix_all = await _code_actions(client, uri, whole, only=[types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in fix_all] == [types.CodeActionKind.SourceFixAll]
    assert fix_all[0].edit is not None and fix_all[0].edit.changes is not None
    fixed = apply(BROKEN, fix_all[0].edit.changes[uri])
    assert fixed == fix_text(BROKEN, unsafe=False).text
    assert "ExternalTables" in fixed and ".alter cluster" in fixed


@pytest.mark.asyncio
async def test_the_nearest_configuration_file_is_respected(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / ".kqllint.toml").write_text('ignore = ["P019"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    published = await open_and_wait(client, (tmp_path / "sub" / "a.kql").as_uri(), BROKEN)
    codes = {d.code for d in published.diagnostics}
    assert "P101" not in codes and "P010" in codes


def test_server_without_the_lsp_extra_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a))
    result = CliRunner().invoke(main, ["server"])
    assert result.exit_code == 2
    assert result.output.startswith("error: `kqllint server` needs the lsp extra\n")
    assert "python3 -m pip install '.[lsp]'" in result.output and "kqllint[lsp] @ git+" in result.output


@pytest.mark.asyncio
async def test_a_changed_configuration_file_is_read_again(client: LanguageClient, tmp_path: Path) -> None:
    await _a_config_change_is_pushed(client, tmp_path)


async def _a_config_change_is_pushed(client: LanguageClient, tmp_path: Path) -> None:
    """Ignoring P019 (P101's old code) hides P101; a changed `.kqllint.toml` shows it again."""
    config = tmp_path / ".kqllint.toml"
    config.write_text('ignore = ["P019"]\n', encoding="utf-8")
    published = await open_and_wait(client, (tmp_path / "a.kql").as_uri(), BROKEN)
    assert "P101" not in {d.code for d in published.diagnostics}
    config.write_text("ignore = []\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "P101" in {d.code for d in published.diagnostics}


@pytest_lsp.fixture(config=SERVER)
async def utf8_client(lsp_client: LanguageClient):
    general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf8])
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(general=general)))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_client_that_counts_utf8_bytes_gets_byte_columns(utf8_client: LanguageClient) -> None:
    published = await open_and_wait(utf8_client, uri_of("utf8.kql"), BROKEN)
    usage = next(d for d in published.diagnostics if d.code == "P010")
    line = BROKEN.split("\r\n")[1]
    assert usage.range.start.character == len(line[:line.index("ExternalTables")].encode("utf-8"))


@pytest.mark.parametrize("editor", ["visual-studio-code", "neovim", "emacs"])
@pytest.mark.asyncio
async def test_real_editors_capabilities(editor: str) -> None:
    """Each editor's own capabilities (push or pull, watched files, encodings) give the findings."""
    lsp_client = await SERVER.start()
    try:
        capabilities = pytest_lsp.client_capabilities(editor)
        result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
        uri = uri_of(f"{editor}.kql")
        lsp_client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="kusto", version=1, text=BROKEN)))
        if result.capabilities.diagnostic_provider is not None:
            report = await lsp_client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
                text_document=types.TextDocumentIdentifier(uri=uri)))
            items = report.items
        else:
            items = (await lsp_client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)).diagnostics
        assert [d.code for d in items] == [code for code, _, _ in expected_items(BROKEN)]
        await lsp_client.shutdown_session()
    finally:
        await lsp_client.stop()
