"""The housing forms, printed through the forms registry and read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tit_desktop.models import AuditEntry, Role
from tit_desktop.reports import forms as form_registry
from tit_desktop.services import clock, forms, housing, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import NotFound, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 3, 15)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def operator(db: Database, actors: dict[Role, Actor]) -> Actor:
    actor = actors[Role.OPERATOR]
    with db.transaction(actor) as session:
        unit = housing.create_unit(
            session,
            actor,
            housing.UnitInput(
                "Casa Aurora", "co-housing", "Via Marconi 14, Ancona", bed_labels=("1", "2")
            ),
        )
        beds = {b.label: b.id for b in housing.beds_of(session, actor, unit.id)}
        for code, last, bed, dal, al in (
            ("TIU-00001", "Diallo", "1", dt.date(2026, 2, 20), dt.date(2026, 3, 3)),
            ("TIU-00002", "Gündoğdu", "2", dt.date(2026, 3, 1), None),
        ):
            pid = persons.create_person(
                session,
                actor,
                persons.PersonInput(
                    code=code, last_name=last, first_name="Şükrü", intake_date=dt.date(2026, 1, 5)
                ),
            ).id
            housing.assign(session, actor, pid, unit.id, beds[bed], dal, al)
    return actor


def _print(db: Database, actor: Actor, name: str, selection: dict[str, str]) -> str:
    out = io.BytesIO()
    with db.transaction(actor) as session:
        forms.print_document(session, actor, name, selection, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_forms_are_listed_with_their_selectors() -> None:
    specs = {s.name: s.usage() for s in form_registry.list_forms()}
    assert specs["accordo-accoglienza-abitativa"] == "--person CODICE"
    assert specs["registro-presenze-alloggio"] == "--alloggio A --month mm/yyyy"
    assert specs["elenco-stanotte"] == "[--date dd/mm/yyyy]"


def test_the_agreement_has_the_stay_and_the_house_rules(db: Database, operator: Actor) -> None:
    text = _print(db, operator, "accordo-accoglienza-abitativa", {"person": "TIU-00002"})
    assert "Accordo di accoglienza abitativa" in text
    assert "Gündoğdu Şükrü" in text
    assert "Casa Aurora" in text and "Via Marconi 14, Ancona" in text
    assert "01/03/2026" in text and "da concordare con gli operatori" in text
    assert "Regole della casa" in text and "8. Il mancato rispetto" in text
    with db.reading() as session:
        row = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id.desc())
        ).first()
    assert (
        row is not None
        and row.entity == "stay"
        and row.detail.startswith("modulo accordo-accoglienza-abitativa")
    )


def test_the_register_has_one_line_per_night_to_sign(db: Database, operator: Actor) -> None:
    text = _print(
        db, operator, "registro-presenze-alloggio", {"alloggio": "casa aurora", "month": "03/2026"}
    )
    assert "Registro mensile delle presenze" in text and "marzo 2026" in text
    # Diallo: nights 1 and 2 March (leaves on the 3rd); Gündoğdu: 1..15 March (tonight).
    assert text.count("TIU-00001") == 2
    assert text.count("TIU-00002") == 15
    assert "dom 01/03/2026" in text and "dom 15/03/2026" in text
    assert "16/03/2026" not in text
    assert "Notti registrate 17" in text.replace("\n", " ")


def test_tonights_list(db: Database, operator: Actor) -> None:
    text = _print(db, operator, "elenco-stanotte", {})
    assert "Notte del dom 15/03/2026: 1 persona nei posti letto" in text
    assert "TIU-00002" in text and "TIU-00001" not in text
    earlier = _print(db, operator, "elenco-stanotte", {"date": "02/03/2026"})
    assert "2 persone" in earlier and "TIU-00001" in earlier


@pytest.mark.parametrize(
    ("name", "selection", "error", "text"),
    [
        (
            "registro-presenze-alloggio",
            {"alloggio": "Casa Aurora", "month": "13/2026"},
            ValidationError,
            "Mese: mese non valido «13/2026»",
        ),
        (
            "registro-presenze-alloggio",
            {"alloggio": "Casa Nessuna", "month": "03/2026"},
            NotFound,
            "Nessun alloggio chiamato «Casa Nessuna»",
        ),
        ("elenco-stanotte", {"date": "31/02/2026"}, ValidationError, "data non valida"),
        ("accordo-accoglienza-abitativa", {"person": "TIU-09999"}, NotFound, "TIU-09999"),
    ],
)
def test_bad_selections_are_refused_naming_them(
    db: Database, operator: Actor, name: str, selection: dict[str, str], error: type, text: str
) -> None:
    with db.transaction(operator) as session, pytest.raises(error) as caught:
        forms.print_document(session, operator, name, selection, io.BytesIO())
    assert text in caught.value.message


def test_auditors_cannot_print_the_register(
    db: Database, operator: Actor, actors: dict[Role, Actor]
) -> None:
    reader = actors[Role.READ_ONLY]
    with db.transaction(reader) as session, pytest.raises(PermissionDenied):
        forms.print_document(
            session,
            reader,
            "registro-presenze-alloggio",
            {"alloggio": "Casa Aurora", "month": "03/2026"},
            io.BytesIO(),
        )
