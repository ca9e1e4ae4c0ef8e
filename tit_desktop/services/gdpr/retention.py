"""Retention: persons whose last contact with the office is older than the retention period are
anonymised, as a batch that someone reviewed first.

1. :func:`review` lists the persons whose last activity (intake date, or the latest date of any
   service a module registered with :func:`register_activity`) is older than ``years`` years.
   It writes nothing but is audited (it is a list of persons). The list can be saved as a batch
   file (:meth:`Batch.to_json`) for a second person to look at.
2. :func:`apply` anonymises exactly the persons of a reviewed batch that still qualify, each
   with :func:`.erasure.anonymise_person` (so each keeps its own audit row and savepoint). A
   person with a newer activity since the review, already anonymised, or refused by a module's
   hook (someone in a bed tonight) is skipped, with the reason. One summary row records the
   batch.

Services that arrive later register their own dates here; the review takes the latest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, literal, select, union_all
from sqlalchemy.orm import Session

from tit_desktop.models import Person
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, clock
from tit_desktop.services.errors import ServiceError, ValidationError
from tit_desktop.services.gdpr.erasure import anonymise_person
from tit_desktop.services.permissions import Actor, Permission, require

MIN_YEARS = 1
MAX_YEARS = 100
DEFAULT_YEARS = 5
BATCH_FORMAT = "tit-desktop-retention-batch"
NO_LONGER = "non più da anonimizzare (attività recente, già anonimizzata o unita a un'altra)"

ActivityQuery = Callable[[dt.date], Select[Any]]
"""``query(today)`` -> a select of two columns labelled ``person_id`` and ``day`` (the latest
date of the activity per row, an open period counting as ``today``)."""


@dataclass(frozen=True)
class Activity:
    kind: str
    label: str  # Italian: "soggiorno", "pasto"
    query: ActivityQuery


_ACTIVITIES: dict[str, Activity] = {}


def register_activity(kind: str, label: str, query: ActivityQuery) -> None:
    """A module's dated services: the review keeps a person while any is recent."""
    _ACTIVITIES[kind] = Activity(kind, label, query)


ACTIVITY_MODULES: tuple[str, ...] = ("tit_desktop.services.served",)
"""Modules that register activities when imported."""


def _load() -> None:
    import importlib

    for module in ACTIVITY_MODULES:
        register = getattr(importlib.import_module(module), "register", None)
        if register is not None:
            register()


def _intake(_today: dt.date) -> Select[Any]:
    query: Select[Any] = select(  # type: ignore[assignment]
        Person.id.label("person_id"), Person.intake_date.label("day")
    )
    return query


register_activity("intake", "presa in carico", _intake)


@dataclass(frozen=True)
class Candidate:
    person_id: int
    code: str
    name: str
    last_activity: dt.date
    last_kind: str  # the label of the activity that is the latest


@dataclass(frozen=True)
class Batch:
    years: int
    cutoff: dt.date  # activities before this day are old enough
    reviewed_on: dt.date
    reviewed_by: str
    persons: tuple[Candidate, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": BATCH_FORMAT,
                "years": self.years,
                "cutoff": self.cutoff.isoformat(),
                "reviewed_on": self.reviewed_on.isoformat(),
                "reviewed_by": self.reviewed_by,
                "persons": [
                    {
                        "id": c.person_id,
                        "code": c.code,
                        "name": c.name,
                        "last_activity": c.last_activity.isoformat(),
                        "last_kind": c.last_kind,
                    }
                    for c in self.persons
                ],
            },
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> Batch:
        try:
            data = json.loads(text)
            if data.get("format") != BATCH_FORMAT:
                raise ValueError("format")
            return cls(
                years=int(data["years"]),
                cutoff=dt.date.fromisoformat(data["cutoff"]),
                reviewed_on=dt.date.fromisoformat(data["reviewed_on"]),
                reviewed_by=str(data["reviewed_by"]),
                persons=tuple(
                    Candidate(
                        int(p["id"]),
                        str(p["code"]),
                        str(p["name"]),
                        dt.date.fromisoformat(p["last_activity"]),
                        str(p["last_kind"]),
                    )
                    for p in data["persons"]
                ),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValidationError(
                {"batch": "il file non è un elenco per la conservazione dei dati di TIT Desktop"}
            ) from exc


@dataclass(frozen=True)
class Outcome:
    anonymised: tuple[Candidate, ...]
    skipped: tuple[tuple[Candidate, str], ...]  # with the reason, in Italian


def cutoff_for(years: int, today: dt.date) -> dt.date:
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(
            {"years": f"indicare un numero di anni tra {MIN_YEARS} e {MAX_YEARS}"}
        )
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _latest(today: dt.date, only: Iterable[int] | None = None) -> Select[Any]:
    """Per person: the latest day of any activity, and which kind it was (the first kind in
    registration order when two share the day)."""
    parts = [
        select(
            q.c.person_id.label("person_id"),
            q.c.day.label("day"),
            literal(rank).label("rank"),
        )
        for rank, activity in enumerate(_ACTIVITIES.values())
        for q in [activity.query(today).subquery()]
    ]
    everything = union_all(*parts).subquery("activity")
    latest = select(
        everything.c.person_id,
        func.max(everything.c.day).label("last_day"),
    ).group_by(everything.c.person_id)
    if only is not None:
        latest = latest.where(everything.c.person_id.in_(list(only)))
    return latest


def _candidates(
    session: Session, cutoff: dt.date, today: dt.date, only: Sequence[int] | None = None
) -> list[Candidate]:
    _load()
    latest = _latest(today, only).subquery("latest")
    rows = session.execute(
        select(Person.id, Person.code, Person.last_name, Person.first_name, latest.c.last_day)
        .join(latest, latest.c.person_id == Person.id)
        .where(
            Person.anonymised_at.is_(None),
            Person.merged_into_id.is_(None),
            latest.c.last_day < cutoff,
        )
        .order_by(latest.c.last_day, Person.code)
    ).all()
    kinds = _latest_kinds(session, [r[0] for r in rows], today)
    return [
        Candidate(pid, code, f"{last} {first}", _as_date(day), kinds.get(pid, ""))
        for pid, code, last, first, day in rows
    ]


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):  # SQLite's MAX over a UNION gives the stored text
        return dt.date.fromisoformat(value[:10])
    assert isinstance(value, dt.date)
    return value


def _latest_kinds(session: Session, person_ids: list[int], today: dt.date) -> dict[int, str]:
    """Which activity is the latest, for the few persons listed (one query per kind)."""
    best: dict[int, tuple[dt.date, int]] = {}
    labels = list(_ACTIVITIES.values())
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        for rank, activity in enumerate(labels):
            q = activity.query(today).subquery()
            for pid, day in session.execute(
                select(q.c.person_id, func.max(q.c.day))
                .where(q.c.person_id.in_(chunk))
                .group_by(q.c.person_id)
            ):
                if day is None:
                    continue
                seen = best.get(pid)
                when = _as_date(day)
                if seen is None or when > seen[0]:
                    best[pid] = (when, rank)
    return {pid: labels[rank].label for pid, (_day, rank) in best.items()}


def review(session: Session, actor: Actor, years: int, today: dt.date | None = None) -> Batch:
    """The persons to anonymise after ``years`` years without activity. Audited."""
    require(actor, Permission.ANONYMISE)
    today = today or clock.today()
    cutoff = cutoff_for(years, today)
    found = _candidates(session, cutoff, today)
    audit.record(
        session,
        actor,
        AuditAction.VIEW,
        "retention",
        None,
        detail=f"conservazione dei dati: {len(found)} persone senza attività dal "
        f"{cutoff:%d/%m/%Y} ({years} anni)",
        subjects=[c.person_id for c in found],
    )
    return Batch(years, cutoff, today, actor.username, tuple(found))


def apply(
    session: Session,
    actor: Actor,
    batch: Batch,
    reason: str | None = None,
    today: dt.date | None = None,
) -> Outcome:
    """Anonymise the batch's persons that still qualify. The caller's transaction holds it all:
    each person in its own savepoint, so one refusal skips that person only."""
    require(actor, Permission.ANONYMISE)
    today = today or clock.today()
    cutoff = cutoff_for(batch.years, today)
    why = reason or (
        f"fine del periodo di conservazione ({batch.years} anni senza attività; elenco "
        f"verificato da {batch.reviewed_by} il {batch.reviewed_on:%d/%m/%Y})"
    )
    still = {
        c.person_id: c
        for c in _candidates(session, cutoff, today, [c.person_id for c in batch.persons])
    }
    done: list[Candidate] = []
    skipped: list[tuple[Candidate, str]] = []
    for candidate in batch.persons:
        current = still.get(candidate.person_id)
        if current is None:
            skipped.append((candidate, NO_LONGER))
            continue
        try:
            with session.begin_nested():
                anonymise_person(session, actor, candidate.person_id, why, current.code)
        except ServiceError as exc:
            skipped.append((candidate, exc.message))
            continue
        done.append(candidate)
    audit.record(
        session,
        actor,
        AuditAction.ANONYMISE,
        "retention",
        None,
        detail=f"conservazione dei dati: {len(done)} persone anonimizzate, {len(skipped)} "
        f"saltate (elenco del {batch.reviewed_on:%d/%m/%Y}, {batch.years} anni)",
        subjects=[c.person_id for c in done],
    )
    return Outcome(tuple(done), tuple(skipped))
