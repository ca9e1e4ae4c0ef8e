"""Figures for the home screen."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import Person
from tit_desktop.services.permissions import Actor, Permission, require


@dataclass(frozen=True)
class HomeFigures:
    persons: int


def home_figures(session: Session, actor: Actor) -> HomeFigures:
    require(actor, Permission.READ_REGISTRY)
    active = Person.anonymised_at.is_(None) & Person.merged_into_id.is_(None)
    persons = session.scalar(select(func.count()).select_from(Person).where(active)) or 0
    return HomeFigures(persons=int(persons))
