"""Run the generated variants through Kusto.Language and store its verdicts as test data."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SEED, Variant, variants  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ORACLE = ROOT / "tools" / "oracle" / "kusto_oracle.js"
OUT_DIR = ROOT / "tests" / "data" / "conformance"
SEPARATOR = "----"


def run_oracle(texts: list[str], jobs: int) -> list[dict[str, Any]]:
    """One oracle record per text, in order (`--parse-only`: syntax only)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".kql", delete=False) as f:
        f.write(f"\n{SEPARATOR}\n".join(texts) + "\n")
    try:
        cmd = ["node", str(ORACLE), "--parse-only", "--jobs", str(jobs), f.name]
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=True)
    finally:
        os.unlink(f.name)
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(records) != len(texts) or any(r["index"] != i for i, r in enumerate(records)):
        raise RuntimeError(f"oracle gave {len(records)} records for {len(texts)} texts")
    return records


def code_points(text: str, utf16: int) -> int:
    """Convert a UTF-16 code-unit offset into `text` to a code-point offset."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def span(text: str, start: int, length: int) -> dict[str, Any]:
    begin, end = code_points(text, start), code_points(text, start + length)
    return {"start": begin, "end": end, "text": text[begin:end]}


def summarise(text: str, rec: dict[str, Any]) -> dict[str, Any]:
    """The parts of an oracle record that explain a verdict, offsets in code points."""
    diags = [
        {"code": d["code"], "message": d["message"], **span(text, d["start"], d["length"])}
        for d in rec["syntax_diagnostics"]
    ]
    skipped = [span(text, s["start"], s["length"]) for s in rec["skipped"]]
    return {
        "syntax_ok": rec["syntax_ok"],
        "statements": rec["statements"],
        "command": rec["command"],
        "node": rec["node"],
        "skipped": skipped,
        "syntax_diagnostics": diags,
    }


def corpus_rows(vs: list[Variant], records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join variants with their records; a `; query` head's verdict goes in `head_syntax_ok`."""
    heads = iter(records[len(vs):])
    rows = []
    for v, rec in zip(vs, records):
        row: dict[str, Any] = {"text": v.text, "cls": v.cls, **summarise(v.text, rec)}
        if v.head is not None:
            head = next(heads)
            row["head"] = v.head
            row["head_syntax_ok"] = head["syntax_ok"]
            row["head_command"] = head["command"]
        rows.append(row)
    return rows


def oracle_version() -> str:
    home = Path(os.environ.get("KUSTO_ORACLE_HOME", Path.home() / ".cache" / "kusto-oracle"))
    pkg = home / "node_modules" / "@kusto" / "language-service-next" / "package.json"
    return json.loads(pkg.read_text(encoding="utf-8"))["version"] if pkg.exists() else "unknown"


def write(rows: list[dict[str, Any]], meta: dict[str, Any], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N variants")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    vs = variants()
    if args.limit:
        vs = vs[: args.limit]
    texts = [v.text for v in vs] + [v.head for v in vs if v.head is not None]
    started = time.monotonic()
    records = run_oracle(texts, args.jobs)
    seconds = round(time.monotonic() - started, 1)
    rows = corpus_rows(vs, records)
    meta = {"oracle": "@kusto/language-service-next " + oracle_version(), "mode": "--parse-only",
            "seed": SEED, "texts": len(rows), "oracle_texts": len(texts), "seconds": seconds,
            "syntax_ok": sum(r["syntax_ok"] for r in rows)}
    write(rows, meta, args.out)
    print(json.dumps(meta), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
