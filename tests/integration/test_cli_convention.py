"""`tit-desktop report payment-request` and `report quarterly` (DOMAIN.md 10): one request
in a subprocess, the other commands in the test's process."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import PASSWORD, make_user
from tests.integration.test_cli import run, run_here
from tests.unit.convention_fixtures import make_convention, spend
from tit_desktop.models import Role
from tit_desktop.services.convention import expenditures, payment_requests
from tit_desktop.services.database import Database

ENV = {"TIT_PASSWORD": PASSWORD}


def _prepare(db_url: str, submitted_on: dt.date | None = None) -> None:
    """Two expenditures of 2021; with ``submitted_on``, the year's request submitted."""
    db = Database(db_url)
    try:
        coordinator = make_user(db, "coord", Role.COORDINATOR)
        make_user(db, "oper", Role.OPERATOR)
        plan = make_convention(db, coordinator)
        with db.transaction(coordinator) as session:
            expenditures.create_expenditure(
                session, coordinator, plan.convention_id, spend(plan.goods, "1234.56", number="A")
            )
            expenditures.create_expenditure(
                session, coordinator, plan.convention_id, spend(plan.staff, "0.01", number="B")
            )
            if submitted_on is not None:
                payment_requests.submit(
                    session,
                    coordinator,
                    plan.convention_id,
                    dt.date(2021, 1, 1),
                    dt.date(2021, 12, 31),
                    submitted_on,
                )
    finally:
        db.dispose()


def test_payment_request_json_pdf_and_xlsx(db_url: str, tmp_path: Path) -> None:
    _prepare(db_url)
    out, xlsx = tmp_path / "d.pdf", tmp_path / "d.xlsx"
    result = run(
        "--user",
        "coord",
        "report",
        "payment-request",
        "--convention",
        "tiu",
        "--from",
        "01/01/2021",
        "--to",
        "31/12/2021",
        "--out",
        str(out),
        "--xlsx",
        str(xlsx),
        "--json",
        db_url=db_url,
        env=ENV,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total_eur"] == "1234.57" and data["expenditures"] == 2
    assert data["number"] is None and data["protocol"] is None  # a preview: not submitted
    assert sum(Decimal(line["this_request_eur"]) for line in data["lines"]) == Decimal("1234.57")
    assert "1.234,57 €" in "".join(p.extract_text() for p in PdfReader(out).pages)
    assert xlsx.stat().st_size > 0
    text = run_here(
        "--user",
        "coord",
        "report",
        "payment-request",
        "--convention",
        "TIU",
        "--from",
        "01/01/2021",
        "--to",
        "31/12/2021",
        db_url=db_url,
        env=ENV,
    )
    assert "Totale richiesto: 1.234,57 EUR (2 spese)" in text.stdout


def test_a_submitted_period_prints_the_request_with_its_protocol(
    db_url: str, tmp_path: Path
) -> None:
    _prepare(db_url, submitted_on=dt.date(2021, 4, 15))
    out = tmp_path / "d.pdf"
    args = ["--user", "coord", "report", "payment-request", "--convention", "TIU"]
    period = ["--from", "01/01/2021", "--to", "31/12/2021"]
    result = run(*args, *period, "--out", str(out), "--json", db_url=db_url, env=ENV)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["number"], data["protocol"], data["total_eur"]) == (1, "1/2021", "1234.57")
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Domanda di rimborso n. 1" in text and "Protocollo n. 1/2021 del 15/04/2021" in text
    plain = run(*args, *period, db_url=db_url, env=ENV)
    assert "Domanda n. 1, protocollo n. 1/2021 del 15/04/2021" in plain.stdout


def test_refusals_and_wrong_usage(db_url: str) -> None:
    _prepare(db_url)
    operator = run_here(
        "--user",
        "oper",
        "report",
        "payment-request",
        "--convention",
        "TIU",
        "--from",
        "01/01/2021",
        "--to",
        "31/12/2021",
        "--json",
        db_url=db_url,
        env=ENV,
    )
    assert operator.returncode == 1
    assert json.loads(operator.stdout)["error"] == "PermissionDenied"
    unknown = run_here(
        "--user",
        "coord",
        "report",
        "payment-request",
        "--convention",
        "NOPE",
        "--from",
        "01/01/2021",
        "--to",
        "31/12/2021",
        db_url=db_url,
        env=ENV,
    )
    assert unknown.returncode == 1 and "NOPE" in unknown.stderr
    bad_date = run_here(
        "--user",
        "coord",
        "report",
        "payment-request",
        "--convention",
        "TIU",
        "--from",
        "2021-01-01",
        "--to",
        "31/12/2021",
        db_url=db_url,
        env=ENV,
    )
    assert bad_date.returncode == 2 and "gg/mm/aaaa" in bad_date.stderr


def test_quarterly_json_and_pdf(db_url: str, tmp_path: Path) -> None:
    _prepare(db_url)
    out = tmp_path / "q.pdf"
    result = run_here(
        "--user",
        "coord",
        "report",
        "quarterly",
        "--convention",
        "TIU",
        "--quarter",
        "2021-Q1",
        "--out",
        str(out),
        "--json",
        db_url=db_url,
        env=ENV,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["quarter"] == "2021-Q1" and data["financial"]["quarter_eur"] == "1234.57"
    assert "4. Finanziaria" in "".join(p.extract_text() for p in PdfReader(out).pages)
    wrong = run_here(
        "--user",
        "coord",
        "report",
        "quarterly",
        "--convention",
        "TIU",
        "--quarter",
        "2021-5",
        db_url=db_url,
        env=ENV,
    )
    assert wrong.returncode == 1 and "AAAA-Qn" in wrong.stderr
