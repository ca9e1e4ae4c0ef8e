"""Exporting the exchange workbook, in the format the importer reads.

* ``.xlsx``: one sheet per exported registry, header in bold and frozen, dates as real date
  cells shown dd/mm/yyyy, whole numbers as numbers, amounts as numbers with two decimals,
  text always as text (a value starting with "=" is never turned into a formula).
* ``.csv``: one file per sheet, named after the sheet (``Beneficiari.csv``...) and written
  in the folder of the path given, UTF-8 with BOM and ``;`` as delimiter, so that Italian
  Excel opens it with accents and columns right; dates dd/mm/yyyy, amounts "1234,56". A text
  a spreadsheet program would run as a formula gets a leading apostrophe, by the rule of
  :func:`.cells.csv_protected`, which the CSV reader undoes exactly.

Characters an .xlsx file cannot hold (control characters other than tab and line breaks,
U+FFFE, U+FFFF; the person form and the import refuse them, but older records may hold
them) are left out. Files are written to a temporary file first, read back, and only then
put in place: a failed export never leaves half a file, nor one that Excel cannot open.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import logging
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from tit_desktop.services import audit
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ServiceError, ValidationError
from tit_desktop.services.exchange.cells import csv_protected
from tit_desktop.services.exchange.model import ExportResult, ProgressCallback
from tit_desktop.services.exchange.sheets import SHEETS, Column, ExportOptions, SheetSpec
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.persons import PersonFilter

log = logging.getLogger(__name__)

EXPORT_ACTION = "export"
DATE_FORMAT = "DD/MM/YYYY"
AMOUNT_FORMAT = "#,##0.00"
# Not allowed in XML 1.0, so not in an .xlsx file (tab, line feed and carriage return are).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def export_workbook(
    session: Session,
    actor: Actor,
    path: str | Path,
    person_filter: PersonFilter | None = None,
    progress: ProgressCallback | None = None,
    *,
    record: bool = True,
) -> ExportResult:
    """Write the exchange workbook to ``path`` (.xlsx; or .csv: one CSV per sheet in that
    folder) with the persons of ``person_filter`` (all when None), never anonymised or
    merged ones, sorted by Codice, and the sheets about their services that have rows.
    Needs :attr:`Permission.EXPORT_DATA`; recorded in the audit log as an ``export`` (unless
    ``record`` is False: :func:`export_database` records it in its own transaction)."""
    require(actor, Permission.EXPORT_DATA)
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError({"file": "il nome del file deve terminare con .xlsx o .csv"})
    report = progress or (lambda _d, _t, _x: None)
    options = ExportOptions(person_filter)
    sheets: list[tuple[SheetSpec, tuple[Column, ...], list[list[Any]]]] = []
    withheld: dict[Permission, list[str]] = {}
    for spec in SHEETS.values():
        if spec.exporter is None:
            continue
        if spec.read_permission is not None and not actor.can(spec.read_permission):
            withheld.setdefault(spec.read_permission, []).append(spec.name)
            continue
        report(0, 0, f"Lettura dei dati: {spec.name}…")
        rows = spec.exporter(session, actor, options)
        columns = spec.readable_columns(actor)
        if len(columns) < len(spec.columns):
            kept = [i for i, c in enumerate(spec.columns) if c in columns]
            rows = [[row[i] for i in kept] for row in rows]
            for column in spec.columns:
                if column not in columns:
                    assert column.read_permission is not None
                    withheld.setdefault(column.read_permission, []).append(
                        f"{spec.name}: {column.name}"
                    )
        # The office works with the sheets it uses: a sheet with no rows is left out (the
        # persons' sheet, the one every other refers to, is always written).
        if rows or spec.name == "Beneficiari":
            sheets.append((spec, columns, rows))
    report(0, 0, "Scrittura del file…")
    if suffix == ".xlsx":
        files = [_write_xlsx(target, sheets)]
    else:
        files = [
            _write_csv(target.parent / f"{spec.name}.csv", rows, columns)
            for spec, columns, rows in sheets
        ]
    exported = {spec.name: len(rows) for spec, _columns, rows in sheets}
    result = ExportResult(
        exported,
        files,
        # per permission, the sheets and then the columns, as the note names them
        withheld=tuple(
            item for items in withheld.values() for item in sorted(items, key=lambda i: ": " in i)
        ),
        note=_withheld_note(actor, withheld),
    )
    if record:
        record_export(session, actor, target, result, person_filter)
    return result


def _withheld_note(actor: Actor, withheld: dict[Permission, list[str]]) -> str:
    """What the role's permissions kept out of the file, in Italian, for the summary."""
    parts = []
    for permission, items in withheld.items():
        sheets = [i for i in items if ": " not in i]
        columns = [i.split(": ", 1) for i in items if ": " in i]
        what = []
        if sheets:
            what.append(("il foglio " if len(sheets) == 1 else "i fogli ") + ", ".join(sheets))
        what.extend(f"la colonna {column} del foglio {sheet}" for sheet, column in columns)
        parts.append(
            f"Non esportati, perché il ruolo «{actor.role_label}» non permette di "
            f"{permission.value}: " + "; ".join(what) + "."
        )
    return " ".join(parts)


def record_export(
    session: Session,
    actor: Actor,
    target: Path,
    result: ExportResult,
    person_filter: PersonFilter | None,
) -> None:
    """The audit entry of an export: which file, how many rows per sheet, which filter."""
    flt = person_filter or PersonFilter()
    audit.record(
        session,
        actor,
        EXPORT_ACTION,
        "person",
        # The sheets with rows (every sheet's count is in ``changes``).
        detail=f"Esportazione in «{target.name}»: "
        + (
            ", ".join(f"{name} {count}" for name, count in result.exported.items() if count)
            or "nessuna riga"
        ),
        changes={
            "file": str(target),
            "exported": result.exported,
            "filter": dataclasses.asdict(flt),
            **({"withheld": list(result.withheld)} if result.withheld else {}),
        },
    )
    session.flush()


def export_database(
    db: Database,
    actor: Actor,
    path: str | Path,
    person_filter: PersonFilter | None = None,
    progress: ProgressCallback | None = None,
) -> ExportResult:
    """:func:`export_workbook` for the CLI and the window: the rows are read in a read
    transaction, so that on SQLite the other PCs go on saving during a long export (a write
    transaction would hold the one write lock all along), and the export is recorded
    afterwards in a short write transaction. A file whose export could not be recorded is
    removed: nothing leaves the office without its trace in the audit log."""
    with db.reading() as session:
        result = export_workbook(session, actor, path, person_filter, progress, record=False)
    try:
        with db.transaction(actor) as session:
            record_export(session, actor, Path(path), result, person_filter)
    except BaseException:
        for file in result.files:
            file.unlink(missing_ok=True)
        raise
    return result


class UnreadableExport(ServiceError):
    """The file just written could not be read back: it is not put in place."""


@contextmanager
def _replacing(
    target: Path, mode: str, verify: Callable[[Path], None], **kwargs: Any
) -> Iterator[IO[Any]]:
    """A temporary file beside ``target`` that takes its place when the block ends well
    and ``verify`` (which reads it back) accepts it."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            prefix=".tit-export-", suffix=target.suffix, dir=target.parent
        )
    except OSError as exc:
        raise ServiceError(f"Impossibile scrivere nella cartella «{target.parent}»: {exc}") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, mode, **kwargs) as stream:
            yield stream
        try:
            verify(temp)
        except Exception as exc:
            log.error("Export to %s unreadable once written: %r", target, exc)
            raise UnreadableExport(
                f"Il file «{target.name}» scritto dall'esportazione non si rilegge "
                "correttamente, perciò non è stato salvato. Segnalare il problema "
                "all'assistenza."
            ) from exc
        os.replace(temp, target)
    except PermissionError as exc:
        temp.unlink(missing_ok=True)
        raise ServiceError(
            f"Impossibile scrivere «{target.name}»: forse il file è aperto in Excel o in un "
            "altro programma. Chiuderlo e riprovare."
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _clean_text(text: str) -> str:
    return _NOT_IN_XML.sub("", text)


def _write_xlsx(
    target: Path, sheets: list[tuple[SheetSpec, tuple[Column, ...], list[list[Any]]]]
) -> Path:
    book = Workbook(write_only=True)
    for spec, columns, rows in sheets:
        sheet = book.create_sheet(spec.name)
        widths = [max(10, len(c.name) + 2) for c in columns]
        for row in rows[:200]:
            for index, value in enumerate(row):
                if isinstance(value, str):
                    widths[index] = min(50, max(widths[index], len(value) + 2))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=column.name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            sheet.append([_xlsx_value(sheet, value) for value in row])
    names = [spec.name for spec, _columns, _rows in sheets]
    with _replacing(target, "wb", lambda written: _verify_xlsx(written, names)) as stream:
        book.save(stream)
    return target


def _verify_xlsx(path: Path, sheet_names: list[str]) -> None:
    """Read back a written workbook: the archive's checksums, every XML part well formed
    (a character XML does not allow makes Excel refuse the whole file), and openpyxl
    opening it with the sheets expected."""
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            raise ValueError(f"damaged member {bad}")
        for member in archive.namelist():
            if not member.endswith((".xml", ".rels")):
                continue
            parser = expat.ParserCreate()
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    parser.Parse(chunk, False)
            parser.Parse(b"", True)
    book = load_workbook(path, read_only=True)
    try:
        if book.sheetnames != sheet_names:
            raise ValueError(f"sheets {book.sheetnames} instead of {sheet_names}")
    finally:
        book.close()


def _xlsx_value(sheet: Any, value: Any) -> Any:
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = AMOUNT_FORMAT
        return cell
    if isinstance(value, str):
        text = _clean_text(value)
        if text.startswith("="):
            cell = WriteOnlyCell(sheet, value=text)
            cell.data_type = "s"  # text, not a formula
            return cell
        return text
    return value


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, str):
        return csv_protected(_clean_text(value))
    return str(value)


def _write_csv(target: Path, rows: list[list[Any]], columns: tuple[Column, ...]) -> Path:
    def verify(written: Path) -> None:
        with written.open(encoding="utf-8-sig", newline="") as stream:
            records = sum(1 for _record in csv.reader(stream, delimiter=";", strict=True))
        if records != len(rows) + 1:
            raise ValueError(f"{records} records read back instead of {len(rows) + 1}")

    with _replacing(target, "w", verify, encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow([c.name for c in columns])
        for row in rows:
            writer.writerow([_csv_value(v) for v in row])
    return target
