"""The bad-input catalog: unusual but valid files are linted and formatted normally; invalid
ones get a clear message, exit 1 or 2, no traceback, and `format` leaves them byte for byte.

Each case runs the real CLI's entry point with real streams, in a worker process that runs
every case of this module (one process start instead of two per case: `cliworker.py`), under a
time limit that catches hangs, not slowness; a traceback would show on stderr. The three big
cases cost most of the module's time: they are marked `slow` and still run by default
(`-m "not slow"` leaves them out).
"""

from __future__ import annotations

import codecs
import gzip
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cliworker import CliWorker

from kqllint import format_text, lint_text
from kqllint.diagnostic import Diagnostic, Severity, Span
from kqllint.output import FileReport, renderer

UGLY = ".show   cluster policy managed_identity\n"
PRETTY = ".show cluster policy managed_identity\n"
GUID = "aaaaaaaa-0000-1111-2222-{:012}"
ALTER = ".alter cluster policy managed_identity "
LIMIT = 30  # seconds for one run: enough on a loaded machine, and a hang still fails
BIG_LIMIT = 240
OLD = 1_000_000_000  # the mtime an untouched file keeps


@dataclass(frozen=True)
class Case:
    """One input: its bytes, then the exit code of `check` and of `format` and a fragment of what
    each says; `formatted` is what `format` writes (None: the file must stay as it was)."""

    name: str
    data: Callable[[], bytes]
    check: int
    check_says: str
    format: int
    format_says: str
    formatted: Callable[[], bytes] | None = None
    limit: int = LIMIT


def utf8(text: str) -> Callable[[], bytes]:
    return lambda: text.encode()


def nested(depth: int, opener: str, closer: str, inner: str = "") -> str:
    return ALTER + "```" + opener * depth + inner + closer * depth + "```\n"


def random_bytes() -> bytes:
    return random.Random(6).randbytes(65_536)


def commands(count: int, command: str) -> bytes:
    return "\n".join([command] * count).encode()


def objects(count: int, pretty: bool) -> bytes:
    if not pretty:
        items = ", ".join(f'{{"AllowedUsages": "All", "ObjectId": "{GUID.format(i)}"}}' for i in range(count))
        return (ALTER + "```[" + items + "]```\n").encode()
    item = '  {{\n    "ObjectId": "{}",\n    "AllowedUsages": "All"\n  }}'
    return (ALTER + "```\n[\n" + ",\n".join(item.format(GUID.format(i)) for i in range(count)) + "\n]\n```\n").encode()


def long_line(pretty: bool) -> bytes:
    """A 10 MB line: one object with a 10 MB value, then 1,000 objects with an unknown usage."""
    pad, count = "x" * 10_000_000, 1_000
    if not pretty:
        first = f'{{"ObjectId": "{GUID.format(count)}", "AllowedUsages": "All", "Extra": "{pad}"}}'
        rest = "".join(f', {{"AllowedUsages": "Bogus", "ObjectId": "{GUID.format(i)}"}}' for i in range(count))
        return (ALTER + "```[" + first + rest + "]```\n").encode()
    first = f'  {{\n    "ObjectId": "{GUID.format(count)}",\n    "AllowedUsages": "All",\n    "Extra": "{pad}"\n  }}'
    item = '  {{\n    "ObjectId": "{}",\n    "AllowedUsages": "Bogus"\n  }}'
    items = [first] + [item.format(GUID.format(i)) for i in range(count)]
    return (ALTER + "```\n[\n" + ",\n".join(items) + "\n]\n```\n").encode()


REFORMATTED = "1 file reformatted."
BLOCKED = "1 file not formatted because of errors."
NOT_UTF8 = "not valid UTF-8"
NUL = "contains a NUL character"

CATALOG = [
    # unusual but valid
    Case("utf-8-bom", lambda: codecs.BOM_UTF8 + UGLY.encode(), 0, "All checks passed", 0, REFORMATTED,
         lambda: codecs.BOM_UTF8 + PRETTY.encode()),
    Case("utf-16-le-bom", lambda: codecs.BOM_UTF16_LE + UGLY.encode("utf-16-le"), 0, "All checks passed", 0,
         REFORMATTED, lambda: codecs.BOM_UTF16_LE + PRETTY.encode("utf-16-le")),
    Case("utf-16-be-bom", lambda: codecs.BOM_UTF16_BE + (UGLY + "// é 😀\n").encode("utf-16-be"), 0,
         "All checks passed", 0, REFORMATTED, lambda: codecs.BOM_UTF16_BE + (PRETTY + "// é 😀\n").encode("utf-16-be")),
    Case("crlf", utf8((UGLY + "\n" + UGLY).replace("\n", "\r\n")), 0, "All checks passed", 0, REFORMATTED,
         utf8((PRETTY + "\n" + PRETTY).replace("\n", "\r\n"))),
    Case("lone-cr", utf8((UGLY + "\n" + UGLY).replace("\n", "\r")), 0, "All checks passed", 0, REFORMATTED,
         utf8((PRETTY + "\n" + PRETTY).replace("\n", "\r"))),
    Case("crlf-payload", utf8(ALTER + "```[\r\n\t{'ObjectId':'" + GUID.format(1) + "','AllowedUsages':'All'}]```\r\n"),
         0, "1 problem (1 info)", 0, REFORMATTED,
         utf8(ALTER + '```\r\n[\r\n  {\r\n    "ObjectId": "' + GUID.format(1) + '",\r\n    "AllowedUsages": "All"\r\n  }\r\n]\r\n```\r\n')),
    Case("tabs", utf8("\t.show\tcluster \t policy\tmanaged_identity\t\n"), 0, "All checks passed", 0, REFORMATTED,
         utf8("\t.show cluster policy managed_identity\t\n")),
    Case("empty", utf8(""), 0, "All checks passed", 0, "1 file left unchanged."),
    Case("only-a-bom", lambda: codecs.BOM_UTF8, 0, "All checks passed", 0, "1 file left unchanged."),
    Case("blank-lines", utf8(" \t\n\r\n\r\n"), 0, "All checks passed", 0, "1 file left unchanged."),
    Case("100,000-commands", lambda: commands(100_000, UGLY), 0, "All checks passed", 0, REFORMATTED,
         lambda: commands(100_000, PRETTY), BIG_LIMIT),
    Case("100,000-objects", lambda: objects(100_000, False), 0, "All checks passed", 0, REFORMATTED,
         lambda: objects(100_000, True), BIG_LIMIT),
    Case("10-mb-line", lambda: long_line(False), 1, "Found 1001 problems (1000 errors, 1 warning)", 0, REFORMATTED,
         lambda: long_line(True), BIG_LIMIT),
    # not text
    Case("not-utf-8", lambda: UGLY.encode().replace(b"cluster", b"cl\xfcster"),
         2, "not valid UTF-8 (byte 0xfc at offset 10)", 2, "not valid UTF-8 (byte 0xfc at offset 10)"),
    Case("latin-1", lambda: "// Données\n".encode("latin-1") + UGLY.encode(), 2, NOT_UTF8, 2, NOT_UTF8),
    Case("utf-8-cut-at-eof", lambda: UGLY.encode() + "é".encode()[:1], 2, NOT_UTF8, 2, NOT_UTF8),
    Case("utf-8-surrogate", lambda: UGLY.encode() + b"// \xed\xa0\x80\n", 2, NOT_UTF8, 2, NOT_UTF8),
    Case("utf-8-bom-then-latin-1", lambda: codecs.BOM_UTF8 + b"// \xe9\n", 2, NOT_UTF8, 2, NOT_UTF8),
    Case("nul", lambda: UGLY.encode() + b"\0", 2, NUL + " at offset 40", 2, NUL + " at offset 40"),
    Case("utf-16-without-bom", lambda: UGLY.encode("utf-16-le"), 2, NUL, 2, NUL),
    Case("utf-16-cut-in-half", lambda: codecs.BOM_UTF16_LE + UGLY.encode("utf-16-le")[:-1], 2, "invalid UTF-16-LE", 2,
         "invalid UTF-16-LE"),
    Case("utf-16-lone-surrogate", lambda: codecs.BOM_UTF16_BE + "\ud800".encode("utf-16-be", "surrogatepass"), 2,
         "invalid UTF-16-BE", 2, "invalid UTF-16-BE"),
    Case("utf-16-with-nul", lambda: codecs.BOM_UTF16_LE + (UGLY + "\0").encode("utf-16-le"), 2, NUL, 2, NUL),
    Case("random-bytes", random_bytes, 2, NOT_UTF8, 2, NOT_UTF8),
    Case("binary-gzip", lambda: gzip.compress(UGLY.encode() * 100, mtime=0), 2, "byte 0x8b at offset 1", 2,
         "byte 0x8b at offset 1"),
    Case("binary-controls", lambda: bytes(range(32)) * 10, 2, NUL + " at offset 0", 2, NUL + " at offset 0"),
    # text that is not a script
    Case("only-a-dot", utf8("."), 1, "expected a command name after `.`", 2, BLOCKED),
    Case("dots", utf8(".\n\n" * 10_000), 1, "Found 10000 problems (10000 errors)", 2, BLOCKED),
    Case("json-10000-deep", utf8(nested(10_000, "[", "]")), 1, "JSON nested more than 64 levels deep", 2, BLOCKED),
    Case("json-objects-10000-deep", utf8(nested(10_000, '{"a":', "}", "1")), 1, "JSON nested more than 64 levels deep",
         2, BLOCKED),
    Case("json-10000-open", utf8(ALTER + "```" + "[" * 10_000 + "```"), 1, "JSON nested more than 64 levels deep", 2,
         BLOCKED),
    Case("brackets-10000-deep", utf8(ALTER + "[" * 10_000), 1, "must be a string literal, not bare JSON", 2, BLOCKED),
    Case("other-command-10000-deep", utf8(".show database " + "[" * 10_000 + "(" * 10_000), 0, "All checks passed", 0,
         "1 file left unchanged."),
    Case("unterminated-json-string", utf8(ALTER + '```[{"ObjectId": "aa```'), 1, "unterminated JSON string", 2, BLOCKED),
    *(Case(f"unterminated-{opener}", utf8(ALTER + opener + "[{ObjectId: 1"), 1, "unterminated", 2, BLOCKED)
      for opener in ['"', "@'", "~~~", 'h@"']),  # every form: test_an_unterminated_literal_…
    Case("unterminated-name", utf8(".show database ['db policy managed_identity"), 1, "unclosed `[`", 2, BLOCKED),
]
BIG = {"100,000-commands", "100,000-objects", "10-mb-line"}


@pytest.fixture(scope="module")
def cli() -> Iterator[CliWorker]:
    worker = CliWorker()
    yield worker
    worker.close()


def kqllint(cli: CliWorker, *args: str, limit: int) -> tuple[int, str, str, float]:
    code, out, err, took = cli.run(list(args), limit)
    assert "Traceback" not in err and "bug in kqllint" not in err, err[-3000:]
    return code, out, err, took


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.name, marks=[pytest.mark.slow] if c.name in BIG else []) for c in CATALOG]
)
def test_catalog(case: Case, tmp_path: Path, cli: CliWorker) -> None:
    path = tmp_path / "script.kql"
    data = case.data()
    path.write_bytes(data)
    code, out, err, took = kqllint(cli, "check", "--no-color", str(path), limit=case.limit)
    assert code == case.check, out[-2000:] + err
    assert case.check_says in out + err
    if case.check == 2:
        assert out == "" and f"error: {path}: " in err  # the message names the file
    assert max(map(len, out.splitlines()), default=0) < 1_000, "a long line is shown as a window of it"
    os.utime(path, (OLD, OLD))
    code, out, err, took_format = kqllint(cli, "format", str(path), limit=case.limit)
    assert (code, out) == (case.format, "")
    assert case.format_says in err
    if case.formatted is None:
        assert path.read_bytes() == data, "format changed a file it must leave alone"
        assert path.stat().st_mtime == OLD
    else:
        assert path.read_bytes() == case.formatted()
    print(f"{case.name}: check {took:.1f} s, format {took_format:.1f} s")


def test_json_nested_10000_deep_is_one_finding_not_a_recursion_error() -> None:
    for text in (nested(10_000, "[", "]"), nested(10_000, '{"a":', "}", "1"), nested(100_000, "[", "]")):
        found = lint_text(text)
        assert [(d.code, d.message) for d in found] == [("J001", "JSON nested more than 64 levels deep")]
        opener = "[" if "```[" in text else '{"a":'
        assert found[0].span.start == text.index("```") + 3 + 64 * len(opener)  # the 65th opener
        result = format_text(text)
        assert (result.text, [d.code for d in result.diagnostics]) == (text, ["F001"])


# Every string-literal form Kusto has, opened and never closed.
OPENERS = ['"', "'", '@"', "@'", "```", "~~~", "@```", "@~~~"]
OPENERS += [prefix + opener for prefix in ("h", "H") for opener in OPENERS]


@pytest.mark.parametrize("end", ["", "\n", "\r\n"], ids=["eof", "lf", "crlf"])
@pytest.mark.parametrize("opener", OPENERS)
def test_an_unterminated_literal_at_the_end_of_the_file_is_named(opener: str, end: str) -> None:
    text = ALTER + opener + "[{ObjectId: 1" + end  # no quote: it would close the literal
    found = lint_text(text)
    assert [(d.code, d.span.start) for d in found] == [("S002", len(ALTER))]
    assert found[0].message.startswith("unterminated")
    result = format_text(text)
    assert (result.text, result.changed, [d.code for d in result.diagnostics]) == (text, False, ["F001"])


def test_the_full_report_of_a_10_mb_line_copies_only_a_window_per_finding() -> None:
    text = "x" * 10_000_000 + "\n"
    found = [Diagnostic("J001", "invalid-json", "m", Span(i * 997, i * 997 + 5), Severity.ERROR) for i in range(10_000)]
    began = time.monotonic()
    report = renderer("full")([FileReport("big.kql", text, found)], False)
    assert time.monotonic() - began < 5  # was about 20 s: the whole line was copied per finding
    assert len(report) < 10_000 * 400
    assert "\n1 | …" + "x" * 120 + "…\n" in report


@pytest.mark.parametrize("space", ["\x0b", "\x0c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000"], ids=repr)
def test_text_after_the_json_that_python_calls_white_space_is_an_error_at_it(space: str) -> None:
    """JSON's white space is only space, tab, CR and LF; found by tools/fuzz.py (a bad span)."""
    for text in (ALTER + "```[] " + space + "```", ALTER + '"[]' + space + ' "'):
        found = lint_text(text)
        at = text.index(space)
        assert [(d.code, d.span) for d in found] == [("J001", Span(at, at + 1))]
        assert format_text(text).text == text


# A lone surrogate escape, the Kusto literal's (`"…\ud83d…"`) or JSON's (in a fence), in a
# single-quoted JSON string: J006's fix wrote the surrogate raw and every output crashed.
SURROGATE = (ALTER + "\"[{'ObjectId': 'a\\ud83db', 'AllowedUsages': 'All'}]\"\n\n"
             + ALTER + "```[{'ObjectId': 'system', 'AllowedUsages': 'All', 'Note': 'b\\udc00'}]```\n")  # fmt: skip
SURROGATE_FIXED = (ALTER + '```[{"ObjectId": "a\\ud83db", "AllowedUsages": "All"}]```\n\n'
                   + ALTER + '```[{"ObjectId": "system", "AllowedUsages": "All", "Note": "b\\udc00"}]```\n')  # fmt: skip


def strict_kqllint(*args: str) -> tuple[int, str, str]:
    """Run the CLI; its output must decode as UTF-8 (strictly) and hold no traceback."""
    done = subprocess.run([sys.executable, "-m", "kqllint", *args], capture_output=True, timeout=LIMIT)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert "Traceback" not in err and "bug in kqllint" not in err, err
    return done.returncode, out, err


@pytest.mark.parametrize(
    "args",
    [[f"--output-format={f}"] for f in ("full", "concise", "json", "github", "sarif")] + [["--fix", "--diff"], ["--fix"]],
    ids=lambda a: " ".join(a),
)
def test_a_lone_surrogate_escape_reaches_no_output_raw(args: list[str], tmp_path: Path) -> None:
    path = tmp_path / "script.kql"
    path.write_text(SURROGATE, encoding="utf-8")
    code, out, err = strict_kqllint("check", "--no-color", *args, str(path))
    assert code == 1, out + err  # P003 (`a\ud83db` is no GUID) and P101 remain
    assert "a\\ud83db" in out.replace("\\\\", "\\")  # the value as written (JSON doubles the backslash)
    fixed = path.read_text(encoding="utf-8")
    assert fixed == (SURROGATE_FIXED if args == ["--fix"] else SURROGATE)
    if "--diff" in args:
        assert '+.alter cluster policy managed_identity ```[{"ObjectId": "a\\ud83db"' in out


@pytest.mark.parametrize("args", [["--diff"], []], ids=["diff", "write"])
def test_format_writes_a_lone_surrogate_escape_as_an_escape(args: list[str], tmp_path: Path) -> None:
    path = tmp_path / "script.kql"
    path.write_text(SURROGATE, encoding="utf-8")
    code, out, err = strict_kqllint("format", *args, str(path))
    assert code == (1 if args else 0), out + err  # `--diff` exits 1 when it would change the file
    escaped = '    "ObjectId": "a\\ud83db",\n'
    if args:
        assert "+" + escaped in out and path.read_text(encoding="utf-8") == SURROGATE
    else:
        assert escaped in path.read_text(encoding="utf-8")


CRASH = """
import sys, tempfile
from cliworker import run_once
def crash(): raise RuntimeError("boom")
def message(): sys.exit("error: bad")
for entry in (crash, message):
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        code = run_once(entry, ["check"], out, err)
        err.seek(0)
        print(code, repr(err.read().decode()))
"""


def test_the_worker_turns_a_crash_into_a_traceback_and_exit_1() -> None:
    """What `kqllint()` relies on: in `cliworker.py` a crash shows as it would in a process."""
    tests = str(Path(__file__).resolve().parent)
    done = subprocess.run([sys.executable, "-c", CRASH], cwd=tests, capture_output=True, text=True, timeout=60)
    crash, message = done.stdout.splitlines()
    assert crash.startswith("1 'Traceback (most recent call last):") and "RuntimeError: boom" in crash, done
    assert message == "1 'error: bad\\n'", done
