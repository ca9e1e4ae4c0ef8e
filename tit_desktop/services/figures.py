"""Figures about the persons served in a period, shared by the quarterly monitoring sheet
and the year-end summary (DOMAIN.md 7), computed in SQL.

A person is *served* in a period when any of their services falls in or overlaps it: a
percorso, a meal, a night of a stay, a hosting period, a linked street contact, course
attendance, a tirocinio. Each of those lives in its own area: the area registers a
:data:`ServedSource`, a function returning ``SELECT person_id`` of the persons it served in
the period, with :func:`register_served_source` (and its module path in
:data:`SOURCE_MODULES`). The served set is the UNION of every source; with no source
registered it is empty. Other indicators an area can count for a period (meals, bed-nights,
contacts) register as :data:`Indicator` and appear in the sheets' "fisica" section.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from tit_desktop.models import Person

ServedSource = Callable[[dt.date, dt.date], Select[Any]]
"""``(first, last) -> SELECT person_id`` of the persons served in [first, last]."""

Indicator = Callable[[Session, dt.date, dt.date], int]
"""``(session, first, last) -> count`` of an activity in [first, last] (meals served...)."""

_SOURCES: dict[str, ServedSource] = {}
_INDICATORS: dict[str, tuple[str, Indicator]] = {}

SOURCE_MODULES: tuple[str, ...] = ("tit_desktop.services.served",)
"""Service modules that register served sources or indicators when imported (one per area)."""

AGE_BANDS = ("<18", "18-24", "25-54", "55+", "ND")


def register_served_source(key: str, source: ServedSource) -> None:
    _SOURCES[key] = source


def register_indicator(key: str, label: str, indicator: Indicator) -> None:
    _INDICATORS[key] = (label, indicator)


def _load() -> None:
    for module in SOURCE_MODULES:
        register = getattr(importlib.import_module(module), "register", None)
        if register is not None:
            register()


def served_ids(first: dt.date, last: dt.date) -> Select[Any] | None:
    """SELECT person_id of every person served in [first, last]; None when no area counts."""
    _load()
    selects = [source(first, last) for source in _SOURCES.values()]
    if not selects:
        return None
    if len(selects) == 1:
        return selects[0]
    return select(union(*selects).subquery().c[0])


@dataclass(frozen=True)
class PersonFigures:
    first: dt.date
    last: dt.date
    persons_served: int
    persons_by_gender: dict[str, int]
    persons_by_age_band: dict[str, int]
    new_entries: int
    indicators: dict[str, int]  # label -> count
    sources: tuple[str, ...]  # which areas counted

    def to_json(self) -> dict[str, object]:
        return {
            "persons_served": self.persons_served,
            "persons_by_gender": self.persons_by_gender,
            "persons_by_age_band": self.persons_by_age_band,
            "new_entries": self.new_entries,
            "indicators": self.indicators,
        }


def new_entries(session: Session, first: dt.date, last: dt.date) -> int:
    """Persons whose intake date is in [first, last]."""
    return int(
        session.scalar(
            select(func.count()).where(
                Person.intake_date >= first,
                Person.intake_date <= last,
                Person.merged_into_id.is_(None),
            )
        )
        or 0
    )


def person_figures(session: Session, first: dt.date, last: dt.date) -> PersonFigures:
    """The persons served in [first, last] by gender and age band, the new entries and the
    areas' indicators. Ages are computed in Python over (birth, intake) pairs grouped in
    SQL: date arithmetic differs between the engines."""
    _load()
    ids = served_ids(first, last)
    by_gender = {"F": 0, "M": 0}
    by_age = dict.fromkeys(AGE_BANDS, 0)
    served = 0
    if ids is not None:
        subquery = ids.subquery()
        key = subquery.c[0]
        rows = session.execute(
            select(Person.sex, Person.birth_date, Person.intake_date, func.count())
            .where(Person.id.in_(select(key)))
            .group_by(Person.sex, Person.birth_date, Person.intake_date)
        )
        for sex, birth, intake, count in rows:
            served += count
            if sex is not None:
                by_gender[str(sex.value if hasattr(sex, "value") else sex)] += count
            by_age[age_band(birth, max(first, intake))] += count
    indicators = {label: fn(session, first, last) for label, fn in _INDICATORS.values()}
    return PersonFigures(
        first,
        last,
        served,
        by_gender,
        by_age,
        new_entries(session, first, last),
        indicators,
        tuple(sorted(_SOURCES)),
    )


def age_band(birth: dt.date | None, on: dt.date) -> str:
    if birth is None:
        return "ND"
    age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    if age < 18:
        return "<18"
    if age <= 24:
        return "18-24"
    if age <= 54:
        return "25-54"
    return "55+"
