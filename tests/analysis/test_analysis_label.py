"""Theme keywords and labels: phrases are words that were neighbours, clock words never name a theme."""

from __future__ import annotations

import numpy as np

from reviewlab.analysis.label import keywords_per_theme, make_label


def test_phrases_are_real_neighbours() -> None:
    texts = ["they know that we know it", "you know that they know it", "the disk filled up", "the disk filled again"]
    keywords = keywords_per_theme(texts, np.array([0, 0, 1, 1]), top=10)
    assert "know know" not in keywords[0]  # "know" and "know" were never next to each other
    assert keywords[1][:2] == ["disk", "disk filled"]


def test_clock_and_calendar_words_never_name_a_theme() -> None:
    texts = ["twenty minutes on Tuesday morning the pager stayed silent",
             "on Monday morning the pager stayed silent for ten minutes",
             "the certificate expired overnight", "an expired certificate again"]
    keywords = keywords_per_theme(texts, np.array([0, 0, 1, 1]), top=10)
    words = {w for k in keywords[0] for w in k.split()}
    assert not words & {"tuesday", "monday", "morning", "minutes", "twenty", "ten"}
    assert make_label(keywords[0]).startswith("pager")
