"""Writes survive kill -9 of the writer, and concurrent writers lose nothing and never see 'locked'."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from reviewlab import open_archive
from reviewlab.model import Participant, Review

WRITERS, PER_WRITER = 4, 200


def seed(path):
    with open_archive(path) as a:
        a.add_review(Review("r1", "Load test", "2025-03-04T10:00:00+00:00"),
                     [Participant(f"p{i}") for i in range(WRITERS)] + [Participant("solo")])


def test_a_contribution_survives_kill_9_right_after_the_call(tmp_path):
    path = tmp_path / "a.db"
    seed(path)
    script = textwrap.dedent(f"""
        import os, sys
        from reviewlab import open_archive
        a = open_archive({str(path)!r})
        for i in range(25):
            a.add_contribution("r1", "solo", "observation", f"note {{i}}")
        print("written", flush=True)
        sys.stdin.read()  # wait, connection open and WAL not checkpointed, to be killed
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "written"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with open_archive(path) as a:
        texts = [c.text for c in a.contributions("r1")]
    assert texts == [f"note {i}" for i in range(25)]


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "a.db"
    seed(path)
    script = textwrap.dedent(f"""
        import sys
        from reviewlab import open_archive
        who = sys.argv[1]
        with open_archive({str(path)!r}) as a:
            for i in range({PER_WRITER}):
                a.add_contribution("r1", who, "observation", f"{{who}} says {{i}}")
    """)
    start = time.time() + 0.5
    procs = [subprocess.Popen([sys.executable, "-c", f"import time; time.sleep(max(0, {start} - time.time()))\n" + script,
                               f"p{i}"], stderr=subprocess.PIPE, text=True) for i in range(WRITERS)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * WRITERS, errors
    assert not any("locked" in e for e in errors)
    with open_archive(path) as a:
        frame = a.contributions_frame("r1")
    assert len(frame) == WRITERS * PER_WRITER
    assert frame.groupby("participant").size().to_dict() == {f"p{i}": PER_WRITER for i in range(WRITERS)}
    assert frame["text"].is_unique
