"""kqllint's benchmark: `python3 bench/run.py` (add `--quick` for a smoke run).

Prints, on this machine, each figure beside its target (issue 15's, or the README's): cold start
of `kqllint check small.kql` against `python -c pass`; the language server, from a one-character
edit of a 500 KB document to its diagnostics (bench/lsp.py); throughput of `check` (lint_text)
in MB/s and commands/s on one core at 100 KB, 1 MB and 10 MB (10 MB not with `--quick`) on four
corpora (bench/corpus.py): the clean deployment corpus (no finding), the findings corpus (a
finding in every policy command), the ManagedIdentity corpus and the deployment corpus as
written (these two with `format` too), with the findings each drew; the scaling ratio between
sizes; peak memory of the CLI on each; `json.loads` over the same payloads as the in-process
floor; `check` on the clean, findings and ManagedIdentity corpora against another commit
(`--against REF`; by default the previous commit, or HEAD when kqllint/ or grammar/ has
uncommitted changes), both timed in fresh processes of this run, alternately, so a regression
shows as a ratio; `--jobs` speed-up on 1,000 files of ~10 KB; and, where Node.js and the oracle
are present, Kusto.Language on 300 commands. Figures only: no target is asserted here.
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
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import lsp  # noqa: E402
from corpus import (clean_script, deployment_script, findings_script, literal_payloads, payloads,  # noqa: E402
                    policy_commands, policy_kinds, script, with_findings)  # fmt: skip

from kqllint.diagnostic import Diagnostic  # noqa: E402
from kqllint.linter import lint_text  # noqa: E402
from kqllint.script import parse_script  # noqa: E402

T = TypeVar("T")
LSP_SIZE = 500_000
AGAINST_SIZE = 1_000_000


@dataclass(frozen=True)
class Corpus:
    name: str
    generate: Callable[[int], str]
    read_payloads: Callable[[str], list[str]]
    target: str  # for `check` throughput
    format: bool = False  # time `format` too


CORPORA = [
    Corpus("clean", clean_script, literal_payloads, ">= 8 MB/s at 10 MB, aim 10"),
    Corpus("findings", findings_script, literal_payloads, ">= 3 MB/s"),
    Corpus("ManagedIdentity", script, payloads, ">= 2 MB/s (README)", format=True),
    Corpus("deployment", deployment_script, literal_payloads, ">= 2 MB/s (README)", format=True),
]


def best_of(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The shortest of `repeat` runs of `fn`, and what it returned."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def tree_env(**extra: str) -> dict[str, str]:
    """The environment for a child that runs kqllint: this tree first on the path (else a child
    would import whichever kqllint is installed)."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}


def median_wall(cmd: list[str], runs: int = 5, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env)
    return time.perf_counter() - start


def cold_start(tmp: Path, runs: int) -> None:
    """`kqllint check small.kql` against `python -c pass`: the median of `runs` runs of each,
    taken in turn (a busy machine slows all three alike).

    Measured as an installed tool runs: the console script beside this Python (not a shim such
    as pyenv's, a shell script that adds ~50 ms), and with bytecode, as pip compiles it at
    install: PYTHONDONTWRITEBYTECODE, set on some machines (this one), would compile kqllint from
    source on every run, so the child's environment drops it and writes the bytecode into a
    temporary cache (PYTHONPYCACHEPREFIX), filled by one warm-up run. The figure without
    bytecode (PYTHONDONTWRITEBYTECODE=1, no cache: every kqllint module compiled) is printed
    for reference only.
    """
    small = tmp / "small.kql"
    small.write_text(script(2_000, seed=7))
    env = tree_env(PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    source_env = tree_env(PYTHONDONTWRITEBYTECODE="1")
    source_env.pop("PYTHONPYCACHEPREFIX", None)
    cmd = _kqllint_command(env) + ["check", str(small)]
    base = [sys.executable, "-c", "pass"]
    for warm_up in (base, cmd):
        subprocess.run(warm_up, capture_output=True, env=env)
    times: list[tuple[float, float, float]] = [
        (_wall(base, env), _wall(cmd, env), _wall(cmd, source_env)) for _ in range(runs)
    ]
    python, ours, source = (statistics.median(column) for column in zip(*times))
    print(f"cold start   python -c pass {python * 1000:7.1f} ms   kqllint check small.kql {ours * 1000:7.1f} ms"
          f"   overhead {(ours - python) * 1000:6.1f} ms (target <= 100 ms; ran {' '.join(cmd[:-2])};"
          f" with bytecode, after a warm-up run; median of {runs})")  # fmt: skip
    print(f"             without bytecode (PYTHONDONTWRITEBYTECODE=1: kqllint compiled on every run, as a"
          f" pip install never is) {source * 1000:7.1f} ms, overhead {(source - python) * 1000:6.1f} ms")  # fmt: skip


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
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=tree_env())
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def throughput(sizes: list[int], tmp: Path, repeat: int, corpus: Corpus) -> None:
    try:
        from kqllint.formatter import format_text
    except ImportError:
        format_text = None
    timed_format = format_text if corpus.format else None
    rows = []
    print(f"{corpus.name} corpus (check target {corpus.target}; peak memory target <= 10x input + 60 MB)")
    for size in sizes:
        text = corpus.generate(size)
        mb = len(text.encode()) / 1e6
        commands = len(parse_script(text).commands)
        lint_text(text[:20_000])  # the first run loads grammars and modules: not what is timed
        t_check, found = best_of(lambda: lint_text(text), repeat)
        t_format = best_of(lambda: timed_format(text), repeat)[0] if timed_format else float("nan")
        docs = corpus.read_payloads(text)
        # at least 3: cheap, and one run swings by 10x when a garbage collection falls in it
        t_json = best_of(lambda: [json.loads(p.replace("'", '"')) for p in docs], max(repeat, 3))[0]
        path = tmp / f"corpus-{corpus.name}-{size}.kql"
        path.write_text(text)
        peak = peak_memory_mb(path)
        rows.append((size, t_check, t_format))
        formatted = f"   format {mb / t_format:6.2f} MB/s" if timed_format else ""
        print(f"  {mb:6.2f} MB {commands:6d} modelled commands   check {mb / t_check:6.2f} MB/s"
              f" {commands / t_check:8.0f} cmd/s{formatted}   json.loads floor {mb / t_json:7.2f} MB/s"
              f" (check is {t_check / t_json:5.1f}x the floor)   peak {peak:6.1f} MB"
              f" (target <= {10 * mb + 60:.0f} MB)")  # fmt: skip
        print("           " + findings_line(text, found))
    for (s1, c1, f1), (s2, c2, f2) in zip(rows, rows[1:]):
        formatted = f", format {f2 / f1:5.2f}x time" if timed_format else ""
        print(f"  scaling {s1 / 1e6:g} MB -> {s2 / 1e6:g} MB ({s2 // s1}x input): check {c2 / c1:5.2f}x time"
              f"{formatted} (target <= {1.1 * s2 / s1:.0f}x)")  # fmt: skip


def findings_line(text: str, found: list[Diagnostic]) -> str:
    """How many findings `check` reported, and the share of policy commands with at least one
    (commands found by a plain regex, not by kqllint)."""
    spans = policy_commands(text)
    hit = with_findings(spans, [d.span.start for d in found])
    codes = len({d.code for d in found})
    share = hit / len(spans) if spans else 0.0
    return (f"{len(found)} findings of {codes} codes; {hit} of {len(spans)} policy commands"
            f" ({share:.1%}) have at least one")


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
texts = [open(path, encoding="utf-8").read() for path in sys.argv[3:]]
lint_text(texts[0][:20000])  # load the grammars and modules before timing
for text in texts:
    best = float("inf")
    for _ in range(int(sys.argv[2])):
        start = time.process_time()  # CPU time: other processes on a busy machine do not count
        lint_text(text)
        best = min(best, time.process_time() - start)
    print(best)
"""


def _timed_check(tree: Path, paths: list[Path], repeat: int) -> list[float]:
    """The best CPU time of `check` on each of `paths`, with the kqllint of `tree`, in one fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", _TIMED_CHECK, str(tree), str(repeat), *map(str, paths)],
                          capture_output=True, text=True, env=env, cwd=paths[0].parent)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    return [float(line) for line in done.stdout.split()]


def against(ref: str, corpora: list[Corpus], tmp: Path, rounds: int) -> None:
    """`check` on `corpora` (1 MB each) with this tree and with the kqllint of `ref` (from `git
    archive`), in fresh processes, alternately; the best CPU time of each (wall time on a shared
    machine moved the ratio by 2x between runs of the same code). A ratio above 1 means this tree
    is slower."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], capture_output=True, text=True)
    if commit.returncode != 0:
        print(f"against {ref}: skipped, not a commit here ({commit.stderr.strip()[:100]})")
        return
    other = Path(tempfile.mkdtemp(prefix="against-", dir=tmp))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(other)], input=archive.stdout, check=True)
    paths = [other / f"{corpus.name}.kql" for corpus in corpora]
    sizes = []
    for corpus, path in zip(corpora, paths):
        text = corpus.generate(AGAINST_SIZE)
        path.write_text(text, encoding="utf-8")
        sizes.append(len(text.encode()) / 1e6)
    ours: list[list[float]] = []
    theirs: list[list[float]] = []
    try:
        for _ in range(rounds):
            ours.append(_timed_check(ROOT, paths, 2))
            theirs.append(_timed_check(other, paths, 2))
    except RuntimeError as exc:
        print(f"against {ref}: failed: {exc}")
        return
    print(f"against {ref} ({commit.stdout.strip()}): check, best of {rounds} alternating fresh processes, CPU time"
          f" (target: time ratio <= 1; > 1: this tree is slower)")  # fmt: skip
    for i, (corpus, mb) in enumerate(zip(corpora, sizes)):
        a, b = min(run[i] for run in ours), min(run[i] for run in theirs)
        print(f"  {corpus.name:16s} {mb:.2f} MB: this tree {mb / a:6.2f} MB/s, {ref} {mb / b:6.2f} MB/s;"
              f" time ratio {a / b:5.3f}")  # fmt: skip


def jobs(tmp: Path, count: int) -> None:
    folder = tmp / "many"
    folder.mkdir()
    for i in range(count):
        (folder / f"f{i:04d}.kql").write_text(script(10_000, seed=i))
    cmd = [sys.executable, "-m", "kqllint", "check", "--output-format", "concise", str(folder)]
    one = median_wall(cmd + ["--jobs", "1"], runs=3, env=tree_env())
    two = median_wall(cmd + ["--jobs", "2"], runs=3, env=tree_env())
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
    ours = best_of(lambda: lint_text(sample), 3)[0]
    print(f"oracle       Kusto.Language {len(commands) / took:7.1f} cmd/s (incl. start-up),"
          f" kqllint {len(commands) / ours:8.0f} cmd/s: {took / ours:6.0f}x faster")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument("--against", metavar="REF", help="the commit to compare `check` with (default: the previous)")
    args = parser.parse_args()
    sizes = [100_000, 1_000_000] if args.quick else [100_000, 1_000_000, 10_000_000]
    repeat = 1 if args.quick else 3
    print(f"machine      {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cold_start(tmp, 5 if args.quick else 15)
        lsp.report(ROOT, deployment_script(LSP_SIZE), 5 if args.quick else 15)
        deployment_mix(sizes[-1])
        for corpus in CORPORA:
            throughput(sizes, tmp, repeat, corpus)
        compared = [c for c in CORPORA if c.name in ("clean", "findings", "ManagedIdentity")]
        against(args.against or _default_ref(), compared, tmp, rounds=2 if args.quick else 4)
        jobs(tmp, 100 if args.quick else 1000)
        oracle(script(1_000_000))


if __name__ == "__main__":
    main()
