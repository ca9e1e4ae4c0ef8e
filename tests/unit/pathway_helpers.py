"""Records the Percorsi tests build on: persons, operators, organisations, percorsi."""

from __future__ import annotations

import datetime as dt
import io

import pypdf

from tit_desktop.models import Organisation, StaffMember
from tit_desktop.services import pathways, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

D = dt.date
INTAKE = D(2025, 1, 10)
ENTRY = D(2025, 2, 1)


def make_person(
    db: Database, actor: Actor, code: str = "TIU-00001", intake: dt.date = INTAKE
) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=code,
                last_name="Diallo",
                first_name="Awa",
                sex="F",
                birth_date=D(1995, 4, 3),
                intake_date=intake,
            ),
        ).id


def make_staff(db: Database, actor: Actor, user_id: int | None = None) -> int:
    with db.transaction(actor) as session:
        staff = StaffMember(last_name="Rossi", first_name="Giulia", user_id=user_id)
        session.add(staff)
        session.flush()
        return staff.id


def make_org(db: Database, actor: Actor, name: str = "Cooperativa La Lanterna") -> int:
    with db.transaction(actor) as session:
        org = Organisation(
            name=name,
            is_internship_host=True,
            address="Via Marconi 3, Ancona",
            vat_number="01234567890",
        )
        session.add(org)
        session.flush()
        return org.id


def make_pathway(
    db: Database,
    actor: Actor,
    person_id: int,
    entry: dt.date = ENTRY,
    staff_id: int | None = None,
) -> int:
    with db.transaction(actor) as session:
        return pathways.create_pathway(
            session,
            actor,
            pathways.PathwayInput(
                person_id, entry, actions="Italiano, lavoro, casa", reference_staff_id=staff_id
            ),
        )


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
