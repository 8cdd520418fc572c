"""Print how long the question coach takes per sentence (median, p99) and on a 100,000-character text.

Usage:
    .venv/bin/python benchmarks/coach_speed.py [path/to/sentences.jsonl]

Bar (issue #3): median under 1 ms per sentence, so the console can check every keystroke.
Times are for ``check()``, suggestions included, after one warm-up pass.
"""

from __future__ import annotations

import json
import pathlib
import statistics
import sys
import time

from reviewlab.coach import check

ROOT = pathlib.Path(__file__).resolve().parent.parent
# ../shared beside the repository (read in place, never copied)
DEV = ROOT.parent / "shared" / "benchmarks" / "coach" / "dev.jsonl"


def main() -> None:
    """Time check() on each sentence, then on a long text."""
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    for text in texts:  # warm-up: compile regexes, load the bank
        check(text)
    times = []
    for _ in range(20):
        for text in texts:
            start = time.perf_counter()
            check(text)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{len(texts)} sentences x 20 runs from {path}")
    print(f"median {statistics.median(times):.3f} ms   p99 {p99:.3f} ms   max {times[-1]:.3f} ms")
    long_text = (" ".join(texts) * 100)[:100_000]
    for name, text in [("100k chars of review text", long_text), ("100k chars of 'why '", "why " * 25_000),
                       ("100k chars of one letter", "a" * 100_000)]:
        start = time.perf_counter()
        found = check(text)
        print(f"{name}: {time.perf_counter() - start:.3f} s, {len(found)} findings")
    print("bar met" if statistics.median(times) < 1.0 else "BAR NOT MET")


if __name__ == "__main__":
    main()
