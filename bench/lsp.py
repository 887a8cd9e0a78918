"""The language server's figure: from an edit to the diagnostics published for it.

Drives the real server (this tree's `kqllint.lsp.server`) over stdio with pygls's client, as an
editor does: `didOpen` of a document, then `didChange` edits of one character in its middle, each
answered by `publishDiagnostics` for its version before the next is sent. The server runs without
its debounce (the pause it waits for after the last keystroke, `DEBOUNCE_SECONDS`), so the figure is
the work an edit costs: the re-lint, the conversion to LSP ranges, and the JSON both ways.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

URI = "untitled:bench.kql"  # not a file: no configuration file is looked up
SERVE = "from kqllint.lsp.server import serve; serve({})"


@dataclass(frozen=True)
class Latency:
    open_ms: float  # didOpen to its diagnostics: a full lint
    edit_ms: list[float]  # each didChange to the diagnostics of its version
    findings: int  # published after the last edit
    debounce_ms: float  # the server's wait after an edit, counted in `edit_ms` (0 when it was turned off)


def edits(text: str, count: int) -> list[str]:
    """`count` versions of `text`, each one character away from the one before: the case of the
    first ASCII letter from the middle on, toggled and toggled back (a typo, and its fix)."""
    at = len(text) // 2
    while not (text[at].isascii() and text[at].isalpha()):
        at += 1
    typo = text[:at] + text[at].swapcase() + text[at + 1 :]
    return [typo if i % 2 == 0 else text for i in range(count)]


async def _measure(root: Path, text: str, count: int) -> Latency:
    client = LanguageClient("kqllint-bench", "1")
    arrived: dict[int, tuple[float, int]] = {}
    waiting: dict[int, asyncio.Future[None]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None and params.version not in arrived:
            arrived[params.version] = (time.perf_counter(), len(params.diagnostics))
            if (future := waiting.get(params.version)) is not None and not future.done():
                future.set_result(None)

    async def send(version: int, send_one) -> float:  # type: ignore[no-untyped-def]
        waiting[version] = asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        send_one()
        await asyncio.wait_for(waiting[version], timeout=120)
        return (arrived[version][0] - start) * 1000

    from kqllint.lsp import server  # this tree's: run.py puts it first on the path

    takes_debounce = "debounce" in inspect.signature(server.serve).parameters
    debounce_ms = 0.0 if takes_debounce else getattr(server, "DEBOUNCE_SECONDS", 0.0) * 1000
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    await client.start_io(sys.executable, "-c", SERVE.format("debounce=0" if takes_debounce else ""), env=env)
    try:
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        client.initialized(types.InitializedParams())
        item = types.TextDocumentItem(uri=URI, language_id="kusto", version=0, text=text)
        open_ms = await send(0, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item)))
        times = []
        for version, changed in enumerate(edits(text, count), start=1):
            params = types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=URI, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=changed)])  # fmt: skip
            times.append(await send(version, lambda p=params: client.text_document_did_change(p)))
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
    return Latency(open_ms, times, arrived[count][1], debounce_ms)


def measure(root: Path, text: str, count: int) -> Latency:
    """Run the server of the kqllint tree at `root` on `text` and time `count` edits."""
    return asyncio.run(_measure(root, text, count))


def report(root: Path, text: str, count: int) -> None:
    try:
        got = measure(root, text, count)
    except Exception as exc:  # a figure missing must not stop the other figures
        print(f"lsp          failed: {type(exc).__name__}: {exc}")
        return
    median = statistics.median(got.edit_ms)
    waited = (f"; includes the server's {got.debounce_ms:.0f} ms debounce, which could not be turned off"
              if got.debounce_ms else "; the server's debounce turned off")  # fmt: skip
    print(f"lsp          {len(text.encode()) / 1e3:.0f} KB document, real server over stdio: didOpen ->"
          f" diagnostics {got.open_ms:6.1f} ms; one-character edit -> diagnostics median {median:6.1f} ms"
          f" of {count} (min {min(got.edit_ms):.1f}, max {max(got.edit_ms):.1f}), {got.findings} findings"
          f" (target <= 100 ms{waited})")  # fmt: skip
