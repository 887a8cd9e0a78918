"""Run kqllint's CLI many times in one process: one job a line on stdin, one answer a line out.

A job is the JSON list of a command line's arguments. Each runs `kqllint.cli.run()`, the entry
point of `python -m kqllint` and of the `kqllint` script, with file descriptors 1 and 2 sent to
files, so the CLI writes through the real `sys.stdout` and `sys.stderr`. An exception that would
end a real process with a traceback is printed into that run's stderr as the interpreter prints
it, and exits 1. The answer is `{"code": …, "out": …, "err": …}`. Started by `CliWorker`.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import IO


def _exit_code(exit: SystemExit) -> int:
    """What the interpreter makes of `sys.exit(code)`: a message on stderr is exit status 1."""
    if exit.code is None or isinstance(exit.code, int):
        return exit.code or 0
    print(exit.code, file=sys.stderr)
    return 1


def run_once(run: Callable[[], None], args: list[str], out: IO[bytes], err: IO[bytes]) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    sys.argv = ["kqllint", *args]
    try:
        run()
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit)
    except BaseException:  # what would end the process with a traceback
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])
    return code


def main() -> None:
    jobs = os.fdopen(os.dup(0), "r", encoding="utf-8")
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # the CLI must not read the jobs

    from kqllint.cli import run

    for line in jobs:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            code = run_once(run, json.loads(line), out, err)
            out.seek(0)
            err.seek(0)
            text = {name: f.read().decode("utf-8", "replace") for name, f in (("out", out), ("err", err))}
        answers.write(json.dumps({"code": code, **text}) + "\n")
        answers.flush()


class CliWorker:
    """A `cliworker.py` process for a test module: `run(args, limit)` → (code, out, err, seconds).

    One process for many runs saves the interpreter's start-up and kqllint's imports per run;
    each run still gets fresh streams, and a run that outlives `limit` seconds kills the process
    (the next run starts another), so a hang fails its test instead of the suite.
    """

    def __init__(self) -> None:
        import kqllint  # the worker imports the kqllint these tests import

        self._path = str(Path(kqllint.__file__).resolve().parents[1])
        self._process: subprocess.Popen[bytes] | None = None
        self._log = tempfile.TemporaryFile()  # the process's own stderr, between runs

    def _start(self) -> subprocess.Popen[bytes]:
        paths = [self._path, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
        command = [sys.executable, str(Path(__file__).resolve())]
        return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, env=env)

    def run(self, args: list[str], limit: float) -> tuple[int, str, str, float]:
        process = self._process = self._process or self._start()
        assert process.stdin and process.stdout
        began = time.monotonic()
        process.stdin.write((json.dumps(args) + "\n").encode())
        process.stdin.flush()
        if not select.select([process.stdout], [], [], limit)[0]:
            self.close()
            raise AssertionError(f"`kqllint {' '.join(args)}` took more than {limit} s")
        line = process.stdout.readline()
        if not line:
            self.close()
            self._log.seek(0)
            raise AssertionError("the CLI ended its process: " + self._log.read().decode(errors="replace")[-3000:])
        answer = json.loads(line)
        return answer["code"], answer["out"], answer["err"], time.monotonic() - began

    def close(self) -> None:
        if self._process:
            self._process.kill()
            self._process.wait()
            self._process = None


if __name__ == "__main__":
    main()
