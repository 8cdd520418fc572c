"""Property-based tests (Hypothesis) of the JSON, CSV and Markdown importers and the archive API.

Every generated input either goes in and comes back out unchanged (file -> bundle -> archive -> export
-> archive is a fixed point, and canonical input comes back exactly as given), or fails with a
ReviewlabError and leaves the archive's content hash unchanged. Raise the number of examples with
REVIEWLAB_HYPOTHESIS_EXAMPLES (the default keeps `make test` quick).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlab import open_archive
from reviewlab.bundle import bundle_from_dict
from reviewlab.errors import ReviewlabError
from reviewlab.importers import import_paths, read_file
from reviewlab.model import Effort, Impact, Kind, Phase, PlanStatus, Role, Severity, Status
from reviewlab.unknowns import NOTE_CODES

EXAMPLES = int(os.environ.get("REVIEWLAB_HYPOTHESIS_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                 HealthCheck.data_too_large])
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # events outside the window warn, as they should

ANY_CHAR = st.characters(exclude_categories=())  # surrogates and control characters included
GOOD_CHAR = st.one_of(st.characters(exclude_categories=("Cs", "Cc")), st.sampled_from("\n\t"))
ONE_LINE_CHAR = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))
any_text = st.text(ANY_CHAR, max_size=40)
good_text = st.text(GOOD_CHAR, min_size=1, max_size=60).map(str.strip).filter(bool)
name_text = st.text(ONE_LINE_CHAR, min_size=1, max_size=30).map(str.strip).filter(bool)
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}", fullmatch=True)
ZONES = [timezone.utc, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)),
         timezone(timedelta(hours=5, minutes=30))]
times = st.datetimes(min_value=datetime(1990, 1, 2), max_value=datetime(2150, 1, 1),
                     timezones=st.sampled_from(ZONES)).map(datetime.isoformat)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | any_text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
                           max_leaves=6)


def maybe(strategy):
    return st.none() | strategy


@st.composite
def bundles(draw) -> dict:
    """A canonical review JSON (as export_review writes it): every field given, values as the model keeps them."""
    names = draw(st.lists(name_text, min_size=1, max_size=4, unique=True))
    people = [{"name": n, "role": draw(st.sampled_from(list(Role))).value, "responded": draw(st.booleans())}
              for n in names]
    cids = draw(st.lists(ids, min_size=0, max_size=6, unique=True))
    contributions = []
    for cid in cids:
        kind = draw(st.sampled_from(list(Kind))).value
        event = kind == "timeline_event"
        untimed = event and draw(st.booleans())  # an imported event may keep only its time as written
        contributions.append({
            "id": cid, "participant": draw(st.sampled_from(names)), "phase": draw(st.sampled_from(list(Phase))).value,
            "kind": kind, "text": draw(good_text), "recorded_at": draw(times),
            "event_time": None if untimed else draw(times) if event else draw(maybe(times)),
            "tags": draw(st.lists(name_text, max_size=3)),
            "links_to": draw(maybe(st.sampled_from([c for c in cids if c != cid]))) if len(cids) > 1 else None,
            "private": draw(st.booleans()), "time_text": draw(name_text) if untimed else None})
    repairs = [c["id"] for c in contributions if c["kind"] == "repair_item"]
    plans = [{"item_id": item, "effort": draw(maybe(st.sampled_from(list(Effort)))),
              "impact": draw(maybe(st.sampled_from(list(Impact)))), "owner": draw(maybe(name_text)),
              "due": draw(maybe(st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2150, 1, 1).date())
                                .map(lambda d: d.isoformat()))),
              "status": draw(st.sampled_from(list(PlanStatus))).value,
              "merged_into": draw(maybe(st.sampled_from([c for c in cids if c != item]))) if len(cids) > 1 else None,
              "note": draw(st.just("") | good_text), "planned_at": draw(maybe(times))}
             for item in repairs if draw(st.booleans())]
    for p in plans:
        for key in ("effort", "impact"):
            p[key] = p[key].value if p[key] is not None else None
    themes = [{"item_id": item, "theme_label": label, "confirmed_by": draw(name_text), "confirmed_at": draw(times)}
              for item in repairs for label in sorted(set(draw(st.lists(name_text, max_size=2))))]
    agenda = [{"title": draw(good_text), "minutes": draw(st.integers(1, 90)),
               "contribution_ids": draw(st.lists(st.sampled_from(cids), max_size=2)) if cids else []}
              for _ in range(draw(st.integers(0, 2)))]
    start = draw(maybe(times))
    day = (datetime.fromisoformat(start).date() if start else draw(maybe(st.dates(min_value=date(1990, 1, 1),
                                                                                  max_value=date(2150, 1, 1)))))
    review = {"id": draw(ids), "title": draw(good_text), "incident_start": start, "incident_end": None,
              "incident_date": day.isoformat() if day else None,
              "document_date": draw(maybe(st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 1, 1))
                                          .map(date.isoformat))),
              "severity": draw(maybe(st.sampled_from(list(Severity)).map(lambda s: s.value))),
              "services": draw(st.lists(name_text, max_size=3)),
              "summary": draw(st.just("") | good_text), "facilitator": draw(maybe(st.sampled_from(names))),
              "facilitator_override": draw(maybe(good_text)), "status": draw(st.sampled_from(list(Status))).value,
              "meeting_at": draw(maybe(times)), "planning_at": draw(maybe(times)),
              "planning_override": draw(maybe(good_text))}
    notes = [{"code": draw(st.sampled_from(NOTE_CODES)), "text": draw(good_text), "line": draw(maybe(st.integers(1, 9999)))}
             for _ in range(draw(st.integers(0, 2)))]
    return {"format": "reviewlab/review", "version": 1, "review": review, "participants": people,
            "contributions": contributions, "plans": plans, "agenda": agenda, "item_themes": themes,
            "import_notes": notes}


def _leaves(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _leaves(value, (*path, i))


def _replace(data, path, value):
    if not path:
        return value
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _round_trips(archive, bundle) -> None:
    """What went in comes out exactly; importing the export again changes nothing (a fixed point)."""
    exported = archive.export_review(bundle.review.id)
    assert exported == bundle.to_dict()
    before = archive.content_hash()
    archive.import_review(exported, overwrite=True)
    assert archive.content_hash() == before


def _import_file(path: Path) -> None:
    """Import one file into a fresh archive holding one other review: all of it, or an error and no change."""
    with open_archive(":memory:") as archive:
        archive.import_review(json.loads(Path(__file__).with_name("data").joinpath("review-pass-full.json").read_text()))
        before = archive.content_hash()
        try:
            parsed = import_paths(archive, [path])
        except ReviewlabError:
            assert archive.content_hash() == before
            return
        for bundle in parsed[0].bundles:
            _round_trips(archive, bundle)


def _write(suffix: str, data: bytes):
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / f"input{suffix}"
    path.write_bytes(data)
    return folder, path


# -- JSON ----------------------------------------------------------------------------------------
@SETTINGS
@given(bundles())
def test_canonical_json_comes_back_exactly(data):
    folder, path = _write(".json", json.dumps(data, ensure_ascii=False).encode("utf-8"))
    with folder, open_archive(":memory:") as archive:
        import_paths(archive, [path])
        assert archive.export_review(data["review"]["id"]) == data
        _round_trips(archive, bundle_from_dict(data))


@SETTINGS
@given(bundles(), st.data())
def test_json_with_any_field_replaced_goes_in_whole_or_not_at_all(data, draw):
    paths = list(_leaves(data))
    path = draw.draw(st.sampled_from(paths), label="path")
    changed = _replace(data, path, draw.draw(json_values, label="value"))
    folder, file = _write(".json", json.dumps(changed, ensure_ascii=True).encode("utf-8"))
    with folder:
        _import_file(file)


@SETTINGS
@given(bundles(), st.data())
def test_json_bytes_damaged_anywhere_go_in_whole_or_not_at_all(data, draw):
    raw = bytearray(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    for _ in range(draw.draw(st.integers(1, 3))):
        at = draw.draw(st.integers(0, len(raw)))
        raw[at:at + draw.draw(st.integers(0, 2))] = draw.draw(st.binary(max_size=3))
    folder, file = _write(".json", bytes(raw))
    with folder:
        _import_file(file)


# -- CSV -----------------------------------------------------------------------------------------
_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_STRAY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]")


def _as_read(text: str) -> str:
    """What the CSV importer documents it does to a text: line breaks unified, stray controls left out, trimmed."""
    return _STRAY.sub("", _BREAKS.sub("\n", text)).strip()


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["q1", "q2", ".."]), st.one_of(name_text, any_text),
                          st.sampled_from([*list(Kind), "feeling"]), st.one_of(good_text, any_text),
                          st.sampled_from(["", "yes", "no", "false", "maybe"])), min_size=1, max_size=6))
def test_csv_rows_go_in_as_written_or_not_at_all(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["review_id", "review_title", "incident_start", "participant", "kind", "text", "private"])
    for rid, who, kind, text, private in rows:
        writer.writerow([rid, "Queue", "2025-01-02T10:00:00+00:00", who, kind, text, private])
    folder, path = _write(".csv", out.getvalue().encode("utf-8", "surrogatepass"))
    with folder:
        try:
            parsed = read_file(path)
        except ReviewlabError:
            parsed = None
        if parsed is not None:  # every row became one contribution with its text as written (or as documented)
            got = [c.text for b in parsed.bundles for c in b.contributions]
            by_review: dict[str, list[str]] = {}
            for rid, _who, _kind, text, _private in rows:
                by_review.setdefault(rid, []).append(_as_read(text))
            assert got == [t for b in parsed.bundles for t in by_review[b.review.id]]
        _import_file(path)


@SETTINGS
@given(st.binary(max_size=6), st.integers(0, 400))
def test_csv_bytes_damaged_anywhere_go_in_whole_or_not_at_all(junk, at):
    good = (Path(__file__).parent / "data" / "contributions-pass-two-reviews.csv").read_bytes()
    folder, path = _write(".csv", good[:at] + junk + good[at:])
    with folder:
        _import_file(path)


# -- Markdown ------------------------------------------------------------------------------------
@SETTINGS
@given(st.one_of(good_text, any_text), st.lists(st.one_of(good_text, any_text), min_size=1, max_size=4),
       st.lists(st.one_of(good_text, any_text), max_size=3), st.sampled_from(["UTC", "+02:00", "Mars/Olympus", ""]))
def test_markdown_postmortems_go_in_whole_or_not_at_all(title, went_well, events, zone):
    lines = [f"# {title}", "", "Date: 2025-05-06", f"Timezone: {zone}", "Severity: SEV2", "", "## Timeline", ""]
    lines += [f"- 14:{i:02d} {text}" for i, text in enumerate(events)] + ["", "## What went well", ""]
    lines += [f"- {text}" for text in went_well]
    folder, path = _write(".md", "\n".join(lines).encode("utf-8", "surrogatepass"))
    with folder:
        try:
            parsed = read_file(path)
        except ReviewlabError:
            parsed = None
        if parsed is not None:
            kept = {c.text for c in parsed.bundles[0].contributions}
            for text in went_well:  # plain words come through as written (an empty bullet is left out)
                if re.fullmatch(r"[A-Za-z0-9 ,]+", text) and text.strip():
                    assert text.strip() in kept
        _import_file(path)


# -- the archive API, called with anything -------------------------------------------------------
anything = st.one_of(json_values, st.sampled_from(list(Kind)), times, ids)


@SETTINGS
@given(who=st.one_of(st.just("Ana"), anything), kind=st.one_of(st.sampled_from(list(Kind)), anything),
       text=st.one_of(good_text, anything), event_time=st.one_of(st.none(), times, anything),
       tags=st.one_of(st.just(()), anything), links_to=st.one_of(st.none(), st.just("seed"), anything),
       private=st.one_of(st.booleans(), anything), phase=st.one_of(st.sampled_from(list(Phase)), anything))
def test_add_contribution_stores_what_it_returns_or_changes_nothing(who, kind, text, event_time, tags, links_to,
                                                                    private, phase):
    from reviewlab.model import Participant, Review

    with open_archive(":memory:") as archive:
        archive.add_review(Review("r1", "T", "2025-01-02T10:00:00+00:00"), [Participant("Ana")])
        archive.add_contribution("r1", "Ana", "observation", "seed text", id="seed")
        before = archive.content_hash()
        try:
            c = archive.add_contribution("r1", who, kind, text, event_time=event_time, tags=tags, links_to=links_to,
                                         private=private, phase=phase)
        except ReviewlabError:
            assert archive.content_hash() == before
            return
        assert archive.get_contribution(c.id) == c
