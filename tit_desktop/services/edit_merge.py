"""Saving a record that a colleague changed after it was opened: three versions, field by field.

``base`` is the record as the form loaded it, ``mine`` the form now, ``theirs`` the record as
it is in the database now. A group of fields (one field, or fields that only make sense
together, such as a permit's type, number and dates) is

- *theirs* when only the colleague changed it (taken silently into the form);
- *mine* when only I changed it, or we both made the same change;
- a *clash* when we both changed it differently: the user chooses, group by group.

Nothing here writes. The form shows the result, the user checks it and saves again against the
colleague's version; a third change in between starts the same round again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

Values = Mapping[str, Any]


@dataclass(frozen=True)
class Clash:
    """A group both changed differently: its label and both versions as users read them."""

    fields: tuple[str, ...]
    label: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class EditMerge(Generic[T]):
    """The outcome of :func:`three_way`. ``merged`` keeps *my* version of every clash; use
    :meth:`resolve` with the user's choices. ``theirs_version`` is what to save against."""

    theirs_version: int
    merged: T
    theirs: T
    taken: tuple[str, ...]  # labels of the groups taken from the colleague
    clashes: tuple[Clash, ...]
    _rebuild: Callable[[dict[str, Any]], T]
    _mine_values: Mapping[str, Any]
    _theirs_values: Mapping[str, Any]
    _merged_values: Mapping[str, Any]

    def resolve(self, take_theirs: Iterable[tuple[str, ...]]) -> T:
        """The merge with the clashes in ``take_theirs`` (their ``fields``) taken from the
        colleague and the others kept as I typed them."""
        values = dict(self._merged_values)
        for group in take_theirs:
            for name in group:
                values[name] = self._theirs_values[name]
        return self._rebuild(values)


def three_way(
    base: Values,
    mine: Values,
    theirs: Values,
    groups: Sequence[tuple[str, ...]],
    label: Callable[[tuple[str, ...]], str],
    show: Callable[[tuple[str, ...], Values], str],
    rebuild: Callable[[dict[str, Any]], T],
    theirs_version: int,
) -> EditMerge[T]:
    """Merge field groups. ``groups`` must cover every key of the values; ``label`` names a
    group, ``show`` writes a group's values as users read them, ``rebuild`` makes the
    record's input from merged values."""
    covered = {name for group in groups for name in group}
    if covered != set(base):
        raise ValueError(f"gruppi incompleti: {sorted(set(base) ^ covered)}")
    merged = dict(mine)
    taken: list[str] = []
    clashes: list[Clash] = []
    for group in groups:
        was = tuple(base[n] for n in group)
        now_mine = tuple(mine[n] for n in group)
        now_theirs = tuple(theirs[n] for n in group)
        if now_theirs in (was, now_mine):
            continue  # they did not touch it, or did what I did
        if now_mine == was:
            for name in group:
                merged[name] = theirs[name]
            taken.append(label(group))
            continue
        clashes.append(Clash(group, label(group), show(group, mine), show(group, theirs)))
    return EditMerge(
        theirs_version=theirs_version,
        merged=rebuild(dict(merged)),
        theirs=rebuild(dict(theirs)),
        taken=tuple(taken),
        clashes=tuple(clashes),
        _rebuild=rebuild,
        _mine_values=dict(mine),
        _theirs_values=dict(theirs),
        _merged_values=merged,
    )


def dataclass_values(data: Any, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """A dataclass's fields as a plain mapping (the shape :func:`three_way` compares)."""
    skip = set(exclude)
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(data) if f.name not in skip}
