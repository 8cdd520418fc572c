"""Live capture in JupyterLab: prepare a review, interview, run the meeting; every press saved at once.

The only part of reviewlab that imports ipywidgets. Each widget is a thin layer over
`CaptureSession` (archive + clock) and the question coach.

Examples:
    >>> import reviewlab
    >>> from reviewlab.capture import MeetingConsole
    >>> archive = reviewlab.open_archive(":memory:")
"""

from __future__ import annotations

from reviewlab.capture.clock import MeetingClock
from reviewlab.capture.coaching import looks_like_repair
from reviewlab.capture.demo import DEMO_REVIEW_ID, demo_ready, ensure_demo_review
from reviewlab.capture.facilitator import FacilitatorCheck, assign_facilitator, check_facilitator
from reviewlab.capture.session import CaptureSession, parse_event_time
from reviewlab.capture.topics import propose_topics
from reviewlab.capture.voices import VoiceBalance, balance_of_voices
from reviewlab.capture.widget_board import Board
from reviewlab.capture.widget_choose import ReviewChooser
from reviewlab.capture.widget_clock import ClockPanel
from reviewlab.capture.widget_entry import EntryForm
from reviewlab.capture.widget_fix import FixPanel
from reviewlab.capture.widget_interview import InterviewDesk
from reviewlab.capture.widget_meeting import MeetingConsole
from reviewlab.capture.widget_planning import PlanningDesk
from reviewlab.capture.widget_review import ReviewSetup
from reviewlab.capture.widget_topics import TopicPicker

__all__ = [
    "DEMO_REVIEW_ID",
    "Board",
    "CaptureSession",
    "ClockPanel",
    "EntryForm",
    "FacilitatorCheck",
    "FixPanel",
    "InterviewDesk",
    "MeetingClock",
    "MeetingConsole",
    "PlanningDesk",
    "ReviewChooser",
    "ReviewSetup",
    "TopicPicker",
    "VoiceBalance",
    "assign_facilitator",
    "balance_of_voices",
    "check_facilitator",
    "demo_ready",
    "ensure_demo_review",
    "looks_like_repair",
    "parse_event_time",
    "propose_topics",
]
