"""Fixtures for the capture widgets: a fake coach, a movable clock, a demo review in memory."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from reviewlab.archive import Archive
from reviewlab.capture.demo import ensure_demo_review
from reviewlab.model import Review


@dataclass
class FakeFinding:
    label: str
    span: tuple[int, int]
    explanation: str
    suggestion: str | None


class FakeCoach:
    """Flags a leading 'why' and suggests a 'what' wording; has a tiny question bank."""

    @staticmethod
    def check(text: str, phase: str | None = None) -> list[FakeFinding]:
        if text.lower().startswith("why"):
            return [FakeFinding("why_question", (0, 3), "A why puts people on the defensive.",
                                "What factored into " + text[4:].rstrip("?") + "?")]
        return []

    @staticmethod
    def questions_for(phase: str) -> list[str]:
        return [f"{phase} opener one", f"{phase} opener two"]

    @staticmethod
    def follow_ups(text: str) -> list[str]:
        return ["Where did that information come from?"]


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self) -> None:
        self.at = datetime(2025, 11, 20, 13, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, minutes: float) -> None:
        self.at += timedelta(minutes=minutes)


@pytest.fixture
def coach() -> FakeCoach:
    return FakeCoach()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo(archive: Archive) -> Review:
    """The notebooks' demo review (roster of five, neutral facilitator) in an in-memory archive."""
    return ensure_demo_review(archive)
