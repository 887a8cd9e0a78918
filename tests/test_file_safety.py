"""File safety of `kqllint format` and `check --fix`: atomic writes that keep the mode and owner,
clear errors for read-only, vanished and unwritable files, and concurrent runs on the same files.

A read-only file is refused even where the rename would succeed (kqllint/writer.py says why).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kqllint.format_runner as format_runner
import kqllint.writer as writer
from clirun import run_cli

UGLY = ".show   cluster policy managed_identity\n"
PRETTY = ".show cluster policy managed_identity\n"
FIXABLE = '.ALTER cluster policy managed_identity ```[{"ObjectId": "System", "AllowedUsages": "all"}]```\n'
FIXED = '.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```\n'
# (arguments, input, output) of each command that writes a file
WRITERS = {"format": (["format"], UGLY, PRETTY), "fix": (["check", "--fix"], FIXABLE, FIXED)}
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def leftovers(folder: Path) -> list[str]:
    """Temporary files left behind by an interrupted write."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".kqllint"))


@pytest.fixture(params=sorted(WRITERS))
def writes(request: pytest.FixtureRequest) -> tuple[list[str], str, str]:
    return WRITERS[request.param]


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o755, 0o4755, 0o2750], ids=oct)
def test_the_mode_is_kept(tmp_path: Path, writes: tuple[list[str], str, str], mode: int) -> None:
    args, before, after = writes
    path = tmp_path / "a.kql"
    path.write_text(before)
    path.chmod(mode)
    inode = path.stat().st_ino
    assert run_cli([*args, str(path)])[0] == 0
    assert path.read_text() == after
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.stat().st_ino != inode, "written in place, not by an atomic rename"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another user")
def test_the_owner_and_group_are_kept(tmp_path: Path, writes: tuple[list[str], str, str]) -> None:
    args, before, after = writes
    path = tmp_path / "a.kql"
    path.write_text(before)
    os.chown(path, 65534, 65534)
    path.chmod(0o4755)  # chown clears set-user-ID: the mode is set after it
    assert run_cli([*args, str(path)])[0] == 0
    assert path.read_text() == after
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o4755)


def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path, writes: tuple[list[str], str, str]) -> None:
    args, before, _ = writes
    path = tmp_path / "a.kql"
    path.write_text(before)
    path.chmod(0o444)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    code, _, err = run_cli([*args, str(path)])
    assert code == 2
    assert f"error: {path}: cannot write: the file is read-only\n" in err
    assert path.read_text() == before and path.stat().st_mtime == 1_000_000_000
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []


def test_a_read_only_file_with_nothing_to_change_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "a.kql"
    path.write_text(PRETTY)
    path.chmod(0o444)
    assert run_cli(["format", str(path)]) == (0, "", "1 file left unchanged.\n")
    assert run_cli(["format", "--check", str(path)])[0] == 0


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path, writes: tuple[list[str], str, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Root may write into any folder, so the refusal of `mkstemp` is simulated here; the next
    test makes a folder read-only for real when the tests do not run as root."""
    args, before, _ = writes
    path = tmp_path / "a.kql"
    path.write_text(before)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", refuse)
    code, _, err = run_cli([*args, str(path)])
    assert code == 2
    assert f"error: {path}: cannot write: its folder is not writable\n" in err
    assert path.read_text() == before


def _unprivileged(args: list[str]) -> list[str]:
    """The command as a process that file modes stop: as root (CI runs as root), without the
    capabilities that let root write anywhere; `setpriv` keeps uid 0, so Python stays readable."""
    command = [sys.executable, "-m", "kqllint", *args]
    if not ROOT:
        return command
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder modes")
def test_a_read_only_folder_for_real(tmp_path: Path, writes: tuple[list[str], str, str]) -> None:
    args, before, _ = writes
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "a.kql"
    path.write_text(before)
    folder.chmod(0o555)
    try:
        done = subprocess.run(_unprivileged([*args, str(path)]), capture_output=True, text=True)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert f"error: {path}: cannot write: its folder is not writable\n" in done.stderr
    assert path.read_text() == before and leftovers(folder) == []


def test_a_failed_write_leaves_the_original_and_no_temporary_file(tmp_path: Path, writes: tuple[list[str], str, str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    args, before, _ = writes
    path = tmp_path / "a.kql"
    path.write_text(before)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", disk_full)
    code, _, err = run_cli([*args, str(path)])
    assert code == 2 and f"error: {path}: cannot write: No space left on device\n" in err
    assert path.read_text() == before and leftovers(tmp_path) == []


def test_a_file_that_vanishes_before_it_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.kql"
    path.write_text(UGLY)
    real = format_runner.format_text

    def format_then_delete(text: str, options: object = None) -> object:
        path.unlink()
        return real(text, options)

    monkeypatch.setattr(format_runner, "format_text", format_then_delete)
    code, _, err = run_cli(["format", str(path)])
    assert code == 2 and f"error: {path}: cannot write: No such file or directory\n" in err
    assert not path.exists(), "a vanished file must not be brought back"
    assert leftovers(tmp_path) == []


def test_a_file_that_vanishes_before_it_is_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.kql"
    path.write_text(FIXABLE)
    real = format_runner.fix_text

    def fix_then_delete(*args: object) -> object:
        path.unlink()
        return real(*args)

    monkeypatch.setattr(format_runner, "fix_text", fix_then_delete)
    code, _, err = run_cli(["check", "--fix", str(path)])
    assert code == 2 and f"error: {path}: cannot write: No such file or directory\n" in err
    assert not path.exists() and leftovers(tmp_path) == []


def test_a_file_that_vanishes_after_discovery(tmp_path: Path, writes: tuple[list[str], str, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    args, before, _ = writes
    (tmp_path / "a.kql").write_text(before)
    (tmp_path / "b.kql").write_text(before)
    import kqllint.runner as runner

    for module in (format_runner, runner):
        real = module.read_source

        def delete_then_read(path: str, *rest: object, real=real) -> object:  # type: ignore[no-untyped-def]
            if path.endswith("a.kql") and os.path.exists(path):
                os.unlink(path)
            return real(path, *rest)

        monkeypatch.setattr(module, "read_source", delete_then_read)
    code, _, err = run_cli([*args, "--jobs", "1", str(tmp_path)] if "check" in args else [*args, str(tmp_path)])
    assert code == 2
    assert f"error: {tmp_path}/a.kql: cannot read: No such file or directory\n" in err
    assert (tmp_path / "b.kql").read_text() != before, "the other files are still written"


def test_a_symlink_is_kept_and_its_target_rewritten(tmp_path: Path, writes: tuple[list[str], str, str]) -> None:
    args, before, after = writes
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "a.kql"
    target.write_text(before)
    target.chmod(0o640)
    link = tmp_path / "link.kql"
    link.symlink_to(target)
    assert run_cli([*args, str(link)])[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == after and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "real") == []


def test_a_dangling_symlink_is_a_clear_error(tmp_path: Path, writes: tuple[list[str], str, str]) -> None:
    args, _, _ = writes
    link = tmp_path / "link.kql"
    link.symlink_to(tmp_path / "gone.kql")
    code, _, err = run_cli([*args, str(link)])
    assert code == 2 and f"error: {link}: cannot read: No such file or directory\n" in err
    assert link.is_symlink() and not (tmp_path / "gone.kql").exists()


# ---- two runs at once ---------------------------------------------------------------------

COMMANDS = 40
ORIGINAL = "\n".join(UGLY for _ in range(COMMANDS))
FORMATTED = "\n".join(PRETTY for _ in range(COMMANDS))


def test_two_concurrent_runs_never_leave_a_partial_file(tmp_path: Path) -> None:
    paths = [tmp_path / f"f{i:02}.kql" for i in range(50)]
    for path in paths:
        path.write_text(ORIGINAL)
    seen: set[str] = set()
    stop = threading.Event()

    def watch() -> None:  # a reader must see the old file or the new one, never half of one
        while not stop.is_set():
            for path in paths:
                seen.add(path.read_text())

    watcher = threading.Thread(target=watch)
    watcher.start()
    command = [sys.executable, "-m", "kqllint", "format", str(tmp_path)]
    try:
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    finally:
        stop.set()
        watcher.join()
    for code, out, err in results:
        assert "Traceback" not in err and "bug in kqllint" not in err
        assert code == 0 or (code == 2 and "error:" in err), err
    assert any(code == 0 for code, _, _ in results), results
    assert ORIGINAL in seen and seen <= {ORIGINAL, FORMATTED}, "a partial file was visible"
    assert {path.read_text() for path in paths} == {FORMATTED}
    assert leftovers(tmp_path) == []
