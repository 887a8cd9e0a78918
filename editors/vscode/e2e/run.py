"""The extension in a real VS Code: code-server in headless Chromium, driven by Playwright.

Checks that the findings reach the Problems panel, that `kqllint.ignore`, `kqllint.select` and
`kqllint.extendSelect` change them while the editor is open (the same server process, told by
`workspace/didChangeConfiguration`), that a quick fix applies, that Format Document gives
`kqllint format`'s output and that "kqllint: Fix all" gives `kqllint check --fix`'s, with and
without `kqllint.ignore`. The editor's text is read from disk after a save, so what is
compared is what the user would get. With `--kqllint-without-lsp`, it then points `kqllint.path`
at a kqllint without the `lsp` extra and at a file that does not exist, and checks the message
each gives. Screenshots go to `e2e/screenshots/`. See e2e/README.md; exit 0 when all pass.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

HERE = Path(__file__).resolve().parent
SHOTS = HERE / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SAMPLE = """\
// kqllint end-to-end sample: findings, a quick fix, formatting
.ALTER cluster policy managed_identity "[{'ObjectId': 'system', 'AllowedUsages': 'All',}]"

.alter   database Sales policy managed_identity ```[{"ObjectId":"system","AllowedUsages":"NativeIngestion, AutomatedFlow"}]```
"""
FINDINGS = ("C002", "J006", "J005", "P011")  # what `kqllint check` finds in SAMPLE
TIMEOUT_MS = 60_000
Step = Callable[[Page, Path, str], None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code-server", default=os.environ.get("CODE_SERVER", "code-server"))
    parser.add_argument("--kqllint", required=True, help="the kqllint executable (with the lsp extra) to use")
    parser.add_argument("--kqllint-without-lsp", help="a kqllint installed without the lsp extra")
    parser.add_argument("--vsix", required=True, type=Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    SHOTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kqllint-e2e-") as tmp:
        root = Path(tmp)
        workspace = make_workspace(root / "workspace", args.kqllint)
        data, extensions = root / "data", root / "extensions"
        write_user_settings(data)
        cs = [args.code_server, "--config", str(root / "config.yaml"), "--user-data-dir", str(data),
              "--extensions-dir", str(extensions)]  # fmt: skip
        subprocess.run([*cs, "--install-extension", str(args.vsix.resolve())], check=True)
        port = free_port()
        server = subprocess.Popen([*cs, "--auth", "none", "--bind-addr", f"127.0.0.1:{port}", "--disable-telemetry",
                                   "--disable-update-check", "--disable-workspace-trust", str(workspace)],
                                  stdout=(root / "code-server.log").open("w"), stderr=subprocess.STDOUT)  # fmt: skip
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
            return drive(f"http://127.0.0.1:{port}/?folder={workspace}", workspace, args, root, server.pid)
        finally:
            server.terminate()
            server.wait(10)
            print((root / "code-server.log").read_text()[-3000:], file=sys.stderr)


def make_workspace(folder: Path, kqllint: str) -> Path:
    (folder / ".vscode").mkdir(parents=True)
    (folder / "bad.kql").write_text(SAMPLE)
    settings = {"kqllint.path": [kqllint], "kqllint.trace.server": "messages"}
    (folder / ".vscode" / "settings.json").write_text(json.dumps(settings, indent=2))
    return folder


def write_user_settings(data: Path) -> None:
    user = data / "User"
    user.mkdir(parents=True)
    settings = {
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": False,
        "security.workspace.trust.enabled": False,
        "extensions.autoUpdate": False,
        "extensions.ignoreRecommendations": True,
        "telemetry.telemetryLevel": "off",
        "files.autoSave": "off",
        "editor.quickSuggestions": {"other": False, "comments": False, "strings": False},
        "[kusto]": {"editor.defaultFormatter": "kqllint.kqllint"},
    }
    (user / "settings.json").write_text(json.dumps(settings, indent=2))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def drive(url: str, workspace: Path, args: argparse.Namespace, root: Path, code_server: int) -> int:
    failures: list[str] = []
    script = workspace / "bad.kql"
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(root / "chromium"), executable_path=args.chromium, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900})  # fmt: skip
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        expect.set_options(timeout=TIMEOUT_MS)
        page.goto(url)
        page.locator(".monaco-workbench").wait_for()
        open_file(page, script.name)
        servers = ServerProcess(code_server, args.kqllint)
        steps = [("problems", check_problems), ("ignore-setting", servers.same(check_ignore)),
                 ("select-setting", servers.same(check_select)), ("quick-fix", check_quick_fix),
                 ("format", check_format), ("fix-all", check_fix_all)]  # fmt: skip
        if args.kqllint_without_lsp:
            steps += [("missing-lsp-extra", missing(args.kqllint_without_lsp, "has no language server: kqllint's `lsp` extra is missing")),
                      ("not-found", missing("/nonexistent/kqllint", "kqllint was not found"))]  # fmt: skip
        for name, step in steps:
            try:
                step(page, script, args.kqllint)
                print(f"ok: {name}")
            except Exception as exc:  # report every step, not only the first failure
                toasts = page.locator(".notification-toast").all_inner_texts()
                failures.append(f"{name}: {exc}")
                print(f"FAILED: {name}: {str(exc).splitlines()[0]}\nnotifications: {toasts}", file=sys.stderr)
            page.screenshot(path=str(SHOTS / f"{name}.png"))
        run_command(page, "kqllint: Show output")  # the extension's log, as the last artifact
        page.locator(".output-view, .panel .monaco-editor").first.wait_for()
        page.screenshot(path=str(SHOTS / "output.png"))
        context.close()
    return 1 if failures else 0


def open_file(page: Page, name: str) -> None:
    page.keyboard.press("Control+P")
    page.keyboard.type(name)
    page.locator(".quick-input-list .monaco-list-row").first.wait_for()
    page.keyboard.press("Enter")
    page.locator(f".tab[aria-label*='{name}']").wait_for()
    page.locator(".monaco-editor .view-lines").first.click()


def run_command(page: Page, title: str) -> None:
    page.keyboard.press("F1")
    page.keyboard.type(title)
    page.locator(".quick-input-list .monaco-list-row", has_text=title).first.wait_for()
    page.keyboard.press("Enter")


def go_to(page: Page, line: int, column: int) -> None:
    page.keyboard.press("Control+G")
    page.keyboard.type(f"{line}:{column}")
    page.keyboard.press("Enter")


def save_and_read(page: Page, script: Path, before: str) -> str:
    """Save the editor and return the file's text once it differs from `before`.

    The command that changes the text (a formatting request, `kqllint check --fix`) ends after
    its key press returns, so a single save may come too early: save again until the file changes.
    """
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while script.read_text() == before and time.monotonic() < deadline:
        page.keyboard.press("Control+S")
        time.sleep(1)
    return script.read_text()


def check_problems(page: Page, script: Path, kqllint: str) -> None:
    run_command(page, "View: Focus Problems")
    panel = page.locator(".markers-panel")
    for code in FINDINGS:
        expect(panel.get_by_text(code, exact=False).first).to_be_visible()
    expect(panel).to_contain_text("was renamed `AutomatedFlows`")


def check_ignore(page: Page, script: Path, kqllint: str) -> None:
    """`kqllint.ignore` (a prefix and a rule name) hides those findings; without it they return."""
    with changed_settings(script, {"kqllint.ignore": ["J", "renamed-usage"]}):
        expect_findings(page, ("C002",), gone=("J005", "J006", "P011"))
    expect_findings(page, FINDINGS)


def check_select(page: Page, script: Path, kqllint: str) -> None:
    """`kqllint.select` narrows the findings to one rule; `kqllint.extendSelect` adds one back."""
    with changed_settings(script, {"kqllint.select": ["C002"]}):
        expect_findings(page, ("C002",), gone=("J005", "J006", "P011"))
        with changed_settings(script, {"kqllint.select": ["C002"], "kqllint.extendSelect": ["renamed-usage"]}):
            expect_findings(page, ("C002", "P011"), gone=("J005", "J006"))
    expect_findings(page, FINDINGS)


@contextmanager
def changed_settings(script: Path, changes: dict[str, object]) -> Iterator[None]:
    """The workspace's settings with `changes` while the block runs (the extension sees the file change)."""
    settings = script.parent / ".vscode" / "settings.json"
    original = settings.read_text()
    settings.write_text(json.dumps({**json.loads(original), **changes}, indent=2))
    try:
        yield
    finally:
        settings.write_text(original)


def expect_findings(page: Page, shown: tuple[str, ...], gone: tuple[str, ...] = ()) -> None:
    """The Problems panel shows the findings of the `shown` codes, and none of the `gone` ones."""
    panel = page.locator(".markers-panel")
    for code in gone:
        expect(panel).not_to_contain_text(code)
    for code in shown:
        expect(panel).to_contain_text(code)
    text = panel.inner_text()
    assert not any(code in text for code in gone), f"findings that should be gone are shown: {text}"


class ServerProcess:
    """The `kqllint server` processes code-server started (read from Linux's /proc), to check that
    a step kept the one it began with."""

    def __init__(self, code_server: int, kqllint: str) -> None:
        self.code_server = code_server
        self.kqllint = kqllint

    def pids(self) -> set[int]:
        parents: dict[int, int] = {}
        servers: set[int] = set()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:  # the process ended meanwhile
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            if os.fsencode(self.kqllint) in argv and argv[-2:] == [b"server", b""]:
                servers.add(int(entry.name))
        return {pid for pid in servers if self._descends(pid, parents)}

    def _descends(self, pid: int, parents: dict[int, int]) -> bool:
        while pid > 1:
            if pid == self.code_server:
                return True
            pid = parents.get(pid, 0)
        return False

    def same(self, step: Step) -> Step:
        """`step`, checked to end with the server process it began with (no restart)."""

        def checked(page: Page, script: Path, kqllint: str) -> None:
            before = self.pids()
            assert len(before) == 1, f"expected one `kqllint server` process, found {sorted(before)}"
            step(page, script, kqllint)
            after = self.pids()
            assert after == before, f"the server was restarted: process {sorted(before)} became {sorted(after)}"

        return checked


def check_quick_fix(page: Page, script: Path, kqllint: str) -> None:
    page.locator(".monaco-editor .view-lines").first.click()
    item = page.locator(".action-widget .monaco-list-row", has_text="(C002)").first
    for attempt in range(5):  # the menu lists what the server answered for the cursor at that moment
        go_to(page, 2, 2)
        page.keyboard.press("Control+.")
        try:
            item.wait_for(timeout=10_000)
            break
        except Exception:
            if attempt == 4:
                raise
            page.keyboard.press("Escape")
    item.click()
    text = save_and_read(page, script, SAMPLE)
    line = text.splitlines()[1]
    assert line.startswith(".alter cluster policy managed_identity "), f"the quick fix did not apply: {line!r}"
    assert "'ObjectId'" in line, f"the quick fix changed more than its finding: {line!r}"


def check_format(page: Page, script: Path, kqllint: str) -> None:
    before = script.read_text()
    expected = subprocess.run([kqllint, "format", "-"], input=before, capture_output=True, text=True, check=True).stdout
    assert expected != before, "the sample needs no formatting: the step would prove nothing"
    page.locator(".monaco-editor .view-lines").first.click()
    run_command(page, "Format Document")
    got = save_and_read(page, script, before)
    assert got == expected, f"Format Document differs from `kqllint format`:\n{got}\n---\n{expected}"


def check_fix_all(page: Page, script: Path, kqllint: str) -> None:
    """Fix all gives `kqllint check --fix`'s text for the rules the settings select: on the sample
    again, first with `kqllint.ignore` leaving the J rules out (their findings stay), then with the
    settings as they were."""
    script.write_text(SAMPLE)  # the editor has no unsaved changes: it shows the file as it is now
    expect_findings(page, FINDINGS)
    with changed_settings(script, {"kqllint.ignore": ["J"]}):
        expect_findings(page, ("C002", "P011"), gone=("J005", "J006"))  # the server has the setting
        fix_all(page, script, kqllint, "--ignore", "J")
    expect_findings(page, ("J005", "J006"), gone=("C002", "P011"))
    fix_all(page, script, kqllint)
    run_command(page, "View: Focus Problems")
    expect(page.locator(".markers-panel")).to_contain_text("No problems have been detected")


def fix_all(page: Page, script: Path, kqllint: str, *flags: str) -> None:
    before = script.read_text()
    fix = [kqllint, "check", "--fix", "--exit-zero", "--quiet", *flags, "--stdin-filename", str(script), "-"]
    expected = subprocess.run(fix, input=before, capture_output=True, text=True, check=True).stdout
    assert expected != before, "nothing left to fix: the step would prove nothing"
    page.locator(".monaco-editor .view-lines").first.click()
    run_command(page, "kqllint: Fix all")
    got = save_and_read(page, script, before)
    flags_shown = " ".join(("--fix", *flags))
    assert got == expected, f"kqllint: Fix all differs from `kqllint check {flags_shown}`:\n{got}\n---\n{expected}"


def missing(kqllint: str, message: str):  # type: ignore[no-untyped-def]
    """A step that points `kqllint.path` at `kqllint` (the extension restarts) and expects `message`."""

    def step(page: Page, script: Path, _kqllint: str) -> None:
        settings = script.parent / ".vscode" / "settings.json"
        settings.write_text(json.dumps({"kqllint.path": [kqllint]}, indent=2))
        toast = page.locator(".notifications-toasts .notification-toast", has_text=message).first
        expect(toast).to_be_visible()
        expect(toast).to_contain_text("python3 -m pip install 'kqllint[lsp] @ git+https://github.com/kqllint/kqllint'"
                                      if kqllint.startswith("/nonexistent") else "-m pip install")

    return step


if __name__ == "__main__":
    sys.exit(main())
