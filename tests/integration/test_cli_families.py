"""Accoglienza in famiglia from the command line: its forms, and the exchange workbook's
sheets through the existing import and export commands."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.integration.test_cli import PASSWORD, run, run_here

AS_ANNA = {"TIT_PASSWORD": PASSWORD}


def test_forms_and_workbook_of_family_hosting(db_url: str, tmp_path: Path) -> None:
    listed = run_here("form", "--list", db_url=db_url).stdout.splitlines()
    assert {"accordo-famiglia", "ricevuta-contributo", "pagamenti-famiglie"} <= set(listed)
    assert run_here("demo", "--people", "60", "--seed", "3", db_url=db_url).returncode == 0
    added = run_here("user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    workbook = tmp_path / "scambio.xlsx"
    exported = run_here("--user", "anna", "export", str(workbook), db_url=db_url, env=AS_ANNA)
    assert exported.returncode == 0, exported.stderr
    book = load_workbook(workbook, read_only=True)
    assert {"Famiglie", "Accoglienze", "Contributi"} <= set(book.sheetnames)
    first_payment = next(book["Contributi"].iter_rows(min_row=2, max_row=2, values_only=True))
    family, code, month = first_payment[0], first_payment[1], first_payment[2]
    book.close()

    out = tmp_path / "pagamenti.pdf"
    printed = run(  # the area's form in a process of its own
        "--user", "anna", "form", "pagamenti-famiglie", "--month", str(month), "--out", str(out),
        db_url=db_url, env=AS_ANNA,
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert "Contributi alle famiglie ospitanti" in text and str(family) in text

    receipt = tmp_path / "ricevuta.pdf"
    printed = run_here(
        "--user", "anna", "form", "ricevuta-contributo", "--family", str(family),
        "--person", str(code), "--month", str(month), "--out", str(receipt),
        db_url=db_url, env=AS_ANNA,
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    assert str(code) in PdfReader(receipt).pages[0].extract_text()
    # A receipt asked for without the family: wrong usage, naming the selector.
    bare = run_here(
        "--user", "anna", "form", "ricevuta-contributo", "--person", str(code),
        "--month", str(month), "--out", str(receipt), db_url=db_url, env=AS_ANNA,
    )  # fmt: skip
    assert bare.returncode == 2 and "--family F" in bare.stderr

    # The same workbook checked against the database it came from: every row unchanged.
    checked = run_here(
        "--user", "anna", "import", str(workbook), "--dry-run", "--json",
        db_url=db_url, env=AS_ANNA,
    )  # fmt: skip
    report = json.loads(checked.stdout)
    assert checked.returncode == 0 and report["ok"], report
    assert report["imported"]["Contributi"] > 0
