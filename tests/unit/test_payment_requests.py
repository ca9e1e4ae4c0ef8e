"""Payment requests: totals per line against the budget, the lock, the administrator's
unlock, the PDF and XLSX read back, and the reconciliation property on both engines."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from tit_desktop.models import AuditEntry, Expenditure, Role
from tit_desktop.services.convention import expenditures, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

from .convention_fixtures import D, make_convention, spend

_names = itertools.count()


def _fill(db: Database, actor: Actor) -> tuple[int, dict[str, int]]:
    plan = make_convention(db, actor, name=f"PR{next(_names)}")
    with db.transaction(actor) as session:
        for number, (line, amount, eligible, day) in enumerate(
            [
                (plan.goods, "1234.56", "1000.00", dt.date(2021, 1, 10)),
                (plan.goods, "99.99", "99.99", dt.date(2021, 2, 28)),
                (plan.staff, "2500.00", "2500.00", dt.date(2021, 3, 31)),
                (plan.families, "350.00", "350.00", dt.date(2021, 4, 1)),  # after the period
            ]
        ):
            expenditures.create_expenditure(
                session,
                actor,
                plan.convention_id,
                spend(line, amount, eligible=eligible, number=f"N{number}", day=day),
            )
    return plan.convention_id, {"goods": plan.goods, "staff": plan.staff}


def test_preview_totals_per_line_against_the_budget(db: Database, admin: Actor) -> None:
    convention_id, _ = _fill(db, admin)
    with db.reading() as session:
        figures = payment_requests.preview(
            session, admin, convention_id, dt.date(2021, 1, 1), dt.date(2021, 3, 31)
        )
    by_name = {line.name: line for line in figures.lines}
    assert figures.total == D("3599.99")
    assert len(figures.annex) == 3
    goods = by_name["Beni e servizi"]
    assert (goods.this, goods.previous, goods.remaining, goods.percent) == (
        D("1099.99"),
        D("0.00"),
        D("28900.01"),
        D("3.7"),
    )
    assert by_name["Contributi famiglie"].this == D("0.00")


def test_submit_locks_and_the_next_request_counts_it_as_previous(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator, admin = actors[Role.COORDINATOR], actors[Role.ADMIN]
    convention_id, _ = _fill(db, coordinator)
    with db.transaction(coordinator) as session:
        request_id = payment_requests.submit(
            session,
            coordinator,
            convention_id,
            dt.date(2021, 1, 1),
            dt.date(2021, 3, 31),
            dt.date(2021, 4, 15),
        )
    with db.reading() as session:
        locked = session.scalars(
            select(Expenditure).where(Expenditure.payment_request_id == request_id)
        ).all()
        later = payment_requests.preview(
            session, coordinator, convention_id, dt.date(2021, 1, 1), dt.date(2021, 12, 31)
        )
        submitted = payment_requests.request_figures(session, coordinator, request_id)
    assert len(locked) == 3
    assert submitted.total == D("3599.99") and submitted.number == 1
    # The second request: only what is not already claimed; the first counts as previous.
    assert later.total == D("350.00")
    assert {line.name: line.previous for line in later.lines}["Beni e servizi"] == D("1099.99")
    # Locked: the service refuses a change.
    with pytest.raises(ConflictError) as refused, db.transaction(coordinator) as session:
        row = expenditures.get_row(session, coordinator, locked[0].id)
        expenditures.update_expenditure(
            session, coordinator, row.id, row.version, expenditures.input_of(row)
        )
    assert "domanda di rimborso n. 1 presentata il 15/04/2021" in refused.value.message
    # Unlock: the administrator's alone, with a reason, audited.
    with pytest.raises(PermissionDenied), db.transaction(coordinator) as session:
        payment_requests.unlock(session, coordinator, request_id, "errore di imputazione")
    with pytest.raises(ValidationError), db.transaction(admin) as session:
        payment_requests.unlock(session, admin, request_id, "  ")
    with db.transaction(admin) as session:
        assert payment_requests.unlock(session, admin, request_id, "errore di imputazione") == 3
    with db.reading() as session:
        assert (
            session.scalar(
                select(Expenditure.id).where(Expenditure.payment_request_id.is_not(None))
            )
            is None
        )
        details = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.username == "admin")
        ).all()
        summaries = payment_requests.requests_of(session, admin, convention_id)
    assert any(d and "sbloccata: errore di imputazione" in d for d in details)
    assert [(s.number, s.unlocked) for s in summaries] == [(1, True)]
    with db.transaction(coordinator) as session:
        row = expenditures.get_row(session, coordinator, locked[0].id)
        expenditures.update_expenditure(
            session, coordinator, row.id, row.version, expenditures.input_of(row)
        )


def test_an_empty_period_and_a_wrong_period_are_refused(db: Database, admin: Actor) -> None:
    convention_id, _ = _fill(db, admin)
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        payment_requests.submit(
            session, admin, convention_id, dt.date(2022, 1, 1), dt.date(2022, 2, 1)
        )
    assert "non ci sono spese" in refused.value.fields["period_from"]
    with pytest.raises(ValidationError) as refused, db.reading() as session:
        payment_requests.preview(
            session, admin, convention_id, dt.date(2022, 1, 1), dt.date(2021, 1, 1)
        )
    assert "precede" in refused.value.fields["period_to"]


def test_operators_see_no_payment_request(db: Database, actors: dict[Role, Actor]) -> None:
    convention_id, _ = _fill(db, actors[Role.ADMIN])
    with pytest.raises(PermissionDenied), db.reading() as session:
        payment_requests.preview(
            session, actors[Role.OPERATOR], convention_id, dt.date(2021, 1, 1), dt.date(2021, 3, 31)
        )


def _amounts(text: str) -> list[Decimal]:
    return [
        Decimal(m.replace(".", "").replace(",", "."))
        for m in re.findall(r"(\d{1,3}(?:\.\d{3})*,\d{2})\s*€", text)
    ]


def test_pdf_and_xlsx_read_back_show_the_services_figures(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    convention_id, _ = _fill(db, admin)
    with db.reading() as session:
        figures = payment_requests.preview(
            session, admin, convention_id, dt.date(2021, 1, 1), dt.date(2021, 3, 31)
        )
    pdf_path, xlsx_path = tmp_path / "domanda.pdf", tmp_path / "domanda.xlsx"
    payment_requests.write_documents(figures, pdf_path, xlsx_path)

    text = "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "CUP D31H20000120001" in text
    assert "Domanda di rimborso (bozza)" in text
    found = _amounts(text)
    # Every line's figures and the totals are printed, to the cent.
    for line in figures.lines:
        for value in (line.planned, line.this, line.spent, line.remaining):
            assert value in found
    assert figures.total in found and D("3599.99") in found
    for row in figures.annex:
        assert f"Fattura {row.number}" in text and row.eligible in found

    book = load_workbook(xlsx_path)
    summary = book["Riepilogo"]
    header_row = next(
        r for r in range(1, summary.max_row + 1) if summary.cell(r, 1).value == "Voce"
    )
    read = {
        summary.cell(r, 1).value: [Decimal(str(summary.cell(r, c).value)) for c in range(3, 8)]
        for r in range(header_row + 1, summary.max_row + 1)
    }
    for line in figures.lines:
        assert read[line.name] == [
            line.planned,
            line.previous,
            line.this,
            line.spent,
            line.remaining,
        ]
    assert read["Totale"][2] == figures.total
    annex = book["Allegato"]
    eligible = [Decimal(str(annex.cell(r, 8).value)) for r in range(2, annex.max_row + 1)]
    assert sum(eligible) == figures.total and len(eligible) == len(figures.annex)


_EXPENDITURES = st.lists(
    st.tuples(
        st.sampled_from(["staff", "goods", "families"]),
        st.integers(min_value=0, max_value=10_000_000),  # cents
        st.integers(min_value=0, max_value=100),  # eligible share, percent
        st.integers(min_value=0, max_value=900),  # day offset from 1 Dec 2020
    ),
    max_size=12,
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=_EXPENDITURES)
def test_lines_totals_sum_to_the_request_total_to_the_cent(
    db: Database, admin: Actor, items: list[tuple[str, int, int, int]]
) -> None:
    plan = make_convention(db, admin, name=f"P{next(_names)}")
    lines = {"staff": plan.staff, "goods": plan.goods, "families": plan.families}
    start, end = dt.date(2021, 1, 1), dt.date(2022, 6, 30)
    expected = Decimal("0.00")
    with db.transaction(admin) as session:
        for i, (line, cents, share, offset) in enumerate(items):
            amount = Decimal(cents).scaleb(-2)
            eligible = (amount * share / 100).quantize(Decimal("0.01"))
            day = dt.date(2020, 12, 1) + dt.timedelta(days=offset)
            expenditures.create_expenditure(
                session,
                admin,
                plan.convention_id,
                spend(lines[line], f"{amount}", eligible=f"{eligible}", number=f"H{i}", day=day),
            )
            if start <= day <= end:
                expected += eligible
    with db.reading() as session:
        figures = payment_requests.preview(session, admin, plan.convention_id, start, end)
    assert figures.total == expected
    assert sum((line.this for line in figures.lines), Decimal("0.00")) == expected
    assert sum((row.eligible for row in figures.annex), Decimal("0.00")) == expected
    if figures.annex:
        with db.transaction(admin) as session:
            request_id = payment_requests.submit(session, admin, plan.convention_id, start, end)
        with db.reading() as session:
            submitted = payment_requests.request_figures(session, admin, request_id)
        assert submitted.total == expected
        assert sum((line.this for line in submitted.lines), Decimal("0.00")) == expected


def test_the_documents_leave_only_with_the_export_permission(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    """The annex names payees: the auditors read the figures (READ_MONEY) but take no file
    out; a coordinatore's export is written and recorded with the request's number."""
    coordinator, auditor = actors[Role.COORDINATOR], actors[Role.READ_ONLY]
    convention_id, _ = _fill(db, coordinator)
    with db.transaction(coordinator) as session:
        request_id = payment_requests.submit(
            session, coordinator, convention_id, dt.date(2021, 1, 1), dt.date(2021, 3, 31)
        )
    with db.reading() as session:
        figures = payment_requests.request_figures(session, auditor, request_id)
    refused_pdf, refused_xlsx = tmp_path / "no.pdf", tmp_path / "no.xlsx"
    with pytest.raises(PermissionDenied), db.transaction(auditor) as session:
        payment_requests.export_documents(session, auditor, figures, refused_pdf, refused_xlsx)
    assert not refused_pdf.exists() and not refused_xlsx.exists()
    with pytest.raises(PermissionDenied), db.reading() as session:
        expenditures.export_register(
            session, auditor, expenditures.ExpenditureFilter(convention_id), tmp_path / "r.xlsx"
        )
    assert not (tmp_path / "r.xlsx").exists()

    pdf = tmp_path / "domanda.pdf"
    with db.transaction(coordinator) as session:
        written = payment_requests.export_documents(session, coordinator, figures, pdf)
    assert written == [pdf]
    assert "Protocollo n. 1/" in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "payment_request", AuditEntry.entity_id == str(request_id)
            )
        ).all()[-1]
    assert entry.detail is not None and entry.detail.startswith("Domanda di rimborso n. 1, ")
    assert "domanda.pdf" in entry.detail
