"""Submit-to-board latency of the meeting console, kernel side: run by hand.

    .venv/bin/python benchmarks/capture_latency.py [--n 200]

Times `submit_button.click()` on a file archive (WAL, synchronous=FULL): the contribution is
committed, then the board, balance and clock are redrawn from the archive, all before the click
returns. Timeline events also redraw the SVG chart. The browser adds one websocket round trip
(a few ms on loopback) on top of these figures.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from reviewlab import open_archive
from reviewlab.capture import MeetingConsole, ensure_demo_review


class _NoCoach:
    @staticmethod
    def check(text: str) -> list[object]:
        return []

    @staticmethod
    def questions_for(phase: str) -> list[str]:
        return []

    @staticmethod
    def follow_ups(text: str) -> list[str]:
        return []


def _time(console: MeetingConsole, n: int, kind: str) -> list[float]:
    people = ["Sam Ito", "Maya Chen", "Leo Brandt", "Ines Duarte"]
    out = []
    for i in range(n):
        console.entry.fill(people[i % 4], kind, f"Contribution {i}: the feed was late again.",
                           f"{9 + i // 60 % 10:02d}:{i % 60:02d}" if kind == "timeline_event" else "")
        start = time.perf_counter()
        console.entry.submit_button.click()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _line(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    return (f"{label:<42} n={len(ms):<4} median {statistics.median(ms):6.1f} ms   "
            f"p95 {ms[int(0.95 * (len(ms) - 1))]:6.1f} ms   max {ms[-1]:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="submissions per kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open_archive(Path(tmp) / "bench.db") as archive:
        review = ensure_demo_review(archive)
        console = MeetingConsole(archive, review.id, coach=_NoCoach())
        _time(console, 5, "observation")  # warm up
        print(_line("observation (board, no chart redraw)", _time(console, args.n, "observation")))
        events = max(10, args.n // 10)
        print(_line("timeline event (board + SVG chart redraw)", _time(console, events, "timeline_event")))
        print(f"board shows {console.board.shown} contributions at the end")


if __name__ == "__main__":
    main()
