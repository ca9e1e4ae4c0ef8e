"""Golden files of the convention's reports: the payment request and the quarterly sheet, as
their PDFs read back, for a fixed dataset (the same on both engines)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from tests.golden import assert_matches_golden
from tit_desktop.services.convention import expenditures, payment_requests, quarterly
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

from .convention_fixtures import make_convention, spend


def _text(path: Path) -> str:
    lines = []
    for page in PdfReader(path).pages:
        for line in page.extract_text().splitlines():
            if line.startswith("Stampato il"):
                continue  # the moment of printing
            lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def _dataset(db: Database, admin: Actor) -> int:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        for number, (line, amount, eligible, day) in enumerate(
            [
                (plan.goods, "1234.56", "1000.00", dt.date(2021, 1, 10)),
                (plan.staff, "2500.00", "2500.00", dt.date(2021, 2, 28)),
                (plan.goods, "99.99", "99.99", dt.date(2021, 3, 31)),
                (plan.families, "350.00", "350.00", dt.date(2021, 4, 2)),
            ],
            start=1,
        ):
            expenditures.create_expenditure(
                session,
                admin,
                plan.convention_id,
                spend(line, amount, eligible=eligible, number=f"{number}/2021", day=day),
            )
        payment_requests.submit(
            session,
            admin,
            plan.convention_id,
            dt.date(2021, 1, 1),
            dt.date(2021, 3, 31),
            dt.date(2021, 4, 15),
        )
    return plan.convention_id


def test_payment_request_golden(db: Database, admin: Actor, tmp_path: Path) -> None:
    convention_id = _dataset(db, admin)
    with db.reading() as session:
        [request] = payment_requests.requests_of(session, admin, convention_id)
        figures = payment_requests.request_figures(session, admin, request.id)
    out = tmp_path / "domanda.pdf"
    payment_requests.write_documents(figures, out)
    assert_matches_golden(_text(out), "payment_request.txt")


def test_quarterly_golden(db: Database, admin: Actor, tmp_path: Path) -> None:
    convention_id = _dataset(db, admin)
    out = tmp_path / "q.pdf"
    with db.transaction(admin) as session:
        sheet = quarterly.quarterly_sheet(session, admin, convention_id, 2021, 2)
        quarterly.write_pdf(session, admin, sheet, out)
    assert_matches_golden(_text(out), "quarterly.txt")
