"""Mutation fuzzing of kqllint for minutes: seed scripts with deleted, duplicated, swapped and
random characters (and bytes), checked against tests/invariants.py.

Usage: `python3 tools/fuzz.py [--minutes 5] [--seed 0] [--out fuzz-failures]`. Seeded: the same
seed and number of inputs give the same inputs. Prints how many inputs were tried and every
distinct failure; saves each failing input (and its traceback) to `--out`; exits 1 on a failure.
The seeds are the test case files, the examples, the benchmark corpus and scripts drawn from
tests/strategies.py. A hang (an input that takes more than `--hang` seconds) is a failure too.

To replay a saved input: `check_format(Path(f).read_bytes().decode())` with tests/ on the path
(`read_text` would turn its `\r\n` into `\n`).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from bench.corpus import script as bench_script  # noqa: E402
from invariants import check_fix, check_format, check_lint  # noqa: E402
from kqllint.source import DecodeError, decode  # noqa: E402
from strategies import MUTATION_KINDS, SHARP_CHARS, mutate, scripts  # noqa: E402


class Hang(Exception):
    """An input took longer than the time allowed for one."""


def seeds(rng: random.Random) -> list[str]:
    """Scripts to mutate: case files, examples, benchmark scripts and generated ones."""
    found = []
    for path in sorted(p for folder in ("tests/data", "examples") for p in (ROOT / folder).rglob("*.kql")):
        try:
            found.append(decode(path.read_bytes()).text)
        except DecodeError:
            pass  # a case file about undecodable input
    found += [bench_script(3, seed) for seed in range(20)]
    found += generated(rng, 200)
    return [s for s in found if s]


def generated(rng: random.Random, count: int) -> list[str]:
    """`count` scripts from tests/strategies.py, drawn reproducibly for the seed."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    drawn: list[str] = []

    @hypothesis_seed(rng.getrandbits(32))
    @settings(max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(scripts())
    def draw(text: str) -> None:
        drawn.append(text)

    draw()
    return drawn


def random_char(rng: random.Random) -> str:
    if rng.random() < 0.8:
        return rng.choice(SHARP_CHARS)
    while True:
        ch = chr(rng.randrange(0x110000))
        if not 0xD800 <= ord(ch) <= 0xDFFF:
            return ch


def mutant(rng: random.Random, corpus: list[str]) -> str:
    """A seed (sometimes two spliced) after one to eight mutations, mostly short-range."""
    text = rng.choice(corpus)
    if rng.random() < 0.1:
        other = rng.choice(corpus)
        text = text[: rng.randint(0, len(text))] + other[rng.randint(0, len(other)) :]
    for _ in range(rng.randint(1, 8)):
        i = rng.randint(0, len(text))
        j = i + (rng.randint(0, 8) if rng.random() < 0.8 else rng.randint(0, len(text)))
        text = mutate(text, rng.choice(MUTATION_KINDS), i, j, random_char(rng))
    return text


def mutant_bytes(rng: random.Random, text: str) -> bytes:
    """The text encoded as a file might be (UTF-8, BOM, UTF-16), with a few bytes changed."""
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-be"])
    data = bytearray(text.encode(encoding, "surrogatepass"))
    if encoding == "utf-16-be":
        data[:0] = b"\xfe\xff"
    for _ in range(rng.randint(1, 4)):
        if data and rng.random() < 0.5:
            data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            data.insert(rng.randint(0, len(data)), rng.randrange(256))
    return bytes(data)


def run_one(rng: random.Random, corpus: list[str], current: list[str | bytes]) -> str:
    """Make one input (kept in `current`, to be saved if it fails) and check it; return what
    it was: a text, or bytes that do not decode."""
    text = mutant(rng, corpus)
    current[:] = [text]
    if rng.random() < 0.1:
        data = mutant_bytes(rng, text)
        current[:] = [data]
        try:
            text = decode(data).text  # only DecodeError may come out of it
        except DecodeError:
            return "decode"
        current[:] = [text]
    check_lint(text)
    check_format(text)
    if rng.random() < 0.25:  # the fix loop costs more; a quarter of the inputs is enough
        check_fix(text)
    return "text"


def signature(exc: BaseException) -> str:
    """What makes two failures the same: the exception and where in kqllint it was raised."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "kqllint" in f.filename or "invariants" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    first = re.sub(r"\d+", "N", str(exc).splitlines()[0][:120]) if str(exc) else ""  # not per offset
    return f"{type(exc).__name__} at {where}: {first}"


def save(out: Path, data: str | bytes, exc: BaseException) -> Path:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    path = out / f"{hashlib.sha1(raw).hexdigest()[:12]}.kql"
    out.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    path.with_suffix(".txt").write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--hang", type=int, default=20, help="seconds one input may take")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    corpus = seeds(rng)
    print(f"seed {args.seed}: {len(corpus)} seed scripts; fuzzing for {args.minutes:g} minutes", file=sys.stderr)

    def hang(signum: int, frame: object) -> None:
        raise Hang(f"more than {args.hang} s on one input")

    signal.signal(signal.SIGALRM, hang)
    began = time.monotonic()
    deadline, report = began + args.minutes * 60, began + 60
    tried, kinds, failures = 0, Counter[str](), Counter[str]()
    while time.monotonic() < deadline:
        current: list[str | bytes] = [""]
        signal.alarm(args.hang)
        try:
            kinds[run_one(rng, corpus, current)] += 1
        except Exception as exc:  # every failure is a finding: record it and go on
            signal.alarm(0)
            key = signature(exc)
            if key not in failures:
                print(f"FAIL {key}\n  saved to {save(args.out, current[0], exc)}", file=sys.stderr)
            failures[key] += 1
        finally:
            signal.alarm(0)
        tried += 1
        if time.monotonic() > report:
            report += 60
            print(f"  {tried} inputs, {sum(failures.values())} failures", file=sys.stderr)
    seconds = time.monotonic() - began
    print(f"{tried} inputs in {seconds:.0f} s ({tried / seconds:.0f}/s): {kinds['text']} texts, "
          f"{kinds['decode']} undecodable byte strings; {sum(failures.values())} failures, {len(failures)} distinct")  # fmt: skip
    for key, count in failures.most_common():
        print(f"  {count:6}  {key}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
