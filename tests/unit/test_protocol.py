"""The office's outgoing register (protocollo) on payment requests: one series per year,
shared with the quarterly monitoring sheets sent; printed on the request's PDF, XLSX and
JSON; kept when the request is unlocked."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from tit_desktop.models import AuditEntry
from tit_desktop.services import clock
from tit_desktop.services.convention import payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

from .test_numbering import (
    _convention_with_monthly_spending,
    _month,
)

TODAY = dt.date(2021, 12, 20)
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
