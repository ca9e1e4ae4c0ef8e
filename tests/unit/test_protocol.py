"""The office's outgoing register (protocollo) on payment requests and on family
contribution receipts: one series per year, shared with the quarterly monitoring sheets sent.
Numbers distinct and consecutive with several PCs at once (own connections, both engines), a
rolled-back transaction gives its number back, a receipt printed again keeps its number, an
undone payment cancels it in the activity log and the number is never given again."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from tit_desktop.models import AuditEntry, HostingContribution
from tit_desktop.services import audit, audit_text, clock, forms, hosting, numbering, persons
from tit_desktop.services.convention import deadlines, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

from .test_exchange_support import import_file, write_xlsx
from .test_numbering import (
    Boom,
    _convention_with_monthly_spending,
    _mark_sent,
    _month,
    _quarterly_deadlines,
    at_once,
)

TODAY = dt.date(2021, 12, 20)
FAMILY = "Famiglia Brunori"
CODE = "TIU-00012"
PRINTED = re.compile(r"Protocollo n\. (\d+)/(\d{4}) del (\d{2}/\d{2}/\d{4})")


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The office's day, moved by the test (one list item, read by every thread)."""
    day = [TODAY]
    monkeypatch.setattr(clock, "today", lambda: day[0])
    return day


def _text(data: bytes | Path) -> str:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return "\n".join(page.extract_text() for page in reader.pages)


def _printed(text: str) -> str | None:
    """ "3/2021 del 20/12/2021" from a document's protocol line (None: none printed)."""
    found = PRINTED.findall(text)
    assert len(found) <= 1, found
    return f"{found[0][0]}/{found[0][1]} del {found[0][2]}" if found else None


# --- a family hosting for the whole of 2021, January to November paid ----------------------


def _hosting(db: Database, actor: Actor) -> int:
    with db.transaction(actor) as session:
        persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=CODE,
                last_name="Diallo",
                first_name="Aïssatou",
                intake_date=dt.date(2020, 11, 3),
            ),
        )
        family_id = hosting.create_family(
            session,
            actor,
            hosting.FamilyInput(
                name=FAMILY, contact_person="Lucia Brunori", iban="IT60X0542811101000000123456"
            ),
        )
        agreement_id = hosting.create_agreement(
            session,
            actor,
            hosting.AgreementInput(
                family_id=family_id,
                person_code=CODE,
                start_date=dt.date(2021, 1, 1),
                end_date=dt.date(2021, 12, 31),
                time="parziale",
            ),
        )
        for row in hosting.ledger(session, actor, agreement_id)[:11]:
            hosting.mark_paid(session, actor, row.id, hosting.next_month(row.month))
    return agreement_id


def _selection(month: int) -> dict[str, str]:
    return {"family": FAMILY, "person": CODE, "month": f"{month:02d}/2021"}


def _receipt(db: Database, actor: Actor, month: int) -> str | None:
    """Print the month's receipt; the protocol it shows."""
    out = io.BytesIO()
    with db.transaction(actor) as session:
        forms.print_document(session, actor, "ricevuta-contributo", _selection(month), out)
    return _printed(_text(out.getvalue()))


def _row(db: Database, actor: Actor, agreement_id: int, month: int) -> hosting.ContributionRow:
    with db.reading() as session:
        return hosting.ledger(session, actor, agreement_id)[month - 1]


def _details(db: Database, entity: str) -> list[str]:
    with db.reading() as session:
        return [
            text
            for text in session.scalars(
                select(AuditEntry.detail)
                .where(AuditEntry.entity == entity, AuditEntry.detail.is_not(None))
                .order_by(AuditEntry.id)
            )
            if text and "rotocollo" in text
        ]


def _submit(db: Database, actor: Actor, convention_id: int, month: int) -> str | None:
    """Submit the month's request; its protocol as the figures carry it."""
    with db.transaction(actor) as session:
        request_id = payment_requests.submit(session, actor, convention_id, *_month(month))
    with db.reading() as session:
        protocol = payment_requests.request_figures(session, actor, request_id).protocol
    return protocol.cited if protocol else None


def _sheet_sent(db: Database, actor: Actor, row: deadlines.DeadlineRow) -> str:
    protocol = numbering.protocol_in(_mark_sent(db, actor, row))
    assert protocol is not None
    return protocol.cited


# --- several PCs at once -------------------------------------------------------------------


def test_requests_receipts_and_sheets_at_once_share_one_gapless_register(
    db: Database, db_url: str, admin: Actor, today: list[dt.date]
) -> None:
    # GIVEN twelve PCs starting at the same moment on 20/12/2021: four submit a payment
    # request each, four print a month's receipt each, four mark a quarterly sheet sent
    # (due in 2021)
    _hosting(db, admin)
    requests_convention = _convention_with_monthly_spending(db, admin, "FAMI")
    _, sheets = _quarterly_deadlines(db, admin)
    sent_in_2021 = [row for row in sheets if row.due_on.year == 2021]
    assert len(sent_in_2021) == 4
    jobs = [
        *((lambda pc, m=m: _submit(pc, admin, requests_convention, m)) for m in range(1, 5)),
        *((lambda pc, m=m: _receipt(pc, admin, m)) for m in range(1, 5)),
        *((lambda pc, row=row: _sheet_sent(pc, admin, row)) for row in sent_in_2021),
    ]
    results = at_once(db_url, jobs)
    # THEN 2021's register runs 1..12, whichever PC got there first, one number each
    numbers = sorted(int(str(cited).split("/")[0]) for cited in results)
    assert numbers == list(range(1, 13))
    assert all(str(cited).split(" ")[0].endswith("/2021") for cited in results)
    with db.reading() as session:
        assert numbering.last_issued(session, numbering.PROTOCOL_SERIES, 2021) == 12


def test_pcs_printing_the_same_first_receipt_at_once_share_its_number(
    db: Database, db_url: str, admin: Actor, today: list[dt.date]
) -> None:
    agreement_id = _hosting(db, admin)
    before = _row(db, admin, agreement_id, 3).version
    # WHEN four PCs print March's receipt (never printed) at the same moment
    shown = at_once(db_url, [lambda pc: _receipt(pc, admin, 3) for _ in range(4)])
    # THEN all four show the one number given, and no other number was taken
    assert shown == ["1/2021 del 20/12/2021"] * 4
    with db.reading() as session:
        assert numbering.last_issued(session, numbering.PROTOCOL_SERIES, 2021) == 1
    assert len(_details(db, "hosting_contribution")) == 1
    # The number is no edit of the month: a colleague's open ledger is not made stale.
    assert _row(db, admin, agreement_id, 3).version == before


# --- no gap, no reuse ------------------------------------------------------------------------


def test_a_print_or_a_submission_rolled_back_gives_its_protocol_back(
    db: Database, admin: Actor, today: list[dt.date]
) -> None:
    _hosting(db, admin)
    convention_id = _convention_with_monthly_spending(db, admin, "FAMI")
    with pytest.raises(Boom), db.transaction(admin) as session:
        forms.print_document(session, admin, "ricevuta-contributo", _selection(1), io.BytesIO())
        raise Boom
    with pytest.raises(Boom), db.transaction(admin) as session:
        payment_requests.submit(session, admin, convention_id, *_month(1))
        raise Boom
    assert _submit(db, admin, convention_id, 1) == "1/2021 del 20/12/2021"
    assert _receipt(db, admin, 1) == "2/2021 del 20/12/2021"
    with db.reading() as session:
        month = session.scalars(
            select(HostingContribution).order_by(HostingContribution.month)
        ).first()
        assert month is not None
        assert (month.receipt_protocol, month.receipt_protocol_on) == ("2/2021", TODAY)


def test_a_reprint_keeps_its_number_and_the_next_year_starts_again(
    db: Database, admin: Actor, today: list[dt.date]
) -> None:
    _hosting(db, admin)
    assert _receipt(db, admin, 5) == "1/2021 del 20/12/2021"
    assert _receipt(db, admin, 5) == "1/2021 del 20/12/2021"
    today[0] = dt.date(2022, 1, 10)
    # Printed again next year: the same number and day, the register's entry.
    assert _receipt(db, admin, 5) == "1/2021 del 20/12/2021"
    # A first print in 2022 opens 2022's register.
    assert _receipt(db, admin, 6) == "1/2022 del 10/01/2022"
    assert _details(db, "hosting_contribution") == [
        f"Protocollo n. 1/2021 del 20/12/2021: ricevuta del contributo di 05/2021 alla "
        f"famiglia «{FAMILY}» per {CODE}",
        f"Protocollo n. 1/2022 del 10/01/2022: ricevuta del contributo di 06/2021 alla "
        f"famiglia «{FAMILY}» per {CODE}",
    ]


def test_an_undone_or_changed_payment_cancels_the_receipts_number_for_good(
    db: Database, admin: Actor, today: list[dt.date]
) -> None:
    agreement_id = _hosting(db, admin)
    assert [_receipt(db, admin, m) for m in (1, 2, 3)] == [
        "1/2021 del 20/12/2021",
        "2/2021 del 20/12/2021",
        "3/2021 del 20/12/2021",
    ]
    january, february, march = (_row(db, admin, agreement_id, m) for m in (1, 2, 3))
    with db.transaction(admin) as session:
        # WHEN January's payment is undone, February's amount corrected, March's saved as it was
        hosting.clear_payment(session, admin, january.id, january.version)
        hosting.change_payment(
            session, admin, february.id, february.paid_on, Decimal("300.00"), february.version
        )
        hosting.change_payment(
            session, admin, march.id, march.paid_on, march.paid_amount, march.version
        )
    # THEN the activity log records the two numbers cancelled; March keeps its own
    assert _details(db, "hosting_contribution")[3:] == [
        "Protocollo n. 1/2021 annullato: ricevuta del contributo di 01/2021, pagamento annullato",
        "Protocollo n. 2/2021 annullato: ricevuta del contributo di 02/2021, pagamento modificato",
    ]
    assert _receipt(db, admin, 3) == "3/2021 del 20/12/2021"
    # The activity log's list reads them as they are written.
    with db.reading() as session:
        page = audit_text.load_page(
            session, admin, audit.AuditFilter(entity="hosting_contribution"), limit=50
        )
    shown = [line.text for line in page.lines]
    assert (
        "Protocollo n. 1/2021 annullato: ricevuta del contributo di 01/2021, "
        + ("pagamento annullato")
        in shown
    )
    assert "Annullato il pagamento di un contributo" in shown
    # ... and the new receipts take new numbers: 1 and 2 are never given again
    with db.transaction(admin) as session:
        hosting.mark_paid(session, admin, january.id, dt.date(2021, 2, 3))
    assert _receipt(db, admin, 2) == "4/2021 del 20/12/2021"
    assert _receipt(db, admin, 1) == "5/2021 del 20/12/2021"
    with db.reading() as session:
        kept = session.scalars(
            select(HostingContribution.receipt_protocol).where(
                HostingContribution.receipt_protocol.is_not(None)
            )
        ).all()
    assert sorted(kept) == ["3/2021", "4/2021", "5/2021"]


# --- the payment request ---------------------------------------------------------------------


def test_the_submitted_request_prints_its_protocol_in_pdf_xlsx_and_json(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    convention_id = _convention_with_monthly_spending(db, admin, "FAMI")
    with db.transaction(admin) as session:
        request_id = payment_requests.submit(
            session, admin, convention_id, *_month(1), submitted_on=dt.date(2021, 4, 15)
        )
    with db.reading() as session:
        submitted = payment_requests.request_figures(session, admin, request_id)
        draft = payment_requests.preview(session, admin, convention_id, *_month(2))
    for figures, name in ((submitted, "domanda"), (draft, "bozza")):
        payment_requests.write_documents(
            figures, tmp_path / f"{name}.pdf", tmp_path / f"{name}.xlsx"
        )
    # The PDF: under the heading and its date line, before the first section.
    text = _text(tmp_path / "domanda.pdf")
    assert _printed(text) == "1/2021 del 15/04/2021"
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "Protocollo n." in line)
    assert "Ancona, 15/04/2021" in lines[at - 1] and lines[at + 1].strip() == "Convenzione"
    assert _printed(_text(tmp_path / "bozza.pdf")) is None
    # The workbook: a row of its own on the summary sheet, empty on a draft.
    for name, expected in (("domanda", "n. 1/2021 del 15/04/2021"), ("bozza", None)):
        sheet = load_workbook(tmp_path / f"{name}.xlsx")["Riepilogo"]
        rows = {row[0]: row[1] for row in sheet.iter_rows(max_col=2, values_only=True)}
        assert "Protocollo" in rows and rows["Protocollo"] == expected
    # The JSON the command line prints.
    assert submitted.to_json()["protocol"] == "1/2021"
    assert draft.to_json()["protocol"] is None
    assert _details(db, "expenditure") == [
        "Domanda di rimborso n. 1 della convenzione FAMI, protocollo n. 1/2021 del 15/04/2021: "
        "1 spese incluse e bloccate"
    ]


def test_unlock_keeps_the_protocol_and_the_resubmission_takes_a_new_one(
    db: Database, admin: Actor, today: list[dt.date]
) -> None:
    convention_id = _convention_with_monthly_spending(db, admin, "FAMI")
    assert _submit(db, admin, convention_id, 1) == "1/2021 del 20/12/2021"
    with db.reading() as session:
        first = payment_requests.requests_of(session, admin, convention_id)[0]
    with db.transaction(admin) as session:
        payment_requests.unlock(session, admin, first.id, "fattura imputata alla voce errata")
    assert _submit(db, admin, convention_id, 1) == "2/2021 del 20/12/2021"
    with db.reading() as session:
        listed = payment_requests.requests_of(session, admin, convention_id)
        # The command line, for the month: the standing request, not an empty preview.
        again = payment_requests.for_period(session, admin, convention_id, *_month(1))
        left = payment_requests.for_period(session, admin, convention_id, *_month(2))
    assert [(r.number, r.protocol, r.unlocked) for r in listed] == [
        (1, "1/2021", True),
        (2, "2/2021", False),
    ]
    assert (again.number, again.to_json()["protocol"], len(again.annex)) == (2, "2/2021", 1)
    assert (left.number, left.to_json()["protocol"], len(left.annex)) == (None, None, 1)


def test_a_payment_changed_by_an_import_cancels_its_receipts_number(
    db: Database, admin: Actor, today: list[dt.date], tmp_path: Path
) -> None:
    _hosting(db, admin)
    assert [_receipt(db, admin, m) for m in (1, 2)] == [
        "1/2021 del 20/12/2021",
        "2/2021 del 20/12/2021",
    ]
    # WHEN a workbook brings January as it is and February with another amount
    book = write_xlsx(
        tmp_path / "contributi.xlsx",
        {
            "Contributi": [
                ["Famiglia", "Codice", "Mese", "Importo", "Data pagamento"],
                [FAMILY, CODE, "01/2021", "350,00", "01/02/2021"],
                [FAMILY, CODE, "02/2021", "300,00", "01/03/2021"],
            ]
        },
    )
    report = import_file(db, admin, book)
    assert report.ok, report.errors
    # THEN February's number is cancelled, January's kept
    assert _details(db, "hosting_contribution")[2:] == [
        "Protocollo n. 2/2021 annullato: ricevuta del contributo di 02/2021, pagamento "
        "modificato dall'importazione"
    ]
    assert _receipt(db, admin, 1) == "1/2021 del 20/12/2021"
    assert _receipt(db, admin, 2) == "3/2021 del 20/12/2021"
