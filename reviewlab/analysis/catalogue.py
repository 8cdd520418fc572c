"""The theme catalogue: themes an analyst can trust and keep, stored in the archive with stable ids.

Three sides (`SIDES`): contributing factors (observations, timeline events, learnings), what went
right, and recurring repairs; questions never form themes (`reviewlab.analysis.themes.side_of`).

An update (`update_catalogue`) re-analyses the archive with `find_themes` and keeps ids:

1. Members whose contribution is gone (withdrawn, deleted, made private, review no longer held, kind
   changed side) leave their theme; a member whose text was corrected is placed again like a new one.
2. Each fresh cluster is *matched* to the existing theme that holds most of its earlier-themed
   members, when that theme holds at least `MATCH_SHARE` of the cluster (a cluster made mostly of
   new contributions around a few strays is a new group, not the strays' theme).
3. Existing members stay where they are, unless the evidence moved: the member's fresh cluster is
   matched to another theme, the member no longer fits its own theme (its mean similarity to the
   members is below the clustering's threshold, the rule average linkage merges by) and it does fit
   the other. Members of a theme an analyst merged or split (a curated theme) never move by evidence.
   (Moving whenever the other theme fitted better moved 12 of 811 on the sample and cost planted AMI;
   this rule moves 3; benchmarks/theme_stability.py.)
4. New contributions join the theme their fresh cluster is matched to (when the cluster's earlier
   members sit in several themes, the one of those whose centre they fit best); those of an
   unmatched cluster form a new theme (new id) when there are at least min_size of them; the rest
   join the existing theme whose centre they fit best, if the mean similarity reaches the
   clustering's threshold, else stay without a theme.
5. Pins are applied last: a pinned contribution is in the theme it was pinned to, or in none.

Curation (`rename_theme`, `merge_themes`, `split_theme`, `hide_theme`, `pin_contribution`) writes
the new state and the decision (who, when) in one transaction; every later update starts from that
state, so a name, a merge, a split, a hidden theme and a pin all last. Deterministic for a given
archive and history of updates and decisions.

Light to import: the model loads only when an update embeds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewlab.analysis.themes import SIDE_KINDS, side_of
from reviewlab.errors import NotFound, ValidationError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from reviewlab.archive import Archive

__all__ = [
    "SIDES", "Catalogue", "CatalogueTheme", "CatalogueUpdate", "UnknownTheme", "hide_theme", "load_catalogue",
    "merge_themes", "pin_contribution", "rename_theme", "split_theme", "update_catalogue",
]

SIDES = ("factors", "went_right", "repairs")
"""The catalogue's sides; questions never form themes."""
PREFIX = {"factors": "T", "went_right": "W", "repairs": "R"}
"""The first letter of a theme id, by side: T0007 (factors), W0003 (went right), R0002 (repairs)."""
MATCH_SHARE = 0.2
"""Least share of a fresh cluster an existing theme must hold for the cluster to be that theme."""
HELD_STATUSES = ("meeting_held", "planning_done")
"""Reviews whose contributions the catalogue analyses: a review still being prepared is not yet what was said."""
MAX_NAME = 120
FRAME_COLUMNS = ["id", "name", "label", "display", "status", "size", "n_reviews", "first_seen", "last_seen"]
MEMBER_COLUMNS = ["contribution_id", "review_id", "kind", "text"]


class UnknownTheme(NotFound, KeyError):
    """No theme with that id in the catalogue."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class CatalogueTheme:
    """One theme of the catalogue."""

    id: str
    side: str
    label: str
    name: str | None
    status: str
    merged_into: str | None
    members: tuple[str, ...]
    n_reviews: int
    first_seen: str | None
    last_seen: str | None
    curated: bool = False

    @property
    def display(self) -> str:
        """The analyst's name if given, else the generated label."""
        return self.name or self.label

    @property
    def size(self) -> int:
        """How many contributions are its members."""
        return len(self.members)


class Catalogue:
    """A read view of the archive's theme catalogue (load it with `load_catalogue`)."""

    def __init__(self, themes: Iterable[CatalogueTheme], archive: Archive | None = None) -> None:
        self._themes = {t.id: t for t in themes}
        self._archive = archive
        self._of = {c: t.id for t in self._themes.values() for c in t.members}
        self._seen: pd.DataFrame | None = None

    def __len__(self) -> int:
        return sum(1 for t in self._themes.values() if t.status == "active" and t.members)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.themes(side))} {side}" for side in SIDES)
        return f"Catalogue({counts})"

    def themes(self, side: str = "factors", *, include_hidden: bool = False) -> list[CatalogueTheme]:
        """The side's themes with members, most reviews first (then size, then id); merged ones never."""
        _check_side(side)
        keep = ("active", "hidden") if include_hidden else ("active",)
        found = [t for t in self._themes.values() if t.side == side and t.status in keep and t.members]
        return sorted(found, key=lambda t: (-t.n_reviews, -t.size, t.id))

    def all_themes(self) -> list[CatalogueTheme]:
        """Every theme ever made, merged and empty ones included, by id."""
        return [self._themes[k] for k in sorted(self._themes)]

    def get(self, theme_id: str) -> CatalogueTheme:
        """The theme with this id (merged and hidden ones too).

        Raises:
            UnknownTheme: no such id (the message lists a few known ones).
        """
        key = str(theme_id).strip().upper()
        if key not in self._themes:
            known = [t.id for t in self.themes("factors")][:5]
            hint = f"; known ids include {', '.join(known)}" if known else (
                "; the catalogue is empty: run `reviewlab themes` (or update_catalogue) first")
            msg = f"no theme {theme_id!r} in the catalogue{hint}"
            raise UnknownTheme(msg)
        return self._themes[key]

    def resolve(self, theme_id: str) -> str:
        """The active (or hidden) theme a theme id stands for now: follows merges."""
        theme = self.get(theme_id)
        seen = {theme.id}
        while theme.merged_into and theme.merged_into in self._themes and theme.merged_into not in seen:
            theme = self._themes[theme.merged_into]
            seen.add(theme.id)
        return theme.id

    def theme_of(self, contribution_id: str) -> str | None:
        """The theme a contribution is in, None for none."""
        return self._of.get(contribution_id)

    def frame(self, side: str = "factors", *, include_hidden: bool = False) -> pd.DataFrame:
        """One row per theme (as `themes`): id, name, label, display, status, size, n_reviews, first_seen, last_seen."""
        import pandas as pd

        rows = [{"id": t.id, "name": t.name, "label": t.label, "display": t.display, "status": t.status,
                 "size": t.size, "n_reviews": t.n_reviews, "first_seen": t.first_seen, "last_seen": t.last_seen}
                for t in self.themes(side, include_hidden=include_hidden)]
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)

    def members_frame(self, theme_id: str) -> pd.DataFrame:
        """The members of a theme: contribution_id, review_id, kind, text (private notes never shown)."""
        import pandas as pd

        theme = self.get(theme_id)
        if self._archive is None:
            return pd.DataFrame({"contribution_id": list(theme.members)}, columns=MEMBER_COLUMNS)
        frame = self._archive.contributions_frame()
        rows = frame[frame["contribution_id"].isin(set(theme.members))]
        return rows[MEMBER_COLUMNS].reset_index(drop=True)

    def reach(self, theme_ids: Iterable[str], *, until: Any = None) -> set[str]:
        """The reviews whose contributions are members of these themes (merges followed), seen no later
        than `until` (all when None)."""
        import pandas as pd

        wanted = {self.resolve(t) for t in theme_ids if str(t).strip().upper() in self._themes}
        members = {c for t in wanted for c in self._themes[t].members}
        if not members or self._archive is None:
            return set()
        if self._seen is None:  # each member's review and time, read once per catalogue
            from reviewlab.analysis.themes import _seen_at

            frame = self._archive.contributions_frame()
            frame = frame[frame["contribution_id"].isin(set(self._of))]
            self._seen = pd.DataFrame({"review_id": frame["review_id"].to_numpy(),
                                       "seen": _seen_at(frame).to_numpy()}, index=frame["contribution_id"].to_numpy())
        rows = self._seen[self._seen.index.isin(members)]
        if until is not None:
            rows = rows[rows["seen"].isna() | (rows["seen"] <= pd.Timestamp(until))]
        return {str(r) for r in rows["review_id"]}


@dataclass
class CatalogueUpdate:
    """What `update_catalogue` did.

    Attributes:
        catalogue: the catalogue after the update.
        kept: earlier members still in the same theme.
        joined: contributions that joined an existing theme.
        new_themes: themes made by this update (their ids in ``new_ids``).
        moved: earlier members the evidence moved to another theme.
        left_out: earlier members whose contribution is gone or no longer analysed.
        links_resolved: repair-item links that had only a label and now name a theme id.
        links_unresolved: (item_id, label) of links whose label names no theme; kept as they are.
    """

    catalogue: Catalogue
    kept: int = 0
    joined: int = 0
    new_themes: int = 0
    moved: int = 0
    left_out: int = 0
    contributions: int = 0
    new_ids: list[str] = field(default_factory=list)
    links_resolved: int = 0
    links_unresolved: list[tuple[str, str]] = field(default_factory=list)

    def __repr__(self) -> str:
        return (f"CatalogueUpdate({self.contributions} contributions: {self.kept} kept, {self.joined} joined, "
                f"{self.moved} moved, {self.left_out} left, {self.new_themes} new themes)")


# -- state ----------------------------------------------------------------------------------------
@dataclass
class _State:
    themes: dict[str, dict[str, Any]]
    members: dict[str, str]  # contribution id -> theme id
    hashes: dict[str, str]
    since: dict[str, str]
    pins: dict[str, str | None]

    def resolve(self, theme_id: str) -> str:
        seen = set()
        while self.themes[theme_id]["merged_into"] and theme_id not in seen:
            seen.add(theme_id)
            theme_id = self.themes[theme_id]["merged_into"]
        return theme_id

    def new_id(self, side: str) -> str:
        prefix = PREFIX[side]
        numbers = [int(k[1:]) for k in self.themes if k.startswith(prefix) and k[1:].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:04d}"

    def add_theme(self, side: str, now: str, **extra: Any) -> str:
        theme_id = self.new_id(side)
        self.themes[theme_id] = {"id": theme_id, "side": side, "label": "", "name": None, "status": "active",
                                 "merged_into": None, "curated": 0, "n_reviews": 0, "first_seen": None,
                                 "last_seen": None, "created_at": now, "updated_at": now, **extra}
        return theme_id


def _check_side(side: str) -> None:
    if side not in SIDES:
        msg = f"side must be one of {SIDES}; got {side!r}"
        raise ValidationError(msg)


def _load_state(archive: Archive) -> _State:
    themes, members, pins = archive.catalogue_rows()
    return _State({t["id"]: t for t in themes}, {m["contribution_id"]: m["theme_id"] for m in members},
                  {m["contribution_id"]: m["text_hash"] for m in members},
                  {m["contribution_id"]: m["since"] for m in members}, pins)


def _now() -> str:
    from reviewlab.archive.connection import to_text
    from reviewlab.model import utcnow

    return to_text(utcnow()) or ""


def _input_frame(archive: Archive) -> pd.DataFrame:
    """What the catalogue analyses: current, shared contributions of held reviews (questions included:
    they are part of the geometry, though never members), indexed by contribution id."""
    frame = archive.contributions_frame()
    frame = frame[frame["review_status"].isin(HELD_STATUSES)]
    return frame.set_index("contribution_id", drop=False)


def _catalogue(archive: Archive | None, state: _State) -> Catalogue:
    by_theme: dict[str, list[str]] = {}
    for c, t in sorted(state.members.items()):
        by_theme.setdefault(t, []).append(c)
    return Catalogue([CatalogueTheme(t["id"], t["side"], t["label"], t["name"], t["status"], t["merged_into"],
                                     tuple(by_theme.get(t["id"], ())), int(t["n_reviews"]), t["first_seen"],
                                     t["last_seen"], bool(t["curated"])) for t in state.themes.values()], archive)


def _refresh(state: _State, frame: pd.DataFrame, touched: Iterable[str] | None = None) -> None:
    """Labels, review counts and first/last seen of the themes, from their members now (no model)."""
    import numpy as np

    from reviewlab.analysis.label import keywords_per_theme, make_label, people_words
    from reviewlab.analysis.themes import _seen_at

    frame = frame[frame.index.isin(list(state.members))] if len(frame) else frame
    seen = _seen_at(frame) if len(frame) else None
    wanted = set(state.themes) if touched is None else set(touched)
    for side in SIDES:
        kinds = SIDE_KINDS[side]
        rows = frame[frame["kind"].isin(kinds)] if len(frame) else frame
        ids = sorted({state.members[c] for c in rows.index})
        number = {t: i for i, t in enumerate(ids)}
        labels = np.array([number[state.members[c]] for c in rows.index], dtype=int)
        texts = rows["text"].astype(str).tolist() if len(rows) else []
        people = people_words(rows["participant"].dropna().unique() if len(rows) else (), texts)
        keywords = keywords_per_theme(texts, labels, exclude=people) if len(rows) else {}
        for theme_id, row in state.themes.items():
            if row["side"] != side or theme_id not in wanted:
                continue
            if theme_id not in number:
                row.update(n_reviews=0)
                continue
            mine = rows[labels == number[theme_id]]
            when = seen.loc[mine.index].dropna() if seen is not None else []
            row.update(label=make_label(keywords.get(number[theme_id], [])),
                       n_reviews=int(mine["review_id"].nunique()),
                       first_seen=when.min().date().isoformat() if len(when) else None,
                       last_seen=when.max().date().isoformat() if len(when) else None)


def _write(archive: Archive, state: _State, frame: pd.DataFrame, **extra: Any) -> None:
    from reviewlab.analysis.cache import text_hash

    now = _now()
    members = []
    for c, t in sorted(state.members.items()):
        if c not in state.hashes and c in frame.index:
            state.hashes[c] = text_hash(str(frame.at[c, "text"]))
        members.append((c, t, state.hashes.get(c, ""), state.since.get(c) or now))
    archive.write_catalogue(list(state.themes.values()), members, **extra)


# -- the update -----------------------------------------------------------------------------------
def update_catalogue(archive: Archive, *, model: Any = None, progress: bool | None = None,
                     **options: Any) -> CatalogueUpdate:
    """Re-analyse the archive and update its theme catalogue, keeping ids and every curation decision.

    Arguments:
        archive: the archive (also the embedding cache).
        model: None for the bundled model, a name, or any object with ``.encode(texts)``.
        progress: progress bars while embedding (None: on long runs only).
        **options: passed to `find_themes` (min_size, threshold, ...; apart/unthemed/own are fixed).

    Returns:
        A `CatalogueUpdate` with the counts and the catalogue.
    """
    import numpy as np

    from reviewlab.analysis.cache import text_hash
    from reviewlab.analysis.cluster import DEFAULT_THRESHOLD, debias
    from reviewlab.analysis.themes import default_min_size, find_themes

    frame = _input_frame(archive)
    state = _load_state(archive)
    now = _now()
    sides = np.array([side_of(k) or "" for k in frame["kind"].astype(str)])
    analysed = frame[sides != ""]
    result = find_themes(frame, model=model, cache=archive, progress=progress, **options) if len(frame) else None
    threshold = float(options.get("threshold", DEFAULT_THRESHOLD))
    min_size = int(options.get("min_size") or default_min_size(int((frame["text"].str.strip() != "").sum())))
    counts = Counter()
    new_ids: list[str] = []
    current = set(analysed.index)
    side_of_member = dict(zip(analysed.index, sides[sides != ""], strict=True))

    # 1. members that are gone leave; corrected texts are placed again
    hashes = {c: text_hash(str(t)) for c, t in zip(analysed.index, analysed["text"], strict=True)}
    for c in sorted(state.members):
        theme = state.themes[state.members[c]]
        if c not in current or side_of_member[c] != theme["side"]:
            counts["left_out"] += c not in current
            del state.members[c]
            state.since.pop(c, None)
            state.hashes.pop(c, None)
        elif state.hashes.get(c) != hashes[c]:
            del state.members[c]
            state.since.pop(c, None)
            state.hashes.pop(c, None)
    for c, t in list(state.members.items()):  # members are always stored on the theme merges lead to
        state.members[c] = state.resolve(t)
    earlier = dict(state.members)

    fresh = result.assignments["theme"] if result is not None else None
    for side in SIDES:
        rows = analysed.index[sides[sides != ""] == side]
        if not len(rows):
            continue
        position = {c: i for i, c in enumerate(rows)}
        pos_all = frame.index.get_indexer(rows)
        vectors = result.embeddings[pos_all]
        space = debias(vectors, 0, groups=frame["kind"].astype(str).to_numpy()[pos_all]) if len(rows) > 1 else vectors
        labels = fresh.to_numpy()[pos_all]
        pinned = {c for c in rows if c in state.pins}

        def sums() -> dict[str, tuple[np.ndarray, int]]:
            out: dict[str, list[int]] = {}
            for c, t in state.members.items():
                if c in position:
                    out.setdefault(t, []).append(position[c])
            return {t: (space[idx].sum(axis=0), len(idx)) for t, idx in out.items()}

        # 2. match each fresh cluster to the theme holding most of its earlier members
        matched: dict[int, str] = {}
        holders: dict[int, list[str]] = {}
        for cluster in sorted(set(labels.tolist()) - {-1}):
            inside = [rows[i] for i in np.flatnonzero(labels == cluster)]
            held = Counter(state.members[c] for c in inside if c in state.members)
            if not held:
                continue
            holders[cluster] = sorted(t for t in held if state.themes[t]["status"] != "merged")
            best, count = min(held.items(), key=lambda kv: (-kv[1], kv[0]))
            if count >= MATCH_SHARE * len(inside):
                matched[cluster] = best
        # 3. earlier members stay unless the evidence moved (never out of curated themes, never pinned)
        centre = sums()
        for c in sorted(c for c in rows if c in state.members and c not in pinned):
            own = state.members[c]
            target = matched.get(int(labels[position[c]]))
            if target is None or target == own or state.themes[own]["curated"] or state.themes[target]["status"] == "merged":
                continue
            x = space[position[c]]
            fit_own = float(x @ centre[own][0]) / centre[own][1] if own in centre else -1.0
            fit_target = float(x @ centre[target][0]) / centre[target][1] if target in centre else -1.0
            if fit_own < threshold < fit_target:
                state.members[c] = target
                counts["moved"] += 1
        # 4. new contributions: the matched theme, a new theme, or the best-fitting centre
        newcomers = [c for c in rows if c not in state.members and c not in pinned]
        unmatched: dict[int, list[str]] = {}
        loose = []
        for c in newcomers:
            cluster = int(labels[position[c]])
            if cluster in matched:
                # the theme its cluster is matched to (of several holders, the best-fitting), if it fits that
                # theme's centre as a loose one must: so an update with no news changes nothing
                x = space[position[c]]
                options = holders[cluster] if len(holders.get(cluster, [])) > 1 else [matched[cluster]]
                fits = [float(x @ centre[t][0]) / centre[t][1] if t in centre else -1.0 for t in options]
                best = int(np.argmax(fits))
                if fits[best] >= threshold:
                    state.members[c] = options[best]
                    counts["joined"] += 1
                else:
                    loose.append(c)
            elif cluster >= 0:
                unmatched.setdefault(cluster, []).append(c)
            else:
                loose.append(c)
        for cluster in sorted(unmatched):
            group = unmatched[cluster]
            if len(group) >= min_size:
                theme_id = state.add_theme(side, now)
                new_ids.append(theme_id)
                for c in group:
                    state.members[c] = theme_id
            else:
                loose += group
        # the loose ones join the best-fitting centre; repeated against the centres they change, until
        # nothing joins, so the next update finds none that would fit (an update with no news is a fixpoint)
        loose = sorted(set(loose))
        for _ in range(20):
            centre = sums()
            live = sorted(t for t in centre if state.themes[t]["status"] != "merged")
            if not live or not loose:
                break
            stacked = np.array([centre[t][0] / centre[t][1] for t in live])
            joined = []
            for c in loose:
                fits = stacked @ space[position[c]]
                best = int(np.argmax(fits))
                if fits[best] >= threshold:
                    state.members[c] = live[best]
                    joined.append(c)
            counts["joined"] += len(joined)
            loose = [c for c in loose if c not in set(joined)]
            if not joined:
                break
        # 5. pins last
        for c in sorted(pinned):
            target = state.pins[c]
            if target is None or target not in state.themes:
                state.members.pop(c, None)
            else:
                state.members[c] = state.resolve(target)
    counts["kept"] = sum(1 for c, t in earlier.items() if state.members.get(c) == t)
    counts["new_themes"] = len(new_ids)
    for c in state.members:
        state.hashes[c] = hashes[c]
        state.since.setdefault(c, now)
    _refresh(state, analysed)
    for t in state.themes.values():
        t["updated_at"] = now
    _write(archive, state, analysed, update={**counts, "contributions": len(analysed),
                                             "model": getattr(result, "model_key", "") if result else ""})
    catalogue = _catalogue(archive, state)
    resolved, unresolved = _resolve_links(archive, catalogue)
    return CatalogueUpdate(catalogue, kept=counts["kept"], joined=counts["joined"], new_themes=len(new_ids),
                           moved=counts["moved"], left_out=counts["left_out"], contributions=len(analysed),
                           new_ids=new_ids, links_resolved=resolved, links_unresolved=unresolved)


def _words(label: str) -> set[str]:
    import re

    return set(re.findall(r"\w[\w.+-]*", label.lower()))


def _resolve_links(archive: Archive, catalogue: Catalogue) -> tuple[int, list[tuple[str, str]]]:
    """Give repair-item links that have only a label (made before the catalogue) a theme id.

    A label names a theme when it equals the theme's label or name; failing that, the factor theme
    whose label shares most words with it (at least half of the words of both). Links that name no
    theme are kept as they are and reported.
    """
    pending = [link for link in archive.item_themes() if link.theme_id is None]
    if not pending:
        return 0, []
    themes = catalogue.themes("factors", include_hidden=True) + catalogue.themes("repairs", include_hidden=True)
    ids: dict[str, str] = {}
    for link in pending:
        exact = [t.id for t in themes if link.theme_label in (t.label, t.name)]
        if exact:
            ids[link.theme_label] = exact[0]
            continue
        words = _words(link.theme_label)
        best = None
        for t in themes:
            shared = len(words & _words(t.label))
            if words and shared * 2 >= max(len(words), len(_words(t.label))) and (best is None or shared > best[0]):
                best = (shared, t.id)
        if best is not None:
            ids[link.theme_label] = best[1]
    resolved = archive.resolve_item_themes(ids) if ids else 0
    unresolved = [(link.item_id, link.theme_label) for link in pending if link.theme_label not in ids]
    return resolved, unresolved


def load_catalogue(archive: Archive) -> Catalogue:
    """The archive's catalogue as stored (no analysis); empty if it was never updated."""
    return _catalogue(archive, _load_state(archive))


# -- curation -------------------------------------------------------------------------------------
def _theme(state: _State, theme_id: str, *, live: bool = True) -> dict[str, Any]:
    key = str(theme_id).strip().upper()
    if key not in state.themes:
        _catalogue(None, state).get(theme_id)  # raises UnknownTheme
    row = state.themes[key]
    if live and row["status"] == "merged":
        msg = f"theme {key} was merged into {state.resolve(key)}; act on {state.resolve(key)} instead"
        raise ValidationError(msg)
    return row


def _curate(archive: Archive, change: Callable[[_State, pd.DataFrame], tuple[str, str | None, dict[str, Any]]],
            by: str | None, *, pinned: str | None = None) -> Catalogue:
    state = _load_state(archive)
    frame = _input_frame(archive)
    action, theme_id, detail = change(state, frame)
    now = _now()
    for c in list(state.members):
        state.since.setdefault(c, now)
    _refresh(state, frame[frame["kind"].map(lambda k: side_of(str(k)) is not None)])
    _write(archive, state, frame, decision=(action, theme_id, detail, by),
           pin=(pinned, state.pins[pinned], by) if pinned is not None else None)
    return _catalogue(archive, state)


def _by(by: str | None) -> str | None:
    return " ".join(str(by).split()) or None if by is not None else None


def rename_theme(archive: Archive, theme_id: str, name: str | None, *, by: str | None = None) -> CatalogueTheme:
    """Give a theme the analyst's name (kept by every later update); an empty name clears it.

    Raises:
        UnknownTheme: no such theme.
        ValidationError: a name over 120 characters, or a merged theme.
    """
    text = " ".join(str(name or "").split())
    if len(text) > MAX_NAME:
        msg = f"a theme name is at most {MAX_NAME} characters; got {len(text)}"
        raise ValidationError(msg)

    def change(state: _State, _frame: pd.DataFrame) -> tuple[str, str | None, dict[str, Any]]:
        row = _theme(state, theme_id)
        old = row["name"]
        row["name"] = text or None
        return "rename", row["id"], {"name": text or None, "before": old}

    return _curate(archive, change, _by(by)).get(theme_id)


def merge_themes(archive: Archive, into_id: str, other_ids: Sequence[str] | str, *,
                 by: str | None = None) -> CatalogueTheme:
    """Merge themes into one (same side): their members join `into_id` and stay together in every
    later update; the others are marked merged (their ids resolve to `into_id`).

    Raises:
        UnknownTheme: an unknown id.
        ValidationError: nothing to merge, a theme merged into itself, or themes of different sides.
    """
    others = [other_ids] if isinstance(other_ids, str) else list(other_ids)
    if not others:
        msg = "name at least one theme to merge into the first"
        raise ValidationError(msg)

    def change(state: _State, _frame: pd.DataFrame) -> tuple[str, str | None, dict[str, Any]]:
        into = _theme(state, into_id)
        rows = [_theme(state, o) for o in others]
        for row in rows:
            if row["id"] == into["id"]:
                msg = f"theme {into['id']} cannot be merged into itself"
                raise ValidationError(msg)
            if row["side"] != into["side"]:
                msg = (f"theme {row['id']} is a {row['side']} theme and {into['id']} a {into['side']} theme; "
                       "only themes of one side merge")
                raise ValidationError(msg)
        merged = sorted({r["id"] for r in rows})
        for c, t in list(state.members.items()):
            if t in merged:
                state.members[c] = into["id"]
        for c, t in list(state.pins.items()):
            if t in merged:
                state.pins[c] = into["id"]
        for row in rows:
            row.update(status="merged", merged_into=into["id"])
        into["curated"] = 1
        return "merge", into["id"], {"merged": merged}

    return _curate(archive, change, _by(by)).get(into_id)


def hide_theme(archive: Archive, theme_id: str, *, by: str | None = None, hidden: bool = True) -> CatalogueTheme:
    """Hide a theme that is noise (it stays hidden through every update, its members kept out of new
    themes); hidden=False shows it again.

    Raises:
        UnknownTheme: no such theme.
        ValidationError: a merged theme.
    """

    def change(state: _State, _frame: pd.DataFrame) -> tuple[str, str | None, dict[str, Any]]:
        row = _theme(state, theme_id)
        row["status"] = "hidden" if hidden else "active"
        return ("hide" if hidden else "unhide"), row["id"], {}

    return _curate(archive, change, _by(by)).get(theme_id)


def pin_contribution(archive: Archive, contribution_id: str, theme_id: str | None, *, by: str | None = None) -> None:
    """Pin a contribution to a theme (theme_id None: out of any theme); every later update keeps it there.

    Raises:
        UnknownTheme: no such theme.
        ValidationError: the contribution is not analysed (unknown, private, withdrawn, a question, or
            its review not yet held), or belongs to another side than the theme.
    """
    cid = str(contribution_id).strip()

    def change(state: _State, frame: pd.DataFrame) -> tuple[str, str | None, dict[str, Any]]:
        if cid not in frame.index or side_of(str(frame.at[cid, "kind"])) is None:
            msg = (f"contribution {cid!r} is not in the theme analysis (unknown, private, withdrawn, a question, "
                   "or its review's meeting not yet held); only analysed contributions are pinned")
            raise ValidationError(msg)
        if theme_id is None:
            state.members.pop(cid, None)
            state.pins[cid] = None
            return "pin", None, {"contribution_id": cid, "out": True}
        row = _theme(state, theme_id, live=False)
        target = state.resolve(row["id"])
        side = side_of(str(frame.at[cid, "kind"]))
        if state.themes[target]["side"] != side:
            msg = f"contribution {cid} is a {side} contribution; theme {target} is a {state.themes[target]['side']} theme"
            raise ValidationError(msg)
        state.members[cid] = target
        state.pins[cid] = target
        return "pin", target, {"contribution_id": cid}

    _curate(archive, change, _by(by), pinned=cid)


def split_theme(archive: Archive, theme_id: str, *, by: str | None = None, model: Any = None,
                parts: int | None = 2) -> list[CatalogueTheme]:
    """Split a theme by re-clustering its members alone, into `parts` (default two: split again to go
    further; None takes the clustering's own cut, which on a large theme gives many small parts).
    The largest part keeps the id (links to it stay); the others get new ids. Every part is curated:
    later updates never move its members by evidence.

    Raises:
        UnknownTheme: no such theme.
        ValidationError: a merged theme, or one with fewer than two members.
    """
    import numpy as np

    from reviewlab.analysis.themes import find_themes

    def change(state: _State, frame: pd.DataFrame) -> tuple[str, str | None, dict[str, Any]]:
        row = _theme(state, theme_id)
        members = sorted(c for c, t in state.members.items() if t == row["id"] and c in frame.index)
        if len(members) < 2:
            msg = f"theme {row['id']} has {len(members)} member(s); a theme needs two or more to split"
            raise ValidationError(msg)
        sub = frame.loc[members]
        options = {"min_size": 2, "apart": (), "unthemed": (), "own": (), "progress": False}
        result = find_themes(sub, model=model, cache=archive, n_themes=parts, **options)
        if result.assignments["theme"].max() < 1:
            result = find_themes(sub, model=model, cache=archive, n_themes=2, **options)
        labels = result.assignments["theme"].to_numpy().copy()
        if labels.max() < 1:
            msg = f"theme {row['id']}'s members do not come apart into two groups"
            raise ValidationError(msg)
        vectors = result.embeddings
        for i in np.flatnonzero(labels < 0):  # each left-over member to the part it fits best
            centres = [vectors[labels == k].mean(axis=0) for k in range(labels.max() + 1)]
            labels[i] = int(np.argmax([float(vectors[i] @ c) for c in centres]))
        now = _now()
        ids = {0: row["id"]}
        for k in range(1, labels.max() + 1):
            ids[k] = state.add_theme(row["side"], now, curated=1, status=row["status"])
        row["curated"] = 1
        for c, k in zip(members, labels, strict=True):
            state.members[c] = ids[int(k)]
        return "split", row["id"], {"into": [ids[k] for k in sorted(ids)],
                                    "members": {ids[k]: [c for c, j in zip(members, labels, strict=True) if j == k]
                                                for k in sorted(ids)}}

    catalogue = _curate(archive, change, _by(by))
    last = archive.theme_decisions(str(theme_id).strip().upper())[-1]
    return [catalogue.get(t) for t in last["detail"]["into"]]
