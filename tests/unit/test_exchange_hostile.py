"""Hostile files and hostile characters (issue 13, items 4, 6, 7 and 9; the exports'
formula cells): small files that would exhaust the memory, characters that break an .xlsx
file or disguise a name, CSV files in a wrong encoding, cells a spreadsheet would run.

The hostile workbooks are built here with zipfile (a few KB to a few MB on disk)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from tests.unit.test_exchange_support import (
    BASE_ROW,
    HEADER,
    counts,
    import_file,
    issues,
    person_row,
    persons_workbook,
    table,
)
from tit_desktop.services import audit, exchange, persons, text
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.exchange import cells, reader
from tit_desktop.services.exchange.reader import Limits
from tit_desktop.services.permissions import Actor

SHEET = "Beneficiari"
SHEET_XML = "xl/worksheets/sheet1.xml"
ROOT = Path(__file__).resolve().parents[2]

# --- building hostile workbooks ------------------------------------------------------

_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _inline(ref: str, value: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'.encode()


def _header_row() -> bytes:
    from openpyxl.utils import get_column_letter

    cells_xml = b"".join(_inline(f"{get_column_letter(i)}1", n) for i, n in enumerate(HEADER, 1))
    return b'<row r="1">' + cells_xml + b"</row>"


def hostile_workbook(
    path: Path, parts: Iterator[bytes], *, declare: int | None = None, level: int = 9
) -> Path:
    """A real workbook (written by openpyxl) whose first sheet's XML is ``parts``, streamed
    into the archive; ``declare`` forges the size the archive declares for it."""
    persons_workbook(path.with_suffix(".base.xlsx"), [BASE_ROW])
    with zipfile.ZipFile(path.with_suffix(".base.xlsx")) as base:
        members = {info.filename: base.read(info) for info in base.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members.items():
            if name != SHEET_XML:
                archive.writestr(name, data)
        with archive.open(SHEET_XML, "w", force_zip64=True) as stream:
            for part in parts:
                stream.write(part)
    if declare is not None:
        _forge_declared_size(path, SHEET_XML, declare)
    path.with_suffix(".base.xlsx").unlink()
    return path


def _forge_declared_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the archive's central directory gives ``member``."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.rfind(b"PK\x01\x02" + b"\x00" * 0, 0)
    while at != -1:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    path.write_bytes(bytes(data))


def row_99_billion() -> Iterator[bytes]:
    yield _HEAD + b'<dimension ref="A1:R99999999999"/><sheetData>'
    yield _header_row()
    yield b'<row r="2">' + _inline("A2", "TIU-1") + b"</row>"
    yield b'<row r="99999999999">' + _inline("A99999999999", "TIU-2") + b"</row>"
    yield b"</sheetData></worksheet>"


def merged_whole_sheet() -> Iterator[bytes]:
    yield _HEAD + b"<sheetData>" + _header_row()
    yield b'<row r="2">' + _inline("A2", "TIU-1") + _inline("B2", "Rossi") + b"</row>"
    yield b'</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'
    yield b"</worksheet>"


def whitespace_2_gib() -> Iterator[bytes]:
    yield _HEAD + b"<sheetData>" + _header_row()
    chunk = b" " * (64 * 2**20)
    for _ in range(32):
        yield chunk
    yield b"</sheetData></worksheet>"


def three_million_rows() -> Iterator[bytes]:
    yield _HEAD + b"<sheetData>" + _header_row()
    for start in range(2, 3_000_002, 100_000):
        yield b"".join(
            b'<row r="%d"><c><v>1</v></c></row>' % n
            for n in range(start, min(start + 100_000, 3_000_002))
        )
    yield b"</sheetData></worksheet>"


# --- memory: the four files of the issue, in a process of their own -----------------

_MEASURE = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))
    from tit_desktop.services import exchange, schema
    from tit_desktop.services.database import Database
    from tit_desktop.services.permissions import SYSTEM
    db = Database(sys.argv[1])
    schema.upgrade(db, make_backup=False)
    with db.transaction(SYSTEM) as session:
        report = exchange.import_workbook(session, SYSTEM, sys.argv[2])
    # VmHWM: this process's own peak. getrusage's ru_maxrss would keep the peak of the
    # pytest process it was forked from (Linux carries it across exec).
    with open("/proc/self/status") as status:
        hwm = [line.split()[1] for line in status if line.startswith("VmHWM:")]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = (int(hwm[0]) if hwm else own) // 1024
    print(json.dumps({"ok": report.ok, "errors": [i.text() for i in report.errors],
                      "peak_mb": peak}))
    """
)

MEMORY_LIMIT_MB = 300


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {
        "row 99,999,999,999": hostile_workbook(folder / "riga.xlsx", row_99_billion()),
        "merged A2:XFD1048576": hostile_workbook(folder / "unite.xlsx", merged_whole_sheet()),
        # zlib's fastest level: 9 MB instead of 2 MB on disk, built in 4 s instead of 20
        "2 GiB of whitespace": hostile_workbook(folder / "spazi.xlsx", whitespace_2_gib(), level=1),
        "3 million rows": hostile_workbook(folder / "righe.xlsx", three_million_rows()),
    }


EXPECTED = {
    "row 99,999,999,999": "Beneficiari: il foglio «Beneficiari» supera il limite di 200.000 "
    "righe (ha dati alla riga 99.999.999.999): dividere i dati in più file",
    "merged A2:XFD1048576": "Beneficiari, riga 2, colonna Codice: celle unite A2:XFD1048576: "
    "separare le celle e scrivere il valore in ciascuna riga (le celle unite non vengono "
    "importate)",
    "2 GiB of whitespace": "File: il file, una volta decompresso, occuperebbe 2.049 MB: il "
    "limite è 256 MB; dividere i dati in più file",
    "3 million rows": "Beneficiari: il foglio «Beneficiari» supera il limite di 200.000 righe "
    "(ha dati alla riga 200.001): dividere i dati in più file",
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_small_hostile_files_are_refused_within_bounded_memory(
    hostile_files: dict[str, Path], tmp_path: Path, case: str
) -> None:
    path = hostile_files[case]
    assert path.stat().st_size < 16 * 2**20
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, f"sqlite:///{tmp_path / 'm.sqlite3'}", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ok"] is False
    assert result["errors"][0] == EXPECTED[case]
    print(f"{case}: {path.stat().st_size / 1024:.0f} KB on disk, peak {result['peak_mb']} MB")
    assert result["peak_mb"] < MEMORY_LIMIT_MB


# --- limits, one by one (small limits, so that the files stay tiny) -------------------


def _sheet(tmp_path: Path, rows: list[bytes], merged: bytes = b"") -> Path:
    def parts() -> Iterator[bytes]:
        yield _HEAD + b"<sheetData>" + _header_row() + b"".join(rows) + b"</sheetData>"
        yield merged + b"</worksheet>"

    return hostile_workbook(tmp_path / "f.xlsx", parts())


def _errors(path: Path, limits: Limits) -> list[tuple[str | None, str]]:
    raw = reader.read(path, limits=limits)
    return [(i.sheet, i.message) for i in raw.errors]


def test_a_cell_past_the_column_limit(tmp_path: Path) -> None:
    path = _sheet(tmp_path, [b'<row r="2">' + _inline("A2", "TIU-1") + _inline("XFD2", "x")
                             + b"</row>"])  # fmt: skip
    assert _errors(path, Limits()) == [
        (
            SHEET,
            "il foglio «Beneficiari» ha dati nella cella XFD2: il limite è di 100 colonne (fino "
            "alla colonna CV); cancellare le colonne in più",
        )
    ]


def test_empty_formatted_cells_far_right_are_not_data(tmp_path: Path) -> None:
    row = b'<row r="2">' + _inline("A2", "TIU-1") + b'<c r="XFD2" s="0"/></row>'
    path = _sheet(tmp_path, [row, b'<row r="1048576" s="0" customFormat="1"/>'])
    raw = reader.read(path)
    assert raw.errors == []
    assert raw.sheets[0].rows == [(2, ["TIU-1"])]


def test_a_cell_longer_than_the_limit(tmp_path: Path) -> None:
    path = _sheet(tmp_path, [b'<row r="2">' + _inline("C2", "x" * 50) + b"</row>"])
    assert _errors(path, Limits(cell_length=40)) == [
        (SHEET, "la cella C2 del foglio «Beneficiari» contiene più di 40 caratteri, il massimo "
                "per una cella")
    ]  # fmt: skip


def test_a_long_shared_text_is_caught_once_resolved(tmp_path: Path) -> None:
    path = persons_workbook(tmp_path / "f.xlsx", [person_row(Note="y" * 60)])
    assert _errors(path, Limits(cell_length=50)) == [
        (SHEET, "la cella R2 del foglio «Beneficiari» contiene più di 50 caratteri, il massimo "
                "per una cella")
    ]  # fmt: skip


def test_whitespace_outside_the_cells_is_limited_while_streaming(tmp_path: Path) -> None:
    path = _sheet(tmp_path, [b" " * 5000])
    assert _errors(path, Limits(cell_length=1000)) == [
        (SHEET, "il foglio «Beneficiari» contiene più di 1.000 caratteri fuori dalle celle: il "
                "file non è una cartella di lavoro .xlsx leggibile")
    ]  # fmt: skip


def test_a_forged_small_declared_size_does_not_pass(tmp_path: Path) -> None:
    # The archive says 2 KB; zipfile unpacks no more than that, and the checksum fails.
    def parts() -> Iterator[bytes]:
        yield _HEAD + b"<sheetData>" + _header_row() + b" " * 3_000_000
        yield b"</sheetData></worksheet>"

    path = hostile_workbook(tmp_path / "f.xlsx", parts(), declare=2048)
    assert _errors(path, Limits()) == [
        (None, "il file non è una cartella di lavoro .xlsx leggibile")
    ]


def test_too_many_cells_in_the_whole_file(tmp_path: Path) -> None:
    rows = [b'<row r="%d">' % n + _inline(f"A{n}", f"T-{n}") + b"</row>" for n in range(2, 40)]
    assert _errors(_sheet(tmp_path, rows), Limits(cells=30)) == [
        (SHEET, "il file contiene più di 30 celle con dati (limite superato nel foglio "
                "«Beneficiari»): dividere i dati in più file")
    ]  # fmt: skip


def test_rows_out_of_order_are_a_damaged_file(tmp_path: Path) -> None:
    # openpyxl silently drops a row that comes after a later one.
    rows = [b'<row r="3">' + _inline("A3", "TIU-3") + b"</row>",
            b'<row r="2">' + _inline("A2", "TIU-2") + b"</row>"]  # fmt: skip
    assert _errors(_sheet(tmp_path, rows), Limits()) == [
        (SHEET, "il foglio «Beneficiari» è danneggiato: la riga 2 compare dopo la riga 3")
    ]


def test_too_many_merged_ranges(tmp_path: Path) -> None:
    merged = b"<mergeCells>" + b"".join(
        b'<mergeCell ref="A%d:B%d"/>' % (n, n) for n in range(2, 10)
    ) + b"</mergeCells>"  # fmt: skip
    path = _sheet(tmp_path, [b'<row r="2">' + _inline("A2", "TIU-1") + b"</row>"], merged)
    assert _errors(path, Limits(merged_ranges=5)) == [
        (SHEET, "il foglio «Beneficiari» contiene più di 5 intervalli di celle unite: separare "
                "le celle")
    ]  # fmt: skip


def test_a_csv_file_over_the_row_limit(tmp_path: Path) -> None:
    path = tmp_path / "Beneficiari.csv"
    path.write_text(";".join(HEADER) + "\n" + "TIU-1;Rossi\n" * 30, encoding="utf-8")
    assert _errors(path, Limits(rows=20)) == [
        (SHEET, "il foglio «Beneficiari» supera il limite di 20 righe: dividere i dati in più "
                "file")
    ]  # fmt: skip


def test_a_csv_line_without_end_is_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "Beneficiari.csv"
    path.write_text("Codice;Cognome\n" + "x" * 5000, encoding="utf-8")
    assert _errors(path, Limits(columns=2, cell_length=100)) == [
        (SHEET, "la riga 2 del file «Beneficiari» è più lunga di 208 caratteri: non è un file "
                "CSV di scambio valido")
    ]  # fmt: skip


def test_a_csv_cell_over_the_length_limit(tmp_path: Path) -> None:
    path = tmp_path / "Beneficiari.csv"
    path.write_text(";".join(HEADER) + "\nTIU-1;" + "y" * 60 + "\n", encoding="utf-8")
    assert _errors(path, Limits(cell_length=50)) == [
        (SHEET, "una cella della riga 2 del foglio «Beneficiari» contiene più di 50 caratteri, "
                "il massimo per una cella")
    ]  # fmt: skip


def test_a_workbook_within_the_limits_reads_as_before(tmp_path: Path) -> None:
    path = persons_workbook(tmp_path / "f.xlsx", [BASE_ROW, person_row(Codice="TIU-2")])
    raw = reader.read(path, limits=Limits(rows=3, columns=18, cells=60))
    assert raw.errors == []
    assert [number for number, _values in raw.sheets[0].rows] == [2, 3]


# --- characters: one check for the person form and the import ------------------------

REFUSED = {
    "\u202e": "U+202E (controllo della direzione del testo)",
    "\u2066": "U+2066 (controllo della direzione del testo)",
    "\u200b": "U+200B (carattere invisibile a larghezza zero)",
    "\u200d": "U+200D (carattere invisibile a larghezza zero)",
    "\ufeff": "U+FEFF (carattere invisibile a larghezza zero)",
    "\x85": "U+0085 (carattere di controllo C1)",
    "\x9b": "U+009B (carattere di controllo C1)",
    "\x00": "U+0000 (carattere di controllo)",
    "\ufffe": "U+FFFE (non-carattere Unicode)",
    "\uffff": "U+FFFF (non-carattere Unicode)",
    "\u00ad": "U+00AD (carattere di formattazione invisibile)",
}


def _message(described: str) -> str:
    return (
        f"contiene il carattere {described}, che non è ammesso: forse è stato incollato da un "
        "altro programma; cancellarlo e riscrivere il testo"
    )


@pytest.mark.parametrize("char", list(REFUSED))
def test_forbidden_characters_are_named(char: str) -> None:
    assert text.character_problem(f"Ros{char}si") == _message(REFUSED[char])
    with pytest.raises(cells.CellError) as err:
        cells.parse_text(f"Ros{char}si")
    assert err.value.message == _message(REFUSED[char])


def test_every_unicode_format_character_is_refused() -> None:
    import unicodedata

    allowed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Cs")
        and chr(code) not in "\t\n\r"
        and text.forbidden_character(chr(code)) is None
    ]
    assert allowed == []


def test_letters_of_every_script_tabs_and_line_breaks_are_allowed() -> None:
    for sample in ("Gündoğdu Şükrü", "Ольга", "محمد", "D'Amico", "riga uno\nriga\tdue", "€ «»"):
        assert text.character_problem(sample) is None


def test_the_person_form_refuses_a_direction_override(db: Database, admin: Actor) -> None:
    from tests.unit.test_persons import BASE

    data = replace(BASE, first_name="Mario\u202e", notes="nota\ufffe", fiscal_code=None)
    with db.transaction(admin) as session, pytest.raises(ValidationError) as err:
        persons.create_person(session, admin, data)
    assert err.value.fields == {
        "first_name": _message(REFUSED["\u202e"]),
        "notes": _message(REFUSED["\ufffe"]),
    }


def test_the_import_refuses_them_naming_the_column(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "Beneficiari.csv"
    rows = table([person_row(Nome="Mario\u200b", Note="a\ufffeb", **{"Codice fiscale": None})])
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    report = import_file(db, admin, path)
    assert issues(report) == [
        (SHEET, 2, "Nome", _message(REFUSED["\u200b"])),
        (SHEET, 2, "Note", _message(REFUSED["\ufffe"])),
    ]
    assert counts(db)[0] == 0


# --- export: never an unreadable file -------------------------------------------------


def test_an_old_record_with_u_fffe_still_exports_a_readable_workbook(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    from sqlalchemy import update

    from tit_desktop.models import Person

    assert import_file(db, admin, persons_workbook(tmp_path / "p.xlsx", [BASE_ROW])).ok
    with db.transaction(admin) as session:  # a record saved before the check existed
        session.execute(
            update(Person).values(notes="prima\ufffe\uffffdopo"),
            execution_options=audit.audited_elsewhere("record salvato prima del controllo"),
        )
    target = tmp_path / "esportato.xlsx"
    with db.transaction(admin) as session:
        exchange.export_workbook(session, admin, target)
    sheet = load_workbook(target, read_only=True).worksheets[0]
    assert [row[17] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["primadopo"]


def test_an_export_that_does_not_read_back_is_not_kept(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.services.exchange import exporter

    assert import_file(db, admin, persons_workbook(tmp_path / "p.xlsx", [BASE_ROW])).ok
    # GIVEN a writer that lets an XML-illegal character through (the bug of issue 13)
    monkeypatch.setattr(exporter, "_clean_text", lambda value: value + "\ufffe")
    target = tmp_path / "esportato.xlsx"
    with db.transaction(admin) as session, pytest.raises(exporter.UnreadableExport) as err:
        exchange.export_workbook(session, admin, target)
    assert err.value.message == (
        "Il file «esportato.xlsx» scritto dall'esportazione non si rilegge correttamente, "
        "perciò non è stato salvato. Segnalare il problema all'assistenza."
    )
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tit-export")] == []


# --- export: no cell a spreadsheet would run -------------------------------------------

FORMULAS = ["=1+2", "+39 333 1234567", "-2+3", "@SOMMA(A1)", "'=già protetto", "''doppio",
            "'t Hooft", "l'anno"]  # fmt: skip


def test_csv_protection_is_undone_exactly() -> None:
    for value in [*FORMULAS, "", "'", "''", "'a", "=", "Rossi"]:
        assert cells.csv_unprotected(cells.csv_protected(value)) == value
    assert cells.csv_protected("=1+2") == "'=1+2"
    assert cells.csv_protected("'t Hooft") == "'t Hooft"  # nothing added where not needed
    assert cells.csv_unprotected("'t Hooft") == "'t Hooft"


@given(st.text(max_size=8))
def test_csv_protection_is_a_bijection(value: str) -> None:
    protected = cells.csv_protected(value)
    assert cells.csv_unprotected(protected) == value
    assert protected[:1] not in cells.FORMULA_STARTS


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_formula_like_texts_are_inert_and_round_trip(
    db: Database, admin: Actor, tmp_path: Path, suffix: str
) -> None:
    # GIVEN persons whose surname and note look like formulas or carry apostrophes
    rows = [
        table([person_row(Codice=f"TIU-{i}", Cognome=value, Note=value,
                          **{"Codice fiscale": None})])[1]
        for i, value in enumerate(FORMULAS, start=1)
    ]  # fmt: skip
    raw = reader.RawWorkbook("x.xlsx", [reader.RawSheet(SHEET, "x.xlsx", list(HEADER), [])])
    raw.sheets[0].rows = [(n, row) for n, row in enumerate(rows, start=2)]
    with db.transaction(admin) as session:
        assert exchange.import_raw(session, admin, raw).ok
    target = tmp_path / f"esportato{suffix}"
    with db.transaction(admin) as session:
        result = exchange.export_workbook(session, admin, target)
    # THEN no cell of the file is a formula
    if suffix == ".xlsx":
        sheet = load_workbook(result.files[0]).worksheets[0]
        for column in (2, 18):
            kinds = {sheet.cell(row, column).data_type for row in range(2, sheet.max_row + 1)}
            assert kinds == {"s"}  # text, never a formula
    else:
        with result.files[0].open(encoding="utf-8-sig", newline="") as stream:
            records = list(csv.reader(stream, delimiter=";"))
        for record in records[1:]:
            for cell in record:
                assert cell[:1] not in cells.FORMULA_STARTS, cell
    # AND reading the export back gives every text as it was
    back = reader.read(result.files[0])
    got = sorted((row[1], row[17]) for _n, row in back.sheets[0].rows)
    assert got == sorted((value, value) for value in FORMULAS)


# --- CSV encodings ---------------------------------------------------------------------


def _csv_bytes(names: list[str], encoding: str = "utf-8") -> bytes:
    rows = [
        person_row(Codice=f"TIU-{i}", Cognome=name, Nome="Ada", **{"Codice fiscale": None})
        for i, name in enumerate(names, start=1)
    ]
    lines = [";".join("" if v is None else str(v) for v in row) for row in table(rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


NAMES = ["Müller", "Çelik", "Gündoğdu", "Nuñez", "Åberg"]


def test_a_utf8_file_with_one_stray_byte_is_an_error_naming_the_row(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    data = _csv_bytes(NAMES).replace("Nuñez".encode(), b"Nu\xe9ez")
    path = tmp_path / "Beneficiari.csv"
    path.write_bytes(data)
    report = import_file(db, admin, path)
    assert issues(report) == [
        (
            SHEET,
            5,
            None,
            "il file «Beneficiari.csv» è in UTF-8 ma alla riga 5 c'è un byte non valido (0xE9, "
            "in «Nu\ufffdez»): correggere quella riga, perché leggere il file in un'altra "
            "codifica altererebbe tutte le lettere accentate; se il file è davvero in un'altra "
            "codifica (ad esempio Windows-1252), indicarla",
        )
    ]
    assert counts(db)[0] == 0


def test_a_windows_1252_file_is_still_recognised(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    names = ["Müller", "Nuñez", "Bénédicte"]
    path = tmp_path / "Beneficiari.csv"
    path.write_bytes(_csv_bytes(names, "cp1252"))
    assert import_file(db, admin, path).ok
    with db.reading() as session:
        assert sorted(p.last_name for p in session.query(persons.Person)) == sorted(names)


def test_the_user_can_choose_the_encoding(db: Database, admin: Actor, tmp_path: Path) -> None:
    path = tmp_path / "Beneficiari.csv"
    # A Windows-1252 file where "É»" happens to read as UTF-8: recognised as a damaged UTF-8
    # file, read right once the user says Windows-1252.
    path.write_bytes(_csv_bytes(["Müller", "PERCHÉ»"], "cp1252"))
    assert not import_file(db, admin, path, dry_run=True).ok
    report = import_file(db, admin, path, encoding="cp1252")
    assert report.ok, report.errors
    with db.reading() as session:
        assert sorted(p.last_name for p in session.query(persons.Person)) == [
            "Müller",
            "PERCHÉ»",
        ]


def test_a_chosen_encoding_that_does_not_fit_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "Beneficiari.csv"
    path.write_bytes(_csv_bytes(["Rossi", "Müller"], "cp1252"))
    raw = reader.read(path, encoding="utf-8")
    assert [(i.row, i.message) for i in raw.errors] == [
        (
            3,
            "il file «Beneficiari.csv» non è valido nella codifica UTF-8: alla riga 3 c'è un "
            "byte non valido (0xFC, in «M\ufffdller»); scegliere la codifica giusta o "
            "correggere il file",
        )
    ]


def test_the_command_line_takes_the_encoding() -> None:
    from tit_desktop import cli

    assert set(cli.CSV_ENCODINGS) == set(reader.CSV_ENCODINGS)
    args = cli.build_parser().parse_args(["import", "f.csv", "--encoding", "cp1252"])
    assert args.encoding == "cp1252"
    assert cli.build_parser().parse_args(["import", "f.csv"]).encoding is None
