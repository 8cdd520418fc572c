"""A save that fails for a reason that is not reviewlab's own (a full disk, a broken character) shows as failed,
keeps the words in the box, and puts no traceback on the page."""

from __future__ import annotations

import pytest

from reviewlab import open_archive
from reviewlab.capture import MeetingConsole, ensure_demo_review


@pytest.fixture
def console(archive, demo, coach, clock):
    return MeetingConsole(archive, demo.id, now=clock, coach=coach, chart=False)


def test_a_lone_surrogate_pasted_in_is_not_saved_and_the_words_stay(archive, demo, console):
    console.say("Sam Ito", "observation", "A good one first.")
    assert "Saved (observation, Sam Ito)" in console.entry.status.value
    pasted = "Copied from the chat \ud83d and cut in half."  # half of an emoji: Python allows it, UTF-8 does not
    console.entry.fill("Maya Chen", "observation", pasted)
    console.entry.submit_button.click()
    status = console.entry.status.value
    assert "Not saved" in status and "Saved (" not in status
    assert console.entry.text.value == pasted
    assert console.entry.output.outputs == ()  # no traceback in a corner
    assert [c.text for c in archive.contributions(demo.id)] == ["A good one first."]


def test_a_full_disk_is_said_and_nothing_typed_is_lost(tmp_path, coach, clock):
    with open_archive(tmp_path / "small.db") as archive:
        review = ensure_demo_review(archive)
        console = MeetingConsole(archive, review.id, now=clock, coach=coach, chart=False)
        pages = archive._conn.execute("PRAGMA page_count").fetchone()[0]
        archive._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own 'database or disk is full'
        words = "Long notes. " * 400
        console.entry.fill("Leo Brandt", "observation", words)
        console.entry.submit_button.click()
        status = console.entry.status.value
        assert "Not saved" in status and "full" in status and "Saved (" not in status
        assert console.entry.text.value == words
        assert console.entry.output.outputs == ()
        assert archive.contributions(review.id) == []
        archive._conn.execute("PRAGMA max_page_count = 1000000")  # space freed: the same press now saves
        console.entry.submit_button.click()
        assert "Saved (observation, Leo Brandt)" in console.entry.status.value
        assert [c.text for c in archive.contributions(review.id)] == [words.strip()]


def test_other_buttons_fail_plainly_too(tmp_path, coach, clock):
    with open_archive(tmp_path / "small.db") as archive:
        review = ensure_demo_review(archive)
        console = MeetingConsole(archive, review.id, now=clock, coach=coach, chart=False)
        c = console.say("Sam Ito", "observation", "x")
        pages = archive._conn.execute("PRAGMA page_count").fetchone()[0]
        archive._conn.execute(f"PRAGMA max_page_count = {pages}")
        console.correct(c.id, text="A much longer correction. " * 188)
        assert "Not corrected" in console.entry.status.value and "full" in console.entry.status.value
        assert console.entry.correcting == c.id  # still in the form, to try again
        assert console.clock.output.outputs == () and console.fix.output.outputs == ()


def test_an_error_that_is_not_reviewlabs_own_is_said_without_a_traceback(archive, demo, console, monkeypatch):
    """Whatever else goes wrong under a press (here: the archive's write raising a plain OSError, as a
    vanished network share would) the form says so, keeps the words and shows no traceback."""
    def broken(*_args, **_kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(archive, "add_contribution", broken)
    console.entry.fill("Sam Ito", "observation", "Kept, whatever happens.")
    console.entry.submit_button.click()
    status = console.entry.status.value
    assert "Not saved: the archive did not take it (OSError" in status and "still here" in status
    assert console.entry.text.value == "Kept, whatever happens." and console.entry.output.outputs == ()
