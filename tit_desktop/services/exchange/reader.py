"""Reading an exchange file into plain rows: an ``.xlsx`` workbook, one ``.csv`` file, or a
folder of ``.csv`` files (one per sheet, named after it).

No rule of the sheets lives here: the reader only says where the cells are and which of them
cannot be trusted, in Italian, and leaves the rest to the importer.

* ``.xlsx`` is read with openpyxl in read-only mode with ``data_only=True``, so a formula gives
  the value the spreadsheet program computed and saved. A formula saved without a value
  (files written by programs that do not compute) becomes a :class:`~.cells.BadCell` naming
  the cell, as does a cell holding an Excel error (#DIV/0!, #N/D...).
* Read-only mode does not report merged cells: the sheet's XML is scanned for them, and every
  cell of a merged range becomes :class:`InMergedRange`, so that the half-values of a merged
  range (the value in the first cell only) are never imported.
* CSV: UTF-8 with or without BOM, otherwise Windows-1252 (what Italian Excel writes with
  "CSV (delimitato dal separatore di elenco)"); the delimiter is ``;`` or ``,``, whichever
  the header line uses.

Row numbers are the spreadsheet's (the header is row 1); rows whose cells are all blank are
left out, without renumbering the others.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from tit_desktop.services.exchange.cells import BadCell, is_blank
from tit_desktop.services.exchange.model import Issue

log = logging.getLogger(__name__)

StepCallback = Callable[[int, int], None]
"""``step(rows_read, rows_expected)``: called every few hundred rows while reading."""

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_STEP_EVERY = 500


@dataclass(frozen=True)
class InMergedRange:
    """A cell inside a merged range; the range is reported once, as an error."""

    ref: str


@dataclass(frozen=True)
class MergedRange:
    ref: str  # "A3:B5"
    min_col: int
    min_row: int
    max_col: int
    max_row: int


@dataclass
class RawSheet:
    """One sheet as read: the header (row 1) and the non-blank rows below it."""

    name: str  # the sheet's title, or the CSV file's name without ".csv"
    source: str  # the file it came from (the CSV file for a folder of CSV files)
    header: list[Any]
    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, cell values)
    merged: list[MergedRange] = field(default_factory=list)


@dataclass
class RawWorkbook:
    source: str
    sheets: list[RawSheet]
    errors: list[Issue] = field(default_factory=list)


def _no_step(_done: int, _total: int) -> None:
    return None


def read(path: Path, step: StepCallback | None = None) -> RawWorkbook:
    """Read ``path`` (an .xlsx file, a .csv file or a folder of .csv files). Problems that
    stop the reading (missing file, wrong format, unreadable encoding) are in ``errors``."""
    step = step or _no_step
    source = path.name or str(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
        if not files:
            return _failed(source, f"la cartella «{path}» non contiene file .csv")
        workbook = RawWorkbook(source, [])
        for file in files:
            _read_csv_into(workbook, file, step)
        return workbook
    if not path.exists():
        return _failed(source, f"file «{path}» non trovato")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, step)
    if suffix == ".csv":
        workbook = RawWorkbook(source, [])
        _read_csv_into(workbook, path, step)
        return workbook
    if suffix in (".xls", ".ods"):
        return _failed(
            source,
            f"il formato {suffix} non è supportato: aprire il file con Excel o LibreOffice e "
            "salvarlo come «Cartella di lavoro di Excel (.xlsx)»",
        )
    return _failed(source, "sono ammessi solo file .xlsx, file .csv o una cartella di file .csv")


def _failed(source: str, message: str) -> RawWorkbook:
    return RawWorkbook(source, [], [Issue(None, None, None, message)])


# --- xlsx -----------------------------------------------------------------------------


def _read_xlsx(path: Path, step: StepCallback) -> RawWorkbook:
    source = path.name
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except PermissionError:
        return _failed(
            source,
            "il file non si può aprire: forse è aperto in un altro programma o manca "
            "il permesso di leggerlo",
        )
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        log.info("Unreadable workbook %s: %r", path, exc)
        return _failed(source, "il file non è una cartella di lavoro .xlsx leggibile")
    workbook = RawWorkbook(source, [])
    try:
        with zipfile.ZipFile(path) as archive:
            for sheet in book.worksheets:
                workbook.sheets.append(_read_xlsx_sheet(sheet, archive, source, step))
        for chart in book.chartsheets:
            workbook.sheets.append(RawSheet(chart.title, source, [], []))
    except Exception as exc:
        log.info("Unreadable workbook %s: %r", path, exc)
        return _failed(source, "il file non è una cartella di lavoro .xlsx leggibile")
    finally:
        book.close()
    return workbook


def _read_xlsx_sheet(
    sheet: Any, archive: zipfile.ZipFile, source: str, step: StepCallback
) -> RawSheet:
    expected = sheet.max_row or 0
    formulas_without_value, merged = _scan_sheet_xml(archive, sheet)
    # Some programs write a wrong <dimension>: read what is there, not what it claims.
    sheet.reset_dimensions()
    table: list[list[Any]] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values: list[Any] = []
        for column, cell in enumerate(cells, start=1):
            value = cell.value
            if getattr(cell, "data_type", None) == "e":
                value = BadCell(
                    f"la cella {get_column_letter(column)}{number} contiene un errore di "
                    f"calcolo ({cell.value})"
                )
            elif value is None and formulas_without_value:
                coordinate = f"{get_column_letter(column)}{number}"
                if coordinate in formulas_without_value:
                    value = BadCell(
                        f"la formula nella cella {coordinate} non ha un valore calcolato: "
                        "aprire il file con Excel o LibreOffice, salvarlo e importarlo di nuovo"
                    )
            values.append(value)
        table.append(values)
        if number % _STEP_EVERY == 0:
            step(number, expected)
    for ref in merged:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        for row in range(min_row, max_row + 1):
            while len(table) < row:
                table.append([])
            cells_of_row = table[row - 1]
            while len(cells_of_row) < max_col:
                cells_of_row.append(None)
            for col in range(min_col, max_col + 1):
                cells_of_row[col - 1] = InMergedRange(ref)
    header = table[0] if table else []
    rows = [
        (number, values)
        for number, values in enumerate(table[1:], start=2)
        if not all(is_blank(v) for v in values)
    ]
    ranges = []
    for ref in merged:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        ranges.append(MergedRange(ref, min_col, min_row, max_col, max_row))
    ranges.sort(key=lambda r: (r.min_row, r.min_col))
    return RawSheet(sheet.title, source, header, rows, ranges)


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_MERGE_TAG = re.compile(rb"<(?:\w+:)?mergeCell[\s>/]")


def _scan_sheet_xml(archive: zipfile.ZipFile, sheet: Any) -> tuple[set[str], list[str]]:
    """Formula cells saved without a computed value, and merged ranges, of one sheet.

    openpyxl's read-only mode reports neither (a formula without a value reads as an empty
    cell), so the sheet's XML is read: first a quick byte scan, and only when it finds
    formulas or merged cells a streaming parse of the XML for their exact positions.
    """
    member = getattr(sheet, "_worksheet_path", None)
    if member is None or member not in archive.namelist():
        raise RuntimeError(f"worksheet XML of {sheet.title!r} not found")
    has_formula = has_merge = False
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            has_formula = has_formula or _FORMULA_TAG.search(data) is not None
            has_merge = has_merge or _MERGE_TAG.search(data) is not None
            tail = data[-64:]
    if not (has_formula or has_merge):
        return set(), []
    missing: set[str] = set()
    merged: list[str] = []
    with archive.open(member) as stream:
        for _event, element in ElementTree.iterparse(stream, events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "c":
                if _formula_without_value(element):
                    missing.add(element.get("r", ""))
                element.clear()
            elif tag == "row":
                element.clear()
            elif tag == "mergeCell":
                ref = element.get("ref", "")
                merged.append(ref if ":" in ref else f"{ref}:{ref}")
    return missing, merged


def _formula_without_value(cell: ElementTree.Element) -> bool:
    """A formula cell saved with no computed value: no ``<v>``, or an empty one (what
    openpyxl and other programs that do not compute write). An empty ``<v>`` is a real
    value only for a text result (``t="str"``: the formula gave "")."""
    children = {child.tag.rsplit("}", 1)[-1]: child for child in cell}
    if "f" not in children or "is" in children:
        return False
    value = children.get("v")
    if value is not None and value.text:
        return False
    return not (value is not None and cell.get("t") == "str")


# --- csv ------------------------------------------------------------------------------


def _read_csv_into(workbook: RawWorkbook, path: Path, step: StepCallback) -> None:
    name = path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.info("Unreadable CSV %s: %r", path, exc)
        workbook.errors.append(Issue(name, None, None, f"il file «{path.name}» non si può leggere"))
        return
    text, problem = _decode(data)
    if text is None:
        workbook.errors.append(Issue(name, None, None, f"file «{path.name}»: {problem}"))
        return
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    records: list[tuple[int, list[Any]]] = []
    header: list[Any] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        for number, record in enumerate(reader, start=1):
            if number == 1:
                header = list(record)
            elif not all(is_blank(v) for v in record):
                records.append((number, list(record)))
            if number % _STEP_EVERY == 0:
                step(number, 0)
    except csv.Error as exc:
        workbook.errors.append(
            Issue(name, None, None, f"file «{path.name}» non leggibile come CSV ({exc})")
        )
        return
    workbook.sheets.append(RawSheet(name, path.name, header, records))


def _decode(data: bytes) -> tuple[str | None, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), ""
        except UnicodeDecodeError:
            return None, "il file dichiara la codifica UTF-8 ma contiene caratteri non validi"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, (
            "il file è in formato «Testo Unicode» (UTF-16): salvarlo da Excel come "
            "«CSV UTF-8 (delimitato da virgole)»"
        )
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ""
    except UnicodeDecodeError:
        return None, (
            "codifica dei caratteri non riconosciuta: salvarlo da Excel come «CSV UTF-8 "
            "(delimitato da virgole)»"
        )


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 1-based column index (1 -> "A")."""
    return get_column_letter(index)
