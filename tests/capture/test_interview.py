"""Interviews before the meeting, and the topics proposed from them."""

from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import pytest

from reviewlab.analysis import find_themes
from reviewlab.analysis.testing import KeywordEmbedder
from reviewlab.capture import InterviewDesk, MeetingConsole, TopicPicker, propose_topics
from reviewlab.capture.demo import DEMO_INTERVIEWS
from reviewlab.errors import MissingColumns
from reviewlab.model import Phase, Status

THEMER = partial(find_themes, model=KeywordEmbedder())


@pytest.fixture
def desk(archive, demo, coach):
    desk = InterviewDesk(archive, demo.id, coach=coach)
    for who, kind, text, when, private in DEMO_INTERVIEWS:
        assert desk.note(who, kind, text, event_time=when, private=private) is not None
    return desk


def test_notes_are_interview_contributions(archive, demo, desk):
    notes = archive.contributions(demo.id, phase="interview")
    assert len(notes) == len(DEMO_INTERVIEWS)
    assert {c.kind.value for c in notes} == {"observation", "timeline_event", "went_right"}
    assert [c.private for c in notes].count(True) == 1
    assert archive.get_review(demo.id).status is Status.INTERVIEWING
    desk.entry.participant.value = "Maya Chen"
    assert "&#128274;" in desk.notes.value  # the private note is marked


def test_openers_and_hints_in_the_interview(desk):
    assert [o for o in desk.entry.openers.options if o] == ["interview opener one", "interview opener two"]
    desk.entry.openers.value = "interview opener one"
    assert desk.entry.text.value == "interview opener one" and desk.entry.kind.value == "question"
    desk.entry.text.value = "Why was the feed late?"
    assert "why_question" in desk.entry.hints.value


def test_private_note_stays_off_the_meeting_board(archive, demo, desk, coach):
    console = MeetingConsole(archive, demo.id, coach=coach, chart=False)
    assert "in the channel" not in console.board.columns.value
    assert "The price feed alert paged me" in console.board.columns.value  # shared interview notes show
    assert console.session.phase is Phase.MEETING


def test_topics_ranked_by_people_then_differences(archive, demo, desk):
    frame = archive.contributions_frame(demo.id)
    topics = propose_topics(frame[~frame["private"]], themer=THEMER)
    assert list(topics["n_people"]) == sorted(topics["n_people"], reverse=True)
    top = topics.iloc[0]
    assert top["n_people"] >= 2
    assert not any("in the channel" in t for texts in topics["texts"] for t in texts)
    with pytest.raises(MissingColumns):
        propose_topics(frame[["text"]], themer=THEMER)


def test_differing_accounts_are_flagged(archive, demo, desk):
    frame = archive.contributions_frame(demo.id)
    feed = frame[frame["text"].str.contains("feed landed")]
    topics = propose_topics(feed, themer=one_theme)
    assert (topics.iloc[0]["n_people"], topics.iloc[0]["why"]) == (2, "times differ")


def one_theme(frame, text_column="text", **_options):
    """A theme finder that puts every text in theme 0 (to test the ranking on its own)."""
    return SimpleNamespace(assignments=frame.assign(theme=0, theme_label="the feed"))


def test_pick_agenda_is_saved_and_shown_in_the_meeting(archive, demo, desk, coach):
    picker = TopicPicker(archive, demo.id, themer=THEMER)
    assert "No interview notes" not in picker.table()
    agenda = picker.pick([0, 1], minutes=20)
    assert [a.minutes for a in agenda] == [20, 20] and picker.agenda_size == 2
    assert all(a.contribution_ids for a in agenda)
    console = MeetingConsole(archive, demo.id, coach=coach, chart=False)
    assert agenda[0].title.split()[0] in console.clock.display.value
    picker.pick([1])  # picking again replaces the agenda
    assert len(archive.agenda(demo.id)) == 1


def test_real_question_bank_offers_openers(archive, demo):
    desk = InterviewDesk(archive, demo.id)  # reviewlab.coach
    openers = [o for o in desk.entry.openers.options if o]
    assert len(openers) >= 3 and all(o.endswith("?") for o in openers)
