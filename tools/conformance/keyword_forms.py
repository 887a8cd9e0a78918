"""Kusto.Language's verdicts on keyword forms: order, commas, values, bare words, case.

Writes tests/data/conformance/keyword_forms.jsonl (one record per text: the text, `syntax_ok`
and what the parser skipped), which tests/test_conformance.py compares kqllint with. Run it
when the texts below change; it needs Node.js and `tools/oracle/setup.sh`:

    python3 tools/conformance/keyword_forms.py [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_oracle import OUT_DIR, run_oracle, span  # noqa: E402

OUT = OUT_DIR / "keyword_forms.jsonl"

KEYWORD_FORM_TEXTS = [
    '.alter-merge table T policy retention softdelete = 7d recoverability = disabled',
    '.alter-merge table T policy retention recoverability = disabled softdelete = 7d',
    '.alter-merge table T policy retention softdelete = 7d, recoverability = disabled',
    '.alter-merge table T policy retention recoverability = disabled',
    '.alter-merge table T policy retention recoverability = Disabled',
    '.alter-merge table T policy retention SoftDelete = 7d',
    '.alter-merge table T policy retention softdelete = 7d recoverability = disabled recoverability = enabled',
    '.alter-merge table T policy retention softdelete = 7d softdelete = 8d',
    '.alter-merge table T policy retention hot = 7d',
    '.alter-merge table T policy retention softdelete =',
    '.alter-merge table T policy retention softdelete = recoverability = disabled',
    '.alter-merge table T policy retention softdelete 7d',
    '.alter-merge table T policy retention softdelete = 10.00:00:00',
    '.alter-merge table T policy retention softdelete = -1d',
    ".alter-merge table T policy retention softdelete = '7d'",
    '.alter-merge table T policy retention softdelete = 7D',
    '.alter-merge table T policy retention softdelete = 7 d',
    '.alter-merge table T policy retention softdelete = 2w',
    '.alter-merge table T policy retention softdelete = time(10.00:00:00)',
    '.alter-merge table T policy retention softdelete = 10',
    ".alter-merge table T policy retention softdelete = 7d recoverability = 'disabled'",
    '.alter-merge table T policy retention softdelete = 7d recoverability = true',
    '.alter table T policy caching hot = 7d',
    '.alter table T policy caching HOT = 7d',
    '.alter table T policy caching hot = 1.00:00:00',
    '.alter table T policy caching hot = 2w',
    '.alter table T policy caching hot = 7D',
    '.alter table T policy caching hot = 7 d',
    ".alter table T policy caching hot = '7d'",
    '.alter table T policy caching hot = -1d',
    '.alter table T policy caching hot = 30',
    '.alter table T policy caching hot = 1.5h',
    '.alter table T policy caching hot = 7days',
    '.alter table T policy caching hot = datetime(2020-01-01)',
    '.alter table T policy caching hot = true',
    '.alter table T policy caching hot = abc',
    '.alter tables (T1, T2) policy caching hot = 7d, hot_window = datetime(2021-01-01) .. datetime(2021-02-01)',
    '.alter tables (T1, T2) policy caching hot = 7d hot_window = datetime(2021-01-01) .. datetime(2021-02-01)',
    '.alter tables (T1, T2) policy caching hot = 7d, hot_window = datetime(2021-01-01) .. datetime(2021-02-01) hot_window = datetime(2021-04-01) .. datetime(2021-05-01)',
    '.alter tables (T1, T2) policy caching hot = 7d, hot_window = datetime(2021-01-01) .. datetime(2021-02-01), hot_window = datetime(2021-04-01) .. datetime(2021-05-01)',
    '.alter tables (T1, T2) policy caching hot_window = datetime(2021-01-01) .. datetime(2021-02-01), hot = 7d',
    '.alter tables (T1, T2) policy caching hot_window = datetime(2021-01-01) .. datetime(2021-02-01)',
    '.alter table T policy caching hot = 7d, hot_window = datetime(2021-01-01) .. datetime(2021-02-01)',
    '.alter table T policy caching hotdata = 7d hotindex = 8d',
    '.alter table T policy caching hotdata = 7d, hotindex = 8d',
    '.alter table T policy caching hotindex = 7d hotdata = 8d',
    '.alter table T policy caching hotdata = 7d',
    '.alter table T policy caching hot = 7d hotdata = 8d hotindex = 1d',
    '.alter table T policy caching hot = 7d, hot = 8d',
    '.alter table T policy caching hot =',
    '.alter table T policy caching softdelete = 7d',
    '.alter tables (T1, T2) policy caching hot = 7d, hot_window = datetime(2021-01-01)',
    '.alter table T policy streamingingestion Enable',
    '.alter table T policy streamingingestion enable',
    '.alter table T policy streamingingestion true',
    '.alter table T policy roworder (A ASC)',
    '.alter table T policy roworder (A asc, B Desc)',
    '.alter table T policy roworder (A)',
    '.alter table T policy roworder ()',
    '.alter table T policy roworder (A asc B desc)',
    '.alter table T policy restricted_view_access True',
    ".alter table T policy restricted_view_access 'true'",
    '.alter table T policy ingestiontime TRUE',
    '.alter table T policy row_level_security Enable "f"',
    '.alter table T policy row_level_security enable',
    '.alter table T policy row_level_security enable with (allowMaterializedViewsWithoutRowLevelSecurity=true) "f"',
    '.alter table T policy row_level_security enable "f" with (a=true)',
    '.alter table T policy row_level_security enable With (a=true) "f"',
    ".alter column T.C policy encoding type = 'identifier'",
    ".alter column T.C policy encoding TYPE = 'identifier'",
    '.alter column T.C policy encoding type = identifier',
    ".alter column T.C policy encoding type 'identifier'",
    '.alter table myTable policy mirroring partition by (Name: string = Col, D: datetime = bin(Ts, 1d), E: datetime = startofday(Ts)) kind = delta with (IsEnabled=true, TargetLatencyInMinutes=180)',
    ".alter table T policy mirroring partition by (A: string = Col) pathformat = ('/' A '/' datetime_pattern('yyyy', D)) kind = delta",
    ".alter table T policy mirroring kind = delta ('conn1', 'conn2')",
    ".alter table T policy roworder (['A b'] asc)",
    '.alter-merge table T policy mirroring kind=delta',
    '.alter table T policy caching hot = 7d, hot_window = datetime(2021-01-01) .. datetime(2021-02-01)',
    '.alter tables (T1, T2) policy ingestiontime false',
    '.alter table T policy mirroring dataformat = parquet',
    '.alter table T policy roworder (A asc, B desc)',
    '.alter-merge table T policy roworder (A desc)',
    '.alter table T policy restricted_view_access false',
    '.alter table T policy rowid true',
    '.alter table T policy rowid enable',
    '.alter materialized-view V policy row_level_security disable "f"',
    '.alter database db policy streamingingestion disable',
    '.alter-merge database db policy retention softdelete = 0d',
    '.alter table T policy caching hot = 7d,',
    '.alter table T policy caching hot = 7d hot = 8d',
    '.alter-merge table T policy retention softdelete = 7d recoverability = disabled,',
    '.alter table T policy caching , hot = 7d',
    ".alter column T.C policy encoding type = 'identifier' type = 'bigobject'",
    '.alter table T policy update "[]" With (AllowUnreferencedSourceTable=true)',
    '.alter table T policy update "[]" with (AllowUnreferencedSourceTable=true)',
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    records = run_oracle(KEYWORD_FORM_TEXTS, args.jobs)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for text, rec in zip(KEYWORD_FORM_TEXTS, records):
            skipped = [span(text, s["start"], s["length"])["text"] for s in rec["skipped"]]
            f.write(json.dumps({"text": text, "syntax_ok": rec["syntax_ok"], "skipped": skipped}) + "\n")
    print(f"wrote {OUT.relative_to(OUT_DIR.parents[2])} ({len(records)} texts)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
