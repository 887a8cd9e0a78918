"""`kqllint server`: a language server on stdio, pygls wiring around the pure core.

Text sync is `Full`: the client sends the whole text on each change, so the server never has to
trust a splice made with another program's idea of lines. All linting, formatting and fixing runs
on one worker thread, so the event loop keeps reading messages while a large file is checked, and
a result computed for text that has since changed is dropped rather than published.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from kqllint import __version__
from kqllint.diagnostic import Applicability, Diagnostic
from kqllint.fixes import applicable
from kqllint.incremental import Relinter
from kqllint.lsp.convert import SOURCE, PositionMap, encoding_of, to_text_edits
from kqllint.lsp.edits import range_edits, script_edits
from kqllint.lsp.options import ClientOptions, read_options
from kqllint.lsp.snapshot import (Linted, Snapshot, clear_config_cache, fix_all_snapshot, format_snapshot,
                                  lint_snapshot)  # fmt: skip

DEBOUNCE_SECONDS = 0.2
CONFIG_NAMES = (".kqllint.toml", "pyproject.toml")
FIX_ALL = types.CodeActionKind.SourceFixAll
QUICK_FIX = types.CodeActionKind.QuickFix
_T = TypeVar("_T")
log = logging.getLogger(__name__)


class KqlLanguageServer(LanguageServer):
    """The server's state: pending debounced lints and the latest result per document."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("kqllint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.debounce = debounce
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.linted: dict[str, tuple[int, Linted]] = {}
        self.relinters: dict[str, Relinter] = {}  # used on the worker thread only
        self.generation = 0  # of the configuration: a result computed with an older one is stale
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kqllint")
        self.shown: set[str] = set()
        self.refused: dict[str, str] = {}  # uri -> the last formatting refusal shown for it
        self.pulls = False  # set by `initialize`, from what the client can do
        self.options = ClientOptions()  # the client's settings, as the CLI's flags
        self.option_errors: list[str] = []  # said once the client is initialized

    def shutdown(self) -> None:
        self.worker.shutdown(wait=False, cancel_futures=True)
        super().shutdown()

    @property
    def pushes(self) -> bool:
        """Push diagnostics unless the client pulls them (else it would show each one twice)."""
        return not self.pulls

    @property
    def encoding(self) -> str:
        return encoding_of(self.workspace.position_encoding)

    def snapshot(self, uri: str) -> Snapshot:
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Snapshot(uri, document.version, document.source, path)

    def is_current(self, snapshot: Snapshot) -> bool:
        document = self.workspace.text_documents.get(snapshot.uri)
        return document is not None and document.version == snapshot.version

    async def run(self, function: Callable[..., _T], *args: Any) -> _T:
        """Run pure core work on the worker thread."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, function, *args)

    async def lint(self, snapshot: Snapshot) -> Linted:
        generation, cached = self.linted.get(snapshot.uri, (-1, None))
        if cached is not None and generation == self.generation and cached.snapshot == snapshot:
            return cached
        generation = self.generation
        relinter = self.relinters.setdefault(snapshot.uri, Relinter())
        linted = await self.run(lint_snapshot, snapshot, self.encoding, relinter, self.options.overrides)
        if linted.config_error:
            self.warn_once(linted.config_error)
        if self.is_current(snapshot) and generation == self.generation:
            self.linted[snapshot.uri] = (generation, linted)
        return linted

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, replacing a lint still waiting for it (the debounce)."""
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        if uri not in self.workspace.text_documents:
            return
        snapshot = self.snapshot(uri)
        try:
            linted = await self.lint(snapshot)
        except Exception:  # a bug in a rule must not end the server, nor go unseen
            log.exception("checking %s failed", uri)
            message = f"kqllint could not check {uri}:\n{traceback.format_exc()}"
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=message))
            return
        if self.pushes and self.is_current(snapshot):
            self.publish(uri, snapshot.version, linted.items)
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]

    def publish(self, uri: str, version: int | None, items: list[types.Diagnostic]) -> None:
        params = types.PublishDiagnosticsParams(uri=uri, diagnostics=items, version=version)
        self.text_document_publish_diagnostics(params)

    def forget(self, uri: str) -> None:
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        self.linted.pop(uri, None)
        self.relinters.pop(uri, None)
        self.refused.pop(uri, None)
        if self.pushes:
            self.publish(uri, None, [])

    def reload_config(self) -> None:
        """A configuration file changed: forget what was read, and check every open document again."""
        self.worker.submit(clear_config_cache)  # on the worker, the only thread that reads them
        self.recheck()

    def set_options(self, settings: object) -> None:
        """Take the client's settings; a bad one is ignored (`show_option_errors` says which)."""
        self.options, self.option_errors = read_options(settings)

    def show_option_errors(self) -> None:
        """Say what was wrong in the settings: in the log, one line each, and in one message."""
        for message in self.option_errors:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=message))
        if self.option_errors:
            message = "\n".join(self.option_errors)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))

    def recheck(self) -> None:
        """Check every open document again: a result computed before now is stale."""
        self.generation += 1
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)
        if self.pulls:
            self.workspace_diagnostic_refresh(None)

    def report_refusal(self, uri: str, refusals: str | None) -> None:
        """Say why formatting left (part of) a file as it was: in the log every time, and as a
        message when the reason is new for this document, so format-on-save does not pop the
        same message up on every save."""
        if refusals is None:
            self.refused.pop(uri, None)
            return
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=refusals))
        if self.refused.get(uri) != refusals:
            self.refused[uri] = refusals
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=refusals))

    def warn_once(self, message: str) -> None:
        """Show a problem the user must fix outside the document (a bad config) once."""
        if message not in self.shown:
            self.shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))


def did_open(ls: KqlLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


def did_change(ls: KqlLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


def did_close(ls: KqlLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)


def did_save(ls: KqlLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    if _is_config(params.text_document.uri):
        ls.reload_config()


def did_change_configuration(ls: KqlLanguageServer, params: types.DidChangeConfigurationParams) -> None:
    """New settings replace the old ones whole (absent ones are the defaults); every document is
    checked again with them."""
    ls.set_options(params.settings)
    ls.show_option_errors()
    ls.recheck()


def did_change_watched_files(ls: KqlLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(_is_config(change.uri) for change in params.changes):
        ls.reload_config()


def initialize(ls: KqlLanguageServer, params: types.InitializeParams) -> None:
    """Offer pull diagnostics only to a client that can also be told to pull again.

    A client that pulls but has no `workspace/diagnostic/refresh` (Neovim 0.10 and 0.11) pulls
    only when the document changes: a changed configuration file would not show until the next
    keystroke. Such a client gets pushed diagnostics, which every client shows.
    """
    ls.set_options(params.initialization_options)  # the errors are shown once initialized
    text_document = params.capabilities.text_document
    workspace = params.capabilities.workspace
    refresh = workspace.diagnostics.refresh_support if workspace and workspace.diagnostics else None
    if text_document and text_document.diagnostic and refresh:
        ls.pulls = True
        ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, types.DiagnosticOptions(
            identifier="kqllint", inter_file_dependencies=False, workspace_diagnostics=False))(pull_diagnostics)


async def initialized(ls: KqlLanguageServer, params: types.InitializedParams) -> None:
    """Say what was wrong in `initializationOptions`, and ask the client to report changes to
    configuration files, when it can watch files for us."""
    ls.show_option_errors()
    workspace = ls.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace else None
    if not (watched and watched.dynamic_registration):
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES])
    registration = types.Registration(id="kqllint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                      register_options=options)  # fmt: skip
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
    except Exception as exc:  # the client said it could and then refused: saving a config still works
        log.warning("could not watch configuration files: %s", exc)


def _is_config(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES


async def pull_diagnostics(ls: KqlLanguageServer, params: types.DocumentDiagnosticParams) -> Any:
    linted = await ls.lint(ls.snapshot(params.text_document.uri))
    if params.previous_result_id == linted.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=linted.result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=linted.items, result_id=linted.result_id)


async def formatting(ls: KqlLanguageServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
    """The whole document in canonical form (the editor's tab size is ignored, as the CLI does)."""
    snapshot = ls.snapshot(params.text_document.uri)
    formatted = await _formatted(ls, snapshot)
    edits = await ls.run(script_edits, snapshot.text, formatted)
    return to_text_edits(edits, PositionMap(snapshot.text, ls.encoding))


async def range_formatting(ls: KqlLanguageServer,
                           params: types.DocumentRangeFormattingParams) -> list[types.TextEdit] | None:  # fmt: skip
    """The formatting edits of the modelled commands the range touches (see `range_edits`)."""
    snapshot = ls.snapshot(params.text_document.uri)
    formatted = await _formatted(ls, snapshot)
    positions = PositionMap(snapshot.text, ls.encoding)
    edits = await ls.run(range_edits, snapshot.text, formatted, positions.span(params.range))
    return to_text_edits(edits, positions)


async def _formatted(ls: KqlLanguageServer, snapshot: Snapshot) -> str:
    formatted, refusals = await ls.run(format_snapshot, snapshot)
    ls.report_refusal(snapshot.uri, refusals)
    return formatted


async def code_actions(ls: KqlLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    """A quick fix for each fixable finding the client sent in the request's context (the ones it
    shows at the cursor or selection), and `source.fixAll` for the safe ones (and the unsafe ones
    too with the `unsafeFixes` setting). Each unsafe fix is offered as its own, labelled, quick fix
    either way: applying one is a choice made for that finding."""
    snapshot = ls.snapshot(params.text_document.uri)
    linted = await ls.lint(snapshot)
    positions = PositionMap(snapshot.text, ls.encoding)
    only = params.context.only
    actions: list[types.CodeAction] = []
    if _wanted(QUICK_FIX, only):
        asked = {_key(item) for item in params.context.diagnostics if item.source in (None, SOURCE)}
        for diagnostic, item in zip(linted.diagnostics, linted.items):
            if diagnostic.fix is not None and diagnostic.fix.edits and _key(item) in asked:
                actions.append(_quick_fix(snapshot.uri, diagnostic, item, positions))
    unsafe = ls.options.unsafe_fixes
    if _wanted(FIX_ALL, only) and any(applicable(d, unsafe) for d in linted.diagnostics):
        action = _fix_all_action(snapshot, unsafe)
        if only is not None or not _resolves_edits(ls):
            action = await resolve_code_action(ls, action)
        actions.append(action)
    return actions or None


async def resolve_code_action(ls: KqlLanguageServer, action: types.CodeAction) -> types.CodeAction:
    """Compute fix-all's edit only when the client picks it (fix-all re-lints after each pass)."""
    if action.kind != FIX_ALL or action.edit is not None or not isinstance(action.data, dict):
        return action
    snapshot = ls.snapshot(action.data["uri"])
    unsafe = action.data.get("unsafe") is True
    fixed = await ls.run(fix_all_snapshot, snapshot, ls.options.overrides, unsafe)
    changes = await ls.run(script_edits, snapshot.text, fixed)
    edits = to_text_edits(changes, PositionMap(snapshot.text, ls.encoding))
    action.edit = types.WorkspaceEdit(changes={snapshot.uri: edits})
    return action


def _quick_fix(uri: str, diagnostic: Diagnostic, item: types.Diagnostic,
               positions: PositionMap) -> types.CodeAction:  # fmt: skip
    fix = diagnostic.fix
    assert fix is not None
    safe = fix.applicability is Applicability.SAFE
    label = f"{diagnostic.code}" if safe else f"{diagnostic.code}, unsafe fix"
    return types.CodeAction(
        title=f"{fix.message} ({label})",
        kind=QUICK_FIX,
        diagnostics=[item],
        is_preferred=safe,
        edit=types.WorkspaceEdit(changes={uri: to_text_edits(fix.edits, positions)}),
    )


def _fix_all_action(snapshot: Snapshot, unsafe: bool) -> types.CodeAction:
    """Fix-all, resolved later; `data` keeps whether unsafe fixes were on when it was offered, so
    the edit is the one its title promised."""
    title = "Fix all kqllint problems, unsafe fixes included" if unsafe else "Fix all safely fixable kqllint problems"
    return types.CodeAction(title=title, kind=FIX_ALL, data={"uri": snapshot.uri, "unsafe": unsafe})


def _wanted(kind: str, only: list[str] | None) -> bool:
    """Whether the client asked for `kind` (kinds are hierarchical: `source` covers `source.fixAll`)."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def _key(item: types.Diagnostic) -> tuple[Any, ...]:
    """What identifies a finding the client echoes back: an overlapping finding without a fix
    (another code, or the same code elsewhere) must not be offered this one's fix."""
    start, end = item.range.start, item.range.end
    return item.code, start.line, start.character, end.line, end.character, item.message


def _resolves_edits(ls: KqlLanguageServer) -> bool:
    text_document = ls.client_capabilities.text_document
    code_action = text_document.code_action if text_document else None
    support = code_action.resolve_support if code_action else None
    return support is not None and "edit" in support.properties


def build_server(debounce: float = DEBOUNCE_SECONDS) -> KqlLanguageServer:
    """A server with every feature registered."""
    server = KqlLanguageServer(debounce)
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(types.TEXT_DOCUMENT_DID_SAVE)(did_save)
    server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    server.feature(types.INITIALIZE)(initialize)
    server.feature(types.INITIALIZED)(initialized)
    server.feature(types.TEXT_DOCUMENT_FORMATTING)(formatting)
    server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)(range_formatting)
    server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[QUICK_FIX, FIX_ALL], resolve_provider=True))(code_actions)
    server.feature(types.CODE_ACTION_RESOLVE)(resolve_code_action)
    return server


def serve(debounce: float = DEBOUNCE_SECONDS) -> None:
    """Run the server on stdin/stdout until the client says exit."""
    build_server(debounce).start_io()
