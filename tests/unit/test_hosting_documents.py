"""The documents of accoglienza in famiglia, read back: the agreement, the receipt, the
month's payment list (PDF and XLSX)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tit_desktop.models.user import Role
from tit_desktop.services import clock, forms, hosting, hosting_documents, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import NotFound, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def hosted(db: Database, actors: dict[Role, Actor]) -> int:
    """Diallo Aïssatou hosted by the Brunori family, full time, 16/03-15/09/2026; March
    and April paid."""
    coordinator = actors[Role.COORDINATOR]
    with db.transaction(coordinator) as session:
        persons.create_person(
            session,
            coordinator,
            persons.PersonInput(
                code="TIU-00012",
                last_name="Diallo",
                first_name="Aïssatou",
                birth_date=dt.date(1995, 4, 2),
                intake_date=dt.date(2025, 11, 3),
            ),
        )
        family_id = hosting.create_family(
            session,
            coordinator,
            hosting.FamilyInput(
                name="Famiglia Brunori",
                contact_person="Lucia Brunori",
                iban="IT60 X054 2811 1010 0000 0123 456",
            ),
        )
        agreement_id = hosting.create_agreement(
            session,
            coordinator,
            hosting.AgreementInput(
                family_id=family_id,
                person_code="TIU-00012",
                start_date=dt.date(2026, 3, 16),
                end_date=dt.date(2026, 9, 15),
                time="pieno",
            ),
        )
        march, april = hosting.ledger(session, coordinator, agreement_id)[:2]
        hosting.mark_paid(session, coordinator, march.id, dt.date(2026, 4, 2))
        hosting.mark_paid(session, coordinator, april.id, dt.date(2026, 5, 4), Decimal("500"))
    return agreement_id


def _print(db: Database, actor: Actor, name: str, selection: dict[str, str]) -> str:
    out = io.BytesIO()
    with db.transaction(actor) as session:
        forms.print_document(session, actor, name, selection, out)
    return _text(out.getvalue())


def test_the_agreement_names_both_parties_the_period_and_the_amount(
    db: Database, actors: dict[Role, Actor], hosted: int
) -> None:
    text = _print(db, actors[Role.COORDINATOR], "accordo-famiglia", {"person": "TIU-00012"})
    assert "Accordo di accoglienza in famiglia" in text
    assert "Lucia Brunori" in text and "Diallo Aïssatou" in text
    assert "dal 16/03/2026 al 15/09/2026" in text
    assert "550,00 €" in text and "IT60 X054 2811 1010 0000 0123 456" in text
    assert "Pagina 1 di 1" in text
    # The operatore prints it too, without the money.
    operator_text = _print(db, actors[Role.OPERATOR], "accordo-famiglia", {"person": "TIU-00012"})
    assert "Diallo Aïssatou" in operator_text
    assert "550,00" not in operator_text and "IT60" not in operator_text


def test_the_receipt_of_a_paid_month(db: Database, actors: dict[Role, Actor], hosted: int) -> None:
    selection = {"family": "Famiglia Brunori", "person": "TIU-00012", "month": "03/2026"}
    text = _print(db, actors[Role.COORDINATOR], "ricevuta-contributo", selection)
    assert "marzo 2026" in text and "16 su 31" in text
    assert "283,87 €" in text and "02/04/2026" in text
    with pytest.raises(ValidationError) as unpaid:
        _print(
            db, actors[Role.COORDINATOR], "ricevuta-contributo", {**selection, "month": "05/2026"}
        )
    assert "non risulta pagato" in unpaid.value.fields["month"]
    with pytest.raises(NotFound):
        _print(
            db, actors[Role.COORDINATOR], "ricevuta-contributo", {**selection, "month": "12/2026"}
        )
    with pytest.raises(PermissionDenied):
        _print(db, actors[Role.OPERATOR], "ricevuta-contributo", selection)
    with pytest.raises(ValidationError) as bad_month:
        _print(
            db, actors[Role.COORDINATOR], "ricevuta-contributo", {**selection, "month": "13/2026"}
        )
    assert bad_month.value.fields == {"month": "«13/2026» non è un mese nel formato mm/aaaa"}


def test_the_payment_list_pdf_and_xlsx(
    db: Database, actors: dict[Role, Actor], hosted: int, tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    text = _print(db, coordinator, "pagamenti-famiglie", {"month": "04/2026"})
    assert "aprile 2026" in text and "Famiglia Brunori" in text
    assert "550,00 €" in text and "500,00 €" in text and "03/05/2026" not in text
    target = tmp_path / "pagamenti.xlsx"
    with db.transaction(coordinator) as session:
        assert (
            hosting_documents.write_payment_list_xlsx(session, coordinator, "04/2026", target) == 1
        )
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0][0] == "Famiglia"
    assert rows[1][0] == "Famiglia Brunori" and rows[1][6] == 550 and rows[1][8] == 500
    assert rows[1][7].date() == dt.date(2026, 5, 4)
    assert rows[-1][0] == "Totale" and rows[-1][6] == 550
    with db.transaction(actors[Role.OPERATOR]) as session, pytest.raises(PermissionDenied):
        hosting_documents.write_payment_list_xlsx(
            session, actors[Role.OPERATOR], "04/2026", tmp_path / "no.xlsx"
        )


def test_a_person_hosted_twice_needs_the_family(
    db: Database, actors: dict[Role, Actor], hosted: int
) -> None:
    coordinator = actors[Role.COORDINATOR]
    with db.transaction(coordinator) as session:
        other = hosting.create_family(
            session, coordinator, hosting.FamilyInput(name="Famiglia Neri")
        )
        hosting.create_agreement(
            session,
            coordinator,
            hosting.AgreementInput(
                family_id=other,
                person_code="TIU-00012",
                start_date=dt.date(2026, 10, 1),
                time="parziale",
            ),
        )
    with pytest.raises(ValidationError) as which:
        _print(db, coordinator, "accordo-famiglia", {"person": "TIU-00012"})
    assert "Famiglia Brunori, Famiglia Neri" in which.value.fields["family"]
    text = _print(
        db, coordinator, "accordo-famiglia", {"person": "TIU-00012", "family": "Famiglia Neri"}
    )
    assert "dal 01/10/2026 al (da definire)" in text and "350,00 €" in text
