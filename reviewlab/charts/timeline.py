"""The review timeline: each participant's account of each event, linked viewpoints joined by a rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.errors import MissingColumns
from reviewlab.privacy import visible
from reviewlab.timeline import event_roots

if TYPE_CHECKING:
    from datetime import tzinfo

    import altair as alt
    import pandas as pd

    from reviewlab.model import Review

NEEDED = ("contribution_id", "participant", "event_time", "text", "links_to")


def event_ids(frame: pd.DataFrame) -> list[str]:
    """For each row, the id of the event it describes (`reviewlab.timeline.event_roots`: chains and cycles)."""
    return event_roots(list(frame["contribution_id"]), list(frame["links_to"]))


def _zone(zone: str | Review | None) -> tuple[tzinfo, str]:
    from datetime import timezone

    from reviewlab.model import Review
    from reviewlab.timezones import as_tzinfo, check_timezone, zone_name, zone_of

    if isinstance(zone, Review):
        return zone_of(zone), zone_name(zone)
    checked = check_timezone(zone, "zone")
    if checked is None:
        return timezone.utc, "UTC"
    return as_tzinfo(checked), checked if "/" in checked or checked == "UTC" else f"UTC{checked}"


def timeline_chart(frame: pd.DataFrame, *, zone: str | Review | None = None) -> alt.Chart:
    """A timeline of events, one row per participant, several viewpoints on one event joined.

    Arguments:
        frame: contributions (e.g. `Archive.contributions_frame(review_id)`); rows that are not timeline
            events, or are private, are left out when the frame has `kind` and `private` columns.
        zone: the zone to show times in: a review (its zone, `Review.timezone`), a zone name such as
            Europe/Berlin or an offset such as +01:00; None shows UTC. The axis title names it.

    Returns:
        An Altair layered chart: a point per account (tooltip: who, when, words) and a rule joining
        the accounts of one event. Events without a placeable time (imported as written) are not
        drawn; the subtitle says how many.

    Raises:
        MissingColumns: the frame lacks one of contribution_id, participant, event_time, text, links_to.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"contribution_id": ["a", "b"], "participant": ["Ana", "Bo"],
        ...     "event_time": pd.to_datetime(["2025-01-01T10:00Z", "2025-01-01T10:04Z"]),
        ...     "text": ["alert", "I saw it at 10:04"], "links_to": [None, "a"]})
        >>> timeline_chart(f).to_dict()["layer"][1]["mark"]["type"]
        'point'
    """
    import altair as alt
    import pandas as pd

    missing = [c for c in NEEDED if c not in frame.columns]
    if missing:
        msg = f"timeline_chart needs columns {missing}; got {sorted(frame.columns)}"
        raise MissingColumns(msg)
    data = frame
    if "kind" in data.columns:
        data = data[data["kind"] == "timeline_event"]
    data = visible(data)
    unplaced = int(data["event_time"].isna().sum())
    data = data.assign(event=event_ids(data) if len(data) else [])  # links may run through an undrawn event
    data = data.dropna(subset=["event_time"])
    tz, label = _zone(zone)
    times = pd.to_datetime(data["event_time"], utc=True)
    # the wall-clock time in the zone, drawn on a UTC scale, so no browser or converter shifts it again
    wall = times.dt.tz_convert(tz).dt.tz_localize(None).dt.tz_localize("UTC") if len(data) else times
    data = data.assign(event_time=wall, when=wall.dt.strftime("%H:%M") + f" {label}")
    data = data[["contribution_id", "participant", "event_time", "when", "text", "event"]].reset_index(drop=True)
    base = alt.Chart(data).encode(
        x=alt.X("event_time:T", title=f"event time ({label})", axis=alt.Axis(format="%H:%M"),
                scale=alt.Scale(type="utc")),
        y=alt.Y("participant:N", title=None),
    )
    rules = base.mark_line(color="#999", strokeDash=[3, 3]).encode(detail="event:N")
    points = base.mark_point(filled=True, size=90).encode(
        color=alt.Color("participant:N", legend=None),
        tooltip=[alt.Tooltip("participant:N"), alt.Tooltip("when:N", title="when"), alt.Tooltip("text:N")],
    )
    title = alt.TitleParams("Timeline: who saw what, when", subtitle=(
        [f"{unplaced} event(s) without a placeable time are not drawn; the report lists them in place"]
        if unplaced else []))
    return alt.layer(rules, points).properties(width=600, height=alt.Step(36), title=title)
