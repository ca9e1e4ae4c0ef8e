"""Housing from the command line: the forms with their selectors, and the exchange sheets
through the existing import and export commands."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.integration.test_cli import PASSWORD, run, run_here

AS_ANNA = {"TIT_PASSWORD": PASSWORD}


def test_housing_forms_and_sheets_from_the_command_line(db_url: str, tmp_path: Path) -> None:
    assert run_here("demo", "--people", "30", db_url=db_url).returncode == 0
    added = run_here("user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n")
    assert added.returncode == 0
    listed = run_here("form", "--list", "--json", db_url=db_url)
    assert {"name": "registro-presenze-alloggio", "title": "Registro mensile delle presenze"} in (
        json.loads(listed.stdout)
    )
    month = dt.date.today().strftime("%m/%Y")
    out = tmp_path / "registro.pdf"
    printed = run(  # the area's form in a process of its own
        "--user",
        "anna",
        "form",
        "registro-presenze-alloggio",
        "--alloggio",
        "Casa Aurora",
        "--month",
        month,
        "--out",
        str(out),
        db_url=db_url,
        env=AS_ANNA,
    )
    assert printed.returncode == 0, printed.stderr
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Registro mensile delle presenze" in text and "Casa Aurora" in text
    # A selector missing: wrong usage, naming it.
    bare = run_here(
        "--user",
        "anna",
        "form",
        "registro-presenze-alloggio",
        "--alloggio",
        "Casa Aurora",
        "--out",
        str(out),
        db_url=db_url,
        env=AS_ANNA,
    )
    assert bare.returncode in (1, 2) and "--month" in (bare.stderr + bare.stdout)
    tonight = run_here(
        "--user",
        "anna",
        "form",
        "elenco-stanotte",
        "--out",
        str(tmp_path / "n.pdf"),
        db_url=db_url,
        env=AS_ANNA,
    )
    assert tonight.returncode == 0, tonight.stderr
    # Export, then a dry run of the same file: every row is already there, unchanged.
    book = tmp_path / "scambio.xlsx"
    exported = run_here("--user", "anna", "export", str(book), db_url=db_url, env=AS_ANNA)
    assert exported.returncode == 0, exported.stderr
    sheets = load_workbook(book, read_only=True).sheetnames
    assert sheets[0] == "Beneficiari" and {"Alloggi", "Soggiorni"} <= set(sheets)
    checked = run_here(
        "--user", "anna", "import", str(book), "--dry-run", "--json", db_url=db_url, env=AS_ANNA
    )
    report = json.loads(checked.stdout)
    assert checked.returncode == 0 and report["ok"], report["errors"][:3]
    assert report["imported"]["Alloggi"] == 5 and report["imported"]["Soggiorni"] > 20
