"""Reports of one review and of the archive's themes: sections, escaping, private notes, self-contained HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from reviewlab.errors import ReviewlabError, ReviewNotFound
from reviewlab.report import md_escape, review_report, themes_report

FULL = Path(__file__).parent / "data" / "review-pass-full.json"
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def full(archive):
    archive.import_review(FULL)
    archive.add_contribution("t-full", "Bo", "went_right", f"Paging worked {SCRIPT} & *fast*")
    return archive


def test_markdown_has_every_section_in_order(full):
    md = review_report(full, "t-full", "md")
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == ["# t-full: Search results empty after index swap", "## Summary",
                        "## Timeline, with each viewpoint", "## What went right",
                        "## What we know now that we didn't before", "## Questions asked",
                        "## Repair items parked for planning"]
    assert "- **Severity**: SEV2" in md


def test_timeline_shows_viewpoints_under_their_event(full):
    md = review_report(full, "t-full", "md")
    i = md.index("- 08:15 \u00b7 **Bo**: 08:15 the alias flipped to the new index.")
    assert md[i:].splitlines()[1].startswith("  - **Ana**: I think the flip was closer to quarter past")


def test_plan_table_when_there_is_a_plan(full):
    md = review_report(full, "t-full", "md")
    assert "| Repair item | Raised by | Effort | Impact | Owner | Due | Status |" in md
    assert "| Check the document count before an alias swap. | Bo | S | high | Bo | 2025-06-20 | in progress |" in md
    assert "(merged into t-full-c7)" in md


def test_parked_items_without_plan(archive, review):
    archive.add_contribution("r1", "Ana", "repair_item", "Add a canary for config pushes.")
    md = review_report(archive, "r1", "md")
    assert "- **Ana**: Add a canary for config pushes.\n\nNot planned yet." in md
    assert "Nothing recorded yet: ask how the team recovered." in md


def test_private_interview_notes_are_left_out(full):
    for fmt in ("md", "html"):
        out = review_report(full, "t-full", fmt, charts=False)
        assert "my own shopping list came back blank" not in out
        assert "1 private interview note(s) left out." in out


def test_script_in_a_contribution_comes_out_escaped(full):
    md = review_report(full, "t-full", "md")
    page = review_report(full, "t-full", "html")
    assert not re.search(r"(?<!\\)<script", md) and "<script" not in page.lower()
    assert r"Paging worked \<script\>alert('x')\</script\> \& \*fast\*" in md
    assert "Paging worked &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; *fast*" in page


def test_html_is_self_contained_with_charts_inlined(full):
    page = review_report(full, "t-full", "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"(src|href)=['\"]?https?:", page)
    images = re.findall(r"<img alt='([^']*)' src='data:image/svg\+xml;base64,", page)
    assert images == ["Timeline chart: who saw what, when", "Chart: contributions per participant and kind"]


def test_markdown_escape_keeps_text_plain():
    assert md_escape("# not a heading") == r"\# not a heading"
    assert md_escape("1. not a list") == r"1\. not a list"
    assert md_escape("- not a bullet") == r"\- not a bullet"
    assert md_escape("[link](http://x)") == r"\[link\](http://x)"
    assert md_escape("two\nlines") == "two<br>lines"


def test_unknown_review_and_format(full):
    with pytest.raises(ReviewNotFound, match="Try: reviewlab list"):
        review_report(full, "nope")
    with pytest.raises(ReviewlabError, match="unknown report format 'pdf'; use md or html"):
        review_report(full, "t-full", "pdf")  # type: ignore[arg-type]


@pytest.fixture
def themes():
    return pd.DataFrame({
        "theme": [0, 1, -1], "label": ["stale <cache>", "pager routing", "outliers"], "n_reviews": [2, 5, 9],
        "size": [3, 8, 20], "keywords": [["cache", "key"], ["pager"], []],
        "first_seen": pd.to_datetime(["2025-01-05", "2025-02-11", "2025-01-01"], utc=True),
        "last_seen": pd.to_datetime(["2025-02-11", "2025-06-20", "2025-07-01"], utc=True),
        "representatives": [[SCRIPT, "cache key lacked region"], ["pages went to the old rota"], []],
    })


def test_themes_report_markdown(themes):
    md = themes_report(themes, "md")
    assert md.startswith("# Themes across reviews\n\n2 theme(s), the most recurring first.")
    assert "| pager routing | 5 | 8 | 2025-02-11 | 2025-06-20 |" in md
    assert md.index("## pager routing") < md.index(r"## stale \<cache\>")
    assert "outliers" not in md and not re.search(r"(?<!\\)<", md)
    assert "Keywords: cache, key" in md


def test_themes_report_html(themes):
    page = themes_report(themes, "html")
    assert "<script" not in page.lower() and "<h2>stale &lt;cache&gt;</h2>" in page
    assert page.count("data:image/svg+xml;base64,") == 1


def test_themes_report_uses_the_analysts_names(themes):
    """A catalogue's frame (id, display): the analyst's name heads the row and the section, the label follows."""
    named = themes.assign(id=["T0001", "T0002", "T0003"],
                          display=["Cache keys without the region", "pager routing", "outliers"])
    md = themes_report(named, "md")
    assert "| Theme | Id | Reviews | Contributions | First seen | Last seen |" in md
    assert "| Cache keys without the region | T0001 | 2 | 3 | 2025-01-05 | 2025-02-11 |" in md
    assert "## Cache keys without the region\n\nGenerated label: stale \\<cache\\>" in md
    assert "## pager routing\n\nKeywords: pager" in md  # no name given: no "generated label" line
    page = themes_report(named, "html")
    assert "<h2>Cache keys without the region</h2>" in page


def test_plan_table_shows_the_themes_an_item_addresses():
    from pathlib import Path

    from reviewlab import open_archive
    from reviewlab.report import review_report

    with open_archive(":memory:") as archive:
        archive.import_review(Path(__file__).parent / "data" / "review-pass-full.json")
        md = review_report(archive, "t-full", "md", charts=False)
    assert "Themes addressed" in md
    assert "search / alias / index" in md
