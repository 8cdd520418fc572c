"""Print the question coach's precision and recall per label, and its false-alarm rate.

Usage:
    .venv/bin/python benchmarks/coach_quality.py                       # dev set
    .venv/bin/python benchmarks/coach_quality.py benchmarks/coach_heldout.jsonl
    .venv/bin/python benchmarks/coach_quality.py --errors              # list disagreements
    .venv/bin/python benchmarks/coach_quality.py benchmarks/coach_talk.jsonl   # meeting talk and chat (issue 17)

Each line of the JSONL file has "text" and "labels" (a list; empty means fine).
Bars (issue #3): precision >= 0.90 and recall >= 0.85 per label, false alarms <= 5%.
"""

from __future__ import annotations

import argparse
import json
import pathlib

from reviewlab.coach import LABELS, check

ROOT = pathlib.Path(__file__).resolve().parent.parent
# ../shared beside the repository (read in place, never copied)
DEV = ROOT.parent / "shared" / "benchmarks" / "coach" / "dev.jsonl"


def score(path: pathlib.Path, show_errors: bool = False) -> bool:
    """Score the coach on ``path``; print a table; return whether every bar is met."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    tp = dict.fromkeys(LABELS, 0)
    fp, fn = dict(tp), dict(tp)
    negatives = false_alarms = 0
    for row in rows:
        got, gold = {f.label for f in check(row["text"])}, set(row["labels"])
        for label in LABELS:
            tp[label] += label in got and label in gold
            fp[label] += label in got and label not in gold
            fn[label] += label in gold and label not in got
        if not gold:
            negatives += 1
            false_alarms += bool(got)
        if show_errors and got != gold:
            print(f"  gold={sorted(gold)} got={sorted(got)} | {row['text']}")
    ok = True
    print(f"{path} ({len(rows)} lines)")
    print(f"{'label':16s} {'precision':>9s} {'recall':>7s} {'tp':>4s} {'fp':>4s} {'fn':>4s}")
    for label in LABELS:
        precision = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 1.0
        recall = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 1.0
        ok &= precision >= 0.90 and recall >= 0.85
        print(f"{label:16s} {precision:9.2f} {recall:7.2f} {tp[label]:4d} {fp[label]:4d} {fn[label]:4d}")
    rate = false_alarms / negatives if negatives else 0.0
    ok &= rate <= 0.05
    print(f"false alarms on unflagged lines: {false_alarms}/{negatives} = {rate:.1%}")
    print("bars met" if ok else "BARS NOT MET")
    return ok


def main() -> None:
    """Parse arguments and score each file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=pathlib.Path, default=[DEV])
    parser.add_argument("--errors", action="store_true", help="print every line where the coach disagrees")
    args = parser.parse_args()
    for path in args.paths:
        score(path, args.errors)
        print()


if __name__ == "__main__":
    main()
