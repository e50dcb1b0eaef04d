#!/usr/bin/env python3
"""Checks the gold pair files and prints their counts per class, outcome and basis (see README.md here).

    python3 tests/TrialAccess.Core.Tests/Eligibility/Gold/Pairs/pair_stats.py [--db /work/gold-work/all.db]

Without --db it checks the format only; with --db (a SQLite database of all shared trials built by
`./trialaccess ingest`) it also checks that every (start, length, textSha256) still matches the stored criteria text.
"""
import argparse
import collections
import glob
import hashlib
import json
import os
import sqlite3
import sys

CLASSES = ["condition", "treatment", "procedure", "measurement", "studied-disease", "demographic", "reproductive",
           "consent-logistics"]
OUTCOMES = ["met", "not_met", "unknown", "not_applicable"]
BASES = ["recorded", "presumed", "unknown"]
KEYS = ["topic", "nctId", "role", "start", "length", "textSha256", "class", "outcome", "basis", "why"]


def check(path, rows, stored):
    errors = []
    seen = set()
    locked = os.path.basename(path).startswith("criteria-pairs-locked")
    for i, r in enumerate(rows, 1):
        where = f"{os.path.basename(path)}:{i}"
        if list(r) != KEYS:
            errors.append(f"{where}: keys {list(r)}")
            continue
        if (r["topic"] % 3 == 0) != locked:
            errors.append(f"{where}: topic {r['topic']} is in the wrong file")
        if r["role"] not in ("inclusion", "exclusion") or r["class"] not in CLASSES or r["outcome"] not in OUTCOMES \
                or r["basis"] not in BASES:
            errors.append(f"{where}: bad value")
        if (r["outcome"] == "unknown") != (r["basis"] == "unknown"):
            errors.append(f"{where}: basis unknown goes with outcome unknown only")
        if r["outcome"] == "not_applicable" and r["basis"] != "recorded":
            errors.append(f"{where}: not_applicable is always recorded")
        if not 0 < len(r["why"]) <= 100:
            errors.append(f"{where}: why is empty or longer than 100 characters")
        key = (r["topic"], r["nctId"], r["start"])
        if key in seen:
            errors.append(f"{where}: duplicate pair")
        seen.add(key)
        if stored is not None:
            text = stored(r["nctId"])
            if text is None:
                errors.append(f"{where}: {r['nctId']} not in the database")
            else:
                units = text.encode("utf-16-le")
                sub = units[2 * r["start"]: 2 * (r["start"] + r["length"])].decode("utf-16-le")
                if hashlib.sha256(sub.encode("utf-8")).hexdigest()[:8] != r["textSha256"]:
                    errors.append(f"{where}: text hash differs")
    return errors


def table(rows):
    n = len(rows)
    out = [f"pairs {n}, topics {len({r['topic'] for r in rows})}, trials {len({r['nctId'] for r in rows})}, "
           f"inclusion {sum(r['role'] == 'inclusion' for r in rows)}, exclusion {sum(r['role'] == 'exclusion' for r in rows)}"]
    for field, names in (("class", CLASSES), ("outcome", OUTCOMES), ("basis", BASES)):
        c = collections.Counter(r[field] for r in rows)
        out.append(f"  {field}: " + ", ".join(f"{k} {c[k]} ({100 * c[k] / n:.1f}%)" for k in names))
    return "\n".join(out)


def markdown(data):
    """The counts table of the README: one column per file."""
    names = list(data)
    out = ["| | " + " | ".join(f"`{n}`" for n in names) + " |", "|---|" + "---:|" * len(names)]

    def row(label, cell):
        out.append(f"| {label} | " + " | ".join(cell(data[n]) for n in names) + " |")

    row("pairs", lambda rows: str(len(rows)))
    row("topics / trials", lambda rows: f"{len({r['topic'] for r in rows})} / {len({r['nctId'] for r in rows})}")
    row("inclusion / exclusion", lambda rows: f"{sum(r['role'] == 'inclusion' for r in rows)} / "
                                              f"{sum(r['role'] == 'exclusion' for r in rows)}")
    for field, values in (("class", CLASSES), ("outcome", OUTCOMES), ("basis", BASES)):
        for v in values:
            row(f"{field} `{v}`", lambda rows, f=field, v=v:
                f"{sum(r[f] == v for r in rows)} ({100 * sum(r[f] == v for r in rows) / len(rows):.1f}%)")
    return "\n".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--markdown", action="store_true", help="print the README counts table instead")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    stored = None
    if args.db:
        con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)

        def stored(nct):
            row = con.execute("select document from trials where nct_id = ?", (nct,)).fetchone()
            return None if row is None else (json.loads(row[0]).get("eligibility") or {}).get("criteria")
    files = args.files or sorted(glob.glob(os.path.join(here, "criteria-pairs-*.jsonl")))
    errors, everything, data = [], [], {}
    for path in files:
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        errors += check(path, rows, stored)
        everything += rows
        data[os.path.basename(path)] = rows
        if not args.markdown:
            print(os.path.basename(path))
            print(table(rows))
    if args.markdown:
        print(markdown(data))
    elif len(files) > 1:
        print("all files")
        print(table(everything))
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
