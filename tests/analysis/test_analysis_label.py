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


def test_people_never_name_a_theme() -> None:
    """A theme is what happened, not who was there: participants' names stay out of keywords and labels."""
    import pandas as pd

    from reviewlab.analysis import find_themes
    from reviewlab.analysis.testing import KeywordEmbedder

    frame = pd.DataFrame({
        "text": ["Dana knew the ledger job", "only Dana knew the ledger job", "Dana alone knew the ledger job",
                 "the disk filled up", "the disk filled again", "disk filled overnight"],
        "participant": ["Dana Whitfield", "Sam Carter", "Sam Carter", "Sam Carter", "Dana Whitfield", "Sam Carter"],
    })
    with_people = find_themes(frame, model=KeywordEmbedder(), facets=None, names_weight=0)
    without = find_themes(frame.drop(columns="participant"), model=KeywordEmbedder(), facets=None, names_weight=0)
    assert with_people.assignments["theme"].tolist() == without.assignments["theme"].tolist()
    ledger = with_people.assignments["theme"].iloc[0]
    assert "dana" in without.themes.loc[ledger, "keywords"]  # the name would otherwise rank
    assert not {"dana", "whitfield", "sam", "carter"} & {w for k in with_people.themes["keywords"].sum() for w in k.split()}
    assert "ledger" in with_people.themes.loc[ledger, "label"]


def test_a_surname_that_is_also_a_word_still_names_a_theme() -> None:
    import pandas as pd

    from reviewlab.analysis import find_themes
    from reviewlab.analysis.testing import KeywordEmbedder

    frame = pd.DataFrame({
        "text": ["the status page went stale", "status page stale again", "the status page stayed stale",
                 "the disk filled up", "the disk filled again", "disk filled overnight"],
        "participant": ["Will Page", "Dana Whitfield", "Will Page", "Will Page", "Dana Whitfield", "Dana Whitfield"],
    })
    result = find_themes(frame, model=KeywordEmbedder(), facets=None, names_weight=0)
    assert "status page" in result.themes.loc[result.assignments["theme"].iloc[0], "label"]
