"""Helpers for the exchange-workbook tests: workbooks and CSV files built in code, imports
in a transaction, row counts. (Also checks the helpers themselves.)"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from tit_desktop.models import AuditEntry, Person
from tit_desktop.services import exchange
from tit_desktop.services.database import Database
from tit_desktop.services.exchange import persons_sheet
from tit_desktop.services.permissions import Actor

HEADER = [c.name for c in persons_sheet.COLUMNS]

# A valid row; the codice fiscale is the one the Agenzia delle Entrate computes.
BASE_ROW: dict[str, Any] = {
    "Codice": "TIU-1",
    "Cognome": "Gündoğdu",
    "Nome": "Şükrü",
    "Sesso": "M",
    "Data di nascita": "12/03/1990",
    "Luogo di nascita": "Turchia",
    "Cittadinanza": "Turchia",
    "Codice fiscale": "GNDSKR90C12Z243P",
    "Data presa in carico": "02/05/2024",
}


def person_row(**values: Any) -> dict[str, Any]:
    """BASE_ROW with some cells changed; keys are column names with "_" for spaces
    (``Data_di_nascita=...``) or plain names."""
    row = dict(BASE_ROW)
    for key, value in values.items():
        row[key.replace("_", " ")] = value
    return row


def write_xlsx(path: Path, sheets: Mapping[str, Sequence[Sequence[Any]]]) -> Path:
    book = Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        sheet.title = name
        first = False
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def table(
    rows: Sequence[Mapping[str, Any]], header: Sequence[str] | None = None
) -> list[list[Any]]:
    """Header plus one list per row, in the header's order (blank for missing keys)."""
    columns = list(header or HEADER)
    return [columns] + [[row.get(c) for c in columns] for row in rows]


def persons_workbook(
    path: Path, rows: Sequence[Mapping[str, Any]], header: Sequence[str] | None = None
) -> Path:
    return write_xlsx(path, {"Beneficiari": table(rows, header)})


def set_cached_values(path: Path, values: Mapping[str, str], kind: str | None = None) -> None:
    """Give formula cells the computed value a spreadsheet program would have saved
    (openpyxl writes formulas with an empty value); ``kind`` is the cell type Excel writes
    ("str" for a text result, "e" for an error such as #DIV/0!)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        pattern = re.compile(rf'<c r="{ref}"([^>]*)>(<f>.*?</f>)<v\s*/>')
        attribute = f' t="{kind}"' if kind else ""
        xml, found = pattern.subn(rf'<c r="{ref}"\1{attribute}>\2<v>{value}</v>', xml)
        assert found == 1, ref
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def import_file(
    db: Database, actor: Actor, path: Path, dry_run: bool = False, **kwargs: Any
) -> exchange.ImportReport:
    with db.transaction(actor) as session:
        return exchange.import_workbook(session, actor, path, dry_run=dry_run, **kwargs)


def counts(db: Database) -> tuple[int, int]:
    """(persons, audit entries)."""
    with db.reading() as session:
        people = session.scalar(select(func.count()).select_from(Person)) or 0
        entries = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return int(people), int(entries)


def issues(report: exchange.ImportReport, warnings: bool = False) -> list[tuple[Any, ...]]:
    found = report.warnings if warnings else report.errors
    return [(i.sheet, i.row, i.column, i.message) for i in found]


def read_back(path: Path, sheet: str = "Beneficiari") -> list[list[Any]]:
    """The cells of an exported workbook; date cells as ``datetime.date``, every row as
    long as the header."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = [
            [v.date() if isinstance(v, dt.datetime) else v for v in values]
            for values in book[sheet].iter_rows(values_only=True)
        ]
        width = len(rows[0]) if rows else 0
        return [row + [None] * (width - len(row)) for row in rows]
    finally:
        book.close()


def test_table_puts_cells_under_their_header() -> None:
    assert table([{"Codice": "A", "Nome": "B"}], ["Nome", "Codice", "Note"]) == [
        ["Nome", "Codice", "Note"],
        ["B", "A", None],
    ]


def test_cached_values_are_written_as_a_spreadsheet_program_would(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", {"Beneficiari": [["Codice"], ["=1+1"]]})
    set_cached_values(path, {"A2": "2"})
    book = load_workbook(path, data_only=True)
    assert book["Beneficiari"]["A2"].value == 2
