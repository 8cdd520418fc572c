"""Real postmortems as people write them: every style imports with no flags, what cannot be read
exactly is kept as written, and every assumption is an import note."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reviewlab.errors import ImportFormatError
from reviewlab.importers import import_paths, read_file

DATA = Path(__file__).parent / "data"
NOW = datetime(2025, 10, 1, 12, 0, tzinfo=timezone.utc)
UTC = timezone.utc


def read(name, **options):
    return read_file(DATA / name, now=NOW, **options).bundles[0]


def kinds(bundle):
    return Counter(c.kind.value for c in bundle.contributions)


def events(bundle):
    return [c for c in bundle.contributions if c.kind.value == "timeline_event"]


def notes(bundle, code=None):
    return [n.text for n in bundle.notes if code is None or n.code == code]


def tz(hours, minutes=0):
    return timezone(timedelta(hours=hours, minutes=minutes))


def test_blameless_retro_reads_its_loose_times():
    b = read("postmortem-pass-blameless-retro.md")
    assert (b.review.severity.value, b.review.facilitator) == ("SEV3", "Priya Natarajan")  # "Sev 3"
    assert {p.name for p in b.participants} >= {"Sam Okoro", "Lee Carter", "Priya Natarajan"}
    timed = [(c.time_text, c.event_time) for c in events(b)]
    edt = tz(-4)  # "Eastern" in June
    assert timed[:6] == [("9:02 pm", datetime(2025, 6, 13, 21, 2, tzinfo=edt)),
                         ("~21:40", datetime(2025, 6, 13, 21, 40, tzinfo=edt)),
                         ("11:39PM", datetime(2025, 6, 13, 23, 39, tzinfo=edt)),
                         ("23:48", datetime(2025, 6, 13, 23, 48, tzinfo=edt)),
                         ("00:20", datetime(2025, 6, 14, 0, 20, tzinfo=edt)),  # past midnight, no new date line
                         ("00:31", datetime(2025, 6, 14, 0, 31, tzinfo=edt))]
    assert "The queue depth graph shows the drop" in events(b)[1].text  # a sub-bullet joins its entry
    last = events(b)[6]
    assert last.event_time is None and last.text.startswith("Somewhere after 02:00 the last invoices go out")
    assert any("placed on the next day, 2025-06-14" in n for n in notes(b))
    assert any("approximate" in n for n in notes(b))
    hard = [c.text for c in b.contributions if "What was hard" in c.tags]
    assert len(hard) == 2 and kinds(b)["went_right"] == 2 and kinds(b)["learning"] == 1
    assert [(p.owner, p.status.value) for p in b.plans] == [("Lee Carter", "done")]


def test_project_report_with_front_matter_day_headings_and_footnotes():
    b = read("postmortem-pass-project-report.md")
    assert b.review.title == "Incident report: compromised maintainer token on the package index"
    assert any("the title comes from the front matter" in n for n in notes(b, "title"))
    assert b.review.document_date == date(2025, 6, 20)
    assert {p.name for p in b.participants} >= {"Robin Vale", "Dana Mwangi"}
    assert b.review.summary.startswith("On June 11, 2025 a volunteer reported")
    first, *_, last = events(b)
    assert (first.time_text, first.event_time) == ("09:12 EDT (13:12 UTC)", datetime(2025, 6, 11, 13, 12, tzinfo=UTC))
    assert last.event_time == datetime(2025, 6, 12, 12, 30, tzinfo=UTC)  # under the day heading '2025-06-12 Thursday'
    assert "visible in a CI log of the tidyfmt repository" in first.text  # inline code kept, footnote mark dropped
    footnote = [c.text for c in b.contributions if "footnotes" in c.tags]
    assert footnote and footnote[0].startswith("The log was public")
    assert not any("- run: env" in c.text for c in b.contributions)  # code blocks are left out ...
    assert any("1 code block(s) were left out" in n for n in notes(b))  # ... and said to be
    assert any("'more'" in n for n in notes(b, "template"))


def test_atlassian_template_with_emoji_headings_and_instructions_left_in():
    b = read("postmortem-pass-atlassian-template.md")
    assert b.review.severity.value == "SEV2" and b.review.services == ("search-api", "eu-index")
    tags = Counter(t for c in b.contributions for t in c.tags)
    assert tags["leadup"] == 1 and tags["impact"] == 1 and tags["resolution"] == 2  # Response, Recovery
    template = notes(b, "template")
    assert any("[Describe how the team found out about the incident]" in n for n in template)
    assert any("2 HTML comment(s)" in n and "Replace the text in brackets" in n for n in template)
    assert not any(c.text.startswith("[") for c in b.contributions)
    times = [c.event_time for c in events(b)]
    assert times[0] == datetime(2025, 7, 2, 14, 10, tzinfo=UTC) == b.review.incident_start  # 'Time (UTC)' header
    assert any("table header 'Time (UTC)'" in n for n in notes(b, "zone"))
    plans = {p.owner: p.status.value for p in b.plans}
    assert plans == {"Mateo Ruiz": "in_progress", "Aiko Tanaka": "done"}


def test_crlf_bom_and_control_characters_are_cleaned_and_noted(tmp_path):
    plain = read("postmortem-pass-atlassian-template.md")
    raw = (DATA / "postmortem-pass-atlassian-template.md").read_text(encoding="utf-8")
    path = tmp_path / "postmortem-pass-atlassian-template.md"
    path.write_bytes(b"\xef\xbb\xbf" + raw.replace("Fault\n", "Fault\x07\n").replace("\n", "\r\n").encode("utf-8"))
    b = read_file(path, now=NOW).bundles[0]
    assert [c.text for c in b.contributions] == [c.text for c in plain.contributions]
    text = notes(b, "text")
    assert any("byte order mark" in n for n in text) and any("CRLF (Windows)" in n for n in text)
    assert any("1 stray control character(s) (U+0007) were removed" in n for n in text)


def test_a_file_in_another_encoding_is_read_with_a_note(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("# Caf\u00e9 orders lost\n\nThe caf\u00e9 till lost twelve orders.\n".encode("cp1252"))
    b = read_file(path).bundles[0]
    assert b.review.title == "Caf\u00e9 orders lost"
    assert any("not UTF-8" in n and "Windows-1252" in n for n in notes(b, "text"))


def test_german_postmortem():
    b = read("postmortem-pass-german.md")
    assert b.review.severity.value == "SEV2"  # Schweregrad: P2
    assert [p.name for p in b.participants if p.role.value == "responder"] == ["Jana Weber"]  # Autorin
    assert events(b)[0].event_time == datetime(2025, 3, 12, 14, 5, tzinfo=tz(1))  # 12.03.2025, MEZ
    assert kinds(b) == {"timeline_event": 4, "observation": 1, "went_right": 1, "repair_item": 2, "question": 1}
    assert next(c for c in b.contributions if c.kind.value == "observation").tags == ("contributing_factor", "Ursachen")


def test_japanese_postmortem():
    b = read("postmortem-pass-japanese.md")
    assert b.review.incident_start == datetime(2025, 4, 8, 9, 20, tzinfo=tz(9))
    assert [c.event_time.hour for c in events(b)] == [9, 9, 9, 10]
    assert kinds(b) == {"timeline_event": 4, "observation": 1, "went_right": 1, "repair_item": 2}
    assert b.review.summary.startswith("決済APIの応答が約40分間遅くなり")
    assert b.review.severity is None


def test_toml_front_matter():
    b = read("postmortem-pass-toml-front-matter.md")
    r = b.review
    assert (r.title, r.severity.value, r.services) == ("Cache stampede after the Monday deploy", "SEV2",
                                                        ("edge-cache", "catalog-api"))
    assert r.incident_start == datetime(2025, 1, 13, 10, 2, tzinfo=tz(1))  # Europe/Paris in January
    assert r.document_date == date(2025, 1, 15)
    assert any("weight: 3" in n for n in notes(b, "front_matter"))


def test_every_section_as_h1_with_tables_and_an_incident_window():
    b = read("postmortem-pass-every-section-h1.md")
    pdt = tz(-7)
    assert b.review.title == "Mobile push notifications silently dropped"
    assert (b.review.incident_start, b.review.incident_end) == (datetime(2025, 8, 14, 19, 40, tzinfo=pdt),
                                                                 datetime(2025, 8, 14, 23, 5, tzinfo=pdt))
    tbd = events(b)[2]
    assert (tbd.event_time, tbd.time_text) == (None, "2025-08-14")
    assert tbd.text == "TBD \u2014 Someone restarts one gateway pod; no change."  # its words are kept
    assert {p.owner: p.status.value for p in b.plans} == {"Noor Haddad": "done", "Felix Braun": "open"}
    assert kinds(b)["learning"] == 1 and kinds(b)["observation"] == 1


def test_day_headings_and_time_headings():
    b = read("postmortem-pass-day-headings.md")
    cdt = tz(-5)
    timed = [c.event_time for c in events(b) if c.event_time]
    assert timed == [datetime(2025, 5, 12, 23, 10, tzinfo=cdt), datetime(2025, 5, 12, 23, 50, tzinfo=cdt),
                     datetime(2025, 5, 13, 0, 35, tzinfo=cdt), datetime(2025, 5, 13, 4, 27, tzinfo=cdt),
                     datetime(2025, 5, 13, 7, 55, tzinfo=cdt)]
    assert events(b)[3].text.startswith("The replica lag alert fires.")  # '#### 04:27' and the paragraph under it
    assert events(b)[5].event_time is None and events(b)[5].time_text == "Tuesday, May 13"
    assert any("CDT read as Central Daylight Time (US)" in n and "chicago" in n for n in notes(b, "zone"))


def test_html_inside_markdown_and_a_start_in_a_sentence():
    b = read("postmortem-pass-html-in-markdown.md")
    assert b.review.incident_start == datetime(2025, 6, 3, 21, 40, tzinfo=UTC)
    assert any("taken from the summary" in n for n in notes(b, "start"))
    assert "Graph of thumbnail errors rising at 21:40" in b.review.summary  # an image keeps its alt text
    texts = [c.text for c in b.contributions]
    assert "The test images were all greyscale already." in " ".join(texts)  # <details> text is kept
    assert ["Links to the dashboards are in the team wiki."] == [c.text for c in b.contributions
                                                                  if "Apendix" in c.tags]
    assert any("TODO: add the latency graph here" in n for n in notes(b, "template"))


def test_an_abbreviation_with_several_meanings_is_settled_by_the_document():
    b = read("postmortem-pass-ist-ambiguous.md")
    assert events(b)[0].event_time == datetime(2025, 2, 4, 10, 15, tzinfo=tz(5, 30))
    assert any("India Standard Time" in n and "times beside it in UTC" in n for n in notes(b, "zone"))


def test_unknown_severity_stays_unknown():
    b = read("postmortem-pass-severity-unknown.md")
    assert b.review.severity is None
    assert any("'catastrophic' is not one of SEV1-SEV4" in n for n in notes(b, "severity"))
    assert read("postmortem-pass-untitled.md").review.severity is None
    assert any("no severity" in n for n in notes(read("postmortem-pass-untitled.md"), "severity"))


def test_an_impossible_time_is_kept_as_written():
    b = read("postmortem-pass-impossible-time.md")
    last = events(b)[-1]
    assert (last.event_time, last.time_text, last.text) == (None, "2025-06-08 25:70", "Access points restarted.")
    assert any("not a real date or time" in n for n in notes(b, "time"))


def test_times_without_a_zone_wait_for_timezone():
    b = read("postmortem-pass-no-timezone.md")
    assert [c.event_time for c in events(b)] == [None, None]
    assert [c.time_text for c in events(b)] == ["11:04", "11:30"]
    assert (b.review.incident_start, b.review.incident_date) == (None, date(2025, 5, 19))
    assert any("--timezone" in n for n in notes(b, "time"))
    placed = read("postmortem-pass-no-timezone.md", timezone="Europe/Madrid")
    assert placed.review.incident_start == datetime(2025, 5, 19, 11, 4, tzinfo=tz(2))
    assert any("(--timezone)" in n for n in notes(placed, "zone"))
    assert (b.review.timezone, placed.review.timezone) == (None, "Europe/Madrid")  # the review's zone, named


def test_times_without_a_date_wait_for_date(tmp_path):
    path = tmp_path / "undated.md"
    path.write_text("# Queue stall\n\n## Timeline\n\nAll times UTC.\n\n- 14:02 Queue stops.\n- 14:30 Queue drains.\n")
    b = read_file(path).bundles[0]
    assert [c.event_time for c in events(b)] == [None, None]
    assert b.review.incident_start is None and b.review.incident_date is None
    assert any("does not say when the incident started" in n for n in notes(b, "start"))
    dated = read_file(path, day="2025-02-03").bundles[0]
    assert dated.review.incident_start == datetime(2025, 2, 3, 14, 2, tzinfo=UTC)
    with pytest.raises(ImportFormatError, match=r"--date 'soon' is not a date like 2025-05-06"):
        read_file(path, day="soon")
    with pytest.raises(ImportFormatError, match=r"--timezone 'Mars/Olympus' is not a time zone"):
        read_file(path, timezone="Mars/Olympus")


def test_the_title_comes_from_the_file_name_when_nothing_else_gives_one():
    b = read("postmortem-pass-untitled.md")
    assert b.review.title == "postmortem pass untitled"
    assert any("file name 'postmortem-pass-untitled' was used" in n for n in notes(b, "title"))


def test_a_title_from_the_first_heading_and_a_long_title(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("## Disk full on the build farm\n\nThe disk filled up.\n")
    b = read_file(path).bundles[0]
    assert b.review.title == "Disk full on the build farm"
    assert any("first heading" in n for n in notes(b, "title"))
    long = "Outage " + "very " * 60 + "long"
    path.write_text(f"# {long}\n\nIt was long.\n")
    b = read_file(path).bundles[0]
    assert len(b.review.title) <= 200 and b.review.summary.startswith(long)
    assert any("shortened" in n for n in notes(b, "title"))


def test_a_midnight_crossing_after_a_date_line_moves_to_the_next_day(tmp_path):
    path = tmp_path / "night.md"
    path.write_text("# Night batch\n\nSeverity: SEV4\n\n## Timeline\n\n2025-01-05 (all times UTC)\n\n"
                    "- 23:50 Batch starts late.\n- 00:20 Batch finishes.\n  It took 30 minutes.\n")
    b = read_file(path).bundles[0]
    assert [c.event_time.isoformat() for c in b.contributions] == ["2025-01-05T23:50:00+00:00",
                                                                  "2025-01-06T00:20:00+00:00"]
    assert b.contributions[1].text == "Batch finishes. It took 30 minutes."


def test_a_year_left_out_is_read_in_the_year_that_keeps_the_date_before_the_incident(tmp_path):
    path = tmp_path / "years.md"
    path.write_text("# March 4th, 2024 deploy outage\n\nAll times in UTC.\n\n## Timeline\n\n"
                    "- [11-28 09:00] The bug is merged.\n- [03-04 10:00] The outage starts.\n")
    b = read_file(path).bundles[0]
    assert [c.event_time.date() for c in events(b)] == [date(2023, 11, 28), date(2024, 3, 4)]
    assert b.review.incident_start == datetime(2024, 3, 4, 10, 0, tzinfo=UTC)  # marked 'outage starts'
    assert any("read in 2023" in n for n in notes(b, "time"))


def test_nothing_half_written_when_one_file_is_not_a_postmortem(archive):
    with pytest.raises(ImportFormatError, match="postmortem-fail-empty.md: is empty"):
        import_paths(archive, [DATA / "postmortem-pass-german.md", DATA / "postmortem-fail-empty.md"])
    assert archive.reviews() == []


def test_import_notes_are_stored_and_survive_export_and_import(archive, tmp_path):
    import_paths(archive, [DATA / "postmortem-pass-blameless-retro.md"], now=NOW)
    rid = "postmortem-pass-blameless-retro"
    stored = archive.import_notes(rid)
    assert stored == read("postmortem-pass-blameless-retro.md").notes and stored
    exported = archive.export_review(rid, tmp_path / "retro.json")
    assert exported["import_notes"][0] == {"code": stored[0].code, "text": stored[0].text, "line": stored[0].line}
    from reviewlab import open_archive

    other = open_archive(tmp_path / "other.db")
    other.import_review(tmp_path / "retro.json")
    assert other.export_review(rid) == exported
    assert other.bundle(rid).contributions[-1].time_text is None  # the untimed entry had no time words
    untimed = [c for c in other.contributions(rid) if c.kind.value == "timeline_event" and c.event_time is None]
    assert [c.text[:9] for c in untimed] == ["Somewhere"]


def test_a_zone_given_only_beside_one_time_is_inferred_for_the_rest(tmp_path):
    path = tmp_path / "window.md"
    path.write_text("# Login outage\n\nIncident window: 2025-05-06 14:02 to 15:10 (UTC)\n\n## Timeline\n\n"
                    "- 14:02 Logins fail.\n- 15:10 Logins work again.\n")
    b = read_file(path).bundles[0]
    assert [c.event_time for c in events(b)] == [datetime(2025, 5, 6, 14, 2, tzinfo=UTC),
                                                 datetime(2025, 5, 6, 15, 10, tzinfo=UTC)]
    assert (b.review.incident_start, b.review.incident_end) == (events(b)[0].event_time, events(b)[1].event_time)
    assert any("the only zone the document gives a time in (inferred" in n for n in notes(b, "zone"))
    chosen = read_file(path, timezone="Europe/Lisbon").bundles[0]  # the user's zone wins over an inference
    assert events(chosen)[0].event_time == datetime(2025, 5, 6, 14, 2, tzinfo=tz(1))
    assert (b.review.timezone, chosen.review.timezone) == ("UTC", "Europe/Lisbon")


def test_a_stated_zone_becomes_the_reviews_zone(tmp_path):
    path = tmp_path / "stated.md"
    path.write_text("# Queue stall\n\nDate: 2025-07-03\n\n## Timeline\n\nAll times in PDT (UTC-7).\n\n"
                    "- 14:02 Queue stops.\n")
    b = read_file(path, timezone="Europe/Berlin").bundles[0]  # what the document states wins over --timezone
    assert b.review.timezone in ("America/Los_Angeles", "-07:00")  # PDT in its season: the offset it names
    assert events(b)[0].event_time.utcoffset().total_seconds() == -7 * 3600


FRAGMENTS = ["# Outage of the queue", "## Timeline", "## Summary", "## Action items", "### 2025-07-26 Saturday",
             "#### 4:27", "- 23:50 Batch starts.", "- 00:10 Batch ends.", "- [03-26 23:04] Node drained.",
             "- ~18:10 restart", "13:55 PM PST Saturday Oct 30th: wave", "All times IST.", "All times in PDT (UTC-7).",
             "| Time (UTC) | Event |", "| --- | --- |", "| 14:10 | Alias moved |", "| 2019-12-03 --:-- | Surge |",
             "---", "title: x", "+++", "Severity: catastrophic", "Date: 2025-02-30", "Incident start: yesterday",
             "<!-- fill me in -->", "<img src='a.png' alt='graph'>", "```", "code", "[^1]: a note", "text[^1]",
             "- [x] Fix it (owner: Ana)", "2025-13-45", "25:70 nothing", "\u3000タイムライン", "Uhr", "",
             "A paragraph of prose about what happened.", "> quoted chat line", "    indented code", "* * *"]


@pytest.mark.parametrize("seed", range(3))
def test_any_document_imports_or_is_refused_in_one_line(tmp_path, seed):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    lines = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), min_size=1, max_size=25)

    @settings(max_examples=60, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(lines=lines, crlf=st.booleans(), salt=st.integers(0, 10**6))
    def check(lines, crlf, salt):
        text = "\n".join(lines + [str(seed)])
        path = tmp_path / f"doc-{seed}-{salt}.md"
        path.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8", "surrogatepass"))
        try:
            b = read_file(path, now=NOW).bundles[0]
        except ImportFormatError as err:
            assert "\n" not in str(err) and ("no prose" in str(err) or "is empty" in str(err) or "binary" in str(err)
                                             or "looks binary" in str(err))
            return
        assert b.review.title and all(c.text.strip() for c in b.contributions)
        b.check()

    check()


def test_front_matter_that_does_not_read_is_noted_and_the_document_still_imports(tmp_path):
    path = tmp_path / "fm.md"
    path.write_text("---\ndate: 2025-13-45\n---\n\n# Queue stall\n\nThe queue stalled.\n")
    b = read_file(path).bundles[0]
    assert b.review.title == "Queue stall" and b.review.summary == "The queue stalled."
    assert any("is not YAML" in n for n in notes(b, "front_matter"))
    path.write_text("+++\ntitle = \n+++\n\n# Queue stall\n\nThe queue stalled.\n")
    b = read_file(path).bundles[0]
    assert any("TOML front matter could not be read" in n and "title =" in n for n in notes(b, "front_matter"))
