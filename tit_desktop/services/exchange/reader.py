"""Reading an exchange file into plain rows: an ``.xlsx`` workbook, one ``.csv`` file, or a
folder of ``.csv`` files (one per sheet, named after it).

No rule of the sheets lives here: the reader only says where the cells are and which of them
cannot be trusted, in Italian, and leaves the rest to the importer.

* ``.xlsx`` is read with openpyxl in read-only mode with ``data_only=True``, so a formula gives
  the value the spreadsheet program computed and saved. A formula saved without a value
  (files written by programs that do not compute) becomes a :class:`~.cells.BadCell` naming
  the cell, as does a cell holding an Excel error (#DIV/0!, #N/D...).
* Read-only mode does not report merged cells: the sheet's XML is scanned for them, and the
  cells of a merged range that hold data or sit under a header become :class:`InMergedRange`,
  so that the half-values of a merged range (the value in the first cell only) are never
  imported.
* CSV: the encoding the user chose, or else UTF-8 with or without BOM, or Windows-1252 (what
  Italian Excel writes with "CSV (delimitato dal separatore di elenco)") when no character of
  the file reads as UTF-8. A file that is not valid in its encoding is an error naming the
  first row with a bad byte (a UTF-8 file with one stray byte is not read as Windows-1252,
  which would garble every accented name). The delimiter is ``;`` or ``,``, whichever the
  header line uses. The apostrophe the CSV export puts before a text that a spreadsheet
  program would run as a formula is removed (:func:`.cells.csv_unprotected`).

Limits (:class:`Limits`) keep a small hostile file from exhausting the memory: the sizes an
``.xlsx`` declares for its parts once unpacked are checked before anything is parsed, then
every sheet's XML is scanned as a stream (rows, columns, cells, characters in a cell, bytes
really unpacked) before openpyxl reads its values, and only up to the last row and column
holding data (the ``<dimension>`` tag, which some programs write wrong and anyone can forge,
is never trusted). A CSV file is read line by line under the same limits. Going past a limit
stops the reading with one error naming the sheet and the limit.

Row numbers are the spreadsheet's (the header is row 1); rows whose cells are all blank are
left out, without renumbering the others.
"""

from __future__ import annotations

import codecs
import csv
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from tit_desktop.services.exchange.cells import BadCell, csv_unprotected, is_blank
from tit_desktop.services.exchange.model import Issue

log = logging.getLogger(__name__)

StepCallback = Callable[[int, int], None]
"""``step(rows_read, rows_expected)``: called every few hundred rows while reading."""

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_STEP_EVERY = 500

CSV_ENCODINGS: dict[str, str] = {
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
}
"""The encodings a user can choose for CSV files (code -> name shown); None = automatic."""


@dataclass(frozen=True)
class Limits:
    """How large a file the import reads. The defaults hold twice the largest office the
    application is built for (100,000 persons: DOMAIN.md section 9)."""

    rows: int = 200_000  # rows of one sheet, the header included
    columns: int = 100  # columns of one sheet (a sheet of the exchange workbook has <= 18)
    cells: int = 4_000_000  # non-blank cells of the whole file
    cell_length: int = 32_767  # characters in one cell: Excel's own limit
    unpacked_bytes: int = 256 * 2**20  # an .xlsx file's parts once unpacked, all together
    part_bytes: int = 48 * 2**20  # any part but a sheet, unpacked (openpyxl reads it whole)
    merged_ranges: int = 1_000  # merged ranges of one sheet
    parts: int = 10_000  # parts of an .xlsx archive
    # Sheets allowed more rows than ``rows``: a city's meals over three years are 1,000,000
    # rows of three cells (DOMAIN.md section 9), well inside the file's ``cells``.
    sheet_rows: tuple[tuple[str, int], ...] = (("Pasti", 1_100_000),)

    def rows_for(self, sheet: str) -> int:
        """The row limit of the sheet called ``sheet`` (case and spaces ignored)."""
        key = sheet.strip().casefold()
        for name, rows in self.sheet_rows:
            if name.casefold() == key:
                return max(rows, self.rows)
        return self.rows


DEFAULT_LIMITS = Limits()
_MAX_CELLS_IN_ROW = 16_384  # Excel's columns: more cells in one row is a forged file


def _number(value: int) -> str:
    """12345 -> "12.345" (Italian thousands)."""
    return f"{value:,}".replace(",", ".")


class _TooLarge(Exception):
    """A limit passed, or a structure no spreadsheet program writes: reading stops."""

    def __init__(self, sheet: str | None, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.issue = Issue(sheet, row, None, message)


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


def read(
    path: Path,
    step: StepCallback | None = None,
    *,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> RawWorkbook:
    """Read ``path`` (an .xlsx file, a .csv file or a folder of .csv files). Problems that
    stop the reading (missing file, wrong format, unreadable encoding, a limit passed) are
    in ``errors``. ``encoding`` (a key of :data:`CSV_ENCODINGS`, or None for automatic)
    applies to CSV files only."""
    step = step or _no_step
    source = path.name or str(path)
    if encoding is not None and encoding not in CSV_ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
        if not files:
            return _failed(source, f"la cartella «{path}» non contiene file .csv")
        workbook = RawWorkbook(source, [])
        budget = _Budget(limits.cells)
        for file in files:
            if not _read_csv_into(workbook, file, step, encoding, limits, budget):
                break
        return workbook
    if not path.exists():
        return _failed(source, f"file «{path}» non trovato")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, step, limits)
    if suffix == ".csv":
        workbook = RawWorkbook(source, [])
        _read_csv_into(workbook, path, step, encoding, limits, _Budget(limits.cells))
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


@dataclass
class _Budget:
    """Non-blank cells left for the whole file."""

    left: int

    def take(self, count: int, sheet: str, limit: int) -> None:
        self.left -= count
        if self.left < 0:
            raise _TooLarge(
                sheet,
                f"il file contiene più di {_number(limit)} celle con dati (limite superato nel "
                f"foglio «{sheet}»): dividere i dati in più file",
            )


# --- xlsx -----------------------------------------------------------------------------

_UNREADABLE = "il file non è una cartella di lavoro .xlsx leggibile"


def _read_xlsx(path: Path, step: StepCallback, limits: Limits) -> RawWorkbook:
    source = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(archive, limits)
    except PermissionError:
        return _failed(
            source,
            "il file non si può aprire: forse è aperto in un altro programma o manca "
            "il permesso di leggerlo",
        )
    except _TooLarge as exc:
        return RawWorkbook(source, [], [exc.issue])
    except Exception as exc:  # not a zip archive, or a damaged one
        log.info("Unreadable workbook %s: %r", path, exc)
        return _failed(source, _UNREADABLE)
    budget = _Budget(limits.cells)
    unpacked = _Budget(limits.unpacked_bytes)
    try:
        # Every sheet is scanned before openpyxl opens the workbook: opening it in read-only
        # mode reads a whole sheet that has no <dimension> tag, to count its rows.
        scans: dict[str, _SheetScan] = {}
        with zipfile.ZipFile(path) as archive:
            for title, part in _sheet_parts(path):
                if part in archive.namelist() and part not in scans:
                    scans[part] = _scan_sheet_xml(
                        archive, part, title, limits, budget, unpacked, step
                    )
        book = load_workbook(path, read_only=True, data_only=True)
    except _TooLarge as exc:
        log.info("Workbook %s refused: %s", path, exc)
        return RawWorkbook(source, [], [exc.issue])
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        log.info("Unreadable workbook %s: %r", path, exc)
        return _failed(source, _UNREADABLE)
    workbook = RawWorkbook(source, [])
    try:
        for sheet in book.worksheets:
            scan = scans[sheet._worksheet_path]
            workbook.sheets.append(_read_xlsx_sheet(sheet, scan, source, step, limits, budget))
        for chart in book.chartsheets:
            workbook.sheets.append(RawSheet(chart.title, source, [], []))
    except _TooLarge as exc:
        log.info("Workbook %s refused: %s", path, exc)
        return RawWorkbook(source, [], [exc.issue])
    except Exception as exc:
        log.info("Unreadable workbook %s: %r", path, exc)
        return _failed(source, _UNREADABLE)
    finally:
        book.close()
    return workbook


def _megabytes(size: int) -> str:
    return _number(-(-size // 2**20))


def _check_parts(archive: zipfile.ZipFile, limits: Limits) -> None:
    """The sizes the archive declares for its parts once unpacked, before anything is
    parsed (Python's zipfile never unpacks more than a part declares: a part that declares
    less than it holds fails its checksum)."""
    parts = archive.infolist()
    if len(parts) > limits.parts:
        raise _TooLarge(None, f"il file contiene {_number(len(parts))} parti: {_UNREADABLE}")
    total = sum(part.file_size for part in parts)
    if total > limits.unpacked_bytes:
        raise _TooLarge(
            None,
            f"il file, una volta decompresso, occuperebbe {_megabytes(total)} MB: il limite è "
            f"{_megabytes(limits.unpacked_bytes)} MB; dividere i dati in più file",
        )
    for part in parts:
        if "worksheets/" not in part.filename and part.file_size > limits.part_bytes:
            raise _TooLarge(
                None,
                f"la parte «{part.filename[:60]}» del file occuperebbe "
                f"{_megabytes(part.file_size)} MB una volta decompressa: il limite è "
                f"{_megabytes(limits.part_bytes)} MB; dividere i dati in più file",
            )


def _sheet_parts(path: Path) -> list[tuple[str, str]]:
    """(title, part) of every worksheet, found the way openpyxl finds them (its manifest
    and workbook readers only: the sheets themselves are not read)."""
    from openpyxl.reader.excel import ExcelReader

    found = ExcelReader(str(path), read_only=True, data_only=True)
    try:
        found.read_manifest()
        found.read_workbook()
        return [(sheet.name, rel.target) for sheet, rel in found.parser.find_sheets()]
    finally:
        found.archive.close()


@dataclass
class _SheetScan:
    """What the streaming scan of a sheet's XML found."""

    last_row: int = 0  # the last row with a non-blank cell
    last_column: int = 0  # the last column with a non-blank cell
    formulas_without_value: set[str] = field(default_factory=set)
    merged: list[str] = field(default_factory=list)


def _read_xlsx_sheet(
    sheet: Any,
    scan: _SheetScan,
    source: str,
    step: StepCallback,
    limits: Limits,
    budget: _Budget,
) -> RawSheet:
    table: list[list[Any]] = []
    if scan.last_row and scan.last_column:
        # Never past the last row and column with data: openpyxl fills every gap before a
        # row (a lone row 99,999,999,999 would be a hundred billion empty rows).
        rows = sheet.iter_rows(min_row=1, max_row=scan.last_row, max_col=scan.last_column)
        for number, cells in enumerate(rows, start=1):
            values: list[Any] = []
            for column, cell in enumerate(cells, start=1):
                value = cell.value
                if getattr(cell, "data_type", None) == "e":
                    value = BadCell(
                        f"la cella {get_column_letter(column)}{number} contiene un errore di "
                        f"calcolo ({cell.value})"
                    )
                elif value is None and scan.formulas_without_value:
                    coordinate = f"{get_column_letter(column)}{number}"
                    if coordinate in scan.formulas_without_value:
                        value = BadCell(
                            f"la formula nella cella {coordinate} non ha un valore calcolato: "
                            "aprire il file con Excel o LibreOffice, salvarlo e importarlo di "
                            "nuovo"
                        )
                elif isinstance(value, str) and len(value) > limits.cell_length:
                    raise _cell_too_long(
                        sheet.title, f"{get_column_letter(column)}{number}", limits
                    )
                values.append(value)
            while values and values[-1] is None:
                values.pop()
            table.append(values)
            if number % _STEP_EVERY == 0:
                step(number, scan.last_row)
    ranges = []
    for ref in scan.merged:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        ranges.append(MergedRange(ref, min_col, min_row, max_col, max_row))
        marker = InMergedRange(ref)
        # Marked only where there is data: rows past the last one and columns past the last
        # one hold nothing to protect.
        for row in range(min_row, min(max_row, len(table)) + 1):
            cells_of_row = table[row - 1]
            last = min(max_col, scan.last_column)
            if last < min_col:
                break
            budget.take(last - min_col + 1, sheet.title, limits.cells)
            while len(cells_of_row) < last:
                cells_of_row.append(None)
            for col in range(min_col, last + 1):
                cells_of_row[col - 1] = marker
    header = table[0] if table else []
    rows_read = [
        (number, values)
        for number, values in enumerate(table[1:], start=2)
        if not all(is_blank(v) for v in values)
    ]
    ranges.sort(key=lambda r: (r.min_row, r.min_col))
    return RawSheet(sheet.title, source, header, rows_read, ranges)


def _cell_too_long(sheet: str, ref: str, limits: Limits) -> _TooLarge:
    return _TooLarge(
        sheet,
        f"la cella {ref} del foglio «{sheet}» contiene più di {_number(limits.cell_length)} "
        "caratteri, il massimo per una cella",
    )


_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,12})$")


def _scan_sheet_xml(
    archive: zipfile.ZipFile,
    member: str,
    title: str,
    limits: Limits,
    budget: _Budget,
    unpacked: _Budget,
    step: StepCallback,
) -> _SheetScan:
    """One streaming pass over a sheet's XML (expat, nothing kept but counters): the limits,
    the last row and column with data, the formula cells saved without a computed value and
    the merged ranges (openpyxl's read-only mode reports neither: a formula without a value
    reads as an empty cell)."""
    scan = _SheetScan()
    state: dict[str, Any] = {
        "row": 0,  # the current row's number
        "column": 0,  # the current cell's column
        "cells_in_row": 0,
        "ref": "",
        "in_cell": False,
        "kind": None,  # the current cell's t attribute
        "has_formula": False,
        "value_length": -1,  # characters of <v>; -1: no <v>
        "inline_length": 0,  # characters of an inline string
        "has_inline": False,
        "text": None,  # which element's characters are being counted: "v", "t", "f"
        "run": 0,  # characters of the current text node
        "rows_seen": 0,
    }

    def too_many_rows(number: int) -> _TooLarge:
        return _TooLarge(
            title,
            f"il foglio «{title}» supera il limite di {_number(limits.rows_for(title))} righe "
            f"(ha dati alla riga {_number(number)}): dividere i dati in più file",
        )

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        state["run"] = 0
        if tag == "c":
            state["cells_in_row"] += 1
            if state["cells_in_row"] > _MAX_CELLS_IN_ROW:
                raise _TooLarge(
                    title,
                    f"il foglio «{title}» è danneggiato: la riga {_number(state['row'])} ha "
                    f"più di {_number(_MAX_CELLS_IN_ROW)} celle",
                )
            ref = attrs.get("r")
            if ref is None:
                state["column"] += 1
                ref = f"{get_column_letter(min(state['column'], 18_278))}{state['row']}"
            else:
                match = _CELL_REF.match(ref)
                if match is None:
                    raise _TooLarge(
                        title, f"il foglio «{title}» è danneggiato: cella «{ref[:20]}» non valida"
                    )
                try:
                    state["column"] = column_index_from_string(match.group(1).upper())
                except ValueError:
                    raise _TooLarge(
                        title, f"il foglio «{title}» è danneggiato: cella «{ref}» non valida"
                    ) from None
                if int(match.group(2)) != state["row"]:
                    raise _TooLarge(
                        title,
                        f"il foglio «{title}» è danneggiato: la cella {ref} è nella riga "
                        f"{_number(state['row'])}",
                    )
                ref = f"{match.group(1).upper()}{match.group(2)}"
            state.update(
                ref=ref,
                in_cell=True,
                kind=attrs.get("t"),
                has_formula=False,
                value_length=-1,
                inline_length=0,
                has_inline=False,
            )
        elif tag == "row":
            state["rows_seen"] += 1
            if state["rows_seen"] > limits.rows_for(title):
                raise too_many_rows(state["row"] + 1)
            number = attrs.get("r")
            if number is None:
                row = state["row"] + 1
            elif number.isdecimal() and len(number) <= 12:
                row = int(number)
            else:
                raise _TooLarge(
                    title, f"il foglio «{title}» è danneggiato: riga «{number[:20]}» non valida"
                )
            if row <= state["row"]:
                raise _TooLarge(
                    title,
                    f"il foglio «{title}» è danneggiato: la riga {_number(row)} compare dopo la "
                    f"riga {_number(state['row'])}",
                )
            state.update(row=row, column=0, cells_in_row=0)
            if state["rows_seen"] % (_STEP_EVERY * 4) == 0:
                step(state["rows_seen"], 0)
        elif state["in_cell"] and tag in ("v", "f", "t"):
            state["text"] = tag
            if tag == "v":
                state["value_length"] = 0
            elif tag == "f":
                state["has_formula"] = True
        elif state["in_cell"] and tag == "is":
            state["has_inline"] = True
        elif tag == "mergeCell":
            if len(scan.merged) >= limits.merged_ranges:
                raise _TooLarge(
                    title,
                    f"il foglio «{title}» contiene più di {_number(limits.merged_ranges)} "
                    "intervalli di celle unite: separare le celle",
                )
            ref = attrs.get("ref", "")
            ref = ref if ":" in ref else f"{ref}:{ref}"
            try:
                range_boundaries(ref)
            except (ValueError, TypeError):
                raise _TooLarge(
                    title,
                    f"il foglio «{title}» è danneggiato: celle unite «{ref[:30]}» non valide",
                ) from None
            scan.merged.append(ref)

    def end(name: str) -> None:
        tag = name.rpartition(":")[2]
        state["run"] = 0
        if tag in ("v", "f", "t"):
            state["text"] = None
        elif tag == "c" and state["in_cell"]:
            state["in_cell"] = False
            has_data = (
                state["value_length"] > 0 or state["inline_length"] > 0 or state["has_formula"]
            )
            if state["has_formula"] and not state["has_inline"]:
                no_value = state["value_length"] <= 0 and not (
                    state["value_length"] == 0 and state["kind"] == "str"
                )
                if no_value:
                    scan.formulas_without_value.add(state["ref"])
            if has_data:
                row, column = state["row"], state["column"]
                if row > limits.rows_for(title):
                    raise too_many_rows(row)
                if column > limits.columns:
                    raise _TooLarge(
                        title,
                        f"il foglio «{title}» ha dati nella cella {state['ref']}: il limite è "
                        f"di {limits.columns} colonne (fino alla colonna "
                        f"{get_column_letter(limits.columns)}); cancellare le colonne in più",
                    )
                budget.take(1, title, limits.cells)
                scan.last_row = max(scan.last_row, row)
                scan.last_column = max(scan.last_column, column)

    def text(data: str) -> None:
        length = len(data)
        state["run"] += length
        kind = state["text"]
        if kind is None:
            if state["run"] > limits.cell_length:
                raise _TooLarge(
                    title,
                    f"il foglio «{title}» contiene più di {_number(limits.cell_length)} "
                    f"caratteri fuori dalle celle: {_UNREADABLE}",
                )
            return
        if kind == "v":
            state["value_length"] += length
        elif kind == "t":
            state["inline_length"] += length
        if state["run"] > limits.cell_length:
            raise _cell_too_long(title, state["ref"], limits)

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 16):
            unpacked.take(len(chunk), title, limits.unpacked_bytes)
            parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return scan


# --- csv ------------------------------------------------------------------------------

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass
class _CsvRead:
    header: list[Any]
    records: list[tuple[int, list[Any]]]
    bad_row: int | None = None  # the first row holding a byte not valid in the encoding
    bad_byte: int = 0
    bad_text: str = ""
    readable_non_ascii: bool = False  # some character beyond ASCII decoded fine


def _read_csv_into(
    workbook: RawWorkbook,
    path: Path,
    step: StepCallback,
    encoding: str | None,
    limits: Limits,
    budget: _Budget,
) -> bool:
    """Read one CSV file into ``workbook``; False when a limit stopped the reading (the
    other files are then not read)."""
    name = path.stem
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
    except OSError as exc:
        log.info("Unreadable CSV %s: %r", path, exc)
        workbook.errors.append(Issue(name, None, None, f"il file «{path.name}» non si può leggere"))
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        workbook.errors.append(
            Issue(
                name,
                None,
                None,
                f"file «{path.name}»: il file è in formato «Testo Unicode» (UTF-16): salvarlo "
                "da Excel come «CSV UTF-8 (delimitato da virgole)»",
            )
        )
        return True
    declared_utf8 = head.startswith(codecs.BOM_UTF8)
    codec = "utf-8-sig" if encoding in (None, "utf-8") else encoding
    try:
        spent = budget.left
        result = _parse_csv(path, codec, limits, budget, step)
        fallback = encoding is None and not declared_utf8
        if result.bad_row is not None and fallback and not result.readable_non_ascii:
            # Not one character reads as UTF-8: what Italian Excel writes by default.
            budget.left = spent
            result = _parse_csv(path, "cp1252", limits, budget, step)
            codec = "cp1252"
    except _TooLarge as exc:
        workbook.errors.append(exc.issue)
        return False
    except csv.Error as exc:
        workbook.errors.append(
            Issue(name, None, None, f"file «{path.name}» non leggibile come CSV ({exc})")
        )
        return True
    except OSError as exc:
        log.info("Unreadable CSV %s: %r", path, exc)
        workbook.errors.append(Issue(name, None, None, f"il file «{path.name}» non si può leggere"))
        return True
    if result.bad_row is not None:
        where = (
            f"alla riga {result.bad_row} c'è un byte non valido (0x{result.bad_byte:02X}, in "
            f"«{result.bad_text}»)"
        )
        if encoding is not None:
            message = (
                f"il file «{path.name}» non è valido nella codifica {CSV_ENCODINGS[encoding]}: "
                f"{where}; scegliere la codifica giusta o correggere il file"
            )
        elif codec == "cp1252":
            message = (
                f"codifica dei caratteri del file «{path.name}» non riconosciuta: {where}; "
                "salvarlo da Excel come «CSV UTF-8 (delimitato da virgole)»"
            )
        else:
            message = (
                f"il file «{path.name}» è in UTF-8 ma {where}: correggere quella riga, perché "
                "leggere il file in un'altra codifica altererebbe tutte le lettere accentate; "
                "se il file è davvero in un'altra codifica (ad esempio Windows-1252), "
                "indicarla"
            )
        workbook.errors.append(Issue(name, result.bad_row, None, message))
        return True
    workbook.sheets.append(RawSheet(name, path.name, result.header, result.records))
    return True


def _parse_csv(
    path: Path, codec: str, limits: Limits, budget: _Budget, step: StepCallback
) -> _CsvRead:
    """Read a CSV file in ``codec``; bytes not valid in it are noted (the first one's row),
    not raised. Lines are read one at a time, never longer than a row may be."""
    name = path.stem
    line_cap = limits.columns * (limits.cell_length + 3) + 2
    result = _CsvRead([], [])
    with path.open(encoding=codec, errors="surrogateescape", newline="") as stream:
        first = stream.readline(line_cap + 1)
        _check_line(first, line_cap, name, 1)
        delimiter = ";" if first.count(";") >= first.count(",") else ","
        reader = csv.reader(_lines(stream, first, line_cap, name), delimiter=delimiter, strict=True)
        for number, record in enumerate(reader, start=1):
            if number > limits.rows_for(name):
                raise _TooLarge(
                    name,
                    f"il foglio «{name}» supera il limite di {_number(limits.rows_for(name))} "
                    "righe: dividere i dati in più file",
                )
            filled = [i for i, value in enumerate(record, start=1) if value.strip()]
            if filled and filled[-1] > limits.columns:
                raise _TooLarge(
                    name,
                    f"il foglio «{name}» ha dati nella colonna {filled[-1]} della riga "
                    f"{number}: il limite è di {limits.columns} colonne; cancellare le colonne "
                    "in più",
                    row=number,
                )
            del record[limits.columns :]
            for value in record:
                if len(value) > limits.cell_length:
                    raise _TooLarge(
                        name,
                        f"una cella della riga {number} del foglio «{name}» contiene più di "
                        f"{_number(limits.cell_length)} caratteri, il massimo per una cella",
                        row=number,
                    )
                if not value.isascii():
                    _note_encoding(result, number, value)
            if number == 1:
                result.header = list(record)
            elif filled:
                budget.take(len(filled), name, limits.cells)
                result.records.append((number, [csv_unprotected(v) for v in record]))
            if number % _STEP_EVERY == 0:
                step(number, 0)
    return result


def _note_encoding(result: _CsvRead, number: int, value: str) -> None:
    bad = _ESCAPED_BYTE.search(value)
    if bad is None:
        result.readable_non_ascii = True
        return
    if not _ESCAPED_BYTE.sub("", value).isascii():
        result.readable_non_ascii = True
    if result.bad_row is None:
        result.bad_row = number
        result.bad_byte = ord(bad.group()) - 0xDC00
        start = max(0, bad.start() - 20)
        shown = _ESCAPED_BYTE.sub("\ufffd", value[start : bad.start() + 20])
        result.bad_text = shown.replace("\r", " ").replace("\n", " ").strip()


def _check_line(line: str, cap: int, name: str, number: int) -> None:
    if len(line) > cap:
        raise _TooLarge(
            name,
            f"la riga {number} del file «{name}» è più lunga di {_number(cap)} caratteri: "
            "non è un file CSV di scambio valido",
            row=number,
        )


def _lines(stream: IO[str], first: str, cap: int, name: str) -> Iterator[str]:
    yield first
    number = 1
    while line := stream.readline(cap + 1):
        number += 1
        _check_line(line, cap, name, number)
        yield line


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 1-based column index (1 -> "A")."""
    return get_column_letter(index)
