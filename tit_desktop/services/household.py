"""Household links between persons: stored once, read from both sides."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import HouseholdLink, HouseholdRelation, Person
from tit_desktop.services import conflicts, persons
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require

# What the link reads like from the relative's side.
INVERSE = {
    HouseholdRelation.CHILD: HouseholdRelation.PARENT,
    HouseholdRelation.PARENT: HouseholdRelation.CHILD,
}


@dataclass(frozen=True)
class Relative:
    link_id: int
    person_id: int
    code: str
    name: str
    relation: HouseholdRelation  # what the relative is to the person


def relatives_of(session: Session, person_id: int) -> list[Relative]:
    """The person's relatives, read from both sides of each link, by name. No permission
    check: for services that have already checked theirs (forms, access requests)."""
    links = session.scalars(
        select(HouseholdLink).where(
            or_(HouseholdLink.person_id == person_id, HouseholdLink.relative_id == person_id)
        )
    )
    result = []
    for link in links:
        if link.person_id == person_id:
            other_id, relation = link.relative_id, link.relation
        else:
            other_id, relation = link.person_id, INVERSE.get(link.relation, link.relation)
        other = session.get(Person, other_id)
        if other is None or other.merged_into_id is not None:
            continue  # a merge moves or drops such links; never let one hide the others
        result.append(
            Relative(
                link.id, other.id, other.code, f"{other.last_name} {other.first_name}", relation
            )
        )
    return sorted(result, key=lambda r: (r.name, r.code))


def relatives(session: Session, actor: Actor, person_id: int) -> list[Relative]:
    require(actor, Permission.READ_REGISTRY)
    return relatives_of(session, person_id)


def link_relative(
    session: Session,
    actor: Actor,
    person_id: int,
    relative_code: str,
    relation: HouseholdRelation,
) -> Relative:
    """Record that the person with ``relative_code`` is the person's ``relation``."""
    require(actor, Permission.WRITE_REGISTRY)
    person = persons.editable_person(session, person_id)
    other_id = persons.find_id_by_code(session, relative_code)
    if other_id is None:
        raise ValidationError({"relative": f"nessuna persona con codice «{relative_code}»"})
    if other_id == person.id:
        raise ValidationError({"relative": "una persona non può essere familiare di sé stessa"})
    other = persons.editable_person(session, other_id)
    existing = session.scalar(
        select(HouseholdLink).where(
            or_(
                (HouseholdLink.person_id == person.id) & (HouseholdLink.relative_id == other.id),
                (HouseholdLink.person_id == other.id) & (HouseholdLink.relative_id == person.id),
            )
        )
    )
    if existing is not None:
        raise ConflictError(f"{other.last_name} {other.first_name} è già nel nucleo familiare.")
    link = HouseholdLink(person_id=person.id, relative_id=other.id, relation=relation)
    session.add(link)
    session.flush()
    return Relative(
        link.id, other.id, other.code, f"{other.last_name} {other.first_name}", relation
    )


@conflicts.explains("uq_household_link_person_id_relative_id")
def _already_linked(session: Session, violation: conflicts.Violation) -> str | None:
    pairs = violation.pairs("person_id", "relative_id")
    if not pairs:
        return None
    person_id, relative_id = pairs[0]
    names = {
        row.id: f"{row.last_name} {row.first_name}"
        for row in session.execute(
            select(Person.id, Person.last_name, Person.first_name).where(
                Person.id.in_([person_id, relative_id])
            )
        )
    }
    if len(names) < 2:
        return None
    return f"{names[relative_id]} è già nel nucleo familiare di {names[person_id]}."


def unlink_relative(session: Session, actor: Actor, link_id: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    link = session.get(HouseholdLink, link_id)
    if link is None:
        raise NotFound("Legame familiare non trovato (forse già tolto da un altro utente).")
    session.delete(link)
