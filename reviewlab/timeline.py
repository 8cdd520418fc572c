"""Which event each timeline account describes: the one rule that follows `links_to`, for every surface.

The console's "Same event" picker links a participant's account to another's, so one event gathers
a chain of links (C -> B -> A) and, after a correction, even a cycle (A -> B -> A). Accounts joined
by links, directly or through others and in either direction, describe one event. The board, the
timeline chart and the reports all group accounts with `event_roots`, so they always agree and
none of them drops an account.

Examples:
    >>> event_roots(["A", "B", "C", "D"], [None, "A", "B", None])
    ['A', 'A', 'A', 'D']
    >>> event_roots(["A", "B"], ["B", "A"])   # a cycle: one event, named by its first account
    ['A', 'A']
    >>> event_roots(["A", "B"], [None, "gone"])  # a link to an account not given is not followed
    ['A', 'B']
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def event_roots(ids: Sequence[str], links_to: Iterable[Any]) -> list[str]:
    """For each account id, the id of the event it describes (its group's root).

    Arguments:
        ids: the accounts (timeline events) to group, e.g. those a surface shows.
        links_to: each account's link, aligned with `ids`; anything that is not the id of another
            account in `ids` (None, NaN, a private or missing one) is not followed.

    Returns:
        Aligned with `ids`: the root of each account's group. A group's root is the account that
        links to no other in the group (the end of the chain); a group that is a cycle is named by
        its earliest account in the order given.
    """
    ids = list(ids)
    known = set(ids)
    link = {i: to for i, to in zip(ids, links_to) if isinstance(to, str) and to in known and to != i}
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in link.items():
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    order = {i: n for n, i in reversed(list(enumerate(ids)))}
    heads: dict[str, str] = {}
    for i in ids:
        if i not in link:  # the end of a chain: at most one per group (each account has one link)
            heads.setdefault(find(i), i)
    for i in ids:
        group = find(i)
        if group not in heads:  # no end: the group holds a cycle; name it by the cycle's earliest account
            seen: list[str] = []
            at = i
            while at not in seen:
                seen.append(at)
                at = link[at]
            heads[group] = min(seen[seen.index(at):], key=order.__getitem__)
    return [heads[find(i)] for i in ids]


def group_events(items: Sequence[T], id_of: Callable[[T], str] = lambda c: c.id,  # type: ignore[attr-defined]
                 link_of: Callable[[T], Any] = lambda c: c.links_to) -> dict[Hashable, list[T]]:  # type: ignore[attr-defined]
    """The items grouped by the event they describe: {root id: items in the order given}, groups in order of first item."""
    groups: dict[Hashable, list[T]] = {}
    for item, root in zip(items, event_roots([id_of(i) for i in items], [link_of(i) for i in items])):
        groups.setdefault(root, []).append(item)
    return groups
