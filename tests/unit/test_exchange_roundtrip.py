"""Export of the exchange workbook, export -> import into an empty database (same data
back, on both back ends), and properties of the import over random rows."""

from __future__ import annotations

import codecs
import datetime as dt
import string
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import make_user
from tests.unit.test_exchange_cells import ANY_CELL
from tests.unit.test_exchange_support import HEADER, import_file, read_back
from tit_desktop.models import AuditEntry, Base, Employment, PermitReason, Person, Role
from tit_desktop.services import audit, clock, codice_fiscale, exchange, persons
from tit_desktop.services.database import Database
from tit_desktop.services.exchange.reader import RawSheet, RawWorkbook
from tit_desktop.services.permissions import Actor

SHEET = "Beneficiari"

# The person fields the sheet carries (declined_fields: «non ha risposto»).
EXPORTED_FIELDS = (
    "code",
    "last_name",
    "first_name",
    "sex",
    "birth_date",
    "birth_place_code",
    "birth_place_text",
    "citizenship_code",
    "fiscal_code",
    "cui",
    "permit_type",
    "permit_reason",
    "permit_number",
    "permit_expires_on",
    "phone",
    "education_isced",
    "employment",
    "ethos_at_intake",
    "intake_date",
    "notes",
    "declined_fields",
)


def _create(db: Database, actor: Actor, **values: Any) -> int:
    data = persons.PersonInput(**values)
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def _fields(db: Database) -> dict[str, dict[str, Any]]:
    with db.reading() as session:
        return {
            p.code: {name: getattr(p, name) for name in EXPORTED_FIELDS}
            for p in session.scalars(select(Person))
        }


def _wipe(db: Database) -> Actor:
    """Empty every table (an empty database), and log in a new administrator."""
    with db.engine.begin() as connection:
        connection.execution_options(**audit.audited_elsewhere("test: database svuotato"))
        # A locked expenditure refuses a DELETE (migration 0013): lift the locks first.
        connection.exec_driver_sql("UPDATE expenditure SET payment_request_id = NULL")
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    return make_user(db, "admin2", Role.ADMIN)


def _export(db: Database, actor: Actor, path: Path, **kwargs: Any) -> exchange.ExportResult:
    with db.transaction(actor) as session:
        return exchange.export_workbook(session, actor, path, **kwargs)


def _registry(db: Database, actor: Actor) -> None:
    """Persons with every kind of value the sheet carries."""
    birth = dt.date(1990, 3, 12)
    _create(
        db,
        actor,
        code="TIU-001",
        last_name="Gündoğdu",
        first_name="Şükrü",
        sex="M",
        birth_date=birth,
        birth_place_code="Z243",
        citizenship_code="Z243",
        fiscal_code=codice_fiscale.compute("Gündoğdu", "Şükrü", "M", birth, "Z243"),
        cui="AB12345",
        permit_type="Permesso di soggiorno elettronico",
        permit_reason="protezione speciale",
        permit_number="I0012345",
        permit_expires_on=dt.date(2026, 6, 30),
        phone="+39 333 1234567",
        education_isced=3,
        employment="disoccupato di lunga durata",
        ethos_at_intake=2,
        intake_date=dt.date(2024, 5, 2),
        notes="Segue il corso di italiano\nlivello A2",
    )
    _create(
        db,
        actor,
        code="TIU-002",
        last_name="Nguyễn",
        first_name="Thị Hoa",
        sex="F",
        birth_date=dt.date(1999, 12, 31),
        birth_place_text="Kilimani",
        permit_type="Carta di soggiorno",
        declined=frozenset({"citizenship_code", "education_isced", "employment"}),
        intake_date=dt.date(2023, 1, 9),
        notes="=non è una formula",
    )
    _create(
        db,
        actor,
        code="TIU-003",
        last_name="Coulibaly",
        first_name="Awa",
        sex="F",
        intake_date=dt.date(2022, 11, 30),
    )
    _create(
        db,
        actor,
        code="A-10",
        last_name="Rossi",
        first_name="Maria",
        sex="F",
        birth_date=dt.date(1960, 1, 1),
        birth_place_code="M261",  # Castro (LE): a name two provinces share
        citizenship_code="Z000",
        permit_reason="UE soggiornante di lungo periodo",
        ethos_at_intake=0,
        intake_date=dt.date(2021, 3, 3),
    )


# --- export ----------------------------------------------------------------------------------


def test_export_filter_order_and_excluded_records(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    _registry(db, admin)
    merged = _create(
        db,
        admin,
        code="B-1",
        last_name="Doppio",
        first_name="Uno",
        sex="M",
        intake_date=dt.date(2024, 1, 1),
    )
    gone = _create(
        db,
        admin,
        code="B-2",
        last_name="Anonimo",
        first_name="X",
        sex="M",
        intake_date=dt.date(2024, 1, 1),
    )
    with db.transaction(admin) as session:
        first = session.scalar(select(Person).where(Person.code == "TIU-001"))
        absorbed = session.get(Person, merged)
        anonymised = session.get(Person, gone)
        assert first is not None and absorbed is not None and anonymised is not None
        absorbed.merged_into_id = first.id
        anonymised.anonymised_at = clock.utcnow()
    result = _export(db, admin, tmp_path / "tutti.xlsx")
    assert result.exported[SHEET] == 4  # (and the areas' sheets, empty here)
    assert result.files == [tmp_path / "tutti.xlsx"]
    cells = read_back(tmp_path / "tutti.xlsx")
    assert cells[0] == HEADER
    assert [row[0] for row in cells[1:]] == ["A-10", "TIU-001", "TIU-002", "TIU-003"]
    # The list's filter; anonymised records stay out even when the list shows them.
    turkish = persons.PersonFilter(citizenship_code="Z243", include_anonymised=True)
    result = _export(db, admin, tmp_path / "filtro.xlsx", person_filter=turkish)
    assert result.exported[SHEET] == 1
    assert [row[0] for row in read_back(tmp_path / "filtro.xlsx")[1:]] == ["TIU-001"]
    with db.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id)
        ).all()
    # (the areas' sheets follow Beneficiari in the sentence)
    assert [(e.detail or "").split(",")[0] for e in entries] == [
        "Esportazione in «tutti.xlsx»: Beneficiari 4",
        "Esportazione in «filtro.xlsx»: Beneficiari 1",
    ]
    assert entries[1].entity == "person" and entries[1].username == "admin"
    assert entries[1].changes is not None
    assert entries[1].changes["exported"][SHEET] == 1
    assert {**entries[1].changes, "exported": {SHEET: 1}} == {
        "file": str(tmp_path / "filtro.xlsx"),
        "exported": {SHEET: 1},
        "filter": {
            "text": "",
            "citizenship_code": "Z243",
            "ethos": None,
            "permit_expiring_within_days": None,
            "reference_staff_id": None,
            "include_anonymised": True,
            "in_pathway": False,
        },
    }


def test_export_cells_and_formats(db: Database, admin: Actor, tmp_path: Path) -> None:
    _registry(db, admin)
    _export(db, admin, tmp_path / "b.xlsx")
    cells = read_back(tmp_path / "b.xlsx")
    assert cells[1:] == [
        [
            "A-10",
            "Rossi",
            "Maria",
            "F",
            dt.date(1960, 1, 1),
            "Castro (LE)",
            "Italia",
            None,
            None,
            "UE soggiornante di lungo periodo",
            None,
            None,
            None,
            None,
            None,
            0,
            dt.date(2021, 3, 3),
            None,
        ],
        [
            "TIU-001",
            "Gündoğdu",
            "Şükrü",
            "M",
            dt.date(1990, 3, 12),
            "Turchia",
            "Turchia",
            "GNDSKR90C12Z243P",
            "AB12345",
            "Permesso di soggiorno elettronico (protezione speciale)",
            "I0012345",
            dt.date(2026, 6, 30),
            "+39 333 1234567",
            3,
            "disoccupato di lunga durata",
            2,
            dt.date(2024, 5, 2),
            "Segue il corso di italiano\nlivello A2",
        ],
        [
            "TIU-002",
            "Nguyễn",
            "Thị Hoa",
            "F",
            dt.date(1999, 12, 31),
            "Kilimani",
            "non ha risposto",
            None,
            None,
            "Carta di soggiorno",
            None,
            None,
            None,
            "non ha risposto",
            "non ha risposto",
            None,
            dt.date(2023, 1, 9),
            "=non è una formula",
        ],
        [
            "TIU-003",
            "Coulibaly",
            "Awa",
            "F",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            dt.date(2022, 11, 30),
            None,
        ],
    ]
    book = load_workbook(tmp_path / "b.xlsx")
    sheet = book[SHEET]
    assert book.sheetnames[0] == SHEET
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b is True
    assert sheet["E2"].is_date and sheet["E2"].number_format == "DD/MM/YYYY"
    assert sheet["Q2"].is_date and sheet["Q2"].number_format == "DD/MM/YYYY"
    assert sheet["R4"].data_type == "s"  # "=non è una formula" stays text


def test_export_to_csv_writes_one_file_per_sheet_for_italian_excel(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    _registry(db, admin)
    result = _export(db, admin, tmp_path / "esportazione.csv")
    assert result.files[0] == tmp_path / "Beneficiari.csv"
    assert not (tmp_path / "esportazione.csv").exists()
    data = (tmp_path / "Beneficiari.csv").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0] == ";".join(HEADER)
    assert lines[1] == (
        "A-10;Rossi;Maria;F;01/01/1960;Castro (LE);Italia;;;UE soggiornante di lungo periodo;;;"
        ";;;0;03/03/2021;"
    )
    assert lines[2] == (
        "TIU-001;Gündoğdu;Şükrü;M;12/03/1990;Turchia;Turchia;GNDSKR90C12Z243P;AB12345;"
        "Permesso di soggiorno elettronico (protezione speciale);I0012345;30/06/2026;"
        "'+39 333 1234567;3;disoccupato di lunga durata;2;02/05/2024;"
        '"Segue il corso di italiano\nlivello A2"'
    )
    assert lines[3].endswith(";'=non è una formula")


def test_export_refuses_other_file_kinds(db: Database, admin: Actor, tmp_path: Path) -> None:
    from tit_desktop.services.errors import ValidationError

    with pytest.raises(ValidationError) as exc:
        _export(db, admin, tmp_path / "b.ods")
    assert exc.value.fields == {"file": "il nome del file deve terminare con .xlsx o .csv"}


# --- round trip --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_data(
    db: Database, admin: Actor, tmp_path: Path, suffix: str
) -> None:
    # GIVEN a registry exported to a file
    _registry(db, admin)
    before = _fields(db)
    result = _export(db, admin, tmp_path / f"scambio{suffix}")
    exported = result.files[0]
    _export(db, admin, tmp_path / "prima.xlsx")
    first_cells = read_back(tmp_path / "prima.xlsx")
    # WHEN it is imported into an empty database
    actor = _wipe(db)
    report = import_file(db, actor, exported)
    # THEN every exported field comes back, and exporting again gives the same cells
    assert report.ok and report.errors == []
    assert report.counts[SHEET] == exchange.SheetCounts(created=4)
    assert all(c.total == 0 for name, c in report.counts.items() if name != SHEET)
    assert [(i.row, i.column) for i in report.warnings] == [(4, "Luogo di nascita")]
    assert _fields(db) == before
    _export(db, actor, tmp_path / "dopo.xlsx")
    assert read_back(tmp_path / "dopo.xlsx") == first_cells


# --- properties ------------------------------------------------------------------------------


@contextmanager
def _rolled_back(db: Database, actor: Actor) -> Iterator[Session]:
    """A session whose writes are all undone at the end (for many examples on one database)."""
    with db.reading() as session:
        audit.bind_actor(session, actor)
        yield session


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.lists(ANY_CELL, min_size=len(HEADER), max_size=len(HEADER) + 2),
        min_size=1,
        max_size=4,
    )
)
def test_junk_in_any_cell_is_reported_never_raised(
    db: Database, admin: Actor, rows: list[list[Any]]
) -> None:
    raw = RawWorkbook("junk.xlsx", [RawSheet(SHEET, "junk.xlsx", list(HEADER), [])])
    raw.sheets[0].rows = [(number, cells) for number, cells in enumerate(rows, start=2)]
    with _rolled_back(db, admin) as session:
        report = exchange.import_raw(session, admin, raw, dry_run=True)
    for issue in report.errors + report.warnings:
        assert issue.sheet == SHEET
        assert issue.row in range(1, len(rows) + 2)
        assert issue.column in [*HEADER, "S", "T"]
        assert issue.message
    assert report.ok == (not report.errors)


LETTERS = string.ascii_letters + "àèéìòùÀÈÉÌÒÙäöüÄÖÜçñşŞğĞıİĐđ'" + "АБВГДабвгд" + "ابتث"
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=12).filter(lambda w: w[0] != "'")
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
NOTE_CHARS = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Cn", "Zl", "Zp"))
NOTE = st.text(alphabet=st.one_of(NOTE_CHARS, st.just("\n")), max_size=60).map(str.strip)
DECLINED = "non ha risposto"
BIRTH_PLACES = {  # as written -> as exported
    "Ancona (AN)": "Ancona (AN)",
    "roma": "Roma (RM)",
    "Castro (LE)": "Castro (LE)",
    "Marocco": "Marocco",
    "NIGERIA": "Nigeria",
    "Kilimani": "Kilimani",
}
STATES = {"Turchia": "Turchia", "marocco": "Marocco", "Perù": "Perù", "Italia": "Italia"}
PERMITS = {
    "Richiesta asilo": "richiesta asilo",
    "Carta di soggiorno": "Carta di soggiorno",
    "Permesso di soggiorno (famiglia)": "Permesso di soggiorno (famiglia)",
    "UE SOGGIORNANTE DI LUNGO PERIODO": "UE soggiornante di lungo periodo",
}


@st.composite
def valid_row(draw: st.DrawFn, code: str) -> tuple[list[Any], list[Any]]:
    """A valid Beneficiari row as a user may write it, and the cells the export gives back."""
    last, first = draw(NAME), draw(NAME)
    sex = draw(st.sampled_from(["F", "M", "f", "m"]))
    intake = draw(st.dates(dt.date(2015, 1, 1), min(clock.today(), dt.date(2024, 12, 31))))
    birth = draw(st.none() | st.dates(dt.date(1930, 1, 1), dt.date(2010, 12, 31)))
    place = draw(st.none() | st.sampled_from(sorted(BIRTH_PLACES)))
    state = draw(st.none() | st.sampled_from([*sorted(STATES), DECLINED]))
    permit = draw(st.none() | st.sampled_from(sorted(PERMITS)))
    isced = draw(st.none() | st.integers(0, 8) | st.just(DECLINED))
    employment = draw(st.none() | st.sampled_from([e.value for e in Employment] + [DECLINED]))
    ethos = draw(st.none() | st.integers(0, 13) | st.just(DECLINED))
    cui = draw(st.none() | st.from_regex(r"[A-Z0-9]{5,12}", fullmatch=True))
    number = draw(st.none() | st.from_regex(r"[A-Z0-9]{6,10}", fullmatch=True))
    expires = draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    phone = draw(st.none() | st.from_regex(r"\+39 3[0-9]{2} [0-9]{7}", fullmatch=True))
    note = draw(NOTE) or None
    fiscal_code = None
    if birth is not None and place in ("Ancona (AN)", "Marocco") and draw(st.booleans()):
        fiscal_code = codice_fiscale.compute(
            last, first, sex.upper(), birth, "A271" if place == "Ancona (AN)" else "Z330"
        )
    date_cell = draw(st.sampled_from(["text", "date"]))

    def written(day: dt.date | None) -> Any:
        if day is None:
            return None
        return f"{day.day}/{day.month}/{day.year}" if date_cell == "text" else day

    row = [
        code,
        last,
        first,
        sex,
        written(birth),
        place,
        state,
        fiscal_code,
        cui,
        permit,
        number,
        written(expires),
        phone,
        isced,
        employment,
        ethos,
        written(intake),
        note,
    ]
    expected = [
        code,
        last,
        first,
        sex.upper(),
        birth,
        BIRTH_PLACES.get(place or ""),
        DECLINED if state == DECLINED else STATES.get(state or ""),
        fiscal_code,
        cui,
        PERMITS.get(permit or ""),
        number,
        expires,
        phone,
        isced,
        employment,
        ethos,
        intake,
        note,
    ]
    return row, expected


@st.composite
def valid_rows(draw: st.DrawFn) -> list[tuple[list[Any], list[Any]]]:
    codes = draw(
        st.lists(
            st.from_regex(r"[A-Z]{1,3}-[0-9]{1,4}", fullmatch=True),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    rows = [draw(valid_row(code)) for code in codes]
    for column in (7, 8):  # codice fiscale and CUI are unique
        values = [row[column] for row, _expected in rows if row[column]]
        assume(len(values) == len(set(values)))
    return rows


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(valid_rows())
def test_valid_rows_always_import_and_export_back(
    db: Database, admin: Actor, tmp_path: Path, rows: list[tuple[list[Any], list[Any]]]
) -> None:
    raw = RawWorkbook("valide.xlsx", [RawSheet(SHEET, "valide.xlsx", list(HEADER), [])])
    raw.sheets[0].rows = [(number, row) for number, (row, _e) in enumerate(rows, start=2)]
    target = tmp_path / "esportato.xlsx"
    with _rolled_back(db, admin) as session:
        report = exchange.import_raw(session, admin, raw)
        assert report.errors == []
        assert report.imported == {SHEET: len(rows)}
        for warning in report.warnings:
            assert (warning.column, warning.message) == (
                "Luogo di nascita",
                "«Kilimani» non è tra i comuni italiani né tra gli stati esteri: il luogo è "
                "stato registrato come testo",
            )
        exchange.export_workbook(session, admin, target)
    expected = sorted((e for _row, e in rows), key=lambda e: e[0])
    assert read_back(target) == [HEADER, *expected]


def test_permit_reasons_round_trip_through_the_export() -> None:
    from tit_desktop.services.exchange import cells

    for reason in PermitReason:
        assert cells.parse_permit(cells.permit_text(None, reason.value)) == (None, reason.value)
