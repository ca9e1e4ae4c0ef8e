"""Importing the Beneficiari sheet (DOMAIN.md section 8): whole-file checks first, then
everything in one transaction or nothing; every problem named by sheet, row, column."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from tests.unit.test_exchange_support import (
    BASE_ROW,
    HEADER,
    counts,
    import_file,
    issues,
    person_row,
    persons_workbook,
    set_cached_values,
    table,
    write_xlsx,
)
from tit_desktop.models import AuditEntry, Person, Role
from tit_desktop.services import audit, clock, codice_fiscale, exchange, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, PermissionDenied
from tit_desktop.services.exchange import SheetCounts
from tit_desktop.services.permissions import Actor

SHEET = "Beneficiari"
NOTHING = "Il file contiene 1 errore: non è stato importato nulla."


def _person(db: Database, code: str) -> Person:
    with db.reading() as session:
        person = session.scalar(select(Person).where(Person.code == code))
        assert person is not None
        return person


def _audit(db: Database) -> list[tuple[str, str, str | None]]:
    with db.reading() as session:
        return [
            (e.action, e.entity, e.detail)
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "person").order_by(AuditEntry.id)
            )
        ]


# --- a good file --------------------------------------------------------------------------


def test_every_column_is_imported(db: Database, admin: Actor, tmp_path: Path) -> None:
    birth = dt.date(1985, 7, 1)
    code = codice_fiscale.compute("Müller", "Josè", "F", birth, "A271")
    row = {
        "Codice": "TIU-7",
        "Cognome": "Müller",
        "Nome": "Josè",
        "Sesso": "f",
        "Data di nascita": dt.datetime(1985, 7, 1),  # a real date cell
        "Luogo di nascita": "Ancona (AN)",
        "Cittadinanza": "Germania",
        "Codice fiscale": code.lower(),
        "CUI": "ab 12345",
        "Tipo permesso": "Permesso di soggiorno elettronico (protezione speciale)",
        "Numero permesso": "I12345678",
        "Scadenza permesso": "31/12/2026",
        "Telefono": "+39 333 1234567",
        "Titolo di studio": 3,
        "Condizione occupazionale": "Disoccupato",
        "ETHOS": "non ha risposto",
        "Data presa in carico": "2/5/2024",
        "Note": "Segue il corso di italiano\nlivello A2",
    }
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]))
    assert report.to_json() == {
        "ok": True,
        "errors": [],
        "warnings": [],
        "imported": {SHEET: 1},
    }
    assert report.counts == {SHEET: SheetCounts(created=1)}
    person = _person(db, "TIU-7")
    assert (person.last_name, person.first_name, person.sex.value if person.sex else None) == (
        "Müller",
        "Josè",
        "F",
    )
    assert person.birth_date == birth
    assert (person.birth_place_code, person.birth_place_text) == ("A271", None)
    assert person.citizenship_code == "Z112"
    assert person.fiscal_code == code
    assert person.cui == "AB12345"
    assert person.permit_type == "Permesso di soggiorno elettronico"
    assert person.permit_reason is not None and person.permit_reason.value == "protezione speciale"
    assert person.permit_number == "I12345678"
    assert person.permit_expires_on == dt.date(2026, 12, 31)
    assert person.phone == "+39 333 1234567"
    assert person.education_isced == 3
    assert person.employment is not None and person.employment.value == "disoccupato"
    assert person.ethos_at_intake is None and person.declined_fields == "ethos_at_intake"
    assert person.intake_date == dt.date(2024, 5, 2)
    assert person.notes == "Segue il corso di italiano\nlivello A2"
    # One summary row for the sheet (bulk insert), naming the new record, in the person's
    # trail through the index.
    assert [(a, e) for a, e, _d in _audit(db)] == [("import", "person")]
    assert _audit(db)[-1][2] == (
        "Importazione da «b.xlsx», foglio Beneficiari: nuove 1, aggiornate 0, invariate 0"
    )
    with db.reading() as session:
        trail = list(session.scalars(select(AuditEntry).where(audit.concerning([person.id]))))
    assert [e.action for e in trail] == ["import"]
    assert trail[0].changes is not None
    assert trail[0].changes["inserted"] == {"count": 1, "ids": [person.id]}
    assert trail[0].changes["file"] == "b.xlsx" and trail[0].changes["created"] == 1
    with db.reading() as session:  # the search tokens were written too
        found = persons.search_ids(session, admin, persons.PersonFilter(text="muller jose"))
    assert found == [person.id]


def test_dry_run_only_checks(db: Database, admin: Actor, tmp_path: Path) -> None:
    path = persons_workbook(
        tmp_path / "b.xlsx", [BASE_ROW, person_row(Codice="TIU-2", **{"Codice fiscale": None})]
    )
    before = counts(db)
    report = import_file(db, admin, path, dry_run=True)
    assert (report.ok, report.imported, report.counts) == (
        True,
        {SHEET: 2},
        {SHEET: SheetCounts(created=2)},
    )
    assert report.summary() == (
        "Controllo superato, da importare. Beneficiari: 2 schede nuove, 0 aggiornate, 0 invariate."
    )
    # No person written; the check itself is recorded (what it answers reads the registry)
    assert counts(db) == (before[0], before[1] + 1)
    assert _audit(db)[-1] == (
        "import",
        "person",
        "Controllo del file «b.xlsx», nessun dato scritto: Beneficiari 2 nuove, 0 aggiornate, "
        "0 invariate",
    )


def test_headers_are_case_insensitive_trimmed_and_in_any_order(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    header = [" data presa in carico ", "SESSO", "nome", "Cognome", "codice"]
    rows = [["02/05/2024", "F", "Amina", "Diallo", "TIU-9"]]
    path = write_xlsx(tmp_path / "b.xlsx", {" beneficiari ": [header, *rows]})
    report = import_file(db, admin, path)
    assert (report.ok, report.imported) == (True, {SHEET: 1})
    assert _person(db, "TIU-9").first_name == "Amina"


def test_empty_rows_are_skipped_and_row_numbers_are_the_spreadsheets(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        BASE_ROW,
        {},  # row 3: empty
        {"Cognome": "   ", "Note": ""},  # row 4: only blanks
        person_row(Codice="TIU-2", Sesso="Z", **{"Codice fiscale": None}),  # row 5
    ]
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", rows))
    assert issues(report) == [(SHEET, 5, "Sesso", "«Z» non previsto: indicare F o M")]
    fixed = [*rows[:3], person_row(Codice="TIU-2", **{"Codice fiscale": None})]
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", fixed))
    assert (report.ok, report.imported) == (True, {SHEET: 2})


# --- one wrong row: nothing written ---------------------------------------------------


def test_one_wrong_row_and_nothing_is_written(db: Database, admin: Actor, tmp_path: Path) -> None:
    rows = [
        BASE_ROW,
        person_row(Codice="TIU-2", Sesso="X", **{"Codice fiscale": None}),
        person_row(Codice="TIU-3", **{"Codice fiscale": None}),
    ]
    before = counts(db)
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", rows))
    assert report.to_json() == {
        "ok": False,
        "errors": [
            {
                "sheet": SHEET,
                "row": 3,
                "column": "Sesso",
                "message": "«X» non previsto: indicare F o M",
            }
        ],
        "warnings": [],
        "imported": {SHEET: 0},
    }
    assert (
        report.errors[0].text()
        == "Beneficiari, riga 3, colonna Sesso: «X» non previsto: indicare F o M"
    )
    assert report.summary() == NOTHING
    assert counts(db) == (before[0], before[1] + 1)  # the refused import's own record
    assert _audit(db)[-1][2] == (
        "Importazione rifiutata del file «b.xlsx», nessun dato scritto: 1 errore"
    )


def test_every_problem_of_a_row_is_listed_in_column_order(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    row = person_row(
        Codice="",
        Data_di_nascita="2024-01-01",
        Cittadinanza="Narnia",
        ETHOS=20,
        Titolo_di_studio="tre",
        **{"Data presa in carico": None},
    )
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]))
    assert issues(report) == [
        (SHEET, 2, "Codice", "valore obbligatorio mancante"),
        (SHEET, 2, "Data di nascita", "«2024-01-01» non è una data nel formato gg/mm/aaaa"),
        (
            SHEET,
            2,
            "Cittadinanza",
            "stato «Narnia» sconosciuto: indicare il nome italiano dello stato (ad esempio "
            "Marocco, Nigeria, Italia)",
        ),
        (
            SHEET,
            2,
            "Titolo di studio",
            "«tre» non è un numero intero: indicare il livello ISCED da 0 a 8",
        ),
        (SHEET, 2, "ETHOS", "20 non previsto: indicare la categoria ETHOS da 0 a 13"),
        (SHEET, 2, "Data presa in carico", "valore obbligatorio mancante"),
    ]


def test_birth_after_intake_names_the_column(db: Database, admin: Actor, tmp_path: Path) -> None:
    row = person_row(Data_di_nascita="03/05/2024", **{"Codice fiscale": None})
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]))
    assert issues(report) == [
        (
            SHEET,
            2,
            "Data di nascita",
            "la data di nascita (03/05/2024) è successiva alla presa in carico (02/05/2024)",
        )
    ]


def test_field_rules_come_from_the_person_service(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    tomorrow = clock.today() + dt.timedelta(days=1)
    rows = [
        person_row(Codice="TIU 1", **{"Codice fiscale": None}),
        person_row(Codice="TIU-2", Telefono="chiamare Ahmed", **{"Codice fiscale": None}),
        person_row(Codice="TIU-3", CUI="12", **{"Codice fiscale": None}),
        person_row(Codice="TIU-4", Cognome="X" * 101, **{"Codice fiscale": None}),
        person_row(Codice="TIU-5", **{"Codice fiscale": None, "Data presa in carico": tomorrow}),
    ]
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", rows))
    assert issues(report) == [
        (SHEET, 2, "Codice", "solo lettere, cifre e i segni . _ / -"),
        (SHEET, 3, "Telefono", "solo cifre, spazi e i segni + ( ) . / -"),
        (SHEET, 4, "CUI", "da 5 a 20 lettere o cifre"),
        (SHEET, 5, "Cognome", "troppo lungo: al massimo 100 caratteri (sono 101)"),
        (SHEET, 6, "Data presa in carico", "non può essere nel futuro"),
    ]


# --- codice fiscale ---------------------------------------------------------------------


def test_a_wrong_check_letter_is_an_error(db: Database, admin: Actor, tmp_path: Path) -> None:
    row = person_row(**{"Codice fiscale": "GNDSKR90C12Z243X"})
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]))
    assert issues(report) == [
        (SHEET, 2, "Codice fiscale", "carattere di controllo errato: atteso «P», trovato «X»")
    ]
    assert counts(db)[0] == 0


def test_a_code_that_does_not_match_the_data_is_a_warning_and_imported(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    row = person_row(Data_di_nascita="13/03/1990")
    computed = codice_fiscale.compute("Gündoğdu", "Şükrü", "M", dt.date(1990, 3, 13), "Z243")
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]))
    assert report.ok and report.imported == {SHEET: 1}
    assert issues(report, warnings=True) == [
        (
            SHEET,
            2,
            "Codice fiscale",
            f"Il codice fiscale non corrisponde a: data di nascita. Codice calcolato dai dati: "
            f"{computed}",
        )
    ]
    assert _person(db, "TIU-1").fiscal_code == "GNDSKR90C12Z243P"


def test_an_unknown_birth_place_is_kept_as_text_with_a_warning(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    row = person_row(Luogo_di_nascita="Kilimani", **{"Codice fiscale": None})
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]))
    assert report.ok
    assert issues(report, warnings=True) == [
        (
            SHEET,
            2,
            "Luogo di nascita",
            "«Kilimani» non è tra i comuni italiani né tra gli stati esteri: il luogo è stato "
            "registrato come testo",
        )
    ]
    person = _person(db, "TIU-1")
    assert (person.birth_place_code, person.birth_place_text) == (None, "Kilimani")


def test_a_refused_file_does_not_say_the_place_was_recorded(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    place = person_row(Luogo_di_nascita="Kilimani", **{"Codice fiscale": None})
    wrong = person_row(Codice="TIU-2", Sesso="X", **{"Codice fiscale": None})
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [place, wrong]))
    assert not report.ok
    assert [w.message for w in report.warnings] == [
        "«Kilimani» non è tra i comuni italiani né tra gli stati esteri: il luogo sarà "
        "registrato come testo"
    ]


# --- conflicts between rows and with the database ---------------------------------------


def test_the_same_codice_twice_is_reported_on_the_later_row(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        BASE_ROW,
        person_row(Codice="TIU-2", Cognome="Diallo", Nome="Amina", **{"Codice fiscale": None}),
        person_row(Cognome="Rossi", Nome="Mario", **{"Codice fiscale": None}),
    ]
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", rows))
    assert issues(report) == [
        (SHEET, 4, "Codice", "il codice «TIU-1» è già usato alla riga 2 (Gündoğdu Şükrü)")
    ]


def test_the_same_codice_fiscale_or_cui_twice(db: Database, admin: Actor, tmp_path: Path) -> None:
    rows = [
        person_row(CUI="AB12345"),
        person_row(Codice="TIU-2", CUI="XY98765"),
        person_row(Codice="TIU-3", CUI="ab12345", **{"Codice fiscale": None}),
    ]
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", rows))
    assert issues(report) == [
        (
            SHEET,
            3,
            "Codice fiscale",
            "codice fiscale «GNDSKR90C12Z243P» già indicato alla riga 2 (Gündoğdu Şükrü)",
        ),
        (SHEET, 4, "CUI", "CUI «AB12345» già indicato alla riga 2 (Gündoğdu Şükrü)"),
    ]


def test_codice_fiscale_and_cui_of_another_recorded_person(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    with db.transaction(admin) as session:
        persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="OLD-1",
                last_name="Gündoğdu",
                first_name="Şükrü",
                sex="M",
                fiscal_code="GNDSKR90C12Z243P",
                cui="AB12345",
                intake_date=dt.date(2023, 1, 1),
            ),
        )
    row = person_row(Codice="NEW-1", CUI="AB12345")
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]))
    assert issues(report) == [
        (SHEET, 2, "Codice fiscale", "già usato dalla persona con codice OLD-1"),
        (SHEET, 2, "CUI", "già usato dalla persona con codice OLD-1"),
    ]


def test_a_value_let_go_by_an_updated_person_may_go_to_a_new_one(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    # GIVEN a recorded person holding a CUI
    first = persons_workbook(tmp_path / "1.xlsx", [person_row(CUI="AB12345")])
    assert import_file(db, admin, first).ok
    # WHEN a corrected sheet moves that CUI to a new person
    rows = [
        person_row(CUI="CD67890"),
        person_row(Codice="TIU-2", CUI="AB12345", **{"Codice fiscale": None}),
    ]
    report = import_file(db, admin, persons_workbook(tmp_path / "2.xlsx", rows))
    # THEN both are written: the update first, then the new person
    assert (report.ok, report.counts) == (True, {SHEET: SheetCounts(created=1, updated=1)})
    assert (_person(db, "TIU-1").cui, _person(db, "TIU-2").cui) == ("CD67890", "AB12345")
    # but two recorded persons cannot exchange their values in one import
    rows = [
        person_row(CUI="AB12345"),
        person_row(Codice="TIU-2", CUI="CD67890", **{"Codice fiscale": None}),
    ]
    report = import_file(db, admin, persons_workbook(tmp_path / "3.xlsx", rows))
    assert issues(report) == [
        (
            SHEET,
            2,
            "CUI",
            "CUI «AB12345» registrato per la persona con codice TIU-2, che questo file "
            "(riga 3) cambia: uno scambio di codici fra persone già registrate non si può "
            "fare con una sola importazione; importare prima la correzione dell'una, poi "
            "dell'altra",
        ),
        (
            SHEET,
            3,
            "CUI",
            "CUI «CD67890» registrato per la persona con codice TIU-1, che questo file "
            "(riga 2) cambia: uno scambio di codici fra persone già registrate non si può "
            "fare con una sola importazione; importare prima la correzione dell'una, poi "
            "dell'altra",
        ),
    ]


# --- updates of recorded persons -----------------------------------------------------------


def test_a_recorded_codice_updates_the_person(db: Database, admin: Actor, tmp_path: Path) -> None:
    # GIVEN a person imported once, then given an e-mail on the person form
    first = persons_workbook(
        tmp_path / "1.xlsx", [person_row(Telefono="071 123456", Note="prima nota")]
    )
    assert import_file(db, admin, first).ok
    person = _person(db, "TIU-1")
    with db.transaction(admin) as session:
        data = persons.open_person(session, admin, person.id).data
        data.email = "sukru@example.org"
        persons.update_person(session, admin, person.id, data, person.version)
    version = _person(db, "TIU-1").version
    # WHEN a corrected sheet changes the phone and empties the note
    rows = [
        person_row(Telefono="071 654321", Note=None),
        person_row(Codice="TIU-2", **{"Codice fiscale": None}),
    ]
    report = import_file(db, admin, persons_workbook(tmp_path / "2.xlsx", rows))
    # THEN the person is updated, the cleared value is announced, the e-mail kept
    assert report.counts == {SHEET: SheetCounts(created=1, updated=1)}
    assert report.imported == {SHEET: 2}
    assert issues(report, warnings=True) == [
        (SHEET, 2, "Note", "la cella è vuota: il valore registrato «prima nota» sarà cancellato")
    ]
    updated = _person(db, "TIU-1")
    assert (updated.id, updated.phone, updated.notes, updated.email) == (
        person.id,
        "071 654321",
        None,
        "sukru@example.org",
    )
    assert updated.version == version + 1
    with db.reading() as session:
        entry = session.scalar(
            select(AuditEntry)
            .where(AuditEntry.action == "update", AuditEntry.entity_id == str(person.id))
            .order_by(AuditEntry.id.desc())
        )
    assert entry is not None
    assert entry.changes == {"phone": ["071 123456", "071 654321"], "notes": ["prima nota", None]}


def test_an_identical_row_is_unchanged_and_not_written(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = persons_workbook(tmp_path / "b.xlsx", [BASE_ROW])
    assert import_file(db, admin, path).ok
    version = _person(db, "TIU-1").version
    before = counts(db)
    report = import_file(db, admin, path)
    assert report.counts == {SHEET: SheetCounts(unchanged=1)}
    assert report.summary() == (
        "Importazione completata. Beneficiari: 0 schede nuove, 0 aggiornate, 1 invariata."
    )
    assert _person(db, "TIU-1").version == version
    assert counts(db) == (before[0], before[1] + 1)  # only the import record


def test_a_column_absent_from_the_file_is_left_as_recorded(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    assert import_file(db, admin, persons_workbook(tmp_path / "1.xlsx", [person_row(ETHOS=3)])).ok
    header = ["Codice", "Cognome", "Nome", "Sesso", "Data presa in carico"]
    path = persons_workbook(tmp_path / "2.xlsx", [person_row(Nome="Sukru")], header)
    report = import_file(db, admin, path)
    assert report.counts == {SHEET: SheetCounts(updated=1)}
    person = _person(db, "TIU-1")
    assert (person.first_name, person.ethos_at_intake, person.fiscal_code) == (
        "Sukru",
        3,
        "GNDSKR90C12Z243P",
    )


def test_merged_or_anonymised_records_cannot_be_updated(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        person_row(**{"Codice fiscale": None}),
        person_row(Codice="TIU-2", Cognome="Diallo", Nome="Amina", **{"Codice fiscale": None}),
        person_row(Codice="TIU-3", **{"Codice fiscale": None}),
    ]
    assert import_file(db, admin, persons_workbook(tmp_path / "1.xlsx", rows)).ok
    with db.transaction(admin) as session:
        absorbed = session.scalar(select(Person).where(Person.code == "TIU-1"))
        survivor = session.scalar(select(Person).where(Person.code == "TIU-2"))
        gone = session.scalar(select(Person).where(Person.code == "TIU-3"))
        assert absorbed is not None and survivor is not None and gone is not None
        absorbed.merged_into_id = survivor.id
        gone.anonymised_at = clock.utcnow()
    report = import_file(db, admin, persons_workbook(tmp_path / "2.xlsx", [rows[0], rows[2]]))
    assert issues(report) == [
        (
            SHEET,
            2,
            "Codice",
            "la scheda con il codice «TIU-1» è stata unita alla scheda con il codice «TIU-2»: "
            "usare quel codice",
        ),
        (
            SHEET,
            3,
            "Codice",
            "la scheda con il codice «TIU-3» è stata anonimizzata: non si può aggiornare con "
            "un'importazione",
        ),
    ]


# --- broken files ----------------------------------------------------------------------


def test_wrong_headers_are_errors_and_the_rows_are_not_checked(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    header = ["Codice", "Cognome", "Nome", "Nome", "Telefono 2", "Data presa in carico"]
    rows = [["TIU-1", "Rossi", "Mario", "Mario", "333", "ieri"]]
    path = write_xlsx(tmp_path / "b.xlsx", {SHEET: [header, *rows]})
    report = import_file(db, admin, path)
    columns = ", ".join(HEADER)
    assert report.imported == {SHEET: 0}
    assert issues(report) == [
        (SHEET, 1, "Nome", "colonna ripetuta: compare nelle colonne C e D"),
        (SHEET, 1, "Sesso", "manca questa colonna, che è obbligatoria"),
        (
            SHEET,
            1,
            "Telefono 2",
            f"colonna sconosciuta: le colonne del foglio Beneficiari sono {columns}",
        ),
    ]


def test_data_under_a_column_without_header(db: Database, admin: Actor, tmp_path: Path) -> None:
    header = ["Codice", "Cognome", "Nome", "Sesso", "Data presa in carico", None, None]
    rows = [["TIU-1", "Rossi", "Mario", "M", "02/05/2024", None, None], [None] * 5 + [None, "x"]]
    path = write_xlsx(tmp_path / "b.xlsx", {SHEET: [header, *rows]})
    report = import_file(db, admin, path)
    assert issues(report) == [
        (
            SHEET,
            1,
            "G",
            "la colonna G non ha intestazione ma contiene dati (riga 3): scrivere il nome "
            "della colonna o svuotarla",
        )
    ]


def test_a_sheet_without_header(db: Database, admin: Actor, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "b.xlsx", {SHEET: []})
    report = import_file(db, admin, path)
    assert issues(report) == [
        (
            SHEET,
            1,
            None,
            "manca la riga di intestazione: la riga 1 deve contenere i nomi delle colonne ("
            + ", ".join(HEADER)
            + ")",
        )
    ]


def test_unknown_and_not_yet_importable_sheets(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.services.exchange import sheets

    # Every sheet of DOMAIN.md 8 is importable now: a planned one stands in for a future sheet.
    planned = sheets._planned("Percorsi", "Codice*, Data ingresso*, Data uscita, Destinazione")
    monkeypatch.setitem(sheets.SHEETS, "Percorsi", planned)
    path = write_xlsx(
        tmp_path / "b.xlsx",
        {
            SHEET: table([BASE_ROW]),
            "Foglio1": [],
            "Percorsi": [["Codice", "Data ingresso"], ["TIU-1", "02/05/2024"]],
        },
    )
    report = import_file(db, admin, path)
    assert issues(report) == [
        (
            "Foglio1",
            None,
            None,
            "foglio «Foglio1» sconosciuto: i fogli ammessi sono Beneficiari, Alloggi, Soggiorni, "
            "Pasti, Percorsi, Famiglie, Accoglienze, Contributi, Contatti strada, Convenzioni, "
            "Voci, Spese; "
            "eliminarlo o rinominarlo",
        ),
        (
            "Percorsi",
            None,
            None,
            "questo foglio non si può ancora importare con questa versione di TIT Desktop: "
            "toglierlo dal file",
        ),
    ]
    assert report.imported == {SHEET: 0}
    assert counts(db)[0] == 0


def test_merged_cells_are_errors_not_half_values(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    for row in table(
        [
            BASE_ROW,
            person_row(Codice="TIU-2", **{"Codice fiscale": None}),
            person_row(Codice="TIU-3", **{"Codice fiscale": None}),
        ]
    ):
        sheet.append(row)
    sheet.merge_cells("B3:B4")  # the same Cognome for two persons
    sheet.merge_cells("L2:M2")
    book.save(tmp_path / "b.xlsx")
    report = import_file(db, admin, tmp_path / "b.xlsx")
    assert issues(report) == [
        (
            SHEET,
            2,
            "Scadenza permesso",
            "celle unite L2:M2: separare le celle e scrivere il valore in ciascuna riga (le "
            "celle unite non vengono importate)",
        ),
        (
            SHEET,
            3,
            "Cognome",
            "celle unite B3:B4: separare le celle e scrivere il valore in ciascuna riga (le "
            "celle unite non vengono importate)",
        ),
    ]
    assert counts(db)[0] == 0


def test_formulas_give_their_computed_value(db: Database, admin: Actor, tmp_path: Path) -> None:
    row = person_row(Codice='="TIU-"&(40+2)', ETHOS="=1+2")
    path = persons_workbook(tmp_path / "b.xlsx", [row])
    set_cached_values(path, {"A2": "TIU-42"}, kind="str")
    set_cached_values(path, {"P2": "3"})
    report = import_file(db, admin, path)
    assert (report.ok, report.imported) == (True, {SHEET: 1})
    assert _person(db, "TIU-42").ethos_at_intake == 3


def test_a_formula_without_computed_value_is_an_error(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = persons_workbook(tmp_path / "b.xlsx", [person_row(ETHOS="=1+2", Note="=A2")])
    set_cached_values(path, {"R2": "#REF!"}, kind="e")
    report = import_file(db, admin, path)
    assert issues(report) == [
        (
            SHEET,
            2,
            "ETHOS",
            "la formula nella cella P2 non ha un valore calcolato: aprire il file con Excel o "
            "LibreOffice, salvarlo e importarlo di nuovo",
        ),
        (SHEET, 2, "Note", "la cella R2 contiene un errore di calcolo (#REF!)"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("assente.xlsx", None, "file «{path}» non trovato"),
        (
            "vecchio.xls",
            b"\xd0\xcf\x11\xe0",
            "il formato .xls non è supportato: aprire il file "
            "con Excel o LibreOffice e salvarlo come «Cartella di lavoro di Excel (.xlsx)»",
        ),
        ("rotto.xlsx", b"non sono uno zip", "il file non è una cartella di lavoro .xlsx leggibile"),
        ("dati.txt", b"x", "sono ammessi solo file .xlsx, file .csv o una cartella di file .csv"),
    ],
)
def test_unreadable_files(
    db: Database, admin: Actor, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    report = import_file(db, admin, path)
    assert issues(report) == [(None, None, None, message.format(path=path))]
    assert report.errors[0].text() == "File: " + message.format(path=path)
    assert report.imported == {}


# --- CSV -----------------------------------------------------------------------------------


def _csv(rows: list[list[str]], delimiter: str) -> str:
    return "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"


def test_csv_in_windows_1252_with_semicolons(db: Database, admin: Actor, tmp_path: Path) -> None:
    text = _csv(
        [
            ["Codice", "Cognome", "Nome", "Sesso", "Data presa in carico", "Note"],
            ["TIU-1", "Müller", "Josè", "F", "02/05/2024", "Ha già il permesso; rinnovo"],
        ],
        ";",
    ).replace("Ha già il permesso; rinnovo", '"Ha già il permesso; rinnovo"')
    path = tmp_path / "Beneficiari.csv"
    path.write_bytes(text.encode("cp1252"))
    report = import_file(db, admin, path)
    assert (report.ok, report.imported) == (True, {SHEET: 1})
    person = _person(db, "TIU-1")
    assert (person.last_name, person.first_name, person.notes) == (
        "Müller",
        "Josè",
        "Ha già il permesso; rinnovo",
    )


def test_csv_in_utf8_with_bom_and_commas_in_a_folder(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "scambio"
    folder.mkdir()
    text = _csv(
        [
            ["Codice", "Cognome", "Nome", "Sesso", "Data presa in carico", "Codice fiscale"],
            ["TIU-1", "Gündoğdu", "Şükrü", "M", "2/5/2024", "GNDSKR90C12Z243P"],
            ["", "", "", "", "", ""],
            ["TIU-2", "Nguyễn", "Thị Hoa", "F", "02/05/2024", ""],
        ],
        ",",
    )
    (folder / "beneficiari.CSV").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (folder / "leggimi.txt").write_text("non un foglio")
    report = import_file(db, admin, folder)
    assert (report.ok, report.imported) == (True, {SHEET: 2})
    assert _person(db, "TIU-2").last_name == "Nguyễn"


def test_csv_problems(db: Database, admin: Actor, tmp_path: Path) -> None:
    wrong_name = tmp_path / "persone.csv"
    wrong_name.write_text("Codice;Cognome\n", encoding="utf-8")
    report = import_file(db, admin, wrong_name)
    assert [i.message for i in report.errors] == [
        "foglio «persone» sconosciuto: i fogli ammessi sono Beneficiari, Alloggi, Soggiorni, "
        "Pasti, Percorsi, Famiglie, Accoglienze, Contributi, Contatti strada, Convenzioni, "
        "Voci, Spese; "
        "eliminarlo o rinominarlo"
    ]
    utf16 = tmp_path / "Beneficiari.csv"
    utf16.write_bytes("Codice\tCognome\n".encode("utf-16"))
    report = import_file(db, admin, utf16)
    assert issues(report) == [
        (
            "Beneficiari",
            None,
            None,
            "file «Beneficiari.csv»: il file è in formato «Testo Unicode» (UTF-16): salvarlo "
            "da Excel come «CSV UTF-8 (delimitato da virgole)»",
        )
    ]
    empty = tmp_path / "vuota"
    empty.mkdir()
    assert issues(import_file(db, admin, empty)) == [
        (None, None, None, f"la cartella «{empty}» non contiene file .csv")
    ]


# --- permissions, progress, cancel ---------------------------------------------------------


def test_read_only_may_not_import(db: Database, actors: dict[Role, Actor], tmp_path: Path) -> None:
    path = persons_workbook(tmp_path / "b.xlsx", [BASE_ROW])
    before = counts(db)
    with pytest.raises(PermissionDenied) as exc:
        import_file(db, actors[Role.READ_ONLY], path)
    assert exc.value.message == (
        "Operazione non consentita: il ruolo «Sola lettura» non permette di importare dati."
    )
    assert counts(db) == (before[0], before[1] + 1)  # the refusal's own record
    assert import_file(db, actors[Role.OPERATOR], path).ok


def _many_rows(count: int) -> list[dict[str, Any]]:
    return [person_row(Codice=f"TIU-{i}", **{"Codice fiscale": None}) for i in range(count)]


def test_progress_is_reported(db: Database, admin: Actor, tmp_path: Path) -> None:
    path = persons_workbook(tmp_path / "b.xlsx", _many_rows(1200))
    seen: list[tuple[int, int, str]] = []
    report = import_file(db, admin, path, progress=lambda d, t, x: seen.append((d, t, x)))
    assert report.imported == {SHEET: 1200}
    assert seen[0] == (0, 0, "Lettura di «b.xlsx»…")
    assert (500, 1201, "Lettura di «b.xlsx»: riga 500") in seen
    assert (1000, 1200, "Controllo del foglio Beneficiari: riga 1000 di 1200") in seen
    assert (1000, 1200, "Controllo dei beneficiari: riga 1000 di 1200") in seen
    assert seen[-1] == (1200, 1200, "Scrittura dei beneficiari: 1200 di 1200")


def test_cancelling_while_writing_writes_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = persons_workbook(tmp_path / "b.xlsx", _many_rows(1200))
    before = counts(db)
    texts: list[str] = []
    with pytest.raises(exchange.Cancelled) as exc:
        import_file(
            db,
            admin,
            path,
            progress=lambda _d, _t, text: texts.append(text),
            # stop after the first batch of persons has been flushed
            cancel=lambda: bool(texts) and texts[-1].startswith("Scrittura"),
        )
    assert exc.value.message == "Operazione annullata: nessun dato è stato scritto."
    assert texts[-1] == "Scrittura dei beneficiari: 500 di 1200"
    assert counts(db) == before


# --- a colleague's edit between the check and the write --------------------------------------


def _colleague_renames(db: Database, admin: Actor, code: str, last_name: str) -> None:
    with db.transaction(admin) as session:
        person = session.scalar(select(Person).where(Person.code == code))
        assert person is not None
        person.last_name = last_name


def test_a_colleagues_edit_after_the_check_is_not_overwritten(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    # GIVEN a recorded person and a file that updates them, checked (the window's first step)
    assert import_file(db, admin, persons_workbook(tmp_path / "1.xlsx", [BASE_ROW])).ok
    path = persons_workbook(tmp_path / "2.xlsx", [person_row(Note="dal file")])
    check = import_file(db, admin, path, dry_run=True)
    assert check.ok and check.counts == {SHEET: SheetCounts(updated=1)}
    # WHEN a colleague edits the person before the import is confirmed
    _colleague_renames(db, admin, "TIU-1", "Rossi-Bianchi")
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        exchange.import_workbook(session, admin, path, checked=check.checked)
    # THEN the write refuses, naming the row and the person, and the edit is kept
    assert "riga 2, codice «TIU-1»" in err.value.message
    assert "la scheda è stata modificata da un altro utente" in err.value.message
    person = _person(db, "TIU-1")
    assert (person.last_name, person.notes) == ("Rossi-Bianchi", None)


def test_a_person_created_after_the_check_is_not_overwritten(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = persons_workbook(tmp_path / "1.xlsx", [BASE_ROW])
    check = import_file(db, admin, path, dry_run=True)
    assert check.counts == {SHEET: SheetCounts(created=1)}
    # a colleague registers the same Codice meanwhile
    other = persons_workbook(tmp_path / "2.xlsx", [person_row(Cognome="Collega")])
    assert import_file(db, admin, other).ok
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        exchange.import_workbook(session, admin, path, checked=check.checked)
    assert "la scheda è stata creata da un altro utente" in err.value.message
    assert _person(db, "TIU-1").last_name == "Collega"


def test_the_check_and_the_write_in_one_run_are_guarded_too(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite: the import's write transaction holds the database from the check")
    assert import_file(db, admin, persons_workbook(tmp_path / "1.xlsx", [BASE_ROW])).ok
    path = persons_workbook(tmp_path / "2.xlsx", [person_row(Note="dal file")])
    write = exchange.persons_sheet.PersonsHandler.write

    def colleague_first(self: Any, ctx: Any, summary: Any) -> None:
        _colleague_renames(db, admin, "TIU-1", "Rossi-Bianchi")  # another connection
        write(self, ctx, summary)

    monkeypatch.setattr(exchange.persons_sheet.PersonsHandler, "write", colleague_first)
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        exchange.import_workbook(session, admin, path)
    assert "riga 2, codice «TIU-1»" in err.value.message
    assert _person(db, "TIU-1").last_name == "Rossi-Bianchi"


def test_a_dry_run_names_holders_by_codice_and_is_in_their_trail(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    with db.transaction(admin) as session:
        holder = persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="OLD-1",
                last_name="Gündoğdu",
                first_name="Şükrü",
                sex="M",
                fiscal_code="GNDSKR90C12Z243P",
                intake_date=dt.date(2023, 1, 1),
            ),
        ).id
    row = person_row(Codice="NEW-1", **{"Codice fiscale": "GNDSKR90C12Z243P"})
    report = import_file(db, admin, persons_workbook(tmp_path / "b.xlsx", [row]), dry_run=True)
    assert [i.message for i in report.errors] == ["già usato dalla persona con codice OLD-1"]
    assert "Gündoğdu" not in str(report.to_json())
    with db.reading() as session:
        trail = list(
            session.scalars(
                select(AuditEntry).where(audit.concerning([holder])).order_by(AuditEntry.id)
            )
        )
    assert [e.action for e in trail][-1] == "import"
    assert trail[-1].detail == "Controllo del file «b.xlsx», nessun dato scritto: 1 errore"
