"""kqllint's benchmark: `python3 bench/run.py` (add `--quick` for a smoke run).

Prints, on this machine: cold start of `kqllint check small.kql` against `python -c pass`;
throughput of `check` (lint_text) and `format` (format_text) in MB/s and commands/s on one core
at 100 KB, 1 MB and 10 MB, on two corpora (bench/corpus.py): the ManagedIdentity corpus and the
deployment corpus (every common policy kind); the scaling ratio between sizes; peak memory of
the CLI on each; `json.loads` over the same payloads as the in-process floor; `check` on the
ManagedIdentity corpus against another commit (`--against REF`; by default the previous commit,
or HEAD when kqllint/ or grammar/ has uncommitted changes), both timed in fresh processes of
this run, alternately, so a regression shows as a ratio; `--jobs` speed-up on 1,000 files of
~10 KB; and, where Node.js and the oracle are present, Kusto.Language on 300 commands.
Figures only: no thresholds are asserted here (the README lists the targets).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import deployment_script, literal_payloads, payloads, policy_kinds, script  # noqa: E402

from kqllint.linter import lint_text  # noqa: E402
from kqllint.script import parse_script  # noqa: E402


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def median_wall(cmd: list[str], runs: int = 5, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_start(tmp: Path) -> None:
    """Median of 5 runs of `kqllint check small.kql` against `python -c pass`.

    Measured as an installed tool runs: the console script beside this Python (not a shim such
    as pyenv's, a shell script that adds ~50 ms), and with bytecode: PYTHONDONTWRITEBYTECODE,
    set on some machines, would compile every module from source on every run (+60 ms), so
    the runs write bytecode into a temporary cache (PYTHONPYCACHEPREFIX) after a warm-up run.
    """
    small = tmp / "small.kql"
    small.write_text(script(2_000, seed=7))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    cmd = _kqllint_command(env) + ["check", str(small)]
    for warm_up in ([sys.executable, "-c", "pass"], cmd):
        subprocess.run(warm_up, capture_output=True, env=env)
    base = median_wall([sys.executable, "-c", "pass"], env=env)
    ours = median_wall(cmd, env=env)
    print(f"cold start   python -c pass {base * 1000:7.1f} ms   kqllint check small.kql {ours * 1000:7.1f} ms"
          f"   overhead {(ours - base) * 1000:6.1f} ms (target <= 150 ms; ran {' '.join(cmd[:-2])})")  # fmt: skip


def _kqllint_command(env: dict[str, str]) -> list[str]:
    """The installed console script beside this Python, when it runs; else `python -m kqllint`."""
    script_path = Path(sys.executable).parent / "kqllint"
    if script_path.exists():
        probe = subprocess.run([str(script_path), "--version"], capture_output=True, text=True, env=env)
        if probe.returncode == 0 and "Traceback" not in probe.stderr:
            return [str(script_path)]
    return [sys.executable, "-m", "kqllint"]


def peak_memory_mb(path: Path) -> float:
    """Peak resident memory of `kqllint check PATH` in a fresh process.

    Read from VmHWM, which starts afresh at exec: ru_maxrss would also count this benchmark's
    own memory, which the child shares between fork and exec (369 MB instead of 122 MB at 10 MB).
    """
    code = (
        "import sys; sys.argv = ['kqllint', 'check', '--output-format', 'concise', sys.argv[1]]\n"
        "import kqllint.cli as c\ntry:\n    c.main()\nexcept SystemExit:\n    pass\n"
        "try:\n    status = open('/proc/self/status').read()\n"
        "    print(int(status.split('VmHWM:')[1].split()[0]), file=sys.stderr)\n"
        "except OSError:\n    import resource\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def throughput(
    sizes: list[int], tmp: Path, repeat: int, name: str, generate: Callable[[int], str],
    read_payloads: Callable[[str], list[str]],
) -> None:  # fmt: skip
    try:
        from kqllint.formatter import format_text
    except ImportError:
        format_text = None
    rows = []
    print(f"{name} corpus")
    for size in sizes:
        text = generate(size)
        mb = len(text.encode()) / 1e6
        commands = len(parse_script(text).commands)
        t_check = best_of(lambda: lint_text(text), repeat)
        t_format = best_of(lambda: format_text(text), repeat) if format_text else float("nan")
        docs = read_payloads(text)
        t_json = best_of(lambda: [json.loads(p.replace("'", '"')) for p in docs], repeat)
        path = tmp / f"corpus-{name}-{size}.kql"
        path.write_text(text)
        peak = peak_memory_mb(path)
        rows.append((size, mb, commands, t_check, t_format, t_json, peak))
        print(f"  {mb:6.2f} MB {commands:6d} modelled commands   check {mb / t_check:6.2f} MB/s"
              f" {commands / t_check:8.0f} cmd/s"
              f"   format {mb / t_format:6.2f} MB/s   json.loads floor {mb / t_json:7.2f} MB/s"
              f" (check is {t_check / t_json:5.1f}x the floor)   peak {peak:6.1f} MB"
              f" (target <= {10 * mb + 60:.0f} MB)")  # fmt: skip
    for (s1, _, _, c1, f1, _, _), (s2, _, _, c2, f2, _, _) in zip(rows, rows[1:]):
        print(f"  scaling {s1 / 1e6:g} MB -> {s2 / 1e6:g} MB ({s2 // s1}x input): check {c2 / c1:5.2f}x time,"
              f" format {f2 / f1:5.2f}x time (target <= {1.1 * s2 / s1:.0f}x)")  # fmt: skip


def deployment_mix(size: int) -> None:
    """What the deployment corpus holds, counted by a plain regex (not by kqllint)."""
    text = deployment_script(size)
    kinds = sorted(policy_kinds(text).items(), key=lambda kv: -kv[1])
    controls = sum(1 for line in text.splitlines() if line.startswith("."))
    print(f"deployment corpus mix at {size / 1e6:g} MB: {controls} lines starting a control command; policy commands "
          + ", ".join(f"{k} {n}" for k, n in kinds))  # fmt: skip


def _default_ref() -> str:
    """The commit to compare with: HEAD when kqllint's code has uncommitted changes, else HEAD~1."""
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "kqllint", "grammar"],
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    return "HEAD" if dirty else "HEAD~1"


_TIMED_CHECK = """\
import sys, time
sys.path.insert(0, sys.argv[1])
import kqllint
from kqllint.linter import lint_text
assert kqllint.__file__.startswith(sys.argv[1]), kqllint.__file__
text = open(sys.argv[2], encoding="utf-8").read()
lint_text(text[:20000])  # load the grammars and modules before timing
best = float("inf")
for _ in range(int(sys.argv[3])):
    start = time.process_time()  # CPU time: other processes on a busy machine do not count
    lint_text(text)
    best = min(best, time.process_time() - start)
print(best)
"""


def _timed_check(tree: Path, path: Path, repeat: int) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", _TIMED_CHECK, str(tree), str(path), str(repeat)],
                          capture_output=True, text=True, env=env, cwd=path.parent)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    return float(done.stdout.strip().splitlines()[-1])


def against(ref: str, size: int, tmp: Path, rounds: int) -> None:
    """`check` on the ManagedIdentity corpus with this tree and with the kqllint of `ref` (from
    `git archive`), in fresh processes, alternately; the best CPU time of each (wall time on a
    shared machine moved the ratio by 2x between runs of the same code). A ratio above 1 means
    this tree is slower."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], capture_output=True, text=True)
    if commit.returncode != 0:
        print(f"against {ref}: skipped, not a commit here ({commit.stderr.strip()[:100]})")
        return
    other = Path(tempfile.mkdtemp(prefix="against-", dir=tmp))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(other)], input=archive.stdout, check=True)
    path = other / "corpus.kql"
    text = script(size)
    path.write_text(text, encoding="utf-8")
    ours: list[float] = []
    theirs: list[float] = []
    try:
        for _ in range(rounds):
            ours.append(_timed_check(ROOT, path, 2))
            theirs.append(_timed_check(other, path, 2))
    except RuntimeError as exc:
        print(f"against {ref}: failed: {exc}")
        return
    mb = len(text.encode()) / 1e6
    a, b = min(ours), min(theirs)
    print(f"against {ref} ({commit.stdout.strip()}): check on the ManagedIdentity corpus ({mb:.2f} MB), best of"
          f" {rounds} alternating runs, CPU time: this tree {mb / a:5.2f} MB/s, {ref} {mb / b:5.2f} MB/s;"
          f" time ratio {a / b:5.3f} (> 1: this tree is slower)")  # fmt: skip


def jobs(tmp: Path, count: int) -> None:
    folder = tmp / "many"
    folder.mkdir()
    for i in range(count):
        (folder / f"f{i:04d}.kql").write_text(script(10_000, seed=i))
    cmd = [sys.executable, "-m", "kqllint", "check", "--output-format", "concise", str(folder)]
    one = median_wall(cmd + ["--jobs", "1"], runs=3)
    two = median_wall(cmd + ["--jobs", "2"], runs=3)
    print(f"--jobs       {count} files of ~10 KB: --jobs 1 {one:6.2f} s, --jobs 2 {two:6.2f} s,"
          f" speed-up {one / two:4.2f}x (target >= 1.7x on 2 cores)")  # fmt: skip


def oracle(text: str) -> None:
    js = ROOT / "tools" / "oracle" / "kusto_oracle.js"
    if not shutil.which("node") or not js.exists():
        print("oracle       skipped: Node.js or tools/oracle is not present")
        return
    commands = parse_script(text).commands[:300]
    sample = "\n----\n".join(text[c.span.start : c.span.end] for c in commands)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(sample)
    start = time.perf_counter()
    done = subprocess.run(["node", str(js), "--parse-only", f.name], capture_output=True, text=True)
    took = time.perf_counter() - start
    os.unlink(f.name)
    if done.returncode != 0:
        print(f"oracle       failed: {done.stderr.strip()[:200]} (run tools/oracle/setup.sh)")
        return
    ours = best_of(lambda: lint_text(sample), 3)
    print(f"oracle       Kusto.Language {len(commands) / took:7.1f} cmd/s (incl. start-up),"
          f" kqllint {len(commands) / ours:8.0f} cmd/s: {took / ours:6.0f}x faster")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument("--against", metavar="REF", help="the commit to compare `check` with (default: the previous)")
    args = parser.parse_args()
    sizes = [100_000, 1_000_000] if args.quick else [100_000, 1_000_000, 10_000_000]
    print(f"machine      {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cold_start(tmp)
        repeat = 1 if args.quick else 3
        throughput(sizes, tmp, repeat, "ManagedIdentity", script, payloads)
        deployment_mix(sizes[-1])
        throughput(sizes, tmp, repeat, "deployment", deployment_script, literal_payloads)
        against(args.against or _default_ref(), 1_000_000, tmp, rounds=2 if args.quick else 4)
        jobs(tmp, 100 if args.quick else 1000)
        oracle(script(1_000_000))


if __name__ == "__main__":
    main()
