"""Printing a person's form: data loaded from the record, household both ways, audited."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tit_desktop.models import AuditEntry, HouseholdRelation
from tit_desktop.services import forms, household, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import NotFound, ValidationError
from tit_desktop.services.permissions import Actor


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_registration_form_carries_the_record(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session:
        mother = persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="F-1",
                last_name="Nguyễn",
                first_name="Thị Hoa",
                sex="F",
                birth_date=dt.date(1988, 4, 2),
                birth_place_code="Z251",
                citizenship_code="Z251",
                intake_date=dt.date(2024, 3, 1),
                ethos_at_intake=3,
                declined=frozenset({"employment"}),
                consent_privacy=True,
                consent_privacy_on=dt.date(2024, 3, 1),
            ),
        ).id
        persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="F-2", last_name="Trần", first_name="Văn Đức", intake_date=dt.date(2024, 3, 1)
            ),
        )
        household.link_relative(session, admin, mother, "F-2", HouseholdRelation.CHILD)
    buffer = io.BytesIO()
    with db.transaction(admin) as session:
        forms.print_form(session, admin, "scheda-iscrizione", mother, buffer, lang="en")
    text = _text(buffer.getvalue())
    for expected in (
        "Scheda di iscrizione / Registration form",
        "Nguyễn",
        "Thị Hoa",
        "02/04/1988",
        "Vietnam",
        "Trần Văn Đức",
        "figlio/a",
        "3 - Persone in strutture per senza dimora",
        "non ha risposto",
    ):
        assert expected in text, expected
    with db.reading() as session:
        events = [
            (e.action, e.detail)
            for e in session.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "person",
                    AuditEntry.entity_id == str(mother),
                    AuditEntry.action.in_(("view", "export")),
                )
            )
        ]
    assert events == [("view", None), ("export", "modulo scheda-iscrizione (en)")]


def test_unknown_form_and_language(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session:
        pid = persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="F-3", last_name="Ba", first_name="Awa", intake_date=dt.date(2024, 3, 1)
            ),
        ).id
    with pytest.raises(NotFound), db.transaction(admin) as session:
        forms.print_form(session, admin, "modulo-inesistente", pid, io.BytesIO())
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        forms.print_form(session, admin, "scheda-iscrizione", pid, io.BytesIO(), lang="ar")
    assert err.value.fields == {"lang": "lingua «ar» non disponibile; disponibili: it, en, fr"}
    with pytest.raises(NotFound) as missing, db.transaction(admin) as session:
        forms.person_id_for_code(session, "NESSUNO")
    assert missing.value.message == "Nessuna persona con codice «NESSUNO»."


def test_the_signatures_name_both_people_first_name_first(db: Database, admin: Actor) -> None:
    from tit_desktop.models import StaffMember

    with db.transaction(admin) as session:
        staff = StaffMember(last_name="Bianchi", first_name="Laura")
        session.add(staff)
        session.flush()
        person_id = persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="F-1",
                last_name="Rossi",
                first_name="Maria",
                intake_date=dt.date(2024, 3, 1),
                reference_staff_id=staff.id,
            ),
        ).id
    with db.transaction(admin) as session:
        data = forms.registration_data(session, admin, person_id)
        buffer = io.BytesIO()
        forms.print_form(session, admin, "scheda-iscrizione", person_id, buffer)
    assert (data.full_name, data.reference_operator) == ("Maria Rossi", "Laura Bianchi")
    text = " ".join(_text(buffer.getvalue()).split())
    assert "La persona beneficiaria Maria Rossi" in text
    assert "L'operatore di riferimento Laura Bianchi" in text
