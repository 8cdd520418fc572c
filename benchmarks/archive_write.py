"""Latency of writing one contribution, and concurrent writers, on a real archive file.

Run by hand:  .venv/bin/python benchmarks/archive_write.py [--n 500] [--writers 4] [--per-writer 200]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from reviewlab import open_archive
from reviewlab.model import Participant, Review


def latency(path: Path, n: int) -> list[float]:
    with open_archive(path) as a:
        a.add_review(Review("bench", "Benchmark", "2025-01-01T00:00:00+00:00"), [Participant("Ana")])
        times = []
        for i in range(n):
            t0 = time.perf_counter()
            a.add_contribution("bench", "Ana", "observation", f"Observation number {i} about the queue.")
            times.append((time.perf_counter() - t0) * 1000)
    return times


def concurrent(path: Path, writers: int, per_writer: int) -> tuple[float, int, bool]:
    with open_archive(path) as a:
        a.add_review(Review("conc", "Concurrent", "2025-01-01T00:00:00+00:00"),
                     [Participant(f"p{i}") for i in range(writers)])
    script = textwrap.dedent(f"""
        import sys
        from reviewlab import open_archive
        with open_archive({str(path)!r}) as a:
            for i in range({per_writer}):
                a.add_contribution("conc", sys.argv[1], "observation", f"{{sys.argv[1]}} {{i}}")
    """)
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", script, f"p{i}"], stderr=subprocess.PIPE, text=True)
             for i in range(writers)]
    errs = [p.communicate()[1] for p in procs]
    took = time.perf_counter() - t0
    with open_archive(path) as a:
        count = len(a.contributions("conc"))
    return took, count, any("locked" in e for e in errs) or any(p.returncode for p in procs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--per-writer", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = sorted(latency(Path(tmp) / "lat.db", args.n))
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"write one contribution (n={args.n}, synchronous=FULL, WAL): "
              f"median {statistics.median(times):.2f} ms, p99 {p99:.2f} ms, max {times[-1]:.2f} ms")
        took, count, failed = concurrent(Path(tmp) / "conc.db", args.writers, args.per_writer)
        expected = args.writers * args.per_writer
        print(f"concurrent: {args.writers} processes x {args.per_writer} = {count}/{expected} present, "
              f"{'ERRORS' if failed else 'no errors'}, {took:.1f} s, {count / took:.0f} writes/s")


if __name__ == "__main__":
    main()
